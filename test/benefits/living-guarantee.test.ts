import { describe, expect, test } from "vitest";
import { computeLivingGuarantee } from "../../src/benefits/living-guarantee.js";
import { kindOf } from "../../src/provinces/rule.js";
import { findKind } from "../../src/scenario/kinds.js";
import { thrown } from "../support/errors.js";

describe("living guarantee — Qinghai 第二十四条, docs/decisions.md#C7", () => {
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

describe("living guarantee — texts from the values used", () => {
  const long = { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-07-01", treatmentEndDate: "2029-06-30" };
  const step = (r: ReturnType<typeof computeLivingGuarantee>, rule: string) => r.explanation.find((s) => s.rule === rule);

  test("the longest treatment period is stated from treatment.period and treatment.maxExtension", () => {
    const r = computeLivingGuarantee("qinghai", long);
    const note = {
      zh: "治疗职业伤害期最长至 2028-07-01（一般不超过12个月，延长不超过12个月），其后不再支付",
      en: "the treatment period ends at the latest on 2028-07-01 (12 months plus at most 12 months): nothing is paid after it",
    };
    expect(step(r, "living-guarantee.treatment-maximum")?.notes).toEqual([note]);
    expect(step(r, "living-guarantee.amount")?.notes).toEqual([note]);
  });

  test("treatment.period 6 months: the new figure in both languages, the payment cut at its end; the citations stay, with the value replaced", () => {
    // 6 months → 2027-01-01, + 12 → 2028-01-01; paid 2026-07-01 … 2028-01-01 = 18 whole months + 1/31 of January 2028:
    // 18 × 1000 + 1000/31 = 18032.258… → 18032.26 for 184 + 365 + 1 = 550 days
    const r = computeLivingGuarantee("qinghai", long, { overrides: { "treatment.period": { count: 6, unit: "month" } } });
    expect([r.value.paidUntil, r.value.cappedAtTreatmentMaximum, r.value.amount, r.value.days]).toEqual(["2028-01-01", true, "18032.26", 550]);
    const max = step(r, "living-guarantee.treatment-maximum");
    expect(max?.notes).toEqual([{
      zh: "治疗职业伤害期最长至 2028-01-01（一般不超过6个月，延长不超过12个月），其后不再支付",
      en: "the treatment period ends at the latest on 2028-01-01 (6 months plus at most 12 months): nothing is paid after it",
    }]);
    expect(max?.parameters[0]).toMatchObject({
      name: "treatment.period", value: { count: 6, unit: "month" }, provenance: "caller", replaced: { count: 12, unit: "month" },
    });
    expect(max?.parameters[0]?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art24.p2"]);
    expect(max?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art24.p2"]);
    expect(r.ruleSet).toBe("qinghai@2026-07-01+overrides");
    expect(r.overridden).toEqual(["treatment.period"]);
  });

  test("treatment.maxExtension in days: its unit is stated too", () => {
    // 12 months → 2027-07-01, + 90 days → 2027-09-29
    const r = computeLivingGuarantee("qinghai", long, { overrides: { "treatment.maxExtension": { count: 90, unit: "day" } } });
    expect(r.value.paidUntil).toBe("2027-09-29");
    expect(step(r, "living-guarantee.treatment-maximum")?.notes).toEqual([{
      zh: "治疗职业伤害期最长至 2027-09-29（一般不超过12个月，延长不超过90日），其后不再支付",
      en: "the treatment period ends at the latest on 2027-09-29 (12 months plus at most 90 calendar days): nothing is paid after it",
    }]);
  });

  test("the payer's citations are the rule set's rule text living-guarantee.payer", () => {
    const input = { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-07-01", treatmentEndDate: "2026-07-31" };
    const own = (p: string) => computeLivingGuarantee(p, input).explanation.find((s) => s.rule === "living-guarantee.amount")?.citations.map((c) => c.id);
    // Qinghai: 第二十四条第一款 and docs/decisions.md#C7; elsewhere C7, then the payer parameter's own (national) citations
    expect(own("qinghai")).toEqual(["qinghai-measures#art24.p1", "zhishang-decisions#C7"]);
    expect(own("zhejiang")).toEqual(["zhishang-decisions#C7", "national-measures", "qinghai-measures#art24.p1"]);
  });
});

describe("living guarantee — a rule declared with defineRule", () => {
  test("the case date: the accident date, else the first day of treatment", () => {
    const input = { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-07-16", treatmentEndDate: "2026-07-31" };
    expect(computeLivingGuarantee("qinghai", input).explanation[0]).toMatchObject({ rule: "coverage.in-force", inputs: { caseDate: "2026-07-16" } });
    expect(computeLivingGuarantee("qinghai", { ...input, accidentDate: "2026-07-10" }).explanation[0])
      .toMatchObject({ rule: "coverage.in-force", inputs: { caseDate: "2026-07-10" } });
  });

  test("the standard and the dates are checked before the rules in force", () => {
    // every date before Qinghai's start: the input error comes first
    const early = { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-06-02", treatmentEndDate: "2026-06-10" };
    expect(thrown(() => computeLivingGuarantee("qinghai", { ...early, treatmentEndDate: "2026-06-01" }))).toMatchObject({ code: "INVALID_INPUT", path: ["treatmentEndDate"] });
    expect(thrown(() => computeLivingGuarantee("qinghai", { ...early, accidentDate: "2026-06-05" }))).toMatchObject({ code: "INVALID_INPUT", path: ["treatmentStartDate"] });
    expect(thrown(() => computeLivingGuarantee("qinghai", { ...early, cityMinimumLivingStandardMonthly: "0" }))).toMatchObject({ code: "INVALID_INPUT", path: ["cityMinimumLivingStandardMonthly"] });
    expect(thrown(() => computeLivingGuarantee("qinghai", early))).toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["treatmentStartDate"] });
  });

  test("the scenario kind is the rule's own declaration", () => {
    expect(findKind("living-guarantee")).toBe(kindOf(computeLivingGuarantee));
  });
});
