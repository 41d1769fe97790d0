/**
 * The input and the result of the eligibility rule ({@link assessEligibility}): the zod schema every caller's input
 * is checked against (JSON Schema: schemas/eligibility.json), and the shape of the decision.
 */
import { z } from "zod";
import { monthSchema } from "../core/months.js";
import {
  ACTIVITIES, EVENTS, INDUSTRY_VALUES, type Exclusion, type IndustryValue, type Situation,
} from "../core/vocabulary.js";
import type { RuleCheck } from "./checks.js";
import { dateTimeSchema, eligibilityOrderSchema, platformIdSchema } from "./orders.js";

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
  accidentAt: dateTimeSchema(),
  /**
   * The platform whose cover is checked: a lowercase platform id (docs/scenarios.md, or one the rule set's
   * `coverage.pilotPlatforms` lists), or `other`.
   */
  platform: platformIdSchema(),
  /**
   * The industry of the work; defaults to the platform's industry in the catalogue, else to the industry under
   * which the rule set lists the platform (required for `other` and a platform neither names).
   */
  industry: z.enum(INDUSTRY_VALUES).optional(),
  activity: z.enum(ACTIVITIES),
  event: z.enum(EVENTS),
  /** Traffic / rail accident on the way: the worker bore the main responsibility (required for those cases). */
  ownPrimaryResponsibility: z.boolean().optional(),
  /** Sudden illness: hours from onset to death (at most `eligibility.suddenDeathMaxHours` for the situation). */
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
  deathAt: dateTimeSchema().optional(),
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
  /** The caller states the platform takes part in the province's pilot (for a platform not on the rule set's list). */
  platformInPilot: z.boolean().optional(),
  /** The order was accepted in this province (default true); false: another province's case. */
  orderAcceptedInProvince: z.boolean().optional(),
  /** Item (一): the injury arose from performing the platform's service (default true; Shanghai 第十九条第一款). */
  performingPlatformService: z.boolean().optional(),
  /** The way to a designated place: the platform that required it (informational; the cover checked is `platform`'s). */
  designatedBy: platformIdSchema().optional(),
  /** The way home: on a reasonable route (default true). */
  reasonableRoute: z.boolean().optional(),
  /** Order records (accepted / completed times) to check "during the order task" and "after the orders". */
  orders: z.array(eligibilityOrderSchema()).max(500).optional(),
  /** Shanghai 规程第四十三条: the month (`YYYY-MM`) the platform paid the premium; cover runs from that month. */
  premiumPaidMonth: monthSchema.optional(),
  /** Zhejiang 二（七）: the worker's 单项工伤保险 (special-persons work-injury insurance) before the pilot. */
  singleWorkInjuryInsurance: z
    .strictObject({ insured: z.boolean(), exception: z.enum(SINGLE_INSURANCE_EXCEPTIONS).optional() })
    .optional(),
}));
/** The input of {@link assessEligibility} (JSON Schema: schemas/eligibility.json, `input`). */
export type EligibilityInput = z.input<typeof eligibilityInputSchema>;
/** The input once validated (what the checks read). */
export type ParsedEligibilityInput = z.output<typeof eligibilityInputSchema>;

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
  /** The platform's name as the rule set's list writes it, else the catalogue's (null for `other` or an id neither names). */
  platformName: string | null;
  industry: IndustryValue;
  /** Rule ids of the checks that failed. */
  failedChecks: string[];
  /**
   * Every rule checked, in order, with its outcome, reason and citations — the explanation of the decision rule by
   * rule, so left out of a decision-only result (`explain: false`), which names its failed checks in `failedChecks`.
   */
  checks?: RuleCheck[];
}
