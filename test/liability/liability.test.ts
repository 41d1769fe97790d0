import { describe, expect, test } from "vitest";
import { assessLiability, findResponsiblePlatform, type LiabilityInput } from "../../src/index.js";
import type { ProvinceId } from "../../src/provinces/index.js";

const T = (hhmm: string, day = "2026-09-03") => `${day}T${hhmm}:00+08:00`;
const liability = (p: ProvinceId, input: LiabilityInput, options?: Parameters<typeof assessLiability>[2]) =>
  assessLiability(p, input, options).value;

describe("the responsible platform (docs/decisions.md#C9)", () => {
  test("one order in progress: its platform (active-order)", () => {
    const r = liability("qinghai", {
      accidentAt: T("12:00"), activity: "on-order",
      orders: [
        { platform: "eleme", orderId: "E0", acceptedAt: T("10:00"), completedAt: T("10:40"), routeKey: "r0" },
        { platform: "meituan", orderId: "M1", acceptedAt: T("11:30"), completedAt: null, routeKey: "r1" },
      ],
    });
    expect(r).toMatchObject({ responsiblePlatform: "meituan", responsiblePlatformName: "美团", rule: "active-order", responsibleOrderId: "M1", ordersInProgress: ["M1"] });
  });

  test("overlapping orders of two platforms on one route: the first accepted (meituan 11:35 before eleme 11:40)", () => {
    const orders = [
      { platform: "eleme" as const, orderId: "E1", acceptedAt: T("11:40"), completedAt: T("12:20"), routeKey: "r1" },
      { platform: "meituan" as const, orderId: "M1", acceptedAt: T("11:35"), completedAt: T("12:30"), routeKey: "r1" },
    ];
    const r = liability("qinghai", { accidentAt: T("12:00"), activity: "on-order", orders });
    expect(r).toMatchObject({ responsiblePlatform: "meituan", rule: "first-accepted-same-route", responsibleOrderId: "M1", ordersInProgress: ["E1", "M1"] });
    // after eleme's order was completed at 12:20 only meituan's remains
    expect(liability("qinghai", { accidentAt: T("12:25"), activity: "on-order", orders }).rule).toBe("active-order");
  });

  test("two platforms' orders accepted at the same instant: the one listed first (a documented tie-break)", () => {
    const orders = [
      { platform: "shansong" as const, orderId: "S1", acceptedAt: T("11:35"), routeKey: "r1" },
      { platform: "meituan" as const, orderId: "M1", acceptedAt: "2026-09-03T03:35:00Z", routeKey: "r1" }, // same instant
    ];
    expect(liability("qinghai", { accidentAt: T("12:00"), activity: "on-order", orders }).responsiblePlatform).toBe("shansong");
    expect(liability("qinghai", { accidentAt: T("12:00"), activity: "on-order", orders: [...orders].reverse() }).responsiblePlatform).toBe("meituan");
  });

  test("the accident's route, when known, narrows the candidates", () => {
    const orders = [
      { platform: "meituan" as const, orderId: "M1", acceptedAt: T("11:35"), routeKey: "r1" },
      { platform: "eleme" as const, orderId: "E2", acceptedAt: T("11:40"), routeKey: "r2" },
      { platform: "shansong" as const, orderId: "S2", acceptedAt: T("11:45"), routeKey: "r2" },
    ];
    expect(liability("qinghai", { accidentAt: T("12:00"), activity: "on-order", orders, accidentRouteKey: "r2" }))
      .toMatchObject({ responsiblePlatform: "eleme", rule: "first-accepted-same-route" });
    expect(liability("qinghai", { accidentAt: T("12:00"), activity: "on-order", orders: orders.slice(0, 2), accidentRouteKey: "r2" }))
      .toMatchObject({ responsiblePlatform: "eleme", rule: "active-order" });
  });

  test("the way home after the last order: the platform of the last completed order (eleme at 21:10)", () => {
    const r = liability("inner-mongolia", {
      accidentAt: T("21:30"), activity: "commute-home",
      orders: [
        { platform: "meituan", orderId: "M9", acceptedAt: T("19:30"), completedAt: T("20:00") },
        { platform: "eleme", orderId: "E9", acceptedAt: T("20:20"), completedAt: T("21:10") },
        { platform: "didi", orderId: "D9", acceptedAt: T("22:00"), completedAt: T("22:30") },
      ],
    });
    expect(r).toMatchObject({ responsiblePlatform: "eleme", rule: "last-completed-order", responsibleOrderId: "E9" });
  });

  test("an order in progress decides whatever the stated activity; completion instant counts as in progress", () => {
    const orders = [{ platform: "didi" as const, orderId: "D1", acceptedAt: T("09:00"), completedAt: T("09:30") }];
    expect(liability("qinghai", { accidentAt: T("09:30"), activity: "commute-home", orders }).rule).toBe("active-order");
    expect(liability("qinghai", { accidentAt: T("09:31"), activity: "commute-home", orders }).rule).toBe("last-completed-order");
  });

  test("a designated place: the platform that required it; required input", () => {
    expect(liability("shanghai", { accidentAt: T("08:00"), activity: "designated-place", orders: [], designatedBy: "meituan" }))
      .toMatchObject({ responsiblePlatform: "meituan", rule: "designated-place", responsibleOrderId: null });
    expect(() => liability("shanghai", { accidentAt: T("08:00"), activity: "designated-place", orders: [] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["designatedBy"] }),
    );
  });

  test("no order in progress on an order claim, or off duty: no platform from the records", () => {
    const orders = [{ platform: "didi" as const, orderId: "D1", acceptedAt: T("09:00"), completedAt: T("09:30") }];
    expect(liability("qinghai", { accidentAt: T("10:00"), activity: "on-order", orders })).toMatchObject({ responsiblePlatform: null, rule: null });
    expect(liability("qinghai", { accidentAt: T("10:00"), activity: "off-duty", orders })).toMatchObject({ responsiblePlatform: null, rule: null });
  });

  test("findResponsiblePlatform takes the JSON input", () => {
    expect(findResponsiblePlatform({
      accidentAt: "2026-08-03T04:00:00Z", activity: "on-order",
      orders: [
        { platform: "eleme", orderId: "E1", acceptedAt: "2026-08-03T11:40:00+08:00", routeKey: "r1" },
        { platform: "meituan", orderId: "M1", acceptedAt: "2026-08-03T11:35:00+08:00", routeKey: "r1" },
      ],
    })).toMatchObject({ platform: "meituan", rule: "first-accepted-same-route" });
  });
});

describe("late filing (docs/decisions.md#C10) and the cost split", () => {
  // Accident 2026-09-03 (Thursday). 30 days from 09-04 end on 10-03, inside the National Day holiday
  // (10-01..10-07, 国办发明电〔2025〕7号), so the period ends on Thursday 10-08 (民法典第二百零三条).
  const accident = { accidentAt: T("19:20"), activity: "on-order" as const, orders: [{ platform: "meituan" as const, orderId: "M1", acceptedAt: T("19:00") }] };

  test("applied on the last day of the extended period: in time, the fund bears everything", () => {
    const r = liability("qinghai", { ...accident, platformApplicationReceivedDate: "2026-10-08" });
    expect(r).toMatchObject({ platformApplicationDeadline: "2026-10-08", lateFiling: false, platformBearsCostsFrom: null, platformBearsCostsUntil: null });
    expect(r.costs).toEqual([expect.objectContaining({ item: "benefit-costs", payer: "fund", from: "2026-09-03", until: null, citation: "qinghai-measures#art21" })]);
  });

  test("a day later: the platform bears the costs from the accident to the day an application was received", () => {
    const r = liability("qinghai", { ...accident, platformApplicationReceivedDate: "2026-10-09" });
    expect(r).toMatchObject({ lateFiling: true, platformBearsCostsFrom: "2026-09-03", platformBearsCostsUntil: "2026-10-09" });
    expect(r.costs.map((c) => [c.item, c.payer, c.from, c.until, c.citation])).toEqual([
      ["benefit-costs", "platform", "2026-09-03", "2026-10-09", "qinghai-measures#art15.p3"],
      ["benefit-costs", "fund", "2026-10-10", null, "qinghai-measures#art21"],
    ]);
  });

  test("the worker applied first (10-12), the platform later (10-20): until the first application, 10-12", () => {
    const r = liability("qinghai", { ...accident, platformApplicationReceivedDate: "2026-10-20", applicationReceivedDate: "2026-10-12" });
    expect([r.platformBearsCostsFrom, r.platformBearsCostsUntil]).toEqual(["2026-09-03", "2026-10-12"]);
  });

  test("Shanghai: the platform never applied, the worker applied on 2026-11-02 (第二十二条第二款)", () => {
    const r = liability("shanghai", { ...accident, applicationReceivedDate: "2026-11-02" });
    expect(r).toMatchObject({ lateFiling: true, platformBearsCostsFrom: "2026-09-03", platformBearsCostsUntil: "2026-11-02" });
    expect(r.costs[0]?.citation).toBe("shanghai-rules#art22.p2");
    expect(r.costs[1]).toMatchObject({ payer: "fund", from: "2026-11-03", citation: "shanghai-rules#art50" });
  });

  test("Shanghai: an agreed extension (第二十二条第一款) moves the period's end, within the 1-year cap", () => {
    const ok = liability("shanghai", { ...accident, platformApplicationReceivedDate: "2026-11-20", extensionAgreedUntil: "2026-11-30" });
    expect(ok).toMatchObject({ platformApplicationDeadline: "2026-11-30", lateFiling: false });
    expect(() => liability("qinghai", { ...accident, platformApplicationReceivedDate: "2026-11-20", extensionAgreedUntil: "2026-11-30" }))
      .toThrow(expect.objectContaining({ code: "RULE_NOT_DEFINED", path: ["extensionAgreedUntil"] }));
  });

  test("no application date: lateness unknown, no benefit split, no calendar needed", () => {
    const r = liability("qinghai", { ...accident, accidentAt: "2027-03-01T10:00:00+08:00", orders: [] });
    expect(r).toMatchObject({ platformApplicationDeadline: null, lateFiling: null, platformBearsCostsFrom: null, platformBearsCostsUntil: null, costs: [] });
  });

  test("a period ending in a year without a calendar is CALENDAR_NOT_COVERED; the caller can supply the year", () => {
    const input = { accidentAt: "2027-03-01T10:00:00+08:00", activity: "on-order" as const, orders: [], platformApplicationReceivedDate: "2027-04-05" };
    expect(() => liability("qinghai", input)).toThrow(expect.objectContaining({ code: "CALENDAR_NOT_COVERED" }));
    // 30 days after 2027-03-01 end on Wednesday 2027-03-31, a working day in the supplied calendar
    const r = liability("qinghai", input, { calendars: [{ year: 2027, off: [["2027-01-01", "2027-01-01"]], work: [] }] });
    expect(r).toMatchObject({ platformApplicationDeadline: "2027-03-31", lateFiling: true, platformBearsCostsUntil: "2027-04-05" });
  });

  test("living guarantee and nursing during treatment, unreported information, service organisation: the platform", () => {
    const r = liability("qinghai", {
      ...accident,
      platformApplicationReceivedDate: "2026-09-10",
      treatment: { startDate: "2026-09-03", endDate: "2026-12-10", assessmentConclusionDate: "2026-11-20" },
      nursingNeededDuringTreatment: true,
      unreportedInformation: true,
      serviceOrganisationFailure: true,
    });
    expect(r.costs.map((c) => [c.item, c.payer, c.from, c.until, c.citation])).toEqual([
      ["benefit-costs", "fund", "2026-09-03", null, "qinghai-measures#art21"],
      // living guarantee stops at the end of the month of the conclusion (11-30), before the treatment ends (12-10)
      ["living-guarantee", "platform", "2026-09-03", "2026-11-30", "qinghai-measures#art24.p1"],
      ["nursing-during-treatment", "platform", "2026-09-03", "2026-12-10", "qinghai-measures#art24.p1"],
      ["unreported-information", "platform", "2026-09-03", null, "qinghai-measures#art35.p2"],
      ["service-organisation-failure", "platform", "2026-09-03", null, "qinghai-measures#art34.p3"],
    ]);
  });

  test("identity checks not done: Shanghai 第六十九条第二款 only", () => {
    const r = liability("shanghai", { ...accident, identityCheckNotDone: true });
    expect(r.costs).toEqual([expect.objectContaining({ item: "identity-check-not-done", payer: "platform", citation: "shanghai-rules#art69.p2" })]);
    expect(() => liability("zhejiang", { ...accident, identityCheckNotDone: true })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_DEFINED", path: ["identityCheckNotDone"] }),
    );
  });

  test("silent provinces carry the national rules, cited with the Qinghai article that reproduces them", () => {
    const c = assessLiability("guangxi", { ...accident, unreportedInformation: true });
    const step = c.explanation.find((s) => s.rule === "liability.cost.unreported-information");
    expect(step?.parameters.map((p) => [p.name, p.provenance])).toEqual([["liability.unreportedInformationPayer", "national"]]);
    expect(c.value.costs[0]?.citations.map((x) => x.id)).toEqual(["national-measures", "qinghai-measures#art35.p2"]);
  });

  test("dates are checked: before the start, before the accident, completion before acceptance", () => {
    expect(() => liability("qinghai", { ...accident, accidentAt: "2026-06-30T15:59:00Z" })).toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE" }));
    expect(() => liability("qinghai", { ...accident, applicationReceivedDate: "2026-09-02" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["applicationReceivedDate"] }),
    );
    expect(() => liability("qinghai", { ...accident, orders: [{ platform: "didi", orderId: "D", acceptedAt: T("10:00"), completedAt: T("09:00") }] }))
      .toThrow(expect.objectContaining({ path: ["orders", 0, "completedAt"] }));
    expect(() => liability("qinghai", { ...accident, orders: [
      { platform: "didi", orderId: "D", acceptedAt: T("10:00") }, { platform: "didi", orderId: "D", acceptedAt: T("11:00") },
    ] })).toThrow(expect.objectContaining({ path: ["orders", 1, "orderId"] }));
  });
});
