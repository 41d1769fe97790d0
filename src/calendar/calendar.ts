/**
 * China's working-day calendar (docs/sources.md#B1). A day is a **rest day** when it is an official day off (放假) or a
 * Saturday or Sunday that the schedule does not make a working day (调休上班); every other day is a **working
 * day**. The calendar knows only the years loaded — the bundled 2024–2026 schedules plus any the caller adds —
 * and refuses every other date with `CALENDAR_NOT_COVERED`: it never falls back to plain weekdays.
 *
 * The calendar is immutable: {@link loadCalendar} returns a new one; nothing is registered globally.
 */
import type { DocumentId } from "../core/citation.js";
import { dayOfWeek, formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, weekdayOfDayNumber } from "../core/dates.js";
import { invalidInput, ZhishangError, type ErrorPath } from "../core/errors.js";
import type { CalendarYearInput } from "../core/explain.js";
import { OFFICIAL_HOLIDAY_YEARS, type CalendarSource, type HolidayYear } from "./data.js";

/** What kind of day a date is. */
export type DayKind =
  /** An ordinary Monday–Friday. */
  | "weekday"
  /** A Saturday or Sunday made a working day by the schedule (调休上班). */
  | "adjusted-working-day"
  /** An official day off (放假 / 放假调休), whatever the day of the week. */
  | "official-day-off"
  /** A Saturday or Sunday that is not a working day. */
  | "weekend";

/** @internal A loaded year: its days as day numbers, and where it comes from. */
export interface LoadedYear {
  readonly year: number;
  readonly off: ReadonlySet<number>;
  readonly work: ReadonlySet<number>;
  readonly source: CalendarSource;
  /** The citable document for a bundled year. */
  readonly document: DocumentId | null;
  /** The input as given, for comparing a caller's year with a bundled one. */
  readonly canonical: string;
}

/** A year's provenance as it appears in explanations. */
export interface CalendarYearSource {
  readonly year: number;
  readonly notice: string;
  readonly title: string;
  readonly issued: string | null;
  readonly bundled: boolean;
  readonly document: DocumentId | null;
}

const BUNDLED_DOCUMENTS: Readonly<Record<number, DocumentId>> = {
  2024: "holiday-notice-2024",
  2025: "holiday-notice-2025",
  2026: "holiday-notice-2026",
};

/**
 * A working-day calendar: the loaded years and their sources. Build one with {@link loadCalendar} (or use
 * {@link BUNDLED_CALENDAR}); query it with {@link isWorkingDay}, {@link nextWorkingDay}, {@link addWorkingDays},
 * {@link countWorkingDays} or the methods below.
 *
 * @example
 * ```ts
 * const cal = loadCalendar([{ year: 2027, off: [["2027-01-01", "2027-01-01"]], work: [] }]);
 * cal instanceof WorkingDayCalendar; // true
 * cal.years(); // [2024, 2025, 2026, 2027]
 * ```
 */
export class WorkingDayCalendar {
  private readonly byYear: ReadonlyMap<number, LoadedYear>;

  private constructor(years: ReadonlyMap<number, LoadedYear>) {
    this.byYear = years;
    Object.freeze(this);
  }

  /** @internal */
  static fromLoaded(years: readonly LoadedYear[]): WorkingDayCalendar {
    const map = new Map<number, LoadedYear>();
    for (const y of [...years].sort((a, b) => a.year - b.year)) map.set(y.year, y);
    return new WorkingDayCalendar(map);
  }

  /**
   * The loaded years, ascending.
   *
   * @example BUNDLED_CALENDAR.years(); // [2024, 2025, 2026]
   */
  years(): number[] {
    return [...this.byYear.keys()];
  }

  /**
   * Whether the calendar knows the year of `date` (`YYYY-MM-DD`).
   *
   * @example BUNDLED_CALENDAR.covers("2027-01-01"); // false
   */
  covers(date: string): boolean {
    return this.byYear.has(parseIsoDate(date, ["date"]).year);
  }

  /**
   * The source of each loaded year.
   *
   * @example BUNDLED_CALENDAR.sources()[2].notice; // "国办发明电〔2025〕7号"
   */
  sources(): CalendarYearSource[] {
    return [...this.byYear.values()].map(describeSource);
  }

  /**
   * The source of the years from `fromDay` to `toDay` (day numbers), for explanations.
   *
   * @example BUNDLED_CALENDAR.sourcesBetween(20453, 20454).map((s) => s.year).join(); // "2025,2026"
   */
  sourcesBetween(fromDay: number, toDay: number): CalendarYearSource[] {
    if (!Number.isSafeInteger(fromDay) || !Number.isSafeInteger(toDay)) {
      throw invalidInput([], "day numbers are integers (days since 1970-01-01)", "日序号应为整数（自 1970-01-01 起的天数）");
    }
    const a = fromDayNumber(Math.min(fromDay, toDay)).year;
    const b = fromDayNumber(Math.max(fromDay, toDay)).year;
    const out: CalendarYearSource[] = [];
    for (let y = a; y <= b; y++) {
      const loaded = this.byYear.get(y);
      if (loaded !== undefined) out.push(describeSource(loaded));
    }
    return out;
  }

  /**
   * The kind of the day with day number `day`. A day outside the loaded years is `CALENDAR_NOT_COVERED` at `path`.
   *
   * @example BUNDLED_CALENDAR.kindOfDay(20453); // "weekday" (2025-12-31)
   */
  kindOfDay(day: number, path: ErrorPath = []): DayKind {
    if (!Number.isSafeInteger(day)) {
      throw invalidInput(path, "a day number is an integer (days since 1970-01-01)", "日序号应为整数（自 1970-01-01 起的天数）");
    }
    const date = fromDayNumber(day);
    const loaded = this.byYear.get(date.year);
    if (loaded === undefined) throw notCovered(formatIsoDate(date), this.years(), path);
    if (loaded.off.has(day)) return "official-day-off";
    if (loaded.work.has(day)) return "adjusted-working-day";
    const dow = weekdayOfDayNumber(day);
    return dow === 0 || dow === 6 ? "weekend" : "weekday";
  }

  /**
   * Whether the day with day number `day` is a working day (`CALENDAR_NOT_COVERED` outside the loaded years).
   *
   * @example BUNDLED_CALENDAR.isWorkingDayNumber(20454); // false (2026-01-01)
   */
  isWorkingDayNumber(day: number, path: ErrorPath = []): boolean {
    const k = this.kindOfDay(day, path);
    return k === "weekday" || k === "adjusted-working-day";
  }
}

function describeSource(y: LoadedYear): CalendarYearSource {
  return {
    year: y.year,
    notice: y.source.notice,
    title: y.source.title,
    issued: y.source.issued,
    bundled: y.document !== null,
    document: y.document,
  };
}

/**
 * The `CALENDAR_NOT_COVERED` error for `date`, naming the years loaded.
 *
 * @example notCovered("2027-01-04", [2024, 2025, 2026], ["date"]).code; // "CALENDAR_NOT_COVERED"
 */
export function notCovered(date: string, years: readonly number[], path: ErrorPath = []): ZhishangError {
  const loaded = years.length === 0 ? "none" : years.join(", ");
  return new ZhishangError(
    "CALENDAR_NOT_COVERED",
    {
      en: `${date} lies outside the holiday calendars loaded (years: ${loaded}); add that year's official schedule in "calendars" — zhishang never falls back to plain weekends`,
      zh: `${date} 不在已载入的节假日安排年度内（已载入：${loaded}）；请通过 calendars 提供该年度的官方放假调休安排——本库不以普通周末代替`,
    },
    path,
  );
}

/**
 * Validates one year's schedule and turns it into day sets. Every failure is `INVALID_INPUT` at `path`:
 * dates must be valid and inside `year`; ranges must run forwards and must not overlap; adjusted working days
 * must be Saturdays or Sundays, must not repeat and must not be days off.
 */
function loadYear(input: CalendarYearInput, source: CalendarSource, document: DocumentId | null, path: ErrorPath): LoadedYear {
  const { year } = input;
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw invalidInput([...path, "year"], "year must be an integer from 1900 to 2199", "年份应为1900至2199之间的整数");
  }
  if (!Array.isArray(input.off) || !Array.isArray(input.work)) {
    throw invalidInput(path, "a calendar year needs \"off\" (ranges) and \"work\" (dates)", "节假日年度需包含 off（区间）与 work（日期）");
  }
  const inYear = (value: unknown, p: ErrorPath): number => {
    const d = parseIsoDate(value, p);
    if (d.year !== year) {
      throw invalidInput(p, `${String(value)} is not in ${year}; enter each date under its own year`,
        `${String(value)} 不在 ${year} 年内，请按日期所在年度分别填写`);
    }
    return toDayNumber(d);
  };
  const ranges: Array<{ a: number; b: number; k: number }> = [];
  input.off.forEach((range, k) => {
    if (!Array.isArray(range) || range.length !== 2) {
      throw invalidInput([...path, "off", k], "a range is [first, last]", "区间格式应为 [首日, 末日]");
    }
    const a = inYear(range[0], [...path, "off", k, 0]);
    const b = inYear(range[1], [...path, "off", k, 1]);
    if (b < a) throw invalidInput([...path, "off", k], "the range ends before it starts", "区间末日早于首日");
    ranges.push({ a, b, k });
  });
  const sorted = [...ranges].sort((x, y) => x.a - y.a);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as { a: number; b: number; k: number };
    const cur = sorted[i] as { a: number; b: number; k: number };
    if (cur.a <= prev.b) {
      throw invalidInput([...path, "off", cur.k], `the range overlaps off[${prev.k}]`, `该区间与 off[${prev.k}] 重叠`);
    }
  }
  const off = new Set<number>();
  for (const r of ranges) for (let d = r.a; d <= r.b; d++) off.add(d);
  const work = new Set<number>();
  input.work.forEach((value, k) => {
    const p = [...path, "work", k];
    const d = inYear(value, p);
    const dow = dayOfWeek(fromDayNumber(d));
    if (dow !== 0 && dow !== 6) {
      throw invalidInput(p, `${String(value)} is a weekday; adjusted working days (调休上班) are Saturdays or Sundays`,
        `${String(value)} 为工作日，调休上班日只能是周六或周日`);
    }
    if (off.has(d)) throw invalidInput(p, `${String(value)} is also listed as a day off`, `${String(value)} 同时被列为放假日`);
    if (work.has(d)) throw invalidInput(p, `${String(value)} is listed twice`, `${String(value)} 重复列出`);
    work.add(d);
  });
  const canonical = JSON.stringify({
    off: sorted.map((r) => [r.a, r.b]),
    work: [...work].sort((x, y) => x - y),
  });
  return Object.freeze({ year, off, work, source: Object.freeze({ ...source }), document, canonical });
}

/** The bundled years, validated and loaded once (the module used to load them twice). */
let bundledYears: readonly LoadedYear[] | undefined;
function loadBundledYears(): readonly LoadedYear[] {
  return (bundledYears ??= OFFICIAL_HOLIDAY_YEARS.map(bundledYear));
}

function bundledYear(y: HolidayYear, index: number): LoadedYear {
  return loadYear({ year: y.year, off: y.off, work: y.work }, y.source, BUNDLED_DOCUMENTS[y.year] ?? null, ["OFFICIAL_HOLIDAY_YEARS", index]);
}

/**
 * The bundled 2024–2026 calendar (docs/sources.md#B1), validated when the module loads; the default calendar of
 * every date function.
 *
 * @example
 * ```ts
 * BUNDLED_CALENDAR.years(); // [2024, 2025, 2026]
 * BUNDLED_CALENDAR.covers("2027-01-01"); // false
 * ```
 */
export const BUNDLED_CALENDAR: WorkingDayCalendar = WorkingDayCalendar.fromLoaded(loadBundledYears());

/** The bundled years, loaded once (frozen; the same objects as in {@link BUNDLED_CALENDAR}): a caller's calendar is built on them. */
const BUNDLED_YEARS: ReadonlyMap<number, LoadedYear> = new Map(loadBundledYears().map((y) => [y.year, y] as const));

/**
 * A calendar of the bundled years plus `extra` years from the caller (the scenario `calendars` field). Each extra
 * year is validated (`INVALID_INPUT` at `calendars.<i>…`); a year given twice is refused, and so is a year that
 * differs from the bundled schedule of the same year (an identical copy is accepted).
 *
 * @example
 * ```ts
 * const cal = loadCalendar([{ year: 2027, off: [["2027-01-01", "2027-01-01"]], work: [] }]);
 * isWorkingDay("2027-01-01", cal); // false
 * isWorkingDay("2027-01-04", cal); // true (a Monday)
 * ```
 */
export function loadCalendar(extra: readonly CalendarYearInput[] = [], path: ErrorPath = ["calendars"]): WorkingDayCalendar {
  if (!Array.isArray(path)) path = ["calendars"];
  if (!Array.isArray(extra)) throw invalidInput(path, "calendars must be an array", "calendars 必须为数组");
  if (extra.length === 0) return BUNDLED_CALENDAR;
  const bundled = BUNDLED_YEARS;
  const added = new Map<number, LoadedYear>();
  const given = new Set<number>(); // every year given, bundled copies included
  extra.forEach((input, i) => {
    const p = [...path, i];
    if (typeof input !== "object" || input === null) throw invalidInput(p, "a calendar year is an object", "节假日年度应为对象");
    const source: CalendarSource = {
      notice: "caller",
      title: input.source ?? `${String(input.year)} schedule supplied by the caller / 调用方提供的${String(input.year)}年安排`,
      issued: null,
    };
    const loaded = loadYear(input, source, null, p);
    if (given.has(loaded.year)) {
      throw invalidInput([...p, "year"], `year ${loaded.year} is given twice`, `${loaded.year} 年重复提供`);
    }
    given.add(loaded.year);
    const own = bundled.get(loaded.year);
    if (own !== undefined && own.canonical !== loaded.canonical) {
      throw invalidInput([...p, "year"],
        `year ${loaded.year} is bundled (${own.source.notice}) and the schedule given differs from it`,
        `${loaded.year} 年已内置（${own.source.notice}），所提供的安排与之不一致`);
    }
    if (own === undefined) added.set(loaded.year, loaded);
  });
  return WorkingDayCalendar.fromLoaded([...bundled.values(), ...added.values()]);
}

/**
 * The calendar for a computation: the bundled years plus `options.calendars` (the bundled calendar itself when
 * there are none).
 *
 * @example calendarFromOptions({ calendars: [{ year: 2027, off: [], work: [] }] }).years().length; // 4
 */
export function calendarFromOptions(options: { readonly calendars?: readonly CalendarYearInput[] | undefined } | undefined): WorkingDayCalendar {
  const extra = options?.calendars;
  if (extra === undefined) return BUNDLED_CALENDAR;
  // A frozen list of frozen years (the process's holiday years, given to every scenario of a batch) is loaded once.
  if (!Object.isFrozen(extra) || !extra.every((y) => Object.isFrozen(y))) return loadCalendar(extra);
  const cached = LOADED.get(extra);
  if (cached !== undefined) return cached;
  const calendar = loadCalendar(extra);
  LOADED.set(extra, calendar);
  return calendar;
}

/** The calendars of frozen lists of extra years (a cache: see {@link calendarFromOptions}). */
const LOADED = new WeakMap<readonly CalendarYearInput[], WorkingDayCalendar>();

/** `calendar` itself, checked: a JavaScript caller may pass anything in its place (`INVALID_INPUT` at `calendar`). */
export function asCalendar(calendar: unknown): WorkingDayCalendar {
  if (calendar instanceof WorkingDayCalendar) return calendar;
  throw invalidInput(["calendar"], "calendar must be a WorkingDayCalendar (BUNDLED_CALENDAR or one from loadCalendar)",
    "calendar 应为 WorkingDayCalendar（BUNDLED_CALENDAR 或 loadCalendar 的结果）");
}

function day(date: string, path: ErrorPath): number {
  return toDayNumber(parseIsoDate(date, path));
}

/**
 * Whether `date` is a working day: a weekday that is not an official day off, or an adjusted working day
 * (调休上班). Outside the loaded years: `CALENDAR_NOT_COVERED`.
 *
 * @example
 * ```ts
 * isWorkingDay("2026-10-08"); // true  (Thursday after National Day)
 * isWorkingDay("2026-10-10"); // true  (a Saturday made a working day)
 * isWorkingDay("2026-10-03"); // false (National Day holiday)
 * isWorkingDay("2027-03-01"); // throws CALENDAR_NOT_COVERED
 * ```
 */
export function isWorkingDay(date: string, calendar: WorkingDayCalendar = BUNDLED_CALENDAR): boolean {
  return asCalendar(calendar).isWorkingDayNumber(day(date, ["date"]), ["date"]);
}

/**
 * The kind of `date`: `weekday`, `adjusted-working-day`, `official-day-off` or `weekend`.
 *
 * @example
 * ```ts
 * dayKind("2026-02-14"); // "adjusted-working-day" (Saturday before Spring Festival)
 * ```
 */
export function dayKind(date: string, calendar: WorkingDayCalendar = BUNDLED_CALENDAR): DayKind {
  return asCalendar(calendar).kindOfDay(day(date, ["date"]), ["date"]);
}

/**
 * The first working day strictly after `date`.
 *
 * @example
 * ```ts
 * nextWorkingDay("2026-09-30"); // "2026-10-08" (National Day 1–7 October)
 * nextWorkingDay("2026-01-02"); // "2026-01-04" (a Sunday made a working day)
 * ```
 */
export function nextWorkingDay(date: string, calendar: WorkingDayCalendar = BUNDLED_CALENDAR): string {
  asCalendar(calendar);
  return formatIsoDate(fromDayNumber(workingDayFrom(calendar, day(date, ["date"]) + 1, ["date"])));
}

/** The first working day on or after day number `d` (`CALENDAR_NOT_COVERED` at `path` past the calendar's years). */
export function workingDayFrom(calendar: WorkingDayCalendar, d: number, path: ErrorPath): number {
  let n = d;
  while (!calendar.isWorkingDayNumber(n, path)) n++;
  return n;
}

/**
 * The `n`-th working day after `date` (`n` ≥ 0; `date` itself is never counted; `n` = 0 returns `date`).
 * The inverse of {@link countWorkingDays}: `countWorkingDays(d, addWorkingDays(d, n)) === n`.
 *
 * @example
 * ```ts
 * addWorkingDays("2026-09-30", 1);  // "2026-10-08"
 * addWorkingDays("2026-02-13", 1);  // "2026-02-14" (Saturday, 调休上班)
 * addWorkingDays("2026-10-15", 7);  // "2026-10-26"
 * ```
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingDayCalendar = BUNDLED_CALENDAR): string {
  if (!Number.isInteger(n) || n < 0 || n > 10_000) {
    throw invalidInput(["n"], "the number of working days must be an integer from 0 to 10000", "工作日数应为0至10000之间的整数");
  }
  asCalendar(calendar);
  let d = day(date, ["date"]);
  let left = n;
  while (left > 0) {
    d++;
    if (calendar.isWorkingDayNumber(d, ["date"])) left--;
  }
  return formatIsoDate(fromDayNumber(d));
}

/**
 * The number of working days after `from` up to and including `to` (`from` itself is not counted; `to` on or
 * after `from`, else `INVALID_INPUT`).
 *
 * @example
 * ```ts
 * countWorkingDays("2026-09-30", "2026-10-08"); // 1
 * countWorkingDays("2026-10-15", "2026-10-26"); // 7
 * ```
 */
export function countWorkingDays(from: string, to: string, calendar: WorkingDayCalendar = BUNDLED_CALENDAR): number {
  asCalendar(calendar);
  const a = day(from, ["from"]);
  const b = day(to, ["to"]);
  if (b < a) throw invalidInput(["to"], "the end date is before the start date", "结束日期早于开始日期");
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (calendar.isWorkingDayNumber(d, ["to"])) count++;
  return count;
}
