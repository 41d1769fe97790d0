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

/** Whole day numbers from year 0 to 9999: converted with integer arithmetic (the same results as `Date.UTC`). */
const FAST_MIN = -719_528; // 0000-01-01
const FAST_MAX = 2_932_896; // 9999-12-31

export function toDayNumber(d: CivilDate): number {
  const { year, month, day } = d;
  if (Number.isInteger(year) && year >= 0 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= 31) {
    // days from civil (H. Hinnant): proleptic Gregorian, 1970-01-01 = 0
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    const n = era * 146_097 + doe - 719_468;
    if (day <= daysInMonth(year, month)) return n;
  }
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): CivilDate {
  if (Number.isInteger(n) && n >= FAST_MIN && n <= FAST_MAX) {
    // civil from days (H. Hinnant)
    const z = n + 719_468;
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
  }
  const dt = new Date(n * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

const PAD2 = Array.from({ length: 32 }, (_, k) => String(k).padStart(2, "0"));

export function formatIsoDate(d: CivilDate): string {
  const { year, month, day } = d;
  if (year >= 1000 && year <= 9999 && Number.isInteger(year)) {
    const mm = PAD2[month];
    const dd = PAD2[day];
    if (mm !== undefined && dd !== undefined) return `${year}-${mm}-${dd}`;
  }
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
