/**
 * Periods per 《民法典》第二百零一–二百零三条 (docs/sources.md#B2). Weekdays used: 2026-08-21 Fri, 2026-09-02 Wed,
 * 2026-09-20 Sun (调休上班), 2026-03-22 Sun, 2026-02-28 Sat (调休上班), 2024-02-29 Thu, 2025-02-28 Fri,
 * 2026-10-13 Tue, 2026-11-17 Tue.
 */
import { describe, expect, test } from "vitest";
import { chineseNumeral } from "../../src/core/citation.js";
import {
  calendarDayPeriod, computePeriod, monthPeriod, workingDayPeriod, yearPeriod,
} from "../../src/calendar/periods.js";

describe("calendar-day periods", () => {
  test("start excluded; a working last day stands", () => {
    // 2026-08-03 + 30 days = 2026-09-02, a Wednesday
    const p = calendarDayPeriod("2026-08-03", 30);
    expect(p).toMatchObject({ deadline: "2026-09-02", firstDay: "2026-08-04", nominalEnd: "2026-09-02", extension: null });
    expect(p.explanation).toHaveLength(1);
    expect(p.explanation[0]?.rule).toBe("period.day");
    expect(p.explanation[0]?.citations.map((c) => c.id)).toEqual(["civil-code#art201", "civil-code#art203.p1", "holiday-notice-2026"]);
  });

  test("last day in the National Day week: extended to the first working day after the holiday", () => {
    // 2026-09-03 + 30 = 2026-10-03 (holiday 1–7 Oct) → 2026-10-08
    const p = calendarDayPeriod("2026-09-03", 30);
    expect(p.deadline).toBe("2026-10-08");
    expect(p.extension?.restDays.map((d) => d.date)).toEqual(["2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"]);
    expect(p.extension?.restDays.every((d) => d.kind === "official-day-off")).toBe(true);
    expect(p.notes.some((n) => n.zh.includes("民法典第二百零三条"))).toBe(true);
  });

  test("last day on an adjusted working Sunday: no extension", () => {
    // 2026-08-21 + 30 = 2026-09-20, a Sunday made a working day
    expect(calendarDayPeriod("2026-08-21", 30)).toMatchObject({ deadline: "2026-09-20", extension: null });
  });

  test("last day on an ordinary Sunday: the Monday", () => {
    // 2026-03-07 + 15 = 2026-03-22 (Sunday) → 2026-03-23
    const p = calendarDayPeriod("2026-03-07", 15);
    expect(p.deadline).toBe("2026-03-23");
    expect(p.extension?.restDays).toEqual([{ date: "2026-03-22", kind: "weekend" }]);
  });

  test("across New Year: 2025-12-02 + 30 = 2026-01-01 (off 1–3 Jan) → Sunday 2026-01-04 (调休上班)", () => {
    const p = calendarDayPeriod("2025-12-02", 30);
    expect(p.deadline).toBe("2026-01-04");
    expect(p.calendarSources.map((s) => s.year)).toEqual([2026]);
  });

  test("only the days it needs must be covered", () => {
    // the start is in 2023 (not loaded) but the last day 2024-01-19 is a Friday in 2024
    expect(calendarDayPeriod("2023-12-20", 30).deadline).toBe("2024-01-19");
    expect(() => calendarDayPeriod("2026-12-20", 30)).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["start"] }));
  });
});

describe("month and year periods", () => {
  test("no corresponding day: the month's last day (here a 调休 Saturday, so no extension)", () => {
    expect(monthPeriod("2026-01-31", 1)).toMatchObject({ deadline: "2026-02-28", nominalEnd: "2026-02-28", extension: null });
    expect(monthPeriod("2024-01-31", 1).deadline).toBe("2024-02-29"); // leap year, a Thursday
    expect(monthPeriod("2026-08-31", 1).deadline).toBe("2026-09-30");
  });

  test("corresponding day on a holiday is extended", () => {
    // 2026-04-04 + 6 months = 2026-10-04 (National Day) → 2026-10-08
    expect(monthPeriod("2026-04-04", 6).deadline).toBe("2026-10-08");
  });

  test("years: 29 February → 28 February; one year from 2025-10-04 → 2026-10-08", () => {
    expect(yearPeriod("2024-02-29", 1).deadline).toBe("2025-02-28");
    const p = yearPeriod("2025-10-04", 1);
    expect(p.nominalEnd).toBe("2026-10-04");
    expect(p.deadline).toBe("2026-10-08");
  });

  test("a duration: no rest-day extension and no calendar needed", () => {
    const p = monthPeriod("2026-07-15", 12, { restDayExtension: false });
    expect(p.deadline).toBe("2027-07-15");
    expect(p.calendarSources).toEqual([]);
    expect(p.citations.map((c) => c.article)).toEqual([201, 202]);
    expect(p.notes.some((n) => n.en.includes("a duration"))).toBe(true);
    // as a time limit it would need 2027
    expect(() => monthPeriod("2026-07-15", 12)).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED" }));
    // 2026-10-04 is a holiday, but a duration ends there regardless
    expect(monthPeriod("2026-04-04", 6, { restDayExtension: false }).deadline).toBe("2026-10-04");
  });
});

describe("working-day periods", () => {
  test("7 working days across National Day: 29, 30 Sep, 8, 9, 10 (Sat, 调休), 12, 13 Oct", () => {
    const p = workingDayPeriod("2026-09-28", 7);
    expect(p.deadline).toBe("2026-10-13");
    // 1–7 October (7 official days off) and Sunday 11 October
    expect(p.restDaysSkipped).toHaveLength(8);
    expect(p.restDaysSkipped.filter((d) => d.kind === "official-day-off")).toHaveLength(7);
  });

  test("30 working days from 2026-09-30 end on 2026-11-17", () => {
    // October: 8, 9, 10, 12–16, 19–23, 26–30 = 18; November: 2–6, 9–13 = 28; 16, 17 = 30.
    expect(workingDayPeriod("2026-09-30", 30).deadline).toBe("2026-11-17");
  });

  test("starting on a holiday counts from the next working day", () => {
    expect(workingDayPeriod("2026-02-15", 1).deadline).toBe("2026-02-24");
  });

  test("computePeriod dispatches; bad counts and dates are INVALID_INPUT", () => {
    expect(computePeriod("2026-08-03", { count: 30, unit: "day" }).deadline).toBe("2026-09-02");
    expect(computePeriod("2026-09-28", { count: 7, unit: "working-day" }).deadline).toBe("2026-10-13");
    expect(() => calendarDayPeriod("2026-08-03", 0)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["count"] }));
    expect(() => workingDayPeriod("2026-8-3", 3)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["start"] }));
    expect(() => computePeriod("2026-08-03", { count: 1, unit: "week" as never })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["unit"] }));
  });

  test("caller calendars extend working-day periods into a new year", () => {
    const calendars = [{ year: 2027, off: [["2027-01-01", "2027-01-01"]] as Array<[string, string]>, work: [] }];
    // 2026-12-30 (Wed): 31 Dec (1), 1 Jan off, 2–3 weekend, 4 Jan (2)
    expect(workingDayPeriod("2026-12-30", 2, { calendars }).deadline).toBe("2027-01-04");
    expect(() => workingDayPeriod("2026-12-30", 2)).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED" }));
  });
});

test("civil-code citations render with hundreds (第二百零一条, 第一百零九条)", () => {
  expect([100, 101, 109, 110, 115, 120, 200, 201, 203].map(chineseNumeral)).toEqual([
    "一百", "一百零一", "一百零九", "一百一十", "一百一十五", "一百二十", "二百", "二百零一", "二百零三",
  ]);
  const step = calendarDayPeriod("2026-09-03", 30).explanation[0];
  expect(step?.citations.map((c) => c.zh)).toEqual([
    "《中华人民共和国民法典》 第二百零一条",
    "《中华人民共和国民法典》 第二百零三条第一款",
    "《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）",
  ]);
});

describe("decision only (explain: false)", () => {
  test("the same deadlines and fields, the texts left empty", () => {
    // 2026-09-03 + 30 days = 2026-10-03, in the National Day holiday (1–7 October) → 2026-10-08; 2026-09-28 + 7
    // working days = 2026-10-13 (29, 30 Sep, 8, 9, 10 (Saturday, 调休上班), 12, 13 Oct); 2026-08-31 + 1 month =
    // 2026-09-30 (no 31 September); 2025-10-04 + 1 year = 2026-10-04, a holiday → 2026-10-08; a 12-month duration
    // from 2026-07-15 ends on 2027-07-15 with no extension.
    const cases = [
      () => calendarDayPeriod("2026-09-03", 30),
      () => calendarDayPeriod("2026-09-03", 30, { explain: false }),
      () => workingDayPeriod("2026-09-28", 7),
      () => workingDayPeriod("2026-09-28", 7, { explain: false }),
      () => monthPeriod("2026-08-31", 1),
      () => monthPeriod("2026-08-31", 1, { explain: false }),
      () => yearPeriod("2025-10-04", 1),
      () => yearPeriod("2025-10-04", 1, { explain: false }),
      () => computePeriod("2026-07-15", { count: 12, unit: "month" }, { restDayExtension: false }),
      () => computePeriod("2026-07-15", { count: 12, unit: "month" }, { restDayExtension: false, explain: false }),
    ];
    const deadlines: string[] = [];
    for (let k = 0; k < cases.length; k += 2) {
      const explained = (cases[k] as () => ReturnType<typeof calendarDayPeriod>)();
      const decided = (cases[k + 1] as () => ReturnType<typeof calendarDayPeriod>)();
      expect(explained.explanation.length).toBeGreaterThan(0);
      expect(explained.notes.length).toBeGreaterThan(0);
      expect(explained.citations.length).toBeGreaterThan(0);
      expect(decided).toEqual({ ...explained, citations: [], notes: [], explanation: [] });
      expect(Object.keys(decided)).toEqual(Object.keys(explained));
      deadlines.push(decided.deadline);
    }
    expect(deadlines).toEqual(["2026-10-08", "2026-10-13", "2026-09-30", "2026-10-08", "2027-07-15"]);
  });
});
