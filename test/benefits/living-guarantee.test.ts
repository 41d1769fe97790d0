import { describe, expect, test } from "vitest";
import { computeLivingGuarantee } from "../../src/benefits/living-guarantee.js";

describe("living guarantee — Qinghai 第二十四条, REFERENCE C7", () => {
  test("a part month and a whole month, cut at the end of the conclusion month", () => {
    // July 16–31 = 16 of 31 days: 1000 × 16/31 = 516.129…; August whole 1000; total 1516.129… → 1516.13; 47 days
    const r = computeLivingGuarantee("qinghai", {
      cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-07-16", treatmentEndDate: "2026-09-10", assessmentConclusionDate: "2026-08-20",
    });
    expect(r.value).toMatchObject({ days: 47, amount: "1516.13", payer: "platform", paidUntil: "2026-08-31" });
    expect(r.value.months.map((m) => [m.month, m.days])).toEqual([["2026-07", 16], ["2026-08", 31]]);
  });

  test("a conclusion after the treatment end changes nothing; first and last day both paid", () => {
    // 2026-07-01 … 2026-07-31 whole month → 1000; 31 days
    const r = computeLivingGuarantee("qinghai", {
      cityMinimumLivingStandardMonthly: "1000.00", treatmentStartDate: "2026-07-01", treatmentEndDate: "2026-07-31", assessmentConclusionDate: "2026-09-01",
    });
    expect([r.value.days, r.value.amount, r.value.paidUntil]).toEqual([31, "1000.00", "2026-07-31"]);
  });

  test("a leap February: 20 of 29 days", () => {
    // 1200 × 20/29 = 827.586… → 827.59
    const r = computeLivingGuarantee("qinghai", { cityMinimumLivingStandardMonthly: "1200", treatmentStartDate: "2028-02-10", treatmentEndDate: "2028-02-29" });
    expect([r.value.days, r.value.amount]).toEqual([20, "827.59"]);
  });

  test("a single day", () => {
    // 930 × 1/30 = 31.00
    const r = computeLivingGuarantee("inner-mongolia", { cityMinimumLivingStandardMonthly: "930", treatmentStartDate: "2026-09-30", treatmentEndDate: "2026-09-30" });
    expect([r.value.days, r.value.amount]).toEqual([1, "31.00"]);
  });

  test("Shanghai: the platform pays (规程第四十六条)", () => {
    const r = computeLivingGuarantee("shanghai", { cityMinimumLivingStandardMonthly: "1510", treatmentStartDate: "2025-03-01", treatmentEndDate: "2025-03-31" });
    expect(r.value.payer).toBe("platform");
    expect(r.explanation.some((s) => s.citations.some((c) => c.id === "shanghai-rules#art46.p1"))).toBe(true);
  });

  test("never beyond the longest treatment period: 12 months + 12 (第二十四条第二款)", () => {
    // start 2026-07-01: 12 months → 2027-07-01, +12 → 2028-07-01 (durations, no rest-day extension);
    // paid 2026-07-01 … 2028-07-01 = 24 whole months + 1/31 of July 2028: 24 × 1000 + 1000/31 = 24032.258… → 24032.26
    const r = computeLivingGuarantee("qinghai", { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-07-01", treatmentEndDate: "2029-06-30" });
    expect([r.value.paidUntil, r.value.cappedAtTreatmentMaximum, r.value.amount, r.value.days]).toEqual(["2028-07-01", true, "24032.26", 732]);
    const within = computeLivingGuarantee("qinghai", { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-07-01", treatmentEndDate: "2028-07-01" });
    expect(within.value.cappedAtTreatmentMaximum).toBe(false);
  });

  test("bad dates", () => {
    expect(() => computeLivingGuarantee("qinghai", { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-08-02", treatmentEndDate: "2026-08-01" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["treatmentEndDate"] }),
    );
    expect(() => computeLivingGuarantee("qinghai", { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-06-02", treatmentEndDate: "2026-08-01" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE" }),
    );
  });
});
