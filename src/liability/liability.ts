/**
 * Platform liability: who is the responsible platform, and which costs the platform bears instead of the fund,
 * over which dates.
 *
 * Encodes:
 * - the responsible platform (docs/decisions.md#C9; Qinghai 实施办法 第十八条第二款; Shanghai 规程 第二十八条), see
 *   {@link determineResponsiblePlatform};
 * - late filing (docs/decisions.md#C10; Qinghai 第十五条第一、三款; Shanghai 第二十一条第一款, 第二十二条): the platform
 *   applies within 30 days of the accident, a calendar-day period per 《民法典》第二百零一条、第二百零三条 (start
 *   excluded, a last day on a rest day moves to the next working day; src/calendar); when its application is not
 *   received in time, it bears the benefit costs from the accident date to the day an application (by anyone)
 *   was received, and the fund bears them from the next day; Shanghai: an extension agreed by the district
 *   bureau (第二十二条第一款) moves the period's end, never past the 1-year cap;
 * - the living guarantee and nursing during treatment (Qinghai 第二十四条第一款; Shanghai 第四十六条): the platform;
 * - benefits lost through unreported, concealed or late-reported information (Qinghai 第三十五条第二款), the
 *   service organisation's failures (Qinghai 第三十四条第三款), identity checks not done (Shanghai 第六十九条第二款):
 *   the platform.
 *
 * The result splits each cost item between the fund and the platform, with dates and citations.
 */
import { z } from "zod";
import { cite, renderCitation, type Citation } from "../core/citation.js";
import { addDays, compareDates, endOfMonth, formatIsoDate, parseIsoDate } from "../core/dates.js";
import { chinaDateString, parseInstant, type Instant } from "../core/datetime.js";
import { invalidInput } from "../core/errors.js";
import type { Json, UsedParameter } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { dateSchema } from "../core/validate.js";
import { computePeriod, periodStepSpec, type PeriodSpec } from "../calendar/periods.js";
import type { ParamName, RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import type { CheckCitation } from "../eligibility/checks.js";
import { platformNameOf, refuseInputsWithoutRule, type RuleSetOnlyInput } from "../eligibility/coverage.js";
import { dateTimeSchema, describeOrder, orderSchema, parseOrders, platformIdSchema, type ParsedOrder } from "../eligibility/orders.js";
import { ACTIVITIES } from "../core/vocabulary.js";
import { determineResponsiblePlatform, type LiabilityRule } from "./responsible-platform.js";

export const liabilityInputSchema = z.lazy(() => z.strictObject({
  /** When the accident happened; ISO 8601 with an offset. */
  accidentAt: dateTimeSchema(),
  activity: z.enum(ACTIVITIES),
  /** The worker's order records on the day (all platforms). */
  orders: z.array(orderSchema()).max(500).optional(),
  /** The route (路程) the accident happened on, when known: among several orders in progress only its orders count. */
  accidentRouteKey: z.string().min(1).max(200).optional(),
  /** On the way to a designated place: the platform that required it (a lowercase platform id, or `other`). */
  designatedBy: platformIdSchema().optional(),
  /** The day the platform's application was received; absent or null: the platform has not applied. */
  platformApplicationReceivedDate: dateSchema.nullable().optional(),
  /** The day the first application, by anyone (worker, relatives, union or platform), was received. */
  applicationReceivedDate: dateSchema.nullable().optional(),
  /**
   * Shanghai 规程第二十二条第一款: the day to which the district bureau agreed to extend the platform's period. Never
   * past the one-year work-injury application limit (rolled past rest days): `INVALID_INPUT`, with or without an
   * application date.
   */
  extensionAgreedUntil: dateSchema.optional(),
  /** The treatment period (治疗职业伤害期), for the living guarantee and nursing. */
  treatment: z
    .strictObject({
      startDate: dateSchema,
      endDate: dateSchema.optional(),
      assessmentConclusionDate: dateSchema.optional(),
    })
    .optional(),
  /** The worker cannot look after themself and needs nursing during treatment. */
  nursingNeededDuringTreatment: z.boolean().optional(),
  /** Through the platform's fault, information was not reported, concealed or reported late (漏报、瞒报、未按时限报送). */
  unreportedInformation: z.boolean().optional(),
  /** The platform's service organisation did not cooperate with the investigation, did not help get treatment, or shirked. */
  serviceOrganisationFailure: z.boolean().optional(),
  /** Shanghai 规程第六十九条: the identity check before registration was not done. */
  identityCheckNotDone: z.boolean().optional(),
}));
/** The input of {@link assessLiability} (JSON Schema: schemas/liability.json, `input`). */
export type LiabilityInput = z.input<typeof liabilityInputSchema>;
type Parsed = z.output<typeof liabilityInputSchema>;

/**
 * The cost items {@link assessLiability} assigns to the fund or the platform.
 *
 * @example
 * ```ts
 * COST_ITEMS.includes("benefit-costs"); // true
 * ```
 */
export const COST_ITEMS = [
  "benefit-costs", "living-guarantee", "nursing-during-treatment", "unreported-information",
  "service-organisation-failure", "identity-check-not-done",
] as const;
/** One of {@link COST_ITEMS}. */
export type CostItemId = (typeof COST_ITEMS)[number];

/** One cost item and who bears it over which dates (`until: null`: open-ended or not yet known). */
export interface CostItem {
  item: CostItemId;
  description: Bilingual;
  payer: "fund" | "platform";
  from: string | null;
  until: string | null;
  /** Id of the main citation, e.g. `qinghai-measures#art15.p3`. */
  citation: string;
  citations: CheckCitation[];
  notes: Bilingual[];
}

/** The responsible platform, whether it filed late, and who bears which costs over which dates. */
export interface Liability {
  /** The responsible platform's id (`other` for an unnamed platform), or null. */
  responsiblePlatform: string | null;
  /** The responsible platform's Chinese name: as the rule set's list writes it, else the catalogue's; null when neither names it. */
  responsiblePlatformName: string | null;
  rule: LiabilityRule | null;
  responsibleOrderId: string | null;
  ordersInProgress: string[];
  /** The last day of the platform's application period (null when no application date was given). */
  platformApplicationDeadline: string | null;
  /** The platform's application was not received in time; null when no application date was given. */
  lateFiling: boolean | null;
  /** First day of the benefit costs the platform bears for late filing (the accident date), else null. */
  platformBearsCostsFrom: string | null;
  /** Last day of those costs (the day an application was received), else null (applied in time, or unknown). */
  platformBearsCostsUntil: string | null;
  costs: CostItem[];
}

/** The parameters' articles first (the province's own rule), then the rule's further citations. */
function refineCitations(own: readonly Citation[], used: readonly UsedParameter[]): CheckCitation[] {
  const seen = new Set<string>();
  const out: CheckCitation[] = [];
  for (const c of [...used.flatMap((p) => p.citations), ...own.map((c) => renderCitation(c))]) {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      out.push({ id: c.id, zh: c.zh, en: c.en });
    }
  }
  return out;
}

const ITEM_TEXT: Record<CostItemId, Bilingual> = {
  "benefit-costs": { zh: "职业伤害保障待遇等费用", en: "occupational-injury benefits and related costs" },
  "living-guarantee": { zh: "治疗期生活保障费", en: "living guarantee during treatment" },
  "nursing-during-treatment": { zh: "治疗期内生活护理", en: "nursing during treatment" },
  "unreported-information": {
    zh: "因漏报、瞒报、未按时限报送信息致无法享受的待遇", en: "benefits lost through unreported, concealed or late-reported information",
  },
  "service-organisation-failure": {
    zh: "因平台服务机构不配合调查、不协助送医救治、推诿推脱致受损的权益", en: "rights harmed by the service organisation's failures",
  },
  "identity-check-not-done": {
    zh: "因未进行身份核验致受损的职业伤害保障权益", en: "protection rights harmed because no identity check was done",
  },
};

/** The liability inputs that only some rule sets have a rule for (Shanghai's). */
const RULE_SET_ONLY_INPUTS: ReadonlyArray<RuleSetOnlyInput<keyof Parsed>> = [
  { field: "identityCheckNotDone", param: "liability.identityCheckNotDonePayer", what: { zh: "未进行身份核验的责任", en: "liability for identity checks not done" } },
  { field: "extensionAgreedUntil", param: "timeLimit.applicationExtensionCap", what: { zh: "申请期限的延长", en: "extending the application period" } },
];

/** What the input gives once checked, before any rule reads the rule set: the accident, its China date, the orders. */
interface Prepared {
  readonly at: Instant;
  readonly accidentDate: string;
  readonly orders: ParsedOrder[];
}

/**
 * Checks the input as far as it can be without a rule-set version, in the order the errors are reported: the
 * accident time, the orders, inputs no version defines, dates before the accident, the treatment's dates.
 */
function prepare(i: Parsed, ctx: RuleContext): Prepared {
  const at = parseInstant(i.accidentAt, ["accidentAt"]);
  const accidentDate = chinaDateString(at);
  const accident = parseIsoDate(accidentDate, ["accidentAt"]);
  const orders = parseOrders(i.orders ?? [], null, ["orders"]);
  refuseInputsWithoutRule(ctx, RULE_SET_ONLY_INPUTS, i, false);
  for (const f of ["platformApplicationReceivedDate", "applicationReceivedDate", "extensionAgreedUntil"] as const) {
    const v = i[f];
    if (v !== undefined && v !== null && compareDates(parseIsoDate(v, [f]), accident) < 0) {
      throw invalidInput([f], `${f} is before the accident date ${accidentDate}`, `${f} 早于事故发生日期 ${accidentDate}`);
    }
  }
  const t = i.treatment;
  if (t !== undefined) {
    const start = parseIsoDate(t.startDate, ["treatment", "startDate"]);
    if (compareDates(start, accident) < 0) {
      throw invalidInput(["treatment", "startDate"], "the treatment starts before the accident", "治疗开始日期早于事故发生日期");
    }
    for (const f of ["endDate", "assessmentConclusionDate"] as const) {
      const v = t[f];
      if (v !== undefined && compareDates(parseIsoDate(v, ["treatment", f]), start) < 0) {
        throw invalidInput(["treatment", f], `treatment.${f} is before the treatment starts`, `treatment.${f} 早于治疗开始日期`);
      }
    }
  }
  return { at, accidentDate, orders };
}

/**
 * Names the responsible platform and splits the costs between the fund and the platform.
 *
 * The case date is the accident date in China Standard Time (the date of `accidentAt` in Beijing): it chooses the
 * rule-set version. Throws `RULE_NOT_IN_FORCE` before the province's start, `CALENDAR_NOT_COVERED` when the
 * application period ends in a year without a holiday calendar (pass it in `options.calendars`), `INVALID_INPUT`
 * for malformed or contradictory input, `RULE_NOT_DEFINED` for `identityCheckNotDone` or `extensionAgreedUntil`
 * where the rule set has no rule for them (outside Shanghai).
 *
 * @example
 * ```ts
 * // Qinghai: accident 2026-09-03 on a Meituan order; the platform applies on 2026-10-20, after its period
 * // (30 days end on 2026-10-03, in the National Day holiday → 2026-10-08); the worker applied on 2026-10-12.
 * const r = assessLiability("qinghai", {
 *   accidentAt: "2026-09-03T19:20:00+08:00", activity: "on-order",
 *   orders: [{ platform: "meituan", orderId: "M1", acceptedAt: "2026-09-03T19:00:00+08:00", completedAt: null, routeKey: "r1" }],
 *   platformApplicationReceivedDate: "2026-10-20", applicationReceivedDate: "2026-10-12",
 * });
 * r.value.responsiblePlatform;      // "meituan"
 * r.value.platformBearsCostsFrom;   // "2026-09-03"
 * r.value.platformBearsCostsUntil;  // "2026-10-12"
 * ```
 */
export const assessLiability: RuleFunction<LiabilityInput, Liability> = defineRule({
  kind: "liability",
  title: { zh: "平台责任（责任平台、逾期申请等费用承担）", en: "platform liability (responsible platform, costs borne)" },
  functionName: "assessLiability",
  input: liabilityInputSchema,
  // The accident date in China Standard Time; the input is checked first, so its errors come before the date's.
  prepare,
  caseDate: (_i, _ctx, p) => ({
    date: p.accidentDate,
    path: ["accidentAt"],
    label: { zh: "事故发生日期（北京时间）", en: "accident date (China Standard Time)" },
  }),
  compute: liability,
});

function liability(ctx: RuleContext, i: Parsed, { at, accidentDate, orders }: Prepared): Liability {
  refuseInputsWithoutRule(ctx, RULE_SET_ONLY_INPUTS, i, true);
  const t = i.treatment;
  const calendars = ctx.options.calendars;

  // ── Responsible platform (C9) ─────────────────────────────────────────────────────────────────────────
  const multiple = ctx.param("liability.multiplePlatformsRule");
  const rp = determineResponsiblePlatform(at, i.activity, orders, {
    accidentRouteKey: i.accidentRouteKey, designatedBy: i.designatedBy,
  });
  ctx.explainer.add({
    rule: "liability.responsible-platform",
    title: { zh: "承担平台责任的平台企业", en: "the responsible platform" },
    citations: [cite("zhishang-decisions", { decision: "C9" })],
    inputs: {
      accidentAt: i.accidentAt,
      activity: i.activity,
      orders: orders.map(describeOrder),
      accidentRouteKey: i.accidentRouteKey ?? null,
      designatedBy: i.designatedBy ?? null,
    },
    parameters: [multiple.used],
    result: { responsiblePlatform: rp.platform, rule: rp.rule, orderId: rp.orderId, ordersInProgress: [...rp.ordersInProgress] },
    notes: [rp.reason, ...rp.notes],
  });

  // ── Late filing (C10) ─────────────────────────────────────────────────────────────────────────────────
  const platformApplied = i.platformApplicationReceivedDate ?? null;
  const anyApplied = i.applicationReceivedDate ?? null;
  let deadline: string | null = null;
  let lateFiling: boolean | null = null;
  let bearsFrom: string | null = null;
  let bearsUntil: string | null = null;
  const lateParam = ctx.param("liability.lateFilingCostsPayer");
  const lateCitations: Citation[] = [cite("zhishang-decisions", { decision: "C10" })];
  // An agreed extension may not run past the work-injury application limit (Shanghai): checked whether or not an
  // application date is given, so an impossible extension is refused rather than ignored.
  let extension: { until: string; capEnd: string; capUsed: UsedParameter } | null = null;
  if (i.extensionAgreedUntil !== undefined) {
    const until = i.extensionAgreedUntil;
    const cap = ctx.param("timeLimit.applicationExtensionCap");
    // The cap's nominal end needs no calendar; only an extension reaching past it asks for the rest-day rule.
    const capOptions = (restDayExtension: boolean) => ({
      restDayExtension,
      path: ["accidentAt"],
      explain: false, // only the deadline is read
      ...(calendars === undefined ? {} : { calendars }),
    });
    const nominalCap = computePeriod(accidentDate, cap.value as PeriodSpec, capOptions(false)).deadline;
    const capEnd = until <= nominalCap ? nominalCap : computePeriod(accidentDate, cap.value as PeriodSpec, capOptions(true)).deadline;
    if (until > capEnd) {
      throw invalidInput(["extensionAgreedUntil"], `an extension cannot run past ${capEnd} (the work-injury application limit)`,
        `延长后的期限不得超过 ${capEnd}（工伤认定申请期限）`);
    }
    extension = { until, capEnd, capUsed: cap.used };
  }
  if (platformApplied !== null || anyApplied !== null) {
    const limit = ctx.param("timeLimit.platformApplication");
    const period = computePeriod(accidentDate, limit.value as PeriodSpec, {
      restDayExtension: true,
      path: ["accidentAt"],
      explain: ctx.explainer.enabled,
      ...(calendars === undefined ? {} : { calendars }),
    });
    ctx.explainer.addLazily([limit.used], () => periodStepSpec(period, "liability.platform-application-period",
      { zh: "平台企业提出待遇给付申请的期限", en: "the platform's application period" },
      { inputs: { accidentDate } }));
    deadline = period.deadline;
    if (extension !== null && extension.until > deadline) {
      ctx.explainer.add({
        rule: "liability.application-period-extended",
        title: { zh: "经同意延长申请期限", en: "application period extended by agreement" },
        inputs: { extensionAgreedUntil: extension.until },
        parameters: [extension.capUsed],
        result: extension.until,
        notes: [{ zh: `原期限 ${deadline}，延长至 ${extension.until}（不超过 ${extension.capEnd}）`, en: `period ${deadline} extended to ${extension.until} (cap ${extension.capEnd})` }],
      });
      deadline = extension.until;
    }
    lateFiling = platformApplied === null || platformApplied > deadline;
    if (lateFiling) {
      bearsFrom = accidentDate;
      bearsUntil = [platformApplied, anyApplied].filter((d): d is string => d !== null).sort()[0] as string;
    }
    ctx.explainer.add({
      rule: "liability.late-filing",
      title: { zh: "平台企业逾期申请的费用承担", en: "costs borne by the platform for a late application" },
      citations: lateCitations,
      inputs: { accidentDate, platformApplicationDeadline: deadline, platformApplicationReceivedDate: platformApplied, applicationReceivedDate: anyApplied },
      parameters: [lateParam.used],
      result: { lateFiling, platformBearsCostsFrom: bearsFrom, platformBearsCostsUntil: bearsUntil },
      notes: [
        lateFiling
          ? {
            zh: platformApplied === null
              ? `平台企业未提出申请；自事故伤害发生之日 ${accidentDate} 起至收到申请之日 ${bearsUntil ?? ""} 止的待遇等费用由平台企业承担`
              : `平台企业申请于 ${platformApplied} 收到，晚于期限 ${deadline}；自 ${accidentDate} 起至收到申请之日 ${bearsUntil ?? ""} 止的待遇等费用由平台企业承担`,
            en: platformApplied === null
              ? `the platform did not apply; it bears the benefit costs from the accident date ${accidentDate} to the day an application was received, ${bearsUntil ?? ""}`
              : `the platform's application was received on ${platformApplied}, after ${deadline}; it bears the benefit costs from ${accidentDate} to the day an application was received, ${bearsUntil ?? ""}`,
          }
          : { zh: `平台企业申请于 ${platformApplied ?? ""} 收到，未超过期限 ${deadline}`, en: `the platform's application was received on ${platformApplied ?? ""}, within the period ending ${deadline}` },
        // How the rule set reads the costs "arising in this period" (Shanghai 规程第二十二条第二款), where it says.
        ...ctx.text("liability.late-filing").notes,
      ],
    });
  } else {
    ctx.explainer.add({
      rule: "liability.late-filing",
      title: { zh: "平台企业逾期申请的费用承担", en: "costs borne by the platform for a late application" },
      citations: lateCitations,
      inputs: { platformApplicationReceivedDate: null, applicationReceivedDate: null },
      parameters: [lateParam.used],
      result: { lateFiling: null },
      notes: [{ zh: "未提供申请收到日期，无法判断是否逾期", en: "no application date given: lateness cannot be decided" }],
    });
  }

  // ── Cost split ────────────────────────────────────────────────────────────────────────────────────────
  const costs: CostItem[] = [];
  const addCost = (c: Omit<CostItem, "description" | "citation" | "citations"> & { own: Citation[]; used: UsedParameter[] }) => {
    const citations = refineCitations(c.own, c.used);
    const item: CostItem = {
      item: c.item, description: ITEM_TEXT[c.item], payer: c.payer, from: c.from, until: c.until,
      citation: citations[0]?.id ?? "", citations, notes: c.notes,
    };
    costs.push(item);
    ctx.explainer.add({
      rule: `liability.cost.${c.item}`,
      title: { zh: `费用承担：${ITEM_TEXT[c.item].zh}`, en: `cost: ${ITEM_TEXT[c.item].en}` },
      citations: c.own,
      parameters: c.used,
      result: { payer: c.payer, from: c.from, until: c.until } as { [k: string]: Json },
      notes: c.notes,
    });
  };

  if (lateFiling !== null) {
    const fund = ctx.param("liability.benefitCostsPayer");
    if (lateFiling && bearsUntil !== null) {
      addCost({
        item: "benefit-costs", payer: lateParam.value, from: bearsFrom, until: bearsUntil, own: lateCitations, used: [lateParam.used],
        notes: [{ zh: "逾期申请：自事故伤害发生之日起至收到申请之日止", en: "late application: from the accident to the day an application was received" }],
      });
      addCost({
        item: "benefit-costs", payer: fund.value, from: formatIsoDate(addDays(parseIsoDate(bearsUntil, []), 1)), until: null,
        own: [], used: [fund.used], notes: [{ zh: "收到申请次日起由基金列支", en: "from the day after the application was received, the fund" }],
      });
    } else {
      addCost({
        item: "benefit-costs", payer: fund.value, from: accidentDate, until: null, own: [], used: [fund.used],
        notes: [{ zh: "平台企业按时申请：待遇由基金列支", en: "the platform applied in time: the fund bears the benefits" }],
      });
    }
  }

  if (t !== undefined) {
    const payer = ctx.param("livingGuarantee.payer");
    let until: string | null = t.endDate ?? null;
    const notes: Bilingual[] = [];
    if (t.assessmentConclusionDate !== undefined) {
      const monthEnd = formatIsoDate(endOfMonth(parseIsoDate(t.assessmentConclusionDate, ["treatment", "assessmentConclusionDate"])));
      if (until === null || monthEnd < until) {
        until = monthEnd;
        notes.push({ zh: "劳动能力鉴定结论作出次月起不再享受", en: "not paid from the month after the assessment conclusion" });
      }
    }
    if (until === null) notes.push({ zh: "至治疗职业伤害期结束", en: "until the treatment period ends" });
    addCost({
      item: "living-guarantee", payer: payer.value, from: t.startDate, until,
      own: [cite("zhishang-decisions", { decision: "C7" })], used: [payer.used], notes,
    });
  }

  if (i.nursingNeededDuringTreatment === true) {
    const payer = ctx.param("liability.nursingDuringTreatmentPayer");
    addCost({
      item: "nursing-during-treatment", payer: "platform", from: t?.startDate ?? accidentDate, until: t?.endDate ?? null,
      own: [], used: [payer.used],
      notes: payer.value === "platform-or-service-organisation"
        ? [{ zh: "由所在平台企业或者平台服务机构负责承担", en: "borne by the platform or its service organisation" }]
        : [],
    });
  }

  const flagItem = (flag: boolean | undefined, item: CostItemId, name: ParamName) => {
    if (flag !== true) return;
    const p = ctx.param(name);
    addCost({
      item, payer: "platform", from: accidentDate, until: null, own: [], used: [p.used],
      notes: [{ zh: "平台企业承担相应待遇支付责任", en: "the platform bears the corresponding benefits" }],
    });
  };
  flagItem(i.unreportedInformation, "unreported-information", "liability.unreportedInformationPayer");
  flagItem(i.serviceOrganisationFailure, "service-organisation-failure", "liability.serviceOrganisationFailurePayer");
  flagItem(i.identityCheckNotDone, "identity-check-not-done", "liability.identityCheckNotDonePayer");

  return {
    responsiblePlatform: rp.platform,
    responsiblePlatformName: rp.platform === null ? null : platformNameOf(ctx, rp.platform, accidentDate),
    rule: rp.rule,
    responsibleOrderId: rp.orderId,
    ordersInProgress: [...rp.ordersInProgress],
    platformApplicationDeadline: deadline,
    lateFiling,
    platformBearsCostsFrom: bearsFrom,
    platformBearsCostsUntil: bearsUntil,
    costs,
  };
}
