/**
 * The counting rule (应缴费订单): which orders count, in which order the conditions are checked, and under which
 * rule-set version each order is decided.
 *
 * Encodes Shanghai 规程 第十条, the general model for every province (`premium.orderCounting`; `national`
 * elsewhere, see docs/premiums.md): "每日24时前执行结束的订单计入当日应缴费订单范围", when
 * （一）the worker is registered with the platform and within its insured scope;
 * （二）the order was accepted and started in the province;
 * （三）the order actually ended after acceptance — delivered (实际送达) or transferred mid-way (中途转出).
 * The day is the China Standard Time date on which execution ended (docs/decisions.md#C5). Each order is decided under
 * the version in force on that day; an order of a day on which no version is in force (before the province's
 * start `coverage.inForceFrom`, in a gap between versions, after the last one's `validTo`) does not count.
 */
import { cite, type Citation } from "../core/citation.js";
import { formatIsoDate, fromDayNumber } from "../core/dates.js";
import { formatChinaTime } from "../core/datetime.js";
import type { ComputeOptions, UsedParameter } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import {
  finish,
  RuleContext,
  type Computation,
  type ParamValue,
  type ProvinceId,
  type ResolvedOptions,
  type RuleSet,
  type RuleSetInput,
} from "../provinces/index.js";
import {
  badField,
  chinaDayOf,
  isoDayNumber,
  isPlatformId,
  notAnObject,
  checkRecord,
  endedAtMs,
  PLATFORM_ID_EXPECTED,
  statusCode,
  type OrderRecord,
} from "./order-record.js";

/**
 * Why an order does not count, in the order the conditions are checked (规程第十条（一）–（三）, then the day).
 *
 * @example
 * ```ts
 * ORDER_EXCLUSIONS.includes("not-ended"); // true
 * const d = decideOrder("shanghai", { platform: "eleme", industry: "instant-delivery", status: "cancelled",
 *   endedAt: "2026-05-31T23:30:00+08:00", workerRegistered: true, workerInScope: true, startedInProvince: true });
 * d.value.exclusion; // "not-ended"
 * ```
 */
export const ORDER_EXCLUSIONS = [
  "worker-not-registered",
  "worker-not-in-scope",
  "started-outside-province",
  "not-ended",
  "before-start",
] as const;
/** One of {@link ORDER_EXCLUSIONS}. */
export type OrderExclusion = (typeof ORDER_EXCLUSIONS)[number];

/** A counter cell: [counted, ...excluded in ORDER_EXCLUSIONS order]; a classification is an index in it. */
export const CELL_SIZE = 1 + ORDER_EXCLUSIONS.length;
export const COUNTED = 0;
export const NOT_REGISTERED = 1;
export const NOT_IN_SCOPE = 2;
export const OUTSIDE = 3;
export const NOT_ENDED = 4;
export const BEFORE_START = 5;

/**
 * Classifies an order: {@link COUNTED}, else 1 + its exclusion's index, the first condition it fails. `inForce`:
 * whether a version of the rules is in force on the order's day (read only for an order that ended). The one
 * rule both the tally and {@link decideOrder} use.
 */
export function classify(registered: boolean, inScope: boolean, inProvince: boolean, ended: boolean, inForce: boolean): number {
  if (!registered) return NOT_REGISTERED;
  if (!inScope) return NOT_IN_SCOPE;
  if (!inProvince) return OUTSIDE;
  if (!ended) return NOT_ENDED;
  if (!inForce) return BEFORE_START;
  return COUNTED;
}

/** The texts of an order-counting rule (`premium.orderCounting`), by its value. */
export const ORDER_COUNTING_TEXT: Readonly<Record<ParamValue<"premium.orderCounting">, {
  readonly title: Bilingual;
  readonly dayTitle: Bilingual;
  readonly days: Bilingual;
  readonly dayNote: Bilingual;
}>> = {
  "ended-by-24h-china-time": {
    title: { zh: "应缴费订单：每日24时前执行结束的订单计入当日", en: "orders that count: those whose execution ended by 24:00, for that day" },
    dayTitle: { zh: "每日24时前执行结束的订单计入当日（北京时间）", en: "an order counts for the day its execution ended by 24:00 (China time)" },
    days: { zh: "日期按北京时间（UTC+08:00）计", en: "days are China Standard Time (UTC+08:00) days (docs/decisions.md#C5)" },
    dayNote: { zh: "时间换算为北京时间（UTC+08:00）后取日期", en: "the time is converted to China Standard Time (UTC+08:00) and its date taken (docs/decisions.md#C5)" },
  },
};

/** Each exclusion: why the order does not count, and its item of 第十条 (null: none). */
export function exclusionText(rule: CountingRule, x: OrderExclusion): { zh: string; en: string; item: number | null } {
  return x === "before-start" && !rule.oneStart ? BEFORE_ANY_VERSION : EXCLUSION_TEXT[x];
}

const EXCLUSION_TEXT: Readonly<Record<OrderExclusion, { zh: string; en: string; item: number | null }>> = {
  "worker-not-registered": { zh: "接单人员未在平台注册", en: "the worker is not registered with the platform", item: 1 },
  "worker-not-in-scope": { zh: "接单人员不符合平台企业新就业形态人员参保范围", en: "the worker is outside the platform's insured scope", item: 1 },
  "started-outside-province": { zh: "实际接单并开始执行地点不在本省（区、市）行政区域内", en: "the order was not accepted and started in the province", item: 2 },
  "not-ended": { zh: "订单未实际执行结束（未送达、未中途转出）", en: "the order did not actually end (neither delivered nor transferred)", item: 3 },
  "before-start": { zh: "执行结束日期早于本省施行日期", en: "execution ended before the province's rules apply", item: null },
};
/** "before-start" where the days in force are not one run from the start (a gap between versions, or an end). */
const BEFORE_ANY_VERSION = {
  zh: "执行结束日期不在本省规则的施行期间内（早于施行日期，或无施行中的版本）",
  en: "execution ended on a day no version of the province's rules is in force (before the start, or outside every version)",
  item: null,
};

/** Shanghai 规程第十条 (and its item), the general model of the counting rule. */
export const rule10 = (item?: number): Citation => cite("shanghai-rules", { article: 10, ...(item === undefined ? {} : { item }) });

/** One version's part of the counting rule: its parameters, as read (strict and overrides applied). */
export interface CountingVersion {
  readonly ruleSet: RuleSet;
  readonly counting: { readonly value: ParamValue<"premium.orderCounting">; readonly used: UsedParameter };
  readonly start: { readonly value: string; readonly used: UsedParameter };
}

/**
 * The counting rule of a province's versions, for the days of its orders: the version each China-time day is
 * decided under (the latest that starts on or before it; the first before any), and whether rules are in force
 * on it (on or after that version's `coverage.inForceFrom` and before its end). Built once per tally: every
 * version's `premium.orderCounting` and `coverage.inForceFrom` is read (so `strict` and a missing rule refuse
 * before any order is counted), and the days on which the version or the in-force state changes are kept for
 * the month lookup of the tally ({@link segmentStart}).
 */
export class CountingRule {
  readonly province: ProvinceId;
  readonly versions: readonly RuleSet[];
  readonly options: ResolvedOptions;
  readonly parts: readonly CountingVersion[];
  /** Whether every day not in force is before the first day in force (one open run of days from the start). */
  readonly oneStart: boolean;
  /** Per version: its first day (−∞ for the first version) and its end (exclusive; +∞ when open), day numbers. */
  private readonly from: readonly number[];
  private readonly to: readonly number[];
  private readonly startDay: readonly number[];
  /** The days on which the version, or whether rules are in force, may change (sorted, finite). */
  private readonly cuts: readonly number[];
  /**
   * The days on which rules are in force, as runs `[first, end)` of day numbers (days since 1970-01-01; `end`
   * +∞ when open), one per version in force on any day, in date order and disjoint: {@link inForce} is true
   * exactly on them. What the SQL form of the rule (`orderCountsSql`) tests the day against.
   */
  readonly inForceRuns: ReadonlyArray<readonly [number, number]>;

  constructor(rules: RuleSetInput, options?: ComputeOptions) {
    const ctx = RuleContext.create(rules, options);
    this.province = ctx.province;
    this.versions = ctx.versions;
    this.options = ctx.options;
    const n = this.versions.length;
    const parts: CountingVersion[] = [];
    const from: number[] = [];
    const to: number[] = [];
    const startDay: number[] = [];
    const lo: number[] = [];
    const hi: number[] = [];
    const cuts = new Set<number>();
    for (let k = 0; k < n; k++) {
      const v = this.versions[k] as RuleSet;
      const c = new RuleContext(this.versions, this.options);
      c.useVersion(v, { zh: "订单统计：逐一读取各版本的规则", en: "order counting: each version's rule is read" });
      // the rule must exist (and pass strict) before any order is counted
      const counting = c.param("premium.orderCounting");
      const start = c.param("coverage.inForceFrom");
      parts.push({ ruleSet: v, counting, start });
      const next = this.versions[k + 1];
      const own = v.validTo === null ? Infinity : isoDayNumber(v.validTo) + 1;
      from.push(k === 0 ? -Infinity : isoDayNumber(v.validFrom));
      to.push(Math.min(own, next === undefined ? Infinity : isoDayNumber(next.validFrom)));
      startDay.push(isoDayNumber(start.value));
      for (const d of [from[k], to[k], startDay[k]] as number[]) if (Number.isFinite(d)) cuts.add(d);
      const a = Math.max(from[k] as number, startDay[k] as number);
      if (a < (to[k] as number)) {
        lo.push(a);
        hi.push(to[k] as number);
      }
    }
    let runs = lo.length > 0 && hi[hi.length - 1] === Infinity;
    for (let j = 1; j < lo.length && runs; j++) runs = lo[j] === hi[j - 1];
    this.oneStart = runs;
    this.inForceRuns = lo.map((a, j) => [a, hi[j] as number] as const);
    this.parts = parts;
    this.from = from;
    this.to = to;
    this.startDay = startDay;
    this.cuts = [...cuts].sort((x, y) => x - y);
  }

  /** The version a China-time day (a day number) is decided under: the latest starting on or before it, else the first. */
  versionOf(day: number): number {
    let k = this.from.length - 1;
    while (k > 0 && day < (this.from[k] as number)) k--;
    return k;
  }

  /** Whether the rules are in force on a day: on or after its version's start and before its end. */
  inForce(day: number): boolean {
    const k = this.versionOf(day);
    return day >= (this.startDay[k] as number) && day < (this.to[k] as number);
  }

  /** Whether a day is on or after the `coverage.inForceFrom` of its version. */
  onOrAfterStart(day: number): boolean {
    return day >= (this.startDay[this.versionOf(day)] as number);
  }

  /**
   * The run of days around `day` within [a, b) (its month) with one version and one in-force state: its first
   * day. With {@link segmentEnd}, what the month lookup of the tally keeps.
   */
  segmentStart(day: number, a: number): number {
    let s = a;
    for (const c of this.cuts) if (c <= day && c > s) s = c;
    return s;
  }

  /** The end (exclusive) of the run of days of {@link segmentStart}, at most `b`. */
  segmentEnd(day: number, b: number): number {
    let e = b;
    for (const c of this.cuts) if (c > day && c < e) e = c;
    return e;
  }
}

/** A decision on one order. */
export interface OrderDecision {
  readonly counts: boolean;
  /** The first condition the order fails, or null. */
  readonly exclusion: OrderExclusion | null;
  /** The China-time day execution ended (`YYYY-MM-DD`), or null. */
  readonly day: string | null;
  readonly month: string | null;
  /** `endedAt` in China Standard Time, or null. */
  readonly endedAtChinaTime: string | null;
}

/** Why `decideOrder` uses the version it names. */
function decisionVersionNote(rule: CountingRule, day: string | null, inForce: boolean): Bilingual {
  if (day === null) {
    return rule.versions.length === 1
      ? { zh: `订单无执行结束时间：按 ${rule.province} 唯一的版本判定`, en: `the order has no end time: decided under ${rule.province}'s one version` }
      : { zh: "订单无执行结束时间，其判定与版本无关：按最新版本判定", en: "the order has no end time, so its decision does not depend on the version: decided under the newest" };
  }
  return inForce
    ? { zh: `执行结束日 ${day}（北京时间）施行的版本`, en: `the version in force on ${day}, the China-time day execution ended` }
    : {
        zh: `执行结束日 ${day}（北京时间）无施行中的规则：按此前最近施行的版本判定（早于首个版本的，按首个版本）`,
        en: `no rules are in force on ${day}, the China-time day execution ended: decided under the latest version starting on or before it (the first, before any)`,
      };
}

/**
 * Decides one order, explaining each condition of 规程第十条 and the day it counts for, under the version of that
 * day (an order without an end time: the newest). The order is checked exactly as the tally checks each record
 * of a stream; a bad field is `INVALID_INPUT` at `[field]`.
 *
 * @example
 * ```ts
 * const d = decideOrder("shanghai", { platform: "eleme", industry: "instant-delivery", status: "transferred",
 *   endedAt: "2026-05-31T23:30:00+08:00", workerRegistered: true, workerInScope: true, startedInProvince: false });
 * d.value.counts;    // false
 * d.value.exclusion; // "started-outside-province"
 * ```
 */
export function decideOrder(rules: RuleSetInput, order: OrderRecord, options?: ComputeOptions): Computation<OrderDecision> {
  const rule = new CountingRule(rules, options);
  if (order === null || typeof order !== "object") throw notAnObject(-1);
  if (!isPlatformId(order.platform)) throw badField(-1, "platform", ...PLATFORM_ID_EXPECTED);
  checkRecord(order, -1);
  let day: number | null = null;
  let chinaTime: string | null = null;
  if (order.endedAt !== undefined && order.endedAt !== null) {
    const ms = endedAtMs(order.endedAt, -1);
    day = chinaDayOf(ms);
    chinaTime = formatChinaTime({ epochMs: ms, text: String(order.endedAt) });
  }
  const dayText = day === null ? null : formatIsoDate(fromDayNumber(day));
  const inForce = day !== null && rule.inForce(day);
  const version = day === null ? rule.versions.length - 1 : rule.versionOf(day);

  const ctx = new RuleContext(rule.versions, rule.options);
  ctx.useVersion(rule.versions[version] as RuleSet, decisionVersionNote(rule, dayText, inForce));
  const counting = ctx.param("premium.orderCounting");
  const start = ctx.param("coverage.inForceFrom");
  const texts = ORDER_COUNTING_TEXT[counting.value];
  const ended = statusCode(order.status) < 2;
  const code = classify(order.workerRegistered, order.workerInScope, order.startedInProvince, ended, inForce);
  const exclusion = code === COUNTED ? null : (ORDER_EXCLUSIONS[code - 1] as OrderExclusion);
  ctx.explainer.add({
    rule: "premium.order.worker",
    title: { zh: "（一）接单人员已在平台注册且符合参保范围", en: "(1) the worker is registered and within the insured scope" },
    citations: [rule10(1)],
    inputs: { workerRegistered: order.workerRegistered, workerInScope: order.workerInScope },
    parameters: [counting.used],
    result: order.workerRegistered && order.workerInScope,
  });
  ctx.explainer.add({
    rule: "premium.order.place",
    title: { zh: "（二）实际接单并开始执行地点位于本省（区、市）行政区域内", en: "(2) accepted and started in the province" },
    citations: [rule10(2)],
    inputs: { startedInProvince: order.startedInProvince },
    result: order.startedInProvince,
  });
  ctx.explainer.add({
    rule: "premium.order.ended",
    title: { zh: "（三）接单后已实际执行结束（实际送达、中途转出等）", en: "(3) actually ended after acceptance (delivered, transferred mid-way)" },
    citations: [rule10(3)],
    inputs: { status: order.status },
    result: ended,
  });
  const onOrAfterStart = day === null ? null : rule.onOrAfterStart(day);
  ctx.explainer.add({
    rule: "premium.order.day",
    title: texts.dayTitle,
    citations: [rule10()],
    inputs: { endedAt: order.endedAt === undefined || order.endedAt === null ? null : order.endedAt },
    parameters: [start.used],
    // where a version ends or leaves a gap, being on or after the start is not enough: whether rules are in force
    result: rule.oneStart
      ? { day: dayText, endedAtChinaTime: chinaTime, onOrAfterStart }
      : { day: dayText, endedAtChinaTime: chinaTime, onOrAfterStart, inForce: day === null ? null : inForce },
    notes: [texts.dayNote],
  });
  const why = exclusion === null ? null : exclusionText(rule, exclusion);
  ctx.explainer.add({
    rule: "premium.order.decision",
    title: { zh: "是否计入应缴费订单", en: "does the order count" },
    citations: why === null || why.item === null ? [rule10()] : [rule10(why.item)],
    result: { counts: code === COUNTED, exclusion },
    notes: [
      why === null
        ? { zh: `计入 ${dayText ?? ""} 的应缴费订单`, en: `counts for ${dayText ?? ""}` }
        : { zh: `不计入：${why.zh}`, en: `does not count: ${why.en}` },
    ],
  });
  return finish(ctx, {
    counts: code === COUNTED,
    exclusion,
    day: dayText,
    month: dayText === null ? null : dayText.slice(0, 7),
    endedAtChinaTime: chinaTime,
  });
}
