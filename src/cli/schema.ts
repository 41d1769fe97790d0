/** `zhishang schema [<kind>]`: the JSON Schema of a scenario kind, or the list of kinds. */
import { kindNames, scenarioJsonSchema } from "../scenario/scenario.js";
import { HELP_OPTION, parseCommand, typed, usageError, type CliIO } from "./io.js";

export const SCHEMA_USAGE = `Usage: zhishang schema [<kind>]
  Prints the JSON Schema (draft 2020-12) of a scenario kind; without a kind, the list of kinds. The rule-set
  file format is schemas/rule-set.json in the package.
`;

export function schemaCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "schema", SCHEMA_USAGE, { args: [...args], options: { ...HELP_OPTION }, allowPositionals: true });
  if (parsed === null) return 2;
  if (parsed.values.help === true) {
    io.stdout(SCHEMA_USAGE);
    return 0;
  }
  const [kind, ...more] = parsed.positionals;
  if (more.length > 0) return usageError(io, "schema", "give at most one kind", SCHEMA_USAGE);
  if (kind === undefined) {
    io.stdout(`${kindNames().join("\n")}\n`);
    return 0;
  }
  const r = typed(() => scenarioJsonSchema(kind), (e) => io.stderr(`${e.message}\n`));
  if (!r.ok) return 2;
  io.stdout(`${JSON.stringify(r.value, null, 2)}\n`);
  return 0;
}
