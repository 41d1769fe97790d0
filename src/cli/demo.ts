/** `zhishang demo [--lang zh|en]`: the worked cases of src/demo.ts, each checked against its hand calculation. */
import { DEMO_CASES } from "../demo.js";
import { explanationToText } from "../scenario/render.js";
import { evaluateScenario, runScenario } from "../scenario/scenario.js";
import { choice, HELP_OPTION, parseCommand, type CliIO } from "./io.js";

export const DEMO_USAGE = `Usage: zhishang demo [--lang zh|en]
  Worked cases for all five bundled provinces: the hand calculation, the result, whether they agree, and the
  explanation. Exit 1 when a result differs from its hand calculation.
`;

export function demoCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "demo", DEMO_USAGE, { args: [...args], options: { lang: { type: "string" }, ...HELP_OPTION }, allowPositionals: false });
  if (typeof parsed === "number") return parsed;
  const lang = choice(io, "demo", DEMO_USAGE, "lang", parsed.values.lang, ["zh", "en"], "zh");
  if (lang === null) return 2;
  let failed = 0;
  for (const c of DEMO_CASES) {
    const s = c.scenario;
    const r = evaluateScenario(s);
    const check = runScenario(s);
    if (!check.pass) failed += 1;
    io.stdout(`\n=== ${s.id} (${s.province ?? "ruleSet"}, ${s.kind}) ===\n`);
    io.stdout(`${lang === "zh" ? "手算" : "by hand"}: ${c.hand[lang]}\n`);
    io.stdout(`${lang === "zh" ? "结果" : "result"}: ${JSON.stringify(r.output)}\n`);
    const agrees = lang === "zh" ? (check.pass ? "与手算一致" : "与手算不一致") : check.pass ? "matches the hand calculation" : "differs from the hand calculation";
    io.stdout(`${check.pass ? "✓" : "✗"} ${agrees}\n`);
    io.stdout(`${explanationToText(r.explanation, lang)}\n`);
  }
  return failed === 0 ? 0 : 1;
}
