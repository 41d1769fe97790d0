/**
 * Order records (接单数据: accepted at, completed at, route) as the eligibility and liability rules read them.
 *
 * "执行平台订单任务期间" (Qinghai 实施办法 第十一条第三款) runs from acceptance of the order to its completion,
 * both instants included. An order without `completedAt` (or with `null`) was still in progress.
 */
import { z } from "zod";
import { invalidInput, type ErrorPath } from "../core/errors.js";
import { formatChinaTime, parseInstant, type Instant } from "../core/datetime.js";
import { ID_PATTERN } from "../provinces/schema.js";
import { sharedSchema } from "../core/validate.js";

/** An ISO 8601 date-time with an offset; checked by {@link parseInstant} for a precise error. */
export const dateTimeSchema = sharedSchema(() => z.string().max(40));

/**
 * A platform id: any lowercase id (`ID_PATTERN`: the catalogue's docs/scenarios.md ids, or one a rule set's
 * `coverage.pilotPlatforms` lists), or `other` for a platform left unnamed.
 */
export const platformIdSchema = sharedSchema(() =>
  z.string().max(60).regex(ID_PATTERN, 'expected a lowercase platform id such as "meituan", or "other"'));

const orderShape = sharedSchema(() => z.strictObject({
  /** Platform id: a lowercase id (docs/scenarios.md, or one a rule set lists), or `other`. */
  platform: platformIdSchema(),
  /** The platform's order number. */
  orderId: z.string().min(1).max(100),
  /** When the worker accepted the order (接单). */
  acceptedAt: dateTimeSchema(),
  /** When the order was completed (送达, 中途转出…); absent or null: not completed. */
  completedAt: dateTimeSchema().nullable().optional(),
  /** Identifies the route (路程) the order was carried on; orders on the same route share it. */
  routeKey: z.string().min(1).max(200).nullable().optional(),
}));

/** An order as the liability kind takes it: every field of docs/scenarios.md. */
export const orderSchema = orderShape;

/** An order as the eligibility kind takes it: the platform defaults to the case's platform, the id is optional. */
export const eligibilityOrderSchema = sharedSchema(() => z.strictObject({
  ...orderShape().shape,
  platform: orderShape().shape.platform.optional(),
  orderId: orderShape().shape.orderId.optional(),
}));

/** An order as the liability rules take it (`orders` of {@link LiabilityInput}): platform, id, accepted and completed at, route. */
export type OrderInput = z.input<ReturnType<typeof orderSchema>>;
/** An order as {@link assessEligibility} takes it: the platform defaults to the case's platform, the id is optional. */
export type EligibilityOrderInput = z.input<ReturnType<typeof eligibilityOrderSchema>>;

export interface ParsedOrder {
  /** Position in the input (ties are broken by it). */
  readonly index: number;
  /** A platform id (`other` for an unnamed platform). */
  readonly platform: string;
  readonly orderId: string;
  readonly accepted: Instant;
  readonly completed: Instant | null;
  readonly routeKey: string | null;
}

/**
 * Parses order records: date-times with offsets, completion not before acceptance, order ids unique.
 * `path` is the path of the `orders` array in the caller's input.
 */
export function parseOrders(
  orders: ReadonlyArray<{
    platform?: string | undefined;
    orderId?: string | undefined;
    acceptedAt: string;
    completedAt?: string | null | undefined;
    routeKey?: string | null | undefined;
  }>,
  defaultPlatform: string | null,
  path: ErrorPath,
): ParsedOrder[] {
  const ids = new Set<string>();
  return orders.map((o, index) => {
    const accepted = parseInstant(o.acceptedAt, [...path, index, "acceptedAt"]);
    const completed = o.completedAt === undefined || o.completedAt === null
      ? null
      : parseInstant(o.completedAt, [...path, index, "completedAt"]);
    if (completed !== null && completed.epochMs < accepted.epochMs) {
      throw invalidInput([...path, index, "completedAt"], "an order cannot be completed before it was accepted",
        "订单完成时间不得早于接单时间");
    }
    const platform = o.platform ?? defaultPlatform;
    if (platform === null) {
      throw invalidInput([...path, index, "platform"], "the order's platform is required", "须注明订单所属平台");
    }
    const orderId = o.orderId ?? `#${index + 1}`;
    if (ids.has(orderId)) {
      throw invalidInput([...path, index, "orderId"], `order id ${orderId} appears twice`, `订单号 ${orderId} 重复`);
    }
    ids.add(orderId);
    return { index, platform, orderId, accepted, completed, routeKey: o.routeKey ?? null };
  });
}

/** Whether the order was in progress at `at`: accepted at or before it and not completed before it. */
export function inProgressAt(order: ParsedOrder, at: Instant): boolean {
  return order.accepted.epochMs <= at.epochMs && (order.completed === null || at.epochMs <= order.completed.epochMs);
}

/** Whether the order was completed strictly before `at`. */
export function completedBefore(order: ParsedOrder, at: Instant): boolean {
  return order.completed !== null && order.completed.epochMs < at.epochMs;
}

/** A short description of an order for explanations, in China Standard Time. */
export function describeOrder(o: ParsedOrder): string {
  const done = o.completed === null ? "—" : formatChinaTime(o.completed);
  return `${o.platform} ${o.orderId} [${formatChinaTime(o.accepted)} → ${done}]${o.routeKey === null ? "" : ` route ${o.routeKey}`}`;
}
