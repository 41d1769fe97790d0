/**
 * The date layer on date-fns (src/core/dates.ts, months.ts, datetime.ts) against the integer arithmetic it replaced
 * (test/support/integer-dates.ts), over the years the API accepts, 1900–2199: every day, every month, every month
 * end shifted by months and years, every 29 February, and random intervals. The integer forms the per-day and
 * per-month loops use (day numbers, a day number's weekday, a month's last day, the months of an interval) are also
 * checked against date-fns itself. Run in three host zones by .ci/run.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { UTCDate } from "@date-fns/utc";
import { addDays as fnsAddDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { eachDayOfInterval } from "date-fns/eachDayOfInterval";
import { eachMonthOfInterval } from "date-fns/eachMonthOfInterval";
import { getDay } from "date-fns/getDay";
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import { lightFormat } from "date-fns/lightFormat";
import {
  addDays, addMonths, addYears, dayNumberOf, dayOfWeek, daysInMonth, differenceInDays, endOfMonth,
  formatIsoDate, fromDayNumber, fromUTCDate, isLeapYear, toDayNumber, toUTCDate, weekdayOfDayNumber,
} from "../../src/core/dates.js";
import { fastInstantMs } from "../../src/core/datetime.js";
import { addMonths as addYearMonths, monthsBetween, monthsOfInterval } from "../../src/core/months.js";
import {
  oldAddMonths, oldAddYears, oldDayOfWeek, oldDaysInMonth, oldFromDayNumber, oldIsLeapYear, oldMonthWalk, oldToDayNumber,
} from "../support/integer-dates.js";

const FIRST = oldToDayNumber({ year: 1900, month: 1, day: 1 }); // −25567
const LAST = oldToDayNumber({ year: 2199, month: 12, day: 31 }); // 84005
const dayArb = fc.integer({ min: FIRST, max: LAST });

describe("the date layer equals the integer arithmetic, 1900–2199", () => {
  test("the range: 1900-01-01 is day −25567, 2199-12-31 is day 84005 (109,573 days: 300 years, 73 leap days)", () => {
    // 1900-01-01 is 70 years × 365 + 17 leap days (1904…1968) = 25,567 days before 1970-01-01;
    // 300 × 365 + 73 leap days (75 multiples of 4, less 1900 and 2100; 2000 is one) = 109,573 days, so 2199-12-31
    // is day −25,567 + 109,572 = 84,005
    expect([FIRST, LAST, LAST - FIRST]).toEqual([-25_567, 84_005, 109_572]);
    expect(toDayNumber({ year: 1900, month: 1, day: 1 })).toBe(-25_567);
  });

  test("every day: day number ⇄ date, weekday, text", () => {
    let days = 0;
    for (let n = FIRST; n <= LAST; n++) {
      const old = oldFromDayNumber(n);
      const got = fromDayNumber(n);
      if (got.year !== old.year || got.month !== old.month || got.day !== old.day) expect.fail(`fromDayNumber(${n}) = ${formatIsoDate(got)}`);
      if (toDayNumber(old) !== n || dayNumberOf(old.year, old.month, old.day) !== n) expect.fail(`toDayNumber(${formatIsoDate(old)}) ≠ ${n}`);
      const w = oldDayOfWeek(old);
      if (dayOfWeek(old) !== w || weekdayOfDayNumber(n) !== w) expect.fail(`weekday of ${formatIsoDate(old)}: ${dayOfWeek(old)}, expected ${w}`);
      // against date-fns directly: the day's UTCDate, its weekday, its text, its distance from 1970-01-01
      const u = toUTCDate(old);
      if (getDay(u) !== weekdayOfDayNumber(n) || lightFormat(u, "yyyy-MM-dd") !== formatIsoDate(got) ||
        differenceInCalendarDays(u, new UTCDate(0)) !== n) expect.fail(`date-fns on ${formatIsoDate(old)}`);
      days += 1;
    }
    expect(days).toBe(109_573);
  });

  test("every month's length and every year's leap flag (73 leap years: 2000 is one, 1900 and 2100 are not)", () => {
    let leap = 0;
    for (let year = 1900; year <= 2199; year++) {
      expect(isLeapYear(year)).toBe(oldIsLeapYear(year));
      if (isLeapYear(year)) leap += 1;
      for (let month = 1; month <= 12; month++) {
        if (daysInMonth(year, month) !== oldDaysInMonth(year, month)) expect.fail(`${year}-${month}`);
        const end = endOfMonth({ year, month, day: 1 });
        if (end.day !== oldDaysInMonth(year, month)) expect.fail(`endOfMonth ${year}-${month}`);
        if (formatIsoDate(fromUTCDate(lastDayOfMonth(toUTCDate({ year, month, day: 9 })))) !== formatIsoDate(end)) expect.fail(`lastDayOfMonth ${year}-${month}`);
      }
    }
    expect(leap).toBe(73);
    expect([isLeapYear(1900), isLeapYear(2000), isLeapYear(2100), isLeapYear(2024)]).toEqual([false, true, false, true]);
  });

  test("month additions from every month end (days 28–31), 2 years either way: the 民法典 rule for a missing day", () => {
    let checked = 0;
    for (let year = 1902; year <= 2197; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 28; day <= oldDaysInMonth(year, month); day++) {
          const d = { year, month, day };
          for (let n = -24; n <= 24; n++) {
            const got = addMonths(d, n);
            const old = oldAddMonths(d, n);
            if (got.year !== old.year || got.month !== old.month || got.day !== old.day) {
              expect.fail(`${formatIsoDate(d)} + ${n} months = ${formatIsoDate(got)}, expected ${formatIsoDate(old)}`);
            }
            checked += 1;
          }
        }
      }
    }
    // 296 years × (12 × 3 + the extra 30th/31st days) × 49 shifts
    expect(checked).toBeGreaterThan(296 * 12 * 3 * 49);
    // 31 January + 1 month: 28 February, or 29 in a leap year
    expect(addMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonths({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  test("year additions from every 29 February: 28 February in a common year, 29 in a leap year", () => {
    let checked = 0;
    for (let year = 1904; year <= 2196; year += 4) {
      if (!oldIsLeapYear(year)) continue;
      for (let n = -3; n <= 3; n++) {
        const d = { year, month: 2, day: 29 };
        expect(addYears(d, n)).toEqual(oldAddYears(d, n));
        checked += 1;
      }
    }
    // 1904…2196 holds 74 multiples of 4, of which 2100 is not a leap year: 73 leap years × 7 shifts
    expect(checked).toBe(73 * 7);
    expect(addYears({ year: 2024, month: 2, day: 29 }, 1)).toEqual({ year: 2025, month: 2, day: 28 });
  });

  test("any day and any shift (property): months, years, days, differences", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -120, max: 120 }), fc.integer({ min: -3000, max: 3000 }), (n, months, days) => {
        const d = oldFromDayNumber(n);
        const m = oldAddMonths(d, months);
        if (m.year >= 1900 && m.year <= 2199) expect(addMonths(d, months)).toEqual(m);
        const y = oldAddYears(d, Math.trunc(months / 12));
        if (y.year >= 1900 && y.year <= 2199) expect(addYears(d, Math.trunc(months / 12))).toEqual(y);
        expect(addDays(d, days)).toEqual(oldFromDayNumber(n + days));
        expect(addDays(d, days)).toEqual(fromUTCDate(fnsAddDays(toUTCDate(d), days)));
        expect(differenceInDays(oldFromDayNumber(n + days), d)).toBe(days);
        expect(differenceInCalendarDays(toUTCDate(oldFromDayNumber(n + days)), toUTCDate(d))).toBe(days);
      }),
      { seed: 20261202, numRuns: 5000 },
    );
  });

  test("months: shifts and differences of YYYY-MM equal the month index arithmetic", () => {
    for (let year = 1902; year <= 2197; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const n of [-25, -13, -12, -1, 0, 1, 11, 12, 13, 25]) {
          const k = year * 12 + month - 1 + n;
          const want = { year: Math.floor(k / 12), month: (k % 12) + 1 };
          const got = addYearMonths({ year, month }, n);
          if (got.year !== want.year || got.month !== want.month) expect.fail(`${year}-${month} + ${n}`);
          if (monthsBetween(got, { year, month }) !== n) expect.fail(`monthsBetween ${year}-${month} ${n}`);
        }
      }
    }
    expect(addYearMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
  });

  test("intervals (property): the months and days of [a, b] as the living guarantee's old walk found them", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -5, max: 800 }), (n, len) => {
        const a = oldFromDayNumber(n);
        const b = oldFromDayNumber(Math.min(LAST, n + len));
        const walk = oldMonthWalk(a, b);
        const months = monthsOfInterval(a, b);
        expect(months).toEqual(walk.map(({ year, month }) => ({ year, month })));
        const inRange = len >= 0;
        const fnsMonths = inRange ? eachMonthOfInterval({ start: toUTCDate(a), end: toUTCDate(b) }).map((u) => ({ year: u.getFullYear(), month: u.getMonth() + 1 })) : [];
        expect(months).toEqual(fnsMonths);
        const days = inRange ? eachDayOfInterval({ start: toUTCDate(a), end: toUTCDate(b) }).map(fromUTCDate) : [];
        expect(days.length).toBe(walk.reduce((s, w) => s + w.days, 0));
        expect(days.map(toDayNumber)).toEqual(days.map((_, k) => n + k));
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  test("instants (property): the one date-time parser equals Date.UTC less the offset", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 86_399_999 }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (n, msOfDay, offset) => {
        const d = oldFromDayNumber(n);
        const hh = Math.floor(msOfDay / 3_600_000);
        const mi = Math.floor(msOfDay / 60_000) % 60;
        const ss = Math.floor(msOfDay / 1000) % 60;
        const ms = msOfDay % 1000;
        const p2 = (x: number) => String(x).padStart(2, "0");
        const zone = offset === 0 ? "Z" : `${offset < 0 ? "-" : "+"}${p2(Math.floor(Math.abs(offset) / 60))}:${p2(Math.abs(offset) % 60)}`;
        const text = `${formatIsoDate(d)}T${p2(hh)}:${p2(mi)}:${p2(ss)}.${String(ms).padStart(3, "0")}${zone}`;
        expect(fastInstantMs(text)).toBe(Date.UTC(d.year, d.month - 1, d.day, hh, mi, ss, ms) - offset * 60_000);
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});
