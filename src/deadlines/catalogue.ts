/**
 * The catalogue of time limits the five seeds state or inherit (docs/time-limits.md). Each limit is a rule-set
 * parameter (`timeLimit.*`, `treatment.*`), so its value, provenance and citations are per province and a caller
 * can override it; this module adds what the limit is about and how it is counted, and computes any one of them
 * with {@link computeTimeLimit}.
 *
 * Kinds:
 * - `period`: a time limit for an act, counted from an event (calendar days, working days, months or years per
 *   《民法典》第二百零一–二百零三条; see src/calendar/periods.ts);
 * - `duration`: the treatment period (治疗职业伤害期), counted by the month rule **without** the rest-day
 *   extension (it is how long treatment lasts, not a time limit for an act), so it needs no holiday calendar;
 * - `monthly`: a day of each month (the data hand-over by the 5th, the declaration by the 15th);
 * - `annual`: a day of each year (Shanghai's rate determination by 31 December and notice by 5 January).
 */
import { z } from "zod";
import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber } from "../core/dates.js";
import { invalidInput } from "../core/errors.js";
import type { ComputeOptions, Json } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { dateSchema, parseInput } from "../core/validate.js";
import {
  finish, getRuleSet, PROVINCES, RuleContext, type Computation, type ParamName, type ParamValue, type ProvinceId,
} from "../provinces/index.js";
import { renderCitation, type RenderedCitation } from "../core/citation.js";
import { calendarFromOptions } from "../calendar/calendar.js";
import { computePeriod, describePeriod, periodStepSpec, type PeriodSpec } from "../calendar/periods.js";
import { monthSchema, taxDeclarationDeadline } from "./declaration.js";

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
 * it runs from. The values per province are in {@link timeLimitCatalogue}.
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
    actor: { zh: "平台企业或新就业形态人员等（须在原期限届满前说明理由，经区人社局同意）", en: "the platform or the worker (reasons given before the period ends, district bureau's consent)" },
    from: { zh: "事故伤害发生之日", en: "the day of the accident" },
  },
  "supplement-materials": {
    id: "supplement-materials",
    param: "timeLimit.supplementMaterials",
    kind: "period",
    title: { zh: "提交补正材料", en: "supplementary materials" },
    actor: { zh: "申请人", en: "the applicant" },
    from: { zh: "收到一次性补正告知（上海：审核需要补正材料的告知）之日", en: "receipt of the notice to supplement (Shanghai: of the review's request)" },
    note: {
      zh: "青海：待遇给付申请（确认阶段）10日；上海：待遇申领审核阶段5个工作日（规程第四十四条）",
      en: "Qinghai: the benefit application (confirmation stage), 10 days; Shanghai: the benefit review stage, 5 working days (rules art. 44)",
    },
  },
  confirmation: {
    id: "confirmation",
    param: "timeLimit.confirmation",
    kind: "period",
    title: { zh: "作出职业伤害确认结论", en: "injury confirmation decision" },
    actor: { zh: "人力资源社会保障部门", en: "the human resources and social security department" },
    from: { zh: "收到（上海：受理）待遇给付申请之日", en: "receipt (Shanghai: acceptance) of the application" },
  },
  "confirmation-facts-clear": {
    id: "confirmation-facts-clear",
    param: "timeLimit.confirmationFactsClear",
    kind: "period",
    title: { zh: "事实清楚、证据充分、权利义务明确的，作出确认结论", en: "injury confirmation when the facts are clear" },
    actor: { zh: "人力资源社会保障部门", en: "the human resources and social security department" },
    from: { zh: "收到（上海：受理）待遇给付申请之日", en: "receipt (Shanghai: acceptance) of the application" },
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
    from: { zh: "每月（如遇法定节假日顺延）", en: "each month (deferred over holidays)" },
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
    from: { zh: "每月，申报上月订单（税收征收管理法实施细则第一百零九条的顺延规则）", en: "each month, for last month's orders (deferral per art. 109 of the tax-collection rules)" },
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
    from: { zh: "每年12月底前", en: "by the end of December each year" },
  },
  "rate-notice": {
    id: "rate-notice",
    param: "timeLimit.rateNotice",
    kind: "annual",
    title: { zh: "将缴费基准额及浮动后比例传递给税务局", en: "passing base amounts and floats to the tax authority" },
    actor: { zh: "市社保经办机构", en: "the municipal social insurance agency" },
    from: { zh: "次年1月5日前（如遇法定休假日顺延）", en: "by 5 January of the year (deferred over holidays)" },
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

/** One line of a province's catalogue: the definition plus the province's value, provenance and citations. */
export interface TimeLimitEntry extends TimeLimitDefinition {
  readonly value: Json;
  /** `30 日`, `5 个工作日`, `每月5日`… */
  readonly text: Bilingual;
  readonly provenance: "seed" | "national" | "assumed";
  readonly reason: Bilingual | null;
  readonly citations: readonly RenderedCitation[];
}

/** An English ordinal: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd, 24th … */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/**
 * The text of a time limit's value in both languages (the catalogue's `text`).
 *
 * @internal Not part of the package's API (src/index.ts does not export it); exported for its tests.
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
  const month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][v.month - 1] ?? String(v.month);
  return v.holiday === "none"
    ? { zh: `每年${v.month}月${v.day}日前`, en: `by ${v.day} ${month} each year` }
    : { zh: `每年${v.month}月${v.day}日前（遇法定休假日顺延）`, en: `by ${v.day} ${month} each year (deferred over rest days)` };
}

/**
 * The time limits of `province`, in catalogue order, with each value's provenance and citations. Limits the
 * province's sources do not define (and the national measures do not supply) are left out.
 *
 * @example
 * ```ts
 * timeLimitCatalogue("shanghai").find((e) => e.id === "supplement-materials")?.text.zh; // "5个工作日"
 * timeLimitCatalogue("guangxi").map((e) => e.id).includes("fee-registration");         // false
 * ```
 */
export function timeLimitCatalogue(province: ProvinceId): TimeLimitEntry[] {
  const rs = getRuleSet(province);
  const out: TimeLimitEntry[] = [];
  for (const id of TIME_LIMIT_IDS) {
    const def = TIME_LIMITS[id];
    const param = rs.params[def.param];
    if (param === undefined) continue;
    const p = param.provenance;
    if (p.kind === "caller") continue;
    out.push({
      ...def,
      value: param.value as Json,
      text: describeTimeLimitValue(def, param.value),
      provenance: p.kind,
      reason: p.kind === "seed" ? null : p.reason,
      citations: p.citations.map((c) => renderCitation(c)),
    });
  }
  return out;
}

/**
 * The catalogue of every province.
 *
 * @example
 * ```ts
 * allTimeLimitCatalogues().zhejiang.length; // 9
 * ```
 */
export function allTimeLimitCatalogues(): Record<ProvinceId, TimeLimitEntry[]> {
  return Object.fromEntries(PROVINCES.map((p) => [p, timeLimitCatalogue(p)])) as Record<ProvinceId, TimeLimitEntry[]>;
}

export const timeLimitInputSchema = z.lazy(() => z.strictObject({
  limit: z.enum(TIME_LIMIT_IDS),
  /** For a `period` or `duration`: the day of the event it runs from. */
  from: dateSchema.optional(),
  /** For a `monthly` limit: the month (`YYYY-MM`) it falls in. */
  month: monthSchema.optional(),
  /** For an `annual` limit: the year it falls in. */
  year: z.number().int().min(1900).max(2199).optional(),
}));
/** The input of {@link computeTimeLimit} (JSON Schema: schemas/time-limit.json, `input`). */
export type TimeLimitInput = z.input<typeof timeLimitInputSchema>;

/** One time limit computed: its last day, and whether it was extended past rest days or deferred. */
export interface TimeLimitResult {
  readonly limit: TimeLimitId;
  readonly deadline: string;
  /** The nominal last day before any extension or deferral. */
  readonly nominalDeadline: string;
  readonly extended: boolean;
}

function iso(n: number): string {
  return formatIsoDate(fromDayNumber(n));
}

/**
 * Computes one time limit of `province`: a `period` or `duration` from `from`, a `monthly` limit in `month`, an
 * `annual` limit in `year`. A limit the province does not define is `RULE_NOT_DEFINED`; a date outside the
 * loaded calendars is `CALENDAR_NOT_COVERED` (except for durations and `annual` limits without deferral, which
 * need no calendar).
 *
 * @example
 * ```ts
 * // 3 working days after 2026-09-30: 8, 9 and 10 October (a Saturday made a working day)
 * computeTimeLimit("shanghai", { limit: "conclusion-delivery", from: "2026-09-30" }).value.deadline; // "2026-10-10"
 * computeTimeLimit("qinghai", { limit: "monthly-data-handover", month: "2026-10" }).value.deadline;  // "2026-10-08"
 * computeTimeLimit("shanghai", { limit: "rate-notice", year: 2026 }).value.deadline;                 // "2026-01-05"
 * ```
 */
export function computeTimeLimit(province: ProvinceId, input: TimeLimitInput, options?: ComputeOptions): Computation<TimeLimitResult> {
  const ctx = RuleContext.create(province, options);
  const i = parseInput(timeLimitInputSchema, input);
  const def = TIME_LIMITS[i.limit];
  const param = ctx.param(def.param);
  const title = def.title;
  const calendar = () => calendarFromOptions(options);

  if (def.kind === "period" || def.kind === "duration") {
    if (i.from === undefined) throw invalidInput(["from"], `"${def.id}" runs from a date: give "from"`, `“${def.id}”自某日起算，请提供 from`);
    ctx.requireInForce(i.from, ["from"], { zh: "起算事件日期", en: "date of the starting event" });
    const spec = param.value as PeriodSpec;
    const period = computePeriod(i.from, spec, {
      restDayExtension: def.kind === "period",
      path: ["from"],
      ...(options?.calendars === undefined ? {} : { calendars: options.calendars }),
    });
    ctx.explainer.add(periodStepSpec(period, `time-limit.${def.id}`, title, {
      parameters: [param.used],
      notes: [{ zh: `起算：${def.from.zh}`, en: `runs from: ${def.from.en}` }, ...(def.note === undefined ? [] : [def.note])],
    }));
    return finish(ctx, { limit: def.id, deadline: period.deadline, nominalDeadline: period.nominalEnd, extended: period.extension !== null });
  }

  if (def.kind === "monthly") {
    if (i.month === undefined) throw invalidInput(["month"], `"${def.id}" recurs monthly: give "month"`, `“${def.id}”按月发生，请提供 month`);
    const year = Number(i.month.slice(0, 4));
    const month = Number(i.month.slice(5, 7));
    const lastOfPrevious = toDayNumber({ year, month, day: 1 }) - 1;
    ctx.requireInForce(iso(lastOfPrevious), ["month"], { zh: "所涉上月末日", en: "last day of the month concerned" });
    const v = param.value as ParamValue<"timeLimit.monthlyDataHandover">;
    const cal = calendar();
    const due = toDayNumber({ year, month, day: v.day });
    let deadline: number;
    let notes: Bilingual[];
    if (v.holiday === "tax-declaration") {
      const d = taxDeclarationDeadline(year, month, v.day, cal, ["month"]);
      deadline = toDayNumber(parseIsoDate(d.deadline, ["month"]));
      notes = [{ zh: `申报期内连续3日以上法定休假日 ${d.holidayDaysInPeriod} 天（规则：${d.rule}）`, en: `${d.holidayDaysInPeriod} holiday days in runs of 3+ in the period (rule: ${d.rule})` }];
    } else {
      deadline = due;
      while (!cal.isWorkingDayNumber(deadline, ["month"])) deadline++;
      notes = [deadline === due
        ? { zh: `${iso(due)} 为工作日`, en: `${iso(due)} is a working day` }
        : { zh: `${iso(due)} 为休息日，顺延至其后第一个工作日 ${iso(deadline)}`, en: `${iso(due)} is a rest day: moved to the first working day after it, ${iso(deadline)}` }];
    }
    const sources = cal.sourcesBetween(due, deadline);
    ctx.explainer.add({
      rule: `time-limit.${def.id}`,
      title,
      citations: sources.flatMap((s) => (s.document === null ? [] : [{ doc: s.document }])),
      inputs: { month: i.month },
      parameters: [param.used],
      result: { deadline: iso(deadline), nominalDeadline: iso(due) },
      notes: [...notes, { zh: `节假日安排：${sources.map((s) => s.notice).join("；")}`, en: `holiday schedules: ${sources.map((s) => s.notice).join("; ")}` }],
    });
    return finish(ctx, { limit: def.id, deadline: iso(deadline), nominalDeadline: iso(due), extended: deadline !== due });
  }

  // annual
  if (i.year === undefined) throw invalidInput(["year"], `"${def.id}" recurs yearly: give "year"`, `“${def.id}”按年发生，请提供 year`);
  const v = param.value as ParamValue<"timeLimit.rateNotice">;
  const dueDate = parseIsoDate(`${i.year}-${String(v.month).padStart(2, "0")}-${String(v.day).padStart(2, "0")}`, ["overrides", def.param]);
  ctx.requireInForce(formatIsoDate(dueDate), ["year"], { zh: "期限日", en: "due date" });
  const due = toDayNumber(dueDate);
  let deadline = due;
  const notes: Bilingual[] = [];
  if (v.holiday === "next-working-day") {
    const cal = calendar();
    while (!cal.isWorkingDayNumber(deadline, ["year"])) deadline++;
    notes.push(deadline === due
      ? { zh: `${iso(due)} 为工作日`, en: `${iso(due)} is a working day` }
      : { zh: `${iso(due)} 为休息日，顺延至 ${iso(deadline)}`, en: `${iso(due)} is a rest day: deferred to ${iso(deadline)}` });
  } else {
    notes.push({ zh: "来源未规定顺延", en: "the source provides no deferral" });
  }
  ctx.explainer.add({
    rule: `time-limit.${def.id}`,
    title,
    inputs: { year: i.year },
    parameters: [param.used],
    result: { deadline: iso(deadline), nominalDeadline: iso(due) },
    notes,
  });
  return finish(ctx, { limit: def.id, deadline: iso(deadline), nominalDeadline: iso(due), extended: deadline !== due });
}
