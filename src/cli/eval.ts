/** `zhishang eval [FILE]`: one scenario read from FILE (stdin without one) → `{ output, explanation, … }`, or a rendered explanation. */
import { explain } from "../scenario/render.js";
import { evaluateScenario } from "../scenario/scenario.js";
import {
  choice,
  errorLine,
  HELP_OPTION,
  jsonLine,
  parseCommand,
  parseJson,
  readTextFile,
  RULE_SET_HELP,
  RULE_SET_OPTION,
  ruleSetRegistry,
  typed,
  usageError,
  type CliIO,
} from "./io.js";

export const EVAL_USAGE = `Usage: zhishang eval [--rule-set <file>]... [--explain zh|en [--format text|markdown|json]] [FILE]
  Evaluates one scenario read from FILE, or from stdin when no FILE is given (its expect ignored), and prints
  { output, explanation, ruleSet, … } as one JSON line, or with --explain the output and the explanation
  rendered in that language. A failure (the JSON not parsing included) prints
  { "error": { code, message, messageZh, messageEn, path } } and exits 1; a FILE that cannot be read exits 2.
${RULE_SET_HELP}
`;

export async function evalCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(io, "eval", EVAL_USAGE, {
    args: [...args],
    options: { explain: { type: "string" }, format: { type: "string" }, ...RULE_SET_OPTION, ...HELP_OPTION },
    allowPositionals: true,
  });
  if (parsed === null) return 2;
  if (parsed.values.help === true) {
    io.stdout(EVAL_USAGE);
    return 0;
  }
  const [file, ...more] = parsed.positionals;
  if (more.length > 0) return usageError(io, "eval", "give at most one scenario file (none: read stdin)", EVAL_USAGE);
  const explainIn = parsed.values.explain;
  const lang = explainIn === undefined ? undefined : choice(io, "eval", EVAL_USAGE, "explain", explainIn, ["zh", "en"], "zh");
  if (lang === null) return 2;
  const format = choice(io, "eval", EVAL_USAGE, "format", parsed.values.format, ["text", "markdown", "json"], "text");
  if (format === null) return 2;
  const registry = ruleSetRegistry(io, parsed.values["rule-set"]);
  if (registry === null) return 2;
  let text: string;
  if (file === undefined) text = await io.readStdin();
  else {
    const read = readTextFile(file);
    if (!read.ok) {
      io.stderr(`zhishang eval: ${read.error.messageEn}\n`);
      return 2;
    }
    text = read.text;
  }
  const input = parseJson(text, file ?? "scenario on stdin");
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
