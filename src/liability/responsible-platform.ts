/**
 * The responsible platform among several (docs/decisions.md#C9; Qinghai 实施办法 第十八条第二款; Shanghai 规程
 * 第二十八条第二、三款):
 *
 * 1. an order in progress at the accident (accepted at or before it, not completed before it): its platform
 *    (`active-order`); orders of several platforms in progress → the first accepted on the same route
 *    (`first-accepted-same-route`; when `accidentRouteKey` names the route, only that route's orders count);
 * 2. no order in progress, on the way home: the platform of the last order completed before the accident
 *    (`last-completed-order`);
 * 3. no order in progress, on the way to a designated place: the platform that required it (`designated-place`,
 *    the input `designatedBy`);
 * 4. otherwise no platform can be named from the records (`null`).
 *
 * An order in progress always decides, whatever the stated activity, so exactly one platform is responsible
 * whenever any order is in progress. Ties on the acceptance instant go to the order listed first.
 */
import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { parseInstant, type Instant } from "../core/datetime.js";
import type { Bilingual } from "../core/params.js";
import { parseInput } from "../core/validate.js";
import {
  completedBefore, dateTimeSchema, describeOrder, inProgressAt, orderSchema, parseOrders, platformIdSchema, type ParsedOrder,
} from "../eligibility/orders.js";
import { ACTIVITIES, type Activity } from "../core/vocabulary.js";

/**
 * The rules that name the responsible platform, in the order they apply (see {@link findResponsiblePlatform}).
 *
 * @example
 * ```ts
 * LIABILITY_RULES; // ["active-order", "first-accepted-same-route", "last-completed-order", "designated-place"]
 * // On the way home, no order in progress: the platform of the last order completed.
 * findResponsiblePlatform({ accidentAt: "2026-08-03T12:00:00+08:00", activity: "commute-home",
 *   orders: [{ platform: "didi", orderId: "D1", acceptedAt: "2026-08-03T11:00:00+08:00", completedAt: "2026-08-03T11:40:00+08:00" }],
 * }).rule; // "last-completed-order"
 * ```
 */
export const LIABILITY_RULES = ["active-order", "first-accepted-same-route", "last-completed-order", "designated-place"] as const;
/** One of {@link LIABILITY_RULES}. */
export type LiabilityRule = (typeof LIABILITY_RULES)[number];

/** The responsible platform, the rule and order that decide it, and why (`platform: null` when none can be named). */
export interface ResponsiblePlatform {
  /** A platform id (`other` for an unnamed platform), or null. */
  readonly platform: string | null;
  readonly rule: LiabilityRule | null;
  /** The order that decides (null for a designated place or when none does). */
  readonly orderId: string | null;
  readonly ordersInProgress: readonly string[];
  readonly reason: Bilingual;
  readonly notes: readonly Bilingual[];
}

function earliestAccepted(orders: readonly ParsedOrder[]): ParsedOrder {
  let best = orders[0] as ParsedOrder;
  for (const o of orders) {
    if (o.accepted.epochMs < best.accepted.epochMs) best = o;
  }
  return best;
}

function lastCompleted(orders: readonly ParsedOrder[]): ParsedOrder {
  let best = orders[0] as ParsedOrder;
  for (const o of orders) {
    const c = (o.completed as Instant).epochMs;
    const b = (best.completed as Instant).epochMs;
    if (c > b || (c === b && o.accepted.epochMs > best.accepted.epochMs)) best = o;
  }
  return best;
}

/**
 * Names the platform responsible for an accident from parsed order records (see {@link findResponsiblePlatform}
 * for the version that takes the JSON input).
 *
 * @example
 * ```ts
 * const at = parseInstant("2026-08-03T12:00:00+08:00", ["accidentAt"]);
 * const orders = parseOrders([{ platform: "didi", orderId: "D1", acceptedAt: "2026-08-03T11:40:00+08:00" }], null, ["orders"]);
 * determineResponsiblePlatform(at, "on-order", orders).rule; // "active-order"
 * ```
 */
export function determineResponsiblePlatform(
  at: Instant,
  activity: Activity,
  orders: readonly ParsedOrder[],
  opts: { accidentRouteKey?: string | undefined; designatedBy?: string | undefined } = {},
): ResponsiblePlatform {
  const inProgress = orders.filter((o) => inProgressAt(o, at));
  const ids = inProgress.map((o) => o.orderId);
  const notes: Bilingual[] = [];
  if (inProgress.length > 0) {
    if (activity !== "on-order") {
      notes.push({
        zh: `所述活动为 ${activity}，但事故时有订单在执行：按执行中的订单确定平台责任`,
        en: `the stated activity is ${activity}, but an order was in progress: the order in progress decides`,
      });
    }
    let candidates = inProgress;
    if (opts.accidentRouteKey !== undefined) {
      const onRoute = inProgress.filter((o) => o.routeKey === opts.accidentRouteKey);
      if (onRoute.length > 0) candidates = onRoute;
      else notes.push({
        zh: `没有执行中的订单属于事故路程 ${opts.accidentRouteKey}：在全部执行中订单中确定`,
        en: `no order in progress is on the accident's route ${opts.accidentRouteKey}: all orders in progress are considered`,
      });
    }
    const first = earliestAccepted(candidates);
    const platforms = new Set(candidates.map((o) => o.platform));
    if (platforms.size === 1) {
      return {
        platform: first.platform,
        rule: "active-order",
        orderId: first.orderId,
        ordersInProgress: ids,
        reason: {
          zh: `事故发生时正在执行 ${first.platform} 的订单 ${first.orderId}，由该订单所属平台企业承担平台责任`,
          en: `order ${first.orderId} of ${first.platform} was in progress at the accident; its platform is responsible`,
        },
        notes,
      };
    }
    const routes = new Set(candidates.map((o) => o.routeKey));
    if (routes.size > 1 && opts.accidentRouteKey === undefined) {
      notes.push({
        zh: "执行中的订单路程不同，且未说明事故所在路程：取最先接单者（C9）",
        en: "the orders in progress are on different routes and the accident's route is not given: the first accepted decides (C9)",
      });
    }
    return {
      platform: first.platform,
      rule: "first-accepted-same-route",
      orderId: first.orderId,
      ordersInProgress: ids,
      reason: {
        zh: `同时执行多个平台订单任务（${candidates.map(describeOrder).join("；")}），以同一路程首接单（${first.orderId}，${first.platform}）确定平台责任`,
        en: `orders of several platforms in progress (${candidates.map(describeOrder).join("; ")}); the first accepted on the route (${first.orderId}, ${first.platform}) decides`,
      },
      notes,
    };
  }
  if (activity === "commute-home") {
    const done = orders.filter((o) => completedBefore(o, at));
    if (done.length === 0) {
      return {
        platform: null, rule: null, orderId: null, ordersInProgress: [], notes,
        reason: { zh: "返回途中，但事故前没有已完成的订单：无法确定平台", en: "on the way home, but no order was completed before the accident: no platform can be named" },
      };
    }
    const last = lastCompleted(done);
    return {
      platform: last.platform,
      rule: "last-completed-order",
      orderId: last.orderId,
      ordersInProgress: [],
      reason: {
        zh: `执行订单任务后返回途中：由事故前最后完成的订单 ${last.orderId}（${last.platform}）所属平台承担`,
        en: `on the way home after orders: the platform of the last order completed before the accident, ${last.orderId} (${last.platform})`,
      },
      notes,
    };
  }
  if (activity === "designated-place") {
    if (opts.designatedBy === undefined) {
      throw invalidInput(["designatedBy"], "designatedBy (the platform that required the visit) is required for a designated place when no order is in progress",
        "前往指定场所且无执行中订单时，须注明提出要求的平台（designatedBy）");
    }
    return {
      platform: opts.designatedBy,
      rule: "designated-place",
      orderId: null,
      ordersInProgress: [],
      reason: {
        zh: `前往指定场所：由提出常规管理要求的平台 ${opts.designatedBy} 承担`,
        en: `on the way to a designated place: the platform that required it, ${opts.designatedBy}`,
      },
      notes,
    };
  }
  return {
    platform: null, rule: null, orderId: null, ordersInProgress: [], notes,
    reason: {
      zh: `事故时没有执行中的订单（活动：${activity}）：订单记录不能确定平台`,
      en: `no order was in progress at the accident (activity: ${activity}): the records name no platform`,
    },
  };
}

export const responsiblePlatformInputSchema = z.lazy(() => z.strictObject({
  accidentAt: dateTimeSchema(),
  activity: z.enum(ACTIVITIES),
  orders: z.array(orderSchema()).max(500),
  accidentRouteKey: z.string().min(1).max(200).optional(),
  designatedBy: platformIdSchema().optional(),
}));
/** The input of {@link findResponsiblePlatform}: the accident, the activity and the orders. */
export type ResponsiblePlatformInput = z.input<typeof responsiblePlatformInputSchema>;

/**
 * Names the platform responsible for an accident from the order records (JSON input, validated). The same rule
 * as `assessLiability`, without the province's rule set, dates in force or costs.
 *
 * @example
 * ```ts
 * // Two platforms' orders in progress on the same route: the first accepted decides.
 * findResponsiblePlatform({
 *   accidentAt: "2026-08-03T12:00:00+08:00", activity: "on-order",
 *   orders: [
 *     { platform: "eleme", orderId: "E1", acceptedAt: "2026-08-03T11:40:00+08:00", routeKey: "r1" },
 *     { platform: "meituan", orderId: "M1", acceptedAt: "2026-08-03T11:35:00+08:00", routeKey: "r1" },
 *   ],
 * }).platform; // "meituan" (rule "first-accepted-same-route")
 * ```
 */
export function findResponsiblePlatform(input: ResponsiblePlatformInput): ResponsiblePlatform {
  const i = parseInput(responsiblePlatformInputSchema, input);
  const at = parseInstant(i.accidentAt, ["accidentAt"]);
  return determineResponsiblePlatform(at, i.activity, parseOrders(i.orders, null, ["orders"]), {
    accidentRouteKey: i.accidentRouteKey,
    designatedBy: i.designatedBy,
  });
}
