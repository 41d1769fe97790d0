import { describe, expect, test } from "vitest";
import { computeDisabilityBenefits } from "../../src/benefits/disability.js";
import { explain } from "../../src/scenario/render.js";

describe("explain()", () => {
  const r = computeDisabilityBenefits("guangxi", { grade: 5, avgMonthlyWage: "5000.00" });

  test("text in Chinese names the values, provenance and articles", () => {
    const t = explain(r, { lang: "zh" });
    // base 5000 × 1 (assumed) = 5000; subsidy 18 × 5000 = 90000
    expect(t).toContain("一次性伤残补助金（5级） → formula=5000 × 18; exact=90000; amount=90000.00");
    expect(t).toContain("参数 benefit.baseFactor = 1 [推定]");
    expect(t).toContain("本结果依赖推定参数");
  });

  test("Markdown in English has a parameter table and citation ids", () => {
    const md = explain(r, { lang: "en", format: "markdown" });
    // step 1 names the rule-set version, step 2 the base
    expect(md).toContain("### 1. rule-set version used");
    expect(md).toContain("### 3. one-time disability subsidy (grade 5)");
    expect(md).toContain("| `disability.oneTimeSubsidyMonths` |");
    expect(md).toContain("`national-measures`");
  });

  test("JSON keeps the structure with one language", () => {
    const j = JSON.parse(explain(r.explanation, { lang: "en", format: "json" })) as Array<{ rule: string; title: string; citations: Array<{ id: string }> }>;
    expect(j.map((s) => s.rule)).toEqual(["rule-set.version", "benefit.base", "disability.one-time-subsidy", "disability.one-time-allowance", "explanation.assumptions"]);
    expect(j[2]?.title).toBe("one-time disability subsidy (grade 5)");
  });
});
