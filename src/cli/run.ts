/** `zhishang run <file-or-folder>...`: runs scenario files, one JSON line each; exit 1 when any fails. */
import { runScenario } from "../scenario/scenario.js";
import { collectFiles, HELP_OPTION, jsonLine, parseCommand, readJsonFile, RULE_SET_HELP, RULE_SET_OPTION, ruleSetRegistry, usageError, type CliIO } from "./io.js";

export const RUN_USAGE = `Usage: zhishang run [--rule-set <file>]... <file-or-folder>...
  Runs each scenario file (a folder: every .json file under it, in name order) and prints one JSON line per
  scenario: { id, pass, output, mismatches[, error], file }. Exit 0 when all pass, 1 when any fails.
${RULE_SET_HELP}
`;

export function runCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "run", RUN_USAGE, { args: [...args], options: { ...RULE_SET_OPTION, ...HELP_OPTION }, allowPositionals: true });
  if (parsed === null) return 2;
  if (parsed.values.help === true) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) return usageError(io, "run", "give at least one scenario file or folder", RUN_USAGE);
  const registry = ruleSetRegistry(io, parsed.values["rule-set"]);
  if (registry === null) return 2;
  const files: string[] = [];
  for (const p of parsed.positionals) {
    try {
      collectFiles(p, files);
    } catch {
      io.stderr(`zhishang run: cannot read ${p}\n`);
      return 2;
    }
  }
  let failed = 0;
  for (const file of files) {
    const read = readJsonFile(file);
    if (!read.ok) {
      failed += 1;
      io.stdout(jsonLine({ id: file, pass: false, output: null, mismatches: [], error: read.error.toJSON(), file }));
      continue;
    }
    const r = runScenario(read.value, { registry });
    if (!r.pass) failed += 1;
    io.stdout(jsonLine({ ...r, file }));
  }
  io.stderr(`${files.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
