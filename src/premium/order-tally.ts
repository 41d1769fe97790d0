/**
 * The streaming tally of counted orders per platform, industry and month, and the functions that count a whole
 * iterable, async iterable or batch of columns.
 *
 * The tally keeps no per-order state: one small counter cell per platform × industry × month, so its memory does
 * not grow with the number of orders. Tallies of shards merge associatively and commutatively
 * ({@link OrderTally.merge}, `mergeOrderCounts`). The hot path validates each record by hand (no zod; the checks
 * of `checkRecord`, inline) and reports a bad record as `INVALID_INPUT` with the record's index and the field in
 * `path`. Each order is decided under the version of its China-time day through a month lookup (the run of days
 * of the last order's month with one version and one in-force state), so the loop reads no rule set and
 * allocates nothing.
 */
import { fromDayNumber } from "../core/dates.js";
import { chinaDayStartMs } from "../core/datetime.js";
import { invalidInput, ZhishangError } from "../core/errors.js";
import type { ComputeOptions, UsedParameter } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { finish, RuleContext, type Computation, type ProvinceId, type RuleSet, type RuleSetInput } from "../provinces/index.js";
import { formatYearMonth, fromMonthIndex, monthDayRange, monthIndex } from "../core/months.js";
import { compareCodePoints, exclusionRecord, type OrderCountRow, type OrderCounts } from "./order-counts.js";
import {
  badField,
  chinaDayOf,
  endedAtMs,
  isPlatformId,
  MAX_MS,
  MIN_MS,
  notAnObject,
  PLATFORM_ID_EXPECTED,
  industryCode,
  recordError,
  statusCode,
  type OrderColumns,
  type OrderRecord,
} from "./order-record.js";
import {
  CELL_SIZE,
  classify,
  COUNTED,
  CountingRule,
  exclusionText,
  ORDER_COUNTING_TEXT,
  ORDER_EXCLUSIONS,
  rule10,
} from "./order-rule.js";
import { INDUSTRIES } from "./rates.js";

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

const NO_MONTH = -1;
/** Platform ids kept in the identity cache in front of the Map. */
const RECENT_IDS = 16;

/** Per-platform state: for each industry, its month cells and a one-entry cache of the last month used. */
interface PlatformSlot {
  readonly id: string;
  readonly cells: [Map<number, Float64Array>, Map<number, Float64Array>, Map<number, Float64Array>];
  readonly lastMonth: [number, number, number];
  readonly lastCell: [Float64Array | null, Float64Array | null, Float64Array | null];
}

/**
 * A streaming tally of orders for one province's rules (a province id, a rule set or its versions). Feed it
 * records ({@link add}, {@link addAll}, {@link addAllAsync}) or columns ({@link addColumns}); merge shards with
 * {@link merge}; read the counts with {@link counts} or close it with {@link finish} for a {@link Computation}
 * with its explanation. Each order is decided under the version in force on its China-time day.
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
  /** The province of the rule set (of its versions). */
  readonly province: ProvinceId;
  private readonly rule: CountingRule;
  private seen = 0;
  private readonly slots = new Map<string, PlatformSlot>();
  private lastId: string | undefined = undefined;
  private lastSlot: PlatformSlot | undefined = undefined;
  private readonly recentIds: string[] = [];
  private readonly recentSlots: PlatformSlot[] = [];
  private recentNext = 0;
  // The month lookup: the month of the last day seen ([mA, mB) in day numbers, its index) and the run of its days
  // around that day with one version and one in-force state ([mStart, mEnd), whether rules are in force on them).
  // Usually the run is the whole month; a month in which a version starts or ends, or the rules start, has several.
  private mA = 1;
  private mB = 0;
  private mIdx = 0;
  private mStart = 1;
  private mEnd = 0;
  private mLive = false;
  /** Per version: 1 once an order dated in its period was decided under it. */
  private readonly used: Uint8Array;
  // the scratch cells of the fast columnar loop, per (platform, industry) of a batch: dated in the run held, and
  // without an end time; the cells touched in the run, marked by a generation number
  private scratch = new Float64Array(0);
  private scratchNone = new Float64Array(0);
  private touched = new Int32Array(0);
  private mark = new Int32Array(0);

  constructor(rules: RuleSetInput, options?: ComputeOptions) {
    this.rule = new CountingRule(rules, options);
    this.province = this.rule.province;
    this.used = new Uint8Array(this.rule.versions.length);
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
    if (!isPlatformId(id)) throw fail(...PLATFORM_ID_EXPECTED);
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

  /**
   * The month index of a day number, through the month lookup (then {@link mLive} says whether rules are in force
   * on the day). Outside the run of days it holds, the run of `day` is read from the rule (and its month, when that
   * changed too), and the version it is decided under is recorded as used.
   */
  private monthOf(day: number): number {
    return day >= this.mStart && day < this.mEnd ? this.mIdx : this.newRun(day);
  }

  /** {@link monthOf} outside the run held: reads the run of `day` (kept apart so the check above stays small). */
  private newRun(day: number): number {
    if (!(day >= this.mA && day < this.mB)) {
      const d = fromDayNumber(day);
      const [a, b] = monthDayRange({ year: d.year, month: d.month });
      this.mA = a;
      this.mB = b;
      this.mIdx = monthIndex(d);
    }
    const rule = this.rule;
    this.mStart = rule.segmentStart(day, this.mA);
    this.mEnd = rule.segmentEnd(day, this.mB);
    this.mLive = rule.inForce(day);
    this.used[rule.versionOf(day)] = 1;
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

  /**
   * Adds one order. A malformed record is `INVALID_INPUT` at `[index, field]` and leaves the tally as it was:
   * `index` is the record's position as the caller numbers it (e.g. its line in a file, since records refused
   * before it are not in the tally); by default, the number of records accepted so far.
   */
  add(record: OrderRecord, index: number = this.seen): this {
    if (record === null || typeof record !== "object") throw notAnObject(index);
    const id = record.platform;
    let s = this.known(id);
    if (s === undefined) this.checkNew(id, 1, (en, zh) => badField(index, "platform", en, zh));
    // checkRecord's checks, inline (see there): a bad field is recordError, in its order, with its message
    const k = industryCode(record.industry);
    const st = statusCode(record.status);
    const reg = record.workerRegistered;
    const scope = record.workerInScope;
    const inProv = record.startedInProvince;
    if (k < 0 || st < 0 || typeof reg !== "boolean" || typeof scope !== "boolean" || typeof inProv !== "boolean") throw recordError(record, index);
    const e = record.endedAt;
    let month = NO_MONTH;
    let live = true;
    if (e === undefined || e === null) {
      if (st < 2) throw recordError(record, index);
    } else {
      if (st === 3) throw recordError(record, index);
      month = this.monthOf(chinaDayOf(endedAtMs(e, index)));
      live = this.mLive;
    }
    s ??= this.create(id as string);
    this.seen += 1;
    this.bump(s, k as 0 | 1 | 2, month, classify(reg, scope, inProv, st < 2, live), 1);
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
    // typed arrays of unsigned integers (and Float64Array end times): the fast loop, up to the first row it does
    // not take (a bad value), from which the checked loop below goes on (and reports it)
    const start = isUnsigned(platform) && isUnsigned(industry) && isUnsigned(status) && ended instanceof Float64Array && isUnsigned(workerRegistered)
      && isUnsigned(workerInScope) && isUnsigned(startedInProvince)
      ? this.fastColumns(n, slots, ids, platform, industry, status, ended, workerRegistered, workerInScope, startedInProvince)
      : 0;
    const base = this.seen - start;
    const bad = (f: string, row: number, en: string, zh: string) =>
      invalidInput([f, row], `column ${f}, row ${row} (record ${base + row}): ${en}`, `列 ${f} 第 ${row} 行（第 ${base + row} 条记录）：${zh}`);
    const flag = (f: string, v: unknown, row: number): boolean => {
      if (v === 1 || v === true) return true;
      if (v === 0 || v === false) return false;
      throw bad(f, row, "expected 1/0 or true/false", "应为 1/0 或 true/false");
    };
    for (let j = start; j < n; j++) {
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
      let live = true;
      if (Number.isNaN(ms)) {
        if (st < 2) throw bad("endedAtMs", j, "a delivered or transferred order needs the time its execution ended", "已送达或中途转出的订单须有执行结束时间");
      } else {
        if (typeof ms !== "number" || !(ms >= MIN_MS && ms < MAX_MS)) throw bad("endedAtMs", j, "expected epoch milliseconds between 1900 and 2199, or NaN", "应为 1900–2199 年间的毫秒时间戳或 NaN");
        if (st === 3) throw bad("endedAtMs", j, "an order in progress has not ended", "执行中的订单尚无执行结束时间");
        month = this.monthOf(chinaDayOf(ms));
        live = this.mLive;
      }
      if (s === null) s = slots[p] = this.known(ids[p]) ?? this.create(ids[p] as string);
      this.seen = base + j + 1;
      this.bump(s, k, month, classify(reg, scope, inProv, st < 2, live), 1);
    }
    return this;
  }

  /**
   * The fast loop of {@link addColumns} over typed arrays: each order is classified in place and counted into a
   * scratch cell per (platform, industry) for the run of days held by the month lookup; the scratch cells touched
   * are added to the tally's cells when the run changes and at the end. Nothing is allocated per order. Stops at
   * the first row with a value it does not take (the checked loop then reports it) and returns its index; the rows
   * before it are counted (and in {@link records}).
   */
  private fastColumns(
    n: number, slots: Array<PlatformSlot | null>, ids: readonly unknown[],
    P: Uint8Array | Uint16Array | Uint32Array, K: Uint8Array | Uint16Array | Uint32Array, S: Uint8Array | Uint16Array | Uint32Array,
    E: Float64Array, R: Uint8Array | Uint16Array | Uint32Array, I: Uint8Array | Uint16Array | Uint32Array, O: Uint8Array | Uint16Array | Uint32Array,
  ): number {
    const np = ids.length;
    const cells = np * 3;
    if (this.scratch.length < cells * CELL_SIZE) {
      this.scratch = new Float64Array(cells * CELL_SIZE);
      this.scratchNone = new Float64Array(cells * CELL_SIZE);
      this.touched = new Int32Array(cells);
      this.mark = new Int32Array(cells);
    }
    const codes = CODES;
    const acc = this.scratch;
    const none = this.scratchNone;
    const touched = this.touched;
    const mark = this.mark;
    mark.fill(0, 0, cells);
    let gen = 1;
    let nt = 0;
    let lo = chinaDayStartMs(this.mStart);
    let hi = chinaDayStartMs(this.mEnd);
    let liveAt = this.mLive ? 16 : 0;
    let month = this.mIdx;
    let anyNone = false;
    let j = 0;
    for (; j < n; j++) {
      const p = P[j] as number;
      const k = K[j] as number;
      const st = S[j] as number;
      const reg = R[j] as number;
      const sc = I[j] as number;
      const ip = O[j] as number;
      if (p >= np || k > 2 || st > 3 || (reg | sc | ip) > 1) break;
      const pk = p * 3 + k;
      const ms = E[j] as number;
      if (ms >= lo && ms < hi) {
        if (st === 3) break;
        if (mark[pk] !== gen) {
          mark[pk] = gen;
          touched[nt++] = pk;
        }
        const c = pk * CELL_SIZE + (codes[(reg | (sc << 1) | (ip << 2) | ((st >> 1) << 3)) + liveAt] as number);
        acc[c] = (acc[c] as number) + 1;
      } else if (ms !== ms) {
        if (st < 2) break;
        const c = pk * CELL_SIZE + (codes[reg | (sc << 1) | (ip << 2) | 8] as number);
        none[c] = (none[c] as number) + 1;
        anyNone = true;
      } else if (ms >= MIN_MS && ms < MAX_MS) {
        // another run of days: the cells of this one are added, the run of this row read, the row taken again
        this.flushTouched(slots, ids, nt, month);
        nt = 0;
        gen += 1;
        month = this.monthOf(chinaDayOf(ms));
        liveAt = this.mLive ? 16 : 0;
        lo = chinaDayStartMs(this.mStart);
        hi = chinaDayStartMs(this.mEnd);
        j -= 1;
      } else {
        break;
      }
    }
    this.flushTouched(slots, ids, nt, month);
    if (anyNone) {
      for (let pk = 0; pk < cells; pk++) {
        const p = (pk / 3) | 0;
        const at = pk * CELL_SIZE;
        let any = 0;
        for (let c = 0; c < CELL_SIZE; c++) any += none[at + c] as number;
        if (any > 0) this.addCell(this.slotOf(slots, ids, p), (pk - p * 3) as 0 | 1 | 2, NO_MONTH, none, at);
      }
    }
    this.seen += j;
    return j;
  }

  /** Adds the scratch cells of the first `nt` (platform, industry) pairs touched in a run to the tally's cells of `month`. */
  private flushTouched(slots: Array<PlatformSlot | null>, ids: readonly unknown[], nt: number, month: number): void {
    for (let t = 0; t < nt; t++) {
      const pk = this.touched[t] as number;
      const p = (pk / 3) | 0;
      this.addCell(this.slotOf(slots, ids, p), (pk - p * 3) as 0 | 1 | 2, month, this.scratch, pk * CELL_SIZE);
    }
  }

  /** The slot of the platform at index `p` of a batch's `platforms`, made at its first counted row. */
  private slotOf(slots: Array<PlatformSlot | null>, ids: readonly unknown[], p: number): PlatformSlot {
    let s = slots[p] ?? null;
    if (s === null) s = slots[p] = this.known(ids[p]) ?? this.create(ids[p] as string);
    return s;
  }

  /** Adds a scratch cell (`from[at…at+CELL_SIZE)`) to a slot's cell of a month, and zeroes it. */
  private addCell(s: PlatformSlot, k: 0 | 1 | 2, month: number, from: Float64Array, at: number): void {
    for (let c = 0; c < CELL_SIZE; c++) {
      const v = from[at + c] as number;
      if (v !== 0) {
        this.bump(s, k, month, c, v);
        from[at + c] = 0;
      }
    }
  }

  /**
   * Adds another tally's counts (the same province). Associative and commutative. If the two together would hold more
   * than {@link MAX_TALLY_PLATFORMS} platforms, `INVALID_INPUT` before anything is merged.
   */
  merge(other: OrderTally): this {
    const theirs = other instanceof OrderTally ? other.province : null;
    if (theirs !== this.province) {
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
    // the versions the other tally's orders were decided under, where this tally has them too (by id)
    other.rule.versions.forEach((v, k) => {
      const mine = this.rule.versions.findIndex((w) => w.id === v.id);
      if (other.used[k] === 1 && mine >= 0) this.used[mine] = 1;
    });
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

  /**
   * Closes the tally: its counts and the explanation (the version, the rule, the totals, and why orders were left
   * out).
   */
  finish(): Computation<OrderCounts> {
    const used: number[] = [];
    this.used.forEach((u, k) => {
      if (u === 1) used.push(k);
    });
    return explainCounts(this.rule, this.counts(), used);
  }
}

/**
 * {@link classify} as a table for the fast columnar loop: at `registered | inScope << 1 | inProvince << 2 |
 * notEnded << 3`, plus 16 when rules are in force on the day (flags 1/0).
 */
const CODES = (() => {
  const t = new Uint8Array(32);
  for (let i = 0; i < 32; i++) t[i] = classify((i & 1) === 1, (i & 2) === 2, (i & 4) === 4, (i & 8) === 0, (i & 16) === 16);
  return t;
})();

/** Whether a column is a typed array of unsigned integers (its values are integers ≥ 0: the fast columnar loop). */
function isUnsigned(col: ArrayLike<unknown>): col is Uint8Array | Uint16Array | Uint32Array {
  return col instanceof Uint8Array || col instanceof Uint16Array || col instanceof Uint32Array;
}

/** Why the explanation of a tally names the version it names. */
function tallyVersionNote(rule: CountingRule, used: readonly number[]): Bilingual {
  if (rule.versions.length === 1) {
    return { zh: `${rule.province} 只有这一个版本，每单均按其判定`, en: `${rule.province} has this one version: every order is decided under it` };
  }
  if (used.length === 0) {
    return { zh: "无带执行结束时间的订单：列明最新版本", en: "no order carries an end time: the newest version is stated" };
  }
  const ids = used.map((k) => (rule.versions[k] as RuleSet).id);
  return {
    zh: `每单按其执行结束日（北京时间）所属的版本判定；所用版本：${ids.join("、")}`,
    en: `each order is decided under the version of its China-time day; versions used: ${ids.join(", ")}`,
  };
}

/**
 * The explanation of a tally: the version (the newest an order was decided under), the counting rule with the
 * parameters of every version used, and the counted orders by month.
 */
function explainCounts(rule: CountingRule, counts: OrderCounts, used: readonly number[]): Computation<OrderCounts> {
  const ctx = new RuleContext(rule.versions, rule.options);
  const chosen = used.length > 0 ? (used[used.length - 1] as number) : rule.versions.length - 1;
  ctx.useVersion(rule.versions[chosen] as RuleSet, tallyVersionNote(rule, used));
  const counting = ctx.param("premium.orderCounting");
  const start = ctx.param("coverage.inForceFrom");
  const parameters: UsedParameter[] = [];
  for (const k of used.length > 1 ? used : [chosen]) {
    if (k === chosen) parameters.push(counting.used, start.used);
    else parameters.push((rule.parts[k] as (typeof rule.parts)[number]).counting.used, (rule.parts[k] as (typeof rule.parts)[number]).start.used);
  }
  const texts = ORDER_COUNTING_TEXT[counting.value];
  ctx.explainer.add({
    rule: "premium.order-counting",
    title: texts.title,
    citations: [rule10()],
    inputs: { records: counts.records },
    parameters,
    result: { counted: counts.counted, excluded: { ...counts.excluded } },
    notes: [
      texts.days,
      ...ORDER_EXCLUSIONS.filter((x) => counts.excluded[x] > 0).map((x) => ({
        zh: `${counts.excluded[x]} 单不计入：${exclusionText(rule, x).zh}`,
        en: `${counts.excluded[x]} not counted: ${exclusionText(rule, x).en}`,
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
export function countOrders(rules: RuleSetInput, records: Iterable<OrderRecord>, options?: ComputeOptions): Computation<OrderCounts> {
  return new OrderTally(rules, options).addAll(records).finish();
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
  rules: RuleSetInput,
  records: AsyncIterable<OrderRecord | readonly OrderRecord[]> | Iterable<OrderRecord | readonly OrderRecord[]>,
  options?: ComputeOptions,
): Promise<Computation<OrderCounts>> {
  return (await new OrderTally(rules, options).addAllAsync(records)).finish();
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
  rules: RuleSetInput,
  columns: OrderColumns | Iterable<OrderColumns>,
  options?: ComputeOptions,
): Computation<OrderCounts> {
  const t = new OrderTally(rules, options);
  if (columns !== null && typeof columns === "object" && Symbol.iterator in columns && !("platforms" in columns)) {
    for (const c of columns as Iterable<OrderColumns>) t.addColumns(c);
  } else {
    t.addColumns(columns as OrderColumns);
  }
  return t.finish();
}
