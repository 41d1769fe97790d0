import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeDisabilityBenefits } from "../../src/benefits/disability.js";
import { Dec } from "../../src/core/money.js";
import { PROVINCES } from "../../src/provinces/index.js";
import { invalidJson, thrown } from "../support/errors.js";

describe("disability benefits — Qinghai 实施办法 第二十五–二十八条", () => {
  // Base = 6000 × 60% = 3600. Subsidy months by grade 27,25,23,21,18,16,13,11,9,7 (第二十六–二十八条).
  const subsidies = ["97200.00", "90000.00", "82800.00", "75600.00", "64800.00", "57600.00", "46800.00", "39600.00", "32400.00", "25200.00"];
  test.each(subsidies.map((s, k) => [k + 1, s] as const))("grade %i one-time subsidy %s", (grade, expected) => {
    const r = computeDisabilityBenefits("qinghai", { grade, avgMonthlyWage: "6000.00" });
    expect(r.value.benefitBase).toBe("3600.00");
    expect(r.value.oneTimeDisabilitySubsidy).toBe(expected);
  });

  test("grades 1–4 monthly allowance 90/85/80/75% of 3600 (第二十六条第三款); none from grade 5", () => {
    const allowance = [1, 2, 3, 4, 5, 10].map((grade) => computeDisabilityBenefits("qinghai", { grade, avgMonthlyWage: "6000" }).value.monthlyDisabilityAllowance);
    expect(allowance).toEqual(["3240.00", "3060.00", "2880.00", "2700.00", null, null]);
  });

  test("grades 5–6 one-time allowance 30 and 25 months (第二十七条第（二）项); none otherwise", () => {
    const v = [4, 5, 6, 7].map((grade) => computeDisabilityBenefits("qinghai", { grade, avgMonthlyWage: "6000" }).value.oneTimeAllowance);
    expect(v).toEqual([null, "108000.00", "90000.00", null]);
  });

  test("nursing 50/40/30% of the base (第二十五条)", () => {
    const v = (["full", "most", "partial"] as const).map(
      (nursingLevel) => computeDisabilityBenefits("qinghai", { grade: 1, avgMonthlyWage: "6000", nursingLevel }).value.monthlyNursingAllowance,
    );
    expect(v).toEqual(["1800.00", "1440.00", "1080.00"]);
  });

  test("the base stays exact inside items (docs/decisions.md#C4): 6000.01 × 60% = 3600.006", () => {
    // subsidy 21 × 3600.006 = 75600.126 → 75600.13 (not 21 × 3600.01 = 75600.21);
    // allowance 75% × 3600.006 = 2700.0045 → 2700.00
    const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.01" });
    expect(r.value.benefitBase).toBe("3600.01");
    expect(r.value.oneTimeDisabilitySubsidy).toBe("75600.13");
    expect(r.value.monthlyDisabilityAllowance).toBe("2700.00");
  });

  test("pension top-up: allowance stops, the fund tops a lower pension up (第二十六条第三款)", () => {
    // grade 2: allowance 85% × 3600 = 3060; pension 2000 → top-up 1060; pension 3500 → 0
    const low = computeDisabilityBenefits("qinghai", { grade: 2, avgMonthlyWage: "6000", basicPensionMonthly: "2000.00" }).value;
    expect([low.monthlyDisabilityAllowance, low.monthlyPensionTopUp, low.allowanceReplacedByPension]).toEqual(["3060.00", "1060.00", true]);
    const high = computeDisabilityBenefits("qinghai", { grade: 2, avgMonthlyWage: "6000", basicPensionMonthly: "3500.00" }).value;
    expect(high.monthlyPensionTopUp).toBe("0.00");
    const g7 = computeDisabilityBenefits("qinghai", { grade: 7, avgMonthlyWage: "6000", basicPensionMonthly: "2000" }).value;
    expect([g7.monthlyPensionTopUp, g7.allowanceReplacedByPension]).toEqual([null, false]);
  });

  test("veteran's relapse: everything but the one-time disability subsidy (第十一条第二款)", () => {
    const r = computeDisabilityBenefits("qinghai", { grade: 3, avgMonthlyWage: "6000", veteranRelapse: true, nursingLevel: "most" });
    expect(r.value.oneTimeDisabilitySubsidy).toBeNull();
    expect(r.value.excludedBenefits).toEqual(["oneTimeDisabilitySubsidy"]);
    expect(r.value.monthlyDisabilityAllowance).toBe("2880.00");
    expect(r.value.monthlyNursingAllowance).toBe("1440.00");
    expect(r.explanation.some((s) => s.rule === "disability.veteran-exclusion" && s.citations.some((c) => c.id === "qinghai-measures#art11.p2"))).toBe(true);
  });

  test("an accident before 2026-07-01 is RULE_NOT_IN_FORCE at its path", () => {
    expect(() => computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000", accidentDate: "2026-06-30" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["accidentDate"] }),
    );
  });

  test("bad input is INVALID_INPUT with a path", () => {
    const bad: Array<[unknown, Array<string | number>]> = [
      [{ grade: 11, avgMonthlyWage: "6000" }, ["grade"]],
      [{ grade: 4.5, avgMonthlyWage: "6000" }, ["grade"]],
      [{ grade: 4, avgMonthlyWage: 6000 }, ["avgMonthlyWage"]],
      [{ grade: 4, avgMonthlyWage: "6000.001" }, ["avgMonthlyWage"]],
      [{ grade: 4, avgMonthlyWage: "0" }, ["avgMonthlyWage"]],
      [{ grade: 4, avgMonthlyWage: "6000", nursingLevel: "some" }, ["nursingLevel"]],
      [{ grade: 4, avgMonthlyWage: "6000", extra: 1 }, ["extra"]],
      [null, []],
    ];
    for (const [input, path] of bad) {
      expect(() => computeDisabilityBenefits("qinghai", input as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path }));
    }
  });
});

describe("disability benefits — other provinces", () => {
  test("national structure on an assumed 100% base, and the explanation says so", () => {
    // Zhejiang, grade 5, 7000: subsidy 18 × 7000 = 126000; one-time allowance 30 × 7000 = 210000
    const r = computeDisabilityBenefits("zhejiang", { grade: 5, avgMonthlyWage: "7000" });
    expect(r.value.oneTimeDisabilitySubsidy).toBe("126000.00");
    expect(r.value.oneTimeAllowance).toBe("210000.00");
    expect(r.assumptions.map((a) => a.name)).toEqual(["benefit.baseFactor"]);
    expect(r.explanation.at(-1)?.rule).toBe("explanation.assumptions");
  });

  test("strict refuses the assumed factor; an override satisfies it", () => {
    expect(() => computeDisabilityBenefits("inner-mongolia", { grade: 5, avgMonthlyWage: "7000" }, { strict: true })).toThrow(
      expect.objectContaining({ code: "ASSUMED_PARAMETER_REFUSED" }),
    );
    // override 0.6: 7000 × 0.6 = 4200; 18 × 4200 = 75600
    const r = computeDisabilityBenefits("inner-mongolia", { grade: 5, avgMonthlyWage: "7000" }, { strict: true, overrides: { "benefit.baseFactor": "0.6" } });
    expect(r.value.oneTimeDisabilitySubsidy).toBe("75600.00");
    expect(r.assumptions).toEqual([]);
  });

  test("Shanghai 规程第四十五条: an injury before the 实施办法 — one-time on the at-injury figure, periodic on 2024, never below current", () => {
    // grade 2: subsidy 25 × 8000 = 200000; allowance 85% × max(8500, 9000) = 7650
    const r = computeDisabilityBenefits("shanghai", {
      grade: 2, avgMonthlyWage: "8000", accidentDate: "2024-03-01", avgMonthlyWage2024: "8500", currentAvgMonthlyWage: "9000", nursingLevel: "full",
    });
    expect(r.value.oneTimeDisabilitySubsidy).toBe("200000.00");
    expect(r.value.monthlyDisabilityAllowance).toBe("7650.00");
    expect(r.value.monthlyNursingAllowance).toBe("4500.00"); // 50% × 9000
    expect(r.value.periodicBenefitBase).toBe("8500.00");
    // without the current figure: 85% × 8500 = 7225
    const r2 = computeDisabilityBenefits("shanghai", { grade: 2, avgMonthlyWage: "8000", accidentDate: "2024-03-01", avgMonthlyWage2024: "8500" });
    expect(r2.value.monthlyDisabilityAllowance).toBe("7225.00");
    expect(() => computeDisabilityBenefits("shanghai", { grade: 2, avgMonthlyWage: "8000", accidentDate: "2024-03-01" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["avgMonthlyWage2024"] }),
    );
    // a grade 7 case has no periodic item: no 2024 figure needed; 13 × 8000 = 104000
    const g7 = computeDisabilityBenefits("shanghai", { grade: 7, avgMonthlyWage: "8000", accidentDate: "2024-03-01" });
    expect([g7.value.oneTimeDisabilitySubsidy, g7.value.periodicBenefitBase]).toEqual(["104000.00", null]);
    // after the 实施办法 (assumed 2025-12-29): the ordinary base
    const after = computeDisabilityBenefits("shanghai", { grade: 2, avgMonthlyWage: "8000", accidentDate: "2026-01-10", avgMonthlyWage2024: "8500" });
    expect(after.value.monthlyDisabilityAllowance).toBe("6800.00");
    expect(after.value.periodicBenefitBase).toBeNull();
  });

  test("the missing periodic figure is named by the year of transitional.periodicBaseYear used", () => {
    const input = { grade: 2, avgMonthlyWage: "8000", accidentDate: "2024-03-01" };
    expect(thrown(() => computeDisabilityBenefits("shanghai", input))).toEqual(invalidJson(["avgMonthlyWage2024"],
      "an injury before Shanghai's 实施办法 needs the 2024 Shanghai average monthly wage for its periodic benefits (规程第四十五条)",
      "《实施办法》实施前的职业伤害，定期待遇须按2024年本市城镇私营单位就业人员月平均工资计发，请提供 avgMonthlyWage2024"));
    expect(thrown(() => computeDisabilityBenefits("shanghai", input, { overrides: { "transitional.periodicBaseYear": 2023 } }))).toEqual(invalidJson(["avgMonthlyWage2024"],
      "an injury before Shanghai's 实施办法 needs the 2023 Shanghai average monthly wage for its periodic benefits (规程第四十五条)",
      "《实施办法》实施前的职业伤害，定期待遇须按2023年本市城镇私营单位就业人员月平均工资计发，请提供 avgMonthlyWage2024"));
    // and the base's title states it: 85% × 8,500 = 7,225
    const r = computeDisabilityBenefits("shanghai", { ...input, avgMonthlyWage2024: "8500" }, { overrides: { "transitional.periodicBaseYear": 2023 } });
    expect(r.value.monthlyDisabilityAllowance).toBe("7225.00");
    const base = r.explanation.find((s) => s.rule === "benefit.base" && s.inputs["avgMonthlyWage2024"] !== undefined);
    expect(base?.title.zh).toContain("2023年本市城镇私营单位就业人员月平均工资");
    expect(base?.title.en).toContain("2023 Shanghai figure");
  });

  test("the transitional inputs are refused outside Shanghai", () => {
    expect(() => computeDisabilityBenefits("guangxi", { grade: 2, avgMonthlyWage: "8000", avgMonthlyWage2024: "8500" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_DEFINED", path: ["avgMonthlyWage2024"] }),
    );
  });
});

describe("disability benefits — properties", () => {
  const money = fc.integer({ min: 1, max: 5_000_000 }).map((fen) => (fen / 100).toFixed(2)); // test data only
  test("amounts are non-negative fen strings, monotonic in the wage, deterministic, input untouched", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCES),
        fc.integer({ min: 1, max: 10 }),
        money,
        money,
        fc.option(fc.constantFrom("full", "most", "partial" as const), { nil: undefined }),
        (province, grade, w1, w2, nursingLevel) => {
          const [lo, hi] = Number(w1) <= Number(w2) ? [w1, w2] : [w2, w1];
          const input = Object.freeze({ grade, avgMonthlyWage: lo, ...(nursingLevel ? { nursingLevel } : {}) });
          const a = computeDisabilityBenefits(province, input);
          const again = computeDisabilityBenefits(province, input);
          expect(JSON.stringify(again)).toBe(JSON.stringify(a));
          const b = computeDisabilityBenefits(province, { ...input, avgMonthlyWage: hi });
          for (const key of ["oneTimeDisabilitySubsidy", "monthlyDisabilityAllowance", "oneTimeAllowance", "monthlyNursingAllowance"] as const) {
            const x = a.value[key];
            const y = b.value[key];
            expect(x === null).toBe(y === null);
            if (x !== null && y !== null) {
              expect(x).toMatch(/^\d+\.\d{2}$/);
              expect(Number(y) >= Number(x)).toBe(true);
            }
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("the exact base is shown next to the rounded one (docs/decisions.md, Disability outputs)", () => {
  test("Qinghai grade 5, 6543.21: 18 × the exact base 3925.926 gives the item; 18 × the rounded 3925.93 does not", () => {
    // base = 6543.21 × 60% = 3925.926 exactly (shown 3925.93). Subsidy 18 months (第二十七条第（一）项):
    // 18 × 3925.926 = 70666.668 → "70666.67"; 18 × 3925.93 = 70666.74 (the rounded base cannot be re-multiplied)
    const r = computeDisabilityBenefits("qinghai", { grade: 5, avgMonthlyWage: "6543.21" });
    expect(r.value.benefitBase).toBe("3925.93");
    expect(r.value.benefitBaseExact).toBe("3925.926");
    expect(r.value.periodicBenefitBase).toBeNull();
    expect(r.value.periodicBenefitBaseExact).toBeNull();
    expect(r.value.oneTimeDisabilitySubsidy).toBe("70666.67");
    const step = r.explanation.find((s) => s.rule === "disability.one-time-subsidy");
    const result = step?.result as { exact: string; amount: string };
    expect(new Dec(r.value.benefitBaseExact).times(18).toFixed()).toBe(result.exact);
    expect(result.exact).toBe("70666.668");
    expect(new Dec(r.value.benefitBase).times(18).toFixed(2)).not.toBe(r.value.oneTimeDisabilitySubsidy);
  });

  test("Shanghai transitional: the periodic base has its exact figure too", () => {
    // periodic base = the 2024 figure 8500.5 (factor 100%): shown 8500.50, exact "8500.5"
    const r = computeDisabilityBenefits("shanghai", { grade: 2, avgMonthlyWage: "8000", accidentDate: "2024-03-01", avgMonthlyWage2024: "8500.5" });
    expect(r.value.periodicBenefitBase).toBe("8500.50");
    expect(r.value.periodicBenefitBaseExact).toBe("8500.5");
    expect(r.value.benefitBaseExact).toBe("8000");
  });
});
