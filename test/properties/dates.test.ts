/**
 * The civil-date arithmetic (src/core/dates.ts) converts day numbers with integer arithmetic for speed; it must agree
 * with `Date` (proleptic Gregorian, UTC) on every day, and never depend on the host's time zone.
 */
import { describe, expect, test } from "vitest";
import { dayOfWeek, formatIsoDate, fromDayNumber, toDayNumber } from "../../src/core/dates.js";

const DAY_MS = 86_400_000;
const viaDate = (n: number) => {
  const dt = new Date(n * DAY_MS);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
};

describe("civil dates against Date (exhaustive)", () => {
  test("every day from year −220 to 10183: day number ⇄ date ⇄ text, as Date gives them", () => {
    let checked = 0;
    for (let n = -800_000; n <= 3_000_000; n++) {
      const ref = viaDate(n);
      const got = fromDayNumber(n);
      if (got.year !== ref.year || got.month !== ref.month || got.day !== ref.day) expect.fail(`fromDayNumber(${n}) = ${JSON.stringify(got)}, Date: ${JSON.stringify(ref)}`);
      if (toDayNumber(ref) !== n) expect.fail(`toDayNumber(${JSON.stringify(ref)}) ≠ ${n}`);
      const text = `${String(ref.year).padStart(4, "0")}-${String(ref.month).padStart(2, "0")}-${String(ref.day).padStart(2, "0")}`;
      if (formatIsoDate(ref) !== text) expect.fail(`formatIsoDate(${JSON.stringify(ref)}) = ${formatIsoDate(ref)}, expected ${text}`);
      checked += 1;
    }
    expect(checked).toBe(3_800_001);
  });

  test("known days", () => {
    expect(toDayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(toDayNumber({ year: 2026, month: 1, day: 1 })).toBe(20_454);
    expect(fromDayNumber(20_453)).toEqual({ year: 2025, month: 12, day: 31 });
    expect(formatIsoDate(fromDayNumber(toDayNumber({ year: 2024, month: 2, day: 29 })))).toBe("2024-02-29");
    expect(dayOfWeek({ year: 2026, month: 10, day: 10 })).toBe(6); // a Saturday
  });

  test("out-of-range and malformed parts keep Date.UTC's behaviour", () => {
    expect(toDayNumber({ year: 2026, month: 2, day: 30 })).toBe(Date.UTC(2026, 1, 30) / DAY_MS);
    expect(toDayNumber({ year: 2026, month: 13, day: 1 })).toBe(Date.UTC(2026, 12, 1) / DAY_MS);
    expect(toDayNumber({ year: 2026, month: 0, day: 0 })).toBe(Date.UTC(2026, -1, 0) / DAY_MS);
    expect(fromDayNumber(1e9)).toEqual({ year: NaN, month: NaN, day: NaN });
    expect(fromDayNumber(1.5)).toEqual(viaDate(1.5));
  });
});
