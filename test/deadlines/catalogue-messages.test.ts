/**
 * The time-limit catalogue and computeTimeLimit (src/deadlines/catalogue.ts): exact errors with their paths, the
 * exact notes of the monthly and annual limits, and the catalogue's text and provenance, each worked by hand.
 *
 * Calendar facts used (src/calendar/data.ts): 2025 — 5 January a Sunday; 2026 (国办发明电〔2025〕7号) — off 1–3
 * Jan, 15–23 Feb, 1–7 Oct; 5 August a Wednesday. 2027 and 2028 are not bundled: tests needing them pass
 * hypothetical schedules ("caller" sources, no document). 2027-01-01 is a Friday, 2028-01-01 a Saturday.
 *
 * Provinces (src/provinces/*.ts): Qinghai in force from 2026-07-01 (实施办法第四十二条), Shanghai from 2022-07-01;
 * Qinghai 第七条第一款 hands the data over by the 5th; Shanghai 规程第十二条第三款 sets the rate by 31 December
 * and passes it on by 5 January (deferred over rest days).
 */
import { describe, expect, test } from "vitest";
import { computeTimeLimit, describeTimeLimitValue, TIME_LIMITS, timeLimitCatalogue } from "../../src/deadlines/catalogue.js";
import { errorJson as error, notCoveredJson as notCovered, stepSummary as summary, thrown } from "../support/errors.js";

describe("computeTimeLimit: a missing input names the limit and the field", () => {
  test("a period needs from", () => {
    expect(thrown(() => computeTimeLimit("qinghai", { limit: "data-correction" }))).toEqual(error("INVALID_INPUT", ["from"],
      "\"data-correction\" runs from a date: give \"from\"", "“data-correction”自某日起算，请提供 from"));
    // a duration too
    expect(thrown(() => computeTimeLimit("guangxi", { limit: "treatment-period" }))).toEqual(error("INVALID_INPUT", ["from"],
      "\"treatment-period\" runs from a date: give \"from\"", "“treatment-period”自某日起算，请提供 from"));
  });

  test("a monthly limit needs month", () => {
    expect(thrown(() => computeTimeLimit("qinghai", { limit: "monthly-declaration" }))).toEqual(error("INVALID_INPUT", ["month"],
      "\"monthly-declaration\" recurs monthly: give \"month\"", "“monthly-declaration”按月发生，请提供 month"));
  });

  test("an annual limit needs year", () => {
    expect(thrown(() => computeTimeLimit("shanghai", { limit: "rate-notice" }))).toEqual(error("INVALID_INPUT", ["year"],
      "\"rate-notice\" recurs yearly: give \"year\"", "“rate-notice”按年发生，请提供 year"));
  });
});

describe("computeTimeLimit: RULE_NOT_IN_FORCE and CALENDAR_NOT_COVERED point at the field", () => {
  test("before the province's start: at from, month, year", () => {
    // Qinghai from 2026-07-01: an event on 2026-06-01 is before it (the message names the one version).
    expect(thrown(() => computeTimeLimit("qinghai", { limit: "data-correction", from: "2026-06-01" }))).toEqual(error(
      "RULE_NOT_IN_FORCE", ["from"], "Qinghai's rules are in force from 2026-07-01; 2026-06-01 is before that (versions: qinghai@2026-07-01 (2026-07-01 to open))",
      "青海省职业伤害保障规定自 2026-07-01 起施行，2026-06-01 早于该日期（版本：qinghai@2026-07-01（2026-07-01 至 今））"));
    // A monthly limit is checked on the last day of the previous month: 2026-07 → 2026-06-30.
    expect(thrown(() => computeTimeLimit("qinghai", { limit: "monthly-data-handover", month: "2026-07" }))).toEqual(error(
      "RULE_NOT_IN_FORCE", ["month"], "Qinghai's rules are in force from 2026-07-01; 2026-06-30 is before that (versions: qinghai@2026-07-01 (2026-07-01 to open))",
      "青海省职业伤害保障规定自 2026-07-01 起施行，2026-06-30 早于该日期（版本：qinghai@2026-07-01（2026-07-01 至 今））"));
    // An annual limit on its due date: 5 January 1900, before Shanghai's 2022-07-01.
    expect(thrown(() => computeTimeLimit("shanghai", { limit: "rate-notice", year: 1900 }))).toEqual(error(
      "RULE_NOT_IN_FORCE", ["year"], "Shanghai's rules are in force from 2022-07-01; 1900-01-05 is before that (versions: shanghai@2022-07-01 (2022-07-01 to open))",
      "上海市职业伤害保障规定自 2022-07-01 起施行，1900-01-05 早于该日期（版本：shanghai@2022-07-01（2022-07-01 至 今））"));
  });

  test("outside the bundled years: at month (both monthly rules) and at year", () => {
    // The declaration rule scans from the first of the month: 2027-03-01.
    expect(thrown(() => computeTimeLimit("qinghai", { limit: "monthly-declaration", month: "2027-03" }))).toEqual(notCovered("2027-03-01", ["month"]));
    // The data hand-over asks about its due day, the 5th.
    expect(thrown(() => computeTimeLimit("qinghai", { limit: "monthly-data-handover", month: "2027-03" }))).toEqual(notCovered("2027-03-05", ["month"]));
    expect(thrown(() => computeTimeLimit("shanghai", { limit: "rate-notice", year: 2027 }))).toEqual(notCovered("2027-01-05", ["year"]));
  });

  test("an annual override that is no date is INVALID_INPUT at the override", () => {
    // 30 February does not exist: the due date is built from the override and parsed at ["overrides", name].
    expect(thrown(() => computeTimeLimit("shanghai", { limit: "rate-notice", year: 2026 }, {
      overrides: { "timeLimit.rateNotice": { month: 2, day: 30, holiday: "none" } },
    }))).toEqual(error("INVALID_INPUT", ["overrides", "timeLimit.rateNotice"], "2026-02-30 is not a valid calendar date", "2026-02-30 不是有效日期"));
  });

  test("a period uses the caller's calendars", () => {
    // Qinghai: 7 working days after 28 December 2026 (Mon): 29, 30, 31 (3); a hypothetical 2027 with 1 January
    // (Fri) off, then 2–3 January a weekend, 4–7 January (7) → 2027-01-07. Without the 2027 year: not covered.
    const calendars = [{ year: 2027, off: [["2027-01-01", "2027-01-01"]] as Array<[string, string]>, work: [] }];
    expect(computeTimeLimit("qinghai", { limit: "sporadic-medical-reimbursement", from: "2026-12-28" }, { calendars }).value).toEqual({
      limit: "sporadic-medical-reimbursement", deadline: "2027-01-07", nominalDeadline: "2027-01-07", extended: false,
    });
  });
});

describe("computeTimeLimit: monthly limits, every branch of the note", () => {
  test("the due day is a working day (Shanghai, 5 August 2026, a Wednesday)", () => {
    const c = computeTimeLimit("shanghai", { limit: "monthly-data-handover", month: "2026-08" });
    expect(c.value).toEqual({ limit: "monthly-data-handover", deadline: "2026-08-05", nominalDeadline: "2026-08-05", extended: false });
    expect(summary(c.explanation[1])).toEqual({
      rule: "time-limit.monthly-data-handover",
      title: { zh: "向税务机关传递上月总单量及缴费标准", en: "monthly hand-over of last month's orders and rates to the tax authority" },
      // the 2026 notice (a bundled document), then the parameter's own article (规程第九条第二款)
      citations: ["holiday-notice-2026", "shanghai-rules#art9.p2"],
      inputs: { month: "2026-08" },
      parameters: [["timeLimit.monthlyDataHandover", { day: 5, holiday: "next-working-day" }, "seed"]],
      result: { deadline: "2026-08-05", nominalDeadline: "2026-08-05" },
      notes: [
        { zh: "2026-08-05 为工作日", en: "2026-08-05 is a working day" },
        { zh: "节假日安排：国办发明电〔2025〕7号", en: "holiday schedules: 国办发明电〔2025〕7号" },
      ],
    });
  });

  test("the due day is a rest day (Qinghai, 5 October 2026 in the National Day holiday → 8 October)", () => {
    const c = computeTimeLimit("qinghai", { limit: "monthly-data-handover", month: "2026-10" });
    expect(c.value).toEqual({ limit: "monthly-data-handover", deadline: "2026-10-08", nominalDeadline: "2026-10-05", extended: true });
    expect(summary(c.explanation[1]).notes).toEqual([
      { zh: "2026-10-05 为休息日，顺延至其后第一个工作日 2026-10-08", en: "2026-10-05 is a rest day: moved to the first working day after it, 2026-10-08" },
      { zh: "节假日安排：国办发明电〔2025〕7号", en: "holiday schedules: 国办发明电〔2025〕7号" },
    ]);
  });

  test("moved into the next year: two caller schedules, no notice cited, joined by \"；\" and \"; \"", () => {
    // Hypothetical 2027 with 5–31 December off (5 December 2027 is a Sunday) and 2028 with no day off: the first
    // working day after Sunday 5 December is Monday 3 January 2028 (1–2 January a weekend).
    const calendars = [
      { year: 2027, off: [["2027-12-05", "2027-12-31"]] as Array<[string, string]>, work: [] },
      { year: 2028, off: [], work: [] },
    ];
    const c = computeTimeLimit("qinghai", { limit: "monthly-data-handover", month: "2027-12" }, { calendars });
    expect(c.value).toEqual({ limit: "monthly-data-handover", deadline: "2028-01-03", nominalDeadline: "2027-12-05", extended: true });
    const step = summary(c.explanation[1]);
    // only the parameter's article (青海第七条第一款): the caller's schedules have no document
    expect(step.citations).toEqual(["qinghai-measures#art7.p1"]);
    expect(step.notes).toEqual([
      { zh: "2027-12-05 为休息日，顺延至其后第一个工作日 2028-01-03", en: "2027-12-05 is a rest day: moved to the first working day after it, 2028-01-03" },
      { zh: "节假日安排：调用方提供；调用方提供", en: "holiday schedules: supplied by the caller; supplied by the caller" },
    ]);
  });

  test("the declaration rule: extended only when the deadline moves", () => {
    // Guangxi 2026-02: only 15 February (Sunday, first day of 15–23 Feb) lies in the period, no deferral; the
    // 15th is a rest day → first working day after the holiday, 24 February.
    const feb = computeTimeLimit("guangxi", { limit: "monthly-declaration", month: "2026-02" });
    expect(feb.value).toEqual({ limit: "monthly-declaration", deadline: "2026-02-24", nominalDeadline: "2026-02-15", extended: true });
    expect(summary(feb.explanation[1]).notes?.[0]).toEqual({ zh: "申报期内连续3日以上法定休假日 0 天（规则：last-day-rest）", en: "0 holiday days in runs of 3+ in the period (rule: last-day-rest)" });
    // Guangxi 2026-07: Wednesday 15 July → the 15th, not extended.
    const jul = computeTimeLimit("guangxi", { limit: "monthly-declaration", month: "2026-07" });
    expect(jul.value).toEqual({ limit: "monthly-declaration", deadline: "2026-07-15", nominalDeadline: "2026-07-15", extended: false });
    expect(summary(jul.explanation[1]).notes).toEqual([
      { zh: "申报期内连续3日以上法定休假日 0 天（规则：due-day）", en: "0 holiday days in runs of 3+ in the period (rule: due-day)" },
      { zh: "节假日安排：国办发明电〔2025〕7号", en: "holiday schedules: 国办发明电〔2025〕7号" },
    ]);
  });
});

describe("computeTimeLimit: annual limits, every branch of the note", () => {
  test("due on a working day (Shanghai rate notice 2026: Monday 5 January)", () => {
    const c = computeTimeLimit("shanghai", { limit: "rate-notice", year: 2026 });
    expect(c.value).toEqual({ limit: "rate-notice", deadline: "2026-01-05", nominalDeadline: "2026-01-05", extended: false });
    expect(summary(c.explanation[1])).toEqual({
      rule: "time-limit.rate-notice",
      title: { zh: "将缴费基准额及浮动后比例传递给税务局", en: "passing base amounts and floats to the tax authority" },
      citations: ["shanghai-rules#art12.p3"],
      inputs: { year: 2026 },
      parameters: [["timeLimit.rateNotice", { month: 1, day: 5, holiday: "next-working-day" }, "seed"]],
      result: { deadline: "2026-01-05", nominalDeadline: "2026-01-05" },
      notes: [{ zh: "2026-01-05 为工作日", en: "2026-01-05 is a working day" }],
    });
  });

  test("due on a rest day (Shanghai rate notice 2025: Sunday 5 January → Monday 6 January)", () => {
    const c = computeTimeLimit("shanghai", { limit: "rate-notice", year: 2025 });
    expect(c.value).toEqual({ limit: "rate-notice", deadline: "2025-01-06", nominalDeadline: "2025-01-05", extended: true });
    expect(summary(c.explanation[1]).notes).toEqual([{ zh: "2025-01-05 为休息日，顺延至 2025-01-06", en: "2025-01-05 is a rest day: deferred to 2025-01-06" }]);
  });

  test("no deferral in the source (Shanghai rate determination 2026: 31 December)", () => {
    const c = computeTimeLimit("shanghai", { limit: "rate-determination", year: 2026 });
    expect(c.value).toEqual({ limit: "rate-determination", deadline: "2026-12-31", nominalDeadline: "2026-12-31", extended: false });
    expect(summary(c.explanation[1]).notes).toEqual([{ zh: "来源未规定顺延", en: "the source provides no deferral" }]);
  });
});

describe("timeLimitCatalogue: provenance, reason and text", () => {
  const NATIONAL_REASON = {
    zh: "本省来源未规定该期限，适用国家《新就业形态人员职业伤害保障办法（试行）》；期限以青海实施办法的相同条文为据",
    en: "the province's sources state no such time limit; the national measures apply, the period as reproduced in the Qinghai measures",
  };

  test("a seed entry has reason null; a national one carries the reason", () => {
    // Qinghai states every limit of its catalogue itself (实施办法): all seed, no reason.
    for (const e of timeLimitCatalogue("qinghai")) {
      expect(e.provenance).toBe("seed");
      expect(e.reason).toBeNull();
    }
    // Shanghai: its own articles, except re-assessment and the treatment period (national, via Qinghai's words).
    const sh = timeLimitCatalogue("shanghai");
    expect(sh.filter((e) => e.reason === null).map((e) => e.id)).toEqual([
      "platform-application", "worker-application", "application-extension-cap", "supplement-materials", "confirmation",
      "confirmation-facts-clear", "conclusion-delivery", "benefit-review", "monthly-data-handover", "monthly-declaration",
      "fee-registration", "rate-determination", "rate-notice",
    ]);
    expect(sh.find((e) => e.id === "reassessment-request")?.reason).toEqual(NATIONAL_REASON);
    expect(timeLimitCatalogue("guangxi").find((e) => e.id === "monthly-declaration")?.reason).toEqual({
      zh: "本省来源未规定申报期限；职业伤害保障费由税务机关按月征收，适用《税收征收管理法实施细则》第一百零九条的申报期限规则（青海第八条、上海第十四条为同一文字）",
      en: "the province's sources state no declaration deadline; the tax authority collects the premium monthly under art. 109 of the tax-collection rules (the words of Qinghai art. 8 and Shanghai art. 14)",
    });
  });

  test("the text of each kind", () => {
    const text = (id: string) => timeLimitCatalogue("shanghai").find((e) => e.id === id)?.text;
    expect(text("supplement-materials")).toEqual({ zh: "5个工作日", en: "5 working days" });
    expect(text("treatment-period")).toEqual({ zh: "12个月", en: "12 months" });
    expect(text("monthly-data-handover")).toEqual({ zh: "每月5日（遇法定节假日顺延）", en: "the 5th of each month (moved to the next working day over a rest day)" });
    expect(text("monthly-declaration")).toEqual({ zh: "每月15日（按税收征收管理法实施细则第一百零九条顺延）", en: "the 15th of each month (deferred per tax-collection rules art. 109)" });
    expect(text("rate-determination")).toEqual({ zh: "每年12月31日前", en: "by 31 December each year" });
    expect(text("rate-notice")).toEqual({ zh: "每年1月5日前（遇法定休假日顺延）", en: "by 5 January each year (deferred over rest days)" });
  });
});

/*
 * The bundled rule sets only ever hold annual limits in January and December and monthly limits on the 15th; the
 * texts of the other months and days are pinned on the rendering function itself.
 */
describe("describeTimeLimitValue: every month and the English ordinals", () => {
  test("an annual limit in each month, with and without the deferral", () => {
    const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    for (let month = 1; month <= 12; month++) {
      expect(describeTimeLimitValue(TIME_LIMITS["rate-notice"], { month, day: 5, holiday: "next-working-day" })).toEqual({
        zh: `每年${month}月5日前（遇法定休假日顺延）`, en: `by 5 ${MONTHS[month - 1]} each year (deferred over rest days)`,
      });
    }
    expect(describeTimeLimitValue(TIME_LIMITS["rate-determination"], { month: 6, day: 30, holiday: "none" })).toEqual({ zh: "每年6月30日前", en: "by 30 June each year" });
  });

  test("a monthly limit: 1st, 2nd, 3rd, 4th, 11th–13th, 21st–23rd, 28th", () => {
    const en = (day: number, holiday: string) => describeTimeLimitValue(TIME_LIMITS["monthly-declaration"], { day, holiday }).en;
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 28].map((d) => en(d, "tax-declaration").split(" ")[1])).toEqual(
      ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "28th"]);
    expect(describeTimeLimitValue(TIME_LIMITS["monthly-declaration"], { day: 20, holiday: "next-working-day" })).toEqual(
      { zh: "每月20日（遇法定节假日顺延）", en: "the 20th of each month (moved to the next working day over a rest day)" });
    expect(en(1, "tax-declaration")).toBe("the 1st of each month (deferred per tax-collection rules art. 109)");
  });
});
