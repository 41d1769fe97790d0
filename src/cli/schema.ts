/**
 * `zhishang schema [<kind> [--output] | scenario | explanation]`: the JSON Schema of a scenario kind's input or
 * output, of the envelope every scenario shares, or of the explanation; without an argument, the list of kinds.
 */
import { kindNames, scenarioJsonSchema } from "../scenario/scenario.js";
import { explanationJsonSchema, outputJsonSchema, scenarioEnvelopeJsonSchema } from "../scenario/schemas.js";
import { HELP_OPTION, parseCommand, typed, usageError, type CliIO } from "./io.js";

export const SCHEMA_USAGE = `Usage: zhishang schema [<kind> [--output] | scenario | explanation]
  Prints a JSON Schema (draft 2020-12): a scenario kind's scenario (its input), or with --output the kind's
  output; "scenario", the envelope every scenario shares; "explanation", the steps every result explains
  itself with. Without an argument, the list of kinds. The same schemas ship in the package's schemas/
  (<kind>.json, <kind>.output.json, scenario.json, explanation.json; rule-set files: rule-set.json).

  --output   the kind's output (what eval prints as "output") instead of its scenario
`;

/** The schemas named by a word rather than by a kind. */
const NAMED: Readonly<Record<string, () => Record<string, unknown>>> = {
  scenario: scenarioEnvelopeJsonSchema,
  explanation: explanationJsonSchema,
};

export function schemaCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "schema", SCHEMA_USAGE, {
    args: [...args],
    options: { ...HELP_OPTION, output: { type: "boolean" } },
    allowPositionals: true,
  });
  if (typeof parsed === "number") return parsed;
  const output = parsed.values.output === true;
  const [kind, ...more] = parsed.positionals;
  if (more.length > 0) return usageError(io, "schema", "give at most one kind", SCHEMA_USAGE);
  if (kind === undefined) {
    if (output) return usageError(io, "schema", "--output needs a kind", SCHEMA_USAGE);
    io.stdout(`${kindNames().join("\n")}\n`);
    return 0;
  }
  const named = Object.hasOwn(NAMED, kind) ? NAMED[kind] : undefined;
  if (named !== undefined && output) return usageError(io, "schema", `--output is for a kind, not "${kind}"`, SCHEMA_USAGE);
  const r = typed(named ?? (() => (output ? outputJsonSchema(kind) : scenarioJsonSchema(kind))), (e) => io.stderr(`${e.message}\n`));
  if (!r.ok) return 2;
  io.stdout(`${JSON.stringify(r.value, null, 2)}\n`);
  return 0;
}
