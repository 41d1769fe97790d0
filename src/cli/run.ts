/**
 * `zhishang run <file-or-folder>...`: runs scenario files and reports them (`--reporter ndjson|pretty|junit|tap`,
 * src/scenario/report.ts); exit 0 when all pass, 1 when any fails, 2 when no scenario was found or on a usage error.
 */
import { LIBRARY_VERSION } from "../core/version.js";
import type { ProcessData } from "../scenario/batch.js";
import { REPORTERS, reportWriter, summarize, type ReportedRun } from "../scenario/report.js";
import { runScenario } from "../scenario/scenario.js";
import { collectFiles, readScenarioFile } from "./files.js";
import { choice, HELP_OPTION, parseCommand, processDataOf, usageError, type CliIO } from "./io.js";
import { PROCESS_DATA_HELP, PROCESS_DATA_OPTIONS } from "./process-data.js";

export const RUN_USAGE = `Usage: zhishang run [--reporter ndjson|pretty|junit|tap] [--lang zh|en] [data options] <file-or-folder>...
  Runs each scenario file (a folder: every .json file under it, in name order) and reports each scenario.
  A defective scenario (unknown kind, province or field, both or neither of expect and expectError, an expect
  field the kind never outputs, a file that is not JSON) fails with SCENARIO_INVALID whatever it expects.
  Exit 0 when all pass, 1 when any fails, 2 when no scenario was found or on a usage error.
  --reporter <name>   ndjson: one JSON line per scenario, { id, pass, output, mismatches[, error][, warnings],
                      ruleSet, assumptions (when it was evaluated), version, file }
                      (the default when stdout is not a terminal); pretty: for people, each failure with the
                      expected and actual values and the explanation steps and citations that produced them (the
                      default on a terminal); junit: JUnit XML; tap: TAP version 14
  --lang zh|en        the language of the pretty, junit and tap texts (default zh)
${PROCESS_DATA_HELP}
  Warnings (an expectError without path) are shown by the reporter and written to stderr; they do not fail a run.
`;

export function runCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "run", RUN_USAGE, {
    args: [...args],
    options: { reporter: { type: "string" }, lang: { type: "string" }, ...PROCESS_DATA_OPTIONS, ...HELP_OPTION },
    allowPositionals: true,
  });
  if (typeof parsed === "number") return parsed;
  const reporter = choice(io, "run", RUN_USAGE, "reporter", parsed.values.reporter, REPORTERS, io.isTTY === true ? "pretty" : "ndjson");
  if (reporter === null) return 2;
  const lang = choice(io, "run", RUN_USAGE, "lang", parsed.values.lang, ["zh", "en"], "zh");
  if (lang === null) return 2;
  if (parsed.positionals.length === 0) return usageError(io, "run", "give at least one scenario file or folder", RUN_USAGE);
  const data = processDataOf(io, parsed.values);
  if (data === null) return 2;
  const files: string[] = [];
  for (const p of parsed.positionals) {
    try {
      collectFiles(p, files);
    } catch {
      io.stderr(`zhishang run: cannot read ${p}\n`);
      return 2;
    }
  }
  if (files.length === 0) {
    io.stderr(`zhishang run: no scenario found (no .json file in ${parsed.positionals.join(", ")})\n`);
    return 2;
  }
  const writer = reportWriter(reporter, lang);
  // A streaming reporter writes each run as it goes; JUnit XML needs the counts first, so its runs are kept (a
  // passed run without its explanation: only a failure's is shown).
  const kept: ReportedRun[] = [];
  const all: Array<{ pass: boolean; warnings?: readonly unknown[] | undefined }> = [];
  io.stdout(writer.begin(files.length));
  for (const [k, file] of files.entries()) {
    const run = runFile(file, data);
    all.push({ pass: run.pass, warnings: run.warnings });
    for (const w of run.warnings ?? []) io.stderr(`zhishang run: warning: ${printable(run.id)} (${printable(file)}): ${w.message}\n`);
    if (writer.streaming) io.stdout(writer.item(run, k));
    else kept.push(run.pass ? withoutExplanation(run) : run);
  }
  const summary = summarize(all);
  io.stdout(writer.end(kept, summary));
  if (reporter !== "pretty") io.stderr(`${summary.passed} passed, ${summary.failed} failed\n`);
  return summary.failed === 0 ? 0 : 1;
}

/** Control characters replaced by U+FFFD: an id or a file name written to a terminal runs no escape sequence. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD");
}

function withoutExplanation(run: ReportedRun): ReportedRun {
  const { explanation: _explanation, ...rest } = run;
  return rest;
}

/** The run of one file: a file that cannot be read or is not JSON is a defective scenario (`SCENARIO_INVALID`). */
function runFile(file: string, data: ProcessData): ReportedRun {
  const read = readScenarioFile(file);
  if (!read.ok) {
    const { file: _file, ...run } = read.run;
    return { ...run, version: LIBRARY_VERSION, file };
  }
  return { ...runScenario(read.value, { registry: data.registry, calendars: data.calendars, statistics: data.statistics }), version: LIBRARY_VERSION, file };
}
