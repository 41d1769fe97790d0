/**
 * The responsible platform (docs/decisions.md#C9; Qinghai 实施办法 第十八条第二款; Shanghai 规程 第二十八条第二、三款):
 * the reasons and notes findResponsiblePlatform gives, the tie-breaks on the way home, and its input errors.
 */
import { describe, expect, test } from "vitest";
import { assessLiability, findResponsiblePlatform, type OrderInput } from "../../src/index.js";

const T = (hhmm: string, day = "2026-09-03") => `${day}T${hhmm}:00+08:00`;

describe("notes when an order in progress decides", () => {
  const orders: OrderInput[] = [{ platform: "didi", orderId: "D1", acceptedAt: T("09:00"), completedAt: T("09:40") }];

  test("a stated activity other than on-order is overridden by the order in progress, with a note saying so", () => {
    // 09:20 is inside D1 (09:00–09:40): D1 decides (active-order) although the worker said "commute-home".
    const r = findResponsiblePlatform({ accidentAt: T("09:20"), activity: "commute-home", orders });
    expect(r).toMatchObject({ platform: "didi", rule: "active-order", orderId: "D1", ordersInProgress: ["D1"] });
    expect(r.notes).toEqual([{
      zh: "所述活动为 commute-home，但事故时有订单在执行：按执行中的订单确定平台责任",
      en: "the stated activity is commute-home, but an order was in progress: the order in progress decides",
    }]);
    expect(r.reason.en).toBe("order D1 of didi was in progress at the accident; its platform is responsible");
    // the same accident stated as on-order: nothing to remark
    expect(findResponsiblePlatform({ accidentAt: T("09:20"), activity: "on-order", orders }).notes).toEqual([]);
  });

  test("assessLiability records the reason and the notes in its liability.responsible-platform step", () => {
    const c = assessLiability("qinghai", { accidentAt: T("09:20"), activity: "designated-place", orders });
    const step = c.explanation.find((s) => s.rule === "liability.responsible-platform");
    expect(step?.notes?.map((n) => n.en)).toEqual([
      "order D1 of didi was in progress at the accident; its platform is responsible",
      "the stated activity is designated-place, but an order was in progress: the order in progress decides",
    ]);
    expect(step?.result).toEqual({ responsiblePlatform: "didi", rule: "active-order", orderId: "D1", ordersInProgress: ["D1"] });
  });
});

describe("several platforms' orders in progress: the route (第十八条第二款 “以同一路程首接单认定”)", () => {
  // meituan M1 on route r1 accepted 11:35, eleme E2 on route r2 accepted 11:40; both in progress at 12:00.
  const orders: OrderInput[] = [
    { platform: "meituan", orderId: "M1", acceptedAt: T("11:35"), routeKey: "r1" },
    { platform: "eleme", orderId: "E2", acceptedAt: T("11:40"), routeKey: "r2" },
  ];
  const DIFFERENT_ROUTES = "the orders in progress are on different routes and the accident's route is not given: the first accepted decides (C9)";

  test("different routes and no accident route: the first accepted (M1, 11:35) decides, with a note that the route is unknown", () => {
    const r = findResponsiblePlatform({ accidentAt: T("12:00"), activity: "on-order", orders });
    expect(r).toMatchObject({ platform: "meituan", rule: "first-accepted-same-route", orderId: "M1", ordersInProgress: ["M1", "E2"] });
    expect(r.notes).toEqual([{ zh: "执行中的订单路程不同，且未说明事故所在路程：取最先接单者（C9）", en: DIFFERENT_ROUTES }]);
  });

  test("the same route and no accident route: nothing to remark", () => {
    const sameRoute = orders.map((o) => ({ ...o, routeKey: "r1" }));
    expect(findResponsiblePlatform({ accidentAt: T("12:00"), activity: "on-order", orders: sameRoute }).notes).toEqual([]);
  });

  test("an accident route no order in progress is on: all orders in progress are considered, and only that is noted", () => {
    // r9 matches neither order → both stay candidates → the first accepted, M1 (meituan). The route was given,
    // so the "route unknown" note does not apply.
    const r = findResponsiblePlatform({ accidentAt: T("12:00"), activity: "on-order", orders, accidentRouteKey: "r9" });
    expect(r).toMatchObject({ platform: "meituan", rule: "first-accepted-same-route", orderId: "M1" });
    expect(r.notes).toEqual([{
      zh: "没有执行中的订单属于事故路程 r9：在全部执行中订单中确定",
      en: "no order in progress is on the accident's route r9: all orders in progress are considered",
    }]);
  });

  test("an accident route that one order is on: that order decides alone, no note", () => {
    // r2 → only E2 is a candidate, one platform → active-order.
    const r = findResponsiblePlatform({ accidentAt: T("12:00"), activity: "on-order", orders, accidentRouteKey: "r2" });
    expect(r).toMatchObject({ platform: "eleme", rule: "active-order", orderId: "E2", ordersInProgress: ["M1", "E2"] });
    expect(r.notes).toEqual([]);
  });
});

describe("the way home: the last order completed before the accident (C9)", () => {
  // Accident at 21:30 on the way home; no order in progress. Ties on the completion instant go to the order
  // accepted later (the one the worker took last), and then to the order listed first — the rule the property
  // test in properties.test.ts checks.
  const early = { platform: "meituan" as const, orderId: "M1", acceptedAt: T("20:00"), completedAt: T("21:00") };
  const late = { platform: "eleme" as const, orderId: "E1", acceptedAt: T("20:30"), completedAt: T("21:00") };
  const home = (orders: OrderInput[]) => findResponsiblePlatform({ accidentAt: T("21:30"), activity: "commute-home", orders });

  test("both completed at 21:00: the one accepted later (E1, 20:30) decides, whichever is listed first", () => {
    expect(home([early, late])).toMatchObject({ platform: "eleme", rule: "last-completed-order", orderId: "E1", ordersInProgress: [] });
    expect(home([late, early])).toMatchObject({ platform: "eleme", orderId: "E1" });
  });

  test("completed and accepted at the same instants: the order listed first", () => {
    const twin = { ...late, acceptedAt: T("20:00") }; // E1 now 20:00–21:00, exactly as M1
    expect(home([early, twin]).orderId).toBe("M1");
    expect(home([twin, early]).orderId).toBe("E1");
  });

  test("a later completion wins over a later acceptance", () => {
    const longer = { ...early, completedAt: T("21:05") }; // M1 20:00–21:05, E1 20:30–21:00
    expect(home([longer, late]).orderId).toBe("M1");
    expect(home([late, longer]).orderId).toBe("M1");
  });

  test("no order completed before the accident: no platform, and the reason says why", () => {
    const r = home([{ platform: "didi", orderId: "D1", acceptedAt: T("22:00"), completedAt: T("22:30") }]);
    expect(r).toMatchObject({ platform: null, rule: null, orderId: null, ordersInProgress: [], notes: [] });
    expect(r.reason).toEqual({
      zh: "返回途中，但事故前没有已完成的订单：无法确定平台",
      en: "on the way home, but no order was completed before the accident: no platform can be named",
    });
  });
});

describe("no order in progress, not on the way home", () => {
  test("off duty with an order completed earlier: the records name no platform, the reason gives the activity", () => {
    const r = findResponsiblePlatform({
      accidentAt: T("10:00"), activity: "off-duty",
      orders: [{ platform: "didi", orderId: "D1", acceptedAt: T("09:00"), completedAt: T("09:30") }],
    });
    expect(r).toMatchObject({ platform: null, rule: null, orderId: null, ordersInProgress: [], notes: [] });
    expect(r.reason).toEqual({
      zh: "事故时没有执行中的订单（活动：off-duty）：订单记录不能确定平台",
      en: "no order was in progress at the accident (activity: off-duty): the records name no platform",
    });
  });

  test("a designated place: findResponsiblePlatform passes designatedBy on (rule designated-place)", () => {
    const r = findResponsiblePlatform({ accidentAt: T("08:00"), activity: "designated-place", orders: [], designatedBy: "sf-tongcheng" });
    expect(r).toMatchObject({ platform: "sf-tongcheng", rule: "designated-place", orderId: null });
    expect(r.reason.en).toBe("on the way to a designated place: the platform that required it, sf-tongcheng");
  });

  test("a designated place without designatedBy: INVALID_INPUT at designatedBy, the message names the field", () => {
    expect(() => findResponsiblePlatform({ accidentAt: T("08:00"), activity: "designated-place", orders: [] })).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT", path: ["designatedBy"],
        messageEn: expect.stringContaining("designatedBy (the platform that required the visit) is required"),
        messageZh: expect.stringContaining("须注明提出要求的平台（designatedBy）"),
      }),
    );
  });
});

describe("findResponsiblePlatform: errors point into its input", () => {
  test("an accident time that is no date (September has 30 days): INVALID_INPUT at accidentAt", () => {
    expect(() => findResponsiblePlatform({ accidentAt: "2026-09-31T12:00:00+08:00", activity: "on-order", orders: [] }))
      .toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["accidentAt"] }));
  });

  test("an order completed before it was accepted: INVALID_INPUT at orders.0.completedAt", () => {
    expect(() => findResponsiblePlatform({
      accidentAt: T("12:00"), activity: "on-order",
      orders: [{ platform: "didi", orderId: "D1", acceptedAt: T("10:00"), completedAt: T("09:00") }],
    })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["orders", 0, "completedAt"] }));
  });
});
