import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addDays, dayOfWeek, daysInMonth, endOfMonth, formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber,
} from "../../src/core/dates.js";
import { chinaDateString, formatChinaTime, hoursBetween, parseInstant } from "../../src/core/datetime.js";
import { ZhishangError } from "../../src/core/errors.js";

describe("civil dates", () => {
  test("parses and validates YYYY-MM-DD", () => {
    expect(parseIsoDate("2028-02-29", [])).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ["2026-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "20260101", "1899-12-31", 20260101]) {
      expect(() => parseIsoDate(bad, ["d"])).toThrow(ZhishangError);
    }
  });

  test("month lengths, leap years, weekdays", () => {
    expect([2024, 2025, 2100, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29]);
    expect(formatIsoDate(endOfMonth({ year: 2026, month: 9, day: 8 }))).toBe("2026-09-30");
    // 2026-10-01 was a Thursday; 2026-02-14 (a 调休 working day) a Saturday
    expect(dayOfWeek(parseIsoDate("2026-10-01", []))).toBe(4);
    expect(dayOfWeek(parseIsoDate("2026-02-14", []))).toBe(6);
    expect(formatIsoDate(addDays(parseIsoDate("2026-12-31", []), 1))).toBe("2027-01-01");
  });

  test("day numbers round-trip (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber({ year: 1900, month: 1, day: 1 }), max: toDayNumber({ year: 2199, month: 12, day: 31 }) }), (n) => {
        const d = fromDayNumber(n);
        expect(toDayNumber(parseIsoDate(formatIsoDate(d), []))).toBe(n);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe("date-times with offsets (docs/decisions.md#C5)", () => {
  test("converts to China Standard Time whatever the input offset", () => {
    // 23:30 on 31 July in New York (UTC−4) is 11:30 on 1 August in China
    const i = parseInstant("2026-07-31T23:30:00-04:00", ["t"]);
    expect(chinaDateString(i)).toBe("2026-08-01");
    expect(formatChinaTime(i)).toBe("2026-08-01T11:30:00+08:00");
    // 16:00Z is midnight in China: the next civil day
    expect(chinaDateString(parseInstant("2026-07-31T16:00:00Z", []))).toBe("2026-08-01");
    expect(chinaDateString(parseInstant("2026-07-31T15:59:59.999Z", []))).toBe("2026-07-31");
  });

  test("refuses date-times without an offset or with impossible fields", () => {
    for (const bad of ["2026-07-31T10:00:00", "2026-07-31 10:00:00+08:00", "2026-02-30T10:00:00+08:00", "2026-07-31T24:00:00+08:00", "2026-07-31T10:00:00+15:00"]) {
      expect(() => parseInstant(bad, ["t"])).toThrow(ZhishangError);
    }
  });

  test("hours between instants", () => {
    expect(hoursBetween(parseInstant("2026-08-01T10:00:00+08:00", []), parseInstant("2026-08-03T10:00:00+08:00", []))).toBe(48);
  });
});
