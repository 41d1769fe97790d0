/**
 * Per-order rates (每单缴费标准) = the industry base amount (缴费基准额) × the float tier (浮动档次).
 *
 * Encodes:
 * - Qinghai 实施办法 第九条: base amounts 0.01 / 0.07 / 0.18 yuan per order (第一款); floats of 10% a tier, at most
 *   50% up or down, yearly, the first on 2028-01-01; instant delivery switches between 0.07 and 0.25 (第二款);
 * - Shanghai 规程 第十一条 (base amounts incl. 0.25; a new platform's first year at the national base, instant
 *   delivery 0.07) and 第十二条 (once a year from 1 January; under a year of contributions the float accumulates to
 *   the next year);
 * - Inner Mongolia 通知 三 (Qinghai's amounts and floating, without a first-float date);
 * - Zhejiang 实施意见 二（二） (a yearly float on the industry base amount) and Guangxi 实施方案 二（二） (the national
 *   base amounts until regional rules exist) — the amounts and tiers there are `national`;
 * - docs/decisions.md#C1 (industries, instant delivery on one of two base amounts), C4 (rates stay exact), C8 (when a
 *   float is allowed).
 *
 * A tier outside the rule set's tiers, or any float (a tier other than 100% or the instant-delivery switch) in a
 * year where none may take effect, is `FLOAT_NOT_ALLOWED`.
 */
import { z } from "zod";
import type { Bilingual } from "../core/params.js";
import { ZhishangError, invalidInput, type ErrorPath } from "../core/errors.js";
import { sharedSchema } from "../core/validate.js";
import type { UsedParameter } from "../core/explain.js";
import { Dec, formatExact, parseDecimal } from "../core/money.js";
import { INDUSTRY_NAMES, PILOT_INDUSTRIES, type PilotIndustry } from "../core/vocabulary.js";
import type { ParamValue, RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { formatYearMonth, lastDay, monthsBetween, parseYearMonth, type YearMonth } from "../core/months.js";

/**
 * The industries that pay premiums: 出行 / 即时配送 / 同城货运 (docs/decisions.md#C1), the same as {@link PILOT_INDUSTRIES}.
 *
 * @example
 * ```ts
 * INDUSTRIES; // ["ride-hailing", "instant-delivery", "intra-city-freight"]
 * ```
 */
export const INDUSTRIES = PILOT_INDUSTRIES;
/** One of {@link INDUSTRIES}. */
export type Industry = PilotIndustry;
export const industrySchema = sharedSchema(() => z.enum(PILOT_INDUSTRIES));

/** A month `YYYY-MM`. */
export const yearMonthSchema = sharedSchema(() => z.string().max(7).regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM"));

/** A per-order amount (yuan) as a decimal string, e.g. `"0.07"`; compared by value with the rule set's amounts. */
export const perOrderAmountSchema = z
  .string()
  .max(20)
  .regex(/^(0|[1-9]\d{0,5})(\.\d{1,8})?$/, 'expected a per-order amount such as "0.07"');

/** A float tier in percent (an integer; the rule set decides which are allowed). */
export const floatPercentSchema = sharedSchema(() => z.number().int().min(0).max(1000));

/** "exact (docs/decisions.md#C4)": the label of a figure that is not rounded. */
export const EXACT_RATE = "none: per-order rates keep their exact value (docs/decisions.md#C4)";

export interface ChosenBase {
  readonly base: Dec;
  /** The amount as the rule set writes it, e.g. "0.07". */
  readonly text: string;
  /** The industry's first (default) amount. */
  readonly defaultText: string;
  readonly isDefault: boolean;
  /** Every base amount of the industry on the date. */
  readonly amounts: readonly string[];
  /** The date from which these amounts apply. */
  readonly from: string;
  readonly used: UsedParameter;
}

/**
 * The base amounts of `industry` in force on `date` and the one chosen (`given`, or the industry's default). A given
 * amount that is not one of them is `INVALID_INPUT` at `path`.
 */
export function chooseBaseAmount(
  ctx: RuleContext,
  industry: Industry,
  date: string,
  given: string | undefined,
  path: ErrorPath,
): ChosenBase {
  const p = ctx.param("premium.baseAmounts");
  let entry: (typeof p.value)[number] | undefined;
  for (const e of p.value) if (e.from <= date) entry = e;
  if (entry === undefined) {
    const first = p.value[0]?.from ?? "?";
    throw new ZhishangError(
      "RULE_NOT_IN_FORCE",
      {
        en: `${ctx.ruleSet.name.en} sets base amounts from ${first}; ${date} is before that`,
        zh: `${ctx.ruleSet.name.zh}缴费基准额自 ${first} 起执行，${date} 早于该日期`,
      },
      path,
    );
  }
  const amounts = entry[industry];
  const defaultText = amounts[0] as string;
  let text = defaultText;
  if (given !== undefined) {
    const g = parseDecimal(given, path);
    const match = amounts.find((a) => new Dec(a).equals(g));
    if (match === undefined) {
      const names = INDUSTRY_NAMES[industry];
      throw invalidInput(
        path,
        `${given} is not a base amount of ${names.en} in ${ctx.ruleSet.name.en} on ${date}; the base amounts are ${amounts.join(", ")}`,
        `${given} 不是${ctx.ruleSet.name.zh}${names.zh}行业 ${date} 的缴费基准额；缴费基准额为 ${amounts.join("、")} 元`,
      );
    }
    text = match;
  }
  return { base: new Dec(text), text, defaultText, isDefault: text === defaultText, amounts, from: entry.from, used: p.used };
}

/** Checks that `percent` is one of the rule set's tiers (50, 60, …, 150); otherwise `FLOAT_NOT_ALLOWED` at `path`. */
export function requireTier(ctx: RuleContext, percent: number, path: ErrorPath): UsedParameter {
  const t = ctx.param("premium.floatTiers");
  const { min, max, step } = t.value;
  if (!Number.isInteger(percent) || percent < min || percent > max || (percent - 100) % step !== 0) {
    throw new ZhishangError(
      "FLOAT_NOT_ALLOWED",
      {
        en: `${percent}% is not a float tier of ${ctx.ruleSet.name.en}: the tiers run from ${min}% to ${max}% in steps of ${step}%`,
        zh: `${percent}% 不是${ctx.ruleSet.name.zh}的浮动档次：以 ${step}% 为一档，自 ${min}% 至 ${max}%`,
      },
      path,
    );
  }
  return t.used;
}

/** The tiers of the rule set, lowest first. */
export function tiersOf(ctx: RuleContext): { tiers: number[]; used: UsedParameter } {
  const t = ctx.param("premium.floatTiers");
  const tiers: number[] = [];
  for (let p = t.value.min; p <= t.value.max; p += t.value.step) tiers.push(p);
  return { tiers, used: t.used };
}

export interface FloatWindow {
  /** Whether a float (a tier other than 100%, or the instant-delivery switch) may take effect for `year`. */
  readonly allowed: boolean;
  /** The day a float for the year takes effect (1 January under `yearly-from-1-january`). */
  readonly effectiveFrom: string;
  /** Why a float is refused, or what was not checked. */
  readonly reasons: readonly Bilingual[];
  readonly used: readonly UsedParameter[];
  /** The texts of the float period used (`premium.floatPeriod`). */
  readonly period: FloatPeriodText;
}

/** What a float period (`premium.floatPeriod`) means, and how the rules' texts say it. */
export interface FloatPeriodText {
  /** The day a float for `year` takes effect. */
  readonly effectiveFrom: (year: number) => string;
  /** The first such day on or after `date` (a float cannot take effect before the rules apply). */
  readonly firstOnOrAfter: (date: string) => string;
  /** "floats take effect once a year on 1 January". */
  readonly rule: Bilingual;
  /** The title of a tier step: "float tier (effective from 1 January)". */
  readonly tierTitle: Bilingual;
  /** The title of the review's window step for `year`. */
  readonly windowTitle: (year: number) => Bilingual;
}

/** The float periods by their value. */
export const FLOAT_PERIOD_TEXT: Readonly<Record<ParamValue<"premium.floatPeriod">, FloatPeriodText>> = {
  "yearly-from-1-january": {
    effectiveFrom: (year) => `${String(year).padStart(4, "0")}-01-01`,
    firstOnOrAfter: (date) => (date.endsWith("-01-01") ? date : `${String(Number(date.slice(0, 4)) + 1).padStart(4, "0")}-01-01`),
    rule: { zh: "浮动每年一次，自当年1月1日起执行", en: "floats take effect once a year on 1 January" },
    tierTitle: { zh: "浮动档次（每年1月1日起执行）", en: "float tier (effective from 1 January)" },
    windowTitle: (year) => ({ zh: `${year} 年能否浮动（自1月1日起执行）`, en: `may a float take effect on 1 January ${year}` }),
  },
};

/**
 * The default instant-delivery base amount (the national one a new platform pays in its first year) of the table
 * in force on `date`, or of the first table when none is yet.
 */
function defaultInstantAmount(ctx: RuleContext, date: string): { text: string; used: UsedParameter } {
  const p = ctx.param("premium.baseAmounts");
  let entry = p.value[0];
  for (const e of p.value) if (e.from <= date) entry = e;
  return { text: entry?.["instant-delivery"][0] ?? "?", used: p.used };
}

/**
 * Whether a float may take effect for `year` (docs/decisions.md#C8), on the day `premium.floatPeriod` gives (1 January):
 * - floats take effect once a year, so none before the first such day on or after the province's start;
 * - Qinghai: none before `premium.firstFloatFrom` (第九条第二款);
 * - Shanghai: none while the platform has contributed for fewer than `premium.floatMinContributionMonths`
 *   months on that day (规程第十一条第二款、第十二条第二款: the float accumulates to the next year).
 *   `monthsAtJan1` undefined: not checked, and a note says so.
 */
export function floatWindow(ctx: RuleContext, year: number, monthsAtJan1: number | undefined): FloatWindow {
  const period = ctx.param("premium.floatPeriod");
  const text = FLOAT_PERIOD_TEXT[period.value];
  const effectiveFrom = text.effectiveFrom(year);
  const start = ctx.param("coverage.inForceFrom");
  const used: UsedParameter[] = [period.used, start.used];
  const reasons: Bilingual[] = [];
  let allowed = true;
  const firstDay = text.firstOnOrAfter(start.value);
  if (effectiveFrom < firstDay) {
    allowed = false;
    reasons.push({
      zh: `${text.rule.zh}；${ctx.ruleSet.name.zh}自 ${start.value} 起施行，最早的浮动执行日为 ${firstDay}，${effectiveFrom} 不能浮动`,
      en: `${text.rule.en}; ${ctx.ruleSet.name.en}'s rules apply from ${start.value}, so the first possible float is on ${firstDay}, not ${effectiveFrom}`,
    });
  }
  if (ctx.has("premium.firstFloatFrom")) {
    const first = ctx.param("premium.firstFloatFrom");
    used.push(first.used);
    if (effectiveFrom < first.value) {
      allowed = false;
      reasons.push({
        zh: `首次浮动执行时间为 ${first.value}，${effectiveFrom} 早于该日期，按缴费基准额（100%）缴费`,
        en: `the first float takes effect on ${first.value}; ${effectiveFrom} is before it, so the base amount applies (100%)`,
      });
    }
  }
  if (ctx.has("premium.floatMinContributionMonths")) {
    const min = ctx.param("premium.floatMinContributionMonths");
    used.push(min.used);
    if (monthsAtJan1 === undefined) {
      reasons.push({
        zh: `未提供缴费月数（monthsContributed），未核对“首次参保且缴费不满 ${min.value} 个月的，累计至下一年度浮动”`,
        en: `monthsContributed not given: the rule that a platform with under ${min.value} months of contributions floats only the next year was not checked`,
      });
    } else if (monthsAtJan1 < min.value) {
      allowed = false;
      const national = defaultInstantAmount(ctx, effectiveFrom);
      if (!used.includes(national.used)) used.push(national.used);
      reasons.push({
        zh: `至 ${effectiveFrom} 缴费 ${monthsAtJan1} 个月，不满 ${min.value} 个月：新参加试点的平台企业首年按国家确定的行业缴费基准额缴费（即时配送 ${national.text} 元），累计至下一年度浮动`,
        en: `${monthsAtJan1} months of contributions by ${effectiveFrom}, under ${min.value}: a new platform pays the national base amount (instant delivery ${national.text}) and floats only from the next year`,
      });
    }
  }
  return { allowed, effectiveFrom, reasons, used, period: text };
}

export interface RateSpec {
  readonly industry: Industry;
  /** The month the rate applies to (the order month). */
  readonly month: YearMonth;
  readonly floatPercent: number;
  readonly baseAmount: string | undefined;
  /** Months of contributions on 1 January of the month's year (Shanghai's 12-month rule), if known. */
  readonly monthsAtJan1: number | undefined;
  readonly paths: { readonly floatPercent: ErrorPath; readonly baseAmount: ErrorPath };
  /** Add the base, tier and rate steps to the explanation. */
  readonly explain: boolean;
}

export interface ResolvedRate {
  readonly base: ChosenBase;
  readonly floatPercent: number;
  /** base × tier, exact. */
  readonly rate: Dec;
  /** The parameters that allowed the float: the window's, and the instant-delivery switch for a non-default amount. */
  readonly floatUsed: readonly UsedParameter[];
}

/**
 * Resolves and validates the per-order rate of `spec`: the base amount (in force at the end of the month), the
 * tier, and — when either departs from the default (100% of the industry's first amount) — whether a float may
 * take effect that year. Adds three explanation steps when `spec.explain`.
 */
export function resolveRate(ctx: RuleContext, spec: RateSpec): ResolvedRate {
  const date = lastDay(spec.month);
  const base = chooseBaseAmount(ctx, spec.industry, date, spec.baseAmount, spec.paths.baseAmount);
  const names = INDUSTRY_NAMES[spec.industry];
  if (spec.explain) {
    ctx.explainer.add({
      rule: "premium.base-amount",
      title: { zh: `行业缴费基准额（${names.zh}）`, en: `industry base amount (${names.en})` },
      inputs: { industry: spec.industry, month: formatYearMonth(spec.month), ...(spec.baseAmount === undefined ? {} : { baseAmount: spec.baseAmount }) },
      parameters: [base.used],
      result: { baseAmount: base.text, baseAmounts: [...base.amounts], from: base.from },
      notes: [
        base.isDefault
          ? { zh: `${names.zh}行业缴费基准额每单 ${base.text} 元`, en: `${names.en}: base amount ${base.text} yuan per order` }
          : {
              zh: `${names.zh}行业执行每单 ${base.text} 元的缴费基准额（默认为 ${base.defaultText} 元）`,
              en: `${names.en}: on the base amount of ${base.text} yuan per order (the default is ${base.defaultText})`,
            },
      ],
    });
  }
  const tierUsed = requireTier(ctx, spec.floatPercent, spec.paths.floatPercent);
  let window: FloatWindow | null = null;
  let params: UsedParameter[] = [];
  const floats = spec.floatPercent !== 100 || !base.isDefault;
  if (floats) {
    window = floatWindow(ctx, spec.month.year, spec.monthsAtJan1);
    params = [...window.used];
    if (!base.isDefault && spec.industry === "instant-delivery") params.push(ctx.param("premium.instantDeliverySwitch").used);
    if (!window.allowed) {
      const what = spec.floatPercent !== 100
        ? { zh: `浮动档次 ${spec.floatPercent}%`, en: `a float tier of ${spec.floatPercent}%` }
        : { zh: `每单 ${base.text} 元的缴费基准额`, en: `the base amount of ${base.text} yuan` };
      throw new ZhishangError(
        "FLOAT_NOT_ALLOWED",
        {
          en: `${what.en} is not allowed in ${spec.month.year}: ${window.reasons.map((r) => r.en).join("; ")}`,
          zh: `${spec.month.year} 年不得执行${what.zh}：${window.reasons.map((r) => r.zh).join("；")}`,
        },
        spec.floatPercent !== 100 ? spec.paths.floatPercent : spec.paths.baseAmount,
      );
    }
    if (spec.explain) {
      ctx.explainer.add({
        rule: "premium.float-tier",
        title: window.period.tierTitle,
        inputs: { floatPercent: spec.floatPercent, ...(spec.monthsAtJan1 === undefined ? {} : { monthsContributedOn1January: spec.monthsAtJan1 }) },
        parameters: [tierUsed, ...params],
        result: { floatPercent: spec.floatPercent, floatAllowed: true, effectiveFrom: window.effectiveFrom },
        notes: [
          { zh: `${spec.month.year} 年可以浮动，浮动自 ${window.effectiveFrom} 起执行`, en: `a float may take effect on ${window.effectiveFrom}` },
          ...window.reasons,
        ],
      });
    }
  } else if (spec.explain) {
    ctx.explainer.add({
      rule: "premium.float-tier",
      title: { zh: "浮动档次", en: "float tier" },
      inputs: { floatPercent: spec.floatPercent },
      parameters: [tierUsed],
      result: { floatPercent: 100 },
      notes: [{ zh: "不浮动：按缴费基准额的 100% 缴费", en: "no float: 100% of the base amount" }],
    });
  }
  const rate = base.base.times(spec.floatPercent).dividedBy(100);
  if (spec.explain) {
    ctx.explainer.add({
      rule: "premium.rate-per-order",
      title: { zh: "每单缴费标准 = 缴费基准额 × 浮动档次", en: "per-order rate = base amount × float tier" },
      inputs: { baseAmount: base.text, floatPercent: spec.floatPercent },
      // the two figures multiplied (the base amount and the tier list, 青海第九条): they carry the citations
      parameters: [base.used, tierUsed],
      result: { formula: `${base.text} × ${spec.floatPercent}%`, ratePerOrder: formatExact(rate) },
      rounding: EXACT_RATE,
    });
  }
  return { base, floatPercent: spec.floatPercent, rate, floatUsed: params };
}

export const rateInputSchema = z.lazy(() => z.strictObject({
  industry: industrySchema(),
  /** The month the rate applies to, `YYYY-MM`. */
  month: yearMonthSchema(),
  /** Float tier in percent: 50, 60, …, 150 (default 100). */
  floatPercent: floatPercentSchema().optional(),
  /** Instant delivery: `"0.07"` (default) or `"0.25"`; other industries their one amount. */
  baseAmount: perOrderAmountSchema.optional(),
  /** Months the platform has contributed in the province before `month` (Shanghai's 12-month rule). */
  monthsContributed: z.number().int().min(0).max(2400).optional(),
}));
/** The input of {@link computeRatePerOrder}: industry, month, float tier and base amount. */
export type RateInput = z.input<typeof rateInputSchema>;

/** The premium per order: the base amount × the float tier, kept exact. */
export interface RatePerOrder {
  readonly industry: Industry;
  readonly month: string;
  readonly baseAmount: string;
  readonly floatPercent: number;
  /** base × tier, exact (e.g. "0.077"). */
  readonly ratePerOrder: string;
}

/** Months of contributions on 1 January of `month`'s year, from the months before `month` (contributions are monthly). */
export function monthsOnFirstJanuary(monthsBefore: number | undefined, month: YearMonth): number | undefined {
  return monthsBefore === undefined ? undefined : Math.max(0, monthsBefore - monthsBetween(month, { year: month.year, month: 1 }));
}

/**
 * The per-order rate of a platform for a month: base amount × float tier, exact (docs/decisions.md#C4). Refuses a tier or a
 * base amount the rules do not allow that year with `FLOAT_NOT_ALLOWED`, and a month before the province's start
 * with `RULE_NOT_IN_FORCE`.
 *
 * @example
 * ```ts
 * // Qinghai, instant delivery, 110% from 2028: 0.07 × 110% = 0.077 (kept exact)
 * computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2028-03", floatPercent: 110 }).value.ratePerOrder; // "0.077"
 * // before the first float (2028-01-01) any tier but 100% is refused
 * computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2027-03", floatPercent: 110 }); // throws FLOAT_NOT_ALLOWED
 * ```
 */
export const computeRatePerOrder: RuleFunction<RateInput, RatePerOrder> = defineRule({
  // No scenario kind lists it (src/scenario/kinds.ts): the monthly premium is the kind that prices orders.
  kind: "rate-per-order",
  title: { zh: "每单缴费标准（缴费基准额 × 浮动档次）", en: "per-order rate (base amount × float tier)" },
  functionName: "computeRatePerOrder",
  input: rateInputSchema,
  // The version in force on the last day of the month.
  caseDate: (i) => ({ date: lastDay(parseYearMonth(i.month, ["month"])), path: ["month"], label: { zh: "费款所属月份末日", en: "last day of the month" } }),
  compute: ratePerOrder,
});

function ratePerOrder(ctx: RuleContext, i: z.output<typeof rateInputSchema>): RatePerOrder {
  const month = parseYearMonth(i.month, ["month"]);
  const r = resolveRate(ctx, {
    industry: i.industry,
    month,
    floatPercent: i.floatPercent ?? 100,
    baseAmount: i.baseAmount,
    monthsAtJan1: monthsOnFirstJanuary(i.monthsContributed, month),
    paths: { floatPercent: ["floatPercent"], baseAmount: ["baseAmount"] },
    explain: true,
  });
  return {
    industry: i.industry,
    month: i.month,
    baseAmount: r.base.text,
    floatPercent: r.floatPercent,
    ratePerOrder: formatExact(r.rate),
  };
}
