/**
 * The coverage checks of the eligibility rule: is the case within the province's pilot at all — its start date,
 * the industry, the platform (the rule set's dated list of pilot platforms, or every platform of the industries
 * from a date), the order's place of acceptance, Shanghai's premium month, Zhejiang's hand-over from 单项工伤保险
 * and no double claim. Every figure, date and platform name a reason states is read from the parameter used.
 */
import { addDays, formatIsoDate, parseIsoDate } from "../core/dates.js";
import { invalidInput, ZhishangError } from "../core/errors.js";
import type { Json } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import type { ParamName, RuleContext } from "../provinces/index.js";
import {
  INDUSTRY_NAMES, PILOT_INDUSTRIES, PLATFORMS, type IndustryValue, type PilotIndustry, type PilotPlatformEntry, type PlatformId,
} from "../core/vocabulary.js";
import type { CheckDetail, CheckRecorder } from "./checks.js";
import type { ParsedEligibilityInput as Parsed, SingleInsuranceException } from "./input.js";

export const yesNo = (b: boolean | undefined): Json => (b === undefined ? null : b);

// ── Inputs only some rule sets define ──────────────────────────────────────────────────────────────────────

/** An input that only a rule set defining `param` accepts, with the rule it belongs to. */
export interface RuleSetOnlyInput<F extends string> {
  readonly field: F;
  readonly param: ParamName;
  readonly what: Bilingual;
}

/** The eligibility inputs that only some rule sets have a rule for. */
const RULE_SET_ONLY_INPUTS: ReadonlyArray<RuleSetOnlyInput<keyof Parsed>> = [
  { field: "premiumPaidMonth", param: "coverage.fromPremiumPaidMonth", what: { zh: "自缴费当月起享受待遇", en: "cover from the month the premium is paid" } },
  { field: "singleWorkInjuryInsurance", param: "coverage.singleWorkInjuryInsuranceUntil", what: { zh: "与单项工伤保险的衔接", en: "the hand-over from 单项工伤保险" } },
];

function notDefined(name: Bilingual, field: string, what: Bilingual): ZhishangError {
  return new ZhishangError(
    "RULE_NOT_DEFINED",
    {
      en: `${name.en}'s sources define no rule on ${what.en}; "${field}" applies to another province`,
      zh: `${name.zh}的来源文件未规定${what.zh}，“${field}”适用于其他省份`,
    },
    [field],
  );
}

/**
 * Refuses an input the rule set has no rule for (`premiumPaidMonth` without `coverage.fromPremiumPaidMonth`,
 * `singleWorkInjuryInsurance` without `coverage.singleWorkInjuryInsuranceUntil`): `RULE_NOT_DEFINED`. Before a
 * version is chosen (`chosen: false`, the case-date phase) only an input that no version defines is refused; once
 * chosen, an input the chosen version does not define.
 */
export function refuseUndefinedInputs(ctx: RuleContext, i: Parsed, chosen: boolean): void {
  refuseInputsWithoutRule(ctx, RULE_SET_ONLY_INPUTS, i, chosen);
}

/** {@link refuseUndefinedInputs} for any table of inputs (the liability rule has its own). */
export function refuseInputsWithoutRule<F extends string>(
  ctx: RuleContext, inputs: ReadonlyArray<RuleSetOnlyInput<F>>, i: { readonly [K in F]?: unknown }, chosen: boolean,
): void {
  for (const r of inputs) {
    if (i[r.field] === undefined) continue;
    if (chosen) {
      if (!ctx.has(r.param)) throw notDefined(ctx.ruleSet.name, r.field, r.what);
    } else if (ctx.options.overrides[r.param] === undefined && ctx.versions.every((v) => v.params[r.param] === undefined)) {
      throw notDefined((ctx.versions[ctx.versions.length - 1] as (typeof ctx.versions)[number]).name, r.field, r.what);
    }
  }
}

// ── Platforms and industries ───────────────────────────────────────────────────────────────────────────────

/** The catalogue's entry of a platform id (docs/scenarios.md), if the catalogue names it. */
function catalogued(platform: string): { readonly zh: string; readonly industry: PilotIndustry } | undefined {
  return Object.prototype.hasOwnProperty.call(PLATFORMS, platform) ? PLATFORMS[platform as PlatformId] : undefined;
}

/** Whether the list's entry `e` is in force on `date` (dates as YYYY-MM-DD, whose order is that of their text). */
function inForceOn(e: PilotPlatformEntry, date: string): boolean {
  return e.from <= date && (e.until === null || date <= e.until);
}

/** The list's entry for `platform` in force on `date`, if any. */
function entryInForce(list: readonly PilotPlatformEntry[], platform: string, date: string): PilotPlatformEntry | undefined {
  for (let k = 0; k < list.length; k++) {
    const e = list[k] as PilotPlatformEntry;
    if (e.platform === platform && inForceOn(e, date)) return e;
  }
  return undefined;
}

/** The list's entry for `platform`: the one in force on `date`, else the first that names it. */
function listed(list: readonly PilotPlatformEntry[], platform: string, date: string): PilotPlatformEntry | undefined {
  return entryInForce(list, platform, date) ?? list.find((e) => e.platform === platform);
}

/**
 * The rule set's list of pilot platforms, read for names only: a caller's list (override) through
 * `ctx.param`, else the rule set's own value as data — a name is no coverage decision, so an `assumed` list
 * is not refused in strict mode for it.
 */
function listForNames(ctx: RuleContext): readonly PilotPlatformEntry[] {
  if (ctx.options.overrides["coverage.pilotPlatforms"] !== undefined) return ctx.param("coverage.pilotPlatforms").value;
  return ctx.ruleSet.params["coverage.pilotPlatforms"].value;
}

/**
 * A platform's Chinese name: as the rule set's list writes it where the list names the platform, else the
 * catalogue's; null for `other` or an id neither names.
 */
export function platformNameOf(ctx: RuleContext, platform: string, date: string): string | null {
  if (platform === "other") return null;
  return listed(listForNames(ctx), platform, date)?.nameZh ?? catalogued(platform)?.zh ?? null;
}

/** `industry` is required for `other` (checked with the input, before the rule set's version is chosen). */
export function requireIndustryForOther(i: Parsed): void {
  if (i.industry === undefined && i.platform === "other") {
    throw invalidInput(["industry"], "industry is required for a platform outside the catalogue", "平台不在目录中时须注明所属行业");
  }
}

/**
 * The industry of the case: the input's; else the catalogue's industry of the platform; else the industry under
 * which the rule set lists it; else `INVALID_INPUT` at `industry`.
 */
export function resolveIndustry(ctx: RuleContext, i: Parsed, date: string): IndustryValue {
  if (i.industry !== undefined) return i.industry;
  requireIndustryForOther(i);
  const own = catalogued(i.platform);
  if (own !== undefined) return own.industry;
  const entry = listed(ctx.param("coverage.pilotPlatforms").value, i.platform, date);
  if (entry !== undefined) return entry.industry;
  throw invalidInput(["industry"],
    `industry is required for a platform that neither the catalogue nor the rule set's list of pilot platforms names (${i.platform})`,
    `平台（${i.platform}）既不在目录中也不在本省试点平台企业名单内，须注明所属行业`);
}

/**
 * Platforms that the catalogue keeps apart though they may be one enterprise (达达 and 京东秒送, which the
 * provinces name differently): a note points to the other when only it is listed.
 */
const TWINS: Readonly<Record<string, string>> = { dada: "jd-miaosong", "jd-miaosong": "dada" };

// ── The checks ────────────────────────────────────────────────────────────────────────────────────────────

/** The in-force check (its explanation step is the one `requireInForce` added when the version was chosen). */
export function checkInForce(ctx: RuleContext, rec: CheckRecorder, date: string): void {
  const inForce = ctx.param("coverage.inForceFrom");
  rec.record("coverage.in-force", "pass", [inForce.used], () => ({
    title: { zh: "规定已施行", en: "rules in force on the accident date" },
    reason: { zh: `事故日期 ${date} 不早于施行日期 ${inForce.value}`, en: `accident date ${date} is on or after ${inForce.value}` },
    stepAlreadyAdded: true,
  }));
}

export function checkIndustry(ctx: RuleContext, rec: CheckRecorder, i: Parsed, industry: IndustryValue, date: string): void {
  const industries = ctx.param("coverage.industries");
  const rule = "coverage.industry";
  const detail = (reason: Bilingual): CheckDetail => ({
    title: { zh: "行业在试点范围内", en: "the industry is in the pilot's scope" },
    inputs: { industry, platformInPilot: yesNo(i.platformInPilot) },
    reason,
  });
  const names = (): string => industries.value.map((x) => INDUSTRY_NAMES[x].zh).join("、");
  if ((industries.value as readonly string[]).includes(industry)) {
    rec.record(rule, "pass", [industries.used], () => detail(
      { zh: `${INDUSTRY_NAMES[industry].zh}行业在试点范围（${names()}）内`, en: `${INDUSTRY_NAMES[industry].en} is one of the pilot industries` },
    ));
    return;
  }
  if (industry === "other" && ctx.has("coverage.otherIndustriesFrom")) {
    const from = ctx.param("coverage.otherIndustriesFrom");
    const admitted = i.platformInPilot === true && date >= from.value;
    rec.record(rule, admitted ? "pass" : "fail", [industries.used, from.used], () => detail(admitted
      ? { zh: `其他行业平台企业自 ${from.value} 起可经纳入试点，调用方声明该平台已纳入`, en: `other industries may be admitted from ${from.value}; the caller states the platform was admitted` }
      : { zh: `试点行业为${names()}；其他行业平台企业自 ${from.value} 起探索纳入，须经纳入（platformInPilot）`, en: `the pilot industries are ${industries.value.join(", ")}; other industries only from ${from.value} and only when admitted (platformInPilot)` }));
    return;
  }
  rec.record(rule, "fail", [industries.used], () => detail(
    { zh: `本省试点行业为${names()}，${INDUSTRY_NAMES[industry].zh}不在范围内`, en: `the province's pilot covers ${industries.value.join(", ")} only` },
  ));
}

/**
 * The platform takes part in the pilot: stated by the caller, on the rule set's list on the date, or within every
 * platform of the industries from a date. Returns the platform's name (the list's, else the catalogue's).
 */
export function checkPlatform(ctx: RuleContext, rec: CheckRecorder, i: Parsed, industry: IndustryValue, date: string): string | null {
  const rule = "coverage.platform-in-pilot";
  const detail = (reason: Bilingual, extra?: Partial<CheckDetail>): CheckDetail => Object.assign({
    title: { zh: "平台企业纳入试点范围", en: "the platform takes part in the pilot" },
    inputs: { platform: i.platform, industry, platformInPilot: yesNo(i.platformInPilot), date },
    reason,
  }, extra);
  if (i.platformInPilot === true) {
    rec.record(rule, "pass", [], () => detail(
      { zh: "调用方声明该平台已纳入本省试点", en: "the caller states the platform takes part in the province's pilot" },
    ));
    return platformNameOf(ctx, i.platform, date);
  }
  if (i.platform === "other") {
    rec.record(rule, "fail", [], () => detail(
      { zh: "平台不在本省试点名单内；经申请纳入的平台须声明 platformInPilot", en: "the platform is not on the province's list; for a platform admitted on application state platformInPilot" },
    ));
    return null;
  }
  const list = ctx.param("coverage.pilotPlatforms");
  const entry = entryInForce(list.value, i.platform, date);
  if (entry !== undefined) {
    rec.record(rule, "pass", [list.used], () => detail(
      { zh: `${entry.nameZh}列入本省试点平台企业名单（自 ${entry.from} 起）`, en: `${i.platform} (${entry.nameZh}) is on the province's list of pilot platforms from ${entry.from}` },
      {
        notes: entry.industry === industry ? [] : [{
          zh: `名单将${entry.nameZh}列于${INDUSTRY_NAMES[entry.industry].zh}行业，本案为${INDUSTRY_NAMES[industry].zh}`,
          en: `the list names ${entry.nameZh} under ${INDUSTRY_NAMES[entry.industry].en}; this case is ${INDUSTRY_NAMES[industry].en}`,
        }],
      },
    ));
    return entry.nameZh;
  }
  const name = listed(list.value, i.platform, date)?.nameZh ?? catalogued(i.platform)?.zh ?? null;
  const params = [list.used];
  if (ctx.has("coverage.allPlatformsOfIndustriesFrom") && (PILOT_INDUSTRIES as readonly string[]).includes(industry)) {
    const from = ctx.param("coverage.allPlatformsOfIndustriesFrom");
    params.push(from.used);
    if (date >= from.value) {
      const names = INDUSTRY_NAMES[industry as PilotIndustry];
      rec.record(rule, "pass", params, () => detail(
        { zh: `自 ${from.value} 起${names.zh}行业平台企业总体纳入试点`, en: `every ${names.en} platform is in the pilot from ${from.value}` },
      ));
      return name;
    }
  }
  rec.record(rule, "fail", params, () => {
    const names = list.value.filter((e) => inForceOn(e, date)).map((e) => e.nameZh);
    const twin = TWINS[i.platform];
    const twinEntry = twin === undefined ? undefined : listed(list.value, twin, date);
    return detail(
      {
        zh: `${name ?? i.platform}不在本省 ${date} 的试点平台企业名单（${names.join("、") || "无"}）内`,
        en: `${i.platform} is not on the province's list of pilot platforms on ${date} (${names.join("、") || "none"})`,
      },
      {
        notes: [
          ...(twinEntry !== undefined ? [{
            zh: `本省名单写作“${twinEntry.nameZh}”而非“${name ?? i.platform}”；本库不把二者视为同一企业，如属同一平台企业请声明 platformInPilot`,
            en: `the province's list names ${twinEntry.nameZh} (${twinEntry.platform}), not ${name ?? i.platform}; the library does not equate them — if it is the same enterprise, state platformInPilot`,
          }] : []),
          { zh: "经申请纳入试点的平台，请声明 platformInPilot", en: "for a platform admitted on application, state platformInPilot" },
        ],
      },
    );
  });
  return name;
}

export function checkPlaceOfAcceptance(ctx: RuleContext, rec: CheckRecorder, i: Parsed): void {
  const place = ctx.param("coverage.byPlaceOfAcceptance");
  const rule = "coverage.order-accepted-in-province";
  const detail = (reason: Bilingual): CheckDetail => ({
    title: { zh: "在本省行政区域内接单", en: "the order was accepted in the province" },
    inputs: { orderAcceptedInProvince: yesNo(i.orderAcceptedInProvince) },
    reason,
  });
  if (!place.value) {
    rec.record(rule, "not-applicable", [place.used], () => detail({ zh: "本省规则不以接单地划分", en: "the province's rules do not use the place of acceptance" }));
  } else if (i.orderAcceptedInProvince === false) {
    rec.record(rule, "fail", [place.used], () => detail(
      { zh: "订单不在本省接单：以接单地作为职业伤害发生地，不属本省办理", en: "the order was accepted elsewhere: the place of acceptance is the place of injury, so this is not the province's case" },
    ));
  } else {
    rec.record(rule, "pass", [place.used], () => detail(i.orderAcceptedInProvince === true
      ? { zh: "在本省接单；在省外发生事故的，以接单地作为职业伤害发生地", en: "accepted in the province; an accident outside it still belongs to the place of acceptance" }
      : { zh: "未另行说明，按在本省接单处理", en: "not stated otherwise: taken as accepted in the province" }));
  }
}

export function checkPremiumMonth(ctx: RuleContext, rec: CheckRecorder, i: Parsed, date: string): void {
  if (!ctx.has("coverage.fromPremiumPaidMonth")) return;
  const p = ctx.param("coverage.fromPremiumPaidMonth");
  const month = date.slice(0, 7);
  const rule = "coverage.premium-paid-month";
  const detail = (reason: Bilingual): CheckDetail => ({
    title: { zh: "平台企业按规定缴费的当月起享受待遇", en: "cover from the month the platform paid the premium" },
    inputs: { accidentMonth: month, premiumPaidMonth: i.premiumPaidMonth ?? null },
    reason,
  });
  const paid = i.premiumPaidMonth;
  if (!p.value) {
    rec.record(rule, "not-applicable", [p.used], () => detail({ zh: "本省规则无此条件", en: "no such condition in the province's rules" }));
  } else if (paid === undefined) {
    rec.record(rule, "not-evaluated", [p.used], () => detail({ zh: "未提供缴费月份（premiumPaidMonth），未核对", en: "no premiumPaidMonth given: not checked" }));
  } else {
    const ok = month >= paid;
    rec.record(rule, ok ? "pass" : "fail", [p.used], () => detail(ok
      ? { zh: `事故发生于 ${month}，不早于缴费当月 ${paid}`, en: `the accident month ${month} is not before the premium month ${paid}` }
      : { zh: `事故发生于 ${month}，早于平台企业按规定缴费的当月 ${paid}`, en: `the accident month ${month} is before the month the premium was paid, ${paid}` }));
  }
}

/** `2025-07-01` as the Chinese texts write a date: 2025年7月1日. */
function zhDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y as string}年${Number(m)}月${Number(d)}日`;
}

/** The exceptions of Zhejiang 二（七）; `pilotFrom` is the first day of the pilot (the day after the single insurance ended). */
function exceptionText(exception: SingleInsuranceException, pilotFrom: string): Bilingual {
  switch (exception) {
    case "assessed-grade-1-to-4": return { zh: "已鉴定为一级至四级伤残", en: "assessed at grades 1–4" };
    case "recognition-pending": return { zh: `${zhDate(pilotFrom)}前发生事故伤害尚未完成工伤认定`, en: `an accident before ${pilotFrom} not yet recognised` };
    case "suspended-pay-period": return { zh: "尚处于停工留薪期", en: "still in the paid leave period (停工留薪期)" };
    case "assessment-pending": return { zh: "尚未完成劳动能力鉴定", en: "work-capacity assessment not yet completed" };
  }
}

export function checkSingleInsuranceHandOver(ctx: RuleContext, rec: CheckRecorder, i: Parsed, date: string): void {
  if (!ctx.has("coverage.singleWorkInjuryInsuranceUntil")) return;
  const until = ctx.param("coverage.singleWorkInjuryInsuranceUntil");
  const s = i.singleWorkInjuryInsurance;
  const after = date > until.value;
  // the first day of the pilot, read (and checked) whether or not the computation is explained
  const pilotFrom = s?.insured === true && s.exception !== undefined
    ? formatIsoDate(addDays(parseIsoDate(until.value, ["overrides", "coverage.singleWorkInjuryInsuranceUntil"]), 1))
    : null;
  rec.record("coverage.single-work-injury-handover", after ? "pass" : "fail", [until.used], () => {
    const notes: Bilingual[] = [];
    if (pilotFrom !== null && s?.exception !== undefined) {
      const text = exceptionText(s.exception, pilotFrom);
      notes.push({
        zh: `例外（${text.zh}）：原工伤保险关系不终止，原伤害仍按单项工伤保险处理；本次事故适用职业伤害保障，同一人员不得重复领取待遇`,
        en: `exception (${text.en}): the work-injury insurance relation continues for the earlier injury; this accident falls under the protection, and no benefit is paid twice`,
      });
    }
    if (s?.insured === true) {
      notes.push({
        zh: "非试点平台企业的新就业形态人员可继续参加单项工伤保险（不属本保障）",
        en: "workers of platforms outside the pilot may stay in the single work-injury insurance (outside this protection)",
      });
    }
    return {
      title: { zh: "与特定人员单项工伤保险的衔接", en: "hand-over from the special-persons work-injury insurance" },
      reason: after
        ? { zh: `试点平台企业单项工伤保险参保期限至 ${until.value} 止；${date} 的事故适用职业伤害保障`, en: `the pilot platforms' single work-injury insurance ended on ${until.value}; an accident on ${date} falls under this protection` }
        : { zh: `${date} 仍在单项工伤保险参保期限（至 ${until.value}）内`, en: `${date} is within the single work-injury insurance (until ${until.value})` },
      inputs: { accidentDate: date, insured: yesNo(s?.insured), exception: s?.exception ?? null },
      notes,
    };
  });
}

export function checkNoDoubleClaim(ctx: RuleContext, rec: CheckRecorder, i: Parsed): void {
  const p = ctx.param("coverage.noDoubleClaim");
  const rule = "coverage.no-work-injury-claim";
  const detail = (reason: Bilingual): CheckDetail => ({
    title: { zh: "同一事故伤害未同时申请工伤认定", en: "no work-injury claim for the same accident" },
    inputs: { workInjuryClaimFiled: yesNo(i.workInjuryClaimFiled) },
    reason,
  });
  if (!p.value) {
    rec.record(rule, "not-applicable", [p.used], () => detail({ zh: "本省规则无此条件", en: "no such condition in the province's rules" }));
    return;
  }
  const filed = i.workInjuryClaimFiled === true;
  rec.record(rule, filed ? "fail" : "pass", [p.used], () => detail(filed
    ? { zh: "同一事故伤害已申请工伤认定，不得同时申请职业伤害保障待遇，不得重复享受", en: "a work-injury claim was filed for this accident: no occupational-injury claim for it, no double benefits" }
    : { zh: "未申请工伤认定", en: "no work-injury claim filed" }));
}

/**
 * Every coverage check, in order; returns the platform's name and whether all passed.
 */
export function checkCoverage(
  ctx: RuleContext, rec: CheckRecorder, i: Parsed, industry: IndustryValue, date: string,
): { platformName: string | null; covered: boolean } {
  checkInForce(ctx, rec, date);
  checkIndustry(ctx, rec, i, industry, date);
  const platformName = checkPlatform(ctx, rec, i, industry, date);
  checkPlaceOfAcceptance(ctx, rec, i);
  checkPremiumMonth(ctx, rec, i, date);
  checkSingleInsuranceHandOver(ctx, rec, i, date);
  checkNoDoubleClaim(ctx, rec, i);
  return { platformName, covered: !rec.anyFailed() };
}
