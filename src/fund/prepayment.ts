/**
 * The benefit prepayment (职业伤害保障支出预付金) that runs from the fund to the agency and on to the insurer.
 *
 * Encodes Qinghai 委托承办管理实施办法（附件2）第二十四条:
 * - 第二款: the provincial fund account advances **2 months** of benefit spending to the provincial agency and tops
 *   it up from time to time; in the **first year** the prepayment is **1/6 of that year's funding budget**;
 * - 第三款: the agency advances **1 month** to the insurer's dedicated account and tops it up;
 * - 第四款: at the end of each year the unspent prepayment goes back; the next year it is applied for again.
 * The settlement within 3 months after the agreement ends (第二十五条) is a time limit (docs/time-limits.md).
 *
 * Other provinces state no prepayment rule: `RULE_NOT_DEFINED` unless `fund.prepayment` is overridden.
 */
import { z } from "zod";
import { invalidInput, ZhishangError } from "../core/errors.js";
import { Dec, FEN_ROUNDING, formatExact, formatMoney, parseMoney, roundFen } from "../core/money.js";
import { moneySchema } from "../core/validate.js";
import type { RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";

export const prepaymentInputSchema = z.lazy(() => z.strictObject({
  /** The first year of the commission (首年办理): the level is a share of the funding budget. */
  firstYear: z.boolean(),
  /** The year's funding budget (当年职业伤害保障筹资金额预算), required in the first year. */
  annualFundingBudget: moneySchema.optional(),
  /** Expected benefit spending per month, required after the first year (and used for the insurer's level in it). */
  monthlyBenefitSpend: moneySchema.optional(),
  /** What the agency still holds, to work out its top-up (补足). */
  agencyBalance: moneySchema.optional(),
  /** What the insurer's dedicated account still holds, to work out its top-up. */
  insurerBalance: moneySchema.optional(),
}));
/** The input of {@link computePrepayment}: the funding budget, the expected benefit spending, the balances. */
export type PrepaymentInput = z.input<typeof prepaymentInputSchema>;

/** The prepayments to the agency and to the insurer. */
export interface Prepayment {
  /** The level the fund advances to the provincial agency (2 months; first year: 1/6 of the budget). */
  readonly agencyPrepayment: string;
  /** The level the agency advances to the insurer (1 month), or null in the first year without `monthlyBenefitSpend`. */
  readonly insurerPrepayment: string | null;
  /** max(0, agency level − agencyBalance), or null without a balance. */
  readonly agencyTopUp: string | null;
  /** max(0, insurer level − insurerBalance), or null without a balance or a level. */
  readonly insurerTopUp: string | null;
  readonly basis: "first-year-budget-share" | "months-of-benefit-spend";
}

/**
 * The prepayment levels (Qinghai 附件2 第二十四条) and, given the balances, the top-ups.
 *
 * @example
 * ```ts
 * // first year, budget 12,000,000: 1/6 → 2,000,000 to the agency; with 900,000/month expected, 900,000 to the insurer
 * const p = computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "12000000.00", monthlyBenefitSpend: "900000.00" });
 * p.value.agencyPrepayment;  // "2000000.00"
 * p.value.insurerPrepayment; // "900000.00"
 * ```
 */
export const computePrepayment: RuleFunction<PrepaymentInput, Prepayment> = defineRule({
  kind: "prepayment",
  title: { zh: "职业伤害保障支出预付金（经办机构与承办机构的额度及补足）", en: "benefit prepayment (the agency's and the insurer's levels and top-ups)" },
  functionName: "computePrepayment",
  input: prepaymentInputSchema,
  // No case date in the input: the province's only version.
  caseDate: () => ({ date: null, path: [], label: { zh: "案件日期", en: "case date" } }),
  compute: prepayment,
});

function prepayment(ctx: RuleContext, i: z.output<typeof prepaymentInputSchema>): Prepayment {
  if (!ctx.has("fund.prepayment")) {
    throw new ZhishangError("RULE_NOT_DEFINED", {
      zh: `${ctx.ruleSet.name.zh}的来源文件未规定职业伤害保障支出预付金；可通过 overrides 提供 fund.prepayment`,
      en: `${ctx.ruleSet.name.en}'s sources state no benefit prepayment rule; supply fund.prepayment in overrides`,
    });
  }
  const p = ctx.param("fund.prepayment");
  const { agencyMonths, insurerMonths, firstYearShareOfFundingBudget: share } = p.value;
  const monthly = i.monthlyBenefitSpend === undefined ? null : parseMoney(i.monthlyBenefitSpend, ["monthlyBenefitSpend"]);
  let agency: Dec;
  if (i.firstYear) {
    if (i.annualFundingBudget === undefined) {
      throw invalidInput(["annualFundingBudget"], "the first year's prepayment needs the year's funding budget", "首年预付金须提供当年筹资金额预算");
    }
    const budget = parseMoney(i.annualFundingBudget, ["annualFundingBudget"]);
    const exact = budget.times(share.numerator).dividedBy(share.denominator);
    agency = roundFen(exact);
    ctx.explainer.add({
      rule: "fund.prepayment.first-year",
      title: {
        zh: `首年：预付金按当年筹资金额预算的${share.numerator}/${share.denominator}确定`,
        en: `first year: the prepayment is ${share.numerator}/${share.denominator} of the year's funding budget`,
      },
      inputs: { annualFundingBudget: i.annualFundingBudget },
      parameters: [p.used],
      result: { formula: `${formatExact(budget)} × ${share.numerator}/${share.denominator} = ${formatExact(exact)}`, agencyPrepayment: formatMoney(agency) },
      rounding: FEN_ROUNDING,
    });
  } else {
    if (monthly === null) {
      throw invalidInput(["monthlyBenefitSpend"], "after the first year the prepayment is months of benefit spending: give monthlyBenefitSpend",
        "首年以后预付金按月度待遇支出计算，须提供 monthlyBenefitSpend");
    }
    agency = roundFen(monthly.times(agencyMonths));
    ctx.explainer.add({
      rule: "fund.prepayment.agency",
      title: { zh: `省级工伤保险基金财政专户提前拨付 ${agencyMonths} 个月的支出预付金至省级经办机构`, en: `the fund advances ${agencyMonths} months of benefit spending to the agency` },
      inputs: { monthlyBenefitSpend: i.monthlyBenefitSpend as string },
      parameters: [p.used],
      result: { formula: `${formatExact(monthly)} × ${agencyMonths}`, agencyPrepayment: formatMoney(agency) },
      rounding: FEN_ROUNDING,
    });
  }
  let insurer: Dec | null = null;
  if (monthly !== null) {
    insurer = roundFen(monthly.times(insurerMonths));
    ctx.explainer.add({
      rule: "fund.prepayment.insurer",
      title: { zh: `省级经办机构提前拨付 ${insurerMonths} 个月的支出预付金至委托承办机构资金专用账户`, en: `the agency advances ${insurerMonths} month(s) of benefit spending to the insurer` },
      inputs: { monthlyBenefitSpend: i.monthlyBenefitSpend as string },
      parameters: [p.used],
      result: { formula: `${formatExact(monthly)} × ${insurerMonths}`, insurerPrepayment: formatMoney(insurer) },
      rounding: FEN_ROUNDING,
    });
  } else {
    ctx.explainer.add({
      rule: "fund.prepayment.insurer",
      title: { zh: `委托承办机构的${insurerMonths}个月预付金`, en: `the insurer's ${insurerMonths}-month prepayment` },
      parameters: [p.used],
      result: null,
      notes: [{
        zh: `第二十四条未规定首年${insurerMonths}个月预付金如何计算；提供 monthlyBenefitSpend（预计月度待遇支出）即可计算`,
        en: `art. 24 does not say how the ${insurerMonths}-month level is measured in the first year; give monthlyBenefitSpend (expected monthly spending)`,
      }],
    });
  }
  const topUp = (level: Dec, balance: string | undefined, path: string): Dec | null => {
    if (balance === undefined) return null;
    const d = level.minus(parseMoney(balance, [path]));
    return d.isNegative() ? new Dec(0) : d;
  };
  const agencyTopUp = topUp(agency, i.agencyBalance, "agencyBalance");
  const insurerTopUp = insurer === null ? null : topUp(insurer, i.insurerBalance, "insurerBalance");
  if (agencyTopUp !== null || insurerTopUp !== null) {
    ctx.explainer.add({
      rule: "fund.prepayment.top-up",
      title: { zh: "定期或不定期补足额度", en: "topping the prepayment up to its level" },
      inputs: {
        ...(i.agencyBalance === undefined ? {} : { agencyBalance: i.agencyBalance }),
        // the insurer's balance only when there is a level to top it up to
        ...(insurerTopUp === null ? {} : { insurerBalance: i.insurerBalance as string }),
      },
      parameters: [p.used],
      result: {
        agencyTopUp: agencyTopUp === null ? null : formatMoney(agencyTopUp),
        insurerTopUp: insurerTopUp === null ? null : formatMoney(insurerTopUp),
      },
      notes: [{ zh: "补足额 = max(0, 预付金额度 − 余额)；每年末未支出部分退回，次年年初重新申请拨付", en: "top-up = max(0, level − balance); unspent money goes back at year end and is applied for again" }],
    });
  }
  return {
    agencyPrepayment: formatMoney(agency),
    insurerPrepayment: insurer === null ? null : formatMoney(insurer),
    agencyTopUp: agencyTopUp === null ? null : formatMoney(agencyTopUp),
    insurerTopUp: insurerTopUp === null ? null : formatMoney(insurerTopUp),
    basis: i.firstYear ? "first-year-budget-share" : "months-of-benefit-spend",
  };
}
