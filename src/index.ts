/**
 * zhishang 职伤 — China's occupational-injury protection for platform workers (新就业形态人员职业伤害保障) as
 * code: province rule sets with citations, benefits, and the scenario contract. Named exports only.
 */
export { ZhishangError, ERROR_CODES, isZhishangError } from "./core/errors.js";
export type { ErrorCode, ErrorPath, SafeResult, ZhishangErrorJSON } from "./core/errors.js";
export { DOCUMENTS, renderCitation, citationId } from "./core/citation.js";
export type { Citation, DocumentId, RenderedCitation } from "./core/citation.js";
export type {
  CalendarYearInput,
  ComputeOptions,
  Explanation,
  ExplanationStep,
  Json,
  UsedParameter,
} from "./core/explain.js";
export type { Bilingual, Param, Provenance, ProvenanceKind } from "./core/params.js";
export { FEN_ROUNDING } from "./core/money.js";

export { getRuleSet, RULE_SETS, PROVINCES, parameterNames, isProvinceId } from "./provinces/index.js";
export type { Computation, ParamName, ProvinceId, RuleSet } from "./provinces/index.js";
export { NATIONAL_URBAN_DISPOSABLE_INCOME } from "./stats/national-income.js";

export { computeDisabilityBenefits, NURSING_LEVELS } from "./benefits/disability.js";
export type { DisabilityBenefits, DisabilityInput, NursingLevel } from "./benefits/disability.js";
export { computeDeathBenefits, DEPENDANT_RELATIONS, DEATH_CONTEXTS } from "./benefits/death.js";
export type { DeathBenefits, DeathInput, DependantPensionDetail, DependantRelation } from "./benefits/death.js";
export { computeLivingGuarantee } from "./benefits/living-guarantee.js";
export type { LivingGuarantee, LivingGuaranteeInput, LivingGuaranteeMonth } from "./benefits/living-guarantee.js";
export { qualifiesAsDependant } from "./benefits/dependants.js";
export type { DependantBasis, DependantInput, DependantQualification } from "./benefits/dependants.js";
export { computeThirdPartyMedicalOffset } from "./benefits/medical-offset.js";
export type { MedicalOffset, MedicalOffsetInput } from "./benefits/medical-offset.js";

export {
  evaluateScenario,
  safeEvaluateScenario,
  runScenario,
  scenarioJsonSchema,
  kindNames,
} from "./scenario/scenario.js";
export type { EvaluatedScenario, Mismatch, Scenario, ScenarioRun } from "./scenario/scenario.js";
export { explanationToText } from "./scenario/render.js";
