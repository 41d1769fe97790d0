/**
 * Order counting (应缴费订单) and the streaming tally of counted orders per platform, industry and month.
 *
 * Encodes Shanghai 规程 第十条, the general model for every province (`premium.orderCounting`; `national`
 * elsewhere, see docs/premiums.md): "每日24时前执行结束的订单计入当日应缴费订单范围", when
 * （一）the worker is registered with the platform and within its insured scope;
 * （二）the order was accepted and started in the province;
 * （三）the order actually ended after acceptance — delivered (实际送达) or transferred mid-way (中途转出).
 * The day is the China Standard Time date on which execution ended (REFERENCE C5); orders dated before the
 * province's start (`coverage.inForceFrom`) do not count.
 *
 * The tally keeps no per-order state: one small counter cell per platform × industry × month, so its memory does
 * not grow with the number of orders. Tallies of shards merge associatively and commutatively
 * ({@link OrderTally.merge}, {@link mergeOrderCounts}). The hot path validates each record by hand (no zod) and
 * reports a bad record as `INVALID_INPUT` with the record's index and the field in `path`.
 */
import { z } from "zod";
import { cite } from "../core/citation.js";
import { formatIsoDate, fromDayNumber, toDayNumber } from "../core/dates.js";
import { parseInstant, formatChinaTime } from "../core/datetime.js";
import { invalidInput, ZhishangError, type ErrorPath } from "../core/errors.js";
import type { ComputeOptions } from "../core/explain.js";
import { parseInput } from "../core/validate.js";
import { finish, getRuleSet, RuleContext, type Computation, type ProvinceId } from "../provinces/index.js";
import { provinceSchema } from "../provinces/schema.js";
import { formatYearMonth, fromMonthIndex, monthDayRange } from "./month.js";
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

/**
 * Why an order does not count, in the order the conditions are checked (规程第十条（一）–（三）, then the start date).
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

/** Counts for one platform, industry and month (`month` null: orders that never ended and carry no date). */
export interface OrderCountRow {
  readonly platform: string;
  readonly industry: Industry;
  readonly month: string | null;
  readonly counted: number;
  readonly excluded: Readonly<Record<OrderExclusion, number>>;
}

/** The result of a tally: plain data, JSON-safe, in a canonical order (so equal tallies are deep-equal). */
export interface OrderCounts {
  readonly province: ProvinceId;
  /** Records seen. */
  readonly records: number;
  readonly counted: number;
  readonly excluded: Readonly<Record<OrderExclusion, number>>;
  /** Sorted by platform (code points), industry (C1 order), month (null last). */
  readonly rows: readonly OrderCountRow[];
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

/**
 * At most this many distinct platforms in one tally (keeps memory bounded whatever the stream holds); one more
 * is `INVALID_INPUT`. A record refused for another field takes no platform slot.
 *
 * @example
 * ```ts
 * MAX_TALLY_PLATFORMS; // 10000
 * ```
 */
export const MAX_TALLY_PLATFORMS = 10_000;

const MS_PER_DAY = 86_400_000;
const CST_MS = 8 * 3_600_000;
const MIN_MS = Date.UTC(1900, 0, 1) - CST_MS;
const MAX_MS = Date.UTC(2200, 0, 1) - CST_MS;
const PLATFORM_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Cell layout: [counted, ...excluded in ORDER_EXCLUSIONS order]. */
const CELL_SIZE = 1 + ORDER_EXCLUSIONS.length;
const NO_MONTH = -1;
/** Platform ids kept in the identity cache in front of the Map. */
const RECENT_IDS = 16;

// Exclusion codes: index in the cell.
const COUNTED = 0;
const NOT_REGISTERED = 1;
const NOT_IN_SCOPE = 2;
const OUTSIDE = 3;
const NOT_ENDED = 4;
const BEFORE_START = 5;

/** Classifies an order: 0 = counts, else 1 + its exclusion index. The one rule both the tally and decideOrder use. */
function classify(registered: boolean, inScope: boolean, inProvince: boolean, ended: boolean, day: number, startDay: number): number {
  if (!registered) return NOT_REGISTERED;
  if (!inScope) return NOT_IN_SCOPE;
  if (!inProvince) return OUTSIDE;
  if (!ended) return NOT_ENDED;
  if (day < startDay) return BEFORE_START;
  return COUNTED;
}

function dayNumberOf(iso: string): number {
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

/** `endedAt` of record `index` as epoch milliseconds; a bad value is {@link badField} at `[index, "endedAt"]`. */
function endedAtMs(value: unknown, index: number): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < MIN_MS || value >= MAX_MS) {
      throw badField(index, "endedAt", "as a number, expected epoch milliseconds between 1900 and 2199",
        "为数字时应为 1900–2199 年间的毫秒时间戳");
    }
    return Math.floor(value);
  }
  if (typeof value === "string") {
    const ms = fastInstantMs(value);
    if (!Number.isNaN(ms)) return ms;
    try {
      return parseInstant(value, [index, "endedAt"]).epochMs;
    } catch (e) {
      throw e instanceof ZhishangError ? badField(index, "endedAt", e.messageEn, e.messageZh) : e;
    }
  }
  throw badField(index, "endedAt", "expected an ISO 8601 date-time with an offset or epoch milliseconds",
    "应为带时区偏移的 ISO 8601 日期时间或毫秒时间戳");
}

function badField(index: number, field: string, en: string, zh: string): ZhishangError {
  return invalidInput([index, field], `order record ${index}, field ${field}: ${en}`, `第 ${index} 条订单记录，字段 ${field}：${zh}`);
}

function industryCode(value: unknown): number {
  return value === "ride-hailing" ? 0 : value === "instant-delivery" ? 1 : value === "intra-city-freight" ? 2 : -1;
}

function statusCode(value: unknown): number {
  return value === "delivered" ? 0 : value === "transferred" ? 1 : value === "cancelled" ? 2 : value === "in-progress" ? 3 : -1;
}

/** Per-platform state: for each industry, its month cells and a one-entry cache of the last month used. */
interface PlatformSlot {
  readonly id: string;
  readonly cells: [Map<number, Float64Array>, Map<number, Float64Array>, Map<number, Float64Array>];
  readonly lastMonth: [number, number, number];
  readonly lastCell: [Float64Array | null, Float64Array | null, Float64Array | null];
}

/**
 * A streaming tally of orders for one province. Feed it records ({@link add}, {@link addAll},
 * {@link addAllAsync}) or columns ({@link addColumns}); merge shards with {@link merge}; read the counts with
 * {@link counts} or close it with {@link finish} for a {@link Computation} with its explanation.
 *
 * @example
 * ```ts
 * const t = new OrderTally("shanghai");
 * t.add({ platform: "meituan", industry: "instant-delivery", status: "delivered",
 *   endedAt: "2026-03-31T23:59:59+08:00", workerRegistered: true, workerInScope: true, startedInProvince: true });
 * t.add({ platform: "meituan", industry: "instant-delivery", status: "delivered",
 *   endedAt: "2026-03-31T16:00:00Z", workerRegistered: true, workerInScope: true, startedInProvince: true }); // 1 April, China time
 * t.counts().rows.map((r) => [r.month, r.counted]); // [["2026-03", 1], ["2026-04", 1]]
 * ```
 */
export class OrderTally {
  readonly province: ProvinceId;
  private readonly startDay: number;
  private readonly options: ComputeOptions | undefined;
  private seen = 0;
  private readonly slots = new Map<string, PlatformSlot>();
  private lastId: string | undefined = undefined;
  private lastSlot: PlatformSlot | undefined = undefined;
  private readonly recentIds: string[] = [];
  private readonly recentSlots: PlatformSlot[] = [];
  private recentNext = 0;
  // The month of the last day seen: [mStart, mEnd) in day numbers, and its index.
  private mStart = 1;
  private mEnd = 0;
  private mIdx = 0;

  constructor(province: ProvinceId, options?: ComputeOptions) {
    const ctx = RuleContext.create(province, options);
    ctx.param("premium.orderCounting"); // the rule must exist (and pass strict) before any order is counted
    const start = ctx.param("coverage.inForceFrom");
    this.province = province;
    this.options = options;
    this.startDay = dayNumberOf(start.value);
  }

  /** Records seen so far (counted or not). */
  get records(): number {
    return this.seen;
  }

  /** The slot of a platform already in the tally (last id, a small cache of recent ids, then the map), or undefined. */
  private known(id: unknown): PlatformSlot | undefined {
    if (id === this.lastId && this.lastSlot !== undefined) return this.lastSlot;
    // A small cache of recent ids compared by identity (ids are usually shared strings), before the Map.
    const recent = this.recentIds;
    for (let j = 0; j < recent.length; j++) {
      if (recent[j] === id) {
        const hit = this.recentSlots[j] as PlatformSlot;
        this.lastId = id as string;
        this.lastSlot = hit;
        return hit;
      }
    }
    const s = typeof id === "string" ? this.slots.get(id) : undefined;
    if (s !== undefined) this.remember(id as string, s);
    return s;
  }

  private remember(id: string, s: PlatformSlot): void {
    this.lastId = id;
    this.lastSlot = s;
    const recent = this.recentIds;
    if (recent.length < RECENT_IDS) {
      recent.push(id);
      this.recentSlots.push(s);
    } else {
      const j = this.recentNext;
      recent[j] = id;
      this.recentSlots[j] = s;
      this.recentNext = (j + 1) % RECENT_IDS;
    }
  }

  /**
   * Checks a platform id not yet in the tally, and that `fresh` more platforms fit: `fail(en, zh)` builds the error
   * (its path and prefix depend on the caller). Nothing is created: a record refused later takes no platform slot.
   */
  private checkNew(id: unknown, fresh: number, fail: (en: string, zh: string) => ZhishangError): asserts id is string {
    if (typeof id !== "string" || !PLATFORM_RE.test(id)) {
      throw fail("expected a platform id (letters, digits, . _ -, at most 64 characters)", "应为平台编号（字母、数字、. _ -，不超过 64 个字符）");
    }
    if (this.slots.size + fresh > MAX_TALLY_PLATFORMS) {
      throw fail(`more than ${MAX_TALLY_PLATFORMS} distinct platforms in one tally`, `同一统计中平台超过 ${MAX_TALLY_PLATFORMS} 个`);
    }
  }

  /** A new, empty slot for a checked id ({@link checkNew}). */
  private create(id: string): PlatformSlot {
    const s: PlatformSlot = { id, cells: [new Map(), new Map(), new Map()], lastMonth: [NaN, NaN, NaN], lastCell: [null, null, null] };
    this.slots.set(id, s);
    this.remember(id, s);
    return s;
  }

  /** The month index of a day number, through a one-month cache. */
  private monthOf(day: number): number {
    if (day >= this.mStart && day < this.mEnd) return this.mIdx;
    const d = fromDayNumber(day);
    const [a, b] = monthDayRange({ year: d.year, month: d.month });
    this.mStart = a;
    this.mEnd = b;
    this.mIdx = d.year * 12 + d.month - 1;
    return this.mIdx;
  }

  private bump(s: PlatformSlot, k: 0 | 1 | 2, month: number, code: number, by: number): void {
    let cell = s.lastMonth[k] === month ? s.lastCell[k] : null;
    if (cell === null) {
      const cells = s.cells[k];
      cell = cells.get(month) ?? null;
      if (cell === null) {
        cell = new Float64Array(CELL_SIZE);
        cells.set(month, cell);
      }
      s.lastMonth[k] = month;
      s.lastCell[k] = cell;
    }
    cell[code] = (cell[code] as number) + by;
  }

  /** Adds one order. A malformed record is `INVALID_INPUT` at `[index, field]` (index counts every record added). */
  add(record: OrderRecord): this {
    const index = this.seen;
    if (record === null || typeof record !== "object") {
      throw invalidInput([index], `order record ${index} must be an object`, `第 ${index} 条订单记录应为对象`);
    }
    const id = record.platform;
    let s = this.known(id);
    if (s === undefined) this.checkNew(id, 1, (en, zh) => badField(index, "platform", en, zh));
    const k = industryCode(record.industry);
    if (k < 0) throw badField(index, "industry", `expected one of ${INDUSTRIES.join(", ")}`, `应为 ${INDUSTRIES.join("、")} 之一`);
    const st = statusCode(record.status);
    if (st < 0) throw badField(index, "status", `expected one of ${ORDER_STATUSES.join(", ")}`, `应为 ${ORDER_STATUSES.join("、")} 之一`);
    const reg = record.workerRegistered;
    const scope = record.workerInScope;
    const inProv = record.startedInProvince;
    if (typeof reg !== "boolean") throw badField(index, "workerRegistered", "expected true or false", "应为 true 或 false");
    if (typeof scope !== "boolean") throw badField(index, "workerInScope", "expected true or false", "应为 true 或 false");
    if (typeof inProv !== "boolean") throw badField(index, "startedInProvince", "expected true or false", "应为 true 或 false");
    const e = record.endedAt;
    let month = NO_MONTH;
    let day = 0;
    if (e === undefined || e === null) {
      if (st < 2) throw badField(index, "endedAt", `a ${record.status} order needs the time its execution ended`, "已送达或中途转出的订单须有执行结束时间");
    } else {
      if (st === 3) throw badField(index, "endedAt", "an order in progress has not ended", "执行中的订单尚无执行结束时间");
      day = Math.floor((endedAtMs(e, index) + CST_MS) / MS_PER_DAY);
      month = this.monthOf(day);
    }
    s ??= this.create(id as string);
    this.seen = index + 1;
    this.bump(s, k as 0 | 1 | 2, month, classify(reg, scope, inProv, st < 2, day, this.startDay), 1);
    return this;
  }

  /** Adds every record of a (sync) iterable, e.g. a generator; nothing is kept per order. */
  addAll(records: Iterable<OrderRecord>): this {
    if (typeof (records as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== "function") {
      throw invalidInput([], "records must be an iterable of order records (an array, a generator)", "records 应为订单记录的可迭代对象（数组、生成器）");
    }
    for (const r of records) this.add(r);
    return this;
  }

  /**
   * Adds every record of an async iterable (e.g. a parsed file stream). Items may also be arrays of records
   * (batches), which is much faster than one `await` per order.
   */
  async addAllAsync(records: AsyncIterable<OrderRecord | readonly OrderRecord[]> | Iterable<OrderRecord | readonly OrderRecord[]>): Promise<this> {
    const r = records as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null | undefined;
    if (typeof r?.[Symbol.asyncIterator] !== "function" && typeof r?.[Symbol.iterator] !== "function") {
      throw invalidInput([], "records must be an iterable or async iterable of order records or batches", "records 应为订单记录（或批次）的可迭代或异步可迭代对象");
    }
    for await (const item of records) {
      if (Array.isArray(item)) {
        for (const r of item as readonly OrderRecord[]) this.add(r);
      } else {
        this.add(item as OrderRecord);
      }
    }
    return this;
  }

  /**
   * Adds a batch in columnar form. A bad value is `INVALID_INPUT` at `[column, row]` (row within the batch; the
   * message also gives the running record index); the rows before it stay counted, as with {@link addAll}. A bad or
   * one-too-many new id in `platforms` is `INVALID_INPUT` at `["platforms", j]` before any row is counted.
   */
  addColumns(columns: OrderColumns): this {
    if (columns === null || typeof columns !== "object") {
      throw invalidInput([], "columns must be an object of parallel arrays", "列式数据应为由并行数组组成的对象");
    }
    const n = columns.length;
    if (!Number.isInteger(n) || n < 0) throw invalidInput(["length"], "length must be a non-negative integer", "length 应为非负整数");
    const fields = ["platform", "industry", "status", "endedAtMs", "workerRegistered", "workerInScope", "startedInProvince"] as const;
    for (const f of fields) {
      const col = columns[f] as ArrayLike<unknown> | undefined;
      if (col === null || typeof col !== "object" || typeof col.length !== "number" || col.length < n) {
        throw invalidInput([f], `column ${f} must be an array with at least ${n} entries`, `列 ${f} 应为至少 ${n} 项的数组`);
      }
    }
    if (!Array.isArray(columns.platforms)) throw invalidInput(["platforms"], "platforms must be an array of platform ids", "platforms 应为平台编号数组");
    // Every id is checked (and the platform bound) before any row; a new platform's slot is made at its first row.
    const ids = columns.platforms as unknown[];
    const slots: Array<PlatformSlot | null> = [];
    const fresh = new Set<string>();
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      const known = this.known(id);
      if (known === undefined) {
        const fail = (en: string, zh: string) => invalidInput(["platforms", j], `platforms[${j}]: ${en}`, `platforms[${j}]：${zh}`);
        this.checkNew(id, fresh.has(id as string) ? fresh.size : fresh.size + 1, fail);
        fresh.add(id);
      }
      slots.push(known ?? null);
    }
    const { platform, industry, status, endedAtMs: ended, workerRegistered, workerInScope, startedInProvince } = columns;
    const base = this.seen;
    const bad = (f: string, row: number, en: string, zh: string) =>
      invalidInput([f, row], `column ${f}, row ${row} (record ${base + row}): ${en}`, `列 ${f} 第 ${row} 行（第 ${base + row} 条记录）：${zh}`);
    const flag = (f: string, v: unknown, row: number): boolean => {
      if (v === 1 || v === true) return true;
      if (v === 0 || v === false) return false;
      throw bad(f, row, "expected 1/0 or true/false", "应为 1/0 或 true/false");
    };
    for (let j = 0; j < n; j++) {
      const p = platform[j] as number;
      let s = slots[p];
      if (s === undefined || !Number.isInteger(p)) throw bad("platform", j, "expected an index into platforms", "应为 platforms 的下标");
      const k = industry[j] as number;
      if (k !== 0 && k !== 1 && k !== 2) throw bad("industry", j, "expected 0, 1 or 2 (an index into INDUSTRIES)", "应为 0、1 或 2（INDUSTRIES 下标）");
      const st = status[j] as number;
      if (st !== 0 && st !== 1 && st !== 2 && st !== 3) throw bad("status", j, "expected 0–3 (an index into ORDER_STATUSES)", "应为 0–3（ORDER_STATUSES 下标）");
      const reg = flag("workerRegistered", workerRegistered[j], j);
      const scope = flag("workerInScope", workerInScope[j], j);
      const inProv = flag("startedInProvince", startedInProvince[j], j);
      const ms = ended[j] as number;
      let month = NO_MONTH;
      let day = 0;
      if (Number.isNaN(ms)) {
        if (st < 2) throw bad("endedAtMs", j, "a delivered or transferred order needs the time its execution ended", "已送达或中途转出的订单须有执行结束时间");
      } else {
        if (typeof ms !== "number" || !(ms >= MIN_MS && ms < MAX_MS)) throw bad("endedAtMs", j, "expected epoch milliseconds between 1900 and 2199, or NaN", "应为 1900–2199 年间的毫秒时间戳或 NaN");
        if (st === 3) throw bad("endedAtMs", j, "an order in progress has not ended", "执行中的订单尚无执行结束时间");
        day = Math.floor((ms + CST_MS) / MS_PER_DAY);
        month = this.monthOf(day);
      }
      if (s === null) s = slots[p] = this.known(ids[p]) ?? this.create(ids[p] as string);
      this.seen = base + j + 1;
      this.bump(s, k, month, classify(reg, scope, inProv, st < 2, day, this.startDay), 1);
    }
    return this;
  }

  /**
   * Adds another tally's counts (the same province). Associative and commutative. If the two together would hold more
   * than {@link MAX_TALLY_PLATFORMS} platforms, `INVALID_INPUT` before anything is merged.
   */
  merge(other: OrderTally): this {
    if (!(other instanceof OrderTally) || other.province !== this.province) {
      throw invalidInput(["province"], "only tallies of the same province can be merged", "只能合并同一省份的统计");
    }
    let fresh = 0;
    for (const id of other.slots.keys()) if (!this.slots.has(id)) fresh += 1;
    if (this.slots.size + fresh > MAX_TALLY_PLATFORMS) {
      throw invalidInput([], `the merged tally would have more than ${MAX_TALLY_PLATFORMS} distinct platforms`,
        `合并后的统计平台将超过 ${MAX_TALLY_PLATFORMS} 个`);
    }
    for (const [id, o] of other.slots) {
      const s = this.known(id) ?? this.create(id);
      for (const k of [0, 1, 2] as const) {
        for (const [month, cell] of o.cells[k]) {
          for (let c = 0; c < CELL_SIZE; c++) {
            const v = cell[c] as number;
            if (v !== 0) this.bump(s, k, month, c, v);
          }
        }
      }
    }
    this.seen += other.seen;
    return this;
  }

  /** A snapshot of the counts as plain data, in canonical order. */
  counts(): OrderCounts {
    const rows: OrderCountRow[] = [];
    const totals = new Float64Array(CELL_SIZE);
    const ids = [...this.slots.keys()].sort(compareCodePoints);
    for (const id of ids) {
      const s = this.slots.get(id) as PlatformSlot;
      for (const k of [0, 1, 2] as const) {
        const months = [...s.cells[k].keys()].sort((a, b) => (a === NO_MONTH ? 1 : b === NO_MONTH ? -1 : a - b));
        for (const m of months) {
          const cell = s.cells[k].get(m) as Float64Array;
          if (cell.every((v) => v === 0)) continue;
          for (let c = 0; c < CELL_SIZE; c++) totals[c] = (totals[c] as number) + (cell[c] as number);
          rows.push({
            platform: id,
            industry: INDUSTRIES[k],
            month: m === NO_MONTH ? null : formatYearMonth(fromMonthIndex(m)),
            counted: cell[COUNTED] as number,
            excluded: exclusionRecord(cell),
          });
        }
      }
    }
    return { province: this.province, records: this.seen, counted: totals[COUNTED] as number, excluded: exclusionRecord(totals), rows };
  }

  /** Closes the tally: its counts and the explanation (the rule, the totals, and why orders were left out). */
  finish(): Computation<OrderCounts> {
    return explainCounts(this.province, this.counts(), this.options);
  }
}

function exclusionRecord(cell: ArrayLike<number>): Record<OrderExclusion, number> {
  return {
    "worker-not-registered": cell[NOT_REGISTERED] as number,
    "worker-not-in-scope": cell[NOT_IN_SCOPE] as number,
    "started-outside-province": cell[OUTSIDE] as number,
    "not-ended": cell[NOT_ENDED] as number,
    "before-start": cell[BEFORE_START] as number,
  };
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const EXCLUSION_TEXT: Readonly<Record<OrderExclusion, { zh: string; en: string; item: number | null }>> = {
  "worker-not-registered": { zh: "接单人员未在平台注册", en: "the worker is not registered with the platform", item: 1 },
  "worker-not-in-scope": { zh: "接单人员不符合平台企业新就业形态人员参保范围", en: "the worker is outside the platform's insured scope", item: 1 },
  "started-outside-province": { zh: "实际接单并开始执行地点不在本省（区、市）行政区域内", en: "the order was not accepted and started in the province", item: 2 },
  "not-ended": { zh: "订单未实际执行结束（未送达、未中途转出）", en: "the order did not actually end (neither delivered nor transferred)", item: 3 },
  "before-start": { zh: "执行结束日期早于本省施行日期", en: "execution ended before the province's rules apply", item: null },
};

const rule10 = (item?: number) => cite("shanghai-rules", { article: 10, ...(item === undefined ? {} : { item }) });

function explainCounts(province: ProvinceId, counts: OrderCounts, options: ComputeOptions | undefined): Computation<OrderCounts> {
  const ctx = RuleContext.create(province, options);
  const rule = ctx.param("premium.orderCounting");
  const start = ctx.param("coverage.inForceFrom");
  ctx.explainer.add({
    rule: "premium.order-counting",
    title: { zh: "应缴费订单：每日24时前执行结束的订单计入当日", en: "orders that count: those whose execution ended by 24:00, for that day" },
    citations: [rule10()],
    inputs: { records: counts.records },
    parameters: [rule.used, start.used],
    result: { counted: counts.counted, excluded: { ...counts.excluded } },
    notes: [
      { zh: "日期按北京时间（UTC+08:00）计", en: "days are China Standard Time (UTC+08:00) days (REFERENCE C5)" },
      ...ORDER_EXCLUSIONS.filter((x) => counts.excluded[x] > 0).map((x) => ({
        zh: `${counts.excluded[x]} 单不计入：${EXCLUSION_TEXT[x].zh}`,
        en: `${counts.excluded[x]} not counted: ${EXCLUSION_TEXT[x].en}`,
      })),
    ],
  });
  const byMonth = new Map<string, number>();
  for (const r of counts.rows) if (r.month !== null) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.counted);
  ctx.explainer.add({
    rule: "premium.order-tally",
    title: { zh: "按平台企业、行业、月份汇总的应缴费订单", en: "counted orders by platform, industry and month" },
    inputs: { rows: counts.rows.length },
    result: Object.fromEntries([...byMonth].sort(([a], [b]) => compareCodePoints(a, b))),
    notes: [{ zh: "逐单判定，不保存逐单数据；分片统计可合并", en: "decided order by order, nothing kept per order; shard tallies merge" }],
  });
  return finish(ctx, counts);
}

/**
 * Counts an iterable of order records (a generator is fine: nothing is kept per order).
 *
 * @example
 * ```ts
 * const r = countOrders("qinghai", [
 *   { platform: "didi", industry: "ride-hailing", status: "delivered", endedAt: "2026-07-01T08:00:00+08:00",
 *     workerRegistered: true, workerInScope: true, startedInProvince: true },
 *   { platform: "didi", industry: "ride-hailing", status: "cancelled", endedAt: "2026-07-01T09:00:00+08:00",
 *     workerRegistered: true, workerInScope: true, startedInProvince: true },
 * ]);
 * r.value.counted;                // 1
 * r.value.excluded["not-ended"];  // 1
 * ```
 */
export function countOrders(province: ProvinceId, records: Iterable<OrderRecord>, options?: ComputeOptions): Computation<OrderCounts> {
  return new OrderTally(province, options).addAll(records).finish();
}

/**
 * Counts an async iterable of order records or of batches (arrays) of records, in constant memory.
 *
 * @example
 * ```ts
 * async function* feed() { yield [{ platform: "meituan", industry: "instant-delivery", status: "delivered",
 *   endedAt: 1785600000000, workerRegistered: true, workerInScope: true, startedInProvince: true }]; }
 * (await countOrdersAsync("zhejiang", feed())).value.counted; // 1
 * ```
 */
export async function countOrdersAsync(
  province: ProvinceId,
  records: AsyncIterable<OrderRecord | readonly OrderRecord[]> | Iterable<OrderRecord | readonly OrderRecord[]>,
  options?: ComputeOptions,
): Promise<Computation<OrderCounts>> {
  return (await new OrderTally(province, options).addAllAsync(records)).finish();
}

/**
 * Counts order batches in columnar form (one `OrderColumns` or an iterable of them).
 *
 * @example
 * ```ts
 * // two dada orders: one delivered on 2026-01-01 (China time), one still in progress
 * const c = countOrderColumns("guangxi", { length: 2, platforms: ["dada"], platform: new Uint8Array([0, 0]),
 *   industry: new Uint8Array([1, 1]), status: new Uint8Array([0, 3]), endedAtMs: new Float64Array([1767225600000, NaN]),
 *   workerRegistered: new Uint8Array([1, 1]), workerInScope: new Uint8Array([1, 1]), startedInProvince: new Uint8Array([1, 1]) });
 * c.value.counted;                   // 1
 * c.value.excluded["not-ended"];     // 1
 * c.value.rows[0]?.month;            // "2026-01"
 * ```
 */
export function countOrderColumns(
  province: ProvinceId,
  columns: OrderColumns | Iterable<OrderColumns>,
  options?: ComputeOptions,
): Computation<OrderCounts> {
  const t = new OrderTally(province, options);
  if (columns !== null && typeof columns === "object" && Symbol.iterator in columns && !("platforms" in columns)) {
    for (const c of columns as Iterable<OrderColumns>) t.addColumns(c);
  } else {
    t.addColumns(columns as OrderColumns);
  }
  return t.finish();
}

const countsRowSchema = z.strictObject({
  platform: z.string().regex(PLATFORM_RE),
  industry: z.enum(INDUSTRIES),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable(),
  counted: z.number().int().min(0),
  excluded: z.strictObject(Object.fromEntries(ORDER_EXCLUSIONS.map((x) => [x, z.number().int().min(0)])) as Record<OrderExclusion, z.ZodNumber>),
});
/** The schema of {@link OrderCounts} (for counts that come back from another process, e.g. a shard). */
export const orderCountsSchema = z.lazy(() => z.strictObject({
  province: provinceSchema,
  records: z.number().int().min(0),
  counted: z.number().int().min(0),
  excluded: countsRowSchema.shape.excluded,
  rows: z.array(countsRowSchema).max(1_000_000),
}));

/**
 * Parses {@link OrderCounts} from another process and checks that they add up, as a tally's counts always do: the
 * totals are the sums of the rows, and every record is counted or excluded once (`records` = `counted` + the
 * exclusions). Counts that do not add up are `INVALID_INPUT` at the total that differs — never silently recomputed.
 *
 * @internal Used by {@link mergeOrderCounts} and `computeMonthlyContributions`.
 */
export function parseOrderCounts(value: unknown, prefix: ErrorPath): OrderCounts {
  const c = parseInput(orderCountsSchema, value, prefix);
  const sums = new Array<number>(CELL_SIZE).fill(0);
  for (const r of c.rows) {
    sums[COUNTED] = (sums[COUNTED] as number) + r.counted;
    ORDER_EXCLUSIONS.forEach((x, j) => {
      sums[j + 1] = (sums[j + 1] as number) + r.excluded[x];
    });
  }
  const total = sums.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) {
    throw invalidInput([...prefix, "rows"], "the rows hold more than 2^53 − 1 records", "各行合计超过 2^53 − 1 条记录");
  }
  const differs = (field: string, given: number, sum: number) => invalidInput([...prefix, ...field.split(".")],
    `${field} is ${given} but the rows add up to ${sum}`, `${field} 为 ${given}，但各行合计为 ${sum}`);
  if (c.counted !== sums[COUNTED]) throw differs("counted", c.counted, sums[COUNTED] as number);
  ORDER_EXCLUSIONS.forEach((x, j) => {
    if (c.excluded[x] !== sums[j + 1]) throw differs(`excluded.${x}`, c.excluded[x], sums[j + 1] as number);
  });
  if (c.records !== total) {
    throw invalidInput([...prefix, "records"], `records is ${c.records} but the rows hold ${total} (each record is counted or excluded once)`,
      `records 为 ${c.records}，但各行合计为 ${total}（每条记录计入或排除一次）`);
  }
  return c;
}

/**
 * Merges tallies given as plain {@link OrderCounts} (e.g. from shards counted elsewhere), same province only.
 * Associative and commutative; the result is in canonical order.
 *
 * @example
 * ```ts
 * const a = countOrders("shanghai", []).value;
 * mergeOrderCounts(a, a).records; // 0
 * ```
 */
export function mergeOrderCounts(...parts: readonly OrderCounts[]): OrderCounts {
  if (parts.length === 0) throw invalidInput([], "nothing to merge", "没有可合并的统计");
  const valid = parts.map((p, k) => parseOrderCounts(p, [k]));
  const province = valid[0]?.province as ProvinceId;
  getRuleSet(province);
  const cells = new Map<string, { row: { platform: string; industry: Industry; month: string | null }; cell: Float64Array }>();
  let records = 0;
  valid.forEach((p, k) => {
    if (p.province !== province) throw invalidInput([k, "province"], "only counts of the same province can be merged", "只能合并同一省份的统计");
    records += p.records;
    for (const r of p.rows) {
      const key = `${r.platform}|${r.industry}|${r.month ?? ""}`;
      let e = cells.get(key);
      if (e === undefined) {
        e = { row: { platform: r.platform, industry: r.industry, month: r.month }, cell: new Float64Array(CELL_SIZE) };
        cells.set(key, e);
      }
      const c = e.cell;
      c[COUNTED] = (c[COUNTED] as number) + r.counted;
      ORDER_EXCLUSIONS.forEach((x, j) => {
        c[j + 1] = (c[j + 1] as number) + r.excluded[x];
      });
    }
  });
  const industryOrder = (i: Industry) => INDUSTRIES.indexOf(i);
  const entries = [...cells.values()].sort((a, b) =>
    compareCodePoints(a.row.platform, b.row.platform) ||
    industryOrder(a.row.industry) - industryOrder(b.row.industry) ||
    (a.row.month === b.row.month ? 0 : a.row.month === null ? 1 : b.row.month === null ? -1 : compareCodePoints(a.row.month, b.row.month)),
  );
  const totals = new Float64Array(CELL_SIZE);
  const rows: OrderCountRow[] = [];
  for (const { row, cell } of entries) {
    if (cell.every((v) => v === 0)) continue;
    for (let c = 0; c < CELL_SIZE; c++) totals[c] = (totals[c] as number) + (cell[c] as number);
    rows.push(Object.assign({}, row, { counted: cell[COUNTED] as number, excluded: exclusionRecord(cell) })); // not a spread: slow in V8
  }
  return { province, records, counted: totals[COUNTED] as number, excluded: exclusionRecord(totals), rows };
}

/**
 * Decides one order, explaining each condition of 规程第十条 and the day it counts for.
 *
 * @example
 * ```ts
 * const d = decideOrder("shanghai", { platform: "eleme", industry: "instant-delivery", status: "transferred",
 *   endedAt: "2026-05-31T23:30:00+08:00", workerRegistered: true, workerInScope: true, startedInProvince: false });
 * d.value.counts;    // false
 * d.value.exclusion; // "started-outside-province"
 * ```
 */
export function decideOrder(province: ProvinceId, order: OrderRecord, options?: ComputeOptions): Computation<OrderDecision> {
  try {
    new OrderTally(province, options).add(order); // validates exactly as the stream does
  } catch (e) {
    // the stream's path is [index, field]; a single order's is [field]
    if (e instanceof ZhishangError && e.path[0] === 0) {
      if (e.path.length === 1) throw invalidInput([], "the order must be an object", "订单应为对象");
      throw new ZhishangError(e.code, {
        zh: e.messageZh.replace(/^第 0 条订单记录，/, ""),
        en: e.messageEn.replace(/^order record 0, /, ""),
      }, e.path.slice(1));
    }
    throw e;
  }
  const ctx = RuleContext.create(province, options);
  const rule = ctx.param("premium.orderCounting");
  const start = ctx.param("coverage.inForceFrom");
  const st = statusCode(order.status);
  let day: number | null = null;
  let chinaTime: string | null = null;
  if (order.endedAt !== undefined && order.endedAt !== null) {
    const ms = endedAtMs(order.endedAt, 0); // checked above: cannot throw
    day = Math.floor((ms + CST_MS) / MS_PER_DAY);
    chinaTime = formatChinaTime({ epochMs: ms, text: String(order.endedAt) });
  }
  const startDay = dayNumberOf(start.value);
  const code = classify(order.workerRegistered, order.workerInScope, order.startedInProvince, st < 2, day ?? 0, startDay);
  const exclusion = code === COUNTED ? null : (ORDER_EXCLUSIONS[code - 1] as OrderExclusion);
  const dayText = day === null ? null : formatIsoDate(fromDayNumber(day));
  ctx.explainer.add({
    rule: "premium.order.worker",
    title: { zh: "（一）接单人员已在平台注册且符合参保范围", en: "(1) the worker is registered and within the insured scope" },
    citations: [rule10(1)],
    inputs: { workerRegistered: order.workerRegistered, workerInScope: order.workerInScope },
    parameters: [rule.used],
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
    result: st < 2,
  });
  ctx.explainer.add({
    rule: "premium.order.day",
    title: { zh: "每日24时前执行结束的订单计入当日（北京时间）", en: "an order counts for the day its execution ended by 24:00 (China time)" },
    citations: [rule10()],
    inputs: { endedAt: order.endedAt === undefined || order.endedAt === null ? null : order.endedAt },
    parameters: [start.used],
    result: { day: dayText, endedAtChinaTime: chinaTime, onOrAfterStart: day === null ? null : day >= startDay },
    notes: [{ zh: "时间换算为北京时间（UTC+08:00）后取日期", en: "the time is converted to China Standard Time (UTC+08:00) and its date taken (REFERENCE C5)" }],
  });
  const why = exclusion === null ? null : EXCLUSION_TEXT[exclusion];
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
