/**
 * Eligibility (职业伤害确认): is an injury an occupational injury under the province's rules, which situation,
 * which exclusion, which benefits are excluded — with every rule checked, passed or failed, and its citation.
 *
 * Encodes:
 * - coverage: the start date (`RULE_NOT_IN_FORCE` before it); the industries and the dated list of pilot
 *   platforms (Qinghai notice 一 and 实施办法 第二条; Shanghai 规程 第三条; Guangxi 二（一）, with all platforms of
 *   the three industries from 2026 and other industries explored from 2027; Inner Mongolia 二; Zhejiang 二（一）);
 *   the order's place of acceptance (Qinghai 第二条, 第十四条); Shanghai's cover from the month the premium is
 *   paid (规程第四十三条); Zhejiang's hand-over from 单项工伤保险 (二（七）: cover until 2025-06-30); no claim for
 *   an accident already under a work-injury claim (Qinghai 第十八条第一款);
 * - the six situations (Qinghai 第十一条第一款 (一)–(六); Shanghai 规程 第十九条, 第二十四条, 第四十二条), with
 *   "执行平台订单任务期间" = from acceptance to completion (第十一条第三款) checked against order times when given,
 *   the way to a designated place and the way home only for traffic / rail / ferry / train accidents not mainly
 *   the worker's fault, sudden illness only with death at once or within 48 hours, and the veteran's relapse
 *   without the one-time disability subsidy (第十一条第二款; Shanghai 第四十二条);
 * - the three exclusions (Qinghai 第十二条: its "符合第十二条的规定" is a slip for 第十一条; 《工伤保险条例》
 *   第十六条), applied to every situation.
 */
import { z } from "zod";
import { chinaDateString, hoursBetween, parseInstant, type Instant } from "../core/datetime.js";
import { invalidInput, ZhishangError } from "../core/errors.js";
import type { ComputeOptions, Json, UsedParameter } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { parseInput } from "../core/validate.js";
import { finish, RuleContext, type Computation, type ProvinceId } from "../provinces/index.js";
import { CheckRecorder, checksToJson, withBase, type CheckOutcome, type RuleCheck } from "./checks.js";
import { exclusionCitations, orderTaskCitations, situationCitations } from "./citations.js";
import {
  completedBefore, dateTimeSchema, describeOrder, eligibilityOrderSchema, inProgressAt, parseOrders, type ParsedOrder,
} from "./orders.js";
import {
  ACTIVITIES, EVENTS, EXCLUSIONS, INDUSTRY_NAMES, INDUSTRY_VALUES, PILOT_INDUSTRIES, PLATFORM_VALUES, PLATFORMS, SITUATIONS,
  type Activity, type Exclusion, type IndustryValue, type InjuryEvent, type PilotIndustry, type PlatformValue, type Situation,
} from "../core/vocabulary.js";

/**
 * Zhejiang 二（七）: the exceptions that keep a worker's 单项工伤保险 relation open after 2025-06-30 (the input
 * `singleWorkInjuryInsurance.exception`; Zhejiang only).
 *
 * @example
 * ```ts
 * SINGLE_INSURANCE_EXCEPTIONS.includes("recognition-pending"); // true
 * assessEligibility("qinghai", { accidentAt: "2026-08-03T12:10:00+08:00", platform: "meituan", activity: "on-order",
 *   event: "traffic-accident", singleWorkInjuryInsurance: { insured: true, exception: "recognition-pending" } }); // throws RULE_NOT_DEFINED
 * ```
 */
export const SINGLE_INSURANCE_EXCEPTIONS = [
  "assessed-grade-1-to-4", "recognition-pending", "suspended-pay-period", "assessment-pending",
] as const;
/** One of {@link SINGLE_INSURANCE_EXCEPTIONS}. */
export type SingleInsuranceException = (typeof SINGLE_INSURANCE_EXCEPTIONS)[number];

/** One message for every malformed `hoursFromOnsetToDeath`, whichever form (number or string) was given. */
const HOURS = "expected hours from 0 to 1000000, as a number or a decimal string (at most 6 decimals)";

export const eligibilityInputSchema = z.lazy(() => z.strictObject({
  /** When the accident happened (for sudden illness: its onset); ISO 8601 with an offset. */
  accidentAt: dateTimeSchema,
  /** The platform whose cover is checked (SCENARIOS.md ids), or `other`. */
  platform: z.enum(PLATFORM_VALUES),
  /** The industry of the work; defaults to the platform's industry in the catalogue (required for `other`). */
  industry: z.enum(INDUSTRY_VALUES).optional(),
  activity: z.enum(ACTIVITIES),
  event: z.enum(EVENTS),
  /** Traffic / rail accident on the way: the worker bore the main responsibility (required for those cases). */
  ownPrimaryResponsibility: z.boolean().optional(),
  /** Sudden illness: hours from onset to death (at most 48 for the situation). */
  hoursFromOnsetToDeath: z
    .union([
      z.number().min(0, { error: HOURS }).max(1_000_000, { error: HOURS }),
      z.string().max(20, { error: HOURS }).regex(/^(0|[1-9]\d{0,6})(\.\d{1,6})?$/, { error: HOURS }).transform(Number)
        .pipe(z.number().max(1_000_000, { error: HOURS })),
    ], { error: HOURS })
    .optional(),
  /** Sudden illness: the worker died. Without hours or `deathAt`, read as death at once (突发疾病死亡). */
  died: z.boolean().optional(),
  /** Sudden illness: when the worker died (instead of `hoursFromOnsetToDeath`; onset = `accidentAt`). */
  deathAt: dateTimeSchema.optional(),
  /** Holds a 残疾军人证 (disabled serviceman's certificate) for a wound from war or duty. */
  veteranDisabilityCertificate: z.boolean().optional(),
  intentionalCrime: z.boolean().optional(),
  intoxicated: z.boolean().optional(),
  drugUse: z.boolean().optional(),
  /** Self-harm or suicide (自残或者自杀). */
  selfHarm: z.boolean().optional(),
  /** A work-injury recognition (工伤认定) has been applied for this accident. */
  workInjuryClaimFiled: z.boolean().optional(),
  /** A law or administrative regulation makes this case an occupational injury (第十一条第一款第（六）项). */
  statutoryOtherCase: z.boolean().optional(),
  /** The caller states the platform takes part in the province's pilot (for a platform not on the bundled list). */
  platformInPilot: z.boolean().optional(),
  /** The order was accepted in this province (default true); false: another province's case. */
  orderAcceptedInProvince: z.boolean().optional(),
  /** Item (一): the injury arose from performing the platform's service (default true; Shanghai 第十九条第一款). */
  performingPlatformService: z.boolean().optional(),
  /** The way to a designated place: the platform that required it (informational; the cover checked is `platform`'s). */
  designatedBy: z.enum(PLATFORM_VALUES).optional(),
  /** The way home: on a reasonable route (default true). */
  reasonableRoute: z.boolean().optional(),
  /** Order records (accepted / completed times) to check "during the order task" and "after the orders". */
  orders: z.array(eligibilityOrderSchema).max(500).optional(),
  /** Shanghai 规程第四十三条: the month (`YYYY-MM`) the platform paid the premium; cover runs from that month. */
  premiumPaidMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM").optional(),
  /** Zhejiang 二（七）: the worker's 单项工伤保险 (special-persons work-injury insurance) before the pilot. */
  singleWorkInjuryInsurance: z
    .strictObject({ insured: z.boolean(), exception: z.enum(SINGLE_INSURANCE_EXCEPTIONS).optional() })
    .optional(),
}));
/** The input of {@link assessEligibility} (JSON Schema: schemas/eligibility.json, `input`). */
export type EligibilityInput = z.input<typeof eligibilityInputSchema>;

/** Whether an injury is confirmed as an occupational injury, on which situation, and every rule checked. */
export interface EligibilityResult {
  /** The injury is confirmed as an occupational injury: covered, a situation met, no exclusion. */
  recognized: boolean;
  /** The first situation the facts meet (item order), even when coverage or an exclusion refuses the case. */
  situation: Situation | null;
  /** The first exclusion that applies (item order), or null. */
  exclusion: Exclusion | null;
  /** Every exclusion that applies. */
  exclusions: Exclusion[];
  /** Benefit output fields not payable in a recognised case (the veteran's one-time disability subsidy). */
  excludedBenefits: string[];
  /** Every coverage check passed (in force, industry, platform, place, premium month, hand-over, no double claim). */
  covered: boolean;
  /** The platform's name as the province's list writes it, else the catalogue's. */
  platformName: string | null;
  industry: IndustryValue;
  /** Rule ids of the checks that failed. */
  failedChecks: string[];
  /** Every rule checked, in order, with its outcome, reason and citations. */
  checks: RuleCheck[];
}

const ON_TASK_EVENTS: readonly InjuryEvent[] = ["accident", "violence", "missing", "traffic-accident", "rail-ferry-train-accident"];
const WAY_EVENTS: readonly InjuryEvent[] = ["traffic-accident", "rail-ferry-train-accident"];

const SITUATION_TITLES: Record<Situation, Bilingual> = {
  "on-task-injury": {
    zh: "执行平台订单任务期间因履行平台服务内容受到事故伤害、暴力等意外伤害或者发生事故下落不明",
    en: "injured by an accident or violence, or missing after an accident, while performing an order task",
  },
  commute: {
    zh: "前往指定场所或执行订单任务后返回日常居所途中，受到非本人主要责任的交通事故或者城市轨道交通、客运轮渡、火车事故伤害",
    en: "on the way to a designated place or home after orders, injured in a traffic / rail / ferry / train accident not mainly the worker's fault",
  },
  "sudden-death": {
    zh: "执行平台订单任务期间突发疾病死亡或者在48小时之内经抢救无效死亡",
    en: "sudden illness during an order task with death at once or within 48 hours",
  },
  "public-interest": {
    zh: "在抢险救灾等维护国家利益、公共利益活动中受到伤害",
    en: "injured in disaster relief or other activities in the national or public interest",
  },
  "veteran-relapse": {
    zh: "持《残疾军人证》的退役军人在平台就业期间旧伤复发",
    en: "a disabled veteran's old war or duty injury relapses during platform work",
  },
  "statutory-other": {
    zh: "法律、行政法规规定应当确认为职业伤害的其他情形",
    en: "other cases that laws or administrative regulations make occupational injuries",
  },
};

const EXCLUSION_TITLES: Record<Exclusion, Bilingual> = {
  "intentional-crime": { zh: "故意犯罪", en: "intentional crime" },
  "intoxication-or-drugs": { zh: "醉酒或者吸毒", en: "drunkenness or drug use" },
  "self-harm": { zh: "自残或者自杀", en: "self-harm or suicide" },
};

function notDefinedFor(ctx: RuleContext, field: string, what: Bilingual): ZhishangError {
  return new ZhishangError(
    "RULE_NOT_DEFINED",
    {
      en: `${ctx.ruleSet.name.en}'s sources define no rule on ${what.en}; "${field}" applies to another province`,
      zh: `${ctx.ruleSet.name.zh}的来源文件未规定${what.zh}，“${field}”适用于其他省份`,
    },
    [field],
  );
}

const yesNo = (b: boolean | undefined): Json => (b === undefined ? null : b);

/**
 * Decides whether an injury is an occupational injury under `province`'s rules, and lists every rule checked.
 *
 * Throws `RULE_NOT_IN_FORCE` for an accident (China Standard Time date) before the province's start,
 * `INVALID_INPUT` for malformed or contradictory input, `RULE_NOT_DEFINED` for a province-only input used
 * elsewhere (`premiumPaidMonth` outside Shanghai, `singleWorkInjuryInsurance` outside Zhejiang).
 *
 * @example
 * ```ts
 * // Qinghai: a Meituan rider hit by a car while delivering — situation (一), no exclusion.
 * const r = assessEligibility("qinghai", {
 *   accidentAt: "2026-08-03T12:10:00+08:00", platform: "meituan", activity: "on-order", event: "traffic-accident",
 *   orders: [{ acceptedAt: "2026-08-03T11:50:00+08:00", completedAt: "2026-08-03T12:30:00+08:00" }],
 * });
 * r.value.recognized; // true
 * r.value.situation;  // "on-task-injury"
 * // The same facts, drunk: 第十二条第（二）项.
 * assessEligibility("qinghai", { accidentAt: "2026-08-03T12:10:00+08:00", platform: "meituan",
 *   activity: "on-order", event: "traffic-accident", intoxicated: true }).value.exclusion; // "intoxication-or-drugs"
 * ```
 */
export function assessEligibility(
  province: ProvinceId,
  input: EligibilityInput,
  options?: ComputeOptions,
): Computation<EligibilityResult> {
  const ctx = RuleContext.create(province, options);
  const i = parseInput(eligibilityInputSchema, input);
  const accidentAt = parseInstant(i.accidentAt, ["accidentAt"]);
  const accidentDate = chinaDateString(accidentAt);
  if (i.premiumPaidMonth !== undefined && !ctx.has("coverage.fromPremiumPaidMonth")) {
    throw notDefinedFor(ctx, "premiumPaidMonth", { zh: "自缴费当月起享受待遇", en: "cover from the month the premium is paid" });
  }
  if (i.singleWorkInjuryInsurance !== undefined && !ctx.has("coverage.singleWorkInjuryInsuranceUntil")) {
    throw notDefinedFor(ctx, "singleWorkInjuryInsurance", { zh: "与单项工伤保险的衔接", en: "the hand-over from 单项工伤保险" });
  }
  const orders = i.orders === undefined ? null : parseOrders(i.orders, i.platform, ["orders"]);
  const death = deathHours(i, accidentAt);
  const industry = resolveIndustry(i.platform, i.industry);
  const rec = new CheckRecorder(ctx);

  // ── Coverage ──────────────────────────────────────────────────────────────────────────────────────────
  ctx.requireInForce(accidentDate, ["accidentAt"], { zh: "事故发生日期（北京时间）", en: "accident date (China Standard Time)" });
  const inForce = ctx.param("coverage.inForceFrom");
  rec.record({
    rule: "coverage.in-force",
    title: { zh: "规定已施行", en: "rules in force on the accident date" },
    outcome: "pass",
    reason: { zh: `事故日期 ${accidentDate} 不早于施行日期 ${inForce.value}`, en: `accident date ${accidentDate} is on or after ${inForce.value}` },
    parameters: [inForce.used],
    stepAlreadyAdded: true,
  });
  checkIndustry(ctx, rec, i, industry, accidentDate);
  const platformName = checkPlatform(ctx, rec, i, industry, accidentDate);
  checkPlaceOfAcceptance(ctx, rec, i);
  checkPremiumMonth(ctx, rec, i, accidentDate);
  checkSingleInsuranceHandOver(ctx, rec, i, accidentDate);
  checkNoDoubleClaim(ctx, rec, i);
  const covered = !rec.checks.some((c) => c.outcome === "fail");

  // ── Situations (第十一条) ─────────────────────────────────────────────────────────────────────────────
  const orderTask = checkOrderTaskPeriod(ctx, rec, i, accidentAt, orders);
  const listed = ctx.param("eligibility.situations");
  const facts = { activity: i.activity, event: i.event };
  const situationOutcome = (s: Situation, outcome: CheckOutcome, reason: Bilingual, inputs: Record<string, Json> = {}) => {
    const enabled = listed.value.includes(s);
    rec.record({
      rule: `eligibility.situation.${s}`,
      title: SITUATION_TITLES[s],
      outcome: enabled ? outcome : "not-applicable",
      reason: enabled ? reason : { zh: "本省规则未列此情形", en: "the province's rules do not list this situation" },
      citations: situationCitations(province, s),
      parameters: [listed.used],
      inputs: Object.assign({}, facts, inputs), // not a spread: V8 (Node 20) is slow on `{ ...a, ...b }`
    });
  };
  situationOutcome("on-task-injury", ...onTaskInjury(i, orderTask), {
    performingPlatformService: yesNo(i.performingPlatformService),
  });
  situationOutcome("commute", ...commute(i, accidentAt, orders), {
    ownPrimaryResponsibility: yesNo(i.ownPrimaryResponsibility),
    reasonableRoute: yesNo(i.reasonableRoute),
    orders: orders === null ? null : orders.map(describeOrder),
  });
  const maxHours = i.event === "sudden-illness" ? ctx.param("eligibility.suddenDeathMaxHours") : null;
  const [sdOutcome, sdReason] = suddenDeath(i, orderTask, death, maxHours?.value ?? 48);
  rec.record({
    rule: "eligibility.situation.sudden-death",
    title: SITUATION_TITLES["sudden-death"],
    outcome: listed.value.includes("sudden-death") ? sdOutcome : "not-applicable",
    reason: listed.value.includes("sudden-death") ? sdReason : { zh: "本省规则未列此情形", en: "the province's rules do not list this situation" },
    citations: situationCitations(province, "sudden-death"),
    parameters: maxHours === null ? [listed.used] : [listed.used, maxHours.used],
    inputs: Object.assign({}, facts, { died: yesNo(i.died), hoursFromOnsetToDeath: death.hours, deathAt: i.deathAt ?? null }),
    ...(death.note === null ? {} : { notes: [death.note] }),
  });
  situationOutcome("public-interest", ...publicInterest(i));
  situationOutcome("veteran-relapse", ...veteranRelapse(i), { veteranDisabilityCertificate: yesNo(i.veteranDisabilityCertificate) });
  situationOutcome("statutory-other", ...statutoryOther(i), { statutoryOtherCase: yesNo(i.statutoryOtherCase) });
  const situation = SITUATIONS.find((s) => rec.outcomeOf(`eligibility.situation.${s}`) === "pass") ?? null;
  rec.record({
    rule: "eligibility.situation-met",
    title: { zh: "符合应当确认为职业伤害的情形之一", en: "one of the recognised situations is met" },
    outcome: situation === null ? "fail" : "pass",
    reason: situation === null
      ? { zh: "事实不符合任何一种应当确认为职业伤害的情形", en: "the facts meet none of the recognised situations" }
      : { zh: `符合情形：${SITUATION_TITLES[situation].zh}`, en: `situation met: ${SITUATION_TITLES[situation].en}` },
    citations: situation === null ? [] : situationCitations(province, situation),
    parameters: [listed.used],
    inputs: facts,
  });

  // ── Exclusions (第十二条) ─────────────────────────────────────────────────────────────────────────────
  const exclusionsParam = ctx.param("eligibility.exclusions");
  const present: Record<Exclusion, boolean> = {
    "intentional-crime": i.intentionalCrime === true,
    "intoxication-or-drugs": i.intoxicated === true || i.drugUse === true,
    "self-harm": i.selfHarm === true,
  };
  const exclusions: Exclusion[] = [];
  for (const x of EXCLUSIONS) {
    const enabled = exclusionsParam.value.includes(x);
    const applies = enabled && present[x];
    if (applies) exclusions.push(x);
    rec.record({
      rule: `eligibility.exclusion.${x}`,
      title: { zh: `排除情形：${EXCLUSION_TITLES[x].zh}`, en: `exclusion: ${EXCLUSION_TITLES[x].en}` },
      outcome: !enabled ? "not-applicable" : applies ? "fail" : "pass",
      reason: !enabled
        ? { zh: "本省规则未列此排除情形", en: "the province's rules do not list this exclusion" }
        : applies
          ? { zh: `因${EXCLUSION_TITLES[x].zh}导致伤亡的，不得确认为职业伤害（适用于各种情形）`, en: `an injury or death caused by ${EXCLUSION_TITLES[x].en} is not an occupational injury (applied to every situation)` }
          : { zh: `不存在${EXCLUSION_TITLES[x].zh}`, en: `no ${EXCLUSION_TITLES[x].en}` },
      citations: exclusionCitations(province, x),
      parameters: [exclusionsParam.used],
      inputs: x === "intoxication-or-drugs"
        ? { intoxicated: yesNo(i.intoxicated), drugUse: yesNo(i.drugUse) }
        : x === "intentional-crime" ? { intentionalCrime: yesNo(i.intentionalCrime) } : { selfHarm: yesNo(i.selfHarm) },
    });
  }

  // ── Decision ──────────────────────────────────────────────────────────────────────────────────────────
  const recognized = covered && situation !== null && exclusions.length === 0;
  const params: UsedParameter[] = [];
  let excludedBenefits: string[] = [];
  if (recognized && situation === "veteran-relapse") {
    const excluded = ctx.param("veteran.excludedBenefits");
    excludedBenefits = [...excluded.value];
    params.push(excluded.used);
  }
  const failedChecks = rec.checks.filter((c) => c.outcome === "fail").map((c) => c.rule);
  ctx.explainer.add({
    rule: "eligibility.decision",
    title: { zh: "职业伤害确认结论", en: "occupational-injury decision" },
    citations: situation === null ? [] : situationCitations(province, situation),
    inputs: { covered, situation, exclusions },
    parameters: params,
    result: { recognized, situation, exclusion: exclusions[0] ?? null, excludedBenefits },
    notes: [
      recognized
        ? { zh: "应当确认为职业伤害", en: "recognised as an occupational injury" }
        : { zh: `不予确认；未通过：${failedChecks.join("、")}`, en: `not recognised; failed: ${failedChecks.join(", ")}` },
      ...(excludedBenefits.length > 0
        ? [{ zh: "享受除一次性伤残补助金以外的职业伤害保障待遇", en: "every benefit except the one-time disability subsidy" }]
        : []),
    ],
  });
  return finish(ctx, {
    recognized,
    situation,
    exclusion: exclusions[0] ?? null,
    exclusions,
    excludedBenefits,
    covered,
    platformName,
    industry,
    failedChecks,
    checks: checksToJson(rec.checks),
  });
}

type Parsed = z.output<typeof eligibilityInputSchema>;
type Verdict = [CheckOutcome, Bilingual];

function resolveIndustry(platform: PlatformValue, industry: IndustryValue | undefined): IndustryValue {
  if (industry !== undefined) return industry;
  if (platform === "other") {
    throw invalidInput(["industry"], "industry is required for a platform outside the catalogue",
      "平台不在目录中时须注明所属行业");
  }
  return PLATFORMS[platform].industry;
}

function deathHours(i: Parsed, accidentAt: Instant): { hours: number | null; note: Bilingual | null } {
  if (i.hoursFromOnsetToDeath !== undefined && i.deathAt !== undefined) {
    throw invalidInput(["deathAt"], "give hoursFromOnsetToDeath or deathAt, not both", "hoursFromOnsetToDeath 与 deathAt 只能提供其一");
  }
  if (i.died === false && (i.hoursFromOnsetToDeath !== undefined || i.deathAt !== undefined)) {
    throw invalidInput(["died"], "died is false but a time of death is given", "died 为 false 却提供了死亡时间");
  }
  if (i.hoursFromOnsetToDeath !== undefined) return { hours: i.hoursFromOnsetToDeath, note: null };
  if (i.deathAt !== undefined) {
    const at = parseInstant(i.deathAt, ["deathAt"]);
    const hours = hoursBetween(accidentAt, at);
    if (hours < 0) throw invalidInput(["deathAt"], "death cannot precede the onset (accidentAt)", "死亡时间不得早于发病时间（accidentAt）");
    return { hours, note: { zh: `发病至死亡 ${hours} 小时（deathAt − accidentAt）`, en: `${hours} hours from onset to death (deathAt − accidentAt)` } };
  }
  if (i.died === true) {
    return { hours: 0, note: { zh: "未给出发病至死亡的时间：按突发疾病当即死亡理解", en: "no time from onset to death given: read as death at once" } };
  }
  return { hours: null, note: null };
}

function checkIndustry(ctx: RuleContext, rec: CheckRecorder, i: Parsed, industry: IndustryValue, date: string): void {
  const industries = ctx.param("coverage.industries");
  const base = {
    rule: "coverage.industry",
    title: { zh: "行业在试点范围内", en: "the industry is in the pilot's scope" },
    inputs: { industry, platformInPilot: yesNo(i.platformInPilot) },
  };
  const names = industries.value.map((x) => INDUSTRY_NAMES[x].zh).join("、");
  if ((industries.value as readonly string[]).includes(industry)) {
    rec.record(withBase(base, {
      outcome: "pass", parameters: [industries.used],
      reason: { zh: `${INDUSTRY_NAMES[industry].zh}行业在试点范围（${names}）内`, en: `${INDUSTRY_NAMES[industry].en} is one of the pilot industries` },
    }));
    return;
  }
  if (industry === "other" && ctx.has("coverage.otherIndustriesFrom")) {
    const from = ctx.param("coverage.otherIndustriesFrom");
    const admitted = i.platformInPilot === true && date >= from.value;
    rec.record(withBase(base, {
      outcome: admitted ? "pass" : "fail", parameters: [industries.used, from.used],
      reason: admitted
        ? { zh: `其他行业平台企业自 ${from.value} 起可经纳入试点，调用方声明该平台已纳入`, en: `other industries may be admitted from ${from.value}; the caller states the platform was admitted` }
        : { zh: `试点行业为${names}；其他行业平台企业自 ${from.value} 起探索纳入，须经纳入（platformInPilot）`, en: `the pilot industries are ${industries.value.join(", ")}; other industries only from ${from.value} and only when admitted (platformInPilot)` },
    }));
    return;
  }
  rec.record(withBase(base, {
    outcome: "fail", parameters: [industries.used],
    reason: { zh: `本省试点行业为${names}，${INDUSTRY_NAMES[industry].zh}不在范围内`, en: `the province's pilot covers ${industries.value.join(", ")} only` },
  }));
}

function checkPlatform(ctx: RuleContext, rec: CheckRecorder, i: Parsed, industry: IndustryValue, date: string): string | null {
  const base = {
    rule: "coverage.platform-in-pilot",
    title: { zh: "平台企业纳入试点范围", en: "the platform takes part in the pilot" },
    inputs: { platform: i.platform, industry, platformInPilot: yesNo(i.platformInPilot), date },
  };
  const catalogueName = i.platform === "other" ? null : PLATFORMS[i.platform].zh;
  if (i.platformInPilot === true) {
    rec.record(withBase(base, {
      outcome: "pass",
      reason: { zh: "调用方声明该平台已纳入本省试点", en: "the caller states the platform takes part in the province's pilot" },
      citations: [],
    }));
    return catalogueName;
  }
  if (i.platform === "other") {
    rec.record(withBase(base, {
      outcome: "fail",
      reason: { zh: "平台不在本省试点名单内；经申请纳入的平台须声明 platformInPilot", en: "the platform is not on the province's list; for a platform admitted on application state platformInPilot" },
    }));
    return null;
  }
  const list = ctx.param("coverage.pilotPlatforms");
  const entry = list.value.find((e) => e.platform === i.platform && e.from <= date && (e.until === null || date <= e.until));
  if (entry !== undefined) {
    rec.record(withBase(base, {
      outcome: "pass", parameters: [list.used],
      reason: { zh: `${entry.nameZh}列入本省试点平台企业名单（自 ${entry.from} 起）`, en: `${i.platform} (${entry.nameZh}) is on the province's list of pilot platforms from ${entry.from}` },
      notes: entry.industry === industry ? [] : [{
        zh: `名单将${entry.nameZh}列于${INDUSTRY_NAMES[entry.industry].zh}行业，本案为${INDUSTRY_NAMES[industry].zh}`,
        en: `the list names ${entry.nameZh} under ${INDUSTRY_NAMES[entry.industry].en}; this case is ${INDUSTRY_NAMES[industry].en}`,
      }],
    }));
    return entry.nameZh;
  }
  const params = [list.used];
  if (ctx.has("coverage.allPlatformsOfIndustriesFrom") && (PILOT_INDUSTRIES as readonly string[]).includes(industry)) {
    const from = ctx.param("coverage.allPlatformsOfIndustriesFrom");
    params.push(from.used);
    if (date >= from.value) {
      rec.record(withBase(base, {
        outcome: "pass", parameters: params,
        reason: { zh: `自 ${from.value} 起${INDUSTRY_NAMES[industry as PilotIndustry].zh}行业平台企业总体纳入试点`, en: `every ${INDUSTRY_NAMES[industry as PilotIndustry].en} platform is in the pilot from ${from.value}` },
      }));
      return catalogueName;
    }
  }
  const names = list.value.filter((e) => e.from <= date && (e.until === null || date <= e.until)).map((e) => e.nameZh);
  const twin = i.platform === "dada" ? "jd-miaosong" : i.platform === "jd-miaosong" ? "dada" : null;
  const twinListed = twin !== null && list.value.some((e) => e.platform === twin);
  rec.record(withBase(base, {
    outcome: "fail", parameters: params,
    reason: {
      zh: `${catalogueName ?? i.platform}不在本省 ${date} 的试点平台企业名单（${names.join("、") || "无"}）内`,
      en: `${i.platform} is not on the province's list of pilot platforms on ${date} (${names.join("、") || "none"})`,
    },
    notes: [
      ...(twinListed ? [{
        zh: `本省名单写作“${PLATFORMS[twin].zh}”而非“${catalogueName ?? ""}”；本库不把二者视为同一企业，如属同一平台企业请声明 platformInPilot`,
        en: `the province's list names ${PLATFORMS[twin].zh} (${twin}), not ${catalogueName ?? ""}; the library does not equate them — if it is the same enterprise, state platformInPilot`,
      }] : []),
      { zh: "经申请纳入试点的平台，请声明 platformInPilot", en: "for a platform admitted on application, state platformInPilot" },
    ],
  }));
  return catalogueName;
}

function checkPlaceOfAcceptance(ctx: RuleContext, rec: CheckRecorder, i: Parsed): void {
  const place = ctx.param("coverage.byPlaceOfAcceptance");
  const base = {
    rule: "coverage.order-accepted-in-province",
    title: { zh: "在本省行政区域内接单", en: "the order was accepted in the province" },
    parameters: [place.used],
    inputs: { orderAcceptedInProvince: yesNo(i.orderAcceptedInProvince) },
  };
  if (!place.value) {
    rec.record(withBase(base, { outcome: "not-applicable", reason: { zh: "本省规则不以接单地划分", en: "the province's rules do not use the place of acceptance" } }));
  } else if (i.orderAcceptedInProvince === false) {
    rec.record(withBase(base, {
      outcome: "fail",
      reason: { zh: "订单不在本省接单：以接单地作为职业伤害发生地，不属本省办理", en: "the order was accepted elsewhere: the place of acceptance is the place of injury, so this is not the province's case" },
    }));
  } else {
    rec.record(withBase(base, {
      outcome: "pass",
      reason: i.orderAcceptedInProvince === true
        ? { zh: "在本省接单；在省外发生事故的，以接单地作为职业伤害发生地", en: "accepted in the province; an accident outside it still belongs to the place of acceptance" }
        : { zh: "未另行说明，按在本省接单处理", en: "not stated otherwise: taken as accepted in the province" },
    }));
  }
}

function checkPremiumMonth(ctx: RuleContext, rec: CheckRecorder, i: Parsed, date: string): void {
  if (!ctx.has("coverage.fromPremiumPaidMonth")) return;
  const p = ctx.param("coverage.fromPremiumPaidMonth");
  const month = date.slice(0, 7);
  const base = {
    rule: "coverage.premium-paid-month",
    title: { zh: "平台企业按规定缴费的当月起享受待遇", en: "cover from the month the platform paid the premium" },
    parameters: [p.used],
    inputs: { accidentMonth: month, premiumPaidMonth: i.premiumPaidMonth ?? null },
  };
  if (!p.value) {
    rec.record(withBase(base, { outcome: "not-applicable", reason: { zh: "本省规则无此条件", en: "no such condition in the province's rules" } }));
  } else if (i.premiumPaidMonth === undefined) {
    rec.record(withBase(base, {
      outcome: "not-evaluated",
      reason: { zh: "未提供缴费月份（premiumPaidMonth），未核对", en: "no premiumPaidMonth given: not checked" },
    }));
  } else {
    const ok = month >= i.premiumPaidMonth;
    rec.record(withBase(base, {
      outcome: ok ? "pass" : "fail",
      reason: ok
        ? { zh: `事故发生于 ${month}，不早于缴费当月 ${i.premiumPaidMonth}`, en: `the accident month ${month} is not before the premium month ${i.premiumPaidMonth}` }
        : { zh: `事故发生于 ${month}，早于平台企业按规定缴费的当月 ${i.premiumPaidMonth}`, en: `the accident month ${month} is before the month the premium was paid, ${i.premiumPaidMonth}` },
    }));
  }
}

const EXCEPTION_TEXT: Record<SingleInsuranceException, Bilingual> = {
  "assessed-grade-1-to-4": { zh: "已鉴定为一级至四级伤残", en: "assessed at grades 1–4" },
  "recognition-pending": { zh: "2025年7月1日前发生事故伤害尚未完成工伤认定", en: "an accident before 2025-07-01 not yet recognised" },
  "suspended-pay-period": { zh: "尚处于停工留薪期", en: "still in the paid leave period (停工留薪期)" },
  "assessment-pending": { zh: "尚未完成劳动能力鉴定", en: "work-capacity assessment not yet completed" },
};

function checkSingleInsuranceHandOver(ctx: RuleContext, rec: CheckRecorder, i: Parsed, date: string): void {
  if (!ctx.has("coverage.singleWorkInjuryInsuranceUntil")) return;
  const until = ctx.param("coverage.singleWorkInjuryInsuranceUntil");
  const s = i.singleWorkInjuryInsurance;
  const after = date > until.value;
  const notes: Bilingual[] = [];
  if (s?.insured === true && s.exception !== undefined) {
    notes.push({
      zh: `例外（${EXCEPTION_TEXT[s.exception].zh}）：原工伤保险关系不终止，原伤害仍按单项工伤保险处理；本次事故适用职业伤害保障，同一人员不得重复领取待遇`,
      en: `exception (${EXCEPTION_TEXT[s.exception].en}): the work-injury insurance relation continues for the earlier injury; this accident falls under the protection, and no benefit is paid twice`,
    });
  }
  if (s?.insured === true) {
    notes.push({
      zh: "非试点平台企业的新就业形态人员可继续参加单项工伤保险（不属本保障）",
      en: "workers of platforms outside the pilot may stay in the single work-injury insurance (outside this protection)",
    });
  }
  rec.record({
    rule: "coverage.single-work-injury-handover",
    title: { zh: "与特定人员单项工伤保险的衔接", en: "hand-over from the special-persons work-injury insurance" },
    outcome: after ? "pass" : "fail",
    reason: after
      ? { zh: `试点平台企业单项工伤保险参保期限至 ${until.value} 止；${date} 的事故适用职业伤害保障`, en: `the pilot platforms' single work-injury insurance ended on ${until.value}; an accident on ${date} falls under this protection` }
      : { zh: `${date} 仍在单项工伤保险参保期限（至 ${until.value}）内`, en: `${date} is within the single work-injury insurance (until ${until.value})` },
    parameters: [until.used],
    inputs: { accidentDate: date, insured: yesNo(s?.insured), exception: s?.exception ?? null },
    notes,
  });
}

function checkNoDoubleClaim(ctx: RuleContext, rec: CheckRecorder, i: Parsed): void {
  const p = ctx.param("coverage.noDoubleClaim");
  const base = {
    rule: "coverage.no-work-injury-claim",
    title: { zh: "同一事故伤害未同时申请工伤认定", en: "no work-injury claim for the same accident" },
    parameters: [p.used],
    inputs: { workInjuryClaimFiled: yesNo(i.workInjuryClaimFiled) },
  };
  if (!p.value) {
    rec.record(withBase(base, { outcome: "not-applicable", reason: { zh: "本省规则无此条件", en: "no such condition in the province's rules" } }));
    return;
  }
  const filed = i.workInjuryClaimFiled === true;
  rec.record(withBase(base, {
    outcome: filed ? "fail" : "pass",
    reason: filed
      ? { zh: "同一事故伤害已申请工伤认定，不得同时申请职业伤害保障待遇，不得重复享受", en: "a work-injury claim was filed for this accident: no occupational-injury claim for it, no double benefits" }
      : { zh: "未申请工伤认定", en: "no work-injury claim filed" },
  }));
}

/** "执行平台订单任务期间": recorded for the on-order situations; `null` when not relevant. */
function checkOrderTaskPeriod(
  ctx: RuleContext, rec: CheckRecorder, i: Parsed, at: Instant, orders: ParsedOrder[] | null,
): CheckOutcome | null {
  if (i.activity !== "on-order" || !(ON_TASK_EVENTS.includes(i.event) || i.event === "sudden-illness")) return null;
  const base = {
    rule: "eligibility.order-task-period",
    title: { zh: "在执行平台订单任务期间（自接单开始执行之时起至该接单任务完成之时止）", en: "during an order task (from acceptance to completion)" },
    citations: orderTaskCitations(ctx.ruleSet.province),
  };
  if (orders === null) {
    return rec.record(withBase(base, {
      outcome: "not-evaluated", inputs: { accidentAt: i.accidentAt, orders: null },
      reason: { zh: "未提供订单时间，按调用方所述“执行订单任务期间”处理", en: "no order times given: the caller's statement that an order was being performed is taken" },
    }));
  }
  const inProgress = orders.filter((o) => inProgressAt(o, at));
  const other = inProgress.filter((o) => o.platform !== i.platform);
  return rec.record(withBase(base, {
    outcome: inProgress.length > 0 ? "pass" : "fail",
    inputs: { accidentAt: i.accidentAt, orders: orders.map(describeOrder) },
    reason: inProgress.length > 0
      ? { zh: `事故发生时订单在执行中：${inProgress.map((o) => o.orderId).join("、")}`, en: `order(s) in progress at the accident: ${inProgress.map((o) => o.orderId).join(", ")}` }
      : { zh: "事故发生时没有处于接单至完成之间的订单", en: "no order was between acceptance and completion at the accident" },
    notes: other.length > 0 && other.length === inProgress.length
      ? [{ zh: "执行中的订单属于其他平台：平台责任见 liability", en: "the order in progress belongs to another platform: see liability for the responsible platform" }]
      : [],
  }));
}

function onTaskInjury(i: Parsed, orderTask: CheckOutcome | null): Verdict {
  if (i.activity !== "on-order") {
    return ["not-applicable", { zh: `非执行订单任务期间（${i.activity}）`, en: `not during an order task (${i.activity})` }];
  }
  if (i.event === "sudden-illness" || i.event === "old-injury-relapse") {
    return ["not-applicable", { zh: "突发疾病、旧伤复发另有规定", en: "sudden illness and relapses have their own items" }];
  }
  if (!ON_TASK_EVENTS.includes(i.event)) {
    return ["fail", { zh: "不是事故伤害、暴力等意外伤害或事故下落不明", en: "not an accident, violence or disappearance after an accident" }];
  }
  if (i.performingPlatformService === false) {
    return ["fail", { zh: "伤害并非因履行平台服务内容所致", en: "the injury did not arise from performing the platform's service" }];
  }
  if (orderTask === "fail") {
    return ["fail", { zh: "订单记录显示事故不在执行订单任务期间", en: "the order records show the accident was not during an order task" }];
  }
  return ["pass", { zh: "执行平台订单任务期间因履行平台服务内容受到意外伤害", en: "injured while performing an order task" }];
}

function commute(i: Parsed, at: Instant, orders: ParsedOrder[] | null): Verdict {
  const activity: Activity = i.activity;
  if (activity !== "designated-place" && activity !== "commute-home") {
    return ["not-applicable", { zh: "不在前往指定场所或返回日常居所途中", en: "not on the way to a designated place or home" }];
  }
  if (!WAY_EVENTS.includes(i.event)) {
    return ["fail", {
      zh: "途中仅限交通事故或者城市轨道交通、客运轮渡、火车事故伤害",
      en: "on the way, only traffic, urban rail, passenger ferry or train accidents count",
    }];
  }
  if (i.ownPrimaryResponsibility === undefined) {
    throw invalidInput(["ownPrimaryResponsibility"],
      "ownPrimaryResponsibility is required for a traffic or rail accident on the way (the situation needs an accident not mainly the worker's fault)",
      "途中交通或轨道事故须说明本人是否负主要责任（ownPrimaryResponsibility）");
  }
  if (i.ownPrimaryResponsibility) {
    return ["fail", { zh: "本人负主要责任的事故不属此情形", en: "an accident mainly the worker's fault does not count" }];
  }
  if (activity === "commute-home") {
    if (i.reasonableRoute === false) {
      return ["fail", { zh: "不在返回日常居所的合理路线上", en: "not on a reasonable route home" }];
    }
    if (orders !== null) {
      if (orders.some((o) => inProgressAt(o, at))) {
        return ["fail", { zh: "事故时仍有订单在执行：不是完成订单后返回途中（属执行订单任务期间）", en: "an order was still in progress: not yet on the way home (this is an order task)" }];
      }
      if (!orders.some((o) => completedBefore(o, at))) {
        return ["fail", { zh: "事故前没有已完成的订单：不是执行订单任务后返回途中", en: "no order was completed before the accident: not on the way home after orders" }];
      }
    }
    return ["pass", { zh: "执行订单任务后返回日常居所的合理路线途中，受到非本人主要责任的事故伤害", en: "on a reasonable route home after orders, in an accident not mainly the worker's fault" }];
  }
  const by = i.designatedBy === undefined || i.designatedBy === i.platform ? "" : `（要求方：${i.designatedBy}）`;
  const byEn = i.designatedBy === undefined || i.designatedBy === i.platform ? "" : ` (required by ${i.designatedBy})`;
  return ["pass", {
    zh: `在指定时间前往指定场所途中，受到非本人主要责任的事故伤害${by}`,
    en: `on the way to a designated place at the set time, in an accident not mainly the worker's fault${byEn}`,
  }];
}

function suddenDeath(i: Parsed, orderTask: CheckOutcome | null, death: { hours: number | null }, max: number): Verdict {
  if (i.event !== "sudden-illness") return ["not-applicable", { zh: "非突发疾病", en: "not a sudden illness" }];
  if (i.activity !== "on-order") {
    return ["fail", { zh: "突发疾病仅在执行平台订单任务期间发生的才属此情形", en: "sudden illness counts only during an order task" }];
  }
  if (orderTask === "fail") {
    return ["fail", { zh: "订单记录显示发病不在执行订单任务期间", en: "the order records show the onset was not during an order task" }];
  }
  if (i.died === false || death.hours === null) {
    return ["fail", { zh: "突发疾病未死亡的，不属此情形", en: "a sudden illness without death does not count" }];
  }
  if (death.hours > max) {
    return ["fail", { zh: `发病后 ${death.hours} 小时死亡，超过 ${max} 小时`, en: `death ${death.hours} hours after onset, more than ${max}` }];
  }
  return ["pass", {
    zh: death.hours === 0 ? "执行订单任务期间突发疾病死亡" : `执行订单任务期间突发疾病，${death.hours} 小时内经抢救无效死亡（不超过 ${max} 小时）`,
    en: death.hours === 0 ? "sudden death during an order task" : `died ${death.hours} hours after onset (at most ${max})`,
  }];
}

function publicInterest(i: Parsed): Verdict {
  if (i.activity !== "public-interest") return ["not-applicable", { zh: "非维护国家利益、公共利益活动", en: "not an activity in the public interest" }];
  if (i.event === "old-injury-relapse") return ["not-applicable", { zh: "旧伤复发另有规定", en: "relapses have their own item" }];
  if (i.event === "sudden-illness") {
    return ["fail", { zh: "此情形为“受到伤害”；突发疾病仅在执行订单任务期间按第（三）项处理", en: "this item needs an injury; sudden illness counts only under item (3), during an order task" }];
  }
  return ["pass", { zh: "在抢险救灾等维护国家利益、公共利益活动中受到伤害", en: "injured in an activity in the public interest" }];
}

function veteranRelapse(i: Parsed): Verdict {
  if (i.event !== "old-injury-relapse") return ["not-applicable", { zh: "非旧伤复发", en: "not a relapse" }];
  if (i.veteranDisabilityCertificate !== true) {
    return ["fail", { zh: "仅已取得《残疾军人证》者因战、因公旧伤复发的属此情形", en: "only the relapse of a holder of the disabled serviceman's certificate counts" }];
  }
  return ["pass", { zh: "持《残疾军人证》者在平台就业期间旧伤复发", en: "a certificate holder's relapse during platform work" }];
}

function statutoryOther(i: Parsed): Verdict {
  return i.statutoryOtherCase === true
    ? ["pass", { zh: "调用方声明法律、行政法规规定应当确认为职业伤害", en: "the caller states a law or regulation makes this an occupational injury" }]
    : ["not-applicable", { zh: "未主张法律、行政法规规定的其他情形", en: "no other statutory case claimed" }];
}

