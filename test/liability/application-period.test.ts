/**
 * The platform's application period (docs/decisions.md#C10) and Shanghai's agreed extension (规程第二十二条第一款), capped
 * at the one-year work-injury application limit (《工伤保险条例》第十七条第二款). Periods per 《民法典》第二百零一条
 * (start excluded), 第二百零二条 (a year ends on the corresponding day), 第二百零三条 (a last day on a rest day moves
 * to the next working day). Bundled holiday calendars: 2024–2026.
 */
import { describe, expect, test } from "vitest";
import { assessLiability, type LiabilityInput } from "../../src/index.js";

const CAL_2027 = [{ year: 2027, off: [["2027-01-01", "2027-01-01"]] as Array<[string, string]>, work: [] }];
const shanghai = (input: LiabilityInput, options?: Parameters<typeof assessLiability>[2]) => assessLiability("shanghai", input, options);
const EXTENDED = "liability.application-period-extended";

describe("Shanghai: an extension up to the rolled one-year cap", () => {
  // Accident Wednesday 2025-10-01. 30 days (规程第二十一条第一款) end on Friday 2025-10-31, a working day.
  // The one-year cap ends nominally on 2026-10-01, inside the 2026 National Day holiday (10-01…10-07), so per
  // 第二百零三条 it ends on Thursday 2026-10-08.
  const base = { accidentAt: "2025-10-01T09:00:00+08:00", activity: "off-duty" as const };

  test("an extension to 2026-10-08, the cap's rolled end, is allowed and moves the deadline", () => {
    const c = shanghai({ ...base, extensionAgreedUntil: "2026-10-08", platformApplicationReceivedDate: "2026-10-08" });
    expect(c.value).toMatchObject({ platformApplicationDeadline: "2026-10-08", lateFiling: false, platformBearsCostsFrom: null });
    const step = c.explanation.find((s) => s.rule === EXTENDED);
    expect(step).toMatchObject({
      title: { zh: "经同意延长申请期限", en: "application period extended by agreement" },
      inputs: { extensionAgreedUntil: "2026-10-08" },
      result: "2026-10-08",
      notes: [{ zh: "原期限 2025-10-31，延长至 2026-10-08（不超过 2026-10-08）", en: "period 2025-10-31 extended to 2026-10-08 (cap 2026-10-08)" }],
    });
    // the cap is the Shanghai parameter: one year, 规程第二十二条第一款 and 《工伤保险条例》第十七条第二款
    expect(step?.parameters.map((p) => [p.name, p.value, p.citations.map((x) => x.id)])).toEqual([
      ["timeLimit.applicationExtensionCap", { count: 1, unit: "year" }, ["shanghai-rules#art22.p1", "work-injury-regulations#art17.p2"]],
    ]);
    // the late-filing step then measures against the extended deadline
    expect(c.explanation.find((s) => s.rule === "liability.late-filing")?.inputs).toMatchObject({ platformApplicationDeadline: "2026-10-08" });
  });

  test("one day more, 2026-10-09, runs past the cap: INVALID_INPUT at extensionAgreedUntil naming the cap's end", () => {
    expect(() => shanghai({ ...base, extensionAgreedUntil: "2026-10-09", platformApplicationReceivedDate: "2026-10-09" })).toThrow(expect.objectContaining({
      code: "INVALID_INPUT", path: ["extensionAgreedUntil"],
      messageEn: "an extension cannot run past 2026-10-08 (the work-injury application limit)",
      messageZh: "延长后的期限不得超过 2026-10-08（工伤认定申请期限）",
    }));
  });
});

describe("Shanghai: the cap in a year without a bundled calendar", () => {
  test("an extension exactly to the cap's nominal end needs no calendar", () => {
    // Accident Thursday 2026-09-03: 30 days → 10-03 in the holiday → 2026-10-08. Cap: 2027-09-03 (a Friday),
    // nominally; an extension to that very day is within it without asking whether 2027-09-03 is a rest day,
    // so the missing 2027 calendar does not matter.
    const c = shanghai({
      accidentAt: "2026-09-03T19:20:00+08:00", activity: "off-duty",
      extensionAgreedUntil: "2027-09-03", platformApplicationReceivedDate: "2027-09-03",
    });
    expect(c.value).toMatchObject({ platformApplicationDeadline: "2027-09-03", lateFiling: false });
    expect(c.explanation.find((s) => s.rule === EXTENDED)?.notes?.[0]?.en).toBe("period 2026-10-08 extended to 2027-09-03 (cap 2027-09-03)");
  });

  // Accident Saturday 2026-09-05: 30 days → Monday 10-05, in the holiday → 2026-10-08. The cap ends nominally on
  // Sunday 2027-09-05; an extension to Monday 2027-09-06 is within it only after the rest-day rule, which needs
  // the 2027 calendar.
  const input = {
    accidentAt: "2026-09-05T08:00:00+08:00", activity: "off-duty" as const,
    extensionAgreedUntil: "2027-09-06", platformApplicationReceivedDate: "2027-09-06",
  };

  test("an extension past the nominal end without the 2027 calendar: CALENDAR_NOT_COVERED, at accidentAt", () => {
    expect(() => shanghai(input)).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["accidentAt"] }));
  });

  test("with the caller's 2027 calendar the cap rolls from Sunday 09-05 to Monday 09-06 and the extension holds", () => {
    const c = shanghai(input, { calendars: CAL_2027 });
    expect(c.value).toMatchObject({ platformApplicationDeadline: "2027-09-06", lateFiling: false });
    expect(c.explanation.find((s) => s.rule === EXTENDED)?.notes?.[0]?.en).toBe("period 2026-10-08 extended to 2027-09-06 (cap 2027-09-06)");
    // one day further is past the cap
    expect(() => shanghai({ ...input, extensionAgreedUntil: "2027-09-07" }, { calendars: CAL_2027 }))
      .toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["extensionAgreedUntil"] }));
  });
});

describe("Shanghai: an extension never shortens the statutory period", () => {
  // Accident 2026-09-03: the 30-day period ends on 2026-10-08 (see above).
  const base = { accidentAt: "2026-09-03T19:20:00+08:00", activity: "off-duty" as const, platformApplicationReceivedDate: "2026-10-08" };

  test("an agreed day before the period's end: the period still ends on 10-08, an application on 10-08 is in time", () => {
    const c = shanghai({ ...base, extensionAgreedUntil: "2026-09-30" });
    expect(c.value).toMatchObject({ platformApplicationDeadline: "2026-10-08", lateFiling: false, platformBearsCostsUntil: null });
    expect(c.explanation.map((s) => s.rule)).not.toContain(EXTENDED);
  });

  test("an agreed day equal to the period's end extends nothing: no extension step", () => {
    const c = shanghai({ ...base, extensionAgreedUntil: "2026-10-08" });
    expect(c.value).toMatchObject({ platformApplicationDeadline: "2026-10-08", lateFiling: false });
    expect(c.explanation.map((s) => s.rule)).not.toContain(EXTENDED);
  });
});

describe("Shanghai: an extension past the cap is refused even without an application date", () => {
  // Accident 2025-10-01 (China time): the one-year work-injury application limit ends on 2026-10-01 nominally; the
  // rest-day rule moves it past the National Day holiday (2026-10-01…07, bundled 2026 calendar) to 2026-10-08 (as in
  // the first describe above). No platformApplicationReceivedDate / applicationReceivedDate: no late-filing figures,
  // but the agreed day is still checked — before, 2026-10-09 was accepted silently.
  const base = { accidentAt: "2025-10-01T10:00:00+08:00", activity: "off-duty" as const };

  test("2026-10-09 runs past the cap's end 2026-10-08: INVALID_INPUT at extensionAgreedUntil", () => {
    expect(() => shanghai({ ...base, extensionAgreedUntil: "2026-10-09" })).toThrow(expect.objectContaining({
      code: "INVALID_INPUT", path: ["extensionAgreedUntil"],
      messageEn: expect.stringContaining("cannot run past 2026-10-08"),
    }));
  });

  test("2026-10-08 is within the cap: accepted, and with no application date nothing is late and no step extends a period", () => {
    const c = shanghai({ ...base, extensionAgreedUntil: "2026-10-08" });
    expect(c.value).toMatchObject({ platformApplicationDeadline: null, lateFiling: null });
    expect(c.explanation.map((s) => s.rule)).not.toContain(EXTENDED);
  });
});

describe("the application period's calendar errors point at accidentAt", () => {
  test("Qinghai, accident 2027-03-01: the 30-day period ends in 2027, not bundled → CALENDAR_NOT_COVERED at accidentAt", () => {
    expect(() => assessLiability("qinghai", {
      accidentAt: "2027-03-01T10:00:00+08:00", activity: "on-order", platformApplicationReceivedDate: "2027-04-05",
    })).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["accidentAt"] }));
  });
});
