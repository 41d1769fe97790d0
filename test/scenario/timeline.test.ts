/**
 * `zhishang timeline`, `renderClaimTimeline` on a real Shanghai case with every deadline of a claim, and the
 * timeline of every kind with dates (`timelineOf`, `scenarioTimeline`, `renderTimeline`) on fixtures whose dates
 * are worked out by hand below: the dates supplied, each deadline met, missed or not yet known, each format (the
 * Mermaid charts checked against the gantt grammar by test/support/mermaid-gantt.ts).
 *
 * The case (fixtures/shanghai/claim-deadlines-full-timeline.json), checked by hand against the 2025 and 2026
 * holiday notices (2025: 10-01…10-08 off, 09-28 Sun and 10-11 Sat work; 2026: 01-01…01-03 off, 01-04 Sun work):
 *
 * | deadline | hand calculation | date | weekday |
 * |---|---|---|---|
 * | platform, 30 days (规程第二十一条第一款) | 09-05 + 30 = 10-05, National Day → first working day | 2025-10-09 | Thu |
 * | delivery, 3 working days (第二十七条第一款) | from 10-30: 10-31, 11-03, 11-04 | 2025-11-04 | Tue |
 * | confirmation, 30 working days (第二十六条第一款) | from 09-22: 23–26 (4), 28 Sun work (5), 29–30 (7), 10-09–10 (9), 10-11 Sat work (10), 13–17, 20–24, 27–31 (25), 11-03–07 (30) | 2025-11-07 | Fri |
 * | worker, 90 days (第二十一条第三款) | 25 (Sep) + 31 + 30 = 86, + 4 | 2025-12-04 | Thu |
 * | re-assessment, 15 days (national) | 12-10 + 15 | 2025-12-25 | Thu |
 * | benefit review, 20 working days (第四十四条第三款) | from 12-01: 12-02–05 (4), 08–12, 15–19, 22–26 (19), 29 (20) | 2025-12-29 | Mon |
 * | supplement, 5 working days (第四十四条第三款) | from 12-26: 29, 30, 31, 2026-01-04 Sun work, 01-05 | 2026-01-05 | Mon |
 * | treatment period, 12 months (a duration) | 2025-09-05 + 12 months | 2026-09-05 | Sat |
 * | extension cap, 1 year (第二十二条第一款) | 2026-09-05 is a Saturday → next working day | 2026-09-07 | Mon |
 * | treatment extension, 12 months (a duration) | 2026-09-05 + 12 months | 2027-09-05 | Sun |
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import {
  claimTimelineEntries, computeClaimDeadlines, evaluateScenario, isZhishangError, kindNames, renderClaimTimeline, renderTimeline,
  scenarioTimeline, TIMELINE_KINDS, timelineOf, type ClaimDeadlines, type Timeline,
} from "../../src/index.js";
import { invalidJson, thrown } from "../support/errors.js";
import { checkGantt } from "../support/mermaid-gantt.js";

const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "shanghai", "claim-deadlines-full-timeline.json");
const scenario = JSON.parse(readFileSync(FIXTURE, "utf8")) as { input: Record<string, unknown> };

function computation() {
  return computeClaimDeadlines("shanghai", scenario.input as never);
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => "" });
  return { code, out, err };
}

describe("claimTimelineEntries", () => {
  test("every deadline in date order, with the weekday worked out by hand", () => {
    const entries = claimTimelineEntries(computation());
    expect(entries.map((e) => [e.date, e.weekday, e.limit])).toEqual([
      ["2025-10-09", 4, "platform-application"],
      ["2025-11-04", 2, "conclusion-delivery"],
      ["2025-11-07", 5, "confirmation"],
      ["2025-12-04", 4, "worker-application"],
      ["2025-12-25", 4, "reassessment-request"],
      ["2025-12-29", 1, "benefit-review"],
      ["2026-01-05", 1, "supplement-materials"],
      ["2026-09-05", 6, "treatment-period"],
      ["2026-09-07", 1, "application-extension-cap"],
      ["2027-09-05", 0, "treatment-period-extension"],
    ]);
  });

  test("start, period, the moved last day and the province's citations come from the explanation", () => {
    const entries = claimTimelineEntries(computation());
    const platform = entries[0];
    expect(platform).toMatchObject({
      start: "2025-09-05", period: { count: 30, unit: "day" }, extendedFrom: "2025-10-05", provenance: "seed",
    });
    expect(platform?.citations.map((c) => c.id)).toEqual(["shanghai-rules#art21.p1", "shanghai-rules#art22.p2"]);
    const confirmation = entries.find((e) => e.limit === "confirmation");
    // 30 working days never move: the count itself skips rest days.
    expect(confirmation).toMatchObject({ start: "2025-09-22", period: { count: 30, unit: "working-day" }, extendedFrom: null });
    const extension = entries.find((e) => e.limit === "treatment-period-extension");
    expect(extension).toMatchObject({ start: "2026-09-05", provenance: "national" });
  });

  test("facts clear: the 7-working-day limit is the one shown", () => {
    // Qinghai, received 2026-09-21 (Mon): 22, 23, 24 (3), 25–27 off, 28, 29, 30 (6), 10-01…07 off, 10-08 (7).
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-21", factsClear: true });
    const e = claimTimelineEntries(c).find((x) => x.field === "confirmationDeadline");
    expect(e).toMatchObject({ limit: "confirmation-facts-clear", date: "2026-10-08", weekday: 4 });
  });

  test("the same date keeps the order of the output fields", () => {
    // Qinghai: platform 30 days from 2026-09-03 → 10-03 in the holiday → 10-08; the confirmation (facts clear)
    // from 09-21 also ends on 10-08 (above): the platform's application comes first.
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-21", factsClear: true });
    expect(claimTimelineEntries(c).slice(0, 2).map((e) => e.field)).toEqual(["platformApplicationDeadline", "confirmationDeadline"]);
  });
});

describe("renderClaimTimeline", () => {
  test("Markdown: heading, the accident day and a row per deadline in date order (zh)", () => {
    const { markdown } = renderClaimTimeline(computation());
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("## 职业伤害保障待遇给付期限时间线（上海市，shanghai@2022-07-01）");
    expect(markdown).toContain("事故伤害发生之日：2025-09-05（星期五）。");
    const rows = lines.filter((l) => /^\| \d{4}-/.test(l));
    expect(rows.map((r) => r.split(" | ").slice(0, 2).join(" "))).toEqual([
      "| 2025-10-09 星期四", "| 2025-11-04 星期二", "| 2025-11-07 星期五", "| 2025-12-04 星期四", "| 2025-12-25 星期四",
      "| 2025-12-29 星期一", "| 2026-01-05 星期一", "| 2026-09-05 星期六", "| 2026-09-07 星期一", "| 2027-09-05 星期日",
    ]);
    expect(rows[0]).toBe(
      "| 2025-10-09 | 星期四 | 平台企业提出职业伤害保障待遇给付申请（自 2025-09-05 起30日）；原到期日 2025-10-05，遇休息日顺延 | " +
        "《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第二十一条第一款、第二十二条第二款 " +
        "`shanghai-rules#art21.p1` `shanghai-rules#art22.p2` |",
    );
    // A national limit is marked as such.
    expect(rows[4]).toContain("第十九条第二款");
    expect(rows[4]).toMatch(/\[国家规定\] \|$/);
  });

  test("Markdown in English", () => {
    const { markdown } = renderClaimTimeline(computation(), { lang: "en" });
    expect(markdown).toContain("Day of the accident: 2025-09-05 (Friday).");
    expect(markdown).toContain("| date | weekday | time limit | source |");
    expect(markdown).toContain("| 2026-09-07 | Monday | cap on an extended application period (Work-Injury Regulations art. 17) (from 2025-09-05, 1 year); nominal last day 2026-09-05");
  });

  test("Mermaid gantt: milestones for deadlines, bars for the treatment period and its extension", () => {
    const { mermaid } = renderClaimTimeline(computation());
    const lines = mermaid.split("\n").map((l) => l.trim());
    expect(lines[0]).toBe("gantt");
    expect(lines).toContain("dateFormat YYYY-MM-DD");
    expect(lines).toContain("事故伤害发生之日 :milestone, accident, 2025-09-05, 0d");
    expect(lines).toContain("平台企业提出职业伤害保障待遇给付申请 30日 :milestone, m1, 2025-10-09, 0d");
    expect(lines).toContain("申请劳动能力再次鉴定 15日 :milestone, m8, 2025-12-25, 0d");
    // Bars end the day after their last day: 2026-09-05 → 2026-09-06; 2027-09-05 → 2027-09-06; the extension starts
    // the day after the period ends.
    expect(lines).toContain("治疗职业伤害期（一般不超过） 12个月 :active, t1, 2025-09-05, 2026-09-06");
    expect(lines).toContain("治疗职业伤害期的延长（不得超过） 12个月 :t2, 2026-09-06, 2027-09-06");
    expect(lines.filter((l) => l.includes(":milestone")).length).toBe(9); // the accident + 8 deadlines
    expect(lines.filter((l) => l.startsWith("section ")).length).toBe(4);
    // No Mermaid separator survives in a label.
    for (const l of lines.filter((x) => x.includes(" :"))) expect(l.split(" :")[0]).not.toMatch(/[:;#]/);
  });

  test("a limit the province does not define is listed under the table; an overridden one says so", () => {
    // Qinghai has no delivery limit (Shanghai 第二十七条 only); the platform's period overridden to 60 days:
    // 2026-09-03 + 60 = 11-02 (Monday).
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", confirmationDecisionDate: "2026-09-10" },
      { overrides: { "timeLimit.platformApplication": { count: 60, unit: "day" } } });
    const { markdown } = renderClaimTimeline(c);
    expect(markdown).toContain("| 2026-11-02 | 星期一 | 平台企业提出职业伤害保障待遇给付申请（自 2026-09-03 起60日） | 调用方提供（overrides） |");
    expect(markdown).toContain("- 青海省来源未规定：确认结论送达期限");
  });

  test("malformed sources and options are typed errors", () => {
    const c = computation();
    const codeAndPath = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isZhishangError(e) ? [e.code, e.path] : ["untyped", String(e)];
      }
      return ["no error"];
    };
    expect(codeAndPath(() => renderClaimTimeline({ ...c, explanation: "x" } as never))).toEqual(["INVALID_INPUT", ["explanation"]]);
    expect(codeAndPath(() => claimTimelineEntries({ ...c, value: { ...c.value, treatmentPeriodEnd: "2026-02-30" } }))).toEqual(["INVALID_INPUT", ["value", "treatmentPeriodEnd"]]);
    expect(codeAndPath(() => renderClaimTimeline(c, { lang: "fr" } as never))).toEqual(["INVALID_INPUT", ["options", "lang"]]);
    expect(codeAndPath(() => claimTimelineEntries(null as never))).toEqual(["INVALID_INPUT", []]);
  });

  test("a scenario's { output, explanation } renders the same as the computation", () => {
    const r = evaluateScenario(scenario);
    const fromScenario = renderClaimTimeline({ value: r.output as unknown as ClaimDeadlines, explanation: r.explanation, ruleSet: "shanghai@2022-07-01" });
    expect(fromScenario).toEqual(renderClaimTimeline(computation()));
  });
});

// ---- timelineOf / scenarioTimeline / renderTimeline: every kind with dates ----------------------------------
// Each case below states its hand calculation. Weekdays are counted from known days: 2025-09-05 and 2026-09-03 are
// a Friday and a Thursday (the calendars of test/deadlines), 2026-01-01 a Thursday, 2028-01-01 a Saturday
// (2026 and 2027 have 365 days: +1 weekday each).

const ROOT = join(import.meta.dirname, "..", "..");
const fixture = (path: string) => JSON.parse(readFileSync(join(ROOT, "fixtures", path), "utf8")) as Record<string, unknown>;
const timelineOfFixture = (path: string) => scenarioTimeline(fixture(path));
/** [field, date, status, answeredBy, answeredOn, daysLate, daysToSpare] of each deadline (status null for an end). */
const results = (t: Timeline) => t.deadlines.map((d) => [
  d.field, d.date, d.compliance?.status ?? null, d.compliance?.answeredBy ?? null, d.compliance?.answeredOn ?? null,
  d.compliance?.daysLate ?? null, d.compliance?.daysToSpare ?? null,
]);
const supplied = (t: Timeline) => t.supplied.map((s) => [s.field, s.value, s.precision, s.date, s.weekday]);
const periods = (t: Timeline) => t.periods.map((p) => [p.field, p.from, p.until, p.title.zh]);

describe("timelineOf: the dates supplied, each deadline met, missed or not yet known", () => {
  test("Qinghai claim (fixtures/qinghai/claim-deadlines-national-day.json): one deadline answered and met", () => {
    // Supplied: accident and treatment 2026-09-03 (Thu), application 09-21 (Mon), supplement notice 09-24 (Thu),
    // assessment conclusion 12-10 (Thu; 09-24 + 77 days = 11 weeks). The worker's 90 days end on 12-02 and the
    // application came 72 days before (9 in September + 31 + 30 + 2); the platform's 30 days (10-08), the
    // supplement (10-08) and the re-assessment (12-25) have no answering field in claim-deadlines; the confirmation
    // (10-08) would be answered by confirmationDecisionDate, not supplied; the treatment period is no deadline.
    const t = timelineOfFixture("qinghai/claim-deadlines-national-day.json");
    expect(t.kind).toBe("claim-deadlines");
    expect([t.ruleSet, t.ruleSetName]).toEqual(["qinghai@2026-07-01", { zh: "青海省", en: "Qinghai" }]);
    expect(supplied(t)).toEqual([
      ["accidentDate", "2026-09-03", "day", "2026-09-03", 4],
      ["treatmentStartDate", "2026-09-03", "day", "2026-09-03", 4],
      ["applicationReceivedDate", "2026-09-21", "day", "2026-09-21", 1],
      ["supplementNoticeDate", "2026-09-24", "day", "2026-09-24", 4],
      ["assessmentConclusionReceivedDate", "2026-12-10", "day", "2026-12-10", 4],
    ]);
    expect(results(t)).toEqual([
      ["platformApplicationDeadline", "2026-10-08", "unknown", null, null, null, null],
      ["confirmationDeadline", "2026-10-08", "unknown", "confirmationDecisionDate", null, null, null],
      ["supplementDeadline", "2026-10-08", "unknown", null, null, null, null],
      ["workerApplicationDeadline", "2026-12-02", "met", "applicationReceivedDate", "2026-09-21", null, 72],
      ["reassessmentRequestDeadline", "2026-12-25", "unknown", null, null, null, null],
      ["treatmentPeriodEnd", "2027-09-03", null, null, null, null, null],
      ["treatmentPeriodMaxEnd", "2028-09-03", null, null, null, null, null],
    ]);
    expect(t.deadlines.map((d) => d.type)).toEqual(["deadline", "deadline", "deadline", "deadline", "deadline", "end", "end"]);
    // 09-03 + 30 = 10-03 in the National Day holiday → 10-08; 09-24 + 10 = 10-04 → 10-08.
    expect(t.deadlines.map((d) => d.movedFrom)).toEqual(["2026-10-03", null, "2026-10-04", null, null, null, null]);
    expect(t.deadlines[0]).toMatchObject({
      limit: "platform-application", start: "2026-09-03", period: { count: 30, unit: "day" }, provenance: "seed",
      movedBecause: { zh: "遇休息日顺延", en: "a rest day: moved to the next working day" },
    });
    expect(t.deadlines[0]?.citations.map((c) => [c.id, c.doc])).toEqual([["qinghai-measures#art15.p1", "qinghai-measures"]]);
    expect(t.periods).toEqual([]);
    expect(t.notDefined).toEqual([]);
  });

  test("Qinghai claim: the application 3 days late, the decision on the last day", () => {
    // Accident 2026-09-03: the worker's 90 days end on 12-02; the application arrives on 12-05 (Sat): missed by 3.
    // Facts clear: 7 working days from 12-05: 12-07…12-11 (5), 12-14 (6), 12-15 (7); the decision is made on 12-15.
    const t = scenarioTimeline({ id: "late", province: "qinghai", kind: "claim-deadlines", input: {
      accidentDate: "2026-09-03", applicationReceivedDate: "2026-12-05", factsClear: true, confirmationDecisionDate: "2026-12-15",
    } });
    expect(results(t)).toEqual([
      ["platformApplicationDeadline", "2026-10-08", "unknown", null, null, null, null],
      ["workerApplicationDeadline", "2026-12-02", "missed", "applicationReceivedDate", "2026-12-05", 3, null],
      ["confirmationDeadline", "2026-12-15", "met", "confirmationDecisionDate", "2026-12-15", null, 0],
    ]);
    expect(t.deadlines[2]?.limit).toBe("confirmation-facts-clear");
    // Qinghai defines no delivery limit: the explanation says so, and so does the timeline.
    expect(t.notDefined).toEqual([{ zh: "青海省来源未规定：确认结论送达期限", en: "Qinghai's sources define no time limit for delivering the confirmation decision" }]);
  });

  test("Shanghai claim with every deadline: the application answers the 90 days and the extension's cap", () => {
    // Application 2025-09-22: worker's 90 days end 2025-12-04 (8 + 31 + 30 + 4 = 73 days later), the cap
    // 2026-09-07 (365 − 15 = 350 days later); decision 2025-10-30, confirmation due 11-07: 8 days to spare.
    const t = scenarioTimeline(scenario);
    expect(results(t).filter((r) => r[2] === "met")).toEqual([
      ["confirmationDeadline", "2025-11-07", "met", "confirmationDecisionDate", "2025-10-30", null, 8],
      ["workerApplicationDeadline", "2025-12-04", "met", "applicationReceivedDate", "2025-09-22", null, 73],
      ["applicationExtensionLimit", "2026-09-07", "met", "applicationReceivedDate", "2025-09-22", null, 350],
    ]);
    expect(t.deadlines).toHaveLength(10);
    expect(t.supplied.map((s) => s.field)).toEqual([
      "accidentDate", "treatmentStartDate", "applicationReceivedDate", "confirmationDecisionDate", "benefitApplicationAcceptedDate",
      "assessmentConclusionReceivedDate", "supplementNoticeDate",
    ]);
  });

  test("liability, Guangxi (fixtures/guangxi/liability-overlapping-orders-late-application.json): the platform one day late", () => {
    // 2025-09-05 + 30 = 10-05, in the National Day holiday (10-01…10-08) → 10-09 (Thu); received 10-10: missed by
    // 1. The platform bears the costs from the accident to the first application received (10-10), the fund from
    // 10-11 on.
    const t = timelineOfFixture("guangxi/liability-overlapping-orders-late-application.json");
    expect(supplied(t)).toEqual([
      ["accidentAt", "2025-09-05T09:40:00+08:00", "instant", "2025-09-05", 5],
      ["platformApplicationReceivedDate", "2025-10-10", "day", "2025-10-10", 5],
      ["applicationReceivedDate", "2025-10-15", "day", "2025-10-15", 3],
    ]);
    expect(results(t)).toEqual([["platformApplicationDeadline", "2025-10-09", "missed", "platformApplicationReceivedDate", "2025-10-10", 1, null]]);
    expect(t.deadlines[0]).toMatchObject({ movedFrom: "2025-10-05", provenance: "national", start: "2025-09-05" });
    expect(periods(t)).toEqual([
      ["costs[0]", "2025-09-05", "2025-10-10", "职业伤害保障待遇等费用（平台企业承担）"],
      ["costs[1]", "2025-10-11", null, "职业伤害保障待遇等费用（基金承担）"],
    ]);
    expect(t.periods[1]?.citations.map((c) => c.id)).toEqual(["guangxi-plan#s二（三）"]);
  });

  test("liability, Qinghai: received on the last day is met; the platform never applying is not yet known", () => {
    // 2026-09-03 + 30 = 10-03 (holiday) → 10-08; the platform's application is received on 10-08: 0 days to spare.
    const inTime = timelineOfFixture("qinghai/liability-in-time-last-day-after-holiday.json");
    expect(results(inTime)).toEqual([["platformApplicationDeadline", "2026-10-08", "met", "platformApplicationReceivedDate", "2026-10-08", null, 0]]);
    expect(periods(inTime)).toEqual([
      ["costs[0]", "2026-09-03", null, "职业伤害保障待遇等费用（基金承担）"],
      ["costs[1]", "2026-09-03", "2026-11-30", "治疗期生活保障费（平台企业承担）"],
    ]);
    // Inner Mongolia: only the worker applied (2026-08-25); the platform's 30 days from 07-10 end on 08-09, a Sunday →
    // 08-10. No platform date: not yet known (the output's lateFiling reads the absence as "not applied").
    const never = timelineOfFixture("inner-mongolia/liability-platform-never-applied.json");
    expect(results(never)).toEqual([["platformApplicationDeadline", "2026-08-10", "unknown", "platformApplicationReceivedDate", null, null, null]]);
  });

  test("liability, Shanghai: an agreed extension moves the deadline, and the application within it is met", () => {
    // 30 days from 2026-09-03 end 10-03 (holiday) → 10-08; extended by agreement to 11-30; received 11-20: 10 days early.
    const t = scenarioTimeline({ id: "ext", province: "shanghai", kind: "liability", input: {
      accidentAt: "2026-09-03T10:00:00+08:00", activity: "on-order",
      orders: [{ platform: "meituan", orderId: "M1", acceptedAt: "2026-09-03T09:30:00+08:00", completedAt: null, routeKey: "r" }],
      extensionAgreedUntil: "2026-11-30", platformApplicationReceivedDate: "2026-11-20",
    } });
    expect(results(t)).toEqual([["platformApplicationDeadline", "2026-11-30", "met", "platformApplicationReceivedDate", "2026-11-20", null, 10]]);
    expect(t.deadlines[0]).toMatchObject({ movedFrom: "2026-10-08", movedBecause: { zh: "经同意延长申请期限", en: "application period extended by agreement" } });
    expect(t.supplied.map((s) => s.field)).toEqual(["accidentAt", "platformApplicationReceivedDate", "extensionAgreedUntil"]);
  });

  test("declaration-deadline, Guangxi 2025-10: 8 holiday days defer the 15th by 8 working days", () => {
    // Off 10-01…10-08 (8 days in the period): after the 15th, 16, 17 (2), 20–24 (7), 27 (8) → 10-27 (Mon).
    const t = timelineOfFixture("guangxi/declaration-deadline-2025-10-national-day.json");
    expect(supplied(t)).toEqual([["declarationMonth", "2025-10", "month", "2025-10-01", null]]);
    expect(results(t)).toEqual([["deadline", "2025-10-27", "unknown", null, null, null, null]]);
    expect(t.deadlines[0]).toMatchObject({
      limit: "monthly-declaration", weekday: 1, movedFrom: "2025-10-15", provenance: "national",
      movedBecause: { zh: "申报期内法定节假日 8 日，顺延 8 个工作日", en: "8 holiday days in the declaration period: deferred by 8 working days" },
    });
    expect(periods(t)).toEqual([
      ["periodStart…nominalDeadline", "2025-10-01", "2025-10-15", "申报期"],
      ["restPeriods[0]", "2025-10-01", "2025-10-08", "申报期内的休息期（计入顺延）"],
    ]);
  });

  test("monthly-premium, Guangxi order month 2026-01: the 15th of February is a rest day → 02-24", () => {
    // 2026-02-15 (a Sunday) opens the Spring Festival holiday 02-15…02-23, only 1 day of it in the period (not
    // counted): the first working day after the 15th, 02-24 (Tue).
    const t = timelineOfFixture("guangxi/monthly-premium-float-2026.json");
    expect(supplied(t)).toEqual([["orderMonth", "2026-01", "month", "2026-01-01", null]]);
    expect(results(t)).toEqual([["declarationDeadline", "2026-02-24", "unknown", null, null, null, null]]);
    expect(t.deadlines[0]).toMatchObject({ weekday: 2, movedFrom: "2026-02-15", movedBecause: { zh: "遇法定节假日或休息日顺延", en: "moved over holidays and rest days" } });
  });

  test("time-limit: a period, a monthly limit, an annual limit and a duration", () => {
    // platform-application from 2025-09-03: 30 days → 10-03 in the holiday → 10-09 (Thu).
    const period = timelineOfFixture("guangxi/time-limit-platform-application-national-day.json");
    expect(supplied(period)).toEqual([["from", "2025-09-03", "day", "2025-09-03", 3]]);
    expect(results(period)).toEqual([["deadline", "2025-10-09", "unknown", null, null, null, null]]);
    expect(period.deadlines[0]).toMatchObject({ type: "deadline", start: "2025-09-03", movedFrom: "2025-10-03", movedBecause: { zh: "遇休息日顺延" } });
    // monthly-declaration in 2026-10: 7 holiday days → 10-26 (Mon).
    const monthly = timelineOfFixture("guangxi/time-limit-monthly-declaration-2026-10.json");
    expect(supplied(monthly)).toEqual([["month", "2026-10", "month", "2026-10-01", null]]);
    expect(monthly.deadlines[0]).toMatchObject({ date: "2026-10-26", weekday: 1, movedFrom: "2026-10-15", movedBecause: { zh: "遇法定节假日或休息日顺延" } });
    // rate-notice 2025 in Shanghai: 01-05 is a Sunday → 01-06 (Mon).
    const annual = timelineOfFixture("shanghai/time-limit-rate-notice-2025-sunday.json");
    expect(supplied(annual)).toEqual([["year", 2025, "year", "2025-01-01", null]]);
    expect(results(annual)).toEqual([["deadline", "2025-01-06", "unknown", null, null, null, null]]);
    // treatment-period-extension from 2026-02-28: 12 months → 2027-02-28 (Sun), a duration: an end, nothing to meet.
    const duration = timelineOfFixture("guangxi/time-limit-treatment-extension-from-february-28.json");
    expect(duration.deadlines).toMatchObject([{ type: "end", date: "2027-02-28", weekday: 0, compliance: null, movedFrom: null, start: "2026-02-28" }]);
  });

  test("living-guarantee, dependant-qualification, rate-review: dated periods and last days", () => {
    // Paid 2025-08-01 (Fri) … 2025-10-31 (Fri), by the platform.
    const lg = timelineOfFixture("guangxi/living-guarantee-whole-months.json");
    expect(supplied(lg)).toEqual([["treatmentStartDate", "2025-08-01", "day", "2025-08-01", 5], ["treatmentEndDate", "2025-10-31", "day", "2025-10-31", 5]]);
    expect(lg.deadlines).toEqual([]);
    expect(periods(lg)).toEqual([["paidFrom…paidUntil", "2025-08-01", "2025-10-31", "治疗期生活保障费的支付期间（平台企业支付）"]]);
    // Born 2015-03-01 (a Sunday); 18 on 2033-03-01, paid to 2033-02-28 (a Monday: 2033-01-01 is a Saturday, + 58 days).
    const dep = timelineOfFixture("qinghai/dependant-qualification-child-under-18.json");
    expect(supplied(dep)).toEqual([["birthDate", "2015-03-01", "day", "2015-03-01", 0], ["asOf", "2026-09-10", "day", "2026-09-10", 4]]);
    expect(results(dep)).toEqual([["payableUntil", "2033-02-28", null, null, null, null, null]]);
    expect(dep.deadlines[0]).toMatchObject({ type: "end", weekday: 1, limit: null });
    expect(dep.deadlines[0]?.citations.map((c) => c.id)).toEqual(["dependants-order-18#art2", "dependants-order-18#art3.i4", "dependants-order-18#art4.i1"]);
    // Review year 2028: the suggested rate applies from 2028-01-01, open-ended.
    const rr = timelineOfFixture("inner-mongolia/rate-review-switch-up.json");
    expect(supplied(rr)).toEqual([["reviewYear", 2028, "year", "2028-01-01", null]]);
    expect(periods(rr)).toEqual([["effectiveFrom", "2028-01-01", null, "建议的缴费标准适用"]]);
  });

  test("the timeline kinds are exactly the kinds whose outputs hold dates", () => {
    const all = readdirSync(join(ROOT, "fixtures")).flatMap((p) => readdirSync(join(ROOT, "fixtures", p)).map((f) => fixture(`${p}/${f}`)));
    const withDates = new Set<string>();
    const evaluated = new Set<string>();
    for (const s of all.filter((x) => x.expectError === undefined)) {
      const r = evaluateScenario(s);
      evaluated.add(s.kind as string);
      if (/"\d{4}-\d{2}-\d{2}"/.test(JSON.stringify(r.output))) withDates.add(s.kind as string);
    }
    expect([...evaluated].sort()).toEqual(kindNames().sort()); // every kind has a fixture that computes
    expect([...TIMELINE_KINDS]).toEqual(kindNames().filter((k) => withDates.has(k)));
  });

  test("a kind without dates is INVALID_INPUT at kind, naming the kinds that have them", () => {
    const en = 'a timeline needs a kind whose output has deadlines or dates (monthly-premium, rate-review, liability, declaration-deadline, claim-deadlines, time-limit, living-guarantee, dependant-qualification); "disability-benefits" has none';
    const zh = "时间线只适用于输出含期限或日期的场景类型（monthly-premium、rate-review、liability、declaration-deadline、claim-deadlines、time-limit、living-guarantee、dependant-qualification）；\"disability-benefits\" 没有";
    const disability = { id: "d", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };
    expect(thrown(() => scenarioTimeline(disability))).toEqual(invalidJson(["kind"], en, zh));
    const r = evaluateScenario(disability);
    expect(thrown(() => timelineOf({ kind: "disability-benefits", input: disability.input, output: r.output, explanation: r.explanation }))).toEqual(invalidJson(["kind"], en, zh));
    // Refused before anything is computed: an input the kind would refuse does not matter.
    expect(thrown(() => scenarioTimeline({ ...disability, kind: "death-benefits", input: null }))).toMatchObject({ code: "INVALID_INPUT", path: ["kind"] });
    // An unknown kind is the scenario's own error; a malformed source is INVALID_INPUT where it is malformed.
    expect(thrown(() => scenarioTimeline({ ...disability, kind: "no-such-kind" }))).toMatchObject({ code: "INVALID_INPUT", path: ["kind"] });
    const c = evaluateScenario(scenario);
    const src = { kind: "claim-deadlines", input: scenario.input, output: c.output, explanation: c.explanation };
    expect(thrown(() => timelineOf({ ...src, output: { ...(c.output as object), supplementDeadline: "2026-02-30" } }))).toMatchObject({ path: ["output", "supplementDeadline"] });
    expect(thrown(() => timelineOf({ ...src, input: { ...scenario.input, applicationReceivedDate: "2025/09/22" } }))).toMatchObject({ path: ["input", "applicationReceivedDate"] });
    expect(thrown(() => timelineOf({ ...src, explanation: "x" } as never))).toMatchObject({ path: ["explanation"] });
    expect(thrown(() => renderTimeline(scenarioTimeline(scenario), { format: "html" } as never))).toMatchObject({ path: ["options", "format"] });
    expect(thrown(() => renderTimeline({ ...scenarioTimeline(scenario), kind: "eligibility" } as never))).toMatchObject({ path: ["kind"] });
  });
});

describe("renderTimeline: markdown, mermaid and json", () => {
  const qinghaiLiability = () => timelineOfFixture("qinghai/liability-in-time-last-day-after-holiday.json");

  test("markdown (zh): the heading, the count, every row in date order, then the chart", () => {
    // On 2026-09-03: the two dates supplied, then the two periods (supplied < deadline < period on the same day);
    // on 10-08 the date received before the deadline it answers.
    const md = renderTimeline(qinghaiLiability());
    const [table, chart] = md.split("\n```mermaid\n");
    expect(table?.split("\n")).toEqual([
      "## 时间线：平台责任（逾期申请等费用承担）（青海省，qinghai@2026-07-01）",
      "",
      "期限的最后一日以24时为止；“结果”以场景提供的相应日期判断期限是否遵守：已遵守 1 项，逾期 0 项，尚不可知 0 项。",
      "",
      "| 日期 | 星期 | 类别 | 事项 | 结果 | 依据 |",
      "|---|---|---|---|---|---|",
      "| 2026-09-03 | 星期四 | 场景提供 | 事故伤害发生之日（北京时间） `accidentAt`（2026-09-03T19:20:00+08:00） | — | — |",
      "| 2026-09-03 | 星期四 | 场景提供 | 开始治疗之日 `treatment.startDate` | — | — |",
      "| 2026-09-03 | 星期四 | 期间 | 职业伤害保障待遇等费用（基金承担）：自 2026-09-03 起 | — | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十一条、第三十二条第二款 `qinghai-measures#art21` `qinghai-measures#art32.p2` |",
      "| 2026-09-03 | 星期四 | 期间 | 治疗期生活保障费（平台企业承担）：2026-09-03 至 2026-11-30 | — | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十四条第一款 `qinghai-measures#art24.p1`；《zhishang 对来源未明确之处的决定（docs/decisions.md）》 C7 `zhishang-decisions#C7` |",
      "| 2026-10-08 | 星期四 | 场景提供 | 收到平台企业申请之日 `platformApplicationReceivedDate` | — | — |",
      "| 2026-10-08 | 星期四 | 期限 | 平台企业提出职业伤害保障待遇给付申请（自 2026-09-03 起30日）；原到期日 2026-10-03，遇休息日顺延 | 已遵守：`platformApplicationReceivedDate` 2026-10-08，期限当日 | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十五条第一款 `qinghai-measures#art15.p1` |",
      "| 2026-11-20 | 星期五 | 场景提供 | 作出劳动能力鉴定结论之日 `treatment.assessmentConclusionDate` | — | — |",
      "| 2026-12-10 | 星期四 | 场景提供 | 治疗结束之日 `treatment.endDate` | — | — |",
      "",
    ]);
    expect(`${chart}`).toBe(`${renderTimeline(qinghaiLiability(), { format: "mermaid" })}\`\`\`\n`);
  });

  test("markdown (en): missed by one day, not yet known, a month supplied", () => {
    const g = renderTimeline(timelineOfFixture("guangxi/liability-overlapping-orders-late-application.json"), { lang: "en" });
    expect(g).toContain("A last day ends at 24:00; the result compares each deadline with the date the scenario supplied for it: met 0, missed 1, not yet known 0.");
    expect(g).toContain("| 2025-10-09 | Thursday | deadline | platform's application for benefits (from 2025-09-05, 30 calendar days); nominal last day 2025-10-05, a rest day: moved to the next working day | missed by 1 day: `platformApplicationReceivedDate` 2025-10-10 |");
    expect(g).toContain("| 2025-10-11 | Saturday | period | occupational-injury benefits and related costs (borne by the fund): from 2025-10-11 | — |");
    const late = renderTimeline(scenarioTimeline({ id: "late", province: "qinghai", kind: "claim-deadlines", input: { accidentDate: "2026-09-03", applicationReceivedDate: "2026-12-05", factsClear: true } }), { lang: "en" });
    expect(late).toContain("| missed by 3 days: `applicationReceivedDate` 2026-12-05 |");
    expect(late).toContain("| not yet known: the scenario's input has no date that answers it |");
    const q = renderTimeline(timelineOfFixture("qinghai/claim-deadlines-national-day.json"), { lang: "en" });
    expect(q).toContain("| not yet known: `confirmationDecisionDate` not supplied |");
    expect(q).toContain("| met: `applicationReceivedDate` 2026-09-21, 72 days early |");
    expect(q).toContain("| 2027-09-03 | Friday | end | treatment period (as a rule, at most) (from 2026-09-03, 12 months) | — |");
    const m = renderTimeline(timelineOfFixture("guangxi/monthly-premium-float-2026.json"));
    expect(m).toContain("| 2026-01 | — | 场景提供 | 费款所属月份（申报其单量的月份） `orderMonth` | — | — |");
    expect(m).toContain("| 2026-02-24 | 星期二 | 期限 | 按月申报缴纳职业伤害保障费；原到期日 2026-02-15，遇法定节假日或休息日顺延 | 尚不可知：场景输入中没有回应此期限的日期 |");
    // no deadline to meet: no count sentence
    expect(renderTimeline(timelineOfFixture("guangxi/living-guarantee-whole-months.json")).split("\n").slice(0, 3)).toEqual([
      "## 时间线：治疗期生活保障费（广西壮族自治区，guangxi@2025-07-01）", "", "| 日期 | 星期 | 类别 | 事项 | 结果 | 依据 |",
    ]);
  });

  test("mermaid: the whole chart of a case, done when met and crit when missed", () => {
    expect(renderTimeline(qinghaiLiability(), { format: "mermaid", lang: "en" }).split("\n")).toEqual([
      "gantt",
      "  title Timeline of the platform liability (costs borne for a late application) (Qinghai, qinghai@2026-07-01)",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% a bar's end date is the day after its last day (Mermaid end dates are exclusive); a deadline met is shown done, one missed critical",
      "  section dates supplied",
      "  day of the accident (China time) :milestone, s1, 2026-09-03, 0d",
      "  first day of treatment :milestone, s2, 2026-09-03, 0d",
      "  platform's application received :milestone, s3, 2026-10-08, 0d",
      "  work-capacity assessment conclusion made :milestone, s4, 2026-11-20, 0d",
      "  last day of treatment :milestone, s5, 2026-12-10, 0d",
      "  section deadlines",
      "  platform's application for benefits 30 calendar days met :done, milestone, d1, 2026-10-08, 0d",
      "  section periods",
      "  occupational-injury benefits and related costs (borne by the fund) :milestone, p1, 2026-09-03, 0d",
      // the living guarantee's last day 11-30: the bar ends the day after
      "  living guarantee during treatment (borne by the platform) :p2, 2026-09-03, 2026-12-01",
      "",
    ]);
    const missed = checkGantt(renderTimeline(timelineOfFixture("guangxi/liability-overlapping-orders-late-application.json"), { format: "mermaid" }));
    expect(missed.tasks.filter((x) => x.section === "期限")).toEqual([
      { section: "期限", text: "平台企业提出职业伤害保障待遇给付申请 30日 逾期 1 日", tags: ["crit", "milestone"], id: "d1", start: "2025-10-09", end: "0d" },
    ]);
    // the treatment period's bar from its start, the extension's from the day after the period's last day
    const claim = checkGantt(renderTimeline(timelineOfFixture("qinghai/claim-deadlines-national-day.json"), { format: "mermaid" }));
    expect(claim.tasks.filter((x) => x.section === "期间").map((x) => [x.id, x.start, x.end])).toEqual([["e1", "2026-09-03", "2027-09-04"], ["e2", "2027-09-04", "2028-09-04"]]);
    // a month stands on its first day, and its label says which month
    const month = checkGantt(renderTimeline(timelineOfFixture("guangxi/declaration-deadline-2025-10-national-day.json"), { format: "mermaid" }));
    expect(month.tasks.map((x) => [x.text, x.tags, x.start, x.end])).toEqual([
      ["申报月份 2025-10", ["milestone"], "2025-10-01", "0d"],
      ["按月申报缴纳职业伤害保障费 尚不可知", ["milestone"], "2025-10-27", "0d"],
      ["申报期", [], "2025-10-01", "2025-10-16"],
      ["申报期内的休息期（计入顺延）", [], "2025-10-01", "2025-10-09"],
    ]);
  });

  test("mermaid: the chart of every fixture of every timeline kind is a well-formed gantt chart, in both languages", () => {
    const files = readdirSync(join(ROOT, "fixtures")).flatMap((p) => readdirSync(join(ROOT, "fixtures", p)).map((f) => `${p}/${f}`));
    let charts = 0;
    const kinds = new Set<string>();
    for (const f of files) {
      const s = fixture(f);
      if (s.expectError !== undefined || !(TIMELINE_KINDS as readonly string[]).includes(s.kind as string)) continue;
      const t = scenarioTimeline(s);
      kinds.add(t.kind);
      for (const lang of ["zh", "en"] as const) {
        const check = checkGantt(renderTimeline(t, { format: "mermaid", lang }));
        expect(check.problems, `${f} (${lang})`).toEqual([]);
        // one milestone per date supplied and per deadline, one task per end and per period
        expect(check.tasks.length).toBe(t.supplied.length + t.deadlines.length + t.periods.length);
        charts += 1;
      }
    }
    expect([...kinds].sort()).toEqual([...TIMELINE_KINDS].sort());
    expect(charts).toBeGreaterThan(100);
  });

  test("the structural check refuses what Mermaid would refuse", () => {
    const ok = "gantt\n  dateFormat YYYY-MM-DD\n  section a\n  x :milestone, m1, 2026-01-01, 0d\n";
    expect(checkGantt(ok).problems).toEqual([]);
    expect(checkGantt("graph\n").problems).toEqual(['first line "graph" is not "gantt"']);
    expect(checkGantt(ok.replace("x :", "x: y :")).problems).toEqual(["line 4: task text empty or holding a separator: \"x: y\""]);
    expect(checkGantt(ok.replace("0d", "1d")).problems).toEqual(["line 4: a milestone ends 1d, not 0d"]);
    expect(checkGantt(ok.replace(":milestone, m1, 2026-01-01, 0d", ":p1, 2026-01-02, 2026-01-02")).problems).toEqual(["line 4: end 2026-01-02 is not a calendar date after 2026-01-02"]);
    expect(checkGantt(`${ok}  y :milestone, m1, 2026-02-30, 0d\n`).problems).toEqual(["line 5: id m1 used twice", "line 5: start 2026-02-30 is not a calendar date"]);
    expect(checkGantt(ok.replace("  section a\n", "")).problems).toEqual(["line 3: a task outside any section"]);
  });

  test("json: the Timeline itself, which renders back the same", () => {
    for (const path of ["qinghai/claim-deadlines-national-day.json", "guangxi/liability-overlapping-orders-late-application.json", "guangxi/time-limit-monthly-declaration-2026-10.json"]) {
      const t = timelineOfFixture(path);
      const json = renderTimeline(t, { format: "json", lang: "en" });
      expect(json.endsWith("}\n")).toBe(true);
      const back = JSON.parse(json) as Timeline;
      expect(back).toEqual(t);
      expect(renderTimeline(back, { lang: "en" })).toBe(renderTimeline(t, { lang: "en" }));
      expect(renderTimeline(t, { format: "json" })).toBe(json); // both languages in any case
    }
    expect(Object.keys(JSON.parse(renderTimeline(timelineOfFixture("guangxi/living-guarantee-whole-months.json"), { format: "json" })) as object))
      .toEqual(["kind", "ruleSet", "ruleSetName", "supplied", "deadlines", "periods", "notDefined"]);
  });
});

describe("zhishang timeline", () => {
  test("default: the Markdown table with supplied dates and results, then the fenced Mermaid chart", async () => {
    const r = await run(["timeline", FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("| 2025-09-22 | 星期一 | 场景提供 | 收到待遇给付申请之日 `applicationReceivedDate` | — | — |");
    expect(r.out).toContain("| 2025-11-07 | 星期五 | 期限 | 作出职业伤害确认结论（自 2025-09-22 起30个工作日） | 已遵守：`confirmationDecisionDate` 2025-10-30，早 8 日 |");
    expect(r.out).toMatch(/\n```mermaid\ngantt\n[\s\S]*:e2, 2026-09-06, 2027-09-06\n```\n$/);
    expect((await run(["timeline", "--format", "markdown", FIXTURE])).out).toBe(r.out);
    expect(r.out).toBe(renderTimeline(scenarioTimeline(scenario)));
    const en = await run(["timeline", "--lang", "en", FIXTURE]);
    expect(en.code).toBe(0);
    expect(en.out).toContain("| 2025-12-29 | Monday | deadline | review of a benefit application (from 2025-12-01, 20 working days) | not yet known: the scenario's input has no date that answers it |");
  });

  test("--format mermaid and --format json", async () => {
    const m = await run(["timeline", "--format", "mermaid", "--lang", "en", FIXTURE]);
    expect(m.code).toBe(0);
    expect(m.out.startsWith("gantt\n  title Timeline of the time limits of the benefit claim (Shanghai, shanghai@2022-07-01)\n")).toBe(true);
    expect(checkGantt(m.out).problems).toEqual([]);
    const j = await run(["timeline", "--format", "json", FIXTURE]);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toEqual(scenarioTimeline(scenario));
  });

  test("refuses kinds without dates, bad options and unreadable files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-timeline-"));
    const other = join(dir, "disability.json");
    writeFileSync(other, JSON.stringify({ id: "x", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000" } }));
    const wrongKind = await run(["timeline", other]);
    expect(wrongKind.code).toBe(1);
    expect(JSON.parse(wrongKind.out)).toMatchObject({ error: { code: "INVALID_INPUT", path: ["kind"] } });
    expect((JSON.parse(wrongKind.out) as { error: { messageZh: string } }).error.messageZh).toContain("claim-deadlines、time-limit");
    const early = join(dir, "early.json");
    writeFileSync(early, JSON.stringify({ id: "y", province: "qinghai", kind: "claim-deadlines", input: { accidentDate: "2026-06-30" } }));
    const notInForce = await run(["timeline", early]);
    expect(notInForce.code).toBe(1);
    expect(JSON.parse(notInForce.out)).toMatchObject({ error: { code: "RULE_NOT_IN_FORCE", path: ["input", "accidentDate"] } });
    expect((await run(["timeline", FIXTURE, "--lang", "fr"])).code).toBe(2);
    const html = await run(["timeline", FIXTURE, "--format", "html"]);
    expect(html.code).toBe(2);
    expect(html.err.startsWith('zhishang timeline: --format takes markdown, mermaid or json, not "html"')).toBe(true);
    expect((await run(["timeline"])).code).toBe(2);
    expect((await run(["timeline", join(dir, "missing.json")])).code).toBe(2);
    const help = await run(["timeline", "--help"]);
    expect(help.out).toContain("--format mermaid    the Mermaid gantt chart alone");
    for (const kind of TIMELINE_KINDS) expect(help.out).toContain(kind);
    expect(Math.max(...help.out.split("\n").map((l) => l.length))).toBeLessThanOrEqual(120);
  });
});
