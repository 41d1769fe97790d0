/**
 * Calendar months (`YYYY-MM`) as the premium rules use them: the order month, the declaration month (the month
 * after), the 1 January on which a float takes effect. No time zone is involved (REFERENCE C5).
 */
import { daysInMonth, formatIsoDate, toDayNumber } from "../core/dates.js";
import { invalidInput, type ErrorPath } from "../core/errors.js";

export interface YearMonth {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses a strict `YYYY-MM` between 1900 and 2199; anything else is `INVALID_INPUT` at `path`. */
export function parseYearMonth(value: unknown, path: ErrorPath): YearMonth {
  const m = typeof value === "string" ? MONTH_RE.exec(value) : null;
  const year = m === null ? NaN : Number(m[1]);
  if (m === null || year < 1900 || year > 2199) {
    throw invalidInput(path, "expected a month as YYYY-MM (1900–2199)", "月份格式应为 YYYY-MM（1900–2199 年）");
  }
  return { year, month: Number(m[2]) };
}

export function formatYearMonth(ym: YearMonth): string {
  return `${String(ym.year).padStart(4, "0")}-${String(ym.month).padStart(2, "0")}`;
}

/** `ym` shifted by `n` months (negative allowed). */
export function addMonths(ym: YearMonth, n: number): YearMonth {
  const k = ym.year * 12 + (ym.month - 1) + n;
  return { year: Math.floor(k / 12), month: (k % 12) + 1 };
}

/** First day of the month, `YYYY-MM-01`. */
export function firstDay(ym: YearMonth): string {
  return formatIsoDate({ year: ym.year, month: ym.month, day: 1 });
}

/** Last day of the month. */
export function lastDay(ym: YearMonth): string {
  return formatIsoDate({ year: ym.year, month: ym.month, day: daysInMonth(ym.year, ym.month) });
}

/** Day numbers (days since 1970-01-01) of the month's first day and of the first day of the next month. */
export function monthDayRange(ym: YearMonth): [number, number] {
  const start = toDayNumber({ year: ym.year, month: ym.month, day: 1 });
  return [start, start + daysInMonth(ym.year, ym.month)];
}

/** A month index that sorts like the month: `year × 12 + month − 1`. */
export function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + ym.month - 1;
}

export function fromMonthIndex(k: number): YearMonth {
  return { year: Math.floor(k / 12), month: (k % 12) + 1 };
}
