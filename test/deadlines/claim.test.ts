/**
 * Claim deadlines, worked by hand on the official calendars.
 *
 * 2025 (国办发明电〔2024〕12号): off 1–8 Oct; Saturday 11 Oct is a working day. 2026 (国办发明电〔2025〕7号): off
 * 1–3 Jan, Sunday 4 Jan works; Saturday 14 Feb works, off 15–23 Feb; Sunday 20 Sep works, off 25–27 Sep; off 1–7
 * Oct, Saturday 10 Oct works.
 */
import { describe, expect, test } from "vitest";
import { computeClaimDeadlines } from "../../src/deadlines/claim.js";
import { isWorkingDay } from "../../src/calendar/calendar.js";

describe("Qinghai: a National Day claim", () => {
  const c = computeClaimDeadlines("qinghai", {
    accidentDate: "2026-09-03",
    applicationReceivedDate: "2026-09-21",
    factsClear: true,
    supplementNoticeDate: "2026-09-24",
    assessmentConclusionReceivedDate: "2026-12-10",
    treatmentStartDate: "2026-09-03",
  });

  test("every deadline, by hand", () => {
    expect(c.value).toEqual({
      // 3 Sep + 30 days = 3 Oct (holiday) → first working day after 1–7 Oct: 8 Oct
      platformApplicationDeadline: "2026-10-08",
      // 3 Sep + 90 days = 2 Dec (27 + 31 + 30 + 2), a Wednesday
      workerApplicationDeadline: "2026-12-02",
      applicationExtensionLimit: null,
      // 7 working days after 21 Sep: 22, 23, 24, (25–27 off) 28, 29, 30, (1–7 Oct off) 8 Oct
      confirmationDeadline: "2026-10-08",
      // 24 Sep + 10 days = 4 Oct (holiday) → 8 Oct
      supplementDeadline: "2026-10-08",
      // 10 Dec + 15 days = 25 Dec, a Friday
      reassessmentRequestDeadline: "2026-12-25",
      // durations: corresponding day 12 months on, then 12 more; no rest-day extension, no 2027 calendar needed
      treatmentPeriodEnd: "2027-09-03",
      treatmentPeriodMaxEnd: "2028-09-03",
      confirmationDeliveryDeadline: null,
      benefitReviewDeadline: null,
    });
  });

  test("the explanation: one step per deadline, with the seed article and the extension's reason", () => {
    expect(c.explanation.map((s) => s.rule)).toEqual([
      "coverage.in-force",
      "deadline.platform-application",
      "deadline.worker-application",
      "deadline.confirmation-facts-clear",
      "deadline.supplement-materials",
      "deadline.reassessment-request",
      "deadline.treatment-period",
      "deadline.treatment-period-extension",
    ]);
    const platform = c.explanation[1];
    expect(platform?.citations.map((x) => x.id)).toEqual(expect.arrayContaining([
      "civil-code#art201", "civil-code#art203.p1", "holiday-notice-2026", "qinghai-measures#art15.p1",
    ]));
    expect(platform?.parameters[0]).toMatchObject({ name: "timeLimit.platformApplication", value: { count: 30, unit: "day" }, provenance: "seed" });
    expect(platform?.result).toMatchObject({ deadline: "2026-10-08", nominalEnd: "2026-10-03", extendedFrom: "2026-10-03" });
    expect(platform?.notes?.some((n) => n.en.includes("Civil Code art. 203"))).toBe(true);
    const treatment = c.explanation[6];
    expect(treatment?.notes?.some((n) => n.en.includes("a duration"))).toBe(true);
    expect(c.assumptions).toEqual([]);
  });
});

describe("Shanghai: extension cap, working-day limits and a 调休 Sunday across New Year", () => {
  const c = computeClaimDeadlines("shanghai", {
    accidentDate: "2025-10-04",
    extensionRequested: true,
    applicationReceivedDate: "2025-10-09",
    factsClear: false,
    supplementNoticeDate: "2025-12-29",
    assessmentConclusionReceivedDate: "2026-09-16",
    treatmentStartDate: "2025-10-04",
    confirmationDecisionDate: "2026-02-12",
    benefitApplicationAcceptedDate: "2026-09-15",
  });

  test("every deadline, by hand", () => {
    expect(c.value).toEqual({
      // 4 Oct 2025 + 30 days = 3 Nov 2025, a Monday
      platformApplicationDeadline: "2025-11-03",
      // + 90 days = 2 Jan 2026 (27 + 30 + 31 + 2): off 1–3 Jan → Sunday 4 Jan, an adjusted working day
      workerApplicationDeadline: "2026-01-04",
      // 工伤保险条例第十七条 1 year: 4 Oct 2026 (holiday) → 8 Oct 2026
      applicationExtensionLimit: "2026-10-08",
      // 30 working days after 9 Oct 2025: 10, 11 (Sat, works), 13–17, 20–24, 27–31 (17), 3–7 Nov (22),
      // 10–14 Nov (27), 17, 18, 19 Nov (30)
      confirmationDeadline: "2025-11-19",
      // 5 working days after 29 Dec 2025: 30, 31 Dec, (1–3 Jan off) 4 (Sun, works), 5, 6 Jan
      supplementDeadline: "2026-01-06",
      // 16 Sep 2026 + 15 days = 1 Oct (holiday) → 8 Oct
      reassessmentRequestDeadline: "2026-10-08",
      // a duration ends on 4 Oct 2026 even though that is a holiday (contrast the extension cap above)
      treatmentPeriodEnd: "2026-10-04",
      treatmentPeriodMaxEnd: "2027-10-04",
      // 3 working days after 12 Feb 2026: 13, 14 (Sat, works), (15–23 off) 24 Feb
      confirmationDeliveryDeadline: "2026-02-24",
      // 20 working days after 15 Sep 2026: 16, 17, 18, 20 (Sun, works), 21–24 (8), 28, 29, 30 (11),
      // 8, 9, 10 (Sat, works) (14), 12–16 (19), 19 Oct (20)
      benefitReviewDeadline: "2026-10-19",
    });
  });

  test("provenance: Shanghai's own articles; re-assessment and treatment national", () => {
    const byRule = new Map(c.explanation.map((s) => [s.rule, s]));
    expect(byRule.get("deadline.supplement-materials")?.parameters[0]).toMatchObject({ value: { count: 5, unit: "working-day" }, provenance: "seed" });
    expect(byRule.get("deadline.supplement-materials")?.citations.map((x) => x.id)).toContain("shanghai-rules#art44.p3");
    expect(byRule.get("deadline.application-extension-cap")?.citations.map((x) => x.id)).toEqual(
      expect.arrayContaining(["shanghai-rules#art22.p1", "work-injury-regulations#art17.p2"]),
    );
    expect(byRule.get("deadline.reassessment-request")?.parameters[0]?.provenance).toBe("national");
    expect(byRule.get("deadline.treatment-period")?.parameters[0]?.provenance).toBe("national");
    expect(byRule.get("deadline.confirmation")?.notes?.some((n) => n.en.includes("facts not clear"))).toBe(true);
  });
});

describe("other provinces and edge cases", () => {
  test("Guangxi: facts not stated → the 30-working-day limit, with a note; Shanghai-only limits are null", () => {
    const c = computeClaimDeadlines("guangxi", {
      accidentDate: "2026-08-21",
      applicationReceivedDate: "2026-09-28",
      confirmationDecisionDate: "2026-10-09",
    });
    // 21 Aug + 30 = 20 Sep, a Sunday made a working day: no extension
    expect(c.value.platformApplicationDeadline).toBe("2026-09-20");
    // 21 Aug + 90 = 19 Nov (10 + 30 + 31 + 19), a Thursday
    expect(c.value.workerApplicationDeadline).toBe("2026-11-19");
    // 30 working days after 28 Sep: 29, 30 (2), 8, 9, 10 (5), 12–16 (10), 19–23 (15), 26–30 (20), 2–6 Nov (25),
    // 9–13 Nov (30)
    expect(c.value.confirmationDeadline).toBe("2026-11-13");
    expect(c.value.confirmationDeliveryDeadline).toBeNull();
    expect(c.explanation.some((s) => s.rule === "deadline.not-defined")).toBe(true);
    const conf = c.explanation.find((s) => s.rule === "deadline.confirmation");
    expect(conf?.notes?.some((n) => n.en.includes("not stated"))).toBe(true);
    expect(conf?.parameters[0]?.provenance).toBe("national");
  });

  test("Shanghai's extension limit is given only when an extension is asked for (it needs next year's calendar)", () => {
    // accident 2026-03-10: the cap would be 2027-03-10, outside the loaded calendars
    const c = computeClaimDeadlines("shanghai", { accidentDate: "2026-03-10" });
    expect(c.value.applicationExtensionLimit).toBeNull();
    expect(c.value.platformApplicationDeadline).toBe("2026-04-09"); // 10 Mar + 30, a Thursday
    expect(() => computeClaimDeadlines("shanghai", { accidentDate: "2026-03-10", extensionRequested: true })).toThrow(
      expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["accidentDate"] }),
    );
    // elsewhere the sources provide no extension: null, and the explanation says so
    const g = computeClaimDeadlines("guangxi", { accidentDate: "2026-03-10", extensionRequested: true });
    expect(g.value.applicationExtensionLimit).toBeNull();
    expect(g.explanation.some((s) => s.rule === "deadline.not-defined")).toBe(true);
  });

  test("errors: order of dates, province start, calendar coverage", () => {
    expect(() => computeClaimDeadlines("zhejiang", { accidentDate: "2026-03-10", applicationReceivedDate: "2026-03-09" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["applicationReceivedDate"] }),
    );
    expect(() => computeClaimDeadlines("zhejiang", {
      accidentDate: "2026-03-10", applicationReceivedDate: "2026-03-20", supplementNoticeDate: "2026-03-15",
    })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["supplementNoticeDate"] }));
    expect(() => computeClaimDeadlines("qinghai", { accidentDate: "2026-06-30" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["accidentDate"] }),
    );
    // 20 Nov 2026 + 90 days = 18 Feb 2027: needs the 2027 calendar
    expect(() => computeClaimDeadlines("inner-mongolia", { accidentDate: "2026-11-20" })).toThrow(
      expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["accidentDate"] }),
    );
    expect(() => computeClaimDeadlines("inner-mongolia", { accidentDate: "2026-11-20", factsClear: "yes" } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["factsClear"] }),
    );
  });

  test("the caller's calendar makes the later deadline computable", () => {
    // hypothetical 2027 schedule for the test only: no day off in February
    const c = computeClaimDeadlines("inner-mongolia", { accidentDate: "2026-11-20" }, {
      calendars: [{ year: 2027, off: [["2027-01-01", "2027-01-01"]], work: [] }],
    });
    expect(c.value.workerApplicationDeadline).toBe("2027-02-18"); // a Thursday
    expect(isWorkingDay(c.value.platformApplicationDeadline)).toBe(true);
  });

  test("an override of a time limit is recorded as caller", () => {
    const c = computeClaimDeadlines("zhejiang", { accidentDate: "2026-03-10" }, {
      overrides: { "timeLimit.platformApplication": { count: 15, unit: "day" } },
    });
    // 10 Mar + 15 = 25 Mar, a Wednesday
    expect(c.value.platformApplicationDeadline).toBe("2026-03-25");
    expect(c.explanation[1]?.parameters[0]?.provenance).toBe("caller");
  });
});
