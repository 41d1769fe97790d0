import { describe, expect, test } from "vitest";
import { computeServiceFee } from "../../src/fund/service-fee.js";
import { PROVINCES } from "../../src/provinces/index.js";

describe("insurer service fee — Qinghai 附件2 第六条第二款", () => {
  test("fixed 3% of funding + 1% of spending; floating up to 2% of spending", () => {
    // 3% × 10,000,000 = 300,000; 1% × 6,000,000 = 60,000 → fixed 360,000; floating 2% × 6,000,000 = 120,000
    const r = computeServiceFee("qinghai", { annualFunding: "10000000.00", annualBenefitSpend: "6000000.00", floatingPercent: "2" });
    expect(r.value).toEqual({ fixedPart: "360000.00", floatingPart: "120000.00", total: "480000.00", floatingPercent: "2" });
    expect(r.explanation.map((s) => s.rule)).toEqual(["fund.service-fee.fixed", "fund.service-fee.floating", "fund.service-fee.total"]);
    expect(r.explanation[0]?.citations.map((c) => c.id)).toEqual(["qinghai-commission#art6.p2"]);
  });

  test("odd figures: each part rounded half-up to the fen, the total their sum", () => {
    // fixed: 1,234,567.89 × 3% = 37,037.0367 + 98,765.43 × 1% = 987.6543 → 38,024.6910 → 38,024.69
    // floating: 98,765.43 × 1.5% = 1,481.48145 → 1,481.48; total 39,506.17
    const r = computeServiceFee("qinghai", { annualFunding: "1234567.89", annualBenefitSpend: "98765.43", floatingPercent: 1.5 });
    expect(r.value).toMatchObject({ fixedPart: "38024.69", floatingPart: "1481.48", total: "39506.17", floatingPercent: "1.5" });
  });

  test("合并计算: the fixed part is rounded once — 0.50 × 3% + 0.50 × 1% = 0.015 + 0.005 = 0.02, not 0.02 + 0.01", () => {
    expect(computeServiceFee("qinghai", { annualFunding: "0.50", annualBenefitSpend: "0.50", floatingPercent: "0" }).value.fixedPart).toBe("0.02");
  });

  test("half-up on the floating part: 100.50 × 1% = 1.005 → 1.01", () => {
    expect(computeServiceFee("qinghai", { annualFunding: "0", annualBenefitSpend: "100.50", floatingPercent: "1" }).value.floatingPart).toBe("1.01");
  });

  test("the floating percentage is 0…2 (原则上不超过2%)", () => {
    for (const floatingPercent of ["2.01", "3", 2.5]) {
      expect(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent })).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", path: ["floatingPercent"] }),
      );
    }
    for (const floatingPercent of ["-1", -1, "1e0", "abc", null]) {
      expect(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent } as never)).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT" }),
      );
    }
  });

  test("other provinces give no formula: RULE_NOT_DEFINED (Shanghai 第五十四条 leaves it to the agreement)", () => {
    for (const p of PROVINCES.filter((x) => x !== "qinghai")) {
      expect(() => computeServiceFee(p, { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1" }), p).toThrow(
        expect.objectContaining({ code: "RULE_NOT_DEFINED" }),
      );
    }
    expect(() => computeServiceFee("shanghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1" })).toThrow(
      expect.objectContaining({ messageZh: expect.stringContaining("第五十四条") }),
    );
  });

  test("a caller can supply the split (e.g. Shanghai's agreement); it is recorded with provenance caller", () => {
    const r = computeServiceFee("shanghai", { annualFunding: "1000.00", annualBenefitSpend: "1000.00", floatingPercent: "1" }, {
      overrides: { "fund.serviceFee": { fundingPercent: "2", benefitSpendPercent: "0", floatingMaxPercentOfBenefitSpend: "1" } },
    });
    expect(r.value.total).toBe("30.00");
    expect(r.explanation[0]?.parameters[0]?.provenance).toBe("caller");
  });

  test("a year before the province's start is RULE_NOT_IN_FORCE", () => {
    expect(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1", year: 2025 })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["year"] }),
    );
  });
});
