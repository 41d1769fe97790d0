/**
 * The scenario kinds: each maps a kind name to the input schema and the public function that evaluates it.
 * The CLI, the runner and the published JSON Schemas are all built from this one table.
 */

import { computeDeathBenefits } from "../benefits/death.js";
import { dependantInputSchema, qualifiesAsDependant } from "../benefits/dependants.js";
import { computeDisabilityBenefits } from "../benefits/disability.js";
import { computeLivingGuarantee } from "../benefits/living-guarantee.js";
import { computeThirdPartyMedicalOffset } from "../benefits/medical-offset.js";
import { computeClaimDeadlines } from "../deadlines/claim.js";
import { computeTimeLimit } from "../deadlines/catalogue.js";
import { computeDeclarationDeadline } from "../deadlines/declaration.js";
import { assessEligibility } from "../eligibility/eligibility.js";
import { assessLiability } from "../liability/liability.js";
import { computeGapSharing } from "../fund/gap-sharing.js";
import { computePrepayment } from "../fund/prepayment.js";
import { computeServiceFee } from "../fund/service-fee.js";
import { computeMonthlyPremium } from "../premium/contribution.js";
import { computeRateReview } from "../premium/review.js";
import { renderCitation } from "../core/citation.js";
import type { Json } from "../core/explain.js";
import { RuleContext } from "../provinces/index.js";
import { kindOf, type KindResult, type ScenarioKind } from "../provinces/rule.js";

export type { KindResult, ScenarioKind };

export const SCENARIO_KINDS: readonly ScenarioKind[] = [
  kindOf(computeMonthlyPremium),
  kindOf(computeRateReview),
  kindOf(computeServiceFee),
  kindOf(computePrepayment),
  kindOf(computeGapSharing),
  kindOf(assessEligibility),
  kindOf(assessLiability),
  kindOf(computeDeclarationDeadline),
  kindOf(computeClaimDeadlines),
  kindOf(computeTimeLimit),
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
      const ctx = RuleContext.create(p, o); // validates the province and the options (this rule reads no parameter)
      const r = qualifiesAsDependant(i as never);
      return {
        output: r as unknown as Json,
        ruleSet: ctx.resultRuleSetId(),
        assumptions: [],
        explanation: o.explain === false ? [] : [
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

/** A scenario kind as a caller sees it: its name, its title in both languages and the function that computes it. */
export interface ScenarioKindInfo {
  readonly kind: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** The exported function that computes the kind (e.g. `computeDisabilityBenefits`). */
  readonly functionName: string;
}

/**
 * Every scenario kind, in the order of {@link kindNames}, with its title and the function that computes it (what
 * the HTTP service lists at `GET /v1/kinds`).
 *
 * @example
 * ```ts
 * scenarioKinds().find((k) => k.kind === "disability-benefits")?.functionName; // "computeDisabilityBenefits"
 * scenarioKinds().length === kindNames().length; // true
 * ```
 */
export function scenarioKinds(): ScenarioKindInfo[] {
  return SCENARIO_KINDS.map((k) => ({ kind: k.kind, title: { zh: k.title.zh, en: k.title.en }, functionName: k.functionName }));
}
