/**
 * Eligibility (职业伤害确认): is an injury an occupational injury under the province's rules, which situation,
 * which exclusion, which benefits are excluded — with every rule checked, passed or failed, and its citation.
 *
 * Encodes:
 * - coverage (./coverage.ts): the start date (`RULE_NOT_IN_FORCE` before it); the industries and the dated list
 *   of pilot platforms (Qinghai notice 一 and 实施办法 第二条; Shanghai 规程 第三条; Guangxi 二（一）, with all
 *   platforms of the three industries from 2026 and other industries explored from 2027; Inner Mongolia 二;
 *   Zhejiang 二（一）) — a platform id is data: any id a rule set lists; the order's place of acceptance (Qinghai
 *   第二条, 第十四条); Shanghai's cover from the month the premium is paid (规程第四十三条); Zhejiang's hand-over
 *   from 单项工伤保险 (二（七）: cover until 2025-06-30); no claim for an accident already under a work-injury
 *   claim (Qinghai 第十八条第一款);
 * - the six situations (./situations.ts; Qinghai 第十一条第一款 (一)–(六); Shanghai 规程 第十九条, 第二十四条,
 *   第四十二条), with "执行平台订单任务期间" = from acceptance to completion (第十一条第三款) checked against order
 *   times when given, the way to a designated place and the way home only for traffic / rail / ferry / train
 *   accidents not mainly the worker's fault, sudden illness only with death at once or within the rule set's
 *   hours (`eligibility.suddenDeathMaxHours`, 48 in every bundled province), and the veteran's relapse without the
 *   one-time disability subsidy (第十一条第二款; Shanghai 第四十二条);
 * - the three exclusions (Qinghai 第十二条: its "符合第十二条的规定" is a slip for 第十一条; 《工伤保险条例》
 *   第十六条), applied to every situation.
 *
 * The articles of each situation, exclusion and of the order-task period are the rule set's rule texts
 * (./citations.ts). The input schema and result are in ./input.ts.
 */
import { chinaDateString, parseInstant, type Instant } from "../core/datetime.js";
import { fixedLayout } from "../core/validate.js";
import type { UsedParameter } from "../core/explain.js";
import type { RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { EXCLUSIONS, SITUATIONS, type Exclusion, type Situation } from "../core/vocabulary.js";
import { CheckRecorder, type CheckDetail } from "./checks.js";
import { exclusionCitations, situationCitations } from "./citations.js";
import { checkCoverage, refuseUndefinedInputs, requireIndustryForOther, resolveIndustry } from "./coverage.js";
import {
  eligibilityInputSchema, type EligibilityInput, type EligibilityResult, type ParsedEligibilityInput as Parsed,
} from "./input.js";
import { parseOrders, type ParsedOrder } from "./orders.js";
import {
  checkOrderTaskPeriod, deathHours, EXCLUSION_RULES, SITUATION_RULES, type DeathHours, type SituationFacts,
} from "./situations.js";

export { eligibilityInputSchema, SINGLE_INSURANCE_EXCEPTIONS } from "./input.js";
export type { EligibilityInput, EligibilityResult, ParsedEligibilityInput, SingleInsuranceException } from "./input.js";

/** The rule id of each situation's check and of each exclusion's. */
const SITUATION_CHECK = Object.fromEntries(SITUATIONS.map((s) => [s, `eligibility.situation.${s}`])) as Record<Situation, string>;
const EXCLUSION_CHECK = Object.fromEntries(EXCLUSIONS.map((x) => [x, `eligibility.exclusion.${x}`])) as Record<Exclusion, string>;

/** The parsed input copied into one layout (every field, in the schema's order). */
const LAYOUT = fixedLayout<Parsed>(eligibilityInputSchema);

/** What the input gives once checked, before any rule reads the rule set: the accident, its China date, the orders, the death. */
interface Prepared {
  /** The input in one layout ({@link fixedLayout}): what the rule reads. */
  readonly input: Parsed;
  readonly at: Instant;
  readonly date: string;
  readonly orders: ParsedOrder[] | null;
  readonly death: DeathHours;
}

/**
 * Checks the input as far as it can be without a rule-set version, in the order the errors are reported: the
 * accident time, inputs no version defines, the orders, the time of death, the industry of `other`.
 */
function prepare(input: Parsed, ctx: RuleContext): Prepared {
  const i = LAYOUT(input);
  const at = parseInstant(i.accidentAt, ["accidentAt"]);
  refuseUndefinedInputs(ctx, i, false);
  const orders = i.orders === undefined ? null : parseOrders(i.orders, i.platform, ["orders"]);
  const death = deathHours(i, at);
  requireIndustryForOther(i);
  return { input: i, at, date: chinaDateString(at), orders, death };
}

/**
 * Decides whether an injury is an occupational injury under the rule set's rules, and lists every rule checked.
 *
 * The case date is the accident date in China Standard Time (the date of `accidentAt` in Beijing): it chooses the
 * rule-set version. Throws `RULE_NOT_IN_FORCE` for an accident before the province's start, `INVALID_INPUT` for
 * malformed or contradictory input, `RULE_NOT_DEFINED` for an input the rule set has no rule for
 * (`premiumPaidMonth` outside Shanghai, `singleWorkInjuryInsurance` outside Zhejiang).
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
export const assessEligibility: RuleFunction<EligibilityInput, EligibilityResult> = defineRule({
  kind: "eligibility",
  title: { zh: "职业伤害确认（情形、排除情形、试点范围）", en: "occupational-injury eligibility (situations, exclusions, coverage)" },
  functionName: "assessEligibility",
  input: eligibilityInputSchema,
  prepare,
  // The accident date in China Standard Time; the input is checked first, so its errors come before the date's.
  caseDate: (_i, _ctx, p) => ({
    date: p.date,
    path: ["accidentAt"],
    label: { zh: "事故发生日期（北京时间）", en: "accident date (China Standard Time)" },
  }),
  compute: eligibility,
});

function eligibility(ctx: RuleContext, _parsed: Parsed, { input: i, at, date, orders, death }: Prepared): EligibilityResult {
  refuseUndefinedInputs(ctx, i, true);
  const industry = resolveIndustry(ctx, i, date);
  const rec = new CheckRecorder(ctx);

  // ── Coverage ──────────────────────────────────────────────────────────────────────────────────────────
  const { platformName, covered } = checkCoverage(ctx, rec, i, industry, date);

  // ── Situations (第十一条) ─────────────────────────────────────────────────────────────────────────────
  const orderTask = checkOrderTaskPeriod(ctx, rec, i, at, orders);
  const listed = ctx.param("eligibility.situations");
  // The hours of item (三) are in its title, so its step lists them whatever the event.
  const maxHours = ctx.param("eligibility.suddenDeathMaxHours");
  const facts: SituationFacts = { i, at, orders, orderTask, death, maxHours: maxHours.value };
  const stated = { activity: i.activity, event: i.event };
  // one list of each serves every check (the recorder gives each step its own copy)
  const listedOnly = [listed.used];
  const withHours = [listed.used, maxHours.used];
  const paramsOf = (s: string): UsedParameter[] => (s === "sudden-death" ? withHours : listedOnly);
  let first: Situation | null = null;
  for (const s of SITUATIONS) {
    const rule = SITUATION_RULES[s];
    const enabled = listed.value.includes(s);
    const [verdict, reason] = rule.verdict(facts);
    const outcome = enabled ? verdict : "not-applicable";
    if (outcome === "pass" && first === null) first = s;
    rec.record(SITUATION_CHECK[s], outcome, paramsOf(s), () => {
      const notes = rule.notes?.(facts) ?? [];
      const d: CheckDetail = {
        title: rule.title(maxHours.value),
        reason: enabled ? reason : { zh: "本省规则未列此情形", en: "the province's rules do not list this situation" },
        citations: situationCitations(ctx, s),
        inputs: Object.assign({}, stated, rule.inputs(facts)), // not a spread: V8 (Node 20) is slow on `{ ...a, ...b }`
      };
      if (notes.length > 0) d.notes = notes;
      return d;
    });
  }
  const situation = first;
  rec.record("eligibility.situation-met", situation === null ? "fail" : "pass", situation === null ? listedOnly : paramsOf(situation), () => ({
    title: { zh: "符合应当确认为职业伤害的情形之一", en: "one of the recognised situations is met" },
    reason: situation === null
      ? { zh: "事实不符合任何一种应当确认为职业伤害的情形", en: "the facts meet none of the recognised situations" }
      : {
        zh: `符合情形：${SITUATION_RULES[situation].title(maxHours.value).zh}`,
        en: `situation met: ${SITUATION_RULES[situation].title(maxHours.value).en}`,
      },
    citations: situation === null ? [] : situationCitations(ctx, situation),
    inputs: stated,
  }));

  // ── Exclusions (第十二条) ─────────────────────────────────────────────────────────────────────────────
  const exclusionsParam = ctx.param("eligibility.exclusions");
  const exclusionParams = [exclusionsParam.used];
  const exclusions: Exclusion[] = [];
  for (const x of EXCLUSIONS) {
    const { name, present, inputs } = EXCLUSION_RULES[x];
    const enabled = exclusionsParam.value.includes(x);
    const applies = enabled && present(i);
    if (applies) exclusions.push(x);
    rec.record(EXCLUSION_CHECK[x], !enabled ? "not-applicable" : applies ? "fail" : "pass", exclusionParams, () => ({
      title: { zh: `排除情形：${name.zh}`, en: `exclusion: ${name.en}` },
      reason: !enabled
        ? { zh: "本省规则未列此排除情形", en: "the province's rules do not list this exclusion" }
        : applies
          ? { zh: `因${name.zh}导致伤亡的，不得确认为职业伤害（适用于各种情形）`, en: `an injury or death caused by ${name.en} is not an occupational injury (applied to every situation)` }
          : { zh: `不存在${name.zh}`, en: `no ${name.en}` },
      citations: exclusionCitations(ctx, x),
      inputs: inputs(i),
    }));
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
  const failedChecks = rec.failed();
  ctx.explainer.addLazily(params, () => ({
    rule: "eligibility.decision",
    title: { zh: "职业伤害确认结论", en: "occupational-injury decision" },
    citations: situation === null ? [] : situationCitations(ctx, situation),
    inputs: { covered, situation, exclusions },
    result: { recognized, situation, exclusion: exclusions[0] ?? null, excludedBenefits },
    notes: [
      recognized
        ? { zh: "应当确认为职业伤害", en: "recognised as an occupational injury" }
        : { zh: `不予确认；未通过：${failedChecks.join("、")}`, en: `not recognised; failed: ${failedChecks.join(", ")}` },
      ...(excludedBenefits.length > 0
        ? [{ zh: "享受除一次性伤残补助金以外的职业伤害保障待遇", en: "every benefit except the one-time disability subsidy" }]
        : []),
    ],
  }));
  const result: EligibilityResult = {
    recognized,
    situation,
    exclusion: exclusions[0] ?? null,
    exclusions,
    excludedBenefits,
    covered,
    platformName,
    industry,
    failedChecks,
  };
  const checks = rec.toJson();
  if (checks !== undefined) result.checks = checks;
  return result;
}
