/**
 * The scenario kinds: each maps a kind name to the input schema and the public function that evaluates it.
 * The CLI, the runner and the published JSON Schemas are all built from this one table.
 */

import { computeDeathBenefits } from "../benefits/death.js";
import { dependantInputSchema, qualifiesAsDependant } from "../benefits/dependants.js";
import { computeDisabilityBenefits } from "../benefits/disability.js";
import { computeLivingGuarantee } from "../benefits/living-guarantee.js";
import { computeThirdPartyMedicalOffset } from "../benefits/medical-offset.js";
import { claimDeadlinesInputSchema, computeClaimDeadlines } from "../deadlines/claim.js";
import { computeTimeLimit, timeLimitInputSchema } from "../deadlines/catalogue.js";
import { computeDeclarationDeadline, declarationInputSchema } from "../deadlines/declaration.js";
import { assessEligibility, eligibilityInputSchema } from "../eligibility/eligibility.js";
import { assessLiability, liabilityInputSchema } from "../liability/liability.js";
import { computeGapSharing } from "../fund/gap-sharing.js";
import { computeServiceFee } from "../fund/service-fee.js";
import { computeMonthlyPremium, monthlyPremiumInputSchema } from "../premium/contribution.js";
import { computeRateReview, rateReviewInputSchema } from "../premium/review.js";
import { renderCitation } from "../core/citation.js";
import type { Json } from "../core/explain.js";
import { RuleContext } from "../provinces/index.js";
import { fromComputation, kindOf, type KindResult, type ScenarioKind } from "../provinces/rule.js";

export type { KindResult, ScenarioKind };

export const SCENARIO_KINDS: readonly ScenarioKind[] = [
  {
    kind: "monthly-premium",
    title: { zh: "按月应缴职业伤害保障费（上月单量 × 每单缴费标准）与申报期限", en: "monthly premium (last month's orders × per-order rate) and its declaration deadline" },
    input: monthlyPremiumInputSchema,
    functionName: "computeMonthlyPremium",
    evaluate: (p, i, o) => fromComputation(computeMonthlyPremium(p as never, i as never, o)),
  },
  {
    kind: "rate-review",
    title: { zh: "年度费率浮动评估（支缴率、建议档次、即时配送基准额切换）", en: "annual rate review (payout ratio, suggested tier, instant-delivery switch)" },
    input: rateReviewInputSchema,
    functionName: "computeRateReview",
    evaluate: (p, i, o) => fromComputation(computeRateReview(p as never, i as never, o)),
  },
  kindOf(computeServiceFee),
  kindOf(computeGapSharing),
  {
    kind: "eligibility",
    title: { zh: "职业伤害确认（情形、排除情形、试点范围）", en: "occupational-injury eligibility (situations, exclusions, coverage)" },
    input: eligibilityInputSchema,
    functionName: "assessEligibility",
    evaluate: (p, i, o) => fromComputation(assessEligibility(p as never, i as never, o)),
  },
  {
    kind: "liability",
    title: { zh: "平台责任（责任平台、逾期申请等费用承担）", en: "platform liability (responsible platform, costs borne)" },
    input: liabilityInputSchema,
    functionName: "assessLiability",
    evaluate: (p, i, o) => fromComputation(assessLiability(p as never, i as never, o)),
  },
  {
    kind: "declaration-deadline",
    title: { zh: "按月申报缴纳期限", en: "monthly declaration deadline" },
    input: declarationInputSchema,
    functionName: "computeDeclarationDeadline",
    evaluate: (p, i, o) => fromComputation(computeDeclarationDeadline(p as never, i as never, o)),
  },
  {
    kind: "claim-deadlines",
    title: { zh: "申请、补正、确认、再次鉴定期限与治疗期", en: "claim deadlines and the treatment period" },
    input: claimDeadlinesInputSchema,
    functionName: "computeClaimDeadlines",
    evaluate: (p, i, o) => fromComputation(computeClaimDeadlines(p as never, i as never, o)),
  },
  {
    kind: "time-limit",
    title: { zh: "任一期限（期限目录）", en: "any time limit of the catalogue" },
    input: timeLimitInputSchema,
    functionName: "computeTimeLimit",
    evaluate: (p, i, o) => fromComputation(computeTimeLimit(p as never, i as never, o)),
  },
  kindOf(computeDisabilityBenefits),
  kindOf(computeDeathBenefits),
  kindOf(computeLivingGuarantee),
  kindOf(computeThirdPartyMedicalOffset),
  {
    kind: "dependant-qualification",
    title: { zh: "供养亲属资格（劳社部令第18号）", en: "dependant qualification (order no. 18)" },
    input: dependantInputSchema,
    functionName: "qualifiesAsDependant",
    evaluate: (p, i, o) => {
      RuleContext.create(p, o); // validates the province and the options (this rule reads no parameter)
      const r = qualifiesAsDependant(i as never);
      return {
        output: r as unknown as Json,
        explanation: [
          {
            step: 1,
            rule: "dependants.qualification",
            title: { zh: "供养亲属范围", en: "who is a dependant" },
            citations: r.citations.map((c) => renderCitation(c)),
            inputs: i as { [k: string]: Json },
            parameters: [],
            result: { qualifies: r.qualifies, basis: r.basis, payableUntil: r.payableUntil },
            notes: r.reasons,
          },
        ],
      };
    },
  },
];

export function findKind(kind: string): ScenarioKind | undefined {
  return SCENARIO_KINDS.find((k) => k.kind === kind);
}

/**
 * The names of the scenario kinds, each with its JSON Schema (`schemas/<kind>.json`, {@link scenarioJsonSchema}).
 *
 * @example
 * ```ts
 * kindNames().includes("disability-benefits"); // true
 * ```
 */
export function kindNames(): string[] {
  return SCENARIO_KINDS.map((k) => k.kind);
}
