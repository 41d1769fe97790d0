/**
 * The working-day calendar (docs/sources.md#B1). Hand facts used below (2026, 国办发明电〔2025〕7号; 1 January 2026 is a
 * Thursday): off 1–3 Jan, 15–23 Feb, 4–6 Apr, 1–5 May, 19–21 Jun, 25–27 Sep, 1–7 Oct; adjusted working days
 * Sun 4 Jan, Sat 14 Feb, Sat 28 Feb, Sat 9 May, Sun 20 Sep, Sat 10 Oct.
 */
import { describe, expect, test } from "vitest";
import {
  addWorkingDays, BUNDLED_CALENDAR, countWorkingDays, dayKind, isWorkingDay, loadCalendar, nextWorkingDay,
} from "../../src/calendar/calendar.js";
import { bundledCalendarInputs, OFFICIAL_HOLIDAY_YEARS } from "../../src/calendar/data.js";

describe("bundled calendars", () => {
  test("2024–2026 with their notices and confirmed issue dates", () => {
    expect(BUNDLED_CALENDAR.years()).toEqual([2024, 2025, 2026]);
    expect(BUNDLED_CALENDAR.sources().map((s) => [s.year, s.notice, s.issued, s.document])).toEqual([
      [2024, "国办发明电〔2023〕7号", "2023-10-25", "holiday-notice-2024"],
      [2025, "国办发明电〔2024〕12号", "2024-11-12", "holiday-notice-2025"],
      [2026, "国办发明电〔2025〕7号", "2025-11-04", "holiday-notice-2026"],
    ]);
  });

  test("working days per year: 251 (2024), 248 (2025), 248 (2026)", () => {
    // 2024: 366 days − 104 weekend days − 19 official days off on weekdays + 8 adjusted working days = 251.
    // 2025: 365 − 104 − 18 (28 days off, 10 of them on weekends) + 5 = 248.
    // 2026: 365 − 104 − 19 (33 days off, 14 on weekends) + 6 = 248.
    expect(countWorkingDays("2023-12-31", "2024-12-31", loadCalendar([{ year: 2023, off: [], work: [] }]))).toBe(251);
    expect(countWorkingDays("2024-12-31", "2025-12-31")).toBe(248);
    expect(countWorkingDays("2025-12-31", "2026-12-31")).toBe(248);
  });

  test("day kinds, including adjusted working days and holidays on weekends", () => {
    expect(isWorkingDay("2026-10-08")).toBe(true); // Thursday after National Day
    expect(isWorkingDay("2026-10-10")).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay("2026-10-03")).toBe(false); // Saturday inside the holiday
    expect(isWorkingDay("2026-10-11")).toBe(false); // ordinary Sunday
    expect(isWorkingDay("2025-09-28")).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay("2024-06-10")).toBe(false); // Monday, Dragon Boat Festival
    expect(isWorkingDay("2024-02-09")).toBe(true); // 除夕 2024 was not a day off (only encouraged)
    expect(dayKind("2026-02-14")).toBe("adjusted-working-day");
    expect(dayKind("2026-02-15")).toBe("official-day-off");
    expect(dayKind("2026-03-07")).toBe("weekend");
    expect(dayKind("2026-03-09")).toBe("weekday");
  });

  test("next working day skips holidays and lands on adjusted weekend working days, across New Year", () => {
    expect(nextWorkingDay("2026-09-30")).toBe("2026-10-08");
    expect(nextWorkingDay("2026-01-02")).toBe("2026-01-04"); // Sunday, 调休上班
    expect(nextWorkingDay("2025-12-31")).toBe("2026-01-04");
    expect(nextWorkingDay("2026-10-09")).toBe("2026-10-10");
  });

  test("adding and counting working days", () => {
    expect(addWorkingDays("2026-02-13", 0)).toBe("2026-02-13");
    expect(addWorkingDays("2026-02-13", 1)).toBe("2026-02-14"); // Saturday, 调休上班
    expect(addWorkingDays("2026-02-13", 2)).toBe("2026-02-24"); // 15–23 February off
    expect(addWorkingDays("2026-10-15", 7)).toBe("2026-10-26");
    // 14 (Sat, work), 24, 25, 26, 27, 28 (Sat, work) = 6
    expect(countWorkingDays("2026-02-13", "2026-02-28")).toBe(6);
    expect(countWorkingDays("2026-02-13", "2026-02-13")).toBe(0);
    expect(() => countWorkingDays("2026-02-13", "2026-02-12")).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["to"] }));
    expect(() => addWorkingDays("2026-02-13", -1)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["n"] }));
    expect(() => addWorkingDays("2026-02-13", 1.5)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });

  test("outside the loaded years: CALENDAR_NOT_COVERED, never a weekday fallback", () => {
    expect(() => isWorkingDay("2027-01-04")).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["date"] }));
    expect(() => isWorkingDay("2023-12-29")).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED" }));
    expect(() => nextWorkingDay("2026-12-31")).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED" }));
    expect(() => addWorkingDays("2026-12-30", 2)).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED" }));
    expect(addWorkingDays("2026-12-30", 1)).toBe("2026-12-31"); // still inside 2026
    expect(() => isWorkingDay("2026-02-30")).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["date"] }));
  });
});

describe("caller-supplied years", () => {
  const y2027 = { year: 2027, off: [["2027-01-01", "2027-01-01"]] as Array<[string, string]>, work: ["2027-02-06"], source: "hypothetical test schedule" };

  test("extend coverage, with the caller named as source", () => {
    const cal = loadCalendar([y2027]);
    expect(cal.years()).toEqual([2024, 2025, 2026, 2027]);
    expect(isWorkingDay("2027-01-01", cal)).toBe(false);
    expect(isWorkingDay("2027-02-06", cal)).toBe(true); // a Saturday
    expect(nextWorkingDay("2026-12-31", cal)).toBe("2027-01-04"); // 1 Jan off, 2–3 Jan weekend
    expect(cal.sources()[3]).toMatchObject({ year: 2027, notice: "caller", bundled: false, title: "hypothetical test schedule" });
    // the bundled calendar is untouched
    expect(BUNDLED_CALENDAR.covers("2027-01-01")).toBe(false);
  });

  test("an identical copy of a bundled year is accepted; a different one is refused", () => {
    const copy = bundledCalendarInputs().find((y) => y.year === 2026);
    expect(copy).toBeDefined();
    expect(loadCalendar([copy as never]).years()).toEqual([2024, 2025, 2026]);
    expect(() => loadCalendar([{ year: 2026, off: [["2026-01-01", "2026-01-01"]], work: [] }])).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["calendars", 0, "year"] }),
    );
  });

  test("validation: ranges well-formed, no overlaps, work days only on weekends, dates inside the year", () => {
    const bad = (year: Record<string, unknown>) => () => loadCalendar([{ year: 2027, off: [], work: [], ...year } as never]);
    expect(bad({ off: [["2027-01-03", "2027-01-01"]] })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["calendars", 0, "off", 0] }));
    expect(bad({ off: [["2027-02-01", "2027-02-05"], ["2027-02-05", "2027-02-07"]] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["calendars", 0, "off", 1] }),
    );
    expect(bad({ work: ["2027-02-08"] })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["calendars", 0, "work", 0] })); // a Monday
    expect(bad({ off: [["2027-02-06", "2027-02-07"]], work: ["2027-02-06"] })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(bad({ work: ["2027-02-06", "2027-02-06"] })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["calendars", 0, "work", 1] }));
    expect(bad({ off: [["2026-12-31", "2027-01-01"]] })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["calendars", 0, "off", 0, 0] }));
    expect(bad({ off: [["2027-02-30", "2027-03-01"]] })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(bad({ year: 2027.5 })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["calendars", 0, "year"] }));
    expect(() => loadCalendar([y2027, y2027])).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["calendars", 1, "year"] }));
  });

  test("the bundled data itself satisfies the same checks", () => {
    for (const y of OFFICIAL_HOLIDAY_YEARS) {
      for (const w of y.work) expect(["Sat", "Sun"]).toContain(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(`${w}T00:00:00Z`).getUTCDay()]);
      const sorted = [...y.off].sort((a, b) => a[0].localeCompare(b[0]));
      for (let i = 1; i < sorted.length; i++) expect((sorted[i] as [string, string])[0] > (sorted[i - 1] as [string, string])[1]).toBe(true);
    }
    expect(Object.isFrozen(BUNDLED_CALENDAR)).toBe(true);
  });
});
