/**
 * No stale figure: every text of an explanation is written from the values actually used. Each fixture is run
 * again with every numeric parameter its explanation used perturbed through `overrides` (a period's count + 1, a
 * due day + 1, hours + 1, months and percentages + 1, a factor + 0.01, the per-order amounts + 0.01, the float
 * tiers widened by one step); the titles, notes and error messages of that run, in Chinese and in English, must
 * not state an original figure with its unit ("30个工作日", "48 hours", "0.07", "3%") unless the perturbed values
 * state the same figure too (then the text may be right).
 *
 * A text that still says "按30个工作日的一般期限计算" after `timeLimit.confirmation` became 31 working days is the
 * defect this test exists for.
 */
import { describe, expect, test } from "vitest";
import { safeEvaluateScenario } from "../../src/index.js";
import type { ExplanationStep, UsedParameter } from "../../src/core/explain.js";
import { FIXTURES } from "./arbitraries.js";

type Value = unknown;

const UNIT_ZH: Record<string, string[]> = { day: ["日", "天"], "working-day": ["个工作日"], month: ["个月"], year: ["年"] };
const UNIT_EN: Record<string, string[]> = { day: [" day"], "working-day": [" working day"], month: [" month"], year: [" year"] };

const isPeriod = (v: Value): v is { count: number; unit: string } =>
  typeof v === "object" && v !== null && typeof (v as { count?: unknown }).count === "number" && typeof (v as { unit?: unknown }).unit === "string";

/** The figures a text may state for one parameter value, with their units. */
function tokens(name: string, v: Value): string[] {
  if (isPeriod(v)) {
    return [...(UNIT_ZH[v.unit] ?? []).map((u) => `${v.count}${u}`), ...(UNIT_EN[v.unit] ?? []).map((u) => `${v.count}${u}`)];
  }
  if (name === "eligibility.suddenDeathMaxHours" && typeof v === "number") return [`${v}小时`, `${v} hours`, `${v} hour`];
  if (name === "fund.serviceFee" && typeof v === "object" && v !== null) {
    return Object.values(v as Record<string, string>).map((p) => `${p}%`);
  }
  if (name === "premium.instantDeliverySwitch" && typeof v === "object" && v !== null) {
    return Object.values(v as Record<string, string>);
  }
  if (name === "premium.baseAmounts" && Array.isArray(v)) {
    // "0.01" also names the fen of every rounding remark: left out
    return [...new Set(v.flatMap((e: Record<string, unknown>) => Object.values(e).filter(Array.isArray).flat() as string[]))].filter((a) => a !== "0.01");
  }
  if (name.endsWith("Months") && typeof v === "number") return [`${v}个月`, `${v} months`];
  if (name.endsWith("Percent") && typeof v === "number") return [`${v}%`];
  if (name.endsWith("Multiple") && typeof v === "number") return [`${v}倍`, `${v} times`];
  if (isIntMap(v)) {
    return Object.values(v).flatMap((n) => (name.endsWith("Months") ? [`${n}个月`, `${n} months`] : name.endsWith("Percent") || name === "nursing.percent" ? [`${n}%`] : []));
  }
  return [];
}

/** A per-order amount one cent higher, as the rule sets write amounts ("0.07" → "0.08"). */
const cent = (a: string): string => (Math.round(Number(a) * 100) + 1).toString().padStart(3, "0").replace(/(\d\d)$/, ".$1");

const isIntMap = (v: Value): v is Record<string, number> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).length > 0 && Object.values(v).every((n) => Number.isInteger(n));

/** A perturbed value of the same shape, or undefined where the parameter is left alone. */
function perturb(name: string, v: Value): Value {
  if (isPeriod(v)) return { ...v, count: v.count + 1 };
  if (name.startsWith("timeLimit.") && typeof v === "object" && v !== null && "day" in v) {
    const d = v as { day: number };
    return d.day < 28 ? { ...d, day: d.day + 1 } : undefined;
  }
  if (name === "eligibility.suddenDeathMaxHours" && typeof v === "number") return v + 1;
  if (name === "premium.floatTiers") {
    const t = v as { min: number; max: number; step: number };
    return t.min - t.step >= 1 ? { min: t.min - t.step, max: t.max + t.step, step: t.step } : undefined;
  }
  if (name === "premium.instantDeliverySwitch") {
    const w = v as { lower: string; upper: string };
    return { lower: cent(w.lower), upper: cent(w.upper) };
  }
  if (name === "premium.baseAmounts" && Array.isArray(v)) {
    return v.map((e: Record<string, unknown>) => Object.fromEntries(Object.entries(e).map(([k, a]) => [k, Array.isArray(a) ? a.map((x: string) => cent(x)) : a])));
  }
  if (name === "fund.serviceFee") {
    const f = v as Record<string, string>;
    return Object.fromEntries(Object.entries(f).map(([k, p]) => [k, String(Number(p) + 1)]));
  }
  if ((name.endsWith("Months") || name.endsWith("Percent") || name.endsWith("Multiple")) && typeof v === "number") return v + 1;
  if (isIntMap(v) && !name.startsWith("timeLimit.")) return Object.fromEntries(Object.entries(v).map(([k, n]) => [k, n + 1]));
  return undefined;
}

function texts(r: ReturnType<typeof safeEvaluateScenario>): string[] {
  if (!r.ok) return [r.error.messageZh, r.error.messageEn];
  // The assumptions step repeats the rule set's reasons for its assumed values: data about those values, not a text
  // the engine writes from a figure.
  return (r.value.explanation as readonly ExplanationStep[])
    .filter((s) => s.rule !== "explanation.assumptions")
    .flatMap((s) => [s.title.zh, s.title.en, ...(s.notes ?? []).flatMap((n) => [n.zh, n.en])]);
}

const usedParameters = (r: ReturnType<typeof safeEvaluateScenario>): UsedParameter[] =>
  r.ok ? (r.value.explanation as readonly ExplanationStep[]).flatMap((s) => s.parameters) : [];

/** Whether `token` stands in `text` as a figure (not as the tail of a longer number: "130%" does not hold "30%"). */
function states(text: string, token: string): boolean {
  let at = text.indexOf(token);
  while (at >= 0) {
    const before = text[at - 1];
    if (before === undefined || !/[0-9.]/.test(before)) return true;
    at = text.indexOf(token, at + 1);
  }
  return false;
}

const cases = FIXTURES.map((f) => {
  const original = safeEvaluateScenario(f.scenario);
  const own = (f.scenario.overrides ?? {}) as Record<string, unknown>;
  const overrides: Record<string, unknown> = { ...own };
  const stale: string[] = [];
  const fresh: string[] = [];
  for (const p of usedParameters(original)) {
    if (p.name in overrides) continue;
    const next = perturb(p.name, p.value);
    if (next === undefined) continue;
    overrides[p.name] = next;
    stale.push(...tokens(p.name, p.value));
    fresh.push(...tokens(p.name, next));
  }
  // figures the caller gave (an input of 48 hours, a base amount of "0.25") may stand in the texts as they are
  const given = new Set<string>();
  JSON.stringify(f.scenario.input ?? null, (_, x: unknown) => {
    if (typeof x === "number" || typeof x === "string") given.add(String(x));
    return x;
  });
  const leading = (t: string): string => /^[0-9.]+/.exec(t)?.[0] ?? "";
  return { file: f.file, scenario: { ...f.scenario, overrides }, originalTexts: texts(original), stale: stale.filter((t) => !given.has(leading(t))), fresh };
}).filter((c) => c.stale.length > 0);

/**
 * Texts that state a figure of the case itself, which may equal a parameter's: the hours from onset to death
 * computed from the input's date-times ("died 48 hours after onset (at most 49)").
 */
const CASE_FIGURES = [/ after onset/, /from onset to death/];

describe("no stale figure in any explanation text when the parameters change", () => {
  test("the perturbation reaches most fixtures", () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  test.each(cases.map((c) => [c.file, c] as const))("%s", (_, c) => {
    const perturbed = texts(safeEvaluateScenario(c.scenario));
    const found: string[] = [];
    for (const text of perturbed.filter((t) => !CASE_FIGURES.some((re) => re.test(t)))) {
      for (const token of c.stale) {
        if (c.fresh.includes(token)) continue;
        // only figures the original run stated: a token a text never said cannot have gone stale
        if (states(text, token) && c.originalTexts.some((t) => states(t, token))) found.push(`${token} in «${text}»`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });
});
