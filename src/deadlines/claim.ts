/**
 * The time limits of one claim (the `claim-deadlines` scenario kind), from the accident to the treatment period:
 *
 * - platform application within 30 days and the worker's own within 90 days of the accident (Qinghai 实施办法
 *   第十五条第一、二款; Shanghai 规程第二十一条第一、三款; national elsewhere);
 * - Shanghai: an extension, agreed before the period ends, of at most the 1-year limit of 《工伤保险条例》第十七条
 *   (规程第二十二条第一款);
 * - supplementary materials: Qinghai 10 days from receipt of the one-time notice (第十五条第一款), Shanghai 5
 *   working days in the benefit review (规程第四十四条第三款);
 * - confirmation within 30 working days of receiving the application, 7 when the facts are clear (Qinghai
 *   第十七条第一款; Shanghai 第二十六条第一款);
 * - Shanghai: delivery of the confirmation within 3 working days (第二十七条第一款); review of a benefit
 *   application within 20 working days of acceptance (第四十四条第三款);
 * - re-assessment request within 15 days of receiving the conclusion (Qinghai 第十九条第二款; national elsewhere);
 * - the treatment period: 12 months, extendable by at most 12 (Qinghai 第二十四条第二款; national elsewhere) — a
 *   duration, computed without the rest-day extension.
 *
 * These are the bundled rule sets' values; every limit is a parameter (src/deadlines/limits.ts), and the
 * explanation states the value used (an override or another rule set's). What a rule set says of a limit in words
 * (Shanghai: the confirmation runs from acceptance, the extension needs the district bureau's consent) is its rule
 * text named by the parameter; nothing here branches on a province.
 */
import { z } from "zod";
import { compareDates, parseIsoDate } from "../core/dates.js";
import { invalidInput } from "../core/errors.js";
import type { Bilingual } from "../core/params.js";
import { dateSchema } from "../core/validate.js";
import type { ParamName, RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { computePeriod, describePeriod, type PeriodResult, type PeriodSpec } from "../calendar/periods.js";
import { TIME_LIMITS, type TimeLimitId } from "./limits.js";
import { addPeriodStep } from "./time-limit.js";

export const claimDeadlinesInputSchema = z.lazy(() => z.strictObject({
  /** Day of the accident (事故伤害发生之日). */
  accidentDate: dateSchema,
  /** Day the application for benefits was received (Shanghai: accepted). */
  applicationReceivedDate: dateSchema.optional(),
  /**
   * Shanghai: the applicant has asked, with reasons and before the period ended, for a longer application period
   * (规程第二十二条第一款); the output then gives the latest day an agreed extension may run to.
   */
  extensionRequested: z.boolean().optional(),
  /** Whether the facts are clear, the evidence sufficient and rights and duties plain (7 working days). */
  factsClear: z.boolean().optional(),
  /** Day the applicant received the notice to supplement the materials. */
  supplementNoticeDate: dateSchema.optional(),
  /** Day the first (or review) assessment conclusion was received. */
  assessmentConclusionReceivedDate: dateSchema.optional(),
  /** First day of treatment. */
  treatmentStartDate: dateSchema.optional(),
  /** Shanghai: day the confirmation decision was made (delivery within 3 working days). */
  confirmationDecisionDate: dateSchema.optional(),
  /** Shanghai: day a benefit application was accepted by the municipal agency (review within 20 working days). */
  benefitApplicationAcceptedDate: dateSchema.optional(),
}));
/** The input of {@link computeClaimDeadlines} (JSON Schema: schemas/claim-deadlines.json, `input`). */
export type ClaimDeadlinesInput = z.input<typeof claimDeadlinesInputSchema>;

/** The claim deadlines of a case (`YYYY-MM-DD`), `null` where the input or the province's rules give none. */
export interface ClaimDeadlines {
  readonly platformApplicationDeadline: string;
  readonly workerApplicationDeadline: string;
  /**
   * Shanghai, when `extensionRequested`: the latest an agreed extension may run to (1 year from the accident,
   * 工伤保险条例第十七条); null otherwise (and in the provinces whose sources provide no extension).
   */
  readonly applicationExtensionLimit: string | null;
  readonly confirmationDeadline: string | null;
  readonly supplementDeadline: string | null;
  readonly reassessmentRequestDeadline: string | null;
  /** Last day of the treatment period (`treatment.period`; a duration: no rest-day extension). */
  readonly treatmentPeriodEnd: string | null;
  /** Last day of the treatment period with the longest extension (`treatment.maxExtension` more). */
  readonly treatmentPeriodMaxEnd: string | null;
  /** Shanghai: delivery of the confirmation decision. */
  readonly confirmationDeliveryDeadline: string | null;
  /** Shanghai: the municipal agency's review of a benefit application. */
  readonly benefitReviewDeadline: string | null;
}

type DateField = keyof Omit<ClaimDeadlinesInput, "factsClear" | "extensionRequested">;
type ParsedClaim = z.output<typeof claimDeadlinesInputSchema>;

/** The dates of the input in order (each after the accident; notice and decision after the application). */
function checkOrder(i: ParsedClaim): void {
  const accident = parseIsoDate(i.accidentDate, ["accidentDate"]);
  const notBefore = (field: DateField, earlier: DateField, what: Bilingual) => {
    const v = i[field];
    const e = i[earlier];
    if (v === undefined || e === undefined) return;
    if (compareDates(parseIsoDate(v, [field]), parseIsoDate(e, [earlier])) < 0) {
      throw invalidInput([field], `${field} is before ${earlier} (${what.en})`, `${field} 早于 ${earlier}（${what.zh}）`);
    }
  };
  for (const f of [
    "applicationReceivedDate", "supplementNoticeDate", "assessmentConclusionReceivedDate", "treatmentStartDate",
    "confirmationDecisionDate", "benefitApplicationAcceptedDate",
  ] as const) {
    if (i[f] !== undefined && compareDates(parseIsoDate(i[f], [f]), accident) < 0) {
      throw invalidInput([f], `${f} is before the accident`, `${f} 早于事故发生日期`);
    }
  }
  notBefore("supplementNoticeDate", "applicationReceivedDate", { zh: "补正告知不能早于收到申请", en: "a notice to supplement follows the application" });
  notBefore("confirmationDecisionDate", "applicationReceivedDate", { zh: "确认结论不能早于收到申请", en: "the decision follows the application" });
}

/**
 * The deadlines of a claim, by the rule-set version in force on the accident date. Each deadline whose input is
 * given is computed and explained (start, days counted, any extension and why, with citations; every period
 * stated is the parameter's value as used). A deadline outside the loaded holiday calendars is
 * `CALENDAR_NOT_COVERED` (pass further years in `options.calendars`); the treatment period needs no calendar.
 *
 * @example
 * ```ts
 * // Qinghai, accident 2026-09-03: 30 days end on 2026-10-03 (National Day) → 2026-10-08; 90 days end on
 * // 2026-12-02 (a Wednesday).
 * const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03" });
 * c.value.platformApplicationDeadline; // "2026-10-08"
 * c.value.workerApplicationDeadline;   // "2026-12-02"
 * ```
 */
export const computeClaimDeadlines: RuleFunction<ClaimDeadlinesInput, ClaimDeadlines> = defineRule({
  kind: "claim-deadlines",
  title: { zh: "申请、补正、确认、再次鉴定期限与治疗期", en: "claim deadlines and the treatment period" },
  functionName: "computeClaimDeadlines",
  input: claimDeadlinesInputSchema,
  // The version in force on the accident date, once the dates are known to be in order.
  caseDate: (i) => {
    checkOrder(i);
    return { date: i.accidentDate, path: ["accidentDate"], label: { zh: "事故发生日期", en: "accident date" } };
  },
  compute: claimDeadlines,
});

function claimDeadlines(ctx: RuleContext, i: ParsedClaim): ClaimDeadlines {
  /** One limit from `from`: its step, with the notes of the definition and the rule set, then `extra`. */
  const period = (id: TimeLimitId, from: string, field: DateField, extra: Bilingual[] = [], inputName: string = field): PeriodResult => {
    const def = TIME_LIMITS[id];
    const param = ctx.param(def.param);
    const p = computePeriod(from, param.value as PeriodSpec, {
      restDayExtension: def.kind === "period",
      path: [field],
      explain: ctx.explainer.enabled,
      ...(ctx.options.calendars === undefined ? {} : { calendars: ctx.options.calendars }),
    });
    addPeriodStep(ctx, def, p, `deadline.${id}`, param.used, { inputs: { [inputName]: from }, notes: extra });
    return p;
  };
  /** The text of a period parameter's value as used (overrides included): `30个工作日` / `30 working days`. */
  const used = (name: ParamName): Bilingual => describePeriod(ctx.param(name).value as PeriodSpec);
  const optional = (name: ParamName) => ctx.has(name);
  const undefinedNote = (what: Bilingual) => ctx.explainer.add({
    rule: "deadline.not-defined",
    title: { zh: `${ctx.ruleSet.name.zh}来源未规定：${what.zh}`, en: `${ctx.ruleSet.name.en}'s sources define no ${what.en}` },
    result: null,
  });

  const platform = period("platform-application", i.accidentDate, "accidentDate");
  const worker = period("worker-application", i.accidentDate, "accidentDate");
  let extensionLimit: string | null = null;
  if (i.extensionRequested === true && !optional("timeLimit.applicationExtensionCap")) {
    undefinedNote({ zh: "申请期限的延长", en: "extension of the application period" });
  } else if (i.extensionRequested === true) {
    extensionLimit = period("application-extension-cap", i.accidentDate, "accidentDate").deadline;
  }

  let confirmation: string | null = null;
  let delivery: string | null = null;
  if (i.applicationReceivedDate !== undefined) {
    const clear = i.factsClear === true;
    const limit = used(clear ? "timeLimit.confirmationFactsClear" : "timeLimit.confirmation");
    confirmation = period(clear ? "confirmation-facts-clear" : "confirmation", i.applicationReceivedDate, "applicationReceivedDate", [
      i.factsClear === undefined
        ? { zh: `未说明事实是否清楚，按${limit.zh}的一般期限计算`, en: `whether the facts are clear is not stated: the general limit of ${limit.en}` }
        : clear
          ? { zh: `事实清楚、证据充分、权利义务明确：${limit.zh}`, en: `facts clear, evidence sufficient, rights and duties plain: ${limit.en}` }
          : { zh: `事实不属清楚明确的情形：${limit.zh}`, en: `facts not clear: ${limit.en}` },
    ]).deadline;
  }
  if (i.confirmationDecisionDate !== undefined) {
    if (optional("timeLimit.conclusionDelivery")) {
      delivery = period("conclusion-delivery", i.confirmationDecisionDate, "confirmationDecisionDate").deadline;
    } else undefinedNote({ zh: "确认结论送达期限", en: "time limit for delivering the confirmation decision" });
  }
  const supplement = i.supplementNoticeDate === undefined ? null
    : period("supplement-materials", i.supplementNoticeDate, "supplementNoticeDate").deadline;
  let review: string | null = null;
  if (i.benefitApplicationAcceptedDate !== undefined) {
    if (optional("timeLimit.benefitReview")) {
      review = period("benefit-review", i.benefitApplicationAcceptedDate, "benefitApplicationAcceptedDate").deadline;
    } else undefinedNote({ zh: "待遇申请审核期限", en: "time limit for reviewing a benefit application" });
  }
  const reassessment = i.assessmentConclusionReceivedDate === undefined ? null
    : period("reassessment-request", i.assessmentConclusionReceivedDate, "assessmentConclusionReceivedDate").deadline;

  let treatmentEnd: string | null = null;
  let treatmentMax: string | null = null;
  if (i.treatmentStartDate !== undefined) {
    const first = period("treatment-period", i.treatmentStartDate, "treatmentStartDate");
    treatmentEnd = first.deadline;
    treatmentMax = period("treatment-period-extension", first.deadline, "treatmentStartDate", [{
      zh: `延长期自治疗职业伤害期届满之日 ${first.deadline} 起算`,
      en: `the extension runs from the end of the treatment period, ${first.deadline}`,
    }], "treatmentPeriodEnd").deadline;
  }

  return {
    platformApplicationDeadline: platform.deadline,
    workerApplicationDeadline: worker.deadline,
    applicationExtensionLimit: extensionLimit,
    confirmationDeadline: confirmation,
    supplementDeadline: supplement,
    reassessmentRequestDeadline: reassessment,
    treatmentPeriodEnd: treatmentEnd,
    treatmentPeriodMaxEnd: treatmentMax,
    confirmationDeliveryDeadline: delivery,
    benefitReviewDeadline: review,
  };
}
