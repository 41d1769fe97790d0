/**
 * Order counting (应缴费订单) and the streaming tally of counted orders per platform, industry and month: every
 * export of the four modules that implement it, each with one job —
 * - order-record.ts: the order record, its validation by hand and the fast parse of its end time;
 * - order-rule.ts: the counting rule (Shanghai 规程第十条, the general model), the order of its exclusions, the
 *   version each China-time day is decided under, and {@link decideOrder};
 * - order-tally.ts: {@link OrderTally} and the functions that count records, async records and columns;
 * - order-counts.ts: the counts as data ({@link OrderCounts}), their schema, the check that they add up and
 *   {@link mergeOrderCounts};
 * - order-sql.ts: the counting rule as one SQL query ({@link orderCountsSql}) and its rows back as counts
 *   ({@link orderCountsFromRows}).
 */
export {
  ORDER_STATUSES,
  fastInstantMs,
  type OrderColumns,
  type OrderRecord,
  type OrderStatus,
} from "./order-record.js";
export {
  CountingRule,
  decideOrder,
  ORDER_EXCLUSIONS,
  type CountingVersion,
  type OrderDecision,
  type OrderExclusion,
} from "./order-rule.js";
export { countOrderColumns, countOrders, countOrdersAsync, MAX_TALLY_PLATFORMS, OrderTally } from "./order-tally.js";
export { mergeOrderCounts, orderCountsSchema, parseOrderCounts, type OrderCountRow, type OrderCounts } from "./order-counts.js";
export {
  exclusionColumn,
  ORDER_SQL_DIALECTS,
  orderCountsFromRows,
  orderCountsSql,
  type OrderCountsSqlOptions,
  type OrderSqlDialect,
  type OrderSqlRow,
} from "./order-sql.js";
