/**
 * Civil dates without time zones. A date is handled as a day number (days since 1970-01-01) so that no
 * computation depends on the host's time zone; the API takes and returns `YYYY-MM-DD` strings.
 */
import { invalidInput, type ErrorPath } from "./errors.js";

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a strict `YYYY-MM-DD` date between 1900 and 2199; anything else is `INVALID_INPUT` at `path`. */
export function parseIsoDate(value: unknown, path: ErrorPath): CivilDate {
  const m = typeof value === "string" ? ISO_DATE_RE.exec(value) : null;
  if (m === null) {
    throw invalidInput(path, "expected a date as YYYY-MM-DD", "日期格式应为 YYYY-MM-DD");
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw invalidInput(path, `${String(value)} is not a valid calendar date`, `${String(value)} 不是有效日期`);
  }
  return { year, month, day };
}

export function toDayNumber(d: CivilDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): CivilDate {
  const dt = new Date(n * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

export function formatIsoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function addDays(d: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** The last day of the month of `d`. */
export function endOfMonth(d: CivilDate): CivilDate {
  return { year: d.year, month: d.month, day: daysInMonth(d.year, d.month) };
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: CivilDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
