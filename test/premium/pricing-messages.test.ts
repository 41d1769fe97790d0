/**
 * Exact messages, paths and explanation steps of the premium pricing rules (src/premium/{month,rates,review,
 * contribution}.ts): every figure below is worked out by hand from the code and the rule sets of src/provinces.
 */
import { describe, expect, test } from "vitest";
import { ZhishangError } from "../../src/core/errors.js";
import type { ComputeOptions, Explanation, ExplanationStep } from "../../src/core/explain.js";
import { computeDeclarationDeadline } from "../../src/deadlines/declaration.js";
import { computeMonthlyContributions, computeMonthlyPremium } from "../../src/premium/contribution.js";
import { addMonths, firstDay, formatYearMonth, fromMonthIndex, lastDay, monthDayRange, monthIndex, parseYearMonth } from "../../src/core/months.js";
import { countOrders, type OrderRecord } from "../../src/premium/orders.js";
import { computeRatePerOrder, monthsOnFirstJanuary } from "../../src/premium/rates.js";
import { computeRateReview, type RateReviewInput } from "../../src/premium/review.js";

const EXACT = "none: per-order rates keep their exact value (docs/decisions.md#C4)";
const FEN = "half-up to 0.01 yuan (docs/decisions.md#C4)";
const IN_FORCE = { step: 1, rule: "coverage.in-force", title: { zh: "规定已施行", en: "rules in force on the case date" } };
/** A step with its citations as ids and its parameters as names. */
const brief = (s: ExplanationStep) => ({ ...s, citations: s.citations.map((c) => c.id), parameters: s.parameters.map((p) => p.name) });
const step = (r: { explanation: Explanation }, rule: string) => {
  const s = r.explanation.find((x) => x.rule === rule);
  if (s === undefined) throw new Error(`no step ${rule}`);
  return brief(s);
};
const rules = (r: { explanation: Explanation }) => r.explanation.map((s) => s.rule);
/** The code, path and messages of the ZhishangError that `f` throws (anything else fails the test). */
function caught(f: () => unknown): { code: string; path: unknown[]; en: string; zh: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof ZhishangError) return { code: e.code, path: [...e.path], en: e.messageEn, zh: e.messageZh };
    throw e;
  }
  throw new Error("did not throw");
}
/** `f` throws a ZhishangError with exactly this code, path and both messages. */
const fails = (f: () => unknown, code: string, path: unknown[], en: string, zh: string) => expect(caught(f)).toEqual({ code, path, en, zh });
const TABLE = (from: string, ride: string[], instant: string[], freight: string[]) =>
  ({ from, "ride-hailing": ride, "instant-delivery": instant, "intra-city-freight": freight });
const SH_NEW = "a new platform pays the national base amount (instant delivery 0.07) and floats only from the next year";
const SH_NEW_ZH = "新参加试点的平台企业首年按国家确定的行业缴费基准额缴费（即时配送 0.07 元），累计至下一年度浮动";
const QH_VERSION = { zh: "适用规则集版本 qinghai@2026-07-01（2026-07-01 起）", en: "rule-set version used: qinghai@2026-07-01 (from 2026-07-01)" };
const QH_FIRST = (y: number) => ({
  en: `the first float takes effect on 2028-01-01; ${y}-01-01 is before it, so the base amount applies (100%)`,
  zh: `首次浮动执行时间为 2028-01-01，${y}-01-01 早于该日期，按缴费基准额（100%）缴费`,
});

describe("month.ts — calendar months (docs/decisions.md#C5)", () => {
  test("parseYearMonth: 1900–2199 only, strings only, one message for every refusal", () => {
    expect([parseYearMonth("1900-01", ["m"]), parseYearMonth("2199-12", ["m"])]).toEqual([{ year: 1900, month: 1 }, { year: 2199, month: 12 }]); // both ends
    for (const bad of ["1899-12", "2200-01", "2026-13", "2026-1", 202601, undefined, ["2026-05"]]) { // an array would stringify to a month
      fails(() => parseYearMonth(bad, ["x", 0]), "INVALID_INPUT", ["x", 0], "expected a month as YYYY-MM (1900–2199)", "月份格式应为 YYYY-MM（1900–2199 年）");
    }
  });

  test("formatting, shifting and the day range of a month", () => {
    expect([formatYearMonth({ year: 987, month: 3 }), formatYearMonth({ year: 2026, month: 11 })]).toEqual(["0987-03", "2026-11"]);
    expect(addMonths({ year: 2025, month: 12 }, 1)).toEqual({ year: 2026, month: 1 }); // k = 2025·12 + 11 + 1 = 24312 → 2026-01
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(addMonths({ year: 2026, month: 3 }, -15)).toEqual({ year: 2024, month: 12 }); // 24314 − 15 = 24299 = 2024·12 + 11
    expect([firstDay({ year: 2024, month: 2 }), lastDay({ year: 2024, month: 2 }), lastDay({ year: 2100, month: 2 })])
      .toEqual(["2024-02-01", "2024-02-29", "2100-02-28"]); // 2100 is not a leap year
    // 2024-01-01 is day 54·365 + 13 leap days = 19723; + 31 (January) = 19754; + 29 days of February 2024 = 19783
    expect(monthDayRange({ year: 2024, month: 2 })).toEqual([19754, 19783]);
    expect([monthIndex({ year: 2026, month: 1 }), monthIndex({ year: 2025, month: 12 })]).toEqual([24312, 24311]);
    expect([fromMonthIndex(24311), fromMonthIndex(24312)]).toEqual([{ year: 2025, month: 12 }, { year: 2026, month: 1 }]);
  });
});

describe("rates.ts — base amounts, tiers and the float window (Qinghai 第九条, Shanghai 第十一、十二条, docs/decisions.md#C8)", () => {
  test("base amounts: compared with the table in force at the end of the month (override: a dated table); none yet is RULE_NOT_IN_FORCE", () => {
    fails(() => computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", baseAmount: "0.1" }), "INVALID_INPUT", ["baseAmount"],
      "0.1 is not a base amount of instant delivery in Shanghai on 2026-05-31; the base amounts are 0.07, 0.25",
      "0.1 不是上海市即时配送行业 2026-05-31 的缴费基准额；缴费基准额为 0.07、0.25 元");
    const two = { overrides: { "premium.baseAmounts": [TABLE("2026-07-01", ["0.01"], ["0.07", "0.25"], ["0.18"]), TABLE("2027-01-31", ["0.02"], ["0.08", "0.25"], ["0.2"])] } };
    const rate = (month: string, industry: "ride-hailing" | "instant-delivery") => computeRatePerOrder("qinghai", { industry, month }, two);
    expect(rate("2026-12", "ride-hailing").value.ratePerOrder).toBe("0.01"); // 2026-12-31 < 2027-01-31: the first entry
    expect(rate("2027-01", "ride-hailing").value.ratePerOrder).toBe("0.02"); // the entry from the month's last day itself
    expect(step(rate("2027-01", "instant-delivery"), "premium.base-amount").result).toEqual({ baseAmount: "0.08", baseAmounts: ["0.08", "0.25"], from: "2027-01-31" });
    const late = { overrides: { "premium.baseAmounts": [TABLE("2026-08-01", ["0.01"], ["0.07", "0.25"], ["0.18"])] } };
    fails(() => computeRatePerOrder("qinghai", { industry: "ride-hailing", month: "2026-07" }, late), "RULE_NOT_IN_FORCE", ["baseAmount"],
      "Qinghai sets base amounts from 2026-08-01; 2026-07-31 is before that", "青海省缴费基准额自 2026-08-01 起执行，2026-07-31 早于该日期");
  });

  test("a tier outside the rule set's tiers names them; tiers of another step (override) are honoured", () => {
    fails(() => computeRatePerOrder("inner-mongolia", { industry: "instant-delivery", month: "2027-05", floatPercent: 155 }), "FLOAT_NOT_ALLOWED", ["floatPercent"],
      "155% is not a float tier of Inner Mongolia: the tiers run from 50% to 150% in steps of 10%", "155% 不是内蒙古自治区的浮动档次：以 10% 为一档，自 50% 至 150%");
    const o = { overrides: { "premium.floatTiers": { min: 40, max: 160, step: 30 } } }; // tiers 40, 70, 100, 130, 160
    const rate = (floatPercent: number) => computeRatePerOrder("zhejiang", { industry: "instant-delivery", month: "2026-03", floatPercent }, o).value.ratePerOrder;
    expect([rate(40), rate(70), rate(160)]).toEqual(["0.028", "0.049", "0.112"]); // 0.07 × 40%, × 70%, × 160%
    fails(() => rate(110), "FLOAT_NOT_ALLOWED", ["floatPercent"],
      "110% is not a float tier of Zhejiang: the tiers run from 40% to 160% in steps of 30%", "110% 不是浙江省的浮动档次：以 30% 为一档，自 40% 至 160%");
    // the review takes its tiers from the same parameter: 1,010 paid of 1,000 collected → 101% needed → 130%
    const r = computeRateReview("zhejiang", { industry: "ride-hailing", reviewYear: 2026, lastYearPayouts: "1010.00", lastYearPremiums: "1000.00" }, o);
    expect([r.value.suggestedFloatPercent, step(r, "premium.review.suggested-tier").notes?.[0]?.en])
      .toEqual([130, "needed = payouts ÷ (orders × base) = 101% (orders × base = premiums ÷ current tier); the lowest tier at or above it, within 40%–160%"]);
  });

  test("refusals give every reason: before the first 1 January on or after the start, before Qinghai's first float; the tier or the base named", () => {
    // Inner Mongolia from 2026-07-01: the first 1 January on or after it is 2027-01-01
    fails(() => computeRatePerOrder("inner-mongolia", { industry: "ride-hailing", month: "2026-12", floatPercent: 120 }), "FLOAT_NOT_ALLOWED", ["floatPercent"],
      "a float tier of 120% is not allowed in 2026: floats take effect once a year on 1 January; Inner Mongolia's rules apply from 2026-07-01, so the first possible float is on 2027-01-01, not 2026-01-01",
      "2026 年不得执行浮动档次 120%：浮动每年一次，自当年1月1日起执行；内蒙古自治区自 2026-07-01 起施行，最早的浮动执行日为 2027-01-01，2026-01-01 不能浮动");
    // Qinghai 2026: both reasons, joined; a base amount at 100% is named as the base amount, at baseAmount
    fails(() => computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2026-12", baseAmount: "0.25" }), "FLOAT_NOT_ALLOWED", ["baseAmount"],
      `the base amount of 0.25 yuan is not allowed in 2026: floats take effect once a year on 1 January; Qinghai's rules apply from 2026-07-01, so the first possible float is on 2027-01-01, not 2026-01-01; ${QH_FIRST(2026).en}`,
      `2026 年不得执行每单 0.25 元的缴费基准额：浮动每年一次，自当年1月1日起执行；青海省自 2026-07-01 起施行，最早的浮动执行日为 2027-01-01，2026-01-01 不能浮动；${QH_FIRST(2026).zh}`);
    // 2027: only the first-float date; 0.25 at 120% is named by its tier, at floatPercent
    fails(() => computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2027-06", baseAmount: "0.25", floatPercent: 120 }), "FLOAT_NOT_ALLOWED", ["floatPercent"],
      `a float tier of 120% is not allowed in 2027: ${QH_FIRST(2027).en}`, `2027 年不得执行浮动档次 120%：${QH_FIRST(2027).zh}`);
    // a start on 1 January (override) is itself the first float date; Zhejiang's own start 2025-07-01 gives 2026-01-01
    expect(computeRatePerOrder("zhejiang", { industry: "ride-hailing", month: "2025-08", floatPercent: 120 },
      { overrides: { "coverage.inForceFrom": "2025-01-01" } }).value.ratePerOrder).toBe("0.012"); // 0.01 × 120%
    fails(() => computeRatePerOrder("zhejiang", { industry: "ride-hailing", month: "2025-08", floatPercent: 120 }), "FLOAT_NOT_ALLOWED", ["floatPercent"],
      "a float tier of 120% is not allowed in 2025: floats take effect once a year on 1 January; Zhejiang's rules apply from 2025-07-01, so the first possible float is on 2026-01-01, not 2025-01-01",
      "2025 年不得执行浮动档次 120%：浮动每年一次，自当年1月1日起执行；浙江省自 2025-07-01 起施行，最早的浮动执行日为 2026-01-01，2025-01-01 不能浮动");
  });

  test("Shanghai's 12 months on 1 January: months before the order month less those of its year, never below 0", () => {
    expect([monthsOnFirstJanuary(undefined, { year: 2026, month: 5 }), monthsOnFirstJanuary(16, { year: 2026, month: 5 })]).toEqual([undefined, 12]); // 16 − 4
    expect([monthsOnFirstJanuary(3, { year: 2026, month: 5 }), monthsOnFirstJanuary(5, { year: 2026, month: 1 })]).toEqual([0, 5]); // max(0, 3 − 4); 5 − 0
    fails(() => computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", baseAmount: "0.25", monthsContributed: 3 }), "FLOAT_NOT_ALLOWED", ["baseAmount"],
      `the base amount of 0.25 yuan is not allowed in 2026: 0 months of contributions by 2026-01-01, under 12: ${SH_NEW}`,
      `2026 年不得执行每单 0.25 元的缴费基准额：至 2026-01-01 缴费 0 个月，不满 12 个月：${SH_NEW_ZH}`);
    // 15 before May → 15 − 4 = 11 on 1 January
    expect(caught(() => computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", floatPercent: 120, monthsContributed: 15 })).en)
      .toBe(`a float tier of 120% is not allowed in 2026: 11 months of contributions by 2026-01-01, under 12: ${SH_NEW}`);
  });
});

describe("rates.ts — the explanation of a rate", () => {
  test("Qinghai 2028-02, 0.25 × 110% = 0.275: in force, base, tier (with the switch parameter), rate", () => {
    const r = computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2028-02", floatPercent: 110, baseAmount: "0.25" });
    expect(r.value).toEqual({ industry: "instant-delivery", month: "2028-02", baseAmount: "0.25", floatPercent: 110, ratePerOrder: "0.275" });
    expect(r.explanation.map(brief)).toStrictEqual([
      { ...IN_FORCE, citations: ["qinghai-measures#art42", "qinghai-notice#s一"], inputs: { caseDate: "2028-02-29" }, parameters: ["coverage.inForceFrom"],
        result: true, notes: [{ zh: "费款所属月份末日 2028-02-29 不早于施行日期 2026-07-01", en: "last day of the month 2028-02-29 is on or after 2026-07-01" }, QH_VERSION] },
      { step: 2, rule: "premium.base-amount", title: { zh: "行业缴费基准额（即时配送）", en: "industry base amount (instant delivery)" },
        citations: ["qinghai-measures#art9.p1", "qinghai-measures#art9.p2"], inputs: { industry: "instant-delivery", month: "2028-02", baseAmount: "0.25" },
        parameters: ["premium.baseAmounts"], result: { baseAmount: "0.25", baseAmounts: ["0.07", "0.25"], from: "2026-07-01" },
        notes: [{ zh: "即时配送行业执行每单 0.25 元的缴费基准额（默认为 0.07 元）", en: "instant delivery: on the base amount of 0.25 yuan per order (the default is 0.07)" }] },
      { step: 3, rule: "premium.float-tier", title: { zh: "浮动档次（每年1月1日起执行）", en: "float tier (effective from 1 January)" },
        citations: ["qinghai-measures#art9.p2", "qinghai-measures#art42", "qinghai-notice#s一"], inputs: { floatPercent: 110 },
        parameters: ["premium.floatTiers", "premium.floatPeriod", "coverage.inForceFrom", "premium.firstFloatFrom", "premium.instantDeliverySwitch"],
        result: { floatPercent: 110, floatAllowed: true, effectiveFrom: "2028-01-01" }, notes: [{ zh: "2028 年可以浮动，浮动自 2028-01-01 起执行", en: "a float may take effect on 2028-01-01" }] },
      { step: 4, rule: "premium.rate-per-order", title: { zh: "每单缴费标准 = 缴费基准额 × 浮动档次", en: "per-order rate = base amount × float tier" }, citations: ["qinghai-measures#art9.p1", "qinghai-measures#art9.p2"],
        inputs: { baseAmount: "0.25", floatPercent: 110 }, parameters: ["premium.baseAmounts", "premium.floatTiers"], result: { formula: "0.25 × 110%", ratePerOrder: "0.275" }, rounding: EXACT },
    ]);
  });

  test("no float: the default base's note, the plain tier step, no baseAmount input", () => {
    const r = computeRatePerOrder("zhejiang", { industry: "ride-hailing", month: "2026-03" });
    const { inputs, notes } = step(r, "premium.base-amount");
    expect({ inputs, notes }).toStrictEqual({ inputs: { industry: "ride-hailing", month: "2026-03" }, notes: [{ zh: "出行行业缴费基准额每单 0.01 元", en: "ride-hailing: base amount 0.01 yuan per order" }] });
    expect(step(r, "premium.float-tier")).toStrictEqual({
      step: 3, rule: "premium.float-tier", title: { zh: "浮动档次", en: "float tier" }, citations: ["national-measures", "qinghai-measures#art9.p2", "inner-mongolia-notice#s三.p2"],
      inputs: { floatPercent: 100 }, parameters: ["premium.floatTiers"], result: { floatPercent: 100 }, notes: [{ zh: "不浮动：按缴费基准额的 100% 缴费", en: "no float: 100% of the base amount" }],
    });
  });

  test("Shanghai's tier step: the months on 1 January as input, or a note that they were not checked", () => {
    const pick = (monthsContributed?: number) => {
      const r = computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", floatPercent: 120, ...(monthsContributed === undefined ? {} : { monthsContributed }) });
      const { inputs, parameters, result, notes } = step(r, "premium.float-tier");
      return { inputs, parameters, result, notes };
    };
    const parameters = ["premium.floatTiers", "premium.floatPeriod", "coverage.inForceFrom", "premium.floatMinContributionMonths"];
    const may = { zh: "2026 年可以浮动，浮动自 2026-01-01 起执行", en: "a float may take effect on 2026-01-01" };
    const result = { floatPercent: 120, floatAllowed: true, effectiveFrom: "2026-01-01" };
    expect(pick(16)).toStrictEqual({ inputs: { floatPercent: 120, monthsContributedOn1January: 12 }, parameters, result, notes: [may] }); // 16 − 4
    expect(pick()).toStrictEqual({ inputs: { floatPercent: 120 }, parameters, result, notes: [may, {
      zh: "未提供缴费月数（monthsContributed），未核对“首次参保且缴费不满 12 个月的，累计至下一年度浮动”",
      en: "monthsContributed not given: the rule that a platform with under 12 months of contributions floats only the next year was not checked",
    }] });
  });

  test("a second ride-hailing amount (override) floats without the instant-delivery switch parameter", () => {
    const o = { overrides: { "premium.baseAmounts": [TABLE("2025-07-01", ["0.01", "0.02"], ["0.07", "0.25"], ["0.18"])] } };
    const r = computeRatePerOrder("zhejiang", { industry: "ride-hailing", month: "2026-03", baseAmount: "0.02" }, o);
    expect([r.value.ratePerOrder, step(r, "premium.float-tier").parameters]).toEqual(["0.02", ["premium.floatTiers", "premium.floatPeriod", "coverage.inForceFrom"]]);
  });
});

describe("review.ts — the annual review (docs/decisions.md#C2)", () => {
  const im = (input: Omit<RateReviewInput, "reviewYear"> & { reviewYear?: number }, options?: ComputeOptions) =>
    computeRateReview("inner-mongolia", { reviewYear: 2028, ...input }, options);
  const M = (payouts: string, premiums: string) => ({ lastYearPayouts: payouts, lastYearPremiums: premiums });
  const notesOf = (r: { explanation: Explanation }, rule: string) => step(r, rule).notes;

  test("Inner Mongolia 2028, 0.07 at 100%, ratio 1.25: every step", () => {
    const r = im({ industry: "instant-delivery", ...M("1250000.00", "1000000.00") });
    const IM2 = "inner-mongolia-notice#s三.p2";
    expect(r.explanation.map(brief)).toStrictEqual([
      { ...IN_FORCE, citations: ["inner-mongolia-notice#s通知正文"], inputs: { caseDate: "2027-12-31" }, parameters: ["coverage.inForceFrom"],
        result: true, notes: [{ zh: "被评估年度末日 2027-12-31 不早于施行日期 2026-07-01", en: "last day of the year reviewed 2027-12-31 is on or after 2026-07-01" },
          { zh: "适用规则集版本 inner-mongolia@2026-07-01（2026-07-01 起）", en: "rule-set version used: inner-mongolia@2026-07-01 (from 2026-07-01)" }] },
      { step: 2, rule: "premium.review.current-rate", title: { zh: "被评估年度（2027）的缴费标准", en: "the rate in force in the year reviewed (2027)" },
        citations: ["inner-mongolia-notice#s三.p1", IM2], inputs: { industry: "instant-delivery", currentBaseAmount: "0.07", currentFloatPercent: 100 },
        parameters: ["premium.baseAmounts", "premium.floatTiers"], result: { ratePerOrder: "0.07" }, rounding: EXACT,
        notes: [{ zh: "即时配送：每单 0.07 元 × 100%", en: "instant delivery: 0.07 yuan × 100%" }] },
      { step: 3, rule: "premium.review.payout-ratio", title: { zh: "支缴率 = 上一年度待遇支出 ÷ 上一年度缴费", en: "payout ratio = last year's payouts ÷ last year's premiums" },
        citations: [IM2, "zhishang-decisions#C2"], inputs: { lastYearPayouts: "1250000.00", lastYearPremiums: "1000000.00" }, parameters: [],
        result: { formula: "1250000 ÷ 1000000", payoutRatio: "1.25", exact: "1.25" }, rounding: "shown half-up to 4 places; the comparisons below are exact" },
      { step: 4, rule: "premium.review.float-window", title: { zh: "2028 年能否浮动（自1月1日起执行）", en: "may a float take effect on 1 January 2028" },
        citations: ["national-measures", "qinghai-measures#art9.p2", "shanghai-rules#art12.p2", "zhishang-decisions#C8", "inner-mongolia-notice#s通知正文"],
        inputs: { reviewYear: 2028 }, parameters: ["premium.floatPeriod", "coverage.inForceFrom"], result: { floatAllowed: true, effectiveFrom: "2028-01-01" },
        notes: [{ zh: "可以浮动", en: "a float may take effect" }] },
      // 150% of 0.07 collects 0.07 × 150 × 1,000,000 = 10,500,000 ≥ 1,250,000 × 100 × 0.07 = 8,750,000: no switch
      { step: 5, rule: "premium.review.base-switch", title: { zh: "即时配送缴费基准额切换（0.07 ↔ 0.25 元）", en: "instant-delivery base amount switch (0.07 ↔ 0.25)" },
        citations: [IM2], inputs: { currentBaseAmount: "0.07", payoutRatio: "1.25" }, parameters: ["premium.instantDeliverySwitch", "premium.floatTiers"],
        result: { baseSwitched: false, suggestedBaseAmount: "0.07" }, notes: [{ zh: "不切换：上浮至 150% 可以平衡", en: "no switch: 150% balances" }] },
      // needed = 8,750,000 ÷ (1,000,000 × 0.07) = 125 → 130
      { step: 6, rule: "premium.review.suggested-tier", title: { zh: "建议浮动档次：能够覆盖上一年度待遇支出的最低档次", en: "suggested tier: the lowest tier that covers last year's payouts" },
        citations: ["zhishang-decisions#C2", IM2], inputs: { baseAmount: "0.07", payoutRatio: "1.25", currentFloatPercent: 100 }, parameters: ["premium.floatTiers"],
        result: { neededPercent: "125", suggestedFloatPercent: 130, covers: true }, notes: [{ zh: "所需档次 = 待遇支出 ÷ (单量 × 基准额) = 125%（单量 × 基准额 = 缴费 ÷ 现行档次）；取不低于所需的最低档次，限于 50%–150%",
          en: "needed = payouts ÷ (orders × base) = 125% (orders × base = premiums ÷ current tier); the lowest tier at or above it, within 50%–150%" }] },
      { step: 7, rule: "premium.review.suggested-rate", title: { zh: "2028 年建议每单缴费标准", en: "suggested per-order rate for 2028" }, citations: ["inner-mongolia-notice#s三.p1", IM2],
        inputs: { suggestedBaseAmount: "0.07", suggestedFloatPercent: 130 }, parameters: ["premium.baseAmounts", "premium.floatTiers"], rounding: EXACT,
        result: { formula: "0.07 × 130%", ratePerOrder: "0.091", effectiveFrom: "2028-01-01" }, notes: [{ zh: "建议值；浮动档次由经办机构核定", en: "a suggestion: the agency sets the tier" }] },
    ]);
    expect(r.value.floatRefusedReasons).toEqual([]);
  });

  test("the switch notes, both directions and every reason not to switch", () => {
    const sw = (base: string, tier: number, payouts: string, premiums: string) =>
      notesOf(im({ industry: "instant-delivery", currentBaseAmount: base, currentFloatPercent: tier, ...M(payouts, premiums) }), "premium.review.base-switch");
    // up: need 2,000,000 × 150 × 0.07 = 21,000,000 > 150% of 0.07 = 10,500,000; 21,000,000 ÷ 70,000 = 300%
    expect(sw("0.07", 150, "2000000.00", "1000000.00")).toEqual([{ zh: "支缴率超过100%，且上浮至 150% 仍无法平衡（需 300%）：执行 0.25 元的缴费基准额并同时浮动",
      en: "payout ratio above 100% and even 150% of 0.07 does not balance (300% needed): switch to 0.25 and float on it" }]);
    expect(sw("0.07", 100, "500.00", "1000.00")).toEqual([{ zh: "不切换：支缴率未超过100%", en: "no switch: payout ratio not above 100%" }]);
    // down: need 100,000 × 50 × 0.25 = 1,250,000 < 50% of 0.25 = 12,500,000; 1,250,000 ÷ 250,000 = 5%
    expect(sw("0.25", 50, "100000.00", "1000000.00")).toEqual([{ zh: "支缴率低于100%，且下浮至 50% 仍收大于支（仅需 5%）：执行 0.07 元的缴费基准额并同时浮动",
      en: "payout ratio under 100% and even 50% of 0.25 collects more than it pays (5% needed): switch to 0.07 and float on it" }]);
    // need 600,000 × 100 × 0.25 = 15,000,000 ≥ 12,500,000
    expect(sw("0.25", 100, "600000.00", "1000000.00")).toEqual([{ zh: "不切换：下浮至 50% 不再收大于支", en: "no switch: 50% no longer collects more than it pays" }]);
    expect(sw("0.25", 100, "1000.00", "1000.00")).toEqual([{ zh: "不切换：支缴率不低于100%", en: "no switch: payout ratio not under 100%" }]);
  });

  test("after a switch the tier is sought on the new base, which must be a base amount", () => {
    const up = im({ industry: "instant-delivery", currentBaseAmount: "0.07", currentFloatPercent: 150, ...M("2000000.00", "1000000.00") });
    const { inputs, result } = step(up, "premium.review.suggested-tier");
    // 21,000,000 ÷ (1,000,000 × 0.25) = 84 → 90 (80% collects 20,000,000 < 21,000,000)
    expect({ inputs, result }).toEqual({ inputs: { baseAmount: "0.25", payoutRatio: "2", currentFloatPercent: 150 }, result: { neededPercent: "84", suggestedFloatPercent: 90, covers: true } });
    const down = im({ industry: "instant-delivery", currentBaseAmount: "0.25", currentFloatPercent: 50, ...M("100000.00", "1000000.00") });
    // 1,250,000 ÷ 70,000 = 17.857142857142… → 12 significant digits; 50% of 0.07 collects 3,500,000
    expect(step(down, "premium.review.suggested-tier").result).toEqual({ neededPercent: "17.8571428571", suggestedFloatPercent: 50, covers: true });
    expect(step(down, "premium.review.suggested-rate").result).toEqual({ formula: "0.07 × 50%", ratePerOrder: "0.035", effectiveFrom: "2028-01-01" });
    // a switch amount that is no base amount (override) is refused at the override, on 1 January of the review year
    const o = { overrides: { "premium.instantDeliverySwitch": { lower: "0.07", upper: "0.3" } } };
    fails(() => im({ industry: "instant-delivery", currentFloatPercent: 150, ...M("2000000.00", "1000000.00") }, o), "INVALID_INPUT", ["overrides", "premium.instantDeliverySwitch"],
      "0.3 is not a base amount of instant delivery in Inner Mongolia on 2028-01-01; the base amounts are 0.07, 0.25",
      "0.3 不是内蒙古自治区即时配送行业 2028-01-01 的缴费基准额；缴费基准额为 0.07、0.25 元");
  });

  test("not covering at 150%: an extra note; a base that is neither switch amount (override) has no switch notes", () => {
    // ride-hailing, ratio 3: needed 3,000 ÷ (1,000 × 0.01) = 300%
    expect(notesOf(im({ industry: "ride-hailing", ...M("3000.00", "1000.00") }), "premium.review.suggested-tier")?.[1])
      .toEqual({ zh: "最高档 150% 仍不能覆盖待遇支出", en: "even the highest tier, 150%, does not cover the payouts" });
    const o = { overrides: { "premium.baseAmounts": [TABLE("2026-07-01", ["0.01"], ["0.07", "0.25", "0.4"], ["0.18"])] } };
    const r = im({ industry: "instant-delivery", currentBaseAmount: "0.4", ...M("100.00", "1000.00") }, o);
    expect(step(r, "premium.review.base-switch")).not.toHaveProperty("notes");
    expect([r.value.suggestedBaseAmount, r.value.suggestedFloatPercent]).toEqual(["0.4", 50]); // 100 × 100 × 0.4 ÷ (1,000 × 0.4) = 10% needed → 50
  });

  test("no float in the review year: the current rate stays (Qinghai 2027), covers compares exactly", () => {
    const r = computeRateReview("qinghai", { industry: "instant-delivery", reviewYear: 2027, ...M("2000000.00", "1000000.00") });
    expect(rules(r)).toEqual(["coverage.in-force", "premium.review.current-rate", "premium.review.payout-ratio", "premium.review.float-window", "premium.review.suggested-tier", "premium.review.suggested-rate"]);
    const { inputs, parameters, result, notes } = step(r, "premium.review.float-window");
    expect({ inputs, parameters, result, notes }).toStrictEqual({ inputs: { reviewYear: 2027 }, parameters: ["premium.floatPeriod", "coverage.inForceFrom", "premium.firstFloatFrom"],
      result: { floatAllowed: false, effectiveFrom: "2027-01-01" }, notes: [QH_FIRST(2027)] });
    expect(r.value.floatRefusedReasons).toEqual([QH_FIRST(2027)]);
    expect(step(r, "premium.review.suggested-tier")).toStrictEqual({
      step: 5, rule: "premium.review.suggested-tier", title: { zh: "不能浮动：维持现行缴费标准", en: "no float may take effect: the current rate stays" },
      citations: ["qinghai-measures#art9.p2", "qinghai-measures#art42", "qinghai-notice#s一"], inputs: { currentBaseAmount: "0.07", currentFloatPercent: 100 },
      parameters: ["premium.floatPeriod", "coverage.inForceFrom", "premium.firstFloatFrom"],
      result: { suggestedBaseAmount: "0.07", suggestedFloatPercent: 100, covers: false }, // 7,000,000 collected < 14,000,000 needed
    });
    // payouts = premiums: 0.07 × 100 × 1,000 = 7,000 = 1,000 × 100 × 0.07 — exactly covered
    expect(computeRateReview("qinghai", { industry: "instant-delivery", reviewYear: 2027, ...M("1000.00", "1000.00") }).value.covers).toBe(true);
  });

  test("Shanghai: allowed without monthsContributed (the note stays in the step, not in the refused reasons)", () => {
    const r = computeRateReview("shanghai", { industry: "ride-hailing", reviewYear: 2027, ...M("900.00", "1000.00") });
    expect([r.value.floatAllowed, r.value.floatRefusedReasons, r.value.suggestedFloatPercent]).toEqual([true, [], 90]);
    expect(notesOf(r, "premium.review.float-window")?.[0]?.en).toBe("monthsContributed not given: the rule that a platform with under 12 months of contributions floats only the next year was not checked");
    const { inputs, notes } = step(computeRateReview("shanghai", { industry: "ride-hailing", reviewYear: 2027, monthsContributed: 30, ...M("900.00", "1000.00") }), "premium.review.float-window");
    expect({ inputs, notes }).toStrictEqual({ inputs: { reviewYear: 2027, monthsContributed: 30 }, notes: [{ zh: "可以浮动", en: "a float may take effect" }] });
  });

  test("the payout ratio: each province's citations, 4 places shown, 20 significant digits kept", () => {
    const cites = { qinghai: "qinghai-measures#art9.p2", "inner-mongolia": "inner-mongolia-notice#s三.p2", zhejiang: "zhejiang-opinions#s二（二）", shanghai: "shanghai-rules#art12.p1", guangxi: "national-measures" } as const;
    for (const [p, id] of Object.entries(cites) as Array<[keyof typeof cites, string]>) {
      const reviewYear = p === "zhejiang" || p === "guangxi" ? 2026 : 2027; // the year reviewed ends after each start
      expect(step(computeRateReview(p, { industry: "ride-hailing", reviewYear, ...M("1.00", "1.00") }), "premium.review.payout-ratio").citations).toEqual([id, "zhishang-decisions#C2"]);
    }
    const r = im({ industry: "ride-hailing", ...M("200.00", "300.00") });
    expect(step(r, "premium.review.payout-ratio").result).toEqual({ formula: "200 ÷ 300", payoutRatio: "0.6667", exact: "0.66666666666666666667" });
    // needed 200 × 100 × 0.01 ÷ (300 × 0.01) = 66.666…, 12 significant digits rounded half-up
    expect(step(r, "premium.review.suggested-tier").result).toEqual({ neededPercent: "66.6666666667", suggestedFloatPercent: 70, covers: true });
  });

  test("the current rate must have been allowed in the year reviewed (months before it = months − 12, never below 0)", () => {
    const sh = (monthsContributed: number, extra: Partial<RateReviewInput>) =>
      computeRateReview("shanghai", { industry: "instant-delivery", reviewYear: 2027, monthsContributed, ...M("1.00", "1.00"), ...extra });
    fails(() => sh(20, { currentFloatPercent: 120 }), "FLOAT_NOT_ALLOWED", ["currentFloatPercent"], // 20 − 12 = 8 on 2026-01-01
      `the current rate (0.07 × 120%) could not apply in 2026: 8 months of contributions by 2026-01-01, under 12: ${SH_NEW}`,
      `现行缴费标准（0.07 元 × 120%）在 2026 年不得执行：至 2026-01-01 缴费 8 个月，不满 12 个月：${SH_NEW_ZH}`);
    fails(() => sh(5, { currentBaseAmount: "0.25" }), "FLOAT_NOT_ALLOWED", ["currentBaseAmount"], // max(0, 5 − 12) = 0
      `the current rate (0.25 × 100%) could not apply in 2026: 0 months of contributions by 2026-01-01, under 12: ${SH_NEW}`,
      `现行缴费标准（0.25 元 × 100%）在 2026 年不得执行：至 2026-01-01 缴费 0 个月，不满 12 个月：${SH_NEW_ZH}`);
    const { parameters, result, notes } = step(sh(24, { currentFloatPercent: 120 }), "premium.review.current-rate"); // 24 − 12 = 12: allowed
    expect({ parameters, result, notes }).toStrictEqual({
      parameters: ["premium.baseAmounts", "premium.floatTiers", "premium.floatPeriod", "coverage.inForceFrom", "premium.floatMinContributionMonths"],
      result: { ratePerOrder: "0.084" }, notes: [{ zh: "即时配送：每单 0.07 元 × 120%", en: "instant delivery: 0.07 yuan × 120%" }], // 0.07 × 120%
    });
    fails(() => computeRateReview("qinghai", { industry: "ride-hailing", reviewYear: 2028, currentFloatPercent: 110, ...M("1.00", "1.00") }), "FLOAT_NOT_ALLOWED", ["currentFloatPercent"],
      `the current rate (0.01 × 110%) could not apply in 2027: ${QH_FIRST(2027).en}`, `现行缴费标准（0.01 元 × 110%）在 2027 年不得执行：${QH_FIRST(2027).zh}`);
  });
});

describe("contribution.ts — the monthly premium (Qinghai 第八条, Shanghai 第十四、十六条)", () => {
  test("Shanghai September 2026, 5 × 0.077: the in-force and amount-due steps", () => {
    const r = computeMonthlyPremium("shanghai", { industry: "instant-delivery", orderMonth: "2026-09", orders: 5, floatPercent: 110 });
    const { inputs, notes } = step(r, "coverage.in-force");
    expect({ inputs, notes }).toStrictEqual({ inputs: { caseDate: "2026-09-30" },
      notes: [{ zh: "费款所属月份（上月）末日 2026-09-30 不早于施行日期 2022-07-01", en: "last day of the order month 2026-09-30 is on or after 2022-07-01" },
        { zh: "适用规则集版本 shanghai@2022-07-01（2022-07-01 起）", en: "rule-set version used: shanghai@2022-07-01 (from 2022-07-01)" }] });
    expect(step(r, "premium.amount-due")).toStrictEqual({
      step: 5, rule: "premium.amount-due", title: { zh: "应缴费额 = 上月总单量 × 每单缴费标准", en: "amount due = last month's orders × per-order rate" },
      citations: ["shanghai-rules#art14.p1"], inputs: { orderMonth: "2026-09", orders: 5, ratePerOrder: "0.077" }, parameters: ["premium.contributionBasis"],
      result: { formula: "5 × 0.077 = 0.385", amountDue: "0.39" }, rounding: FEN, // 0.385 half-up
      notes: [{ zh: "即时配送行业 2026-09 的订单；新就业形态人员个人不缴费", en: "instant delivery orders of 2026-09; workers pay nothing" }],
    });
    expect(step(computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth: "2026-08", orders: 1 }), "premium.amount-due").citations).toEqual(["qinghai-measures#art8.p1"]);
    const b = computeMonthlyPremium("shanghai", { industry: "instant-delivery", orderMonth: "2026-09", orders: 4, baseAmount: "0.25" }).value;
    expect([b.baseAmount, b.floatPercent, b.ratePerOrder, b.amountDue]).toEqual(["0.25", 100, "0.25", "1.00"]); // 4 × 0.25
    expect(caught(() => computeMonthlyPremium("shanghai", { industry: "instant-delivery", orderMonth: "2026-05", orders: 1, baseAmount: "0.25", monthsContributed: 3 })).path)
      .toEqual(["baseAmount"]); // 0 months on 1 January (3 − 4 → 0)
  });

  test("the payment difference: refund, exact, top-up — each province's citations", () => {
    const over = computeMonthlyPremium("shanghai", { industry: "intra-city-freight", orderMonth: "2026-03", orders: 1000, paidAmount: "200.00" });
    expect(step(over, "premium.payment-difference")).toStrictEqual({ // 200.00 − 1,000 × 0.18 = 20.00
      step: 9, rule: "premium.payment-difference", title: { zh: "多缴退还、少缴补足", en: "refund of an overpayment, top-up of an underpayment" },
      citations: ["shanghai-rules#art16"], inputs: { amountDue: "180.00", paidAmount: "200.00" }, parameters: [],
      result: { refundDue: "20.00", topUpDue: "0.00" }, notes: [{ zh: "多缴 20.00 元，可申请退还", en: "20.00 overpaid: a refund may be claimed" }],
    });
    const exact = computeMonthlyPremium("qinghai", { industry: "intra-city-freight", orderMonth: "2026-07", orders: 1000, paidAmount: "180.00" });
    expect(step(exact, "premium.payment-difference").notes).toEqual([{ zh: "实缴与应缴一致", en: "paid exactly what was due" }]);
    const under = computeMonthlyPremium("zhejiang", { industry: "ride-hailing", orderMonth: "2026-03", orders: 3, paidAmount: "0.01" });
    const s = under.explanation.find((x) => x.rule === "premium.payment-difference");
    expect(s?.citations.map((c) => [c.id, c.note])).toEqual([["national-measures", "多缴退还、少缴补足，同青海第十条、上海第十六条 / refunds and top-ups as in Qinghai art. 10, Shanghai art. 16"]]);
    expect([s?.result, s?.notes]).toEqual([{ refundDue: "0.00", topUpDue: "0.02" }, [{ zh: "少缴 0.02 元，应予补足", en: "0.02 short: to be topped up" }]]); // 0.03 − 0.01
    expect(under.value).toMatchObject({ paidAmount: "0.01", refundDue: "0.00", topUpDue: "0.02" });
  });

  test("the declaration: its steps copied whole (renumbered) but its in-force step; its errors re-pathed at orderMonth", () => {
    const r = computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth: "2026-09", orders: 10 });
    const d = computeDeclarationDeadline("qinghai", { declarationMonth: "2026-10" });
    expect(rules(d)).toEqual(["coverage.in-force", "declaration.period", "declaration.holiday-days", "declaration.deadline"]);
    expect(r.explanation.slice(5)).toStrictEqual(d.explanation.slice(1).map((s, k) => ({ ...s, step: 6 + k })));
    // errors: a path at declarationMonth moves to orderMonth, keeping code and messages; other paths pass unchanged
    const premium = (orderMonth: string, extra: { paidAmount?: string } = {}, options?: ComputeOptions) =>
      computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth, orders: 3, ...extra }, options);
    // 2199-12 is a valid order month, but its declaration month 2200-01 is not
    fails(() => premium("2199-12"), "INVALID_INPUT", ["orderMonth"], "orderMonth 2199-12 is out of the supported range 1900-01 – 2199-11 (its declaration falls in 2200-01, after 2199-12)",
      "orderMonth 2199-12 超出支持范围 1900-01 至 2199-11（其申报月份 2200-01 晚于 2199-12）");
    const badCalendar = { calendars: [{ year: 2028, off: [["bad", "bad"]] as Array<[string, string]>, work: [] }] };
    fails(() => premium("2026-08", {}, badCalendar), "INVALID_INPUT", ["calendars", 0, "off", 0, 0], "expected a date as YYYY-MM-DD", "日期格式应为 YYYY-MM-DD");
    // the schema takes 13 digits; parseMoney caps at 10^12
    fails(() => premium("2026-08", { paidAmount: "1000000000001" }), "INVALID_INPUT", ["paidAmount"], "the amount exceeds 10^12 yuan", "金额超过 10^12 元");
  });
});

describe("contribution.ts — pricing a tally", () => {
  const order = (platform: string, industry: OrderRecord["industry"], endedAt: string): OrderRecord => ({
    platform, industry, status: "delivered", endedAt, workerRegistered: true, workerInScope: true, startedInProvince: true,
  });
  const times = (n: number, o: OrderRecord) => Array.from({ length: n }, () => o);
  const counts = countOrders("shanghai", [
    ...times(7, order("meituan", "instant-delivery", "2026-03-15T12:00:00+08:00")),
    ...times(2, order("meituan", "intra-city-freight", "2026-03-10T12:00:00+08:00")),
    ...times(2, order("didi", "ride-hailing", "2026-03-20T12:00:00+08:00")),
    order("meituan", "instant-delivery", "2026-02-20T12:00:00+08:00"), // February: not priced
  ]).value;

  test("lines by platform then industry order; each line's step; refunds; per-platform sums and the total", () => {
    // meituan's ride-hailing line comes only from its rate entry (listed after the counted keys), yet sorts first
    const c = computeMonthlyContributions("shanghai", counts, { orderMonth: "2026-03", rates: [
      { platform: "meituan", industry: "ride-hailing", floatPercent: 50 },
      { platform: "meituan", industry: "instant-delivery", baseAmount: "0.25", floatPercent: 110, paidAmount: "2.00" },
      { platform: "didi", industry: "ride-hailing" },
    ] });
    const none = { paidAmount: null, refundDue: null, topUpDue: null };
    expect(c.value.lines).toEqual([
      { platform: "didi", industry: "ride-hailing", orders: 2, baseAmount: "0.01", floatPercent: 100, ratePerOrder: "0.01", amountDue: "0.02", ...none },
      { platform: "meituan", industry: "ride-hailing", orders: 0, baseAmount: "0.01", floatPercent: 50, ratePerOrder: "0.005", amountDue: "0.00", ...none },
      { platform: "meituan", industry: "instant-delivery", orders: 7, baseAmount: "0.25", floatPercent: 110, ratePerOrder: "0.275", amountDue: "1.93", // 7 × 0.275 = 1.925
        paidAmount: "2.00", refundDue: "0.07", topUpDue: "0.00" },
      { platform: "meituan", industry: "intra-city-freight", orders: 2, baseAmount: "0.18", floatPercent: 100, ratePerOrder: "0.18", amountDue: "0.36", ...none },
    ]);
    // meituan: 0.00 + 1.93 + 0.36 = 2.29; total 0.02 + 2.29 = 2.31
    expect([c.value.platforms, c.value.totalDue, c.value.declarationMonth, c.value.declarationDeadline])
      .toEqual([[{ platform: "didi", amountDue: "0.02" }, { platform: "meituan", amountDue: "2.29" }], "2.31", "2026-04", "2026-04-20"]);
    expect(rules(c)).toEqual(["coverage.in-force", "premium.contribution-line", "premium.contribution-line", "premium.contribution-line", "premium.payment-difference",
      "premium.contribution-line", "declaration.period", "declaration.holiday-days", "declaration.deadline", "premium.contribution-total"]);
    const ex = c.explanation.map(brief);
    expect(ex[1]).toStrictEqual({
      step: 2, rule: "premium.contribution-line", title: { zh: "didi（出行）应缴费额", en: "didi (ride-hailing): amount due" },
      citations: ["shanghai-rules#art14.p1", "shanghai-rules#art11.p1", "shanghai-rules#art11.p2"], inputs: { platform: "didi", industry: "ride-hailing", orders: 2, baseAmount: "0.01", floatPercent: 100 },
      parameters: ["premium.baseAmounts", "premium.contributionBasis"], result: { formula: "2 × 0.01 × 100%", ratePerOrder: "0.01", amountDue: "0.02" }, rounding: FEN,
    });
    const floated = ["premium.baseAmounts", "premium.contributionBasis", "premium.floatTiers", "premium.floatPeriod", "coverage.inForceFrom", "premium.floatMinContributionMonths"];
    expect([ex[2]?.title.zh, ex[2]?.parameters, ex[2]?.result]).toEqual(["meituan（出行）应缴费额", floated, { formula: "0 × 0.01 × 50%", ratePerOrder: "0.005", amountDue: "0.00" }]);
    // the 0.25 amount is itself a float: the line names the instant-delivery switch, as computeRatePerOrder does
    expect([ex[3]?.title.en, ex[3]?.parameters, ex[3]?.result]).toEqual(["meituan (instant delivery): amount due", [...floated, "premium.instantDeliverySwitch"], { formula: "7 × 0.25 × 110%", ratePerOrder: "0.275", amountDue: "1.93" }]);
    expect([ex[4]?.inputs, ex[4]?.notes]).toEqual([
      { amountDue: "1.93", paidAmount: "2.00", line: "meituan / instant-delivery" }, [{ zh: "多缴 0.07 元，可申请退还", en: "0.07 overpaid: a refund may be claimed" }],
    ]);
    expect([ex[5]?.title, ex[5]?.parameters, ex[5]?.result, ex[5]?.notes]).toEqual([
      { zh: "meituan（同城货运）应缴费额", en: "meituan (intra-city freight): amount due" }, ["premium.baseAmounts", "premium.contributionBasis"],
      { formula: "2 × 0.18 × 100%", ratePerOrder: "0.18", amountDue: "0.36" }, [{ zh: "未提供缴费标准：按缴费基准额的 100%", en: "no rate given: 100% of the default base amount" }],
    ]);
    expect(ex[9]).toStrictEqual({
      step: 10, rule: "premium.contribution-total", title: { zh: "合计（各项之和）", en: "total (the sum of the lines)" }, citations: [],
      inputs: { lines: 4 }, parameters: [], result: { totalDue: "2.31" }, rounding: "sum of items each rounded to the fen (docs/decisions.md#C4)",
    });
  });

  test("refusals name the counts, the repeated entry, or the line's entry (or rates when it has none)", () => {
    const qh = countOrders("qinghai", [order("meituan", "instant-delivery", "2026-08-02T08:00:00+08:00")]).value;
    const price = (rates?: Parameters<typeof computeMonthlyContributions>[2]["rates"], options?: ComputeOptions) =>
      computeMonthlyContributions("qinghai", qh, { orderMonth: "2026-08", ...(rates === undefined ? {} : { rates }) }, options);
    fails(() => computeMonthlyContributions("shanghai", qh, { orderMonth: "2026-08" }), "INVALID_INPUT", ["counts", "province"],
      "the counts are of qinghai, not shanghai", "订单统计属于 qinghai，而非 shanghai");
    fails(() => price([{ platform: "didi", industry: "ride-hailing" }, { platform: "didi", industry: "ride-hailing" }]), "INVALID_INPUT", ["rates", 1],
      "a second rate for didi / ride-hailing", "didi / ride-hailing 的缴费标准重复");
    expect(caught(() => price([{ platform: "didi", industry: "ride-hailing" }, { platform: "meituan", industry: "instant-delivery", baseAmount: "0.3" }])).path)
      .toEqual(["rates", 1, "baseAmount"]);
    expect(caught(() => price([{ platform: "meituan", industry: "instant-delivery", paidAmount: "1000000000001" }])).path).toEqual(["rates", 0, "paidAmount"]);
    // meituan has no entry: a base-amount table starting after August (override) is refused at rates
    fails(() => price(undefined, { overrides: { "premium.baseAmounts": [TABLE("2026-09-01", ["0.01"], ["0.07", "0.25"], ["0.18"])] } }), "RULE_NOT_IN_FORCE", ["rates", "baseAmount"],
      "Qinghai sets base amounts from 2026-09-01; 2026-08-31 is before that", "青海省缴费基准额自 2026-09-01 起执行，2026-08-31 早于该日期");
  });
});
