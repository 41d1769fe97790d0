/**
 * zhishang 职伤 — China's occupational-injury protection for platform workers (新就业形态人员职业伤害保障) as
 * code: province rule sets with citations, benefits, and the scenario contract. Named exports only.
 */
export { ZhishangError, ERROR_CODES, isZhishangError } from "./core/errors.js";
export type { ErrorCode, ErrorPath, SafeResult, ZhishangErrorJSON } from "./core/errors.js";
export { DOCUMENTS, renderCitation, citationId } from "./core/citation.js";
export type { Citation, DocumentId, DocumentInfo, DocumentTable, RenderedCitation } from "./core/citation.js";
export type {
  CalendarYearInput,
  ComputeOptions,
  Explanation,
  ExplanationStep,
  Json,
  Statistics,
  StatisticYear,
  UsedParameter,
} from "./core/explain.js";
export type { Bilingual, Param, Provenance, ProvenanceKind } from "./core/params.js";
export { FEN_ROUNDING } from "./core/money.js";

export { getRuleSet, RULE_SETS, PROVINCES, parameterNames, isProvinceId } from "./provinces/index.js";
export {
  bundledRuleSets, loadRuleSet, validateRuleSet, ruleSetToFile, ruleSetFileSchema, RuleSetRegistry, NATIONAL_BASE_ID,
} from "./provinces/index.js";
export type {
  BundledProvinceId, CaseDate, Computation, ParamName, ProvinceId, RuleSet, RuleSetFile, RuleSetInput, RuleText,
} from "./provinces/index.js";
export type { RuleFunction, ScenarioKind, KindResult } from "./provinces/rule.js";
export type { ScenarioOptions } from "./scenario/scenario.js";
export { NATIONAL_URBAN_DISPOSABLE_INCOME } from "./stats/national-income.js";

export { computeDisabilityBenefits, NURSING_LEVELS } from "./benefits/disability.js";
export type { DisabilityBenefits, DisabilityInput, NursingLevel } from "./benefits/disability.js";
export { computeDeathBenefits, DEPENDANT_RELATIONS, DEATH_CONTEXTS, OTHER_DEATH_BENEFITS } from "./benefits/death.js";
export type { DeathBenefits, DeathInput, DependantPensionDetail, DependantRelation } from "./benefits/death.js";
export { computeLivingGuarantee } from "./benefits/living-guarantee.js";
export type { LivingGuarantee, LivingGuaranteeInput, LivingGuaranteeMonth } from "./benefits/living-guarantee.js";
export { qualifiesAsDependant } from "./benefits/dependants.js";
export type { DependantBasis, DependantInput, DependantQualification } from "./benefits/dependants.js";
export { computeThirdPartyMedicalOffset } from "./benefits/medical-offset.js";
export type { MedicalOffset, MedicalOffsetInput } from "./benefits/medical-offset.js";

export {
  BUNDLED_CALENDAR,
  WorkingDayCalendar,
  loadCalendar,
  isWorkingDay,
  dayKind,
  nextWorkingDay,
  addWorkingDays,
  countWorkingDays,
} from "./calendar/calendar.js";
export type { CalendarYearSource, DayKind } from "./calendar/calendar.js";
export { OFFICIAL_HOLIDAY_YEARS, bundledCalendarInputs } from "./calendar/data.js";
export type { CalendarSource, HolidayYear } from "./calendar/data.js";
export {
  calendarDayPeriod,
  workingDayPeriod,
  monthPeriod,
  yearPeriod,
  computePeriod,
  describePeriod,
  PERIOD_UNITS,
} from "./calendar/periods.js";
export type { PeriodExtension, PeriodOptions, PeriodResult, PeriodSpec, PeriodUnit, SkippedRestDay } from "./calendar/periods.js";
export { computeDeclarationDeadline, taxDeclarationDeadline } from "./deadlines/declaration.js";
export type {
  DeclarationDeadline,
  DeclarationInput,
  DeclarationRestPeriod,
  DeclarationRule,
  TaxDeadlineDetail,
} from "./deadlines/declaration.js";
export { computeClaimDeadlines } from "./deadlines/claim.js";
export type { ClaimDeadlines, ClaimDeadlinesInput } from "./deadlines/claim.js";
export {
  renderClaimTimeline, claimTimelineEntries, timelineOf, scenarioTimeline, renderTimeline, TIMELINE_KINDS, TIMELINE_FORMATS,
} from "./deadlines/timeline.js";
export type {
  ClaimTimeline, ClaimTimelineSource, TimelineEntry, TimelineLang, TimelineOptions, Timeline, TimelineSource, TimelineKind,
  TimelineFormat, TimelinePrecision, TimelineSuppliedDate, TimelineStatus, TimelineCompliance, TimelineCitation, TimelineDeadline,
  TimelinePeriod, TimelineBuildOptions, ScenarioTimelineOptions, TimelineRenderOptions,
} from "./deadlines/timeline.js";
export {
  computeTimeLimit,
  timeLimitCatalogue,
  allTimeLimitCatalogues,
  TIME_LIMITS,
  TIME_LIMIT_IDS,
} from "./deadlines/catalogue.js";
export type {
  TimeLimitDefinition,
  TimeLimitEntry,
  TimeLimitId,
  TimeLimitInput,
  TimeLimitKind,
  TimeLimitResult,
} from "./deadlines/catalogue.js";

export { assessEligibility, SINGLE_INSURANCE_EXCEPTIONS } from "./eligibility/eligibility.js";
export type { EligibilityInput, EligibilityResult, SingleInsuranceException } from "./eligibility/eligibility.js";
export { CHECK_OUTCOMES } from "./eligibility/checks.js";
export type { CheckCitation, CheckOutcome, RuleCheck } from "./eligibility/checks.js";
export {
  ACTIVITIES,
  EVENTS,
  EXCLUSIONS,
  INDUSTRY_VALUES,
  PILOT_INDUSTRIES,
  PLATFORMS,
  PLATFORM_IDS,
  SITUATIONS,
} from "./core/vocabulary.js";
export type {
  Activity,
  Exclusion,
  IndustryValue,
  InjuryEvent,
  PilotIndustry,
  PilotPlatformEntry,
  PlatformId,
  PlatformValue,
  Situation,
} from "./core/vocabulary.js";
export { assessLiability, COST_ITEMS } from "./liability/liability.js";
export type { CostItem, CostItemId, Liability, LiabilityInput } from "./liability/liability.js";
export { findResponsiblePlatform, LIABILITY_RULES } from "./liability/responsible-platform.js";
export type { LiabilityRule, ResponsiblePlatform, ResponsiblePlatformInput } from "./liability/responsible-platform.js";
export type { EligibilityOrderInput, OrderInput } from "./eligibility/orders.js";

export {
  computeRatePerOrder,
  INDUSTRIES,
} from "./premium/rates.js";
export type { Industry, RateInput, RatePerOrder } from "./premium/rates.js";
export { computeRateReview, PAYOUT_RATIO_PLACES } from "./premium/review.js";
export type { RateReview, RateReviewInput } from "./premium/review.js";
export {
  OrderTally,
  countOrders,
  countOrdersAsync,
  countOrderColumns,
  mergeOrderCounts,
  decideOrder,
  ORDER_STATUSES,
  ORDER_EXCLUSIONS,
  MAX_TALLY_PLATFORMS,
  orderCountsSql,
  orderCountsFromRows,
  exclusionColumn,
  ORDER_SQL_DIALECTS,
} from "./premium/orders.js";
export type {
  OrderCountsSqlOptions,
  OrderSqlDialect,
  OrderSqlRow,
  OrderColumns,
  OrderCountRow,
  OrderCounts,
  OrderDecision,
  OrderExclusion,
  OrderRecord,
  OrderStatus,
} from "./premium/orders.js";
export { computeMonthlyPremium, computeMonthlyContributions } from "./premium/contribution.js";
export type {
  ContributionLine,
  MonthlyContributions,
  MonthlyContributionsInput,
  MonthlyPremium,
  MonthlyPremiumInput,
} from "./premium/contribution.js";
export { computeServiceFee } from "./fund/service-fee.js";
export type { ServiceFee, ServiceFeeInput } from "./fund/service-fee.js";
export { computePrepayment } from "./fund/prepayment.js";
export type { Prepayment, PrepaymentInput } from "./fund/prepayment.js";
export { computeGapSharing } from "./fund/gap-sharing.js";
export type { GapSharing, GapSharingInput } from "./fund/gap-sharing.js";

export {
  evaluateScenario,
  safeEvaluateScenario,
  runScenario,
  scenarioJsonSchema,
  kindNames,
  scenarioDefects,
} from "./scenario/scenario.js";
export type { EvaluatedScenario, Mismatch, Scenario, ScenarioRun, ScenarioWarning } from "./scenario/scenario.js";
export { evaluateDocument, loadProcessData, defaultProcessData } from "./scenario/batch.js";
export type {
  DataFile, EvaluateDocumentOptions, EvaluationFailure, EvaluationLine, EvaluationSuccess, ProcessData, ProcessDataFiles,
} from "./scenario/batch.js";
export { LIBRARY_VERSION } from "./core/version.js";
export { statisticsJsonSchema } from "./stats/statistics.js";
export { formatReport, formatRun, REPORTERS } from "./scenario/report.js";
export type { ReportedRun, ReporterName, ReportOptions } from "./scenario/report.js";
export { outputJsonSchema, explanationJsonSchema, scenarioEnvelopeJsonSchema } from "./scenario/schemas.js";
export { scenarioKinds } from "./scenario/kinds.js";
export type { ScenarioKindInfo } from "./scenario/kinds.js";
export { OUTPUT_FIELDS } from "./scenario/output-fields.js";
export { explain, explanationToText } from "./scenario/render.js";
export type { ExplainFormat, ExplainLang, ExplainOptions } from "./scenario/render.js";
