/**
 * src/calendar pinned exactly: every error (code, path, both messages), every note and explanation step of a period,
 * and the edges of each check. The companion of calendar.test.ts and periods.test.ts, which check the dates.
 *
 * Hand facts (docs/sources.md#B1; 1 January 2026 is a Thursday, 1 January 2027 a Friday): 2026 off 1–3 Jan, 15–23 Feb,
 * 4–6 Apr, 1–5 May, 19–21 Jun, 25–27 Sep, 1–7 Oct; 2026 adjusted working days Sun 4 Jan, Sat 14 Feb, Sat 28 Feb,
 * Sat 9 May, Sun 20 Sep, Sat 10 Oct. Day number 20453 is 2025-12-31 (20,454 days after 1970-01-01 is 2026-01-01).
 */
import { describe, expect, test } from "vitest";
import {
  addWorkingDays, asCalendar, BUNDLED_CALENDAR, calendarFromOptions, countWorkingDays, dayKind, isWorkingDay, loadCalendar,
  nextWorkingDay, notCovered,
} from "../../src/calendar/calendar.js";
import { bundledCalendarInputs } from "../../src/calendar/data.js";
import {
  addMonthsCorresponding, calendarDayPeriod, computePeriod, describePeriod, monthPeriod, periodStepSpec, workingDayPeriod, yearPeriod,
  type PeriodResult,
} from "../../src/calendar/periods.js";
import { type ErrorPathJson, invalidJson, notCoveredJson, thrown } from "../support/errors.js";

type Plain = { code: string; path: unknown[]; message: string; messageEn: string; messageZh: string };
const caught = (f: () => unknown) => thrown(f) as Plain;
const invalid = invalidJson;
const uncovered = (path: ErrorPathJson, date: string, years?: string) => notCoveredJson(date, path, years);
const y2027 = (over: Record<string, unknown> = {}) => ({ year: 2027, off: [] as unknown[], work: [] as unknown[], ...over });
const load = (over: Record<string, unknown>) => caught(() => loadCalendar([y2027(over) as never]));
const at = (...rest: ErrorPathJson) => ["calendars", 0, ...rest];

const SRC_2025 = { zh: "2025: 国办发明电〔2024〕12号 (2024-11-12)", en: "2025: 国办发明电〔2024〕12号 (2024-11-12)" };
const SRC_2026 = "2026: 国办发明电〔2025〕7号 (2025-11-04)";
const NOTE_2026 = { zh: `节假日安排：${SRC_2026}`, en: `holiday schedules: ${SRC_2026}` };
/** The one step of a period, its citations reduced to ids. */
const step = (p: PeriodResult) => {
  const s = p.explanation[0];
  return s && { step: s.step, rule: s.rule, title: s.title, citations: s.citations.map((c) => c.id), inputs: s.inputs, result: s.result, notes: s.notes };
};

describe("the calendar's errors", () => {
  test("CALENDAR_NOT_COVERED names the date and the years loaded, or none", () => {
    expect(caught(() => isWorkingDay("2027-01-04"))).toEqual(uncovered(["date"], "2027-01-04"));
    expect(caught(() => dayKind("2023-12-31"))).toEqual(uncovered(["date"], "2023-12-31"));
    expect(caught(() => { throw notCovered("2030-05-01", []); })).toEqual(uncovered([], "2030-05-01", "none"));
    expect(caught(() => { throw notCovered("2030-05-01", [2027]); })).toEqual(uncovered([], "2030-05-01", "2027"));
    // the 4th year of a loaded calendar appears in the list
    expect(caught(() => isWorkingDay("2028-01-03", loadCalendar([y2027() as never])))).toEqual(uncovered(["date"], "2028-01-03", "2024, 2025, 2026, 2027"));
  });

  test("day numbers: integers only; the default path is []", () => {
    const msg = ["a day number is an integer (days since 1970-01-01)", "日序号应为整数（自 1970-01-01 起的天数）"] as const;
    for (const d of [1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) expect(caught(() => BUNDLED_CALENDAR.kindOfDay(d))).toEqual(invalid([], ...msg));
    expect(caught(() => BUNDLED_CALENDAR.isWorkingDayNumber(0.5, ["x"]))).toEqual(invalid(["x"], ...msg));
    expect(caught(() => BUNDLED_CALENDAR.kindOfDay(20454 + 365))).toEqual(uncovered([], "2027-01-01"));
    // 20453 = 2025-12-31 (Wed), 20454 = 2026-01-01 (off), 20457 = Sun 2026-01-04 (调休上班), 20460 = Wed 2026-01-07, 20461 = Thu … 20464 = Sun 2026-01-11
    expect([20453, 20454, 20457, 20460, 20464].map((d) => BUNDLED_CALENDAR.kindOfDay(d))).toEqual(["weekday", "official-day-off", "adjusted-working-day", "weekday", "weekend"]);
    expect([20453, 20454, 20457, 20464].map((d) => BUNDLED_CALENDAR.isWorkingDayNumber(d))).toEqual([true, false, true, false]);
    const ints = ["day numbers are integers (days since 1970-01-01)", "日序号应为整数（自 1970-01-01 起的天数）"] as const;
    expect(caught(() => BUNDLED_CALENDAR.sourcesBetween(1.5, 20454))).toEqual(invalid([], ...ints));
    expect(caught(() => BUNDLED_CALENDAR.sourcesBetween(20454, Number.NaN))).toEqual(invalid([], ...ints));
  });

  test("sourcesBetween: either order, only the loaded years in between, each described whole", () => {
    expect(BUNDLED_CALENDAR.sourcesBetween(20454, 20453).map((s) => s.year)).toEqual([2025, 2026]);
    expect(BUNDLED_CALENDAR.sourcesBetween(20453, 20453).map((s) => s.year)).toEqual([2025]);
    // 2023-06-01 (day 19509) to 2024-01-01 (day 19723): 2023 is not loaded
    expect(BUNDLED_CALENDAR.sourcesBetween(19509, 19723).map((s) => s.year)).toEqual([2024]);
    expect(BUNDLED_CALENDAR.sourcesBetween(19509, 19509)).toEqual([]);
    expect(BUNDLED_CALENDAR.sourcesBetween(20454, 20454)).toEqual([{ year: 2026, notice: "国办发明电〔2025〕7号",
      title: "国务院办公厅关于2026年部分节假日安排的通知", issued: "2025-11-04", bundled: true, document: "holiday-notice-2026" }]);
    // a caller's year: notice "caller", the default title, no issue date, no document
    expect(loadCalendar([y2027() as never]).sources()[3]).toEqual({ year: 2027, notice: "caller",
      title: "2027 schedule supplied by the caller / 调用方提供的2027年安排", issued: null, bundled: false, document: null });
  });

  test("covers(): a bad date is INVALID_INPUT at date", () => {
    expect(caught(() => BUNDLED_CALENDAR.covers("2026-13-01"))).toEqual(invalid(["date"], "2026-13-01 is not a valid calendar date", "2026-13-01 不是有效日期"));
    expect([BUNDLED_CALENDAR.covers("2024-01-01"), BUNDLED_CALENDAR.covers("2026-12-31"), BUNDLED_CALENDAR.covers("2023-12-31")]).toEqual([true, true, false]);
  });

  test("asCalendar, and every date function with something else than a calendar", () => {
    const bad = invalid(["calendar"], "calendar must be a WorkingDayCalendar (BUNDLED_CALENDAR or one from loadCalendar)",
      "calendar 应为 WorkingDayCalendar（BUNDLED_CALENDAR 或 loadCalendar 的结果）");
    const fake = { isWorkingDayNumber: () => true, kindOfDay: () => "weekday" } as never;
    expect(caught(() => asCalendar({}))).toEqual(bad);
    expect(asCalendar(BUNDLED_CALENDAR)).toBe(BUNDLED_CALENDAR);
    for (const f of [() => isWorkingDay("2026-08-03", fake), () => dayKind("2026-08-03", fake), () => nextWorkingDay("2026-08-03", fake),
      () => addWorkingDays("2026-08-03", 1, fake), () => countWorkingDays("2026-08-03", "2026-08-04", fake),
      () => workingDayPeriod("2026-08-03", 1, { calendar: fake }), () => calendarDayPeriod("2026-08-03", 1, { calendar: fake })]) {
      expect(caught(f)).toEqual(bad);
    }
  });

  test("addWorkingDays: n from 0 to 10000; countWorkingDays: the order and each date's path", () => {
    const n = invalid(["n"], "the number of working days must be an integer from 0 to 10000", "工作日数应为0至10000之间的整数");
    for (const v of [-1, 10_001, 1.5, Number.NaN, "1"]) expect(caught(() => addWorkingDays("2026-08-03", v as never)), String(v)).toEqual(n);
    // 10000 is allowed: it runs out of the loaded years (2026-12-31 is a Thursday; 2027-01-01 the first day not covered)
    expect(caught(() => addWorkingDays("2026-08-03", 10_000))).toEqual(uncovered(["date"], "2027-01-01"));
    expect(caught(() => countWorkingDays("2026-02-13", "2026-02-12"))).toEqual(invalid(["to"], "the end date is before the start date", "结束日期早于开始日期"));
    expect(caught(() => countWorkingDays("2026-2-13", "2026-02-12")).path).toEqual(["from"]);
    expect(caught(() => countWorkingDays("2026-02-13", "x")).path).toEqual(["to"]);
    expect(caught(() => countWorkingDays("2026-12-30", "2027-01-02"))).toEqual(uncovered(["to"], "2027-01-01"));
    expect(caught(() => nextWorkingDay("2026-12-31"))).toEqual(uncovered(["date"], "2027-01-01"));
    // the start itself need not be covered: 2023-12-29 (Fri) + 1 working day = Tuesday 2024-01-02 (1 January off)
    expect(addWorkingDays("2023-12-31", 1)).toBe("2024-01-02");
    expect(nextWorkingDay("2023-12-31")).toBe("2024-01-02");
  });
});

describe("loading a caller's year: each check, its path and its messages", () => {
  test("year: an integer from 1900 to 2199", () => {
    const msg = ["year must be an integer from 1900 to 2199", "年份应为1900至2199之间的整数"] as const;
    for (const year of [1899, 2200, 2027.5, "2027", undefined]) expect(load({ year }), String(year)).toEqual(invalid(at("year"), ...msg));
    expect(loadCalendar([{ year: 1900, off: [], work: [] }, { year: 2199, off: [], work: [] }]).years()).toEqual([1900, 2024, 2025, 2026, 2199]);
  });

  test("off and work must be arrays; a range is a pair", () => {
    const shape = invalid(at(), 'a calendar year needs "off" (ranges) and "work" (dates)', "节假日年度需包含 off（区间）与 work（日期）");
    expect(load({ off: undefined })).toEqual(shape);
    expect(load({ work: "2027-02-06" })).toEqual(shape);
    const pair = ["a range is [first, last]", "区间格式应为 [首日, 末日]"] as const;
    for (const r of [["2027-01-01"], ["2027-01-01", "2027-01-02", "2027-01-03"], "2027-01-01"]) {
      expect(load({ off: [["2027-02-01", "2027-02-01"], r] }), JSON.stringify(r)).toEqual(invalid(at("off", 1), ...pair));
    }
  });

  test("dates inside the year, in the right place", () => {
    expect(load({ off: [["2026-12-31", "2027-01-01"]] })).toEqual(invalid(at("off", 0, 0),
      "2026-12-31 is not in 2027; enter each date under its own year", "2026-12-31 不在 2027 年内，请按日期所在年度分别填写"));
    expect(load({ off: [["2027-12-31", "2028-01-01"]] })).toEqual(invalid(at("off", 0, 1),
      "2028-01-01 is not in 2027; enter each date under its own year", "2028-01-01 不在 2027 年内，请按日期所在年度分别填写"));
    expect(load({ work: ["2026-12-26"] })).toEqual(invalid(at("work", 0),
      "2026-12-26 is not in 2027; enter each date under its own year", "2026-12-26 不在 2027 年内，请按日期所在年度分别填写"));
    expect(load({ off: [["2027-02-30", "2027-03-01"]] })).toEqual(invalid(at("off", 0, 0), "2027-02-30 is not a valid calendar date", "2027-02-30 不是有效日期"));
  });

  test("ranges run forwards and do not overlap (one day and adjacent ranges are fine)", () => {
    expect(load({ off: [["2027-01-03", "2027-01-01"]] })).toEqual(invalid(at("off", 0), "the range ends before it starts", "区间末日早于首日"));
    // sorted by first day: off[1] (1–5 Feb) comes before off[0] (5–7 Feb), so off[0] overlaps off[1]
    expect(load({ off: [["2027-02-05", "2027-02-07"], ["2027-02-01", "2027-02-05"]] })).toEqual(invalid(at("off", 0), "the range overlaps off[1]", "该区间与 off[1] 重叠"));
    expect(load({ off: [["2027-02-01", "2027-02-04"], ["2027-03-01", "2027-03-01"], ["2027-02-03", "2027-02-03"]] })).toEqual(
      invalid(at("off", 2), "the range overlaps off[0]", "该区间与 off[0] 重叠"));
    const cal = loadCalendar([y2027({ off: [["2027-02-05", "2027-02-07"], ["2027-02-01", "2027-02-04"], ["2027-04-05", "2027-04-05"]] }) as never]);
    // 1–7 February 2027 off (Mon–Sun), 5 April (Mon) off
    expect(["2027-01-29", "2027-02-01", "2027-02-04", "2027-02-05", "2027-02-08", "2027-04-05", "2027-04-06"].map((d) => dayKind(d, cal))).toEqual([
      "weekday", "official-day-off", "official-day-off", "official-day-off", "weekday", "official-day-off", "weekday"]);
  });

  test("adjusted working days: Saturdays or Sundays, not days off, not twice", () => {
    expect(load({ work: ["2027-02-08"] })).toEqual(invalid(at("work", 0),
      "2027-02-08 is a weekday; adjusted working days (调休上班) are Saturdays or Sundays", "2027-02-08 为工作日，调休上班日只能是周六或周日"));
    expect(load({ work: ["2027-02-05"] }).path).toEqual(at("work", 0)); // a Friday
    expect(load({ off: [["2027-02-06", "2027-02-07"]], work: ["2027-02-07"] })).toEqual(invalid(at("work", 0),
      "2027-02-07 is also listed as a day off", "2027-02-07 同时被列为放假日"));
    expect(load({ work: ["2027-02-06", "2027-02-07", "2027-02-06"] })).toEqual(invalid(at("work", 2), "2027-02-06 is listed twice", "2027-02-06 重复列出"));
    const cal = loadCalendar([y2027({ work: ["2027-02-06", "2027-02-07"] }) as never]);
    expect([dayKind("2027-02-06", cal), dayKind("2027-02-07", cal), dayKind("2027-02-13", cal)]).toEqual(["adjusted-working-day", "adjusted-working-day", "weekend"]);
  });

  test("the list: an array of objects, a year once, a bundled year only as an identical copy (in any order)", () => {
    expect(caught(() => loadCalendar("2027" as never))).toEqual(invalid(["calendars"], "calendars must be an array", "calendars 必须为数组"));
    expect(caught(() => loadCalendar({} as never, ["options", "calendars"]))).toEqual(invalid(["options", "calendars"], "calendars must be an array", "calendars 必须为数组"));
    expect(caught(() => loadCalendar({} as never, "x" as never))).toEqual(invalid(["calendars"], "calendars must be an array", "calendars 必须为数组"));
    expect(caught(() => loadCalendar([y2027(), null] as never))).toEqual(invalid(["calendars", 1], "a calendar year is an object", "节假日年度应为对象"));
    expect(caught(() => loadCalendar([7] as never, ["c"]))).toEqual(invalid(["c", 0], "a calendar year is an object", "节假日年度应为对象"));
    expect(caught(() => loadCalendar([y2027(), y2027()] as never))).toEqual(invalid(["calendars", 1, "year"], "year 2027 is given twice", "2027 年重复提供"));
    expect(caught(() => loadCalendar([{ year: 2026, off: [], work: [] }]))).toEqual(invalid(["calendars", 0, "year"],
      "year 2026 is bundled (国办发明电〔2025〕7号) and the schedule given differs from it", "2026 年已内置（国办发明电〔2025〕7号），所提供的安排与之不一致"));
    const copy = bundledCalendarInputs().find((y) => y.year === 2025);
    if (copy === undefined) throw new Error("2025 is bundled");
    const reordered = { ...copy, off: [...copy.off].reverse(), work: [...copy.work].reverse() };
    expect(loadCalendar([reordered as never]).years()).toEqual([2024, 2025, 2026]);
    // an identical copy given twice is a year given twice, like any other
    expect(caught(() => loadCalendar([copy, reordered] as never))).toEqual(invalid(["calendars", 1, "year"], "year 2025 is given twice", "2025 年重复提供"));
    // a copy differing in one adjusted working day is refused
    expect(caught(() => loadCalendar([{ ...copy, work: copy.work.slice(1) } as never])).messageEn).toBe(
      "year 2025 is bundled (国办发明电〔2024〕12号) and the schedule given differs from it");
    expect(loadCalendar([])).toBe(BUNDLED_CALENDAR);
    expect(loadCalendar()).toBe(BUNDLED_CALENDAR);
    expect(loadCalendar([y2027({ source: "draft" }) as never]).sources()[3]?.title).toBe("draft");
  });

  test("calendarFromOptions: the bundled calendar itself unless calendars are given", () => {
    expect(calendarFromOptions(undefined)).toBe(BUNDLED_CALENDAR);
    expect(calendarFromOptions({})).toBe(BUNDLED_CALENDAR);
    expect(calendarFromOptions({ calendars: [] })).toBe(BUNDLED_CALENDAR);
    expect(calendarFromOptions({ calendars: [y2027() as never] }).years()).toEqual([2024, 2025, 2026, 2027]);
  });
});

describe("periods: notes, steps and messages", () => {
  test("a last day on a weekend: extended, with the reason and the schedule consulted (2026-03-07 + 15 = Sun 22 March → Mon 23)", () => {
    const p = calendarDayPeriod("2026-03-07", 15);
    const counted = { zh: "开始当日 2026-03-07 不计入，自次日起算 15 日，至 2026-03-22", en: "the starting day 2026-03-07 is not counted; the period of 15 calendar days counted from the next day ends on 2026-03-22" };
    const reason = {
      zh: "期间最后一日 2026-03-22 为周末休息日；休息日 2026-03-22 届满后的次日 2026-03-23 为期间最后一日（民法典第二百零三条）",
      en: "the last day 2026-03-22 is a weekend rest day; the period ends on 2026-03-23, the first working day after the rest days 2026-03-22 (Civil Code art. 203)",
    };
    expect(p.extension).toEqual({ from: "2026-03-22", to: "2026-03-23", restDays: [{ date: "2026-03-22", kind: "weekend" }], reason });
    expect(p.notes).toEqual([counted, reason, NOTE_2026]);
    expect([p.start, p.firstDay, p.nominalEnd, p.deadline, p.count, p.unit, p.restDayExtension, p.restDaysSkipped]).toEqual(
      ["2026-03-07", "2026-03-08", "2026-03-22", "2026-03-23", 15, "day", true, []]);
    expect(step(p)).toEqual({ step: 1, rule: "period.day", title: { zh: "期间：2026-03-07 起 15 日", en: "period: 15 calendar days from 2026-03-07" },
      citations: ["civil-code#art201", "civil-code#art203.p1", "holiday-notice-2026"], inputs: { start: "2026-03-07", count: 15, unit: "day" },
      result: { deadline: "2026-03-23", firstDay: "2026-03-08", nominalEnd: "2026-03-22", extendedFrom: "2026-03-22", restDaysPassed: ["2026-03-22"] },
      notes: [counted, reason, NOTE_2026] });
    expect(Object.isFrozen(p)).toBe(true);
  });

  test("a last day on an official day off: the reason names the holiday and every rest day (2026-09-03 + 30 → 8 October)", () => {
    const p = calendarDayPeriod("2026-09-03", 30);
    const days = "2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07";
    expect(p.extension?.reason).toEqual({
      zh: `期间最后一日 2026-10-03 为法定放假日；休息日 ${days} 届满后的次日 2026-10-08 为期间最后一日（民法典第二百零三条）`,
      en: `the last day 2026-10-03 is an official day off; the period ends on 2026-10-08, the first working day after the rest days ${days} (Civil Code art. 203)`,
    });
    expect(p.extension?.restDays.map((d) => d.kind)).toEqual(Array(5).fill("official-day-off"));
  });

  test("a working last day: the no-extension note; two schedules when the period crosses a year", () => {
    const p = calendarDayPeriod("2026-08-03", 30); // 2 September 2026, a Wednesday
    expect(p.notes).toEqual([
      { zh: "开始当日 2026-08-03 不计入，自次日起算 30 日，至 2026-09-02", en: "the starting day 2026-08-03 is not counted; the period of 30 calendar days counted from the next day ends on 2026-09-02" },
      { zh: "最后一日 2026-09-02 为工作日，不顺延", en: "the last day 2026-09-02 is a working day: no extension" }, NOTE_2026]);
    expect(step(p)?.result).toEqual({ deadline: "2026-09-02", firstDay: "2026-08-04", nominalEnd: "2026-09-02", extendedFrom: null });
    // 2025-12-02 + 30 = 2026-01-01 (off 1–3 Jan) → Sun 4 Jan (调休上班): only 2026 is consulted (nominal end to deadline)
    expect(calendarDayPeriod("2025-12-02", 30).calendarSources.map((s) => s.year)).toEqual([2026]);
  });

  test("working days: the count note with and without official days off, both schedules across the year, the noted citation", () => {
    // 2025-12-30 (Tue): 31 Dec (1), 1–3 Jan off (Thu–Sat), Sun 4 Jan 调休上班 (2)
    const p = workingDayPeriod("2025-12-30", 2);
    const official = "2026-01-01, 2026-01-02, 2026-01-03";
    const counted = { zh: `自 2025-12-31 起计算 2 个工作日，至 2026-01-04；其间跳过休息日 3 天（其中法定放假日：${official}）`,
      en: `the period of 2 working days counted from 2025-12-31 ends on 2026-01-04; 3 rest days passed over (official days off: ${official})` };
    const sources = { zh: `节假日安排：${SRC_2025.zh}；${SRC_2026}`, en: `holiday schedules: ${SRC_2025.en}; ${SRC_2026}` };
    expect(p.notes).toEqual([counted, sources]);
    expect(p.citations).toEqual([{ doc: "civil-code", article: 201, note: "自次日开始计算 / counting starts the next day" },
      { doc: "holiday-notice-2025" }, { doc: "holiday-notice-2026" }]);
    expect(step(p)).toEqual({ step: 1, rule: "period.working-day", title: { zh: "期间：2025-12-30 起 2 个工作日", en: "period: 2 working days from 2025-12-30" },
      citations: ["civil-code#art201", "holiday-notice-2025", "holiday-notice-2026"], inputs: { start: "2025-12-30", count: 2, unit: "working-day" },
      result: { deadline: "2026-01-04", firstDay: "2025-12-31", nominalEnd: "2026-01-04", extendedFrom: null, restDaysSkipped: 3 },
      notes: [counted, sources] });
    expect([p.restDayExtension, p.extension]).toEqual([false, null]);
    // 2026-03-05 (Thu): Fri 6 (1), weekend 7–8, Mon 9 (2), Tue 10 (3): no official day off, no parenthesis
    expect(workingDayPeriod("2026-03-05", 3).notes[0]).toEqual({ zh: "自 2026-03-06 起计算 3 个工作日，至 2026-03-10；其间跳过休息日 2 天",
      en: "the period of 3 working days counted from 2026-03-06 ends on 2026-03-10; 2 rest days passed over" });
    // Fri 2026-03-06 + 1 working day: Sat 7, Sun 8 (rest), Mon 9
    expect(workingDayPeriod("2026-03-06", 1).notes[0]?.en).toBe("the period of 1 working day counted from 2026-03-07 ends on 2026-03-09; 2 rest days passed over");
    // Sat 2026-03-14 + 1 working day: Sun 15 (rest), Mon 16
    expect(workingDayPeriod("2026-03-14", 1).notes[0]?.en).toBe("the period of 1 working day counted from 2026-03-15 ends on 2026-03-16; 1 rest day passed over");
    expect(step(calendarDayPeriod("2026-08-03", 1))?.title.en).toBe("period: 1 calendar day from 2026-08-03");
    expect(calendarDayPeriod("2026-08-03", 1).notes[0]?.en).toBe("the starting day 2026-08-03 is not counted; the period of 1 calendar day counted from the next day ends on 2026-08-04");
    expect(workingDayPeriod("2026-03-05", 3).restDaysSkipped).toEqual([{ date: "2026-03-07", kind: "weekend" }, { date: "2026-03-08", kind: "weekend" }]);
    // restDayExtension: false changes nothing for working days
    expect(workingDayPeriod("2026-03-05", 3, { restDayExtension: false }).deadline).toBe("2026-03-10");
  });

  test("months: the corresponding day, or the month's last day; the duration form", () => {
    const m = monthPeriod("2026-08-03", 1); // 3 September 2026, a Thursday
    expect(m.notes[0]).toEqual({ zh: "开始当日 2026-08-03 不计入；1 个月的到期月对应日为 2026-09-03", en: "the starting day 2026-08-03 is not counted; the period of 1 month ends on the corresponding day 2026-09-03" });
    expect(step(m)?.citations).toEqual(["civil-code#art201", "civil-code#art202", "civil-code#art203.p1", "holiday-notice-2026"]);
    expect(step(m)?.title).toEqual({ zh: "期间：2026-08-03 起 1 个月", en: "period: 1 month from 2026-08-03" });
    const end = monthPeriod("2026-01-31", 1); // 28 February 2026: a Saturday made a working day
    expect(end.notes.slice(0, 2)).toEqual([
      { zh: "开始当日 2026-01-31 不计入；到期月没有对应日，以月末日 2026-02-28 为最后一日",
        en: "the starting day 2026-01-31 is not counted; the last month has no corresponding day, so the period ends on its last day 2026-02-28" },
      { zh: "最后一日 2026-02-28 为工作日，不顺延", en: "the last day 2026-02-28 is a working day: no extension" }]);
    const d = monthPeriod("2026-07-15", 12, { restDayExtension: false });
    expect(d.notes).toEqual([
      { zh: "开始当日 2026-07-15 不计入；12 个月的到期月对应日为 2027-07-15", en: "the starting day 2026-07-15 is not counted; the period of 12 months ends on the corresponding day 2027-07-15" },
      { zh: "本期间为持续期间而非行为期限，不适用最后一日遇休息日顺延的规定，无需节假日安排",
        en: "a duration, not a time limit for an act: no rest-day extension, so no holiday calendar is needed" }]);
    expect([d.restDayExtension, d.extension, d.calendarSources, d.nominalEnd, step(d)?.citations]).toEqual(
      [false, null, [], "2027-07-15", ["civil-code#art201", "civil-code#art202"]]);
    // a calendar-day duration keeps 第二百零一条 only
    expect(calendarDayPeriod("2026-08-03", 61, { restDayExtension: false }).citations).toEqual([{ doc: "civil-code", article: 201 }]);
  });

  test("years: the corresponding day, or 28 February", () => {
    const y = yearPeriod("2025-10-04", 1);
    expect(y.notes[0]).toEqual({ zh: "开始当日 2025-10-04 不计入；1 年的到期月对应日为 2026-10-04", en: "the starting day 2025-10-04 is not counted; the period of 1 year ends on the corresponding day 2026-10-04" });
    expect([y.nominalEnd, y.deadline, step(y)?.rule, step(y)?.title]).toEqual(["2026-10-04", "2026-10-08", "period.year", { zh: "期间：2025-10-04 起 1 年", en: "period: 1 year from 2025-10-04" }]);
    const leap = yearPeriod("2024-02-29", 1); // 28 February 2025, a Friday
    expect(leap.notes.slice(0, 2)).toEqual([
      { zh: "开始当日 2024-02-29 不计入；到期月没有对应日，以月末日 2025-02-28 为最后一日",
        en: "the starting day 2024-02-29 is not counted; no corresponding day, so the period ends on the month's last day 2025-02-28" },
      { zh: "最后一日 2025-02-28 为工作日，不顺延", en: "the last day 2025-02-28 is a working day: no extension" }]);
    expect(step(leap)?.citations).toEqual(["civil-code#art201", "civil-code#art202", "civil-code#art203.p1", "holiday-notice-2025"]);
  });

  test("the count of each unit: 1 to its maximum, the message naming the unit", () => {
    const msg = (en: string, max: number, zh: string) => invalid(["count"], `the period must be a whole number of ${en} from 1 to ${max}`, `期间应为1至${max}之间的整数（单位：${zh}）`);
    const noExt = { restDayExtension: false };
    for (const c of [0, 3661, 1.5]) expect(caught(() => calendarDayPeriod("2020-01-01", c, noExt))).toEqual(msg("calendar days", 3660, "日"));
    for (const c of [0, 121]) expect(caught(() => monthPeriod("2020-01-01", c, noExt))).toEqual(msg("months", 120, "个月"));
    for (const c of [0, 11]) expect(caught(() => yearPeriod("2020-01-01", c, noExt))).toEqual(msg("years", 10, "年"));
    for (const c of [0, 2501]) expect(caught(() => workingDayPeriod("2026-01-01", c))).toEqual(msg("working days", 2500, "个工作日"));
    // the maxima themselves are accepted: 2020-01-01 + 3660 days = 2030-01-08 (3653 days to 2030-01-01, three leap days)
    expect(calendarDayPeriod("2020-01-01", 3660, noExt).deadline).toBe("2030-01-08");
    expect(monthPeriod("2020-01-15", 120, noExt).deadline).toBe("2030-01-15");
    expect(yearPeriod("2020-01-15", 10, noExt).deadline).toBe("2030-01-15");
    expect(calendarDayPeriod("2026-08-03", 1).deadline).toBe("2026-08-04");
    expect(caught(() => workingDayPeriod("2026-01-01", 2500)).code).toBe("CALENDAR_NOT_COVERED");
    // the start is checked before the count
    expect(caught(() => calendarDayPeriod("2026-8-3", 0)).path).toEqual(["start"]);
  });

  test("options: an object; its path names the start in errors; a calendar wins over calendars", () => {
    expect(caught(() => calendarDayPeriod("2026-08-03", 30, null as never))).toEqual(invalid(["options"], "options must be an object", "options 应为对象"));
    expect(caught(() => monthPeriod("2026-08-03", 1, 5 as never)).path).toEqual(["options"]);
    expect(caught(() => calendarDayPeriod("2026-12-20", 30, { path: ["accidentDate"] }))).toEqual(uncovered(["accidentDate"], "2027-01-19"));
    expect(caught(() => workingDayPeriod("2026-13-01", 1, { path: ["event", "date"] })).path).toEqual(["event", "date"]);
    const cal = loadCalendar([y2027({ off: [["2027-01-01", "2027-01-01"]] }) as never]);
    expect(workingDayPeriod("2026-12-30", 2, { calendar: cal, calendars: "ignored" as never }).deadline).toBe("2027-01-04");
    expect(workingDayPeriod("2026-12-30", 2, { calendars: [y2027({ off: [["2027-01-01", "2027-01-01"]] }) as never] }).deadline).toBe("2027-01-04");
    expect(caught(() => workingDayPeriod("2026-12-30", 2)).code).toBe("CALENDAR_NOT_COVERED");
  });

  test("computePeriod dispatches each unit; an unknown unit or a spec that is not an object is refused", () => {
    expect(computePeriod("2026-08-03", { count: 1, unit: "month" }).deadline).toBe("2026-09-03");
    expect(computePeriod("2025-10-04", { count: 1, unit: "year" }).deadline).toBe("2026-10-08");
    expect(computePeriod("2026-03-05", { count: 3, unit: "working-day" }).unit).toBe("working-day");
    expect(computePeriod("2026-03-07", { count: 15, unit: "day" }).deadline).toBe("2026-03-23");
    const unit = invalid(["unit"], "unknown period unit; expected one of day, working-day, month, year", "未知期间单位，应为 day、working-day、month、year 之一");
    expect(caught(() => computePeriod("2026-08-03", { count: 1, unit: "week" as never }))).toEqual(unit);
    const spec = invalid([], "a period is { count, unit }", "期间应为 { count, unit }");
    for (const s of [null, 30, "30 days"]) expect(caught(() => computePeriod("2026-08-03", s as never))).toEqual(spec);
    expect(caught(() => describePeriod(null as never))).toEqual(spec);
    expect(caught(() => describePeriod({ count: 1, unit: "week" as never }))).toEqual(unit);
  });

  test("describePeriod: singular for 1, the Chinese unit, counts from 0", () => {
    expect([1, 2].flatMap((count) => (["day", "working-day", "month", "year"] as const).map((unit) => describePeriod({ count, unit })))).toEqual([
      { zh: "1日", en: "1 calendar day" }, { zh: "1个工作日", en: "1 working day" }, { zh: "1个月", en: "1 month" }, { zh: "1年", en: "1 year" },
      { zh: "2日", en: "2 calendar days" }, { zh: "2个工作日", en: "2 working days" }, { zh: "2个月", en: "2 months" }, { zh: "2年", en: "2 years" },
    ]);
    expect(describePeriod({ count: 0, unit: "day" })).toEqual({ zh: "0日", en: "0 calendar days" });
    const count = invalid(["count"], "the count is a whole number", "期间数应为整数");
    for (const c of [-1, 1.5, Number.NaN, "3"]) expect(caught(() => describePeriod({ count: c as never, unit: "day" })), String(c)).toEqual(count);
  });

  test("periodStepSpec: parameters only when given, the caller's inputs and notes first", () => {
    const p = calendarDayPeriod("2026-03-07", 15);
    const spec = periodStepSpec(p, "x.rule", { zh: "甲", en: "a" }, { inputs: { extra: 1 }, notes: [{ zh: "注", en: "note" }] });
    expect(spec).toEqual({ rule: "x.rule", title: { zh: "甲", en: "a" }, citations: p.citations,
      inputs: { start: "2026-03-07", count: 15, unit: "day", extra: 1 },
      result: { deadline: "2026-03-23", firstDay: "2026-03-08", nominalEnd: "2026-03-22", extendedFrom: "2026-03-22", restDaysPassed: ["2026-03-22"] },
      notes: [{ zh: "注", en: "note" }, ...p.notes] });
    expect("parameters" in spec).toBe(false);
    expect(periodStepSpec(p, "x", { zh: "", en: "" }, { parameters: [] }).parameters).toEqual([]);
    expect(periodStepSpec(p, "x", { zh: "", en: "" }).notes).toEqual(p.notes);
  });

  test("addMonthsCorresponding: across the year, the month's last day, backwards", () => {
    expect(addMonthsCorresponding({ year: 2026, month: 12, day: 31 }, 2)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonthsCorresponding({ year: 2026, month: 11, day: 30 }, 1)).toEqual({ year: 2026, month: 12, day: 30 });
    expect(addMonthsCorresponding({ year: 2026, month: 12, day: 15 }, 1)).toEqual({ year: 2027, month: 1, day: 15 });
    expect(addMonthsCorresponding({ year: 2023, month: 2, day: 28 }, 12)).toEqual({ year: 2024, month: 2, day: 28 });
    expect(addMonthsCorresponding({ year: 2024, month: 1, day: 31 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addMonthsCorresponding({ year: 2026, month: 3, day: 31 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonthsCorresponding({ year: 2026, month: 1, day: 31 }, -1)).toEqual({ year: 2025, month: 12, day: 31 });
  });
});
