import { describe, expect, test } from "vitest";
import { computePrepayment } from "../../src/fund/prepayment.js";

describe("benefit prepayment — Qinghai 附件2 第二十四条", () => {
  test("first year: 1/6 of the funding budget to the agency (第二款)", () => {
    // 12,000,000 ÷ 6 = 2,000,000; the insurer's month needs the expected monthly spending
    const r = computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "12000000.00" });
    expect(r.value).toEqual({ agencyPrepayment: "2000000.00", insurerPrepayment: null, agencyTopUp: null, insurerTopUp: null, basis: "first-year-budget-share" });
    expect(r.explanation[0]?.citations.map((c) => c.id)).toEqual(["qinghai-commission#art24.p2", "qinghai-commission#art24.p3"]);
    expect(r.explanation[1]?.notes?.[0]?.en).toMatch(/does not say/);
  });

  test("1/6 of an odd budget is rounded half-up: 1,000,000.01 ÷ 6 = 166,666.668333… → 166,666.67", () => {
    expect(computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "1000000.01" }).value.agencyPrepayment).toBe("166666.67");
  });

  test("later years: 2 months to the agency, 1 month to the insurer; top-ups to the level (第二、三款)", () => {
    // 900,000 a month: agency 1,800,000, insurer 900,000; balances 1,000,000 and 950,000 → top-ups 800,000 and 0
    const r = computePrepayment("qinghai", { firstYear: false, monthlyBenefitSpend: "900000.00", agencyBalance: "1000000.00", insurerBalance: "950000.00" });
    expect(r.value).toEqual({
      agencyPrepayment: "1800000.00", insurerPrepayment: "900000.00", agencyTopUp: "800000.00", insurerTopUp: "0.00", basis: "months-of-benefit-spend",
    });
  });

  test("missing figures are INVALID_INPUT; other provinces RULE_NOT_DEFINED", () => {
    expect(() => computePrepayment("qinghai", { firstYear: true })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["annualFundingBudget"] }));
    expect(() => computePrepayment("qinghai", { firstYear: false })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["monthlyBenefitSpend"] }));
    expect(() => computePrepayment("zhejiang", { firstYear: false, monthlyBenefitSpend: "1" })).toThrow(expect.objectContaining({ code: "RULE_NOT_DEFINED" }));
  });
});
