/**
 * The commissioned insurer's service fee (委托承办服务费).
 *
 * Encodes Qinghai 委托承办管理实施办法（附件2）第六条第二款: "委托承办服务费包括固定部分和浮动部分。固定部分按年度
 * 职业伤害保障筹资金额的3%和待遇支出金额的1%合并计算。浮动部分按年度考核结果确定，原则上不超过年度待遇支出金额的
 * 2%。" — the fixed part is 3% of the year's funding plus 1% of its benefit spending, computed together and rounded
 * once; the floating part is the assessed percentage (0–2%) of the benefit spending; the total is the sum of the two
 * rounded parts (docs/decisions.md#C4).
 *
 * Other provinces give no formula: Shanghai 规程第五十四条 leaves both parts to the service agreement, Inner Mongolia
 * 通知 四 says only "按比例支付", Guangxi and Zhejiang say nothing — `RULE_NOT_DEFINED` (why: the notes of the rule
 * set's rule text `fund.service-fee`) unless the caller supplies `fund.serviceFee` through `overrides`. Titles state
 * the percentages of the `fund.serviceFee` actually used.
 */
import { z } from "zod";
import { ZhishangError } from "../core/errors.js";
import { Dec, FEN_ROUNDING, formatExact, formatMoney, parseDecimal, parseMoney, roundFen } from "../core/money.js";
import { moneySchema, sharedSchema } from "../core/validate.js";
import type { Bilingual } from "../core/params.js";
import type { RuleContext, RuleSet } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";

/** A percentage as a decimal string ("1.5") or a number (1.5). */
export const percentInputSchema = sharedSchema(() => z.union([
  z.string().max(12).regex(/^(0|[1-9]\d{0,2})(\.\d{1,4})?$/, 'expected a percentage such as "1.5"'),
  z.number().min(0).max(100).refine((n) => /^(0|[1-9]\d{0,2})(\.\d{1,4})?$/.test(String(n)), "at most 4 decimal places"),
]));

export const serviceFeeInputSchema = z.lazy(() => z.strictObject({
  /** The year's occupational-injury funding (筹资金额), yuan. */
  annualFunding: moneySchema,
  /** The year's benefit spending (待遇支出金额), yuan. */
  annualBenefitSpend: moneySchema,
  /** The floating part set by the annual assessment, in percent of the benefit spending: 0 … the rule set's maximum (Qinghai: 2). */
  floatingPercent: percentInputSchema(),
  /** The year (checked against the province's start). */
  year: z.number().int().min(1900).max(2199).optional(),
}));
/** The input of {@link computeServiceFee} (JSON Schema: schemas/service-fee.json, `input`). */
export type ServiceFeeInput = z.input<typeof serviceFeeInputSchema>;

/** The insurer's service fee: its fixed and floating parts and the total. */
export interface ServiceFee {
  /** fundingPercent × funding + benefitSpendPercent × benefit spending (Qinghai: 3% and 1%), rounded half-up to the fen. */
  readonly fixedPart: string;
  /** floatingPercent × benefit spending, rounded half-up to the fen. */
  readonly floatingPart: string;
  /** fixedPart + floatingPart. */
  readonly total: string;
  readonly floatingPercent: string;
}

/**
 * `RULE_NOT_DEFINED` for a rule set without `fund.serviceFee`: why, in the words of its rule text
 * `fund.service-fee` (the province files state what their sources say), else a text built from its name.
 */
function notDefined(name: Bilingual, notes: readonly Bilingual[]): ZhishangError {
  const why = notes[0];
  return new ZhishangError("RULE_NOT_DEFINED", {
    zh: `${why?.zh ?? `${name.zh}的来源文件未规定委托承办服务费的计算方法`}；可通过 overrides 提供 fund.serviceFee`,
    en: `${why?.en ?? `${name.en}'s sources state no service-fee formula`}; supply fund.serviceFee in overrides`,
  });
}

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
export const computeServiceFee: RuleFunction<ServiceFeeInput, ServiceFee> = defineRule({
  kind: "service-fee",
  title: { zh: "委托承办服务费（固定部分与浮动部分）", en: "insurer service fee (fixed and floating parts)" },
  functionName: "computeServiceFee",
  input: serviceFeeInputSchema,
  // The version in force on the last day of the year; without a year, the province's only version. A province
  // none of whose versions states the fee is RULE_NOT_DEFINED before the year is checked.
  caseDate: (i, ctx) => {
    if (ctx.options.overrides["fund.serviceFee"] === undefined && ctx.versions.every((v) => v.params["fund.serviceFee"] === undefined)) {
      const newest = ctx.versions[ctx.versions.length - 1] as RuleSet;
      throw notDefined(newest.name, newest.rules["fund.service-fee"]?.notes ?? []);
    }
    return i.year === undefined
      ? { date: null, path: ["year"], label: { zh: "年度", en: "year" } }
      : { date: `${i.year}-12-31`, path: ["year"], label: { zh: "年度末日", en: "last day of the year" } };
  },
  compute: serviceFee,
});

function serviceFee(ctx: RuleContext, i: z.output<typeof serviceFeeInputSchema>): ServiceFee {
  if (!ctx.has("fund.serviceFee")) throw notDefined(ctx.ruleSet.name, ctx.text("fund.service-fee").notes);
  const fee = ctx.param("fund.serviceFee");
  const { fundingPercent, benefitSpendPercent, floatingMaxPercentOfBenefitSpend: maxPercent } = fee.value;
  const funding = parseMoney(i.annualFunding, ["annualFunding"]);
  const spend = parseMoney(i.annualBenefitSpend, ["annualBenefitSpend"]);
  const floatText = typeof i.floatingPercent === "number" ? String(i.floatingPercent) : i.floatingPercent;
  const floating = parseDecimal(floatText, ["floatingPercent"]);
  const maxFloat = new Dec(maxPercent);
  if (floating.isNegative() || floating.greaterThan(maxFloat)) {
    throw new ZhishangError(
      "INVALID_INPUT",
      {
        en: `floatingPercent must be between 0 and ${maxPercent} (% of the benefit spending)`,
        zh: `floatingPercent 应在 0 至 ${maxPercent}（占待遇支出的百分比）之间`,
      },
      ["floatingPercent"],
    );
  }
  const fp = new Dec(fundingPercent);
  const bp = new Dec(benefitSpendPercent);
  const fixedExact = funding.times(fp).plus(spend.times(bp)).dividedBy(100);
  const fixed = roundFen(fixedExact);
  ctx.explainer.add({
    rule: "fund.service-fee.fixed",
    title: {
      zh: `固定部分：年度筹资金额的${fundingPercent}%与待遇支出金额的${benefitSpendPercent}%合并计算`,
      en: `fixed part: ${fundingPercent}% of the year's funding and ${benefitSpendPercent}% of its benefit spending, together`,
    },
    inputs: { annualFunding: i.annualFunding, annualBenefitSpend: i.annualBenefitSpend },
    parameters: [fee.used],
    result: {
      formula: `${formatExact(funding)} × ${fundingPercent}% + ${formatExact(spend)} × ${benefitSpendPercent}% = ${formatExact(fixedExact)}`,
      fixedPart: formatMoney(fixed),
    },
    rounding: `once on the combined figure, ${FEN_ROUNDING}`,
  });
  const floatingExact = spend.times(floating).dividedBy(100);
  const floatingPart = roundFen(floatingExact);
  ctx.explainer.add({
    rule: "fund.service-fee.floating",
    title: {
      zh: `浮动部分：按年度考核结果确定，原则上不超过待遇支出金额的${maxPercent}%`,
      en: `floating part: by the annual assessment, at most ${maxPercent}% of the benefit spending`,
    },
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
    rounding: "sum of the rounded parts (docs/decisions.md#C4)",
  });
  return {
    fixedPart: formatMoney(fixed),
    floatingPart: formatMoney(floatingPart),
    total: formatMoney(total),
    floatingPercent: formatExact(floating),
  };
}
