/**
 * The commissioned insurer's service fee (委托承办服务费).
 *
 * Encodes Qinghai 委托承办管理实施办法（附件2）第六条第二款: "委托承办服务费包括固定部分和浮动部分。固定部分按年度
 * 职业伤害保障筹资金额的3%和待遇支出金额的1%合并计算。浮动部分按年度考核结果确定，原则上不超过年度待遇支出金额的
 * 2%。" — the fixed part is 3% of the year's funding plus 1% of its benefit spending, computed together and rounded
 * once; the floating part is the assessed percentage (0–2%) of the benefit spending; the total is the sum of the two
 * rounded parts (REFERENCE C4).
 *
 * Other provinces give no formula: Shanghai 规程第五十四条 leaves both parts to the service agreement, Inner Mongolia
 * 通知 四 says only "按比例支付", Guangxi and Zhejiang say nothing — `RULE_NOT_DEFINED` unless the caller supplies
 * `fund.serviceFee` through `overrides`.
 */
import { z } from "zod";
import { ZhishangError } from "../core/errors.js";
import type { ComputeOptions } from "../core/explain.js";
import { Dec, FEN_ROUNDING, formatExact, formatMoney, parseDecimal, parseMoney, roundFen } from "../core/money.js";
import { moneySchema, parseInput } from "../core/validate.js";
import { finish, RuleContext, type Computation, type ProvinceId } from "../provinces/index.js";

/** A percentage as a decimal string ("1.5") or a number (1.5). */
export const percentInputSchema = z.lazy(() => z.union([
  z.string().max(12).regex(/^(0|[1-9]\d{0,2})(\.\d{1,4})?$/, 'expected a percentage such as "1.5"'),
  z.number().min(0).max(100).refine((n) => /^(0|[1-9]\d{0,2})(\.\d{1,4})?$/.test(String(n)), "at most 4 decimal places"),
]));

export const serviceFeeInputSchema = z.lazy(() => z.strictObject({
  /** The year's occupational-injury funding (筹资金额), yuan. */
  annualFunding: moneySchema,
  /** The year's benefit spending (待遇支出金额), yuan. */
  annualBenefitSpend: moneySchema,
  /** The floating part set by the annual assessment, in percent of the benefit spending: 0 … 2. */
  floatingPercent: percentInputSchema,
  /** The year (checked against the province's start). */
  year: z.number().int().min(1900).max(2199).optional(),
}));
/** The input of {@link computeServiceFee} (JSON Schema: schemas/service-fee.json, `input`). */
export type ServiceFeeInput = z.input<typeof serviceFeeInputSchema>;

/** The insurer's service fee: its fixed and floating parts and the total. */
export interface ServiceFee {
  /** 3% × funding + 1% × benefit spending, rounded half-up to the fen. */
  readonly fixedPart: string;
  /** floatingPercent × benefit spending, rounded half-up to the fen. */
  readonly floatingPart: string;
  /** fixedPart + floatingPart. */
  readonly total: string;
  readonly floatingPercent: string;
}

const NOT_DEFINED: Partial<Record<ProvinceId, { zh: string; en: string }>> = {
  shanghai: {
    zh: "上海规程第五十四条：承办服务费的固定部分根据参保规模、机构运行成本、工作绩效等因素综合确定，浮动部分根据年度考核结果确定，具体在委托服务协议中约定，未规定计算比例",
    en: "Shanghai rules art. 54 leave both parts of the service fee to the service agreement (fixed part by scale, costs and performance; floating part by the annual assessment): no formula",
  },
  "inner-mongolia": {
    zh: "内蒙古通知四：委托承办服务费综合考虑参保规模、机构运行成本、工作绩效等因素按比例支付，未规定比例",
    en: "Inner Mongolia notice 四: the service fee is paid in proportion, by scale, costs and performance, with no ratio stated",
  },
  guangxi: { zh: "广西实施方案未规定委托承办服务费的计算方法", en: "the Guangxi plan states no service-fee formula" },
  zhejiang: { zh: "浙江实施意见未规定委托承办服务费的计算方法", en: "the Zhejiang opinions state no service-fee formula" },
};

/**
 * The insurer's service fee for a year (Qinghai 附件2 第六条).
 *
 * @example
 * ```ts
 * // funding 10,000,000, spending 6,000,000, floating 1.5%:
 * // fixed 3% × 10,000,000 + 1% × 6,000,000 = 360,000; floating 1.5% × 6,000,000 = 90,000
 * const f = computeServiceFee("qinghai", { annualFunding: "10000000.00", annualBenefitSpend: "6000000.00", floatingPercent: "1.5" });
 * f.value.fixedPart;    // "360000.00"
 * f.value.floatingPart; // "90000.00"
 * f.value.total;        // "450000.00"
 * ```
 */
export function computeServiceFee(province: ProvinceId, input: ServiceFeeInput, options?: ComputeOptions): Computation<ServiceFee> {
  const ctx = RuleContext.create(province, options);
  const i = parseInput(serviceFeeInputSchema, input);
  if (!ctx.has("fund.serviceFee")) {
    const why = NOT_DEFINED[province];
    throw new ZhishangError("RULE_NOT_DEFINED", {
      zh: `${why?.zh ?? `${ctx.ruleSet.name.zh}的来源文件未规定委托承办服务费的计算方法`}；可通过 overrides 提供 fund.serviceFee`,
      en: `${why?.en ?? `${ctx.ruleSet.name.en}'s sources state no service-fee formula`}; supply fund.serviceFee in overrides`,
    });
  }
  if (i.year !== undefined) ctx.requireInForce(`${i.year}-12-31`, ["year"], { zh: "年度末日", en: "last day of the year" });
  const fee = ctx.param("fund.serviceFee");
  const funding = parseMoney(i.annualFunding, ["annualFunding"]);
  const spend = parseMoney(i.annualBenefitSpend, ["annualBenefitSpend"]);
  const floatText = typeof i.floatingPercent === "number" ? String(i.floatingPercent) : i.floatingPercent;
  const floating = parseDecimal(floatText, ["floatingPercent"]);
  const maxFloat = new Dec(fee.value.floatingMaxPercentOfBenefitSpend);
  if (floating.isNegative() || floating.greaterThan(maxFloat)) {
    throw new ZhishangError(
      "INVALID_INPUT",
      {
        en: `floatingPercent must be between 0 and ${fee.value.floatingMaxPercentOfBenefitSpend} (% of the benefit spending)`,
        zh: `floatingPercent 应在 0 至 ${fee.value.floatingMaxPercentOfBenefitSpend}（占待遇支出的百分比）之间`,
      },
      ["floatingPercent"],
    );
  }
  const fp = new Dec(fee.value.fundingPercent);
  const bp = new Dec(fee.value.benefitSpendPercent);
  const fixedExact = funding.times(fp).plus(spend.times(bp)).dividedBy(100);
  const fixed = roundFen(fixedExact);
  ctx.explainer.add({
    rule: "fund.service-fee.fixed",
    title: { zh: "固定部分：年度筹资金额的3%与待遇支出金额的1%合并计算", en: "fixed part: 3% of the year's funding and 1% of its benefit spending, together" },
    inputs: { annualFunding: i.annualFunding, annualBenefitSpend: i.annualBenefitSpend },
    parameters: [fee.used],
    result: {
      formula: `${formatExact(funding)} × ${fee.value.fundingPercent}% + ${formatExact(spend)} × ${fee.value.benefitSpendPercent}% = ${formatExact(fixedExact)}`,
      fixedPart: formatMoney(fixed),
    },
    rounding: `${FEN_ROUNDING}, once on the combined figure (合并计算)`,
  });
  const floatingExact = spend.times(floating).dividedBy(100);
  const floatingPart = roundFen(floatingExact);
  ctx.explainer.add({
    rule: "fund.service-fee.floating",
    title: { zh: "浮动部分：按年度考核结果确定，原则上不超过待遇支出金额的2%", en: "floating part: by the annual assessment, at most 2% of the benefit spending" },
    inputs: { annualBenefitSpend: i.annualBenefitSpend, floatingPercent: formatExact(floating) },
    parameters: [fee.used],
    result: { formula: `${formatExact(spend)} × ${formatExact(floating)}% = ${formatExact(floatingExact)}`, floatingPart: formatMoney(floatingPart) },
    rounding: FEN_ROUNDING,
  });
  const total = fixed.plus(floatingPart);
  ctx.explainer.add({
    rule: "fund.service-fee.total",
    title: { zh: "委托承办服务费合计（从职业伤害保障支出科目列支，税费由承办机构负责）", en: "service fee total (paid from the benefit account; taxes borne by the insurer)" },
    inputs: { fixedPart: formatMoney(fixed), floatingPart: formatMoney(floatingPart) },
    parameters: [fee.used],
    result: formatMoney(total),
    rounding: "sum of the rounded parts (REFERENCE C4)",
  });
  return finish(ctx, {
    fixedPart: formatMoney(fixed),
    floatingPart: formatMoney(floatingPart),
    total: formatMoney(total),
    floatingPercent: formatExact(floating),
  });
}
