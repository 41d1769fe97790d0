/**
 * The counting rule as SQL: one query, generated from a province's rule set, that gives the rows of the tally
 * ({@link OrderCountRow}) over a table of orders in a platform's own warehouse, and the conversion of its rows
 * back to {@link OrderCounts} for `computeMonthlyContributions` (docs/premiums.md).
 *
 * The query mirrors `classify` and the month lookup of the tally: the conditions of 规程第十条 in the order of
 * {@link ORDER_EXCLUSIONS}, then whether a version of the rules is in force on the order's China-time day (the
 * runs of days of {@link CountingRule.inForceRuns}, read from every version's `coverage.inForceFrom`,
 * `validFrom` and `validTo`). Days and months are worked out from epoch milliseconds by integer arithmetic only
 * (no time-zone or date function of the engine): the day is ⌊(ms + 8 h) / 1 day⌋, the month that day's civil
 * month (the days-to-civil algorithm on non-negative integers).
 */
import { invalidInput } from "../core/errors.js";
import type { ComputeOptions } from "../core/explain.js";
import { formatIsoDate, fromDayNumber, MS_PER_DAY } from "../core/dates.js";
import { CST_MS } from "../core/datetime.js";
import type { ProvinceId, RuleSetInput } from "../provinces/index.js";
import { mergeOrderCounts, type OrderCountRow, type OrderCounts } from "./order-counts.js";
import { CountingRule, ORDER_EXCLUSIONS, type OrderExclusion } from "./order-rule.js";
import { INDUSTRIES, type Industry } from "./rates.js";

/**
 * The SQL dialects {@link orderCountsSql} writes: DuckDB and PostgreSQL (both run by the project's tests).
 *
 * @example
 * ```ts
 * ORDER_SQL_DIALECTS; // ["duckdb", "postgres"]
 * ```
 */
export const ORDER_SQL_DIALECTS = ["duckdb", "postgres"] as const;
/** One of {@link ORDER_SQL_DIALECTS}. */
export type OrderSqlDialect = (typeof ORDER_SQL_DIALECTS)[number];

/** The options of {@link orderCountsSql}: the dialect, the table, and the usual computation options (`registry`, `overrides`). */
export interface OrderCountsSqlOptions extends ComputeOptions {
  /** Default `"duckdb"`. */
  readonly dialect?: OrderSqlDialect;
  /** The table (or `schema.table`) of orders; default `orders`. */
  readonly table?: string;
}

/**
 * The column of an exclusion in the query's rows: its name in {@link ORDER_EXCLUSIONS} with `-` replaced by `_`.
 *
 * @example
 * ```ts
 * exclusionColumn("worker-not-registered"); // "worker_not_registered"
 * ```
 */
export function exclusionColumn(x: OrderExclusion): string {
  if (!(ORDER_EXCLUSIONS as readonly unknown[]).includes(x)) {
    throw invalidInput([], `expected one of ${ORDER_EXCLUSIONS.join(", ")}`, `应为 ${ORDER_EXCLUSIONS.join("、")} 之一`);
  }
  return x.replaceAll("-", "_");
}

/** Days from 0000-03-01 to 1970-01-01 (proleptic Gregorian): day + this is non-negative for every year from 1 on. */
const CIVIL_SHIFT = 719_468;
const TABLE_RE = /^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/;

/**
 * One SQL query over a table of orders whose rows are the rows of the tally of the same orders: `platform`,
 * `industry`, `month` (`YYYY-MM` of the China-time day execution ended; null for an order without an end time),
 * `counted`, then one column per exclusion ({@link exclusionColumn}), ordered as the tally's rows (platform by
 * code point, industry in `INDUSTRIES` order, month with null last). Generated from the rule set: every version's
 * counting rule and start are read as the tally reads them (so `strict` and a missing rule refuse here too).
 *
 * The table has the columns `platform` (text), `industry` (text), `status` (text), `ended_at_ms` (bigint, epoch
 * milliseconds; null when the order has no end time), `worker_registered`, `worker_in_scope`,
 * `started_in_province` (boolean), all but `ended_at_ms` not null, holding records the tally would accept
 * (docs/premiums.md gives the CHECK constraints that say so). The query does not check them.
 *
 * @example
 * ```ts
 * const sql = orderCountsSql("shanghai", { dialect: "postgres", table: "orders" });
 * sql.includes("FROM orders"); // true
 * sql.includes("AS worker_not_registered"); // true
 * ```
 */
export function orderCountsSql(rules: RuleSetInput, options: OrderCountsSqlOptions = {}): string {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw invalidInput(["options"], "the options must be an object", "选项应为对象");
  }
  const { dialect = "duckdb", table = "orders", ...compute } = options;
  if (!(ORDER_SQL_DIALECTS as readonly string[]).includes(dialect)) {
    throw invalidInput(["dialect"], `expected one of ${ORDER_SQL_DIALECTS.join(", ")}`, `应为 ${ORDER_SQL_DIALECTS.join("、")} 之一`);
  }
  if (typeof table !== "string" || !TABLE_RE.test(table)) {
    throw invalidInput(["table"], "expected a table name (letters, digits and _, optionally schema.table)", "应为表名（字母、数字和 _，可带模式名：模式名.表名）");
  }
  const rule = new CountingRule(rules, compute);
  // every version counts by the one rule there is (24:00 China time); a new value would need its own SQL here
  for (const part of rule.parts) {
    const value: "ended-by-24h-china-time" = part.counting.value;
    if (value !== "ended-by-24h-china-time") throw invalidInput([], "no SQL for this counting rule", "此订单统计规则无对应的 SQL");
  }
  const div = (a: string, b: number) => (dialect === "duckdb" ? `(${a}) // ${b}` : `(${a}) / ${b}`);
  // the day number (days since 1970-01-01) of z, against each run's first and end day
  const day = `(z - ${CIVIL_SHIFT})`;
  const at = (n: number) => `${n} /* ${formatIsoDate(fromDayNumber(n))} */`;
  const runs = rule.inForceRuns.map(([a, b]) => (b === Infinity ? `${day} >= ${at(a)}` : `(${day} >= ${at(a)} AND ${day} < ${at(b)})`));
  const inForce = runs.length === 0 ? "FALSE" : runs.join(" OR ");
  const versions = rule.parts
    .map((p) => `--   ${p.ruleSet.id}: from ${p.ruleSet.validFrom}${p.ruleSet.validTo === null ? "" : ` to ${p.ruleSet.validTo}`}, rules in force from ${p.start.value}`)
    .join("\n");
  const codeName = ["counted", ...ORDER_EXCLUSIONS.map(exclusionColumn)];
  const sums = codeName.map((name, c) => `    CAST(SUM(CASE WHEN code = ${c} THEN n ELSE 0 END) AS BIGINT) AS ${name}`).join(",\n");
  const industryOrder = INDUSTRIES.map((x, k) => `WHEN '${x}' THEN ${k}`).join(" ");
  const platformOrder = dialect === "postgres" ? `platform COLLATE "C"` : "platform";
  return `-- zhishang: counted orders (应缴费订单) of ${rule.province} by platform, industry and month (China time),
-- Shanghai 规程第十条 model: the conditions in the order of ORDER_EXCLUSIONS, then the day the rules are in force.
-- Versions:
${versions}
-- Dialect: ${dialect}. Generated by zhishang orderCountsSql; the rows convert back with orderCountsFromRows.
-- Per order: its China-time day and the first of conditions 1-4 it fails; per day: whether rules are in force (5)
-- and its civil month; per month: the sums.
WITH coded AS (
  SELECT platform, industry,
    -- days since 0000-03-01 of the China-time day: (ms + 8 h + ${CIVIL_SHIFT} days) / 1 day, on non-negative integers
    ${div(`ended_at_ms + ${CST_MS + CIVIL_SHIFT * MS_PER_DAY}`, MS_PER_DAY)} AS z,
    CASE
      WHEN NOT worker_registered THEN 1
      WHEN NOT worker_in_scope THEN 2
      WHEN NOT started_in_province THEN 3
      WHEN status NOT IN ('delivered', 'transferred') THEN 4
      ELSE 0
    END AS pre
  FROM ${table}
), days AS (
  SELECT platform, industry, z, pre, COUNT(*) AS n FROM coded GROUP BY platform, industry, z, pre
), era AS (
  SELECT platform, industry, n,
    CASE WHEN pre = 0 AND NOT (${inForce}) THEN 5 ELSE pre END AS code,
    z - ${div("z", 146_097)} * 146097 AS doe, ${div("z", 146_097)} AS era
  FROM days
), yoe AS (
  SELECT platform, industry, n, code, doe, era, ${div(`doe - ${div("doe", 1460)} + ${div("doe", 36_524)} - ${div("doe", 146_096)}`, 365)} AS yoe FROM era
), mp AS (
  SELECT platform, industry, n, code, yoe + era * 400 AS y,
    ${div(`5 * (doe - (365 * yoe + ${div("yoe", 4)} - ${div("yoe", 100)})) + 2`, 153)} AS mp
  FROM yoe
), months AS (
  SELECT platform, industry, n, code,
    CASE WHEN mp < 10 THEN y ELSE y + 1 END AS yy, CASE WHEN mp < 10 THEN mp + 3 ELSE mp - 9 END AS mm
  FROM mp
), sums AS (
  SELECT platform, industry, yy, mm,
${sums}
  FROM months
  GROUP BY platform, industry, yy, mm
)
SELECT platform, industry, CAST(yy AS TEXT) || '-' || lpad(CAST(mm AS TEXT), 2, '0') AS month,
  ${codeName.join(", ")}
FROM sums
ORDER BY ${platformOrder}, CASE industry ${industryOrder} END, yy NULLS LAST, mm
`;
}

/** A row of {@link orderCountsSql} as a database driver returns it: counts as numbers, bigints or digit strings. */
export interface OrderSqlRow {
  readonly platform: unknown;
  readonly industry: unknown;
  readonly month: unknown;
  readonly counted: unknown;
  readonly [exclusion: string]: unknown;
}

/** A count from a driver (a number, a bigint or a string of digits) as a safe integer, else `INVALID_INPUT` at `[row, column]`. */
function countOf(v: unknown, row: number, column: string): number {
  const n = typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : typeof v === "string" && /^\d{1,16}$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw invalidInput([row, column], `row ${row}, column ${column}: expected a count (a non-negative integer)`, `第 ${row} 行，列 ${column}：应为计数（非负整数）`);
  }
  return n;
}

/**
 * The rows of {@link orderCountsSql} (from any driver) as {@link OrderCounts}: the rows as the tally gives them,
 * the totals their sums, `records` every order counted or excluded. Checked as counts from another process are
 * (`mergeOrderCounts`): a bad platform, industry or month is `INVALID_INPUT` at `[k, "rows", i, field]` of the
 * counts built; a bad count, at `[row, column]`. Equal rows (a shard's) add up; the result is in canonical order.
 *
 * @example
 * ```ts
 * const c = orderCountsFromRows("shanghai", [{ platform: "meituan", industry: "instant-delivery", month: "2026-03",
 *   counted: 2n, worker_not_registered: 0n, worker_not_in_scope: 0n, started_outside_province: 1n, not_ended: 0n, before_start: 0n }]);
 * c.records; // 3
 * c.excluded["started-outside-province"]; // 1
 * ```
 */
export function orderCountsFromRows(province: ProvinceId, rows: Iterable<OrderSqlRow>): OrderCounts {
  const out: OrderCountRow[] = [];
  let counted = 0;
  const excluded = Object.fromEntries(ORDER_EXCLUSIONS.map((x) => [x, 0])) as Record<OrderExclusion, number>;
  if (rows === null || typeof rows !== "object" || typeof (rows as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function") {
    throw invalidInput([], "the rows must be an array (or another iterable) of objects", "行应为对象数组（或其他可迭代对象）");
  }
  let i = 0;
  for (const r of rows) {
    if (r === null || typeof r !== "object") throw invalidInput([i], `row ${i} must be an object`, `第 ${i} 行应为对象`);
    const ex = Object.fromEntries(ORDER_EXCLUSIONS.map((x) => [x, countOf(r[exclusionColumn(x)], i, exclusionColumn(x))])) as Record<OrderExclusion, number>;
    const row = { platform: r.platform as string, industry: r.industry as Industry, month: (r.month ?? null) as string | null, counted: countOf(r.counted, i, "counted"), excluded: ex };
    counted += row.counted;
    for (const x of ORDER_EXCLUSIONS) excluded[x] += ex[x];
    out.push(row);
    i += 1;
  }
  const records = counted + ORDER_EXCLUSIONS.reduce((a, x) => a + excluded[x], 0);
  return mergeOrderCounts({ province, records, counted, excluded, rows: out });
}
