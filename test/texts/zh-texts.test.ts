/**
 * Issue 18, item 3: a Chinese text carries no English. Every fixture's explanation rendered in Chinese (text,
 * Markdown and the JSON of Chinese texts) and every fixture's error message in Chinese are searched for English
 * words (three letters or more) once the tokens that are data, not prose, are taken out: the step's rule id,
 * input and parameter names, the string values it used and gave (ids such as "instant-delivery"), citation ids,
 * field names (camelCase), ids (kebab-case, dotted), doc paths, and the quoted values of messages.
 */
import { describe, expect, test } from "vitest";
import { explain, safeEvaluateScenario } from "../../src/index.js";
import type { ExplanationStep, Json } from "../../src/core/explain.js";
import { fixtureRuns } from "./fixture-texts.js";
import { z } from "zod";
import { zodIssueZh } from "../../src/core/validate.js";

function strings(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === "string") out.add(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (typeof v === "object" && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      strings(x, out);
    }
  }
  return out;
}

/** Data tokens of a step: what it names and what it used and gave. */
function dataOf(s: ExplanationStep): Set<string> {
  const out = new Set<string>([s.rule]);
  strings(s.inputs as Json, out);
  strings(s.result, out);
  for (const p of s.parameters) {
    out.add(p.name);
    strings(p.value, out);
    if (p.replaced !== undefined) strings(p.replaced, out);
  }
  for (const c of s.citations) out.add(c.id);
  return out;
}

const TOKEN_PATTERNS = [
  /https?:\/\/\S+/g,
  /docs\/[a-z-]+\.md(#[A-Za-z0-9-]+)?/g,
  /"[^"\n]*"/g, // quoted values ("meituan", "zh")
  /“[^”\n]*”/g,
  /\b[a-zA-Z0-9]+(?:[-_.@#][a-zA-Z0-9]+)+\b/g, // ids: instant-delivery, benefit.baseFactor, qinghai@2026-07-01
  /\b[a-z]+(?:[A-Z][a-zA-Z0-9]*)+\b/g, // field names: avgMonthlyWage
  /\b(?:qinghai|shanghai|guangxi|zhejiang|eligibility)\b/g, // province ids, kind names
  /\b(?:null|true|false|NaN|YYYY|MM|DD|UTC|KiB|MiB|zhishang|overrides|calendars|strict|expect|expectError|province|ruleSet|min|max|step|from|input|output)\b/g,
];

/** The English words left in `text` once `data` and the token patterns are taken out. */
function englishIn(text: string, data: ReadonlySet<string>): string[] {
  let t = text;
  // the caller's texts and the step's values whole first (they may hold spaces), then ids and names by pattern
  for (const d of [...data].filter((x) => x.length >= 3 && /\s/.test(x)).sort((a, b) => b.length - a.length)) t = t.split(d).join(" ");
  for (const re of TOKEN_PATTERNS) t = t.replace(re, " ");
  for (const d of [...data].filter((x) => x.length >= 3).sort((a, b) => b.length - a.length)) t = t.split(d).join(" ");
  return t.match(/[A-Za-z]{3,}/g) ?? [];
}

describe("Chinese texts contain no English words", () => {
  test("every fixture's explanation in Chinese: text, Markdown and JSON", () => {
    const found = new Map<string, string>();
    let steps = 0;
    for (const run of fixtureRuns()) {
      const given = strings(run.scenario, new Set<string>()); // a caller's own texts (a calendar's source) are data
      for (const s of run.explanation ?? []) {
        steps++;
        const data = new Set([...dataOf(s), ...given]);
        const json = JSON.parse(explain([s], { lang: "zh", format: "json" })) as Array<{ title: string; notes: string[]; rounding?: string;
          parameters: Array<{ reason?: string }>; citations: Array<{ text: string }> }>;
        const j = json[0] as (typeof json)[number];
        const texts = [
          ...explain([s], { lang: "zh" }).split("\n"),
          ...explain([s], { lang: "zh", format: "markdown" }).split("\n"),
          j.title, ...j.notes, j.rounding ?? "", ...j.parameters.map((p) => p.reason ?? ""), ...j.citations.map((c) => c.text),
        ];
        for (const line of texts) {
          const words = englishIn(line, data);
          if (words.length > 0 && !found.has(line)) found.set(line, `${run.file} step ${s.rule}: ${words.join(" ")}`);
        }
      }
    }
    expect(steps).toBeGreaterThan(1000);
    expect([...found.entries()].map(([line, where]) => `${where} — ${line}`)).toEqual([]);
  });

  test("every fixture's error message in Chinese", () => {
    const bad: string[] = [];
    let errors = 0;
    for (const run of fixtureRuns()) {
      if (run.error === undefined) continue;
      errors++;
      const data = strings(run.scenario, new Set(run.error.path.map(String)));
      const words = englishIn(run.error.messageZh, data);
      if (words.length > 0) bad.push(`${run.file}: ${run.error.messageZh}`);
    }
    expect(errors).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });

  // Before: "grade：输入无效（Too big: expected number to be <=10）", "deathDate：输入无效（not a valid calendar date）".
  test.each([
    [{ grade: 11, avgMonthlyWage: "6000" }, "disability-benefits", "grade：输入无效（应不大于10）"],
    [{ grade: "4", avgMonthlyWage: "6000" }, "disability-benefits", "grade：输入无效（应为数字，实际为字符串）"],
    [{ grade: 4, avgMonthlyWage: "6000", extra: 1 }, "disability-benefits", "extra：输入无效（未知字段）"],
    [{ grade: 4, avgMonthlyWage: "6,000" }, "disability-benefits", 'avgMonthlyWage：输入无效（应为金额，如 "1234.56"（元，最多两位小数））'],
    [{ grade: 4, avgMonthlyWage: "6000", nursingLevel: "some" }, "disability-benefits", 'nursingLevel：输入无效（应为以下之一："full"、"most"、"partial"）'],
    [{ deathDate: "2026-02-30", avgMonthlyWage: "6000", dependants: [] }, "death-benefits", "deathDate：输入无效（不是有效的日历日期）"],
  ])("zod's issues in Chinese: %j (%s)", (input, kind, zh) => {
    const r = safeEvaluateScenario({ id: "t", province: "qinghai", kind, input });
    expect(r.ok ? null : r.error.messageZh).toBe(zh);
  });

  test.each([
    [z.string().min(2), "", "长度应至少为2个字符"],
    [z.array(z.number()).max(1), [1, 2], "应至多有1项"],
    [z.number().gt(0), 0, "应大于0"],
    [z.number().int(), 1.5, "应为整数，实际为数字"],
    [z.number(), Number.POSITIVE_INFINITY, "应为数字，实际为非有限数"],
    [z.union([z.string(), z.number()]), true, "不符合任何一种可接受的形式"],
    [z.literal("k"), "q", '应为 "k"'],
    [z.string().regex(/^a$/), "b", "格式不符（应匹配 /^a$/）"],
    [z.number().multipleOf(5), 3, "应为5的整数倍"],
    [z.string().refine(() => false, "a message of no schema of the library"), "x", "取值无效"],
    [z.string().refine(() => false, "not a valid calendar date"), "x", "不是有效的日历日期"],
  ])("zodIssueZh: %s on %j", (schema, value, zh) => {
    const r = (schema as z.ZodType).safeParse(value);
    expect(r.success).toBe(false);
    expect(zodIssueZh((r.error as z.ZodError).issues[0] as z.core.$ZodIssue, value)).toBe(zh);
  });
});
