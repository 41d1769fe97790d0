/**
 * The definitions of the time limits (docs/time-limits.md): for each limit its rule-set parameter, its kind, its
 * title, who acts and the event it runs from — the same in every province. A limit's value, provenance and
 * citations are the rule set's (`timeLimit.*`, `treatment.*`); what a province adds to a limit in words (the
 * stage a supplement belongs to, the day a period runs from under its own article …) are the notes of the rule
 * text with the parameter's name (`ctx.text("timeLimit.supplementMaterials")`, docs/rule-sets.md). Computing a
 * limit is src/deadlines/time-limit.ts; the catalogue of a rule set is src/deadlines/catalogue.ts.
 *
 * Kinds:
 * - `period`: a time limit for an act, counted from an event (calendar days, working days, months or years per
 *   《民法典》第二百零一–二百零三条; see src/calendar/periods.ts);
 * - `duration`: the treatment period (治疗职业伤害期), counted by the month rule **without** the rest-day
 *   extension (it is how long treatment lasts, not a time limit for an act), so it needs no holiday calendar;
 * - `monthly`: a day of each month (the data hand-over, the declaration);
 * - `annual`: a day of each year (a rate determination and its notice).
 */
import type { Bilingual } from "../core/params.js";
import type { ParamName, ParamValue } from "../provinces/index.js";
import { describePeriod, type PeriodSpec } from "../calendar/periods.js";

/**
 * The time limits, by id (each described in {@link TIME_LIMITS}).
 *
 * @example
 * ```ts
 * TIME_LIMIT_IDS.includes("platform-application"); // true
 * ```
 */
export const TIME_LIMIT_IDS = [
  "platform-application",
  "worker-application",
  "application-extension-cap",
  "supplement-materials",
  "confirmation",
  "confirmation-facts-clear",
  "conclusion-delivery",
  "reassessment-request",
  "treatment-period",
  "treatment-period-extension",
  "sporadic-medical-reimbursement",
  "benefit-review",
  "monthly-data-handover",
  "data-correction",
  "monthly-declaration",
  "fee-registration",
  "rate-determination",
  "rate-notice",
  "prepayment-settlement",
] as const;
/** One of {@link TIME_LIMIT_IDS}. */
export type TimeLimitId = (typeof TIME_LIMIT_IDS)[number];

/**
 * How a time limit runs: `period` (a time limit for acting, counted from an event, extended past rest days),
 * `duration` (counted from an event, never extended), `monthly` (a day of each month) or `annual` (a day of
 * each year).
 */
export type TimeLimitKind = "period" | "duration" | "monthly" | "annual";

/** What a time limit is about: its parameter, who acts, and the event it runs from. */
export interface TimeLimitDefinition {
  readonly id: TimeLimitId;
  /** The rule-set parameter holding its value (the name used in `overrides`). */
  readonly param: ParamName;
  readonly kind: TimeLimitKind;
  readonly title: Bilingual;
  /** Who must act (or whose act is timed). */
  readonly actor: Bilingual;
  /** The event the period runs from, or the month/year it recurs in. */
  readonly from: Bilingual;
  /** Anything a reader must know: what happens after, how it interacts with another limit. */
  readonly note?: Bilingual;
}

/**
 * What each time limit is about: the rule-set parameter holding its value, its kind, who acts and the event
 * it runs from. The values of a rule set are in `timeLimitCatalogue` (src/deadlines/catalogue.ts); no definition
 * names a province: a province's words on a limit are its rule text (the parameter's name).
 *
 * @example
 * ```ts
 * TIME_LIMITS["platform-application"].param; // "timeLimit.platformApplication"
 * TIME_LIMITS["platform-application"].kind;  // "period"
 * ```
 */
export const TIME_LIMITS: Readonly<Record<TimeLimitId, TimeLimitDefinition>> = {
  "platform-application": {
    id: "platform-application",
    param: "timeLimit.platformApplication",
    kind: "period",
    title: { zh: "平台企业提出职业伤害保障待遇给付申请", en: "platform's application for benefits" },
    actor: { zh: "平台企业（或受托的平台服务机构）", en: "the platform (or its service organisation)" },
    from: { zh: "事故伤害发生之日", en: "the day of the accident" },
    note: {
      zh: "逾期提出的，自事故伤害发生之日起至收到申请之日止发生的待遇等费用由平台企业承担",
      en: "if late, the platform bears the benefit costs from the accident to the day the application is received",
    },
  },
  "worker-application": {
    id: "worker-application",
    param: "timeLimit.workerApplication",
    kind: "period",
    title: { zh: "新就业形态人员或其近亲属、工会组织直接提出申请", en: "worker's (relatives', union's) own application" },
    actor: { zh: "新就业形态人员或其近亲属、工会组织", en: "the worker, close relatives or the union" },
    from: { zh: "事故伤害发生之日", en: "the day of the accident" },
    note: { zh: "平台企业未按规定提出申请时适用", en: "when the platform has not applied as required" },
  },
  "application-extension-cap": {
    id: "application-extension-cap",
    param: "timeLimit.applicationExtensionCap",
    kind: "period",
    title: { zh: "特殊情况延长申请时限的上限（工伤保险条例第十七条）", en: "cap on an extended application period (Work-Injury Regulations art. 17)" },
    actor: { zh: "平台企业或新就业形态人员等（须在原期限届满前说明理由并经同意）", en: "the platform or the worker (reasons given before the period ends, with consent)" },
    from: { zh: "事故伤害发生之日", en: "the day of the accident" },
  },
  "supplement-materials": {
    id: "supplement-materials",
    param: "timeLimit.supplementMaterials",
    kind: "period",
    title: { zh: "提交补正材料", en: "supplementary materials" },
    actor: { zh: "申请人", en: "the applicant" },
    from: { zh: "收到补正材料告知之日", en: "receipt of the notice to supplement the materials" },
  },
  confirmation: {
    id: "confirmation",
    param: "timeLimit.confirmation",
    kind: "period",
    title: { zh: "作出职业伤害确认结论", en: "injury confirmation decision" },
    actor: { zh: "人力资源社会保障部门", en: "the human resources and social security department" },
    from: { zh: "收到或受理待遇给付申请之日", en: "receipt or acceptance of the application" },
  },
  "confirmation-facts-clear": {
    id: "confirmation-facts-clear",
    param: "timeLimit.confirmationFactsClear",
    kind: "period",
    title: { zh: "事实清楚、证据充分、权利义务明确的，作出确认结论", en: "injury confirmation when the facts are clear" },
    actor: { zh: "人力资源社会保障部门", en: "the human resources and social security department" },
    from: { zh: "收到或受理待遇给付申请之日", en: "receipt or acceptance of the application" },
  },
  "conclusion-delivery": {
    id: "conclusion-delivery",
    param: "timeLimit.conclusionDelivery",
    kind: "period",
    title: { zh: "送达职业伤害确认结论", en: "delivery of the confirmation decision" },
    actor: { zh: "区人力资源社会保障局", en: "the district human resources and social security bureau" },
    from: { zh: "作出职业伤害确认结论之日", en: "the day the confirmation decision is made" },
  },
  "reassessment-request": {
    id: "reassessment-request",
    param: "timeLimit.reassessmentRequest",
    kind: "period",
    title: { zh: "申请劳动能力再次鉴定", en: "request for a work-capacity re-assessment" },
    actor: { zh: "平台企业或新就业形态人员", en: "the platform or the worker" },
    from: { zh: "收到初次（复查）鉴定结论之日", en: "receipt of the first (review) assessment conclusion" },
  },
  "treatment-period": {
    id: "treatment-period",
    param: "treatment.period",
    kind: "duration",
    title: { zh: "治疗职业伤害期（一般不超过）", en: "treatment period (as a rule, at most)" },
    actor: { zh: "—（持续期间）", en: "— (a duration)" },
    from: { zh: "开始治疗之日", en: "the start of treatment" },
    note: {
      zh: "持续期间，不适用最后一日遇休息日顺延；期满应进行劳动能力鉴定",
      en: "a duration: no rest-day extension; at its end the work capacity is assessed",
    },
  },
  "treatment-period-extension": {
    id: "treatment-period-extension",
    param: "treatment.maxExtension",
    kind: "duration",
    title: { zh: "治疗职业伤害期的延长（不得超过）", en: "extension of the treatment period (at most)" },
    actor: { zh: "经劳动能力鉴定委员会确认", en: "confirmed by the work-capacity assessment committee" },
    from: { zh: "治疗职业伤害期届满之日", en: "the end of the treatment period" },
    note: { zh: "持续期间，不适用顺延", en: "a duration: no rest-day extension" },
  },
  "sporadic-medical-reimbursement": {
    id: "sporadic-medical-reimbursement",
    param: "timeLimit.sporadicMedicalReimbursement",
    kind: "period",
    title: { zh: "零星报销医疗待遇的审核报销（原则上）", en: "sporadic medical reimbursement (as a rule)" },
    actor: { zh: "经办机构", en: "the agency" },
    from: { zh: "申请材料齐全之日", en: "the day the application is complete" },
  },
  "benefit-review": {
    id: "benefit-review",
    param: "timeLimit.benefitReview",
    kind: "period",
    title: { zh: "作出职业伤害保障待遇审核意见", en: "review of a benefit application" },
    actor: { zh: "市社保经办机构", en: "the municipal social insurance agency" },
    from: { zh: "受理之日", en: "the day the application is accepted" },
  },
  "monthly-data-handover": {
    id: "monthly-data-handover",
    param: "timeLimit.monthlyDataHandover",
    kind: "monthly",
    title: { zh: "向税务机关传递上月总单量及缴费标准", en: "monthly hand-over of last month's orders and rates to the tax authority" },
    actor: { zh: "省（市）社会保险经办机构", en: "the provincial (municipal) social insurance agency" },
    from: { zh: "每月，传递上月数据", en: "each month, for last month's data" },
  },
  "data-correction": {
    id: "data-correction",
    param: "timeLimit.dataCorrection",
    kind: "period",
    title: { zh: "配合核对有误数据", en: "checking erroneous data" },
    actor: { zh: "平台企业", en: "the platform" },
    from: { zh: "经办机构、税务部门发现数据有误（通知平台）之日", en: "the day the error is found (and notified)" },
  },
  "monthly-declaration": {
    id: "monthly-declaration",
    param: "timeLimit.monthlyDeclaration",
    kind: "monthly",
    title: { zh: "按月申报缴纳职业伤害保障费", en: "monthly premium declaration and payment" },
    actor: { zh: "平台企业总部", en: "the platform's headquarters" },
    from: { zh: "每月，申报上月订单", en: "each month, for last month's orders" },
  },
  "fee-registration": {
    id: "fee-registration",
    param: "timeLimit.feeRegistration",
    kind: "period",
    title: { zh: "向主管税务机关申报办理缴费登记", en: "premium registration with the tax authority" },
    actor: { zh: "平台企业总部", en: "the platform's headquarters" },
    from: { zh: "收到主管税务机关通知之日", en: "receipt of the tax authority's notice" },
  },
  "rate-determination": {
    id: "rate-determination",
    param: "timeLimit.rateDetermination",
    kind: "annual",
    title: { zh: "核定平台企业次年缴费标准", en: "determining each platform's rate for the next year" },
    actor: { zh: "市社保经办机构", en: "the municipal social insurance agency" },
    from: { zh: "每年，核定次年缴费标准", en: "each year, for the next year's rate" },
  },
  "rate-notice": {
    id: "rate-notice",
    param: "timeLimit.rateNotice",
    kind: "annual",
    title: { zh: "将缴费基准额及浮动后比例传递给税务局", en: "passing base amounts and floats to the tax authority" },
    actor: { zh: "市社保经办机构", en: "the municipal social insurance agency" },
    from: { zh: "每年，传递当年缴费基准额及浮动后比例", en: "each year, for that year's rates" },
  },
  "prepayment-settlement": {
    id: "prepayment-settlement",
    param: "timeLimit.prepaymentSettlement",
    kind: "period",
    title: { zh: "协议终止后完成预付金清算", en: "settling the prepayment after the agreement ends" },
    actor: { zh: "省级经办机构与委托承办机构", en: "the provincial agency and the commissioned insurer" },
    from: { zh: "协议终止之日", en: "the day the agreement ends" },
  },
};

/** An English ordinal: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd, 24th … */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * The text of a time limit's value in both languages (the catalogue's `text`, and the figure the explanations
 * state): a period by src/calendar/periods.ts, a monthly day with its deferral, a yearly date.
 *
 * @internal Not part of the package's API (src/index.ts does not export it); exported for its tests.
 *
 * @example
 * ```ts
 * describeTimeLimitValue(TIME_LIMITS["confirmation"], { count: 60, unit: "working-day" }).zh; // "60个工作日"
 * describeTimeLimitValue(TIME_LIMITS["monthly-declaration"], { day: 20, holiday: "tax-declaration" }).en; // "the 20th of each month (deferred per tax-collection rules art. 109)"
 * ```
 */
export function describeTimeLimitValue(def: TimeLimitDefinition, value: unknown): Bilingual {
  if (def.kind === "period" || def.kind === "duration") return describePeriod(value as PeriodSpec);
  if (def.kind === "monthly") {
    const v = value as ParamValue<"timeLimit.monthlyDeclaration">;
    const rule = v.holiday === "tax-declaration"
      ? { zh: "（按税收征收管理法实施细则第一百零九条顺延）", en: " (deferred per tax-collection rules art. 109)" }
      : { zh: "（遇法定节假日顺延）", en: " (moved to the next working day over a rest day)" };
    return { zh: `每月${v.day}日${rule.zh}`, en: `the ${ordinal(v.day)} of each month${rule.en}` };
  }
  const v = value as ParamValue<"timeLimit.rateNotice">;
  const month = MONTH_NAMES[v.month - 1] ?? String(v.month);
  return v.holiday === "none"
    ? { zh: `每年${v.month}月${v.day}日前`, en: `by ${v.day} ${month} each year` }
    : { zh: `每年${v.month}月${v.day}日前（遇法定休假日顺延）`, en: `by ${v.day} ${month} each year (deferred over rest days)` };
}
