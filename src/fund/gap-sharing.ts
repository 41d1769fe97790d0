/**
 * Sharing a provincial funding gap among the regions (资金缺口分担).
 *
 * Encodes Zhejiang 实施意见 二（三）: "各地（原统筹区）收入数据不明确时，全省职业伤害保障资金年度收支出现缺口的，按照
 * 各地职业伤害保障年度待遇支出占全省职业伤害保障年度待遇支出的比例计算各地缺口额；各地（原统筹区）收入数据明确的，
 * 按照各地实际收支数据计算缺口额。"
 * - when any region's income is unknown: the gap is shared by each region's share of the benefit spending;
 * - when every region's income is known: each region's gap is its own deficit (spending − income). When those
 *   deficits add up to the provincial gap, they are the shares exactly; otherwise (some region in surplus, or a
 *   provincial gap that differs from the regional figures) the provincial gap is shared in proportion to the
 *   deficits — an assumption (`fund.gapSharingNetOfSurpluses`), since 二（三） does not say how a surplus enters.
 * Shares are whole fen and add up to the gap exactly (largest remainder, docs/decisions.md#C6 / `allocateFen`).
 *
 * Other provinces define no gap-sharing rule: `RULE_NOT_DEFINED`.
 */
import { z } from "zod";
import { invalidInput, ZhishangError } from "../core/errors.js";
import type { UsedParameter } from "../core/explain.js";
import { allocateFen, Dec, formatExact, formatMoney, parseMoney, sum } from "../core/money.js";
import { moneySchema } from "../core/validate.js";
import type { RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";

export const gapSharingInputSchema = z.lazy(() => z.strictObject({
  /** The province's funding gap for the year (收支缺口), yuan. */
  provinceGap: moneySchema,
  regions: z
    .array(
      z.strictObject({
        /** The region (原统筹区), unique. */
        name: z.string().min(1).max(100),
        /** The region's benefit spending for the year. */
        benefitSpend: moneySchema,
        /** The region's income for the year, when known (null or absent: unknown). */
        income: moneySchema.nullable().optional(),
      }),
    )
    .min(1)
    .max(500),
}));
/** The input of {@link computeGapSharing} (JSON Schema: schemas/gap-sharing.json, `input`). */
export type GapSharingInput = z.input<typeof gapSharingInputSchema>;

/** A province's funding gap shared among its regions: each region's share and amount. */
export interface GapSharing {
  readonly method: "benefit-spend-share" | "own-balance";
  /** In input order; they add up to `provinceGap` exactly. */
  readonly shares: ReadonlyArray<{ readonly name: string; readonly gap: string }>;
  readonly total: string;
}

/**
 * Shares the provincial gap among the regions (Zhejiang 二（三）).
 *
 * @example
 * ```ts
 * // incomes unknown: by share of benefit spending, 100.00 over 1 : 1 : 1 → 33.34, 33.33, 33.33
 * const g = computeGapSharing("zhejiang", { provinceGap: "100.00", regions: [
 *   { name: "杭州", benefitSpend: "500.00" }, { name: "宁波", benefitSpend: "500.00" }, { name: "温州", benefitSpend: "500.00" } ] });
 * g.value.shares.map((s) => s.gap); // ["33.34", "33.33", "33.33"]
 * ```
 */
export const computeGapSharing: RuleFunction<GapSharingInput, GapSharing> = defineRule({
  kind: "gap-sharing",
  title: { zh: "资金缺口分担（浙江）", en: "funding gap sharing (Zhejiang)" },
  functionName: "computeGapSharing",
  input: gapSharingInputSchema,
  // No case date in the input: the province's only version.
  caseDate: () => ({ date: null, path: [], label: { zh: "案件日期", en: "case date" } }),
  compute: gapSharing,
});

function gapSharing(ctx: RuleContext, i: z.output<typeof gapSharingInputSchema>): GapSharing {
  if (!ctx.has("fund.gapSharing")) {
    throw new ZhishangError("RULE_NOT_DEFINED", {
      zh: `${ctx.ruleSet.name.zh}的来源文件未规定资金缺口分担办法（浙江实施意见二（三）有此规定）`,
      en: `${ctx.ruleSet.name.en}'s sources define no gap-sharing rule (Zhejiang's opinions 二（三） do)`,
    });
  }
  const rule = ctx.param("fund.gapSharing");
  const seen = new Set<string>();
  i.regions.forEach((r, k) => {
    if (seen.has(r.name)) throw invalidInput(["regions", k, "name"], `region "${r.name}" appears twice`, `地区“${r.name}”重复`);
    seen.add(r.name);
  });
  const gap = parseMoney(i.provinceGap, ["provinceGap"]);
  const spend = i.regions.map((r, k) => parseMoney(r.benefitSpend, ["regions", k, "benefitSpend"]));
  const incomeKnown = i.regions.every((r) => r.income !== undefined && r.income !== null);
  const used: UsedParameter[] = [rule.used];
  let shares: Dec[];
  let method: GapSharing["method"];
  if (!incomeKnown) {
    method = "benefit-spend-share";
    const unknown = i.regions.filter((r) => r.income === undefined || r.income === null).map((r) => r.name);
    const totalSpend = sum(spend);
    if (gap.isZero()) {
      shares = spend.map(() => new Dec(0));
    } else {
      if (totalSpend.isZero()) {
        throw invalidInput(["regions"], "no region has benefit spending: the gap cannot be shared by spending", "各地待遇支出均为零，无法按支出比例分担缺口");
      }
      shares = allocateFen(gap, spend);
    }
    ctx.explainer.add({
      rule: "fund.gap-sharing.spend-share",
      title: { zh: "各地收入数据不明确：按各地年度待遇支出占全省的比例计算缺口额", en: "incomes not all known: the gap by each region's share of the benefit spending" },
      inputs: { provinceGap: i.provinceGap, totalBenefitSpend: formatMoney(totalSpend) },
      parameters: used,
      result: Object.fromEntries(i.regions.map((r, k) => [r.name, formatMoney(shares[k] as Dec)])),
      rounding: "whole fen; the fen left over go to the largest remainders, so the shares add up to the gap (docs/decisions.md#C6)",
      notes: [
        { zh: `收入不明确的地区：${unknown.join("、")}`, en: `regions without income data: ${unknown.join(", ")}` },
        ...i.regions.map((r, k) => ({
          zh: `${r.name}：${formatMoney(gap)} × ${formatExact(spend[k] as Dec)} ÷ ${formatExact(totalSpend)}`,
          en: `${r.name}: ${formatMoney(gap)} × ${formatExact(spend[k] as Dec)} ÷ ${formatExact(totalSpend)}`,
        })),
      ],
    });
  } else {
    method = "own-balance";
    const income = i.regions.map((r, k) => parseMoney(r.income, ["regions", k, "income"]));
    const deficits = spend.map((s, k) => {
      const d = s.minus(income[k] as Dec);
      return d.isNegative() ? new Dec(0) : d;
    });
    const totalDeficit = sum(deficits);
    const exact = totalDeficit.equals(gap);
    if (exact) {
      shares = deficits;
    } else {
      used.push(ctx.param("fund.gapSharingNetOfSurpluses").used);
      if (gap.isZero()) {
        shares = deficits.map(() => new Dec(0));
      } else {
        if (totalDeficit.isZero()) {
          throw invalidInput(["regions"], "no region is in deficit, yet the province has a gap: the regional figures do not explain it",
            "各地均无缺口而全省有缺口：各地收支数据与全省缺口不符");
        }
        shares = allocateFen(gap, deficits);
      }
    }
    ctx.explainer.add({
      rule: "fund.gap-sharing.own-balance",
      title: { zh: "各地收入数据明确：按各地实际收支计算缺口额", en: "incomes known: each region's gap from its own income and spending" },
      inputs: { provinceGap: i.provinceGap, sumOfRegionalDeficits: formatMoney(totalDeficit) },
      parameters: used,
      result: Object.fromEntries(i.regions.map((r, k) => [r.name, formatMoney(shares[k] as Dec)])),
      rounding: exact ? "none: each share is the region's own deficit" : "whole fen; largest remainders, so the shares add up to the gap (docs/decisions.md#C6)",
      notes: [
        ...i.regions.map((r, k) => ({
          zh: `${r.name}：支出 ${formatMoney(spend[k] as Dec)} − 收入 ${formatMoney(income[k] as Dec)} = ${formatMoney((spend[k] as Dec).minus(income[k] as Dec))}`,
          en: `${r.name}: spending ${formatMoney(spend[k] as Dec)} − income ${formatMoney(income[k] as Dec)} = ${formatMoney((spend[k] as Dec).minus(income[k] as Dec))}`,
        })),
        exact
          ? { zh: "各地缺口之和等于全省缺口，各地缺口额即其自身缺口", en: "the regional deficits add up to the provincial gap: each share is the region's own deficit" }
          : {
              zh: `各地缺口之和 ${formatMoney(totalDeficit)} 不等于全省缺口 ${formatMoney(gap)}（有结余地区或数据口径不同）：全省缺口按各地自身缺口的比例分担（推定）`,
              en: `the regional deficits add up to ${formatMoney(totalDeficit)}, not the provincial ${formatMoney(gap)} (a region in surplus, or other figures): the provincial gap is shared in proportion to the deficits (assumed)`,
            },
      ],
    });
  }
  ctx.explainer.add({
    rule: "fund.gap-sharing.total",
    title: { zh: "各地缺口额计入各地工伤保险基金年度待遇支出", en: "each region's gap counts as its work-injury fund's benefit spending" },
    inputs: { provinceGap: i.provinceGap },
    parameters: [rule.used],
    result: { total: formatMoney(sum(shares)) },
    notes: [{ zh: "再按工伤保险省级统筹责任分担规定计算各地应分担额度", en: "the amounts each region then bears follow the provincial work-injury pooling rules" }],
  });
  return {
    method,
    shares: i.regions.map((r, k) => ({ name: r.name, gap: formatMoney(shares[k] as Dec) })),
    total: formatMoney(sum(shares)),
  };
}
