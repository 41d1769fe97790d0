/**
 * The annual rate review (费率浮动): the payout ratio (支缴率) of the year reviewed and a suggested rate for the
 * review year, effective 1 January.
 *
 * Encodes Qinghai 实施办法 第九条第二款 and Inner Mongolia 通知 三 (10% tiers, at most 50% up or down; the
 * instant-delivery switch between 0.07 and 0.25 in both directions); Shanghai 规程 第十二条 (once a year from
 * 1 January; under 12 months of contributions the float accumulates to the next year); Zhejiang 实施意见 二（二）
 * (the float driven by 支缴率); docs/decisions.md#C2 (the suggestion) and C8 (when a float is allowed).
 *
 * The agency chooses the tier; the library validates the current one and offers a documented *suggestion*:
 * - payout ratio = last year's payouts ÷ last year's premiums (the same platform, the same year);
 * - the premiums were collected at the current rate, so orders × base = premiums ÷ current tier, and the payouts
 *   are covered at tier t on base b when t × b × premiums ≥ payouts × current tier × current base (exact, no
 *   division);
 * - the suggested tier is the smallest tier that covers the payouts, clamped to the tiers (50%–150%);
 * - instant delivery on 0.07: when the payout ratio exceeds 100% and even the highest tier of 0.07 does not
 *   cover, switch to 0.25 and float on it; on 0.25: when the payout ratio is under 100% and even the lowest tier
 *   of 0.25 collects more than it pays, switch to 0.07 and float on it;
 * - when no float may take effect in the review year, the current rate stays.
 */
import { z } from "zod";
import { cite } from "../core/citation.js";
import { ZhishangError } from "../core/errors.js";
import type { UsedParameter } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { Dec, formatExact, parseMoney } from "../core/money.js";
import { moneySchema } from "../core/validate.js";
import { INDUSTRY_NAMES } from "../core/vocabulary.js";
import type { RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import {
  chooseBaseAmount,
  EXACT_RATE,
  floatPercentSchema,
  floatWindow,
  industrySchema,
  perOrderAmountSchema,
  requireTier,
  tiersOf,
  type Industry,
} from "./rates.js";

/**
 * Places of the payout ratio in the output (the decision itself is exact).
 *
 * @example
 * ```ts
 * PAYOUT_RATIO_PLACES; // 4
 * const r = computeRateReview("inner-mongolia", { industry: "instant-delivery", reviewYear: 2028, currentBaseAmount: "0.07",
 *   currentFloatPercent: 100, lastYearPayouts: "1000000.00", lastYearPremiums: "3000000.00" });
 * r.value.payoutRatio; // "0.3333"
 * ```
 */
export const PAYOUT_RATIO_PLACES = 4;

export const rateReviewInputSchema = z.lazy(() => z.strictObject({
  industry: industrySchema(),
  /** The year the reviewed rate takes effect (1 January); the year reviewed is the one before. */
  reviewYear: z.number().int().min(1900).max(2199),
  /** The base amount in force in the year reviewed (instant delivery `"0.07"` or `"0.25"`; default the industry's first). */
  currentBaseAmount: perOrderAmountSchema.optional(),
  /** The tier in force in the year reviewed (default 100). */
  currentFloatPercent: floatPercentSchema().optional(),
  /** Benefits paid for the platform's workers in the year reviewed (yuan). */
  lastYearPayouts: moneySchema,
  /** Premiums the platform paid for the year reviewed (yuan, more than zero). */
  lastYearPremiums: moneySchema,
  /** Months the platform had contributed in the province by the end of the year reviewed (Shanghai's 12-month rule). */
  monthsContributed: z.number().int().min(0).max(2400).optional(),
}));
/** The input of {@link computeRateReview} (JSON Schema: schemas/rate-review.json, `input`). */
export type RateReviewInput = z.input<typeof rateReviewInputSchema>;

/** The annual rate review: the payout ratio, the suggested float tier, and whether the base amount switches. */
export interface RateReview {
  readonly industry: Industry;
  readonly reviewYear: number;
  /** 1 January of the review year. */
  readonly effectiveFrom: string;
  /** payouts ÷ premiums, rounded half-up to 4 places for display. */
  readonly payoutRatio: string;
  readonly floatAllowed: boolean;
  /** Why a float is refused (empty when allowed). */
  readonly floatRefusedReasons: readonly Bilingual[];
  readonly suggestedBaseAmount: string;
  readonly suggestedFloatPercent: number;
  /** suggested base × suggested tier, exact. */
  readonly suggestedRatePerOrder: string;
  /** Whether the suggestion changes the instant-delivery base amount (0.07 ↔ 0.25). */
  readonly baseSwitched: boolean;
  /** Whether the suggested rate would have covered last year's payouts. */
  readonly covers: boolean;
}

/**
 * Reviews a platform's rate for `reviewYear` (docs/decisions.md#C2): payout ratio, whether a float may take effect, and the
 * suggested base amount and tier, explained step by step.
 *
 * @example
 * ```ts
 * // Inner Mongolia, instant delivery on 0.07 at 100%: payouts 1,250,000 of premiums 1,000,000 → ratio 1.25 →
 * // the smallest covering tier is 130% (125% rounded up to a tier)
 * const r = computeRateReview("inner-mongolia", { industry: "instant-delivery", reviewYear: 2028,
 *   currentBaseAmount: "0.07", currentFloatPercent: 100, lastYearPayouts: "1250000.00", lastYearPremiums: "1000000.00" });
 * r.value.payoutRatio;           // "1.25"
 * r.value.suggestedFloatPercent; // 130
 * r.value.baseSwitched;          // false
 * ```
 */
export const computeRateReview: RuleFunction<RateReviewInput, RateReview> = defineRule({
  kind: "rate-review",
  title: { zh: "年度费率浮动评估（支缴率、建议档次、即时配送基准额切换）", en: "annual rate review (payout ratio, suggested tier, instant-delivery switch)" },
  functionName: "computeRateReview",
  input: rateReviewInputSchema,
  // The version in force on the last day of the year reviewed (the year before reviewYear).
  caseDate: (i) => ({ date: lastDayOfYear(i.reviewYear - 1), path: ["reviewYear"], label: { zh: "被评估年度末日", en: "last day of the year reviewed" } }),
  compute: rateReview,
});

/** 31 December of `year`, `YYYY-12-31`. */
function lastDayOfYear(year: number): string {
  return `${String(year).padStart(4, "0")}-12-31`;
}

function rateReview(ctx: RuleContext, i: z.output<typeof rateReviewInputSchema>): RateReview {
  const reviewed = i.reviewYear - 1;
  const names = INDUSTRY_NAMES[i.industry];
  const payouts = parseMoney(i.lastYearPayouts, ["lastYearPayouts"]);
  const premiums = parseMoney(i.lastYearPremiums, ["lastYearPremiums"], { positive: true });

  // 1. The rate in force in the year reviewed.
  const current = chooseBaseAmount(ctx, i.industry, lastDayOfYear(reviewed), i.currentBaseAmount, ["currentBaseAmount"]);
  const currentTier = i.currentFloatPercent ?? 100;
  const tierUsed = requireTier(ctx, currentTier, ["currentFloatPercent"]);
  const monthsBefore = i.monthsContributed === undefined ? undefined : Math.max(0, i.monthsContributed - 12);
  const previousParams: UsedParameter[] = [current.used, tierUsed];
  if (currentTier !== 100 || !current.isDefault) {
    const prev = floatWindow(ctx, reviewed, monthsBefore);
    previousParams.push(...prev.used);
    if (!prev.allowed) {
      throw new ZhishangError(
        "FLOAT_NOT_ALLOWED",
        {
          en: `the current rate (${current.text} × ${currentTier}%) could not apply in ${reviewed}: ${prev.reasons.map((r) => r.en).join("; ")}`,
          zh: `现行缴费标准（${current.text} 元 × ${currentTier}%）在 ${reviewed} 年不得执行：${prev.reasons.map((r) => r.zh).join("；")}`,
        },
        currentTier !== 100 ? ["currentFloatPercent"] : ["currentBaseAmount"],
      );
    }
  }
  const currentRate = current.base.times(currentTier).dividedBy(100);
  ctx.explainer.add({
    rule: "premium.review.current-rate",
    title: { zh: `被评估年度（${reviewed}）的缴费标准`, en: `the rate in force in the year reviewed (${reviewed})` },
    inputs: { industry: i.industry, currentBaseAmount: current.text, currentFloatPercent: currentTier },
    parameters: previousParams,
    result: { ratePerOrder: formatExact(currentRate) },
    rounding: EXACT_RATE,
    notes: [{ zh: `${names.zh}：每单 ${current.text} 元 × ${currentTier}%`, en: `${names.en}: ${current.text} yuan × ${currentTier}%` }],
  });

  // 2. 支缴率.
  const ratio = payouts.dividedBy(premiums);
  const ratioText = formatExact(ratio.toDecimalPlaces(PAYOUT_RATIO_PLACES, Dec.ROUND_HALF_UP));
  ctx.explainer.add({
    rule: "premium.review.payout-ratio",
    title: { zh: "支缴率 = 上一年度待遇支出 ÷ 上一年度缴费", en: "payout ratio = last year's payouts ÷ last year's premiums" },
    citations: ctx.text("premium.payout-ratio").citations,
    inputs: { lastYearPayouts: i.lastYearPayouts, lastYearPremiums: i.lastYearPremiums },
    result: { formula: `${formatExact(payouts)} ÷ ${formatExact(premiums)}`, payoutRatio: ratioText, exact: formatExact(ratio.toSignificantDigits(20)) },
    rounding: `shown half-up to ${PAYOUT_RATIO_PLACES} places; the comparisons below are exact`,
  });

  // 3. May a float take effect on 1 January of the review year?
  const window = floatWindow(ctx, i.reviewYear, i.monthsContributed);
  const effectiveFrom = window.effectiveFrom;
  ctx.explainer.add({
    rule: "premium.review.float-window",
    title: window.period.windowTitle(i.reviewYear),
    inputs: { reviewYear: i.reviewYear, ...(i.monthsContributed === undefined ? {} : { monthsContributed: i.monthsContributed }) },
    parameters: window.used,
    result: { floatAllowed: window.allowed, effectiveFrom },
    notes: window.reasons.length > 0 ? window.reasons : [{ zh: "可以浮动", en: "a float may take effect" }],
  });

  // 4. The suggestion.
  const { tiers, used: tiersUsed } = tiersOf(ctx);
  const min = tiers[0] as number;
  const max = tiers[tiers.length - 1] as number;
  // covered at tier t on base b: t × b × premiums ≥ payouts × currentTier × currentBase
  const need = payouts.times(currentTier).times(current.base);
  const collects = (t: number, b: Dec) => b.times(t).times(premiums);
  const smallestCovering = (b: Dec): { tier: number; covers: boolean } => {
    for (const t of tiers) if (collects(t, b).greaterThanOrEqualTo(need)) return { tier: t, covers: true };
    return { tier: max, covers: false };
  };
  // payouts ÷ (orders × b) as a percentage, for the explanation: payouts × currentTier × currentBase ÷ (premiums × b)
  const neededPercent = (b: Dec) => formatExact(need.dividedBy(premiums.times(b)).toSignificantDigits(12));

  let base = current;
  let suggestedTier = currentTier;
  let switched = false;
  let covers = collects(currentTier, current.base).greaterThanOrEqualTo(need);
  if (window.allowed) {
    const notes: Bilingual[] = [];
    const switchParams: UsedParameter[] = [];
    if (i.industry === "instant-delivery") {
      const sw = ctx.param("premium.instantDeliverySwitch");
      switchParams.push(sw.used);
      const lower = new Dec(sw.value.lower);
      const upper = new Dec(sw.value.upper);
      if (current.base.equals(lower)) {
        const up = payouts.greaterThan(premiums) && !collects(max, lower).greaterThanOrEqualTo(need);
        notes.push(up
          ? { zh: `支缴率超过100%，且上浮至 ${max}% 仍无法平衡（需 ${neededPercent(lower)}%）：执行 ${sw.value.upper} 元的缴费基准额并同时浮动`,
              en: `payout ratio above 100% and even ${max}% of ${sw.value.lower} does not balance (${neededPercent(lower)}% needed): switch to ${sw.value.upper} and float on it` }
          : { zh: `不切换：${payouts.greaterThan(premiums) ? `上浮至 ${max}% 可以平衡` : "支缴率未超过100%"}`,
              en: `no switch: ${payouts.greaterThan(premiums) ? `${max}% balances` : "payout ratio not above 100%"}` });
        if (up) {
          base = chooseBaseAmount(ctx, i.industry, effectiveFrom, sw.value.upper, ["overrides", "premium.instantDeliverySwitch"]);
          switched = true;
        }
      } else if (current.base.equals(upper)) {
        const down = payouts.lessThan(premiums) && collects(min, upper).greaterThan(need);
        notes.push(down
          ? { zh: `支缴率低于100%，且下浮至 ${min}% 仍收大于支（仅需 ${neededPercent(upper)}%）：执行 ${sw.value.lower} 元的缴费基准额并同时浮动`,
              en: `payout ratio under 100% and even ${min}% of ${sw.value.upper} collects more than it pays (${neededPercent(upper)}% needed): switch to ${sw.value.lower} and float on it` }
          : { zh: `不切换：${payouts.lessThan(premiums) ? `下浮至 ${min}% 不再收大于支` : "支缴率不低于100%"}`,
              en: `no switch: ${payouts.lessThan(premiums) ? `${min}% no longer collects more than it pays` : "payout ratio not under 100%"}` });
        if (down) {
          base = chooseBaseAmount(ctx, i.industry, effectiveFrom, sw.value.lower, ["overrides", "premium.instantDeliverySwitch"]);
          switched = true;
        }
      }
      ctx.explainer.add({
        rule: "premium.review.base-switch",
        title: {
          zh: `即时配送缴费基准额切换（${sw.value.lower} ↔ ${sw.value.upper} 元）`,
          en: `instant-delivery base amount switch (${sw.value.lower} ↔ ${sw.value.upper})`,
        },
        inputs: { currentBaseAmount: current.text, payoutRatio: ratioText },
        parameters: [...switchParams, tiersUsed],
        result: { baseSwitched: switched, suggestedBaseAmount: base.text },
        notes,
      });
    }
    const pick = smallestCovering(base.base);
    suggestedTier = pick.tier;
    covers = pick.covers;
    const needed = neededPercent(base.base);
    ctx.explainer.add({
      rule: "premium.review.suggested-tier",
      title: { zh: "建议浮动档次：能够覆盖上一年度待遇支出的最低档次", en: "suggested tier: the lowest tier that covers last year's payouts" },
      citations: [cite("zhishang-decisions", { decision: "C2" })],
      inputs: { baseAmount: base.text, payoutRatio: ratioText, currentFloatPercent: currentTier },
      parameters: [tiersUsed],
      result: { neededPercent: needed, suggestedFloatPercent: suggestedTier, covers },
      notes: [
        {
          zh: `所需档次 = 待遇支出 ÷ (单量 × 基准额) = ${needed}%（单量 × 基准额 = 缴费 ÷ 现行档次）；取不低于所需的最低档次，限于 ${min}%–${max}%`,
          en: `needed = payouts ÷ (orders × base) = ${needed}% (orders × base = premiums ÷ current tier); the lowest tier at or above it, within ${min}%–${max}%`,
        },
        ...(covers ? [] : [{ zh: `最高档 ${max}% 仍不能覆盖待遇支出`, en: `even the highest tier, ${max}%, does not cover the payouts` }]),
      ],
    });
  } else {
    ctx.explainer.add({
      rule: "premium.review.suggested-tier",
      title: { zh: "不能浮动：维持现行缴费标准", en: "no float may take effect: the current rate stays" },
      inputs: { currentBaseAmount: current.text, currentFloatPercent: currentTier },
      // the float window's rules are why the rate stays
      parameters: window.used,
      result: { suggestedBaseAmount: current.text, suggestedFloatPercent: currentTier, covers },
    });
  }
  const suggestedRate = base.base.times(suggestedTier).dividedBy(100);
  ctx.explainer.add({
    rule: "premium.review.suggested-rate",
    title: { zh: `${i.reviewYear} 年建议每单缴费标准`, en: `suggested per-order rate for ${i.reviewYear}` },
    inputs: { suggestedBaseAmount: base.text, suggestedFloatPercent: suggestedTier },
    // the base amount and (when a float may take effect) the tier list the suggestion is drawn from
    parameters: window.allowed ? [base.used, tiersUsed] : [base.used],
    result: { formula: `${base.text} × ${suggestedTier}%`, ratePerOrder: formatExact(suggestedRate), effectiveFrom },
    rounding: EXACT_RATE,
    notes: [{ zh: "建议值；浮动档次由经办机构核定", en: "a suggestion: the agency sets the tier" }],
  });

  return {
    industry: i.industry,
    reviewYear: i.reviewYear,
    effectiveFrom,
    payoutRatio: ratioText,
    floatAllowed: window.allowed,
    floatRefusedReasons: window.allowed ? [] : window.reasons,
    suggestedBaseAmount: base.text,
    suggestedFloatPercent: suggestedTier,
    suggestedRatePerOrder: formatExact(suggestedRate),
    baseSwitched: switched,
    covers,
  };
}
