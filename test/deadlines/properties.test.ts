/**
 * Properties of the deadline rules (fast-check, fixed seed; a failure prints its seed and path for replay).
 *
 * - The declaration rule on the official calendars and on random (valid) calendars for 2027–2028: the deadline
 *   is a working day, never before the 15th, at least the first working day from the 15th on, and it never moves
 *   earlier when the declaration month moves later.
 * - Claim deadlines in every province: each time limit for an act ends on a working day and a later accident
 *   never gives an earlier deadline.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BUNDLED_CALENDAR, isWorkingDay, loadCalendar, type WorkingDayCalendar } from "../../src/calendar/calendar.js";
import { dayOfWeek, formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber } from "../../src/core/dates.js";
import type { CalendarYearInput } from "../../src/core/explain.js";
import { computeClaimDeadlines } from "../../src/deadlines/claim.js";
import { taxDeclarationDeadline } from "../../src/deadlines/declaration.js";
import { PROVINCES } from "../../src/provinces/index.js";
import { propertyRuns } from "../support/runs.js";

const RUNS = { seed: 42, numRuns: propertyRuns(200) } as const;
const iso = (n: number) => formatIsoDate(fromDayNumber(n));

/** A random valid schedule for `year`: up to 8 non-overlapping runs of 1–9 days off, up to 6 adjusted weekend days. */
function yearArb(year: number): fc.Arbitrary<CalendarYearInput> {
  const first = toDayNumber({ year, month: 1, day: 1 });
  const last = toDayNumber({ year, month: 12, day: 31 });
  return fc
    .tuple(
      fc.array(fc.tuple(fc.integer({ min: first, max: last }), fc.integer({ min: 1, max: 9 })), { maxLength: 8 }),
      fc.array(fc.integer({ min: first, max: last }), { maxLength: 6 }),
    )
    .map(([runs, works]) => {
      const off: Array<[string, string]> = [];
      let free = first;
      for (const [start, len] of [...runs].sort((a, b) => a[0] - b[0])) {
        const a = Math.max(start, free);
        const b = Math.min(a + len - 1, last);
        if (a > last || b < a) continue;
        off.push([iso(a), iso(b)]);
        free = b + 2;
      }
      const offDays = new Set<number>();
      for (const [a, b] of off) for (let d = toDayNumber(parseIsoDate(a, [])); iso(d) <= b; d++) offDays.add(d);
      const work = new Set<string>();
      for (const w of works) {
        let d = w;
        while (d <= last && (![0, 6].includes(dayOfWeek(fromDayNumber(d))) || offDays.has(d))) d++;
        if (d <= last) work.add(iso(d));
      }
      return { year, off, work: [...work] };
    });
}

function checkDeclarations(calendar: WorkingDayCalendar, months: Array<[number, number]>): void {
  let previous = "";
  for (const [year, month] of months) {
    const r = taxDeclarationDeadline(year, month, 15, calendar);
    const due = toDayNumber({ year, month, day: 15 });
    let firstWorking = due;
    while (!calendar.isWorkingDayNumber(firstWorking)) firstWorking++;
    expect(calendar.isWorkingDayNumber(toDayNumber(parseIsoDate(r.deadline, [])))).toBe(true);
    expect(r.deadline >= iso(firstWorking)).toBe(true);
    expect(r.deadline > previous).toBe(true);
    // the deferral is exactly N working days after the 15th
    if (r.rule === "holiday-deferral") expect(r.holidayDaysInPeriod).toBeGreaterThanOrEqual(3);
    else expect(r.deadline).toBe(iso(firstWorking));
    previous = r.deadline;
  }
}

describe("declaration deadline", () => {
  test("on the official calendars: all 36 months of 2024–2026", () => {
    const months: Array<[number, number]> = [];
    for (const y of [2024, 2025, 2026]) for (let m = 1; m <= 12; m++) months.push([y, m]);
    checkDeclarations(BUNDLED_CALENDAR, months);
  });

  test("on random valid calendars for 2027–2028", () => {
    fc.assert(
      fc.property(yearArb(2027), yearArb(2028), (y27, y28) => {
        const cal = loadCalendar([y27, y28]);
        const months: Array<[number, number]> = [];
        for (let m = 1; m <= 12; m++) months.push([2027, m]);
        checkDeclarations(cal, months);
      }),
      RUNS,
    );
  });
});

describe("claim deadlines", () => {
  const accident = fc.integer({ min: toDayNumber({ year: 2026, month: 7, day: 1 }), max: toDayNumber({ year: 2026, month: 9, day: 30 }) });
  const pair = fc.tuple(accident, accident).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

  test("every time limit for an act ends on a working day; a later accident never gives an earlier deadline", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROVINCES), pair, fc.boolean(), fc.integer({ min: 0, max: 20 }), (province, [a, b], clear, lag) => {
        const input = (d: number) => ({
          accidentDate: iso(d),
          applicationReceivedDate: iso(d + lag),
          factsClear: clear,
          supplementNoticeDate: iso(d + lag),
          assessmentConclusionReceivedDate: iso(d + lag),
          treatmentStartDate: iso(d),
        });
        const x = computeClaimDeadlines(province, input(a)).value;
        const y = computeClaimDeadlines(province, input(b)).value;
        for (const k of [
          "platformApplicationDeadline", "workerApplicationDeadline", "confirmationDeadline", "supplementDeadline",
          "reassessmentRequestDeadline",
        ] as const) {
          const xv = x[k] as string;
          const yv = y[k] as string;
          expect(isWorkingDay(xv)).toBe(true);
          expect(xv <= yv).toBe(true);
        }
        expect((x.treatmentPeriodEnd as string) <= (y.treatmentPeriodEnd as string)).toBe(true);
        expect((x.treatmentPeriodMaxEnd as string) <= (y.treatmentPeriodMaxEnd as string)).toBe(true);
      }),
      RUNS,
    );
  });
});
