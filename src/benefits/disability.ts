/**
 * Disability benefits (伤残待遇), grades 1–10, with nursing and the pension top-up.
 *
 * Encodes Qinghai 实施办法 第二十一条（三）（五）（六）, 第二十五–二十八条, 第十一条第二款 (veterans), and the
 * same structure as national rules elsewhere; Shanghai 规程第四十二条 (veterans) and 第四十五条 (transitional
 * bases).
 * - one-time disability subsidy: months × base by grade (27, 25, 23, 21, 18, 16, 13, 11, 9, 7);
 * - monthly disability allowance, grades 1–4: 90%, 85%, 80%, 75% of the base;
 * - one-time allowance, grades 5–6: 30 and 25 months;
 * - nursing allowance: 50% / 40% / 30% of the base for full / most / partial dependence;
 * - grades 1–4 drawing a basic pension: the allowance stops and the fund tops the pension up to it;
 * - a veteran's relapse (残疾军人证): every benefit but the one-time disability subsidy;
 * - Shanghai 规程第三十八条: with no objection to the assessment conclusion, the items are paid from the month after
 *   the conclusion (`firstPaymentMonth`, given `assessmentConclusionDate`); other provinces' sources say nothing.
 */
import { z } from "zod";
import { compareDates, parseIsoDate } from "../core/dates.js";
import { invalidInput } from "../core/errors.js";
import { addMonths, formatYearMonth } from "../core/months.js";
import { Dec, formatMoney, parseMoney, FEN_ROUNDING } from "../core/money.js";
import { dateSchema, moneySchema } from "../core/validate.js";
import type { RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { baseItem, type Item } from "./items.js";
import { largestPeriodic, resolveBases } from "./transitional.js";

/**
 * The 生活护理 levels: `full` 完全不能自理, `most` 大部分不能自理, `partial` 部分不能自理.
 *
 * @example
 * ```ts
 * NURSING_LEVELS; // ["full", "most", "partial"]
 * // Qinghai, partial: 30% of the base 3,600 = 1,080 a month
 * computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00", nursingLevel: "partial" })
 *   .value.monthlyNursingAllowance; // "1080.00"
 * ```
 */
export const NURSING_LEVELS = ["full", "most", "partial"] as const;
/** One of {@link NURSING_LEVELS}. */
export type NursingLevel = (typeof NURSING_LEVELS)[number];

export const disabilityInputSchema = z.lazy(() => z.strictObject({
  /** 伤残等级 1 (most severe) … 10. */
  grade: z.number().int().min(1).max(10),
  /** Previous-year provincial urban private-sector average monthly wage (yuan). */
  avgMonthlyWage: moneySchema,
  /** 生活护理 level assessed: full 完全不能自理 / most 大部分不能自理 / partial 部分不能自理. */
  nursingLevel: z.enum(NURSING_LEVELS).optional(),
  /** The worker holds a 残疾军人证 and this is a relapse of the old injury (第十一条第一款第（五）项). */
  veteranRelapse: z.boolean().optional(),
  /** Monthly basic pension, for grades 1–4 who qualify for one (第二十六条第三款). */
  basicPensionMonthly: moneySchema.optional(),
  /** Accident date: checked against the province's start; drives Shanghai's transitional bases. */
  accidentDate: dateSchema.optional(),
  /** Shanghai 规程第四十五条: the 2024 Shanghai figure, for periodic benefits of injuries before the 实施办法. */
  avgMonthlyWage2024: moneySchema.optional(),
  /** Shanghai 规程第四十五条第二款: the current figure, so periodic benefits are never below the current standard. */
  currentAvgMonthlyWage: moneySchema.optional(),
  /**
   * The day the assessment conclusion (劳动能力鉴定结论) was made, the applicant not objecting to it: Shanghai
   * 规程第三十八条 pays the items from the next month (`firstPaymentMonth`).
   */
  assessmentConclusionDate: dateSchema.optional(),
}));
/** The input of {@link computeDisabilityBenefits} (JSON Schema: schemas/disability-benefits.json, `input`). */
export type DisabilityInput = z.input<typeof disabilityInputSchema>;

/** The disability benefits: amounts as decimal strings in yuan, `null` where an item is not payable. */
export interface DisabilityBenefits {
  /** The base rounded to the fen, for display (items are computed on the exact base, {@link benefitBaseExact}). */
  benefitBase: string;
  /**
   * The exact base every item is computed on, unrounded (e.g. "3925.926" for 0.6 × 6543.21): an auditor
   * re-multiplies this, not the rounded {@link benefitBase} (18 × 3925.926 = 70666.668 → "70666.67").
   */
  benefitBaseExact: string;
  /** The base of periodic items when it differs (Shanghai transitional), rounded to the fen; else null. */
  periodicBenefitBase: string | null;
  /** The exact, unrounded base of periodic items when {@link periodicBenefitBase} is given, else null. */
  periodicBenefitBaseExact: string | null;
  oneTimeDisabilitySubsidy: string | null;
  monthlyDisabilityAllowance: string | null;
  oneTimeAllowance: string | null;
  monthlyNursingAllowance: string | null;
  monthlyPensionTopUp: string | null;
  /** Grades 1–4 with a basic pension: the allowance is stopped and replaced by pension + top-up. */
  allowanceReplacedByPension: boolean;
  /** Benefits the rules exclude in this case (the veteran rule). */
  excludedBenefits: string[];
  /**
   * The first month the items are paid, `YYYY-MM`: the month after `assessmentConclusionDate` (Shanghai
   * 规程第三十八条); null without that date, or where the province's sources do not say.
   */
  firstPaymentMonth: string | null;
}

/**
 * Computes every disability benefit of a grade.
 *
 * @example
 * ```ts
 * // Qinghai, grade 4, 6,000 yuan: base 3,600; subsidy 21 × 3,600 = 75,600; allowance 75% = 2,700
 * const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" });
 * r.value.oneTimeDisabilitySubsidy; // "75600.00"
 * r.value.monthlyDisabilityAllowance; // "2700.00"
 * ```
 */
export const computeDisabilityBenefits: RuleFunction<DisabilityInput, DisabilityBenefits> = defineRule({
  kind: "disability-benefits",
  title: { zh: "伤残待遇（一至十级、护理、养老金补差）", en: "disability benefits (grades 1–10, nursing, pension top-up)" },
  functionName: "computeDisabilityBenefits",
  input: disabilityInputSchema,
  // The version in force on the accident date; without one, the province's only version.
  caseDate: (i) => ({ date: i.accidentDate ?? null, path: ["accidentDate"], label: { zh: "事故发生日期", en: "accident date" } }),
  compute: disabilityBenefits,
});

function disabilityBenefits(ctx: RuleContext, i: z.output<typeof disabilityInputSchema>): DisabilityBenefits {
  const bases = resolveBases(ctx, i);
  const months = ctx.param("disability.oneTimeSubsidyMonths");
  const grade = String(i.grade) as keyof typeof months.value;
  const excluded = ctx.param("veteran.excludedBenefits");
  const gradeInput = { grade: i.grade };
  const excludedBenefits: string[] = i.veteranRelapse === true ? [...excluded.value] : [];

  // 一次性伤残补助金 — Qinghai 第二十六条第二款, 第二十七条第（一）项, 第二十八条.
  let oneTimeDisabilitySubsidy: string | null = null;
  if (excludedBenefits.includes("oneTimeDisabilitySubsidy")) {
    ctx.explainer.add({
      rule: "disability.veteran-exclusion",
      title: { zh: "残疾军人旧伤复发：不享受一次性伤残补助金", en: "veteran's relapse: no one-time disability subsidy" },
      inputs: { veteranRelapse: true },
      parameters: [excluded.used],
      result: null,
    });
  } else {
    oneTimeDisabilitySubsidy = baseItem(ctx, {
      rule: "disability.one-time-subsidy",
      title: { zh: `一次性伤残补助金（${i.grade}级）`, en: `one-time disability subsidy (grade ${i.grade})` },
      unit: "months",
      factor: months.value[grade],
      base: bases.oneTime,
      parameter: months.used,
      inputs: gradeInput,
    }).text;
  }

  // 伤残津贴 (grades 1–4) — Qinghai 第二十六条第三款; periodic (Shanghai 第四十五条).
  let allowance: Item | null = null;
  if (i.grade <= 4) {
    const pct = ctx.param("disability.monthlyAllowancePercent");
    const g = String(i.grade) as keyof typeof pct.value;
    const candidates = bases.periodicBases().map((b) =>
      baseItem(ctx, {
        rule: "disability.monthly-allowance",
        title: { zh: `伤残津贴（${i.grade}级，按月）`, en: `monthly disability allowance (grade ${i.grade})` },
        unit: "percent",
        factor: pct.value[g],
        base: b,
        parameter: pct.used,
        inputs: gradeInput,
      }),
    );
    allowance = largestPeriodic(ctx, "disability.monthly-allowance", candidates, pct.used);
  }

  // 一次性津贴 (grades 5–6) — Qinghai 第二十七条第（二）项.
  let oneTimeAllowance: string | null = null;
  if (i.grade === 5 || i.grade === 6) {
    const m = ctx.param("disability.oneTimeAllowanceMonths");
    oneTimeAllowance = baseItem(ctx, {
      rule: "disability.one-time-allowance",
      title: { zh: `一次性津贴（${i.grade}级）`, en: `one-time allowance (grade ${i.grade})` },
      unit: "months",
      factor: m.value[String(i.grade) as "5" | "6"],
      base: bases.oneTime,
      parameter: m.used,
      inputs: gradeInput,
    }).text;
  }

  // 生活护理费 — Qinghai 第二十五条; periodic.
  let nursing: string | null = null;
  if (i.nursingLevel !== undefined) {
    const pct = ctx.param("nursing.percent");
    const level = i.nursingLevel;
    const names = { full: "生活完全不能自理", most: "生活大部分不能自理", partial: "生活部分不能自理" } as const;
    const candidates = bases.periodicBases().map((b) =>
      baseItem(ctx, {
        rule: "nursing.monthly-allowance",
        title: { zh: `生活护理费（${names[level]}，按月）`, en: `monthly nursing allowance (${level})` },
        unit: "percent",
        factor: pct.value[level],
        base: b,
        parameter: pct.used,
        inputs: { nursingLevel: level },
      }),
    );
    nursing = largestPeriodic(ctx, "nursing.monthly-allowance", candidates, pct.used).text;
  }

  // 基本养老金补差 — Qinghai 第二十六条第三款.
  let topUp: string | null = null;
  let replaced = false;
  if (i.basicPensionMonthly !== undefined) {
    const pension = parseMoney(i.basicPensionMonthly, ["basicPensionMonthly"]);
    const rule = "disability.pension-top-up";
    const citations = ctx.text(rule).citations;
    if (allowance === null) {
      ctx.explainer.add({
        rule,
        title: { zh: "基本养老金补差仅适用于一至四级", en: "the pension top-up applies to grades 1–4 only" },
        citations,
        inputs: { grade: i.grade, basicPensionMonthly: i.basicPensionMonthly },
        result: null,
      });
    } else {
      replaced = true;
      const diff = allowance.amount.minus(pension);
      const amount = diff.isNegative() ? new Dec(0) : diff;
      topUp = formatMoney(amount);
      ctx.explainer.add({
        rule,
        title: { zh: "停发伤残津贴，基本养老金低于伤残津贴的由基金补足差额", en: "allowance stops; the fund tops a lower pension up to it" },
        citations,
        inputs: { monthlyDisabilityAllowance: allowance.text, basicPensionMonthly: i.basicPensionMonthly },
        result: { formula: `max(0, ${allowance.text} − ${formatMoney(pension)})`, amount: topUp },
        rounding: FEN_ROUNDING,
      });
    }
  }

  const firstPaymentMonth = i.assessmentConclusionDate === undefined ? null : paymentStart(ctx, i.assessmentConclusionDate, i.accidentDate);

  const needsPeriodic = i.grade <= 4 || i.nursingLevel !== undefined;
  const periodicBase = bases.transitional && needsPeriodic ? bases.periodicBases()[0] : undefined;
  return {
    benefitBase: bases.oneTime.display,
    benefitBaseExact: bases.oneTime.exactText,
    periodicBenefitBase: periodicBase !== undefined ? periodicBase.display : null,
    periodicBenefitBaseExact: periodicBase !== undefined ? periodicBase.exactText : null,
    oneTimeDisabilitySubsidy,
    monthlyDisabilityAllowance: allowance === null ? null : allowance.text,
    oneTimeAllowance,
    monthlyNursingAllowance: nursing,
    monthlyPensionTopUp: topUp,
    allowanceReplacedByPension: replaced,
    excludedBenefits,
    firstPaymentMonth,
  };
}

/** The rule text of Shanghai 规程第三十八条 (payment from the month after the assessment conclusion). */
const FIRST_PAYMENT = "disability.first-payment-month";

/** The month after the assessment conclusion where the rule set states the rule, else null with a note. */
function paymentStart(ctx: RuleContext, conclusion: string, accident: string | undefined): string | null {
  const day = parseIsoDate(conclusion, ["assessmentConclusionDate"]);
  if (accident !== undefined && compareDates(day, parseIsoDate(accident, ["accidentDate"])) < 0) {
    throw invalidInput(["assessmentConclusionDate"], "the assessment conclusion is dated before the accident", "劳动能力鉴定结论日期早于事故发生日期");
  }
  const text = ctx.text(FIRST_PAYMENT);
  if (!ctx.hasText(FIRST_PAYMENT)) {
    ctx.explainer.add({
      // its own id: no rule applies, so there is nothing to cite
      rule: `${FIRST_PAYMENT}.not-stated`,
      title: { zh: "伤残待遇自何时起发放", en: "from when the disability items are paid" },
      inputs: { assessmentConclusionDate: conclusion },
      result: null,
      notes: [{
        zh: `${ctx.ruleSet.name.zh}的来源文件未规定伤残待遇自何月起发放；firstPaymentMonth 为 null`,
        en: `${ctx.ruleSet.name.en}'s sources do not say from which month the disability items are paid; firstPaymentMonth is null`,
      }],
    });
    return null;
  }
  const month = formatYearMonth(addMonths({ year: day.year, month: day.month }, 1));
  ctx.explainer.add({
    rule: FIRST_PAYMENT,
    title: {
      zh: "对鉴定结论无异议的，自作出鉴定结论后的次月起发放一次性伤残补助金、伤残津贴、一次性津贴及生活护理费",
      en: "with no objection to the assessment conclusion, the items are paid from the month after the conclusion",
    },
    citations: text.citations,
    inputs: { assessmentConclusionDate: conclusion },
    result: { firstPaymentMonth: month },
    notes: text.notes.length > 0 ? text.notes : undefined,
  });
  return month;
}
