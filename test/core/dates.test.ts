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

  test("accepts exactly what /^(\\d{4})-(\\d{2})-(\\d{2})$/ and the calendar accept", () => {
    // The reference: the pattern, then 1900–2199, a month 1–12 and a day of that month (2028 is a leap year).
    const reference = (s: string): boolean => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (m === null) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return y >= 1900 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
    };
    const accepts = (s: string): boolean => {
      try {
        parseIsoDate(s, []);
        return true;
      } catch {
        return false;
      }
    };
    // Near misses: a character of a valid date replaced (a non-ASCII digit "٣", a slash, a sign, a space), one
    // added or removed, a trailing newline (which `$` without the m flag does not accept).
    const valid = "2028-02-29";
    const near = ["2028-02-29\n", " 2028-02-29", "2028/02/29", "+028-02-29", "2028-02-2", "2028-02-290", "2028-0٢-29", "2028-02-3:", "2028-02-/9"];
    for (const s of near) expect(accepts(s), s).toBe(reference(s));
    expect(accepts(valid)).toBe(true);
    const char = fc.constantFrom(..."0123456789-/: ٣x".split(""));
    fc.assert(fc.property(fc.array(char, { minLength: 8, maxLength: 12 }).map((cs) => cs.join("")), (s) => accepts(s) === reference(s)), { numRuns: 3000 });
    fc.assert(fc.property(fc.integer({ min: 1850, max: 2250 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, mo, d) => {
      const s = `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      expect(accepts(s)).toBe(reference(s));
      if (reference(s)) expect(parseIsoDate(s, [])).toEqual({ year: y, month: mo, day: d });
    }), { numRuns: 3000 });
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
