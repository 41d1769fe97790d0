/**
 * Claim deadlines (src/deadlines/claim.ts): the exact messages of the order checks, the exact "not defined"
 * steps of the provinces without Shanghai's extra limits, and the path of an error in the treatment extension.
 *
 * Calendar facts used (src/calendar/data.ts, 2026, 国办发明电〔2025〕7号): 2026-01-01 is a Thursday; Sunday
 * 20 September is an adjusted working day; 1–7 October off; 2027 is not bundled.
 */
import { describe, expect, test } from "vitest";
import { computeClaimDeadlines } from "../../src/deadlines/claim.js";
import { invalidJson as invalid, thrown } from "../support/errors.js";

describe("order of the dates: exact messages", () => {
  test("a date before the accident", () => {
    expect(thrown(() => computeClaimDeadlines("zhejiang", { accidentDate: "2026-03-10", treatmentStartDate: "2026-03-09" }))).toEqual(
      invalid(["treatmentStartDate"], "treatmentStartDate is before the accident", "treatmentStartDate 早于事故发生日期"),
    );
  });

  test("a notice to supplement before the application was received", () => {
    expect(thrown(() => computeClaimDeadlines("zhejiang", {
      accidentDate: "2026-03-10", applicationReceivedDate: "2026-03-20", supplementNoticeDate: "2026-03-15",
    }))).toEqual(invalid(["supplementNoticeDate"],
      "supplementNoticeDate is before applicationReceivedDate (a notice to supplement follows the application)",
      "supplementNoticeDate 早于 applicationReceivedDate（补正告知不能早于收到申请）"));
  });

  test("a confirmation decision before the application was received", () => {
    expect(thrown(() => computeClaimDeadlines("zhejiang", {
      accidentDate: "2026-03-10", applicationReceivedDate: "2026-03-20", confirmationDecisionDate: "2026-03-19",
    }))).toEqual(invalid(["confirmationDecisionDate"],
      "confirmationDecisionDate is before applicationReceivedDate (the decision follows the application)",
      "confirmationDecisionDate 早于 applicationReceivedDate（确认结论不能早于收到申请）"));
  });

  test("the same day is not before: decision and notice on the day the application arrived", () => {
    // Zhejiang (national limits): application received Monday 10 August 2026, 30 working days (facts not
    // stated): 11–14 (4), 17–21 (9), 24–28 (14), 31 Aug–4 Sep (19), 7–11 (24), 14–18 (29), Sunday 20 Sep (调休上班,
    // 30) → 2026-09-20. Supplement: 10 days from 10 August = 20 August, a Thursday.
    const c = computeClaimDeadlines("zhejiang", {
      accidentDate: "2026-08-03", applicationReceivedDate: "2026-08-10", supplementNoticeDate: "2026-08-10", confirmationDecisionDate: "2026-08-10",
    });
    expect(c.value.confirmationDeadline).toBe("2026-09-20");
    expect(c.value.supplementDeadline).toBe("2026-08-20");
  });
});

describe("a province without Shanghai's extra limits says so, one step each", () => {
  test("Guangxi: extension, delivery and review are not defined; their deadlines are null", () => {
    // Accident Monday 3 August 2026: + 30 days = 2 September (Wed); + 90 days = 1 November (28 + 30 + 31 + 1), a
    // Sunday → Monday 2 November. Confirmation: 2026-09-20 as above.
    const c = computeClaimDeadlines("guangxi", {
      accidentDate: "2026-08-03",
      extensionRequested: true,
      applicationReceivedDate: "2026-08-10",
      confirmationDecisionDate: "2026-08-20",
      benefitApplicationAcceptedDate: "2026-08-25",
    });
    expect(c.value).toEqual({
      platformApplicationDeadline: "2026-09-02",
      workerApplicationDeadline: "2026-11-02",
      applicationExtensionLimit: null,
      confirmationDeadline: "2026-09-20",
      supplementDeadline: null,
      reassessmentRequestDeadline: null,
      treatmentPeriodEnd: null,
      treatmentPeriodMaxEnd: null,
      confirmationDeliveryDeadline: null,
      benefitReviewDeadline: null,
    });
    expect(c.explanation.map((s) => s.rule)).toEqual([
      "coverage.in-force", "deadline.platform-application", "deadline.worker-application", "deadline.not-defined",
      "deadline.confirmation", "deadline.not-defined", "deadline.not-defined",
    ]);
    const notDefined = c.explanation.filter((s) => s.rule === "deadline.not-defined").map((s) => ({ title: s.title, result: s.result, citations: s.citations }));
    expect(notDefined).toEqual([
      { title: { zh: "广西壮族自治区来源未规定：申请期限的延长", en: "Guangxi's sources define no extension of the application period" }, result: null, citations: [] },
      { title: { zh: "广西壮族自治区来源未规定：确认结论送达期限", en: "Guangxi's sources define no time limit for delivering the confirmation decision" }, result: null, citations: [] },
      { title: { zh: "广西壮族自治区来源未规定：待遇申请审核期限", en: "Guangxi's sources define no time limit for reviewing a benefit application" }, result: null, citations: [] },
    ]);
  });

  test("Qinghai names itself in the step", () => {
    // Qinghai has no benefit-review limit (only Shanghai 规程第四十四条第三款 has one).
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-08-03", benefitApplicationAcceptedDate: "2026-08-25" });
    expect(c.value.benefitReviewDeadline).toBeNull();
    expect(c.explanation.at(-1)?.title).toEqual({ zh: "青海省来源未规定：待遇申请审核期限", en: "Qinghai's sources define no time limit for reviewing a benefit application" });
  });
});

describe("the treatment extension is counted from the end of the treatment period", () => {
  test("an error in it points at treatmentStartDate", () => {
    // Override: an extension of 5 working days (a caller's hypothetical rule). Treatment from 29 December 2025:
    // 12 months end on 29 December 2026 (Tue); 5 working days after: 30, 31 December, then 1 January 2027 is
    // not in the bundled calendars.
    expect(thrown(() => computeClaimDeadlines("shanghai", { accidentDate: "2025-12-29", treatmentStartDate: "2025-12-29" }, {
      overrides: { "treatment.maxExtension": { count: 5, unit: "working-day" } },
    }))).toEqual({
      code: "CALENDAR_NOT_COVERED",
      message: "2027-01-01 lies outside the holiday calendars loaded (years: 2024, 2025, 2026); add that year's official schedule in \"calendars\" — zhishang never falls back to plain weekends / 2027-01-01 不在已载入的节假日安排年度内（已载入：2024, 2025, 2026）；请通过 calendars 提供该年度的官方放假调休安排——本库不以普通周末代替",
      messageEn: "2027-01-01 lies outside the holiday calendars loaded (years: 2024, 2025, 2026); add that year's official schedule in \"calendars\" — zhishang never falls back to plain weekends",
      messageZh: "2027-01-01 不在已载入的节假日安排年度内（已载入：2024, 2025, 2026）；请通过 calendars 提供该年度的官方放假调休安排——本库不以普通周末代替",
      path: ["treatmentStartDate"],
    });
  });

  test("the extension step's input is the end of the treatment period", () => {
    // 12 months from 3 September 2026 end on 3 September 2027; the extension of 12 more on 3 September 2028.
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", treatmentStartDate: "2026-09-03" });
    const ext = c.explanation.find((s) => s.rule === "deadline.treatment-period-extension");
    expect(ext?.inputs).toMatchObject({ treatmentPeriodEnd: "2027-09-03" });
    expect(ext?.notes).toContainEqual({ zh: "延长期自治疗职业伤害期届满之日 2027-09-03 起算", en: "the extension runs from the end of the treatment period, 2027-09-03" });
    expect(c.value.treatmentPeriodMaxEnd).toBe("2028-09-03");
  });
});
