/**
 * Properties of the calendar and the periods (fast-check, fixed seed; a failure prints its seed and path for
 * replay): no deadline is a rest day; a later start never gives an earlier deadline; adding working days then
 * counting them back round-trips; dates outside the loaded years are refused.
 *
 * Start dates run from 2024-01-01 to 2026-09-30 and counts are bounded so that every deadline stays inside the
 * bundled 2024–2026 calendars (30 working days or 60 calendar days after 30 September end by late November).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addWorkingDays, countWorkingDays, isWorkingDay, nextWorkingDay,
} from "../../src/calendar/calendar.js";
import { calendarDayPeriod, monthPeriod, workingDayPeriod, yearPeriod } from "../../src/calendar/periods.js";
import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber } from "../../src/core/dates.js";
import { propertyRuns } from "../support/runs.js";

const RUNS = { seed: 42, numRuns: propertyRuns(200) } as const;
const FIRST = toDayNumber({ year: 2024, month: 1, day: 1 });
const LAST_START = toDayNumber({ year: 2026, month: 9, day: 30 });
const iso = (n: number) => formatIsoDate(fromDayNumber(n));
const dayArb = fc.integer({ min: FIRST, max: LAST_START });
const datePair = fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

describe("no computed deadline is a rest day", () => {
  test("calendar-day, working-day and month periods", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 2 }), (d, days, wd, months) => {
        const start = iso(d);
        expect(isWorkingDay(calendarDayPeriod(start, days).deadline)).toBe(true);
        expect(isWorkingDay(workingDayPeriod(start, wd).deadline)).toBe(true);
        expect(isWorkingDay(monthPeriod(start, months).deadline)).toBe(true);
      }),
      RUNS,
    );
  });

  test("a deadline is the first working day on or after its nominal last day", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 60 }), (d, days) => {
        const p = calendarDayPeriod(iso(d), days);
        expect(p.deadline >= p.nominalEnd).toBe(true);
        // every day from the nominal end up to the deadline (excluded) is a rest day
        for (let x = toDayNumber(parseIsoDate(p.nominalEnd, [])); iso(x) < p.deadline; x++) {
          expect(isWorkingDay(iso(x))).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

describe("deadlines never move earlier when the start moves later", () => {
  test("calendar days, working days, months and one year", () => {
    fc.assert(
      fc.property(datePair, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 2 }), ([a, b], days, wd, months) => {
        expect(calendarDayPeriod(iso(a), days).deadline <= calendarDayPeriod(iso(b), days).deadline).toBe(true);
        expect(workingDayPeriod(iso(a), wd).deadline <= workingDayPeriod(iso(b), wd).deadline).toBe(true);
        expect(monthPeriod(iso(a), months).deadline <= monthPeriod(iso(b), months).deadline).toBe(true);
        // durations (no calendar): any distance
        expect(monthPeriod(iso(a), 12, { restDayExtension: false }).deadline <= monthPeriod(iso(b), 12, { restDayExtension: false }).deadline).toBe(true);
      }),
      RUNS,
    );
  });

  test("year periods from starts within 2024–2025 (ending inside 2025–2026)", () => {
    const early = fc.tuple(fc.integer({ min: FIRST, max: toDayNumber({ year: 2025, month: 12, day: 20 }) }), fc.integer({ min: FIRST, max: toDayNumber({ year: 2025, month: 12, day: 20 }) }));
    fc.assert(
      fc.property(early, ([x, y]) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(yearPeriod(iso(a), 1).deadline <= yearPeriod(iso(b), 1).deadline).toBe(true);
        expect(isWorkingDay(yearPeriod(iso(b), 1).deadline)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("working days round-trip", () => {
  test("countWorkingDays(d, addWorkingDays(d, n)) = n, and the result is a working day (n > 0)", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 40 }), (d, n) => {
        const start = iso(d);
        const end = addWorkingDays(start, n);
        expect(countWorkingDays(start, end)).toBe(n);
        if (n > 0) expect(isWorkingDay(end)).toBe(true);
        expect(addWorkingDays(start, 1)).toBe(nextWorkingDay(start));
      }),
      RUNS,
    );
  });

  test("addWorkingDays(d, countWorkingDays(d, e)) is the last working day on or before e (or d)", () => {
    fc.assert(
      fc.property(datePair, ([a, b]) => {
        const n = countWorkingDays(iso(a), iso(b));
        const back = addWorkingDays(iso(a), n);
        expect(back <= iso(b)).toBe(true);
        // nothing but rest days between back (excluded) and b (included)
        expect(countWorkingDays(back, iso(b))).toBe(0);
      }),
      RUNS,
    );
  });
});

test("dates outside the loaded years are refused, never guessed", () => {
  const outside = fc.oneof(
    fc.integer({ min: toDayNumber({ year: 1990, month: 1, day: 1 }), max: FIRST - 1 }),
    fc.integer({ min: toDayNumber({ year: 2027, month: 1, day: 1 }), max: toDayNumber({ year: 2040, month: 12, day: 31 }) }),
  );
  fc.assert(
    fc.property(outside, (d) => {
      expect(() => isWorkingDay(iso(d))).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED" }));
    }),
    RUNS,
  );
});
