/**
 * The scenario kinds: each maps a kind name to the input schema and the public function that evaluates it.
 * The CLI, the runner and the published JSON Schemas are all built from this one table.
 */
import type { z } from "zod";
import { computeDeathBenefits, deathInputSchema } from "../benefits/death.js";
import { dependantInputSchema, qualifiesAsDependant } from "../benefits/dependants.js";
import { computeDisabilityBenefits, disabilityInputSchema } from "../benefits/disability.js";
import { computeLivingGuarantee, livingGuaranteeInputSchema } from "../benefits/living-guarantee.js";
import { computeThirdPartyMedicalOffset, medicalOffsetInputSchema } from "../benefits/medical-offset.js";
import { renderCitation } from "../core/citation.js";
import type { ComputeOptions, Explanation, Json } from "../core/explain.js";
import { getRuleSet, type ProvinceId } from "../provinces/index.js";

export interface KindResult {
  readonly output: Json;
  readonly explanation: Explanation;
}

export interface ScenarioKind {
  readonly kind: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly input: z.ZodType;
  readonly evaluate: (province: ProvinceId, input: unknown, options: ComputeOptions) => KindResult;
}

function fromComputation<T>(c: { value: T; explanation: Explanation }): KindResult {
  return { output: c.value as unknown as Json, explanation: c.explanation };
}

export const SCENARIO_KINDS: readonly ScenarioKind[] = [
  {
    kind: "disability-benefits",
    title: { zh: "伤残待遇（一至十级、护理、养老金补差）", en: "disability benefits (grades 1–10, nursing, pension top-up)" },
    input: disabilityInputSchema,
    evaluate: (p, i, o) => fromComputation(computeDisabilityBenefits(p, i as never, o)),
  },
  {
    kind: "death-benefits",
    title: { zh: "死亡待遇（丧葬补助金、供养亲属抚恤金、一次性死亡补助金）", en: "death benefits" },
    input: deathInputSchema,
    evaluate: (p, i, o) => fromComputation(computeDeathBenefits(p, i as never, o)),
  },
  {
    kind: "living-guarantee",
    title: { zh: "治疗期生活保障费", en: "living guarantee during treatment" },
    input: livingGuaranteeInputSchema,
    evaluate: (p, i, o) => fromComputation(computeLivingGuarantee(p, i as never, o)),
  },
  {
    kind: "third-party-medical-offset",
    title: { zh: "涉及第三人责任的医疗费补差（上海）", en: "third-party medical offset (Shanghai)" },
    input: medicalOffsetInputSchema,
    evaluate: (p, i, o) => fromComputation(computeThirdPartyMedicalOffset(p, i as never, o)),
  },
  {
    kind: "dependant-qualification",
    title: { zh: "供养亲属资格（劳社部令第18号）", en: "dependant qualification (order no. 18)" },
    input: dependantInputSchema,
    evaluate: (p, i) => {
      getRuleSet(p); // validates the province
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

export function kindNames(): string[] {
  return SCENARIO_KINDS.map((k) => k.kind);
}
