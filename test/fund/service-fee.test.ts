import { describe, expect, test } from "vitest";
import { computeServiceFee } from "../../src/fund/service-fee.js";
import { PROVINCES } from "../../src/provinces/index.js";

describe("insurer service fee — Qinghai 附件2 第六条第二款", () => {
  // First in the file on purpose: the input schema is built lazily (z.lazy) once per test file, so StrykerJS's
  // per-test coverage credits its mutants only to the first test that parses an input; the format cases live here.
  test("the input format: floatingPercent as a string or a number, at most 3 integer digits and 4 places; a year 1900–2199", () => {
    // funding 0, spending 10,000.00: fixed 3% × 0 + 1% × 10,000.00 = 100.00; floating p% × 10,000.00 = 100 × p
    // (2 → 200.00, 1.25 → 125.00, 1.2345 → 123.45; with a caller's 20% ceiling: 10 → 1,000.00, 12.5 → 1,250.00)
    const fee = (floatingPercent: string | number, max = "2") => computeServiceFee(
      "qinghai", { annualFunding: "0", annualBenefitSpend: "10000.00", floatingPercent, year: 2026 },
      { overrides: { "fund.serviceFee": { fundingPercent: "3", benefitSpendPercent: "1", floatingMaxPercentOfBenefitSpend: max } } },
    ).value;
    expect(fee(2)).toEqual({ fixedPart: "100.00", floatingPart: "200.00", total: "300.00", floatingPercent: "2" });
    for (const p of [1.25, "1.25"]) expect(fee(p), String(p)).toEqual({ fixedPart: "100.00", floatingPart: "125.00", total: "225.00", floatingPercent: "1.25" });
    for (const p of [1.2345, "1.2345"]) expect(fee(p), String(p)).toMatchObject({ floatingPart: "123.45", total: "223.45", floatingPercent: "1.2345" });
    for (const p of [10, "10"]) expect(fee(p, "20"), String(p)).toMatchObject({ floatingPart: "1000.00", total: "1100.00", floatingPercent: "10" });
    expect(fee(12.5, "20")).toMatchObject({ floatingPart: "1250.00", total: "1350.00", floatingPercent: "12.5" });
    expect(() => fee(20.5, "20")).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["floatingPercent"], messageEn: expect.stringContaining("between 0 and 20") }));
    // a 5th decimal place is refused, never cut; so are a sign and an exponent (0.00001 and 1e-7 print as such)
    for (const p of [1.23456, 0.00001, 1e-7]) {
      expect(() => fee(p), String(p)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["floatingPercent"], messageEn: expect.stringContaining("at most 4 decimal places") }));
    }
    for (const p of ["1.23456", "-1", "-0", "1e0", "01"]) {
      expect(() => fee(p), p).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["floatingPercent"], messageEn: expect.stringContaining('expected a percentage such as "1.5"') }));
    }
    // the year: 1900–2199 by the schema; Qinghai's rules start on 2026-07-01, so 1900 passes the schema and is not in force
    const year = (y: number) => () => computeServiceFee("qinghai", { annualFunding: "0", annualBenefitSpend: "0", floatingPercent: "0", year: y });
    expect(year(2199)().value.total).toBe("0.00");
    expect(year(1900)).toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["year"] }));
    for (const y of [1899, 2200]) expect(year(y), String(y)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["year"] }));
  });

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

  test("with a year in force, the first step records the check on its last day (31 December)", () => {
    // Qinghai in force from 2026-07-01 (实施办法第四十二条); 2026-12-31 is after it
    const r = computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1", year: 2026 });
    expect(r.explanation.map((s) => s.rule)).toEqual(["coverage.in-force", "fund.service-fee.fixed", "fund.service-fee.floating", "fund.service-fee.total"]);
    expect(r.explanation[0]).toMatchObject({
      inputs: { "last day of the year": "2026-12-31" },
      result: true,
      notes: [{ zh: "年度末日 2026-12-31 不早于施行日期 2026-07-01", en: "last day of the year 2026-12-31 is on or after 2026-07-01" }],
    });
    expect(r.explanation[0]?.citations.map((c) => c.id)).toContain("qinghai-measures#art42");
  });

  test("an amount above 10^12 yuan is INVALID_INPUT at its own field", () => {
    const over = "1000000000000.01"; // passes the money schema (13 integer digits) but exceeds 10^12 yuan
    expect(() => computeServiceFee("qinghai", { annualFunding: over, annualBenefitSpend: "1", floatingPercent: "1" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["annualFunding"], messageEn: expect.stringContaining("10^12") }),
    );
    expect(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: over, floatingPercent: "1" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["annualBenefitSpend"], messageEn: expect.stringContaining("10^12") }),
    );
  });
});
