/**
 * Issue 18, item 9: the two computable articles docs/rules.md listed as gaps, and the prepayment as a scenario kind.
 * - Qinghai 实施办法 第三十条: death benefits of this protection and of another social insurance are not drawn twice;
 * - Shanghai 规程第三十八条: disability items are paid from the month after the assessment conclusion;
 * - Qinghai 附件2 第二十四条: the prepayment, a scenario kind like the service fee.
 * Hand figures: Qinghai base 6000 × 0.6 = 3600, funeral 6 × 3600 = 21600, spouse 40% = 1440, one-time death subsidy
 * 20 × 56502 (2025) = 1130040; Shanghai grade 10 on 12183.33: 7 × 12183.33 = 85283.31.
 */
import { describe, expect, test } from "vitest";
import { computeDeathBenefits } from "../../src/benefits/death.js";
import { computeDisabilityBenefits } from "../../src/benefits/disability.js";
import { computePrepayment } from "../../src/fund/prepayment.js";
import { kindOf } from "../../src/provinces/rule.js";
import { evaluateScenario, kindNames, outputJsonSchema } from "../../src/index.js";
import { findKind } from "../../src/scenario/kinds.js";
import { catalogueArticles } from "../support/rules-catalogue.js";

const QH_DEATH = { avgMonthlyWage: "6000.00", deathDate: "2026-09-10", context: "death-from-injury" as const, dependants: [{ relation: "spouse" as const }] };

describe("Qinghai 第三十条: death benefits are not drawn twice", () => {
  test("the relatives draw basic pension insurance's death benefits: every item of this protection is excluded, the standards stay", () => {
    const r = computeDeathBenefits("qinghai", { ...QH_DEATH, otherDeathBenefits: "basic-pension-insurance" });
    expect(r.value).toMatchObject({
      funeralSubsidy: "21600.00", dependantPensionTotal: "1440.00", oneTimeDeathSubsidy: "1130040.00",
      excludedBenefits: ["funeralSubsidy", "dependantPensions", "oneTimeDeathSubsidy"], otherDeathBenefits: "basic-pension-insurance",
    });
    const step = r.explanation.find((s) => s.rule === "death.no-double-drawing");
    expect(step?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art30"]);
    expect(step?.inputs).toEqual({ otherDeathBenefits: "basic-pension-insurance" });
    expect(step?.result).toEqual({ excludedBenefits: ["funeralSubsidy", "dependantPensions", "oneTimeDeathSubsidy"] });
    expect(step?.notes?.[0]?.zh).toBe("近亲属领取基本养老保险的死亡待遇，本保障的死亡待遇不予支付；输出中的各项金额为本保障的计发标准，供比较");
  });

  test("after treatment (grades 1–4, 第二十九条第三款) there is no one-time subsidy to exclude", () => {
    const r = computeDeathBenefits("qinghai", { ...QH_DEATH, context: "after-treatment-grade-1-4", otherDeathBenefits: "work-injury-insurance" });
    expect([r.value.oneTimeDeathSubsidy, r.value.excludedBenefits]).toEqual([null, ["funeralSubsidy", "dependantPensions"]]);
  });

  test("without otherDeathBenefits nothing is excluded and no step is added", () => {
    const r = computeDeathBenefits("qinghai", QH_DEATH);
    expect([r.value.excludedBenefits, r.value.otherDeathBenefits]).toEqual([[], null]);
    expect(r.explanation.some((s) => s.rule === "death.no-double-drawing")).toBe(false);
  });

  test("elsewhere the national structure, witnessed by the Qinghai article", () => {
    const r = computeDeathBenefits("guangxi", { ...QH_DEATH, otherDeathBenefits: "other-social-insurance" });
    expect(r.value.excludedBenefits).toEqual(["funeralSubsidy", "dependantPensions", "oneTimeDeathSubsidy"]);
    expect(r.explanation.find((s) => s.rule === "death.no-double-drawing")?.citations.map((c) => c.id))
      .toEqual(["national-measures", "qinghai-measures#art30"]);
  });

  test("an unknown insurance is refused at its field", () => {
    expect(() => computeDeathBenefits("qinghai", { ...QH_DEATH, otherDeathBenefits: "pension" as never }))
      .toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["otherDeathBenefits"] }));
  });
});

describe("Shanghai 规程第三十八条: paid from the month after the assessment conclusion", () => {
  const SH = { grade: 10, avgMonthlyWage: "12183.33", accidentDate: "2026-01-15" } as const;

  test("a conclusion on 31 March → April; on 1 December → January of the next year", () => {
    const r = computeDisabilityBenefits("shanghai", { ...SH, assessmentConclusionDate: "2026-03-31" });
    expect([r.value.oneTimeDisabilitySubsidy, r.value.firstPaymentMonth]).toEqual(["85283.31", "2026-04"]);
    const step = r.explanation.find((s) => s.rule === "disability.first-payment-month");
    expect(step?.citations.map((c) => c.id)).toEqual(["shanghai-rules#art38"]);
    expect(step?.result).toEqual({ firstPaymentMonth: "2026-04" });
    expect(computeDisabilityBenefits("shanghai", { ...SH, assessmentConclusionDate: "2026-12-01" }).value.firstPaymentMonth).toBe("2027-01");
  });

  test("without the date: null, and no step", () => {
    const r = computeDisabilityBenefits("shanghai", SH);
    expect(r.value.firstPaymentMonth).toBeNull();
    expect(r.explanation.some((s) => s.rule === "disability.first-payment-month")).toBe(false);
  });

  test("the other provinces' sources do not say: null with a note", () => {
    const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00", assessmentConclusionDate: "2026-09-15" });
    expect(r.value.firstPaymentMonth).toBeNull();
    expect(r.explanation.some((s) => s.rule === "disability.first-payment-month")).toBe(false);
    const step = r.explanation.find((s) => s.rule === "disability.first-payment-month.not-stated");
    expect(step?.citations).toEqual([]);
    expect(step?.notes?.[0]?.zh).toBe("青海省的来源文件未规定伤残待遇自何月起发放；firstPaymentMonth 为 null");
  });

  test("a conclusion before the accident is refused", () => {
    expect(() => computeDisabilityBenefits("shanghai", { ...SH, assessmentConclusionDate: "2026-01-14" }))
      .toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["assessmentConclusionDate"] }));
  });
});

describe("the prepayment is a scenario kind (Qinghai 附件2 第二十四条)", () => {
  test("listed with its function and output schema", () => {
    expect(kindNames()).toContain("prepayment");
    expect(findKind("prepayment")).toBe(kindOf(computePrepayment));
    expect(Object.keys((outputJsonSchema("prepayment") as { properties: object }).properties))
      .toEqual(["agencyPrepayment", "insurerPrepayment", "agencyTopUp", "insurerTopUp", "basis"]);
  });

  test("a scenario evaluates it: 12,000,000 × 1/6 = 2,000,000.00", () => {
    const r = evaluateScenario({ id: "p", province: "qinghai", kind: "prepayment", input: { firstYear: true, annualFundingBudget: "12000000.00" } });
    expect(r.output).toMatchObject({ agencyPrepayment: "2000000.00", insurerPrepayment: null, basis: "first-year-budget-share" });
  });
});

test("docs/rules.md lists no computable article as a gap", () => {
  const gaps = [...catalogueArticles().values()].filter((a) => a.status === "not-encoded" && a.reason === "gap");
  expect(gaps.map((a) => a.id)).toEqual([]);
});
