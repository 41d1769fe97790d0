import { describe, expect, test } from "vitest";
import { computeDeathBenefits } from "../../src/benefits/death.js";
import { Dec } from "../../src/core/money.js";
import { kindOf } from "../../src/provinces/rule.js";
import { findKind } from "../../src/scenario/kinds.js";
import { thrown } from "../support/errors.js";

describe("death benefits — Qinghai 实施办法 第二十九条", () => {
  test("funeral 6 months, spouse 40%, child 30%, one-time 20 × the 2025 income for a 2026 death", () => {
    // base 6000 × 60% = 3600; funeral 6 × 3600 = 21600; spouse 1440, child 1080; 20 × 56502 = 1130040
    const r = computeDeathBenefits("qinghai", {
      avgMonthlyWage: "6000.00", deathDate: "2026-09-10", context: "death-from-injury",
      dependants: [{ relation: "spouse" }, { relation: "child" }],
    });
    expect(r.value).toMatchObject({
      funeralSubsidy: "21600.00",
      oneTimeDeathSubsidy: "1130040.00",
      dependantPensions: ["1440.00", "1080.00"],
      dependantPensionTotal: "2520.00",
      dependantCapApplied: false,
      nationalUrbanDisposableIncome: { year: 2025, value: "56502", source: "table" },
    });
  });

  test("the cap: 40 + 30 × 3 = 130% > 100% → 3600 shared 40:30:30:30 with the largest remainders (docs/decisions.md#C6)", () => {
    // exact 1107.6923…, 830.7692… ×3; floors 1107.69 + 3 × 830.76 = 3599.97; the 3 fen go to the .92 remainders
    const r = computeDeathBenefits("qinghai", {
      avgMonthlyWage: "6000.00", deathDate: "2026-09-10", context: "death-from-injury",
      dependants: [{ relation: "spouse" }, { relation: "child" }, { relation: "child" }, { relation: "parent" }],
    });
    expect(r.value.dependantPensions).toEqual(["1107.69", "830.77", "830.77", "830.77"]);
    expect(r.value.dependantPensionTotal).toBe("3600.00");
    expect(r.value.dependantCapApplied).toBe(true);
  });

  test("orphan or solitary elder adds 10%", () => {
    // child orphan 40% of 3600 = 1440; solitary elder parent 40% = 1440
    const r = computeDeathBenefits("qinghai", {
      avgMonthlyWage: "6000", deathDate: "2026-12-01", context: "death-from-injury",
      dependants: [{ relation: "child", orphanOrSolitaryElder: true }, { relation: "parent", orphanOrSolitaryElder: true }],
    });
    expect(r.value.dependantPensions).toEqual(["1440.00", "1440.00"]);
  });

  test("a 2027 death needs the 2026 income; a supplied figure is used and recorded", () => {
    const input = { avgMonthlyWage: "6000", deathDate: "2027-03-01", context: "death-from-injury" as const };
    expect(() => computeDeathBenefits("qinghai", input)).toThrow(
      expect.objectContaining({ code: "STATISTIC_NOT_AVAILABLE", path: ["nationalUrbanDisposableIncome"] }),
    );
    // 20 × 58000 = 1160000
    const r = computeDeathBenefits("qinghai", { ...input, nationalUrbanDisposableIncome: "58000" });
    expect(r.value.oneTimeDeathSubsidy).toBe("1160000.00");
    expect(r.value.nationalUrbanDisposableIncome).toEqual({ year: 2026, value: "58000", source: "caller" });
  });

  test("grade 1–4 death after treatment: funeral and pensions only (第二十九条第三款)", () => {
    const r = computeDeathBenefits("qinghai", { avgMonthlyWage: "6000", deathDate: "2027-08-01", context: "after-treatment-grade-1-4", dependants: [{ relation: "spouse" }] });
    expect(r.value.oneTimeDeathSubsidy).toBeNull();
    expect(r.value.funeralSubsidy).toBe("21600.00");
    expect(r.value.dependantPensions).toEqual(["1440.00"]);
  });

  test("no dependants: an empty list and a zero total", () => {
    const r = computeDeathBenefits("qinghai", { avgMonthlyWage: "6000", deathDate: "2026-08-01", context: "death-from-injury" });
    expect(r.value.dependantPensions).toEqual([]);
    expect(r.value.dependantPensionTotal).toBe("0.00");
  });

  test("dates: before the start, and an accident after the death, are refused", () => {
    expect(() => computeDeathBenefits("qinghai", { avgMonthlyWage: "6000", deathDate: "2026-06-30", context: "death-from-injury" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["deathDate"] }),
    );
    expect(() => computeDeathBenefits("qinghai", { avgMonthlyWage: "6000", deathDate: "2026-08-01", accidentDate: "2026-08-02", context: "death-from-injury" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["accidentDate"] }),
    );
  });
});

describe("death benefits — other provinces", () => {
  test("Zhejiang, 2025 death: 20 × 54188 (2024) = 1083760; base 100% assumed", () => {
    const r = computeDeathBenefits("zhejiang", { avgMonthlyWage: "7000", deathDate: "2025-08-15", context: "death-from-injury", dependants: [{ relation: "spouse" }] });
    expect(r.value.oneTimeDeathSubsidy).toBe("1083760.00");
    expect(r.value.funeralSubsidy).toBe("42000.00");
    expect(r.value.dependantPensions).toEqual(["2800.00"]);
    expect(r.assumptions.map((a) => a.name)).toContain("benefit.baseFactor");
  });

  test("Shanghai transitional: pensions on the higher of the 2024 and current figures", () => {
    // funeral 6 × 8000 = 48000 (at-injury figure); spouse 40% × max(8500, 9100) = 3640
    const r = computeDeathBenefits("shanghai", {
      avgMonthlyWage: "8000", deathDate: "2025-05-01", accidentDate: "2025-04-20", context: "death-from-injury",
      avgMonthlyWage2024: "8500", currentAvgMonthlyWage: "9100", dependants: [{ relation: "spouse" }],
    });
    expect(r.value.funeralSubsidy).toBe("48000.00");
    expect(r.value.dependantPensions).toEqual(["3640.00"]);
    expect(r.value.oneTimeDeathSubsidy).toBe("1083760.00");
  });
});

describe("death benefits — texts from the values used", () => {
  const input = {
    avgMonthlyWage: "6000.00", deathDate: "2026-09-10", context: "death-from-injury" as const, dependants: [{ relation: "spouse" as const }],
  };
  const step = (r: ReturnType<typeof computeDeathBenefits>, rule: string) => r.explanation.find((s) => s.rule === rule);

  test("the titles state the months and the multiple of the rule set", () => {
    const r = computeDeathBenefits("qinghai", input);
    expect(step(r, "death.funeral-subsidy")?.title).toEqual({ zh: "丧葬补助金（计发基数的6个月）", en: "funeral subsidy (6 months of the base)" });
    expect(step(r, "death.one-time-subsidy")?.title).toEqual({
      zh: "一次性职业伤害死亡补助金（上一年度全国城镇居民人均可支配收入 × 20）",
      en: "one-time death subsidy (national urban disposable income of the year before death × 20)",
    });
  });

  test("death.funeralMonths 7 and a multiple of 25: the new figures in both languages; the citations stay, with the value replaced", () => {
    // funeral 7 × 3,600 = 25,200; one-time 25 × 56,502 = 1,412,550
    const r = computeDeathBenefits("qinghai", input, { overrides: { "death.funeralMonths": 7, "death.oneTimeSubsidyIncomeMultiple": 25 } });
    expect([r.value.funeralSubsidy, r.value.oneTimeDeathSubsidy]).toEqual(["25200.00", "1412550.00"]);
    const funeral = step(r, "death.funeral-subsidy");
    expect(funeral?.title).toEqual({ zh: "丧葬补助金（计发基数的7个月）", en: "funeral subsidy (7 months of the base)" });
    expect(funeral?.parameters).toEqual([expect.objectContaining({ name: "death.funeralMonths", value: 7, provenance: "caller", replaced: 6 })]);
    expect(funeral?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art29.p1.i1"]);
    const oneTime = step(r, "death.one-time-subsidy");
    expect(oneTime?.title).toEqual({
      zh: "一次性职业伤害死亡补助金（上一年度全国城镇居民人均可支配收入 × 25）",
      en: "one-time death subsidy (national urban disposable income of the year before death × 25)",
    });
    expect(oneTime?.parameters[0]).toMatchObject({ name: "death.oneTimeSubsidyIncomeMultiple", value: 25, provenance: "caller", replaced: 20 });
    expect(oneTime?.citations.map((c) => c.id)).toContain("qinghai-measures#art29.p1.i3");
    expect(r.ruleSet).toBe("qinghai@2026-07-01+overrides");
    expect([...r.overridden].sort()).toEqual(["death.funeralMonths", "death.oneTimeSubsidyIncomeMultiple"]);
  });

  test("one month reads in the singular", () => {
    const r = computeDeathBenefits("qinghai", input, { overrides: { "death.funeralMonths": 1 } });
    expect(step(r, "death.funeral-subsidy")?.title).toEqual({ zh: "丧葬补助金（计发基数的1个月）", en: "funeral subsidy (1 month of the base)" });
  });

  test("the cap note states the cap used: 80% of the base", () => {
    // spouse 40% + child 30% + parent 30% = 100% > 80%: 80% of 3,600 = 2,880 shared 40 : 30 : 30 → 1,152, 864, 864
    const r = computeDeathBenefits("qinghai", { ...input, dependants: [{ relation: "spouse" }, { relation: "child" }, { relation: "parent" }] },
      { overrides: { "death.dependantCapPercent": 80 } });
    expect(r.value.dependantPensions).toEqual(["1152.00", "864.00", "864.00"]);
    expect(step(r, "death.dependant-pensions")?.notes).toEqual([
      { zh: "各供养亲属抚恤金之和（100%）超过上限 80%，按比例核减", en: "the pensions add up to 100%, above the cap of 80%: cut in proportion" },
    ]);
  });

  test("after treatment, grades 1–4: the rule set's citation of 第二十九条第三款 (Qinghai) or the national measures", () => {
    const after = { ...input, context: "after-treatment-grade-1-4" as const };
    expect(step(computeDeathBenefits("qinghai", after), "death.after-treatment-grade-1-4")?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art29.p3"]);
    expect(step(computeDeathBenefits("zhejiang", after), "death.after-treatment-grade-1-4")?.citations.map((c) => c.id)).toEqual(["national-measures"]);
  });
});

describe("death benefits — a rule declared with defineRule", () => {
  test("the case date: the accident date, else the date of death; the accident after the death is refused before the date is checked", () => {
    const r = computeDeathBenefits("qinghai", { avgMonthlyWage: "6000", deathDate: "2026-09-10", accidentDate: "2026-08-01", context: "death-from-injury" });
    expect(r.explanation[0]).toMatchObject({ rule: "coverage.in-force", inputs: { caseDate: "2026-08-01" } });
    const d = computeDeathBenefits("qinghai", { avgMonthlyWage: "6000", deathDate: "2026-09-10", context: "death-from-injury" });
    expect(d.explanation[0]).toMatchObject({ rule: "coverage.in-force", inputs: { caseDate: "2026-09-10" } });
    // both dates before Qinghai's start: the order of the dates is the error
    expect(thrown(() => computeDeathBenefits("qinghai", { avgMonthlyWage: "6000", deathDate: "2026-05-01", accidentDate: "2026-05-02", context: "death-from-injury" })))
      .toMatchObject({ code: "INVALID_INPUT", path: ["accidentDate"], messageEn: "the accident date is after the date of death" });
    expect(thrown(() => computeDeathBenefits("qinghai", { avgMonthlyWage: "6000", deathDate: "2026-09-10", accidentDate: "2026-06-30", context: "death-from-injury" })))
      .toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["accidentDate"] });
  });

  test("the scenario kind is the rule's own declaration", () => {
    expect(findKind("death-benefits")).toBe(kindOf(computeDeathBenefits));
  });
});

describe("the exact base is shown next to the rounded one", () => {
  test("Qinghai, 6543.21: funeral 6 × the exact base 3925.926 = 23555.556 → 23555.56 (6 × 3925.93 would be 23555.58)", () => {
    // base = 6543.21 × 60% = 3925.926 (shown 3925.93); funeral 6 months (第二十九条): 6 × 3925.926 = 23555.556
    const r = computeDeathBenefits("qinghai", {
      avgMonthlyWage: "6543.21", deathDate: "2026-09-10", context: "death-from-injury", dependants: [{ relation: "spouse" }],
    });
    expect(r.value.benefitBase).toBe("3925.93");
    expect(r.value.benefitBaseExact).toBe("3925.926");
    expect(r.value.periodicBenefitBaseExact).toBeNull();
    expect(r.value.funeralSubsidy).toBe("23555.56");
    expect(new Dec(r.value.benefitBaseExact).times(6).toFixed(2)).toBe(r.value.funeralSubsidy);
    expect(new Dec(r.value.benefitBase).times(6).toFixed(2)).toBe("23555.58");
  });
});
