/**
 * The integer date arithmetic the library used before its date layer moved onto date-fns, kept here as the oracle
 * of test/properties/date-layer.test.ts: days from civil and civil from days (H. Hinnant, proleptic Gregorian,
 * 1970-01-01 = 0), month lengths, the month index walk, the corresponding day of 民法典 第二百零二条.
 */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function oldIsLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function oldDaysInMonth(year: number, month: number): number {
  if (month === 2) return oldIsLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function oldToDayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function oldFromDayNumber(n: number): Ymd {
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

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function oldDayOfWeek(d: Ymd): number {
  return (((oldToDayNumber(d) + 4) % 7) + 7) % 7;
}

/** The month index walk: `months` months after `d`, the day kept or cut to the month's last day. */
export function oldAddMonths(d: Ymd, months: number): Ymd {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, oldDaysInMonth(year, month)) };
}

/** The corresponding day `years` years after `d` (29 February → 28 February in a common year). */
export function oldAddYears(d: Ymd, years: number): Ymd {
  const year = d.year + years;
  return { year, month: d.month, day: Math.min(d.day, oldDaysInMonth(year, d.month)) };
}

/** The living guarantee's month walk: each calendar month from `a` to `b` with the days of it that lie in [a, b]. */
export function oldMonthWalk(a: Ymd, b: Ymd): { year: number; month: number; days: number }[] {
  const out: { year: number; month: number; days: number }[] = [];
  let cursor = a;
  const end = oldToDayNumber(b);
  while (oldToDayNumber(cursor) <= end) {
    const monthEnd = oldToDayNumber({ ...cursor, day: oldDaysInMonth(cursor.year, cursor.month) });
    const segEnd = Math.min(monthEnd, end);
    out.push({ year: cursor.year, month: cursor.month, days: segEnd - oldToDayNumber(cursor) + 1 });
    cursor = oldFromDayNumber(segEnd + 1);
  }
  return out;
}
