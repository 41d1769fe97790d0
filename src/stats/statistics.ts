/**
 * Dated statistics supplied by the caller (the `--statistics` file of the CLI and the service, `options.statistics`
 * of a computation; docs/scenarios.md, "Process-level data"): each figure of a year replaces the bundled one of that
 * year or adds a year the tables lack. Validated once; a validated object is remembered, so a process that passes
 * the same statistics to every computation checks them once.
 */
import { z } from "zod";
import type { Statistics, StatisticYear } from "../core/explain.js";
import type { ErrorPath } from "../core/errors.js";
import { invalidInput } from "../core/errors.js";
import { deepFreeze } from "../core/params.js";
import { parseInput } from "../core/validate.js";

const yearFigure = z.strictObject({
  year: z.number().int().min(1949).max(2199).describe("the year the figure is of"),
  value: z.string().regex(/^(?!0(\.0+)?$)(0|[1-9]\d{0,14})(\.\d{1,2})?$/)
    .describe("the figure, yuan per year: a positive decimal string with at most two places"),
  source: z.string().max(500).optional().describe("where the figure comes from (shown in the explanation)"),
});

/** The format of a statistics file and of `options.statistics` (JSON Schema: schemas/statistics.json). */
export const statisticsSchema = z.strictObject({
  nationalUrbanDisposableIncome: z.array(yearFigure).max(300).optional()
    .describe("全国城镇居民人均可支配收入, national urban per-capita disposable income, by year (death benefits: the one-time subsidy is a multiple of the previous year's figure)"),
});

/**
 * JSON Schema (draft 2020-12) of a statistics file (`--statistics <file>`, `options.statistics`), shipped as
 * `schemas/statistics.json`.
 *
 * @example
 * ```ts
 * statisticsJsonSchema().$id; // "https://zhishang.dev/schemas/statistics.json"
 * ```
 */
export function statisticsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(statisticsSchema, { io: "input" }) as Record<string, unknown>;
  return {
    $id: "https://zhishang.dev/schemas/statistics.json",
    title: "zhishang statistics",
    description: "Dated statistics supplied by the caller (zhishang --statistics <file>, options.statistics): a year's figure replaces the bundled one of that year, or adds a year the bundled tables lack.",
    ...schema,
  };
}

/** Statistics already checked (frozen objects): checked once however many computations use them. */
const CHECKED = new WeakSet<object>();

/**
 * `value` as validated, frozen {@link Statistics}: `INVALID_INPUT` at `path` and the field inside for a value not in
 * the format, or for a year given twice in one statistic.
 */
export function checkStatistics(value: unknown, path: ErrorPath): Statistics {
  if (typeof value === "object" && value !== null && CHECKED.has(value)) return value as Statistics;
  const parsed = parseInput(statisticsSchema, value, path);
  for (const [name, figures] of Object.entries(parsed) as Array<[string, StatisticYear[] | undefined]>) {
    const seen = new Set<number>();
    (figures ?? []).forEach((f, k) => {
      if (seen.has(f.year)) throw invalidInput([...path, name, k, "year"], `year ${f.year} is given twice`, `${f.year} 年重复提供`);
      seen.add(f.year);
    });
  }
  const frozen = deepFreeze(parsed) as Statistics;
  CHECKED.add(frozen);
  return frozen;
}

/**
 * `later` on top of `earlier`: a year of a statistic given in `later` replaces the one of `earlier`. Both checked.
 */
export function mergeStatistics(earlier: Statistics, later: Statistics): Statistics {
  const out: { nationalUrbanDisposableIncome?: StatisticYear[] } = {};
  const a = earlier.nationalUrbanDisposableIncome ?? [];
  const b = later.nationalUrbanDisposableIncome ?? [];
  if (a.length > 0 || b.length > 0) {
    const years = new Set(b.map((f) => f.year));
    out.nationalUrbanDisposableIncome = [...a.filter((f) => !years.has(f.year)), ...b].sort((x, y) => x.year - y.year);
  }
  return checkStatistics(out, []);
}

/** The caller's national urban per-capita disposable income of `year`, if the statistics give it. */
export function callerNationalIncome(statistics: Statistics | undefined, year: number): StatisticYear | undefined {
  return statistics?.nationalUrbanDisposableIncome?.find((f) => f.year === year);
}
