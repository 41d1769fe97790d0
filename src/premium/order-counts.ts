/**
 * Order counts as data: what a tally gives (plain, JSON-safe, in a canonical order), its schema for counts that
 * come back from another process (a shard), the check that they add up, and the merge of several.
 */
import { z } from "zod";
import { monthSchema } from "../core/months.js";
import { invalidInput, type ErrorPath } from "../core/errors.js";
import { parseInput } from "../core/validate.js";
import type { ProvinceId } from "../provinces/index.js";
import { provinceSchema } from "../provinces/schema.js";
import { PLATFORM_RE } from "./order-record.js";
import { BEFORE_START, CELL_SIZE, COUNTED, NOT_ENDED, NOT_IN_SCOPE, NOT_REGISTERED, ORDER_EXCLUSIONS, OUTSIDE, type OrderExclusion } from "./order-rule.js";
import { INDUSTRIES, type Industry } from "./rates.js";

/** Counts for one platform, industry and month (`month` null: orders that never ended and carry no date). */
export interface OrderCountRow {
  readonly platform: string;
  readonly industry: Industry;
  readonly month: string | null;
  readonly counted: number;
  readonly excluded: Readonly<Record<OrderExclusion, number>>;
}

/** The result of a tally: plain data, JSON-safe, in a canonical order (so equal tallies are deep-equal). */
export interface OrderCounts {
  readonly province: ProvinceId;
  /** Records seen. */
  readonly records: number;
  readonly counted: number;
  readonly excluded: Readonly<Record<OrderExclusion, number>>;
  /** Sorted by platform (code points), industry (C1 order), month (null last). */
  readonly rows: readonly OrderCountRow[];
}

/** The exclusions of a counter cell ([counted, ...excluded in ORDER_EXCLUSIONS order]) as a record. */
export function exclusionRecord(cell: ArrayLike<number>): Record<OrderExclusion, number> {
  return {
    "worker-not-registered": cell[NOT_REGISTERED] as number,
    "worker-not-in-scope": cell[NOT_IN_SCOPE] as number,
    "started-outside-province": cell[OUTSIDE] as number,
    "not-ended": cell[NOT_ENDED] as number,
    "before-start": cell[BEFORE_START] as number,
  };
}

/** Code-point order of two strings (platform ids and months sort this way). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const countsRowSchema = z.strictObject({
  platform: z.string().regex(PLATFORM_RE),
  industry: z.enum(INDUSTRIES),
  month: monthSchema.nullable(),
  counted: z.number().int().min(0),
  excluded: z.strictObject(Object.fromEntries(ORDER_EXCLUSIONS.map((x) => [x, z.number().int().min(0)])) as Record<OrderExclusion, z.ZodNumber>),
});
/** The schema of {@link OrderCounts} (for counts that come back from another process, e.g. a shard). */
export const orderCountsSchema = z.lazy(() => z.strictObject({
  province: provinceSchema,
  records: z.number().int().min(0),
  counted: z.number().int().min(0),
  excluded: countsRowSchema.shape.excluded,
  rows: z.array(countsRowSchema).max(1_000_000),
}));

/**
 * Parses {@link OrderCounts} from another process and checks that they add up, as a tally's counts always do: the
 * totals are the sums of the rows, and every record is counted or excluded once (`records` = `counted` + the
 * exclusions). Counts that do not add up are `INVALID_INPUT` at the total that differs — never silently recomputed.
 *
 * @internal Used by {@link mergeOrderCounts} and `computeMonthlyContributions`.
 */
export function parseOrderCounts(value: unknown, prefix: ErrorPath): OrderCounts {
  const c = parseInput(orderCountsSchema, value, prefix);
  const sums = new Array<number>(CELL_SIZE).fill(0);
  for (const r of c.rows) {
    sums[COUNTED] = (sums[COUNTED] as number) + r.counted;
    ORDER_EXCLUSIONS.forEach((x, j) => {
      sums[j + 1] = (sums[j + 1] as number) + r.excluded[x];
    });
  }
  const total = sums.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) {
    throw invalidInput([...prefix, "rows"], "the rows hold more than 2^53 − 1 records", "各行合计超过 2^53 − 1 条记录");
  }
  const differs = (field: string, given: number, sum: number) => invalidInput([...prefix, ...field.split(".")],
    `${field} is ${given} but the rows add up to ${sum}`, `${field} 为 ${given}，但各行合计为 ${sum}`);
  if (c.counted !== sums[COUNTED]) throw differs("counted", c.counted, sums[COUNTED] as number);
  ORDER_EXCLUSIONS.forEach((x, j) => {
    if (c.excluded[x] !== sums[j + 1]) throw differs(`excluded.${x}`, c.excluded[x], sums[j + 1] as number);
  });
  if (c.records !== total) {
    throw invalidInput([...prefix, "records"], `records is ${c.records} but the rows hold ${total} (each record is counted or excluded once)`,
      `records 为 ${c.records}，但各行合计为 ${total}（每条记录计入或排除一次）`);
  }
  return c;
}

/**
 * Merges tallies given as plain {@link OrderCounts} (e.g. from shards counted elsewhere), same province only.
 * Associative and commutative; the result is in canonical order. The counts are data: no rule set is read (a
 * province not bundled merges as well).
 *
 * @example
 * ```ts
 * const a = countOrders("shanghai", []).value;
 * mergeOrderCounts(a, a).records; // 0
 * ```
 */
export function mergeOrderCounts(...parts: readonly OrderCounts[]): OrderCounts {
  if (parts.length === 0) throw invalidInput([], "nothing to merge", "没有可合并的统计");
  const valid = parts.map((p, k) => parseOrderCounts(p, [k]));
  const province = valid[0]?.province as ProvinceId;
  const cells = new Map<string, { row: { platform: string; industry: Industry; month: string | null }; cell: Float64Array }>();
  let records = 0;
  valid.forEach((p, k) => {
    const own = p.province;
    if (own !== province) throw invalidInput([k, "province"], "only counts of the same province can be merged", "只能合并同一省份的统计");
    records += p.records;
    for (const r of p.rows) {
      const key = `${r.platform}|${r.industry}|${r.month ?? ""}`;
      let e = cells.get(key);
      if (e === undefined) {
        e = { row: { platform: r.platform, industry: r.industry, month: r.month }, cell: new Float64Array(CELL_SIZE) };
        cells.set(key, e);
      }
      const c = e.cell;
      c[COUNTED] = (c[COUNTED] as number) + r.counted;
      ORDER_EXCLUSIONS.forEach((x, j) => {
        c[j + 1] = (c[j + 1] as number) + r.excluded[x];
      });
    }
  });
  const industryOrder = (i: Industry) => INDUSTRIES.indexOf(i);
  const entries = [...cells.values()].sort((a, b) =>
    compareCodePoints(a.row.platform, b.row.platform) ||
    industryOrder(a.row.industry) - industryOrder(b.row.industry) ||
    (a.row.month === b.row.month ? 0 : a.row.month === null ? 1 : b.row.month === null ? -1 : compareCodePoints(a.row.month, b.row.month)),
  );
  const totals = new Float64Array(CELL_SIZE);
  const rows: OrderCountRow[] = [];
  for (const { row, cell } of entries) {
    if (cell.every((v) => v === 0)) continue;
    for (let c = 0; c < CELL_SIZE; c++) totals[c] = (totals[c] as number) + (cell[c] as number);
    rows.push(Object.assign({}, row, { counted: cell[COUNTED] as number, excluded: exclusionRecord(cell) })); // not a spread: slow in V8
  }
  return { province, records, counted: totals[COUNTED] as number, excluded: exclusionRecord(totals), rows };
}
