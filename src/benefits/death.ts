/**
 * Death benefits (死亡待遇). Encodes Qinghai 实施办法 第二十九条 and, where a province is silent, the same
 * national structure; Shanghai 规程第四十条、第四十一条 (payment) and 第四十五条 (transitional bases).
 * - funeral subsidy: 6 months of the base (第二十九条第一款第（一）项);
 * - dependant pensions: spouse 40%, each other dependant 30%, +10% for an orphan or solitary elder, their sum
 *   capped at the base, cut in proportion with the last fen to the largest remainders (第（二）项, docs/decisions.md#C6);
 * - one-time death subsidy: 20 × the national urban per-capita disposable income of the year before death
 *   (第（三）项, docs/sources.md#B4);
 * - a grade 1–4 worker who dies after the treatment period: funeral subsidy and dependant pensions only
 *   (第二十九条第三款);
 * - not drawn twice (第三十条): when the near relatives draw the death benefits of work-injury insurance, basic
 *   pension insurance or another social insurance (`otherDeathBenefits`), this protection's items are not paid
 *   (`excludedBenefits`); the amounts stay the standards, to compare with (docs/decisions.md, "Death outputs").
 */
import { z } from "zod";
import { cite, renderCitation } from "../core/citation.js";
import { compareDates, parseIsoDate } from "../core/dates.js";
import { invalidInput, ZhishangError } from "../core/errors.js";
import type { UsedParameter } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { allocateFen, Dec, FEN_ROUNDING, formatExact, formatMoney, parseMoney, roundFen, sum } from "../core/money.js";
import { dateSchema, moneySchema } from "../core/validate.js";
import type { RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { nationalUrbanDisposableIncome } from "../stats/national-income.js";
import { callerNationalIncome } from "../stats/statistics.js";
import { baseItem } from "./items.js";
import { resolveBases } from "./transitional.js";

/**
 * The relatives 劳动和社会保障部令第18号 names (see {@link qualifiesAsDependant}).
 *
 * @example
 * ```ts
 * DEPENDANT_RELATIONS; // ["spouse", "child", "parent", "grandparent", "grandchild", "sibling"]
 * ```
 */
export const DEPENDANT_RELATIONS = ["spouse", "child", "parent", "grandparent", "grandchild", "sibling"] as const;
/** For pensions only the spouse is distinguished (40%); `other` stands for any other qualifying relative (30%). */
export const PENSION_RELATIONS = [...DEPENDANT_RELATIONS, "other"] as const;
/** A relative in {@link DEPENDANT_RELATIONS}, or `other` (any other qualifying relative, 30%). */
export type DependantRelation = (typeof PENSION_RELATIONS)[number];

/**
 * Why the death benefits are due: `death-from-injury` (at once or during treatment; all three items) or
 * `after-treatment-grade-1-4` (a grade 1–4 worker dying after the treatment period: no one-time death subsidy).
 *
 * @example
 * ```ts
 * DEATH_CONTEXTS; // ["death-from-injury", "after-treatment-grade-1-4"]
 * computeDeathBenefits("qinghai", { avgMonthlyWage: "6000.00", deathDate: "2026-09-10",
 *   context: "after-treatment-grade-1-4", dependants: [{ relation: "spouse" }] }).value.oneTimeDeathSubsidy; // null
 * ```
 */
export const DEATH_CONTEXTS = ["death-from-injury", "after-treatment-grade-1-4"] as const;

/**
 * The other social insurances whose death benefits the near relatives may also qualify for (Qinghai 第三十条:
 * 工伤保险、基本养老保险等其他社会保险); the two are not drawn twice.
 *
 * @example
 * ```ts
 * OTHER_DEATH_BENEFITS; // ["work-injury-insurance", "basic-pension-insurance", "other-social-insurance"]
 * ```
 */
export const OTHER_DEATH_BENEFITS = ["work-injury-insurance", "basic-pension-insurance", "other-social-insurance"] as const;

/** The death items of this protection, as `excludedBenefits` names them. */
const DEATH_ITEMS = ["funeralSubsidy", "dependantPensions", "oneTimeDeathSubsidy"] as const;

export const deathInputSchema = z.lazy(() => z.strictObject({
  /** Previous-year provincial urban private-sector average monthly wage (yuan). */
  avgMonthlyWage: moneySchema,
  deathDate: dateSchema,
  /**
   * `death-from-injury`: death from the occupational injury (at once or during treatment, 第二十九条第一、二款);
   * `after-treatment-grade-1-4`: a grade 1–4 worker dying after the treatment period (第三款).
   */
  context: z.enum(DEATH_CONTEXTS),
  /** Qualifying dependants (see `qualifiesAsDependant`), in the order their pensions are reported. */
  dependants: z
    .array(
      z.strictObject({
        relation: z.enum(PENSION_RELATIONS),
        /** An orphan (孤儿) or a solitary elder (孤寡老人): +10%. */
        orphanOrSolitaryElder: z.boolean().optional(),
        /** Free label echoed in the details. */
        label: z.string().max(100).optional(),
      }),
    )
    .max(30)
    .optional(),
  /** National urban per-capita disposable income of the year before death; default: the bundled table. */
  nationalUrbanDisposableIncome: moneySchema.optional(),
  accidentDate: dateSchema.optional(),
  avgMonthlyWage2024: moneySchema.optional(),
  currentAvgMonthlyWage: moneySchema.optional(),
  /**
   * The other social insurance whose death benefits the near relatives draw (they qualify for both): this
   * protection's death benefits are then not paid (Qinghai 第三十条, 不得重复领取).
   */
  otherDeathBenefits: z.enum(OTHER_DEATH_BENEFITS).optional(),
}));
/** The input of {@link computeDeathBenefits} (JSON Schema: schemas/death-benefits.json, `input`). */
export type DeathInput = z.input<typeof deathInputSchema>;

/** One dependant's pension: the relation, the percentage of the base applied and the monthly amount. */
export interface DependantPensionDetail {
  relation: DependantRelation;
  label: string | null;
  percent: number;
  amount: string;
}

/** The death benefits: amounts as decimal strings in yuan, `null` where an item is not payable. */
export interface DeathBenefits {
  /** The base rounded to the fen, for display (items are computed on the exact base, {@link benefitBaseExact}). */
  benefitBase: string;
  /**
   * The exact base the funeral subsidy and dependant pensions are computed on, unrounded: an auditor
   * re-multiplies this, not the rounded {@link benefitBase}.
   */
  benefitBaseExact: string;
  /** The base of periodic items when it differs (Shanghai transitional), rounded to the fen; else null. */
  periodicBenefitBase: string | null;
  /** The exact, unrounded base of periodic items when {@link periodicBenefitBase} is given, else null. */
  periodicBenefitBaseExact: string | null;
  funeralSubsidy: string;
  oneTimeDeathSubsidy: string | null;
  /** Monthly pension of each dependant, in input order. */
  dependantPensions: string[];
  dependantPensionDetails: DependantPensionDetail[];
  dependantPensionTotal: string;
  /** Whether the sum of pensions was cut to the cap (docs/decisions.md#C6). */
  dependantCapApplied: boolean;
  /** The income figure used for the one-time death subsidy and its year, or null when not payable. */
  nationalUrbanDisposableIncome: { year: number; value: string; source: "table" | "caller" } | null;
  /**
   * The items of this protection not paid: all of them (`funeralSubsidy`, `dependantPensions`,
   * `oneTimeDeathSubsidy` when due) when the relatives draw another insurance's death benefits
   * ({@link otherDeathBenefits}, Qinghai 第三十条); else empty. The amounts above stay the standards.
   */
  excludedBenefits: string[];
  /** The other social insurance whose death benefits the relatives draw instead, as given; else null. */
  otherDeathBenefits: (typeof OTHER_DEATH_BENEFITS)[number] | null;
}

/**
 * Computes the death benefits.
 *
 * @example
 * ```ts
 * // Qinghai, 6,000 yuan: base 3,600; funeral 6 × 3,600 = 21,600; spouse 40% = 1,440;
 * // death in 2026 → 20 × 56,502 (2025) = 1,130,040
 * const r = computeDeathBenefits("qinghai", {
 *   avgMonthlyWage: "6000.00", deathDate: "2026-09-10", context: "death-from-injury",
 *   dependants: [{ relation: "spouse" }],
 * });
 * r.value.oneTimeDeathSubsidy; // "1130040.00"
 * ```
 */
export const computeDeathBenefits: RuleFunction<DeathInput, DeathBenefits> = defineRule({
  kind: "death-benefits",
  title: { zh: "死亡待遇（丧葬补助金、供养亲属抚恤金、一次性死亡补助金）", en: "death benefits" },
  functionName: "computeDeathBenefits",
  input: deathInputSchema,
  // The version in force on the accident date, or on the date of death when no accident date is given.
  caseDate: (i) => {
    if (i.accidentDate === undefined) return { date: i.deathDate, path: ["deathDate"], label: { zh: "死亡日期", en: "date of death" } };
    if (compareDates(parseIsoDate(i.accidentDate, ["accidentDate"]), parseIsoDate(i.deathDate, ["deathDate"])) > 0) {
      throw invalidInput(["accidentDate"], "the accident date is after the date of death", "事故发生日期晚于死亡日期");
    }
    return { date: i.accidentDate, path: ["accidentDate"], label: { zh: "事故发生日期", en: "accident date" } };
  },
  compute: deathBenefits,
});

function deathBenefits(ctx: RuleContext, i: z.output<typeof deathInputSchema>): DeathBenefits {
  const bases = resolveBases(ctx, i);

  // 丧葬补助金 — 第二十九条第一款第（一）项.
  const funeralMonths = ctx.param("death.funeralMonths");
  const funeral = baseItem(ctx, {
    rule: "death.funeral-subsidy",
    title: {
      zh: `丧葬补助金（计发基数的${funeralMonths.value}个月）`,
      en: `funeral subsidy (${funeralMonths.value} month${funeralMonths.value === 1 ? "" : "s"} of the base)`,
    },
    unit: "months",
    factor: funeralMonths.value,
    base: bases.oneTime,
    parameter: funeralMonths.used,
  });

  // 一次性职业伤害死亡补助金 — 第二十九条第一款第（三）项; not after treatment for grades 1–4 (第三款).
  let oneTime: Dec | null = null;
  let incomeUsed: DeathBenefits["nationalUrbanDisposableIncome"] = null;
  if (i.context === "death-from-injury") {
    const multiple = ctx.param("death.oneTimeSubsidyIncomeMultiple");
    const year = parseIsoDate(i.deathDate, ["deathDate"]).year - 1;
    let income: Dec;
    let incomeParam: UsedParameter;
    let incomeNote: Bilingual | undefined;
    // the caller's statistics (options.statistics, the --statistics file) come before the bundled table
    const given = callerNationalIncome(ctx.options.statistics, year);
    if (i.nationalUrbanDisposableIncome !== undefined) {
      income = parseMoney(i.nationalUrbanDisposableIncome, ["nationalUrbanDisposableIncome"], { positive: true });
      incomeUsed = { year, value: i.nationalUrbanDisposableIncome, source: "caller" };
      incomeParam = { name: `nationalUrbanDisposableIncome.${year}`, value: i.nationalUrbanDisposableIncome, provenance: "caller", citations: [] };
    } else if (given !== undefined) {
      income = new Dec(given.value);
      incomeUsed = { year, value: given.value, source: "caller" };
      incomeParam = { name: `nationalUrbanDisposableIncome.${year}`, value: given.value, provenance: "caller", citations: [] };
      incomeNote = {
        zh: `${year} 年全国城镇居民人均可支配收入取自调用方提供的统计数据${given.source === undefined ? "" : `（来源：${given.source}）`}`,
        en: `the national urban per-capita disposable income of ${year} is from the caller's statistics${given.source === undefined ? "" : ` (source: ${given.source})`}`,
      };
    } else {
      const entry = nationalUrbanDisposableIncome(year);
      if (entry === undefined) {
        throw new ZhishangError(
          "STATISTIC_NOT_AVAILABLE",
          {
            en: `the national urban per-capita disposable income of ${year} is not bundled; pass nationalUrbanDisposableIncome`,
            zh: `未内置 ${year} 年全国城镇居民人均可支配收入，请提供 nationalUrbanDisposableIncome`,
          },
          ["nationalUrbanDisposableIncome"],
        );
      }
      income = new Dec(entry.value);
      incomeUsed = { year, value: entry.value, source: "table" };
      incomeParam = {
        name: `nationalUrbanDisposableIncome.${year}`,
        value: entry.value,
        provenance: "national",
        reason: { zh: "国家统计局公布数据（docs/sources.md#B4）", en: "National Bureau of Statistics (docs/sources.md#B4)" },
        citations: [renderCitation(entry.citation)],
      };
    }
    const exact = income.times(multiple.value);
    oneTime = roundFen(exact);
    ctx.explainer.add({
      rule: "death.one-time-subsidy",
      title: {
        zh: `一次性职业伤害死亡补助金（上一年度全国城镇居民人均可支配收入 × ${multiple.value}）`,
        en: `one-time death subsidy (national urban disposable income of the year before death × ${multiple.value})`,
      },
      inputs: { deathDate: i.deathDate, incomeYear: year },
      parameters: [multiple.used, incomeParam],
      result: { formula: `${formatExact(income)} × ${multiple.value}`, amount: formatMoney(oneTime) },
      rounding: FEN_ROUNDING,
      notes: incomeNote === undefined ? undefined : [incomeNote],
    });
  } else {
    ctx.explainer.add({
      rule: "death.after-treatment-grade-1-4",
      title: { zh: "一至四级伤残人员治疗期满后死亡：只享受丧葬补助金和供养亲属抚恤金", en: "grade 1–4 death after treatment: funeral subsidy and dependant pensions only" },
      citations: ctx.text("death.after-treatment-grade-1-4").citations,
      inputs: { context: i.context },
      result: null,
    });
  }

  // 供养亲属抚恤金 — 第二十九条第一款第（二）项, docs/decisions.md#C6; periodic.
  const pct = ctx.param("death.dependantPercent");
  const cap = ctx.param("death.dependantCapPercent");
  const dependants = i.dependants ?? [];
  const percents = dependants.map(
    (d) => (d.relation === "spouse" ? pct.value.spouse : pct.value.other) + (d.orphanOrSolitaryElder === true ? pct.value.orphanOrSolitaryElderExtra : 0),
  );
  const needsPeriodic = dependants.length > 0;
  const periodicBases = needsPeriodic ? bases.periodicBases() : [bases.oneTime];
  const sets = periodicBases.map((b) => dependantPensions(ctx, b.base, percents, [pct.used, cap.used], cap.value));
  const best = sets.reduce((a, b) => (sum(b.amounts).greaterThan(sum(a.amounts)) ? b : a));
  if (sets.length > 1) {
    ctx.explainer.add({
      rule: "death.dependant-pensions.transitional-max",
      title: { zh: "定期待遇不低于当年计发标准（取较高者）", en: "periodic benefit: the higher of the original and the current standard" },
      citations: [cite("shanghai-rules", { article: 45, paragraph: 2 })],
      inputs: { totals: sets.map((s) => formatMoney(sum(s.amounts))) },
      result: formatMoney(sum(best.amounts)),
    });
  }
  const periodicBase = bases.transitional && needsPeriodic ? bases.periodicBases()[0] : undefined;
  const excludedBenefits = i.otherDeathBenefits === undefined ? [] : noDoubleDrawing(ctx, i.otherDeathBenefits, oneTime !== null);
  return {
    benefitBase: bases.oneTime.display,
    benefitBaseExact: bases.oneTime.exactText,
    periodicBenefitBase: periodicBase !== undefined ? periodicBase.display : null,
    periodicBenefitBaseExact: periodicBase !== undefined ? periodicBase.exactText : null,
    funeralSubsidy: funeral.text,
    oneTimeDeathSubsidy: oneTime === null ? null : formatMoney(oneTime),
    dependantPensions: best.amounts.map(formatMoney),
    dependantPensionDetails: dependants.map((d, k) => ({
      relation: d.relation,
      label: d.label ?? null,
      percent: percents[k] as number,
      amount: formatMoney(best.amounts[k] as Dec),
    })),
    dependantPensionTotal: formatMoney(sum(best.amounts)),
    dependantCapApplied: best.capped,
    nationalUrbanDisposableIncome: incomeUsed,
    excludedBenefits,
    otherDeathBenefits: i.otherDeathBenefits ?? null,
  };
}

/** Qinghai 第三十条 (national elsewhere): the relatives draw the other insurance's death benefits, not these. */
function noDoubleDrawing(ctx: RuleContext, other: (typeof OTHER_DEATH_BENEFITS)[number], oneTimeDue: boolean): string[] {
  const names = {
    "work-injury-insurance": { zh: "工伤保险", en: "work-injury insurance" },
    "basic-pension-insurance": { zh: "基本养老保险", en: "basic pension insurance" },
    "other-social-insurance": { zh: "其他社会保险", en: "another social insurance" },
  } as const;
  const notPaid = DEATH_ITEMS.filter((item) => item !== "oneTimeDeathSubsidy" || oneTimeDue);
  const text = ctx.text("death.no-double-drawing");
  ctx.explainer.add({
    rule: "death.no-double-drawing",
    title: {
      zh: "职业伤害保障死亡待遇与其他社会保险死亡待遇不得重复领取",
      en: "death benefits of this protection and of another social insurance are not drawn twice",
    },
    citations: text.citations,
    inputs: { otherDeathBenefits: other },
    result: { excludedBenefits: [...notPaid] },
    notes: [
      {
        zh: `近亲属领取${names[other].zh}的死亡待遇，本保障的死亡待遇不予支付；输出中的各项金额为本保障的计发标准，供比较`,
        en: `the near relatives draw the death benefits of ${names[other].en}: this protection's death benefits are not paid; the amounts in the output are its standards, for comparison`,
      },
      ...text.notes,
    ],
  });
  return [...notPaid];
}

function dependantPensions(
  ctx: RuleContext,
  base: Dec,
  percents: readonly number[],
  used: UsedParameter[],
  capPercent: number,
): { amounts: Dec[]; capped: boolean } {
  if (percents.length === 0) {
    ctx.explainer.add({
      rule: "death.dependant-pensions",
      title: { zh: "供养亲属抚恤金（无供养亲属）", en: "dependant pensions (no dependants)" },
      parameters: used,
      result: "0.00",
    });
    return { amounts: [], capped: false };
  }
  const exact = percents.map((p) => base.times(p).dividedBy(100));
  const capExact = base.times(capPercent).dividedBy(100);
  const totalPercent = percents.reduce((a, b) => a + b, 0);
  // The cap binds the paid amounts: above it by percent, or by a fen of rounding at exactly the cap.
  const rounded = exact.map(roundFen);
  const cap = roundFen(capExact);
  const capped = totalPercent > capPercent || sum(rounded).greaterThan(cap);
  const amounts = capped ? allocateFen(cap, percents.map((p) => new Dec(p))) : rounded;
  ctx.explainer.add({
    rule: "death.dependant-pensions",
    title: { zh: "供养亲属抚恤金（按月）", en: "monthly dependant pensions" },
    inputs: { benefitBase: formatExact(base), percents: [...percents], totalPercent },
    parameters: used,
    result: { amounts: amounts.map(formatMoney), total: formatMoney(sum(amounts)) },
    rounding: capped
      ? `the cap ${formatMoney(cap)} shared in proportion to the percents, whole fen, remainders to the largest (docs/decisions.md#C6)`
      : `each pension ${FEN_ROUNDING}`,
    ...(capped
      ? {
          notes: [
            totalPercent > capPercent
              ? { zh: `各供养亲属抚恤金之和（${totalPercent}%）超过上限 ${capPercent}%，按比例核减`, en: `the pensions add up to ${totalPercent}%, above the cap of ${capPercent}%: cut in proportion` }
              : { zh: `各项分别舍入后合计 ${formatMoney(sum(rounded))} 超过上限 ${formatMoney(cap)}，按比例分配`, en: `rounded one by one they would add up to ${formatMoney(sum(rounded))}, above the cap ${formatMoney(cap)}: shared in proportion` },
          ],
        }
      : {}),
  });
  return { amounts, capped };
}
