/**
 * One order as the counting rule reads it: the record (an object, or a row of columns), its validation by hand
 * (no zod: this runs for every order of a stream) and the fast parse of its end time to a China-time day.
 *
 * Every message, and the order of the checks, is written once, in {@link recordError}: for each record of a
 * stream (errors at `[index, field]`, "order record N, field F: …") and for a single order (`index` −1: errors at
 * `[field]`, "field F: …").
 */
import { toDayNumber } from "../core/dates.js";
import { parseInstant } from "../core/datetime.js";
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

export const MS_PER_DAY = 86_400_000;
/** China Standard Time, UTC+08:00, in milliseconds (REFERENCE C5). */
export const CST_MS = 8 * 3_600_000;
/** The first accepted instant, 1900-01-01T00:00+08:00, and the first refused one, 2200-01-01T00:00+08:00. */
export const MIN_MS = Date.UTC(1900, 0, 1) - CST_MS;
export const MAX_MS = Date.UTC(2200, 0, 1) - CST_MS;
export const PLATFORM_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The message of a malformed platform id, in English and Chinese. */
export const PLATFORM_ID_EXPECTED = ["expected a platform id (letters, digits, . _ -, at most 64 characters)", "应为平台编号（字母、数字、. _ -，不超过 64 个字符）"] as const;

/** The China-time day (days since 1970-01-01) of an instant in epoch milliseconds. */
export function chinaDayOf(ms: number): number {
  return Math.floor((ms + CST_MS) / MS_PER_DAY);
}

/** The day number of an ISO date `YYYY-MM-DD` already validated. */
export function dayNumberOf(iso: string): number {
  return toDayNumber({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });
}

function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dim(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses `YYYY-MM-DDTHH:mm[:ss[.fff…]](Z|±HH:MM)` to epoch ms without a regex or a Date; NaN when the text is
 * not in that form (the caller then asks {@link parseInstant} for the precise error).
 */
export function fastInstantMs(s: string): number {
  const n = s.length;
  if (n < 17 || n > 40) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return NaN;
  const c = d2(s, 0);
  const yl = d2(s, 2);
  const mo = d2(s, 5);
  const da = d2(s, 8);
  const hh = d2(s, 11);
  const mi = d2(s, 14);
  if (c < 0 || yl < 0 || mo < 1 || mo > 12 || da < 1 || hh < 0 || hh > 23 || mi < 0 || mi > 59) return NaN;
  const y = c * 100 + yl;
  if (y < 1900 || y > 2199 || da > dim(y, mo)) return NaN;
  let p = 16;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(p) === 58) {
    sec = d2(s, p + 1);
    if (sec < 0 || sec > 59) return NaN;
    p += 3;
    if (s.charCodeAt(p) === 46) {
      p++;
      const f0 = p;
      let frac = 0;
      while (p < n) {
        const k = s.charCodeAt(p) - 48;
        if (k < 0 || k > 9) break;
        if (p - f0 < 3) frac = frac * 10 + k;
        p++;
      }
      const digits = p - f0;
      if (digits < 1 || digits > 9) return NaN;
      ms = digits === 1 ? frac * 100 : digits === 2 ? frac * 10 : frac;
    }
  }
  let offsetMin = 0;
  const z = s.charCodeAt(p);
  if (z === 90) {
    if (p + 1 !== n) return NaN;
  } else if (z === 43 || z === 45) {
    if (p + 6 !== n || s.charCodeAt(p + 3) !== 58) return NaN;
    const oh = d2(s, p + 1);
    const om = d2(s, p + 4);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return NaN;
    offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return NaN;
  }
  return daysFromCivil(y, mo, da) * MS_PER_DAY + ((hh * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
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
