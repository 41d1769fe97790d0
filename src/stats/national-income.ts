/**
 * Dated statistics that benefits need (docs/sources.md#B4), with their sources. Callers may always pass a figure
 * themselves; a year missing from the table and not supplied is `STATISTIC_NOT_AVAILABLE`, never a guess.
 */
import { cite, type Citation } from "../core/citation.js";
import { deepFreeze } from "../core/params.js";

export interface StatisticEntry {
  readonly year: number;
  /** Yuan per year, as a decimal string. */
  readonly value: string;
  readonly citation: Citation;
}

/**
 * 全国城镇居民人均可支配收入 — national urban per-capita disposable income, yuan per year, by year with the
 * statistical release it comes from. The one-time death subsidy is 20 times the previous year's figure.
 *
 * @example
 * ```ts
 * NATIONAL_URBAN_DISPOSABLE_INCOME.find((e) => e.year === 2025)?.value; // "56502"
 * ```
 */
export const NATIONAL_URBAN_DISPOSABLE_INCOME: readonly StatisticEntry[] = deepFreeze([
  { year: 2024, value: "54188", citation: cite("nbs-release-2025-01") },
  { year: 2025, value: "56502", citation: cite("nbs-release-2026-01") },
]);

export function nationalUrbanDisposableIncome(year: number): StatisticEntry | undefined {
  return NATIONAL_URBAN_DISPOSABLE_INCOME.find((e) => e.year === year);
}
