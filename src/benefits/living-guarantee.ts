/**
 * Living guarantee (生活保障费) during the treatment period, paid by the platform.
 *
 * Qinghai 实施办法 第二十四条第一款: the monthly minimum living standard of the city where the accident
 * happened, prorated by the actual days of treatment, ending from the month after the assessment conclusion;
 * the platform pays. Shanghai 规程第四十六条第一款: the platform pays. Proration per docs/decisions.md#C7: a whole
 * calendar month pays the monthly standard; a part month pays days ÷ days in that month; the first and the last
 * day both count; payment ends at the earlier of the end of treatment and the last day of the month in which
 * the assessment conclusion is made.
 */
import { z } from "zod";
import { compareDates, endOfMonth, formatIsoDate, parseIsoDate, toDayNumber, type CivilDate } from "../core/dates.js";
import { formatYearMonth, monthDayRange, monthsOfInterval } from "../core/months.js";
import { invalidInput } from "../core/errors.js";
import { Dec, FEN_ROUNDING, formatExact, formatMoney, parseMoney, roundFen, sum } from "../core/money.js";
import { dateSchema, moneySchema } from "../core/validate.js";
import type { RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { computePeriod, describePeriod } from "../calendar/periods.js";

export const livingGuaranteeInputSchema = z.lazy(() => z.strictObject({
  /** 月最低生活保障标准 of the city where the accident happened (yuan per month). */
  cityMinimumLivingStandardMonthly: moneySchema,
  /** First day of the treatment period (paid). */
  treatmentStartDate: dateSchema,
  /** Last day of the treatment period (paid, unless the assessment ended payment earlier). */
  treatmentEndDate: dateSchema,
  /** Day the work-capacity assessment conclusion was made; payment stops from the next month. */
  assessmentConclusionDate: dateSchema.optional(),
  accidentDate: dateSchema.optional(),
}));
/** The input of {@link computeLivingGuarantee} (JSON Schema: schemas/living-guarantee.json, `input`). */
export type LivingGuaranteeInput = z.input<typeof livingGuaranteeInputSchema>;

/** The living guarantee of one calendar month: days paid of the month's days, and the amount. */
export interface LivingGuaranteeMonth {
  month: string;
  days: number;
  daysInMonth: number;
  amount: string;
}

/** The living guarantee during treatment: the total, the days paid, who pays, and the months. */
export interface LivingGuarantee {
  /** Days paid, first and last included. */
  days: number;
  amount: string;
  payer: "platform";
  paidFrom: string;
  /** Last day paid, or null when nothing is payable. */
  paidUntil: string | null;
  /** The treatment dates ran past the longest treatment period (`treatment.period` + `treatment.maxExtension`): payment stops at its end. */
  cappedAtTreatmentMaximum: boolean;
  months: LivingGuaranteeMonth[];
}

/**
 * Computes the living guarantee during treatment (治疗期生活保障费): the city's minimum living standard for
 * each day of treatment, month by month pro rata, until the month the work-capacity assessment conclusion is
 * made, paid by the platform.
 *
 * @example
 * ```ts
 * // 1,000 yuan/month; 2026-07-16 … 2026-09-10, conclusion 2026-08-20 → paid to 2026-08-31:
 * // July 16 of 31 days = 516.129…, August whole = 1,000 → 1,516.13 for 47 days
 * computeLivingGuarantee("qinghai", { cityMinimumLivingStandardMonthly: "1000", treatmentStartDate: "2026-07-16",
 *   treatmentEndDate: "2026-09-10", assessmentConclusionDate: "2026-08-20" }).value.amount; // "1516.13"
 * ```
 */
export const computeLivingGuarantee: RuleFunction<LivingGuaranteeInput, LivingGuarantee> = defineRule({
  kind: "living-guarantee",
  title: { zh: "治疗期生活保障费", en: "living guarantee during treatment" },
  functionName: "computeLivingGuarantee",
  input: livingGuaranteeInputSchema,
  // The version in force on the accident date, or on the first day of treatment when no accident date is given
  // (the standard and the dates are checked first).
  caseDate: (i) => {
    parseMoney(i.cityMinimumLivingStandardMonthly, ["cityMinimumLivingStandardMonthly"], { positive: true });
    const start = parseIsoDate(i.treatmentStartDate, ["treatmentStartDate"]);
    const end = parseIsoDate(i.treatmentEndDate, ["treatmentEndDate"]);
    if (compareDates(end, start) < 0) {
      throw invalidInput(["treatmentEndDate"], "the treatment ends before it starts", "治疗结束日期早于开始日期");
    }
    if (i.accidentDate === undefined) {
      return { date: i.treatmentStartDate, path: ["treatmentStartDate"], label: { zh: "治疗开始日期", en: "treatment start date" } };
    }
    if (compareDates(parseIsoDate(i.accidentDate, ["accidentDate"]), start) > 0) {
      throw invalidInput(["treatmentStartDate"], "the treatment starts before the accident", "治疗开始日期早于事故发生日期");
    }
    return { date: i.accidentDate, path: ["accidentDate"], label: { zh: "事故发生日期", en: "accident date" } };
  },
  compute: livingGuarantee,
});

function livingGuarantee(ctx: RuleContext, i: z.output<typeof livingGuaranteeInputSchema>): LivingGuarantee {
  const standard = parseMoney(i.cityMinimumLivingStandardMonthly, ["cityMinimumLivingStandardMonthly"], { positive: true });
  const start = parseIsoDate(i.treatmentStartDate, ["treatmentStartDate"]);
  const end = parseIsoDate(i.treatmentEndDate, ["treatmentEndDate"]);
  const payer = ctx.param("livingGuarantee.payer");
  const citations = ctx.text("living-guarantee.payer").citations;

  // 第二十四条第二款: the treatment period plus its longest extension (Qinghai: 12 + 12 months) — the living
  // guarantee is not paid beyond it (a duration: no rest-day extension, no calendar needed).
  const period = ctx.param("treatment.period");
  const extension = ctx.param("treatment.maxExtension");
  // only the deadlines are read
  const firstEnd = computePeriod(i.treatmentStartDate, period.value, { restDayExtension: false, path: ["treatmentStartDate"], explain: false });
  const maxEnd = computePeriod(firstEnd.deadline, extension.value, { restDayExtension: false, path: ["treatmentStartDate"], explain: false });
  const longest = parseIsoDate(maxEnd.deadline, ["treatmentStartDate"]);
  let paidEnd: CivilDate = end;
  let endReason = { zh: "治疗职业伤害期结束", en: "end of the treatment period" };
  let cappedAtTreatmentMaximum = false;
  if (compareDates(longest, end) < 0) {
    paidEnd = longest;
    cappedAtTreatmentMaximum = true;
    const p = describePeriod(period.value);
    const e = describePeriod(extension.value);
    endReason = {
      zh: `治疗职业伤害期最长至 ${maxEnd.deadline}（一般不超过${p.zh}，延长不超过${e.zh}），其后不再支付`,
      en: `the treatment period ends at the latest on ${maxEnd.deadline} (${p.en} plus at most ${e.en}): nothing is paid after it`,
    };
    ctx.explainer.add({
      rule: "living-guarantee.treatment-maximum",
      title: { zh: "治疗职业伤害期上限", en: "longest treatment period" },
      inputs: { treatmentStartDate: i.treatmentStartDate, treatmentEndDate: i.treatmentEndDate },
      parameters: [period.used, extension.used],
      result: maxEnd.deadline,
      notes: [endReason],
    });
  }
  if (i.assessmentConclusionDate !== undefined) {
    const conclusion = parseIsoDate(i.assessmentConclusionDate, ["assessmentConclusionDate"]);
    const monthEnd = endOfMonth(conclusion);
    if (compareDates(monthEnd, paidEnd) < 0) {
      paidEnd = monthEnd;
      endReason = { zh: "劳动能力鉴定结论作出次月起不再享受", en: "not paid from the month after the assessment conclusion" };
    }
  }

  const months: LivingGuaranteeMonth[] = [];
  const exactParts: Dec[] = [];
  const [from, to] = [toDayNumber(start), toDayNumber(paidEnd)];
  for (const ym of monthsOfInterval(start, paidEnd)) {
    // the days of the month [first, next month's first) that lie in [from, to]
    const [first, next] = monthDayRange(ym);
    const dim = next - first;
    const days = Math.min(next - 1, to) - Math.max(first, from) + 1;
    const exact = days === dim ? standard : standard.times(days).dividedBy(dim);
    exactParts.push(exact);
    months.push({ month: formatYearMonth(ym), days, daysInMonth: dim, amount: formatExact(exact) });
  }
  const totalDays = months.reduce((a, m) => a + m.days, 0);
  const amount = roundFen(sum(exactParts));
  ctx.explainer.add({
    rule: "living-guarantee.amount",
    title: { zh: "生活保障费（按月最低生活保障标准，按实际天数折算）", en: "living guarantee (city minimum living standard, prorated by days)" },
    citations,
    inputs: {
      cityMinimumLivingStandardMonthly: i.cityMinimumLivingStandardMonthly,
      treatmentStartDate: i.treatmentStartDate,
      treatmentEndDate: i.treatmentEndDate,
      assessmentConclusionDate: i.assessmentConclusionDate ?? null,
    },
    parameters: [payer.used],
    result: {
      paidUntil: totalDays === 0 ? null : formatIsoDate(paidEnd),
      months: months.map((m) => `${m.month}: ${m.days}/${m.daysInMonth} → ${m.amount}`),
      days: totalDays,
      amount: formatMoney(amount),
      payer: payer.value,
    },
    rounding: `month parts exact, the total ${FEN_ROUNDING}`,
    notes: [endReason],
  });
  return {
    days: totalDays,
    amount: formatMoney(amount),
    payer: payer.value,
    paidFrom: i.treatmentStartDate,
    paidUntil: totalDays === 0 ? null : formatIsoDate(paidEnd),
    cappedAtTreatmentMaximum,
    // Object.assign, not `{ ...m, amount }`: V8 (Node 20) is slow on a spread followed by more properties
    months: months.map((m) => Object.assign({}, m, { amount: formatMoney(new Dec(m.amount)) })),
  };
}
