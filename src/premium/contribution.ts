/**
 * The monthly contribution (按月申报缴纳): last month's counted orders × the platform's per-order rate, rounded
 * half-up to the fen (docs/decisions.md#C4), declared by the deadline of the declaration month; and the difference from
 * what was actually paid (多缴退还、少缴补足).
 *
 * Encodes Qinghai 实施办法 第八条第一款 (应缴费额为上月总单量与每单缴费标准之积), 第十条第二款 (refund of an
 * overpayment), 第三十五条 (a shortfall is handled under the social-insurance laws); Shanghai 规程 第十四条第一款,
 * 第十六条 (多缴费款的可以申请退还；少缴费款的应按照规定予以补足); elsewhere the same national rule. The declaration
 * deadline is {@link computeDeclarationDeadline} (src/deadlines/declaration.ts, docs/sources.md#B3).
 */
import { z } from "zod";
import { isZhishangError, invalidInput, ZhishangError, type ErrorPath } from "../core/errors.js";
import type { ComputeOptions } from "../core/explain.js";
import { Dec, FEN_ROUNDING, formatExact, formatMoney, parseMoney, roundFen } from "../core/money.js";
import { moneySchema, parseInput, sharedSchema } from "../core/validate.js";
import { computeDeclarationDeadline } from "../deadlines/declaration.js";
import { INDUSTRY_NAMES } from "../core/vocabulary.js";
import { finish, RuleContext, type Computation, type ParamName, type RuleSetInput } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { addMonths, formatYearMonth, lastDay, parseYearMonth, type YearMonth } from "../core/months.js";
import { parseOrderCounts, type OrderCounts } from "./order-counts.js";
import {
  floatPercentSchema,
  INDUSTRIES,
  industrySchema,
  monthsOnFirstJanuary,
  perOrderAmountSchema,
  resolveRate,
  yearMonthSchema,
  type Industry,
} from "./rates.js";

/** The largest order count accepted for one month (far above any province's volume; keeps counts exact). */
export const MAX_MONTHLY_ORDERS = 1_000_000_000_000;

export const monthlyPremiumInputSchema = z.lazy(() => z.strictObject({
  industry: industrySchema(),
  /** The month whose orders are declared (上月), `YYYY-MM`; the declaration falls in the month after. */
  orderMonth: yearMonthSchema(),
  /** Orders counted for the month (Shanghai 规程第十条; see `countOrders`). */
  orders: z.number().int().min(0).max(MAX_MONTHLY_ORDERS),
  /** Float tier in percent: 50, 60, …, 150 (default 100). */
  floatPercent: floatPercentSchema().optional(),
  /** Instant delivery: `"0.07"` (default) or `"0.25"`; other industries their one amount. */
  baseAmount: perOrderAmountSchema.optional(),
  /** Months the platform has contributed in the province before `orderMonth` (Shanghai's 12-month rule). */
  monthsContributed: z.number().int().min(0).max(2400).optional(),
  /** What the platform actually paid for the month, to work out a refund or a top-up. */
  paidAmount: moneySchema.optional(),
}));
/** The input of {@link computeMonthlyPremium} (JSON Schema: schemas/monthly-premium.json, `input`). */
export type MonthlyPremiumInput = z.input<typeof monthlyPremiumInputSchema>;

/** A month's premium: orders × the rate per order, its declaration deadline, and any refund or top-up. */
export interface MonthlyPremium {
  readonly industry: Industry;
  readonly orderMonth: string;
  readonly orders: number;
  readonly baseAmount: string;
  readonly floatPercent: number;
  /** base × tier, exact (e.g. "0.077"). */
  readonly ratePerOrder: string;
  /** orders × rate, rounded half-up to the fen. */
  readonly amountDue: string;
  /** The month in which the declaration falls (orderMonth + 1). */
  readonly declarationMonth: string;
  readonly declarationDeadline: string;
  readonly paidAmount: string | null;
  /** paid − due when positive (多缴退还), else "0.00"; null when `paidAmount` is not given. */
  readonly refundDue: string | null;
  /** due − paid when positive (少缴补足), else "0.00"; null when `paidAmount` is not given. */
  readonly topUpDue: string | null;
}

/** The label of the case date of a month's premium: the last day of the order month. */
const ORDER_MONTH_END = { zh: "费款所属月份（上月）末日", en: "last day of the order month" } as const;

/**
 * The declaration deadline of the month after `orderMonth` (computeDeclarationDeadline, under the rule-set
 * versions and options of `ctx`; its case date is the same day), its steps appended to `ctx` but the in-force
 * step `ctx` already has. An error of the declaration month is moved to `orderPath`, its message prefixed with
 * the two months.
 */
export function appendDeclarationDeadline(
  ctx: RuleContext,
  orderMonth: YearMonth,
  orderPath: ErrorPath,
): { declarationMonth: string; deadline: string } {
  const declarationMonth = formatYearMonth(addMonths(orderMonth, 1));
  if (addMonths(orderMonth, 1).year > 2199) {
    // the declaration month would leave the supported years: say so of the caller's field, not of the month derived
    const field = orderPath.join(".");
    const order = formatYearMonth(orderMonth);
    throw invalidInput(
      orderPath,
      `${field} ${order} is out of the supported range 1900-01 – 2199-11 (its declaration falls in ${declarationMonth}, after 2199-12)`,
      `${field} ${order} 超出支持范围 1900-01 至 2199-11（其申报月份 ${declarationMonth} 晚于 2199-12）`,
    );
  }
  let c: Computation<{ deadline: string }>;
  try {
    const { strict, overrides, calendars, explain } = ctx.options;
    const options = calendars === undefined ? { strict, overrides } : { strict, overrides, calendars };
    // decision only: the sub-computation builds no explanation either
    c = computeDeclarationDeadline(ctx.versions, { declarationMonth }, explain === false ? { ...options, explain } : options);
  } catch (e) {
    if (isZhishangError(e) && e.path[0] === "declarationMonth") {
      const order = formatYearMonth(orderMonth);
      throw new ZhishangError(e.code, {
        zh: `费款所属月份 ${order} 的申报月份 ${declarationMonth}：${e.messageZh}`,
        en: `the declaration month ${declarationMonth} of the order month ${order}: ${e.messageEn}`,
      }, [...orderPath, ...e.path.slice(1)]);
    }
    throw e;
  }
  ctx.explainer.include(c.explanation, ["coverage.in-force", "rule-set.version", "explanation.assumptions"]);
  if (!ctx.explainer.enabled) ctx.explainer.includeAssumptions(c.assumptions);
  // a parameter the caller's override replaced there is replaced here too: the result says so
  for (const name of c.overridden) ctx.param(name as ParamName);
  return { declarationMonth, deadline: c.value.deadline };
}

/** orders × rate, rounded half-up to the fen; never negative (both factors are non-negative). */
export function amountFor(orders: number, rate: Dec): Dec {
  return roundFen(rate.times(orders));
}

/** Adds the over- / under-payment step; returns [refundDue, topUpDue]. */
export function paymentDifference(
  ctx: RuleContext,
  due: Dec,
  paid: Dec,
  label: string,
): [Dec, Dec] {
  const diff = paid.minus(due);
  const refund = diff.isPositive() && !diff.isZero() ? diff : new Dec(0);
  const topUp = diff.isNegative() ? diff.negated() : new Dec(0);
  ctx.explainer.add({
    rule: "premium.payment-difference",
    title: { zh: "多缴退还、少缴补足", en: "refund of an overpayment, top-up of an underpayment" },
    citations: ctx.text("premium.difference").citations,
    inputs: { amountDue: formatMoney(due), paidAmount: formatMoney(paid), ...(label === "" ? {} : { line: label }) },
    result: { refundDue: formatMoney(refund), topUpDue: formatMoney(topUp) },
    notes: [
      refund.isZero() && topUp.isZero()
        ? { zh: "实缴与应缴一致", en: "paid exactly what was due" }
        : refund.isZero()
          ? { zh: `少缴 ${formatMoney(topUp)} 元，应予补足`, en: `${formatMoney(topUp)} short: to be topped up` }
          : { zh: `多缴 ${formatMoney(refund)} 元，可申请退还`, en: `${formatMoney(refund)} overpaid: a refund may be claimed` },
    ],
  });
  return [refund, topUp];
}

/**
 * The monthly premium of a platform: last month's counted orders × its per-order rate, rounded half-up to the
 * fen, with the declaration deadline (the 15th of the next month, deferred for holidays; docs/sources.md#B3). With
 * `paidAmount`, the refund or top-up due. The rate is checked as in {@link computeRatePerOrder}.
 *
 * Declaration months after 2026 need the holiday calendar of their year in `options.calendars`
 * (`CALENDAR_NOT_COVERED` otherwise).
 *
 * @example
 * ```ts
 * // Qinghai, instant delivery, August 2026: 1,234,567 orders × 0.07 = 86,419.69; declared by 2026-09-15
 * const p = computeMonthlyPremium("qinghai", { industry: "instant-delivery", orderMonth: "2026-08", orders: 1234567 });
 * p.value.amountDue;           // "86419.69"
 * p.value.declarationDeadline; // "2026-09-15"
 * ```
 */
export const computeMonthlyPremium: RuleFunction<MonthlyPremiumInput, MonthlyPremium> = defineRule({
  kind: "monthly-premium",
  title: { zh: "按月应缴职业伤害保障费（上月单量 × 每单缴费标准）与申报期限", en: "monthly premium (last month's orders × per-order rate) and its declaration deadline" },
  functionName: "computeMonthlyPremium",
  input: monthlyPremiumInputSchema,
  // The version in force on the last day of the order month.
  caseDate: (i) => ({ date: lastDay(parseYearMonth(i.orderMonth, ["orderMonth"])), path: ["orderMonth"], label: ORDER_MONTH_END }),
  compute: monthlyPremium,
});

function monthlyPremium(ctx: RuleContext, i: z.output<typeof monthlyPremiumInputSchema>): MonthlyPremium {
  const month = parseYearMonth(i.orderMonth, ["orderMonth"]);
  const r = resolveRate(ctx, {
    industry: i.industry,
    month,
    floatPercent: i.floatPercent ?? 100,
    baseAmount: i.baseAmount,
    monthsAtJan1: monthsOnFirstJanuary(i.monthsContributed, month),
    paths: { floatPercent: ["floatPercent"], baseAmount: ["baseAmount"] },
    explain: true,
  });
  const basis = ctx.param("premium.contributionBasis");
  const due = amountFor(i.orders, r.rate);
  const names = INDUSTRY_NAMES[i.industry];
  ctx.explainer.add({
    rule: "premium.amount-due",
    title: { zh: "应缴费额 = 上月总单量 × 每单缴费标准", en: "amount due = last month's orders × per-order rate" },
    citations: ctx.text("declaration.monthly").citations,
    inputs: { orderMonth: i.orderMonth, orders: i.orders, ratePerOrder: formatExact(r.rate) },
    parameters: [basis.used],
    result: { formula: `${i.orders} × ${formatExact(r.rate)} = ${formatExact(r.rate.times(i.orders))}`, amountDue: formatMoney(due) },
    rounding: FEN_ROUNDING,
    notes: [{ zh: `${names.zh}行业 ${i.orderMonth} 的订单；新就业形态人员个人不缴费`, en: `${names.en} orders of ${i.orderMonth}; workers pay nothing` }],
  });

  const { declarationMonth, deadline } = appendDeclarationDeadline(ctx, month, ["orderMonth"]);

  let refund: string | null = null;
  let topUp: string | null = null;
  if (i.paidAmount !== undefined) {
    const [rf, tu] = paymentDifference(ctx, due, parseMoney(i.paidAmount, ["paidAmount"]), "");
    refund = formatMoney(rf);
    topUp = formatMoney(tu);
  }
  return {
    industry: i.industry,
    orderMonth: i.orderMonth,
    orders: i.orders,
    baseAmount: r.base.text,
    floatPercent: r.floatPercent,
    ratePerOrder: formatExact(r.rate),
    amountDue: formatMoney(due),
    declarationMonth,
    declarationDeadline: deadline,
    paidAmount: i.paidAmount === undefined ? null : formatMoney(parseMoney(i.paidAmount, ["paidAmount"])),
    refundDue: refund,
    topUpDue: topUp,
  };
}

const contributionRateSchema = sharedSchema(() => z.strictObject({
  platform: z.string().min(1).max(64),
  industry: industrySchema(),
  /** Float tier in percent (default 100). */
  floatPercent: floatPercentSchema().optional(),
  /** Instant delivery: `"0.07"` (default) or `"0.25"`. */
  baseAmount: perOrderAmountSchema.optional(),
  /** Months contributed before the order month (Shanghai's 12-month rule). */
  monthsContributed: z.number().int().min(0).max(2400).optional(),
  /** What the platform paid for this industry and month, for a refund or top-up. */
  paidAmount: moneySchema.optional(),
}));

export const monthlyContributionsInputSchema = z.lazy(() => z.strictObject({
  /** The month whose counted orders are priced, `YYYY-MM`. */
  orderMonth: yearMonthSchema(),
  /** Each platform's rate; a platform and industry without an entry pays 100% of the industry's default base amount. */
  rates: z.array(contributionRateSchema()).max(10_000).optional(),
}));
/** The options of {@link computeMonthlyContributions}: the month priced and each platform's rate. */
export type MonthlyContributionsInput = z.input<typeof monthlyContributionsInputSchema>;

/** One platform and industry of {@link MonthlyContributions}: counted orders × its rate, and what is due. */
export interface ContributionLine {
  readonly platform: string;
  readonly industry: Industry;
  readonly orders: number;
  readonly baseAmount: string;
  readonly floatPercent: number;
  readonly ratePerOrder: string;
  readonly amountDue: string;
  readonly paidAmount: string | null;
  readonly refundDue: string | null;
  readonly topUpDue: string | null;
}

/** The contributions of every platform for a month, with the total and the declaration deadline. */
export interface MonthlyContributions {
  readonly orderMonth: string;
  readonly declarationMonth: string;
  readonly declarationDeadline: string;
  /** One line per platform and industry: the month's counted orders × its rate, rounded to the fen. */
  readonly lines: readonly ContributionLine[];
  /** Each platform's amount due: the sum of its lines. */
  readonly platforms: ReadonlyArray<{ readonly platform: string; readonly amountDue: string }>;
  /** The sum of the lines. */
  readonly totalDue: string;
}

/**
 * Prices a tally: for `orderMonth`, each platform's counted orders × its rate, each line rounded half-up to the fen
 * (docs/decisions.md#C4), with the declaration deadline. Rates are validated as in {@link computeMonthlyPremium}.
 *
 * @example
 * ```ts
 * const counts = countOrders("shanghai", [{ platform: "meituan", industry: "instant-delivery", status: "delivered",
 *   endedAt: "2026-03-10T12:00:00+08:00", workerRegistered: true, workerInScope: true, startedInProvince: true }]).value;
 * const c = computeMonthlyContributions("shanghai", counts, { orderMonth: "2026-03",
 *   rates: [{ platform: "meituan", industry: "instant-delivery", baseAmount: "0.25", floatPercent: 120 }] });
 * c.value.lines[0]?.ratePerOrder; // "0.3"
 * c.value.totalDue;               // "0.30"
 * // 4–6 April 2026 are off (3 days in the period): three working days after the 15th
 * c.value.declarationDeadline;    // "2026-04-20"
 * ```
 */
export function computeMonthlyContributions(
  rules: RuleSetInput,
  counts: OrderCounts,
  input: MonthlyContributionsInput,
  options?: ComputeOptions,
): Computation<MonthlyContributions> {
  // as defineRule does, with the counts checked after the input: the version in force on the order month's last day
  const ctx = RuleContext.create(rules, options);
  const i = parseInput(monthlyContributionsInputSchema, input);
  const c = parseOrderCounts(counts, ["counts"]);
  // the counts must be of the rule set's province
  const counted = c.province;
  if (counted !== ctx.province) {
    throw invalidInput(["counts", "province"], `the counts are of ${counted}, not ${ctx.province}`, `订单统计属于 ${counted}，而非 ${ctx.province}`);
  }
  const month = parseYearMonth(i.orderMonth, ["orderMonth"]);
  ctx.requireInForce(lastDay(month), ["orderMonth"], ORDER_MONTH_END);
  const basis = ctx.param("premium.contributionBasis");

  const orders = new Map<string, number>();
  for (const r of c.rows) {
    if (r.month !== i.orderMonth) continue;
    const key = `${r.platform}|${r.industry}`;
    orders.set(key, (orders.get(key) ?? 0) + r.counted);
  }
  const rates = new Map<string, { entry: NonNullable<typeof i.rates>[number]; index: number }>();
  (i.rates ?? []).forEach((entry, index) => {
    const key = `${entry.platform}|${entry.industry}`;
    if (rates.has(key)) {
      throw invalidInput(["rates", index], `a second rate for ${entry.platform} / ${entry.industry}`, `${entry.platform} / ${entry.industry} 的缴费标准重复`);
    }
    rates.set(key, { entry, index });
  });
  const keys = [...new Set([...orders.keys(), ...rates.keys()])].sort((a, b) => {
    const [pa, ia] = a.split("|") as [string, Industry];
    const [pb, ib] = b.split("|") as [string, Industry];
    return pa < pb ? -1 : pa > pb ? 1 : INDUSTRIES.indexOf(ia) - INDUSTRIES.indexOf(ib);
  });

  const lines: ContributionLine[] = [];
  const byPlatform = new Map<string, Dec>();
  let total = new Dec(0);
  for (const key of keys) {
    const [platform, industry] = key.split("|") as [string, Industry];
    const r = rates.get(key);
    const path = r === undefined ? ["rates"] : ["rates", r.index];
    const n = orders.get(key) ?? 0;
    const rate = resolveRate(ctx, {
      industry,
      month,
      floatPercent: r?.entry.floatPercent ?? 100,
      baseAmount: r?.entry.baseAmount,
      monthsAtJan1: monthsOnFirstJanuary(r?.entry.monthsContributed, month),
      paths: { floatPercent: [...path, "floatPercent"], baseAmount: [...path, "baseAmount"] },
      explain: false,
    });
    const due = amountFor(n, rate.rate);
    total = total.plus(due);
    byPlatform.set(platform, (byPlatform.get(platform) ?? new Dec(0)).plus(due));
    ctx.explainer.add({
      rule: "premium.contribution-line",
      title: { zh: `${platform}（${INDUSTRY_NAMES[industry].zh}）应缴费额`, en: `${platform} (${INDUSTRY_NAMES[industry].en}): amount due` },
      citations: ctx.text("declaration.monthly").citations,
      inputs: { platform, industry, orders: n, baseAmount: rate.base.text, floatPercent: rate.floatPercent },
      parameters: [
        rate.base.used, basis.used,
        ...(rate.floatPercent === 100 ? [] : [ctx.param("premium.floatTiers").used]),
        ...rate.floatUsed,
      ],
      result: { formula: `${n} × ${rate.base.text} × ${rate.floatPercent}%`, ratePerOrder: formatExact(rate.rate), amountDue: formatMoney(due) },
      rounding: FEN_ROUNDING,
      ...(r === undefined ? { notes: [{ zh: "未提供缴费标准：按缴费基准额的 100%", en: "no rate given: 100% of the default base amount" }] } : {}),
    });
    let paid: string | null = null;
    let refund: string | null = null;
    let topUp: string | null = null;
    if (r?.entry.paidAmount !== undefined) {
      const p = parseMoney(r.entry.paidAmount, [...path, "paidAmount"]);
      const [rf, tu] = paymentDifference(ctx, due, p, `${platform} / ${industry}`);
      paid = formatMoney(p);
      refund = formatMoney(rf);
      topUp = formatMoney(tu);
    }
    lines.push({
      platform, industry, orders: n, baseAmount: rate.base.text, floatPercent: rate.floatPercent,
      ratePerOrder: formatExact(rate.rate), amountDue: formatMoney(due), paidAmount: paid, refundDue: refund, topUpDue: topUp,
    });
  }
  const { declarationMonth, deadline } = appendDeclarationDeadline(ctx, month, ["orderMonth"]);
  ctx.explainer.add({
    rule: "premium.contribution-total",
    title: { zh: "合计（各项之和）", en: "total (the sum of the lines)" },
    inputs: { lines: lines.length },
    result: { totalDue: formatMoney(total) },
    rounding: "sum of items each rounded to the fen (docs/decisions.md#C4)",
  });
  return finish(ctx, {
    orderMonth: i.orderMonth,
    declarationMonth,
    declarationDeadline: deadline,
    lines,
    platforms: [...byPlatform].map(([platform, amount]) => ({ platform, amountDue: formatMoney(amount) })),
    totalDue: formatMoney(total),
  });
}
