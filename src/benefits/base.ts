/**
 * The benefit base (计发基数): a factor of the previous year's provincial urban private-sector average monthly
 * wage. Qinghai 第二十五–二十九条: 60% (seed). Shanghai 规程第四十五条: the Shanghai figure itself (assumed
 * 100%). Other provinces: 100% (assumed, docs/decisions.md#C3). The base stays exact; only items are rounded.
 */
import { constantDec, formatExact, formatMoney, FEN_ROUNDING, type Dec } from "../core/money.js";
import type { RuleContext } from "../provinces/index.js";

export interface BaseResult {
  /** Exact base used in every item. */
  readonly base: Dec;
  /** The base rounded to the fen, for display. */
  readonly display: string;
  /** The exact base as text (as explanations show it). */
  readonly exactText: string;
}

/**
 * Computes `factor × wage`, adding a step. `label` tells which wage figure is meant (e.g. the 2024 figure for
 * Shanghai's transitional periodic benefits).
 */
export function benefitBase(
  ctx: RuleContext,
  wage: Dec,
  label: { zh: string; en: string; input: string } = {
    zh: "上年度全省城镇私营单位就业人员月平均工资",
    en: "previous-year provincial urban private-sector average monthly wage",
    input: "avgMonthlyWage",
  },
): BaseResult {
  const factor = ctx.param("benefit.baseFactor");
  const base = wage.times(constantDec(factor.value));
  const exactText = formatExact(base);
  const display = formatMoney(base);
  ctx.explainer.add({
    rule: "benefit.base",
    title: { zh: `计发基数（${label.zh} × 比例）`, en: `benefit base (${label.en} × factor)` },
    inputs: { [label.input]: formatExact(wage) },
    parameters: [factor.used],
    result: { exact: exactText, display },
    rounding: `exact in every item; shown ${FEN_ROUNDING}`,
  });
  return { base, display, exactText };
}
