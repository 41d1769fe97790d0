/**
 * The monthly declaration deadline (src/deadlines/declaration.ts, docs/sources.md#B3): exact errors, exact explanation
 * steps and the edges of the rest-period scan, each worked by hand.
 *
 * Calendar facts used (src/calendar/data.ts):
 * - 2024 (国办发明电〔2023〕7号): off 10–17 Feb (Sunday 4 Feb and Sunday 18 Feb work).
 * - 2025 (国办发明电〔2024〕12号): off 1 Jan; off 28 Jan–4 Feb (Sunday 26 Jan and Saturday 8 Feb work); off
 *   31 May–2 Jun.
 * - 2026 (国办发明电〔2025〕7号): off 4–6 Apr, 1–5 May, 1–7 Oct (Saturday 10 Oct works).
 * - 2027 and 2028 are not bundled: the tests that need them pass hypothetical schedules (source "caller").
 *
 * Days of the week: 2025-01-01 is a Wednesday, 2026-01-01 a Thursday, 2027-01-01 a Friday, 2028-01-01 a Saturday.
 */
import { describe, expect, test } from "vitest";
import { BUNDLED_CALENDAR, loadCalendar } from "../../src/calendar/calendar.js";
import { computeDeclarationDeadline, monthSchema, taxDeclarationDeadline } from "../../src/deadlines/declaration.js";
import { invalidJson as invalid, notCoveredJson as notCovered, stepSummary as summary, thrown } from "../support/errors.js";

const YEAR_MONTH_EN = "expected a year from 1900 to 2199 and a month from 1 to 12";
const YEAR_MONTH_ZH = "年份应为1900至2199，月份应为1至12";
const DUE_DAY_EN = "the due day must be a day of the month";
const DUE_DAY_ZH = "申报期限日应为当月的某一日";

const RULES_NOTE = {
  zh: "休息日为法定放假日及非调休上班的周六、周日；含至少一个法定放假日的连续休息日为一个休假期（与周末连休的周末计入），单纯的周末不构成休假期；只计算申报期内连续3日以上的部分",
  en: "rest days are official days off and Saturdays/Sundays that are not adjusted working days; a run of rest days containing an official day off is a rest period (weekend days joined to it count); an ordinary weekend is none; only runs of 3 or more days inside the period count",
};

describe("monthSchema: YYYY-MM, years 1900 to 2199 inclusive", () => {
  test("the bounds are inclusive", () => {
    // The refine reads `year >= 1900 && year <= 2199`: both end years are months, their neighbours are not.
    expect(monthSchema.safeParse("1900-01").success).toBe(true);
    expect(monthSchema.safeParse("2199-12").success).toBe(true);
    expect(monthSchema.safeParse("1899-12").success).toBe(false);
    expect(monthSchema.safeParse("2200-01").success).toBe(false);
  });

  test("a year out of range is INVALID_INPUT at declarationMonth with the schema's message", () => {
    // parseInput (src/core/validate.ts) prefixes the field path: "declarationMonth: <message>".
    expect(thrown(() => computeDeclarationDeadline("qinghai", { declarationMonth: "1899-12" }))).toEqual(
      invalid(["declarationMonth"], "declarationMonth: year out of range 1900–2199", "declarationMonth：输入无效（年份超出1900–2199的范围）"),
    );
    expect(thrown(() => computeDeclarationDeadline("qinghai", { declarationMonth: "2200-01" }))).toEqual(
      invalid(["declarationMonth"], "declarationMonth: year out of range 1900–2199", "declarationMonth：输入无效（年份超出1900–2199的范围）"),
    );
    // 2199-12 passes the schema; Qinghai's rules are in force (order month 2199-11 is after 2026-07-01), so the
    // first failure is the calendar: 2199-12-01 is not loaded.
    expect(thrown(() => computeDeclarationDeadline("qinghai", { declarationMonth: "2199-12" }))).toEqual(
      notCovered("2199-12-01", ["declarationMonth"]),
    );
  });
});

describe("taxDeclarationDeadline: year and month checks", () => {
  test.each([
    ["a year before 1900", 1899, 6],
    ["a year after 2199", 2200, 6],
    ["a fractional year", 2026.5, 6],
    ["month 0", 2026, 0],
    ["month 13", 2026, 13],
    ["a fractional month", 2026, 6.5],
  ])("%s is INVALID_INPUT at the path given", (_, year, month) => {
    expect(thrown(() => taxDeclarationDeadline(year, month, 15, BUNDLED_CALENDAR))).toEqual(
      invalid(["declarationMonth"], YEAR_MONTH_EN, YEAR_MONTH_ZH),
    );
    expect(thrown(() => taxDeclarationDeadline(year, month, 15, BUNDLED_CALENDAR, ["month"]))).toEqual(
      invalid(["month"], YEAR_MONTH_EN, YEAR_MONTH_ZH),
    );
  });

  test("1900 and 2199 are valid years: the next failure is the calendar, at the first day of the month", () => {
    // The checks are `year < 1900` and `year > 2199`; the scan then asks the calendar about day 1 of the month.
    expect(thrown(() => taxDeclarationDeadline(1900, 1, 15, BUNDLED_CALENDAR))).toEqual(notCovered("1900-01-01", ["declarationMonth"]));
    expect(thrown(() => taxDeclarationDeadline(2199, 1, 15, BUNDLED_CALENDAR, ["month"]))).toEqual(notCovered("2199-01-01", ["month"]));
  });

  test("months 1 and 12 are valid", () => {
    // 2026-01: 1–3 January off (Thu–Sat), Sunday 4 January works: a 3-day run → 3 working days after Thursday 15
    // January: 16, 19, 20 → 2026-01-20 (税总办征科函〔2025〕64号: 1-20).
    expect(taxDeclarationDeadline(2026, 1, 15, BUNDLED_CALENDAR).deadline).toBe("2026-01-20");
    // 2026-12: no holiday in 1–15 December; the 15th is a Tuesday → the 15th.
    expect(taxDeclarationDeadline(2026, 12, 15, BUNDLED_CALENDAR).deadline).toBe("2026-12-15");
  });
});

describe("taxDeclarationDeadline: the due day must be a day of the month", () => {
  test.each([
    ["0", 2026, 4, 0],
    ["32", 2026, 4, 32],
    ["a fraction", 2026, 4, 15.5],
    ["31 April", 2026, 4, 31],
    ["29 February of a common year", 2026, 2, 29],
    ["30 February of a leap year", 2024, 2, 30],
  ])("%s is INVALID_INPUT at dueDay", (_, year, month, day) => {
    // Always at ["dueDay"], whatever path the caller gave for the month.
    expect(thrown(() => taxDeclarationDeadline(year, month, day, BUNDLED_CALENDAR, ["month"]))).toEqual(
      invalid(["dueDay"], DUE_DAY_EN, DUE_DAY_ZH),
    );
  });

  test("day 1 is valid: 2026-04-01, a Wednesday, no rest day before it", () => {
    expect(taxDeclarationDeadline(2026, 4, 1, BUNDLED_CALENDAR)).toMatchObject({
      deadline: "2026-04-01", periodStart: "2026-04-01", nominalDeadline: "2026-04-01", holidayDaysInPeriod: 0,
      restPeriods: [], rule: "due-day",
    });
  });

  test("the last day of the month is valid: 30 April 2026", () => {
    // 4 (Sat), 5 (Sun), 6 (Mon) April off: a 3-day run inside 1–30 April → 3 working days after Thursday 30 April;
    // 1–5 May are off → 6, 7, 8 May.
    expect(taxDeclarationDeadline(2026, 4, 30, BUNDLED_CALENDAR)).toMatchObject({
      deadline: "2026-05-08", nominalDeadline: "2026-04-30", holidayDaysInPeriod: 3,
      restPeriods: [{ from: "2026-04-04", to: "2026-04-06", daysInPeriod: 3, counted: true }], rule: "holiday-deferral",
    });
  });

  test("29 February of a leap year is valid", () => {
    // 2024: 10 (Sat)–17 (Sat) February off, 9 Feb a Friday, Sunday 18 Feb works: 8 days → 8 working days after
    // Thursday 29 Feb: 1 Mar (1), 4–8 Mar (6), 11 (7), 12 (8) → 2024-03-12.
    expect(taxDeclarationDeadline(2024, 2, 29, BUNDLED_CALENDAR)).toMatchObject({
      deadline: "2024-03-12", holidayDaysInPeriod: 8,
      restPeriods: [{ from: "2024-02-10", to: "2024-02-17", daysInPeriod: 8, counted: true }],
    });
  });
});

describe("taxDeclarationDeadline: where a rest period is cut", () => {
  test("forwards: at the last day of the month (January 2025, due on the 31st)", () => {
    // 1 January 2025 (Wed) alone: a 1-day rest period, not counted. 28 January (Tue)–4 February off; 27 January
    // is a Monday and works. The run is cut at the month end, 31 January: 28–31 = 4 days, counted. Deadline: 4
    // working days after Friday 31 January: 1–2 Feb weekend, 3–4 Feb off, 5 (1), 6 (2), 7 (3), Saturday 8 Feb
    // (调休上班, 4) → 2025-02-08.
    const r = taxDeclarationDeadline(2025, 1, 31, BUNDLED_CALENDAR);
    expect(r.restPeriods).toEqual([
      { from: "2025-01-01", to: "2025-01-01", daysInPeriod: 1, counted: false },
      { from: "2025-01-28", to: "2025-01-31", daysInPeriod: 4, counted: true },
    ]);
    expect(r.holidayDaysInPeriod).toBe(4);
    expect(r.rule).toBe("holiday-deferral");
    expect(r.deadline).toBe("2025-02-08");
    expect(r.calendarSources.map((s) => s.notice)).toEqual(["国办发明电〔2024〕12号"]);
  });

  test("backwards: at most 31 days before the first of the month", () => {
    // A hypothetical 2027 with 20 January (Wed)–10 March (Wed) off; 19 January (Tue) and 11 March (Thu) work.
    // March 2027: 1 March is a Monday; 1 March − 31 days = 29 January, where the run is cut (not 20 January).
    // In the period 1–10 March: 10 days, counted. Deadline: 10 working days after Monday 15 March: 16–19 (4),
    // 22–26 (9), 29 (10) → 2027-03-29.
    const cal = loadCalendar([{ year: 2027, off: [["2027-01-20", "2027-03-10"]], work: [] }]);
    const r = taxDeclarationDeadline(2027, 3, 15, cal);
    expect(r.restPeriods).toEqual([{ from: "2027-01-29", to: "2027-03-10", daysInPeriod: 10, counted: true }]);
    expect(r).toMatchObject({ deadline: "2027-03-29", periodStart: "2027-03-01", nominalDeadline: "2027-03-15", holidayDaysInPeriod: 10 });
    expect(r.calendarSources.map((s) => [s.year, s.notice, s.document])).toEqual([[2027, "caller", null]]);
  });
});

describe("computeDeclarationDeadline: the explanation, one rule per branch", () => {
  test("holiday deferral (Qinghai 2026-10): province article, tax rules, the 2026 notice", () => {
    // 1–7 October off (Thu–Wed), 8 October works: 7 days → 7 working days after Thursday 15 October: 16, 19–23,
    // 26 → 2026-10-26 (税总办征科函〔2025〕64号: 10-26).
    const c = computeDeclarationDeadline("qinghai", { declarationMonth: "2026-10" });
    expect(c.explanation.slice(1).map(summary)).toEqual([
      {
        rule: "declaration.period",
        title: { zh: "按月申报缴纳：申报期", en: "monthly declaration: the declaration period" },
        citations: ["qinghai-measures#art8.p1", "tax-collection-rules#art109"],
        inputs: { declarationMonth: "2026-10" },
        parameters: [["timeLimit.monthlyDeclaration", { day: 15, holiday: "tax-declaration" }, "seed"]],
        result: { orderMonth: "2026-09", periodStart: "2026-10-01", nominalDeadline: "2026-10-15" },
        notes: [{
          // the due day as the parameter states it (timeLimit.monthlyDeclaration), then the period it gives
          zh: "2026-10 申报 2026-09 的订单；申报期限为每月15日（按税收征收管理法实施细则第一百零九条顺延），申报期为 2026-10-01 – 2026-10-15",
          en: "the declaration in 2026-10 covers the orders of 2026-09; it is due on the 15th of each month (deferred per tax-collection rules art. 109), the declaration period is 2026-10-01 – 2026-10-15",
        }],
      },
      {
        rule: "declaration.holiday-days",
        title: { zh: "申报期内连续3日以上的法定休假日", en: "runs of 3 or more holiday days in the period" },
        citations: ["tax-collection-rules#art109", "holiday-notice-2026"],
        inputs: { period: "2026-10-01 – 2026-10-15" },
        parameters: [],
        result: { restPeriods: ["2026-10-01…2026-10-07: 7"], holidayDaysInPeriod: 7 },
        notes: [RULES_NOTE, { zh: "节假日安排：2026: 国办发明电〔2025〕7号", en: "holiday schedules: 2026: 国办发明电〔2025〕7号" }],
      },
      {
        rule: "declaration.deadline",
        title: { zh: "申报缴纳期限", en: "declaration deadline" },
        citations: ["qinghai-measures#art8.p1", "tax-collection-rules#art109"],
        inputs: { nominalDeadline: "2026-10-15", holidayDaysInPeriod: 7 },
        parameters: [],
        result: "2026-10-26",
        notes: [{
          zh: "申报期内有连续3日以上法定休假日共 7 天，自 2026-10-15 之后顺延 7 个工作日至 2026-10-26",
          en: "7 holiday days in runs of 3 or more lie in the period: 7 working days after 2026-10-15, i.e. 2026-10-26",
        }],
      },
    ]);
  });

  test("last day a rest day (Shanghai 2025-06): a short run is listed with \"(<3)\"", () => {
    // 31 May (Sat)–2 June (Mon) off: only 1–2 June (2 days) lie in the period → not counted. Sunday 15 June is a
    // rest day → Monday 16 June (published: 6-16). Shanghai 规程第十四条第一款 is cited.
    const c = computeDeclarationDeadline("shanghai", { declarationMonth: "2025-06" });
    expect(c.value).toEqual({
      deadline: "2025-06-16", declarationMonth: "2025-06", orderMonth: "2025-05", periodStart: "2025-06-01",
      nominalDeadline: "2025-06-15", holidayDaysInPeriod: 0,
      restPeriods: [{ from: "2025-05-31", to: "2025-06-02", daysInPeriod: 2, counted: false }], rule: "last-day-rest",
    });
    const [, period, days, deadline] = c.explanation.map(summary);
    expect(period?.citations).toEqual(["shanghai-rules#art14.p1", "tax-collection-rules#art109"]);
    expect(days?.citations).toEqual(["tax-collection-rules#art109", "holiday-notice-2025"]);
    expect(days?.result).toEqual({ restPeriods: ["2025-05-31…2025-06-02: 2 (<3)"], holidayDaysInPeriod: 0 });
    expect(days?.notes?.[1]).toEqual({ zh: "节假日安排：2025: 国办发明电〔2024〕12号", en: "holiday schedules: 2025: 国办发明电〔2024〕12号" });
    expect(deadline?.citations).toEqual(["shanghai-rules#art14.p1", "tax-collection-rules#art109"]);
    expect(deadline?.notes).toEqual([{
      zh: "最后一日 2025-06-15 为休息日，以休假日期满的次日 2025-06-16 为最后一日",
      en: "the last day 2025-06-15 is a rest day: the first working day after it, 2025-06-16",
    }]);
  });

  test("the due day itself (Guangxi 2026-07): no province article, the national parameter", () => {
    // No official day off in 1–15 July 2026; Wednesday 15 July works → the 15th (published: 7月 the 15th).
    // Guangxi has no text (the premium is collected by the tax authority): no province article; the period step
    // adds the citations of its national parameter (the national measures, and Qinghai art. 8 whose words it is),
    // the deadline step has no parameter and cites the tax rules alone.
    const c = computeDeclarationDeadline("guangxi", { declarationMonth: "2026-07" });
    expect(c.value.rule).toBe("due-day");
    const [, period, days, deadline] = c.explanation.map(summary);
    expect(period?.citations).toEqual(["tax-collection-rules#art109", "national-measures", "qinghai-measures#art8.p1"]);
    expect(period?.parameters).toEqual([["timeLimit.monthlyDeclaration", { day: 15, holiday: "tax-declaration" }, "national"]]);
    expect(days?.result).toEqual({ restPeriods: [], holidayDaysInPeriod: 0 });
    expect(deadline).toEqual({
      rule: "declaration.deadline",
      title: { zh: "申报缴纳期限", en: "declaration deadline" },
      citations: ["tax-collection-rules#art109"],
      inputs: { nominalDeadline: "2026-07-15", holidayDaysInPeriod: 0 },
      parameters: [],
      result: "2026-07-15",
      notes: [{
        zh: "申报期内无连续3日以上法定休假日，最后一日 2026-07-15 为工作日",
        en: "no run of 3 or more holiday days in the period and 2026-07-15 is a working day",
      }],
    });
  });

  test("a deferral into the next year lists both schedules, joined by \"; \"", () => {
    // Hypothetical 2027 with 13–31 December off and a 2028 with no day off. 1 December 2027 is a Wednesday:
    // 11 (Sat) and 12 (Sun) December join the holiday → the run is 11–31 December, 5 days in 1–15 December.
    // 5 working days after Wednesday 15 December: the rest of December is off, 1–2 January 2028 a weekend,
    // 3–7 January (Mon–Fri) → 2028-01-07. Caller schedules have no document: only the tax rules are cited.
    const calendars = [
      { year: 2027, off: [["2027-12-13", "2027-12-31"]] as Array<[string, string]>, work: [] },
      { year: 2028, off: [], work: [] },
    ];
    const c = computeDeclarationDeadline("zhejiang", { declarationMonth: "2027-12" }, { calendars });
    expect(c.value).toMatchObject({
      deadline: "2028-01-07", orderMonth: "2027-11", holidayDaysInPeriod: 5,
      restPeriods: [{ from: "2027-12-11", to: "2027-12-31", daysInPeriod: 5, counted: true }],
    });
    const days = summary(c.explanation[2]);
    expect(days.citations).toEqual(["tax-collection-rules#art109"]);
    expect(days.notes).toEqual([RULES_NOTE, { zh: "节假日安排：2027: 调用方提供；2028: 调用方提供", en: "holiday schedules: 2027: supplied by the caller; 2028: supplied by the caller" }]);
    expect(summary(c.explanation[3]).notes).toEqual([{
      zh: "申报期内有连续3日以上法定休假日共 5 天，自 2027-12-15 之后顺延 5 个工作日至 2028-01-07",
      en: "5 holiday days in runs of 3 or more lie in the period: 5 working days after 2027-12-15, i.e. 2028-01-07",
    }]);
  });

  test("a calendar gap is passed through unchanged: CALENDAR_NOT_COVERED at declarationMonth", () => {
    // 2027-03 declares February's orders; 1 March 2027 is the first day asked of the calendar.
    expect(thrown(() => computeDeclarationDeadline("zhejiang", { declarationMonth: "2027-03" }))).toEqual(
      notCovered("2027-03-01", ["declarationMonth"]),
    );
  });
});
