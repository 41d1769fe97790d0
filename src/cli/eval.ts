/** `zhishang eval`: one scenario read from stdin → `{ output, explanation, … }`, or a rendered explanation. */
import { explain } from "../scenario/render.js";
import { evaluateScenario } from "../scenario/scenario.js";
import { choice, errorLine, HELP_OPTION, jsonLine, parseCommand, parseJson, RULE_SET_HELP, RULE_SET_OPTION, ruleSetRegistry, typed, type CliIO } from "./io.js";

export const EVAL_USAGE = `Usage: zhishang eval [--rule-set <file>]... [--explain zh|en [--format text|markdown|json]] < scenario.json
  Evaluates one scenario read from stdin (its expect ignored) and prints { output, explanation, ruleSet, … } as
  one JSON line, or with --explain the output and the explanation rendered in that language. A failure prints
  { "error": { code, message, messageZh, messageEn, path } } and exits 1.
${RULE_SET_HELP}
`;

export async function evalCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(io, "eval", EVAL_USAGE, {
    args: [...args],
    options: { explain: { type: "string" }, format: { type: "string" }, ...RULE_SET_OPTION, ...HELP_OPTION },
    allowPositionals: false,
  });
  if (parsed === null) return 2;
  if (parsed.values.help === true) {
    io.stdout(EVAL_USAGE);
    return 0;
  }
  const explainIn = parsed.values.explain;
  const lang = explainIn === undefined ? undefined : choice(io, "eval", EVAL_USAGE, "explain", explainIn, ["zh", "en"], "zh");
  if (lang === null) return 2;
  const format = choice(io, "eval", EVAL_USAGE, "format", parsed.values.format, ["text", "markdown", "json"], "text");
  if (format === null) return 2;
  const registry = ruleSetRegistry(io, parsed.values["rule-set"]);
  if (registry === null) return 2;
  const input = parseJson(await io.readStdin(), "scenario on stdin");
  if (!input.ok) {
    io.stdout(errorLine(input.error));
    return 1;
  }
  const r = typed(() => evaluateScenario(input.value, { registry }), (e) => io.stdout(errorLine(e)));
  if (!r.ok) return 1;
  if (lang === undefined) io.stdout(jsonLine(r.value));
  else io.stdout(`${JSON.stringify(r.value.output, null, 2)}\n\n${explain(r.value, { lang, format })}\n`);
  return 0;
}
