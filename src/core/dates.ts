/**
 * Civil dates without time zones: the one civil-date module. The API takes and returns `YYYY-MM-DD` strings; inside,
 * a date is a {@link CivilDate}, and the loops that visit every day or month (working days, the living guarantee's
 * months, the order tally) use integer **day numbers** (days since 1970-01-01).
 *
 * date-fns v4 on `UTCDate` (`@date-fns/utc`, so nothing depends on the host's time zone) is the calendar: month and
 * year addition with the 民法典 第二百零二条 rule for a missing day (`addMonths`/`addYears` end on the month's last
 * day), leap years, weekdays, and the month lengths of 1900–2199, read once into a table of day numbers. The day
 * number forms — differences, day steps, a day number's weekday, a month's last day — read that table: a `UTCDate`
 * per call costs 0.3–2 µs and these run per day, per month and per order (docs/decisions.md, "One date layer on
 * date-fns"); test/properties/date-layer.test.ts checks each against date-fns on every day of 1900–2199.
 * Hand-written, each with its reason beside it: the strict input format, the 1900–2199 bounds, the text form.
 */
// the minimal UTCDate: the full class builds three Intl formatters at import (about 10 ms and 8 MB), for toString
import { UTCDateMini as UTCDate } from "@date-fns/utc/date/mini";
import { addMonths as fnsAddMonths } from "date-fns/addMonths";
import { addYears as fnsAddYears } from "date-fns/addYears";
import { getDay } from "date-fns/getDay";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { isLeapYear as fnsIsLeapYear } from "date-fns/isLeapYear";
import { invalidInput, type ErrorPath } from "./errors.js";

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

/** The years the API accepts (hand-written: the library's own bound, not a date-fns notion). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** A day in milliseconds. */
export const MS_PER_DAY = 86_400_000;

/**
 * `d` as a `UTCDate` at 00:00 UTC. Built with `setFullYear`, not the constructor, so that years 0–99 are not read
 * as 1900–1999; parts out of range roll over as `Date.UTC` does (month 13 → January of the next year).
 */
export function toUTCDate(d: CivilDate): Date {
  const u = new UTCDate(0);
  u.setFullYear(d.year, d.month - 1, d.day);
  return u;
}

/** The civil date of a `Date` read in UTC (a `UTCDate`'s own getters are UTC). */
export function fromUTCDate(u: Date): CivilDate {
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
}

export function isLeapYear(year: number): boolean {
  return fnsIsLeapYear(toUTCDate({ year, month: 1, day: 1 }));
}

// The day-number table of 1900–2199: the first day number of each month and each month's length, filled once at
// import (about 0.2 ms) from date-fns: the month lengths of a common and of a leap year (getDaysInMonth) and each
// year's leap flag (isLeapYear). A lookup is a few nanoseconds where a `UTCDate` per call costs 100–500 ns, and the
// tally converts one date per order.
const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
const MONTH_LENGTH = new Uint8Array(MONTHS);
const MONTH_START = new Int32Array(MONTHS + 1);
{
  const u = new UTCDate(0);
  const lengths = [2023, 2024].map((year) => Array.from({ length: 12 }, (_, m) => {
    u.setFullYear(year, m, 1);
    return getDaysInMonth(u);
  }));
  u.setFullYear(FIRST_YEAR, 0, 1);
  let start = u.getTime() / MS_PER_DAY;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    u.setFullYear(year, 0, 1);
    const months = lengths[fnsIsLeapYear(u) ? 1 : 0] as number[];
    for (let m = 0; m < 12; m++) {
      const k = (year - FIRST_YEAR) * 12 + m;
      MONTH_LENGTH[k] = months[m] as number;
      MONTH_START[k] = start;
      start += months[m] as number;
    }
  }
  MONTH_START[MONTHS] = start;
}
/** Day numbers of 1900-01-01 and of 2200-01-01 (the first day after the table). */
const TABLE_FIRST = MONTH_START[0] as number;
const TABLE_END = MONTH_START[MONTHS] as number;

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  const k = (year - FIRST_YEAR) * 12 + month - 1;
  return k >= 0 && k < MONTHS && Number.isInteger(k) && month >= 1 && month <= 12
    ? (MONTH_LENGTH[k] as number)
    : getDaysInMonth(toUTCDate({ year, month, day: 1 }));
}

/** Parses a strict `YYYY-MM-DD` date between 1900 and 2199; anything else is `INVALID_INPUT` at `path`. */
export function parseIsoDate(value: unknown, path: ErrorPath): CivilDate {
  // Strict `YYYY-MM-DD` (hand-written: date-fns `parseISO` also accepts `2026-08` and other ISO forms): what
  // /^(\d{4})-(\d{2})-(\d{2})$/ matches, read from the character codes. This runs for every date of every
  // computation, and a regular expression's match array and three `Number`s cost more than the reading
  // (test/core/dates.test.ts compares the two).
  if (typeof value !== "string" || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    throw invalidInput(path, "expected a date as YYYY-MM-DD", "日期格式应为 YYYY-MM-DD");
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 0 || day < 0) {
    throw invalidInput(path, "expected a date as YYYY-MM-DD", "日期格式应为 YYYY-MM-DD");
  }
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw invalidInput(path, `${String(value)} is not a valid calendar date`, `${String(value)} 不是有效日期`);
  }
  return { year, month, day };
}

/** The number written by the `count` ASCII digits of `text` from `start`; -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let k = start; k < start + count; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The day number (days since 1970-01-01) of `year`-`month`-`day`, from its parts (the order tally's fast path
 * calls this without building an object). Parts out of range roll over as `Date.UTC` does.
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const k = (year - FIRST_YEAR) * 12 + month - 1;
  if (k >= 0 && k < MONTHS && month >= 1 && month <= 12 && day >= 1 && Number.isInteger(k) && Number.isInteger(day) &&
    day <= (MONTH_LENGTH[k] as number)) {
    return (MONTH_START[k] as number) + day - 1;
  }
  return Math.floor(toUTCDate({ year, month, day }).getTime() / MS_PER_DAY);
}

export function toDayNumber(d: CivilDate): number {
  return dayNumberOf(d.year, d.month, d.day);
}

export function fromDayNumber(n: number): CivilDate {
  if (n >= TABLE_FIRST && n < TABLE_END && Number.isInteger(n)) {
    // the month of day n: an estimate from the mean month length, then at most a step or two
    let k = Math.min(MONTHS - 1, Math.floor((n - TABLE_FIRST) / 30.436875));
    while ((MONTH_START[k] as number) > n) k--;
    while ((MONTH_START[k + 1] as number) <= n) k++;
    return { year: FIRST_YEAR + Math.floor(k / 12), month: (k % 12) + 1, day: n - (MONTH_START[k] as number) + 1 };
  }
  return fromUTCDate(new UTCDate(n * MS_PER_DAY));
}

const PAD2 = Array.from({ length: 32 }, (_, k) => String(k).padStart(2, "0"));

/**
 * `YYYY-MM-DD`. Hand-written: date-fns `lightFormat` needs a `Date` and costs about 1 µs a call, and the date-heavy
 * kinds format dozens of dates per result.
 */
export function formatIsoDate(d: CivilDate): string {
  const { year, month, day } = d;
  if (year >= 1000 && year <= 9999 && Number.isInteger(year)) {
    const mm = PAD2[month];
    const dd = PAD2[day];
    if (mm !== undefined && dd !== undefined) return `${year}-${mm}-${dd}`;
  }
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** Negative, zero or positive as `a` is before, on or after `b` (the difference of their day numbers). */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/**
 * Calendar days from `b` to `a` (`a − b`): the difference of their day numbers (the table holds what date-fns
 * `differenceInCalendarDays` gives, which costs about 2 µs a call: the living guarantee takes one per month).
 */
export function differenceInDays(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** `days` days after `d` (negative: before), through day numbers. */
export function addDays(d: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/**
 * The corresponding day `months` months after `d` (negative: before), or the month's last day when it has no such
 * day (民法典 第二百零二条; date-fns `addMonths` ends there too): 31 January + 1 month = 28 February.
 *
 * @example addMonths({ year: 2026, month: 1, day: 31 }, 1).day; // 28
 */
export function addMonths(d: CivilDate, months: number): CivilDate {
  return fromUTCDate(fnsAddMonths(toUTCDate(d), months));
}

/** The corresponding day `years` years after `d`; 29 February → 28 February in a common year (第二百零二条). */
export function addYears(d: CivilDate, years: number): CivilDate {
  return fromUTCDate(fnsAddYears(toUTCDate(d), years));
}

/** The last day of the month of `d` (date-fns `lastDayOfMonth`, read from the table). */
export function endOfMonth(d: CivilDate): CivilDate {
  return { year: d.year, month: d.month, day: daysInMonth(d.year, d.month) };
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: CivilDate): number {
  return getDay(toUTCDate(d));
}

/**
 * The weekday of day number `n` (0 = Sunday … 6 = Saturday). Hand-written for the per-day loops of the working-day
 * calendar (1970-01-01 was a Thursday); equal to {@link dayOfWeek} on every day (test/properties/dates.test.ts).
 */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}
