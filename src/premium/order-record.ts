/**
 * One order as the counting rule reads it: the record (an object, or a row of columns), its validation by hand
 * (no zod: this runs for every order of a stream) and the fast parse of its end time to a China-time day.
 *
 * Every message, and the order of the checks, is written once, in {@link recordError}: for each record of a
 * stream (errors at `[index, field]`, "order record N, field F: …") and for a single order (`index` −1: errors at
 * `[field]`, "field F: …").
 */
import { dayNumberOf } from "../core/dates.js";
import { chinaDayOf, fastInstantMs, MAX_MS, MIN_MS, parseInstant } from "../core/datetime.js";

export { chinaDayOf, fastInstantMs, MAX_MS, MIN_MS };
import { invalidInput, ZhishangError } from "../core/errors.js";
import { INDUSTRIES, type Industry } from "./rates.js";

/**
 * How an order ended, or that it did not: 实际送达 / 中途转出 count; cancelled or still running orders do not.
 *
 * @example
 * ```ts
 * ORDER_STATUSES; // ["delivered", "transferred", "cancelled", "in-progress"]
 * ```
 */
export const ORDER_STATUSES = ["delivered", "transferred", "cancelled", "in-progress"] as const;
/** One of {@link ORDER_STATUSES}. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** One order as a plain object (the streaming form). */
export interface OrderRecord {
  /** Platform id (e.g. `meituan`): letters, digits, `.`, `_`, `-`, at most 64 characters. */
  readonly platform: string;
  readonly industry: Industry;
  readonly status: OrderStatus;
  /**
   * When execution ended: an ISO 8601 date-time with an offset, or epoch milliseconds. Required for `delivered` and
   * `transferred`; optional for `cancelled` (it then dates the exclusion); absent for `in-progress`.
   */
  readonly endedAt?: string | number | null | undefined;
  /** （一）the worker is registered with the platform. */
  readonly workerRegistered: boolean;
  /** （一）the worker is within the platform's insured scope. */
  readonly workerInScope: boolean;
  /** （二）the order was accepted and started in the province. */
  readonly startedInProvince: boolean;
}

/**
 * The columnar form: parallel arrays (typed arrays or plain arrays), one entry per order, for `length` orders.
 * Categorical fields are indexes: `platform` into `platforms`, `industry` into {@link INDUSTRIES}, `status` into
 * {@link ORDER_STATUSES}; flags are 1/0 (or booleans); `endedAtMs` is epoch milliseconds, `NaN` when the order has
 * no end time.
 */
export interface OrderColumns {
  readonly length: number;
  readonly platforms: readonly string[];
  readonly platform: ArrayLike<number>;
  readonly industry: ArrayLike<number>;
  readonly status: ArrayLike<number>;
  readonly endedAtMs: ArrayLike<number>;
  readonly workerRegistered: ArrayLike<number | boolean>;
  readonly workerInScope: ArrayLike<number | boolean>;
  readonly startedInProvince: ArrayLike<number | boolean>;
}

export const PLATFORM_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The message of a malformed platform id, in English and Chinese. */
export const PLATFORM_ID_EXPECTED = ["expected a platform id (letters, digits, . _ -, at most 64 characters)", "应为平台编号（字母、数字、. _ -，不超过 64 个字符）"] as const;

/** The day number of an ISO date `YYYY-MM-DD` already validated. */
export function isoDayNumber(iso: string): number {
  return dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * A malformed field: of record `index` of a stream (`[index, field]`, "order record N, field F: …"), or of a
 * single order when `index` is −1 (`[field]`, "field F: …").
 */
export function badField(index: number, field: string, en: string, zh: string): ZhishangError {
  if (index < 0) return invalidInput([field], `field ${field}: ${en}`, `字段 ${field}：${zh}`);
  return invalidInput([index, field], `order record ${index}, field ${field}: ${en}`, `第 ${index} 条订单记录，字段 ${field}：${zh}`);
}

/** A record that is not an object: record `index` of a stream, or a single order (`index` −1). */
export function notAnObject(index: number): ZhishangError {
  if (index < 0) return invalidInput([], "the order must be an object", "订单应为对象");
  return invalidInput([index], `order record ${index} must be an object`, `第 ${index} 条订单记录应为对象`);
}

/** Whether `id` is a well-formed platform id (see {@link OrderRecord.platform}). */
export function isPlatformId(id: unknown): id is string {
  return typeof id === "string" && PLATFORM_RE.test(id);
}

/**
 * `endedAt` of record `index` as epoch milliseconds; a bad value is {@link badField} at `endedAt`. Epoch
 * milliseconds in range take the first line (small enough to be inlined in the tally's loop); the rest, below.
 */
export function endedAtMs(value: unknown, index: number): number {
  return typeof value === "number" && value >= MIN_MS && value < MAX_MS ? Math.floor(value) : otherEndedAtMs(value, index);
}

function otherEndedAtMs(value: unknown, index: number): number {
  if (typeof value === "string") {
    const ms = fastInstantMs(value);
    if (!Number.isNaN(ms)) return ms;
    try {
      return parseInstant(value, ["endedAt"]).epochMs;
    } catch (e) {
      throw e instanceof ZhishangError ? badField(index, "endedAt", e.messageEn, e.messageZh) : e;
    }
  }
  if (typeof value === "number") {
    throw badField(index, "endedAt", "as a number, expected epoch milliseconds between 1900 and 2199", "为数字时应为 1900–2199 年间的毫秒时间戳");
  }
  throw badField(index, "endedAt", "expected an ISO 8601 date-time with an offset or epoch milliseconds",
    "应为带时区偏移的 ISO 8601 日期时间或毫秒时间戳");
}

/** The index of an industry in {@link INDUSTRIES}, or −1. */
export function industryCode(value: unknown): number {
  return value === "ride-hailing" ? 0 : value === "instant-delivery" ? 1 : value === "intra-city-freight" ? 2 : -1;
}

/** The index of a status in {@link ORDER_STATUSES}, or −1. */
export function statusCode(value: unknown): number {
  return value === "delivered" ? 0 : value === "transferred" ? 1 : value === "cancelled" ? 2 : value === "in-progress" ? 3 : -1;
}

/**
 * Checks every field of an order but its platform (which the tally checks only for a platform it has not seen);
 * a bad one is {@link recordError}. The end time, if given, is then read with {@link endedAtMs}. `record` must be
 * an object.
 *
 * The tally's loop makes the same checks inline and throws the same {@link recordError} (a call here would cost
 * its loop the inlining of the end-time parse, a third of its speed on records in memory): the order of the
 * checks and every message are written once, in {@link recordError}.
 */
export function checkRecord(record: OrderRecord, index: number): void {
  const st = statusCode(record.status);
  const e = record.endedAt;
  if (industryCode(record.industry) < 0 || st < 0 || typeof record.workerRegistered !== "boolean" || typeof record.workerInScope !== "boolean"
    || typeof record.startedInProvince !== "boolean" || (e === undefined || e === null ? st < 2 : st === 3)) {
    throw recordError(record, index);
  }
}

/**
 * The first bad field of a record but its platform, in a fixed order — industry, status, the three flags, then
 * whether an end time is given (delivered and transferred orders need one; an order in progress has none) — as
 * {@link badField} for record `index` (−1: a single order). Called only for a record found bad.
 */
export function recordError(record: OrderRecord, index: number): ZhishangError {
  const st = statusCode(record.status);
  if (industryCode(record.industry) < 0) return badField(index, "industry", `expected one of ${INDUSTRIES.join(", ")}`, `应为 ${INDUSTRIES.join("、")} 之一`);
  if (st < 0) return badField(index, "status", `expected one of ${ORDER_STATUSES.join(", ")}`, `应为 ${ORDER_STATUSES.join("、")} 之一`);
  for (const f of ["workerRegistered", "workerInScope", "startedInProvince"] as const) {
    if (typeof record[f] !== "boolean") return badField(index, f, "expected true or false", "应为 true 或 false");
  }
  if (st < 2) return badField(index, "endedAt", `a ${record.status} order needs the time its execution ended`, "已送达或中途转出的订单须有执行结束时间");
  return badField(index, "endedAt", "an order in progress has not ended", "执行中的订单尚无执行结束时间");
}
