/**
 * The shape of a province rule set, as a zod schema (validated when the rule sets load and in the tests), and
 * the catalogue of parameter names that callers may override.
 */
import { z } from "zod";
import type { Citation, DocumentTable } from "../core/citation.js";
import type { Bilingual, Param } from "../core/params.js";
import { EXCLUSIONS, PILOT_INDUSTRIES, SITUATIONS } from "../core/vocabulary.js";

/**
 * The provinces whose rule sets ship with the package. Any other province is added as data: a rule-set file
 * (docs/rule-sets.md) loaded with {@link loadRuleSet} into a {@link RuleSetRegistry}.
 *
 * @example
 * ```ts
 * PROVINCES; // ["qinghai", "shanghai", "guangxi", "inner-mongolia", "zhejiang"]
 * ```
 */
export const PROVINCES = ["qinghai", "shanghai", "guangxi", "inner-mongolia", "zhejiang"] as const;
/** One of the bundled {@link PROVINCES}. */
export type BundledProvinceId = (typeof PROVINCES)[number];
/**
 * A province id: a lowercase word or words joined by `-` (`"qinghai"`, `"inner-mongolia"`, `"jiangsu"`). The
 * bundled ones are {@link PROVINCES}; any other comes with a rule-set file.
 */
export type ProvinceId = string;

/** The form of a province id, and of a platform id: lowercase letters and digits, words joined by `-`. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A province id's schema: its form only (whether a rule set exists for it is known when a registry is asked). */
export const provinceSchema = z.string().min(2).max(40).regex(ID_PATTERN, 'expected a lowercase province id such as "qinghai"');

/*
 * The zod schemas of this module are built on first use, not when the package is imported: building them takes
 * longer than all the rest of the package's start-up (docs/performance.md, "Import time").
 */
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function buildValueSchemas() {
  const DECIMAL = /^(0|[1-9]\d{0,5})(\.\d{1,6})?$/;

  const isoDateSchema = z.string().regex(ISO_DATE, "expected YYYY-MM-DD");
  const months = z.number().int().min(0).max(120);
  const percent = z.number().int().min(0).max(200);
  const factor = z
    .string()
    .regex(DECIMAL, "expected a decimal string such as \"0.6\"")
    .refine((s) => Number(s) > 0 && Number(s) <= 10, "factor must be in (0, 10]");

  /** A time limit or duration: a count of calendar days, working days, months or years (src/calendar/periods.ts). */
  const timeLimitPeriod = z.strictObject({
    count: z.number().int().min(1).max(3660),
    unit: z.enum(["day", "working-day", "month", "year"]),
  });
  /** A monthly due day; `holiday`: how a rest day moves it (`tax-declaration`: docs/sources.md#B3). */
  const monthlyDueDay = z.strictObject({
    day: z.number().int().min(1).max(28),
    holiday: z.enum(["next-working-day", "tax-declaration"]),
  });
  /** A yearly due date; `holiday`: `next-working-day` (顺延) or `none`. */
  const annualDueDate = z.strictObject({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    holiday: z.enum(["next-working-day", "none"]),
  });

  /** A per-order amount in yuan, kept exact (docs/decisions.md#C4): a positive decimal string such as "0.07". */
  const perOrderAmount = z
    .string()
    .regex(/^(0|[1-9]\d{0,2})(\.\d{1,6})?$/, 'expected a per-order amount such as "0.07"')
    .refine((s) => Number(s) > 0, "a per-order amount must be greater than zero");
  /** The base amounts of each industry in force from `from`; an industry's first amount is its default (docs/decisions.md#C1). */
  const baseAmountsFrom = z.strictObject({
    from: isoDateSchema,
    "ride-hailing": z.array(perOrderAmount).min(1).max(4),
    "instant-delivery": z.array(perOrderAmount).min(1).max(4),
    "intra-city-freight": z.array(perOrderAmount).min(1).max(4),
  });
  /** A percentage as a decimal string ("3", "1.5"). */
  const percentString = z.string().regex(/^(0|[1-9]\d{0,2})(\.\d{1,4})?$/, 'expected a percentage such as "3" or "1.5"');

  /** Value schemas of every documented parameter, by name (the names used in `overrides`). */
  const values = {
    "coverage.inForceFrom": isoDateSchema,
    "benefit.baseFactor": factor,
    "disability.oneTimeSubsidyMonths": z.strictObject({
      "1": months, "2": months, "3": months, "4": months, "5": months,
      "6": months, "7": months, "8": months, "9": months, "10": months,
    }),
    "disability.monthlyAllowancePercent": z.strictObject({ "1": percent, "2": percent, "3": percent, "4": percent }),
    "disability.oneTimeAllowanceMonths": z.strictObject({ "5": months, "6": months }),
    "veteran.excludedBenefits": z.array(z.enum(["oneTimeDisabilitySubsidy"])).max(1),
    "nursing.percent": z.strictObject({ full: percent, most: percent, partial: percent }),
    "death.funeralMonths": months,
    "death.dependantPercent": z.strictObject({ spouse: percent, other: percent, orphanOrSolitaryElderExtra: percent }),
    "death.dependantCapPercent": percent,
    "death.oneTimeSubsidyIncomeMultiple": z.number().int().min(1).max(100),
    "livingGuarantee.payer": z.enum(["platform"]),
    "transitional.implementationMeasuresFrom": isoDateSchema,
    "transitional.periodicBaseYear": z.number().int().min(2000).max(2100),
    "medical.thirdPartyOffset": z.enum(["top-up-difference"]),
    // Premiums and the fund (src/premium, src/fund, docs/premiums.md).
    "premium.baseAmounts": z
      .array(baseAmountsFrom)
      .min(1)
      .max(20)
      .refine((a) => a.every((e, k) => k === 0 || (a[k - 1] as { from: string }).from < e.from), "entries must be in increasing order of from"),
    "premium.floatTiers": z
      .strictObject({ min: percent, max: percent, step: z.number().int().min(1).max(100) })
      .refine((t) => t.min >= 1 && t.min <= 100 && t.max >= 100 && (100 - t.min) % t.step === 0 && (t.max - 100) % t.step === 0,
        "tiers run from min to max through 100 in steps of step"),
    "premium.floatPeriod": z.enum(["yearly-from-1-january"]),
    "premium.firstFloatFrom": isoDateSchema,
    "premium.floatMinContributionMonths": z.number().int().min(1).max(120),
    "premium.instantDeliverySwitch": z.strictObject({ lower: perOrderAmount, upper: perOrderAmount }),
    "premium.orderCounting": z.enum(["ended-by-24h-china-time"]),
    "premium.contributionBasis": z.enum(["last-month-orders-times-rate"]),
    "fund.serviceFee": z.strictObject({
      fundingPercent: percentString,
      benefitSpendPercent: percentString,
      floatingMaxPercentOfBenefitSpend: percentString,
    }),
    "fund.prepayment": z.strictObject({
      agencyMonths: z.number().int().min(1).max(12),
      insurerMonths: z.number().int().min(1).max(12),
      firstYearShareOfFundingBudget: z.strictObject({ numerator: z.number().int().min(1).max(12), denominator: z.number().int().min(1).max(12) }),
    }),
    "fund.gapSharing": z.enum(["benefit-spend-share-or-own-balance"]),
    "fund.gapSharingNetOfSurpluses": z.enum(["net-gap-by-deficit-share"]),
    // Time limits (src/deadlines/catalogue.ts, docs/time-limits.md).
    "timeLimit.platformApplication": timeLimitPeriod,
    "timeLimit.workerApplication": timeLimitPeriod,
    "timeLimit.applicationExtensionCap": timeLimitPeriod,
    "timeLimit.supplementMaterials": timeLimitPeriod,
    "timeLimit.confirmation": timeLimitPeriod,
    "timeLimit.confirmationFactsClear": timeLimitPeriod,
    "timeLimit.conclusionDelivery": timeLimitPeriod,
    "timeLimit.reassessmentRequest": timeLimitPeriod,
    "timeLimit.sporadicMedicalReimbursement": timeLimitPeriod,
    "timeLimit.benefitReview": timeLimitPeriod,
    "timeLimit.monthlyDataHandover": monthlyDueDay,
    "timeLimit.dataCorrection": timeLimitPeriod,
    "timeLimit.monthlyDeclaration": monthlyDueDay,
    "timeLimit.feeRegistration": timeLimitPeriod,
    "timeLimit.rateDetermination": annualDueDate,
    "timeLimit.rateNotice": annualDueDate,
    "timeLimit.prepaymentSettlement": timeLimitPeriod,
    "treatment.period": timeLimitPeriod,
    "treatment.maxExtension": timeLimitPeriod,
    // Eligibility, coverage and platform liability (src/eligibility, src/liability, docs/eligibility.md).
    "coverage.industries": z.array(z.enum(PILOT_INDUSTRIES)).min(1).max(3),
    "coverage.otherIndustriesFrom": isoDateSchema,
    "coverage.pilotPlatforms": z.array(z.strictObject({
      platform: z.string().max(60).regex(ID_PATTERN, "expected a platform id such as \"meituan\""),
      nameZh: z.string().min(1),
      industry: z.enum(PILOT_INDUSTRIES),
      from: isoDateSchema,
      until: isoDateSchema.nullable(),
    })).max(100),
    "coverage.allPlatformsOfIndustriesFrom": isoDateSchema,
    "coverage.byPlaceOfAcceptance": z.boolean(),
    "coverage.fromPremiumPaidMonth": z.boolean(),
    "coverage.singleWorkInjuryInsuranceUntil": isoDateSchema,
    "coverage.noDoubleClaim": z.boolean(),
    "eligibility.situations": z.array(z.enum(SITUATIONS)).max(6),
    "eligibility.exclusions": z.array(z.enum(EXCLUSIONS)).max(3),
    "eligibility.suddenDeathMaxHours": z.number().int().min(0).max(720),
    "liability.multiplePlatformsRule": z.enum(["first-accepted-same-route"]),
    "liability.benefitCostsPayer": z.enum(["fund"]),
    "liability.lateFilingCostsPayer": z.enum(["platform"]),
    "liability.nursingDuringTreatmentPayer": z.enum(["platform", "platform-or-service-organisation"]),
    "liability.unreportedInformationPayer": z.enum(["platform"]),
    "liability.serviceOrganisationFailurePayer": z.enum(["platform"]),
    "liability.identityCheckNotDonePayer": z.enum(["platform"]),
  } as const;
  return values;
}

type ValueSchemas = ReturnType<typeof buildValueSchemas>;
let valueSchemas: ValueSchemas | undefined;

/** Value schemas of every documented parameter, by name (the names used in `overrides`); built on first use. */
export function parameterValueSchemas(): ValueSchemas {
  return (valueSchemas ??= buildValueSchemas());
}

/** The name of a rule-set parameter, e.g. `"benefit.baseFactor"` (all listed in docs/provinces.md). */
export type ParamName = keyof ValueSchemas;
export type ParamValue<K extends ParamName> = z.infer<ValueSchemas[K]>;

/** Parameters only some provinces define; asking for one elsewhere is `RULE_NOT_DEFINED`. */
export const OPTIONAL_PARAMS = [
  "transitional.implementationMeasuresFrom",
  "transitional.periodicBaseYear",
  "medical.thirdPartyOffset",
  "premium.firstFloatFrom",
  "premium.floatMinContributionMonths",
  "fund.serviceFee",
  "fund.prepayment",
  "fund.gapSharing",
  "fund.gapSharingNetOfSurpluses",
  "timeLimit.applicationExtensionCap",
  "timeLimit.conclusionDelivery",
  "timeLimit.sporadicMedicalReimbursement",
  "timeLimit.benefitReview",
  "timeLimit.monthlyDataHandover",
  "timeLimit.dataCorrection",
  "timeLimit.feeRegistration",
  "timeLimit.rateDetermination",
  "timeLimit.rateNotice",
  "timeLimit.prepaymentSettlement",
  "coverage.otherIndustriesFrom",
  "coverage.allPlatformsOfIndustriesFrom",
  "coverage.fromPremiumPaidMonth",
  "coverage.singleWorkInjuryInsuranceUntil",
  "liability.identityCheckNotDonePayer",
] as const satisfies readonly ParamName[];
type OptionalParamName = (typeof OPTIONAL_PARAMS)[number];
type RequiredParamName = Exclude<ParamName, OptionalParamName>;

export type RuleSetParams = { readonly [K in RequiredParamName]: Param<ParamValue<K>> } & {
  readonly [K in OptionalParamName]?: Param<ParamValue<K>>;
};


/**
 * What a rule set says of one rule beyond its parameters: the articles behind it and the notes a reader needs,
 * where they differ by province (e.g. which article states the pension top-up). Keyed by a rule text id such as
 * `"disability.pension-top-up"` (all listed in docs/rule-sets.md).
 */
export interface RuleText {
  readonly citations?: readonly Citation[];
  readonly notes?: readonly Bilingual[];
}

/** One version of a province's rule set, resolved: every parameter present, its `extends` applied. */
export interface RuleSet {
  /** `province@validFrom`, e.g. `qinghai@2026-07-01`. */
  readonly id: string;
  readonly province: ProvinceId;
  readonly name: Bilingual;
  /** First day this version applies (a case dated earlier is `RULE_NOT_IN_FORCE`, unless an earlier version applies). */
  readonly validFrom: string;
  /** Last day this version applies, or null: then it applies until the day before the next version's `validFrom`. */
  readonly validTo: string | null;
  /** The rule set this one was built on (`"national"` or a rule-set id), or null for a complete file. */
  readonly extends: string | null;
  /** The documents this rule set encodes (ids of {@link DOCUMENTS} or of its own `documents`). */
  readonly sources: readonly string[];
  /** Documents the rule set's citations name that the library does not know, by id. */
  readonly documents: DocumentTable;
  readonly params: RuleSetParams;
  /** Citations and notes of rules that differ by province, by rule text id. */
  readonly rules: Readonly<Record<string, RuleText>>;
}

/**
 * A rule-set file as written (docs/rule-sets.md, JSON Schema `schemas/rule-set.json`): what differs from the rule
 * set it `extends`. {@link loadRuleSet} validates and resolves it into a {@link RuleSet}.
 */
export interface RuleSetFile {
  readonly $schema?: string;
  readonly id: string;
  readonly province: ProvinceId;
  readonly name?: Bilingual;
  readonly validFrom: string;
  readonly validTo?: string | null;
  readonly extends?: string | null;
  readonly documents?: DocumentTable;
  readonly sources?: readonly string[];
  readonly params?: { readonly [K in ParamName]?: Param<ParamValue<K>> };
  readonly rules?: Readonly<Record<string, RuleText>>;
}

function buildRuleSetFileSchema() {
  const values = parameterValueSchemas();
  const isoDateSchema = z.string().regex(ISO_DATE, "expected YYYY-MM-DD");
  const docId = z.string().min(1).max(80).regex(ID_PATTERN, "expected a document id such as \"jiangsu-measures\"");
  const text = z.string().min(1).max(2000);
  const bilingual = z.strictObject({ zh: text, en: text });
  const citationSchema = z.strictObject({
    doc: docId,
    article: z.number().int().min(1).max(500).optional(),
    paragraph: z.number().int().min(1).max(50).optional(),
    item: z.number().int().min(1).max(50).optional(),
    section: z.string().min(1).max(100).optional(),
    decision: z.string().min(1).max(20).optional(),
    note: z.string().min(1).max(1000).optional(),
  });
  const provenanceSchema = z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("seed"), citations: z.array(citationSchema).min(1).max(20) }),
    z.strictObject({ kind: z.literal("national"), citations: z.array(citationSchema).min(1).max(20), reason: bilingual }),
    z.strictObject({ kind: z.literal("assumed"), citations: z.array(citationSchema).max(20), reason: bilingual }),
  ]);
  const paramShape = Object.fromEntries(
    (Object.keys(values) as ParamName[]).map((name) => [name, z.strictObject({ value: values[name], provenance: provenanceSchema }).optional()]),
  );
  const ruleText = z.strictObject({
    citations: z.array(citationSchema).max(20).optional(),
    notes: z.array(bilingual).max(20).optional(),
  });
  return z.strictObject({
    $schema: z.string().max(500).optional(),
    id: z.string().min(1).max(100),
    province: z.string().min(2).max(40).regex(ID_PATTERN, "expected a lowercase province id such as \"jiangsu\""),
    name: bilingual.optional(),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable().optional(),
    extends: z.string().min(1).max(100).nullable().optional(),
    documents: z.record(docId, z.strictObject({ zh: text, en: text, number: z.string().min(1).max(200).nullable() })).optional(),
    sources: z.array(docId).min(1).max(20).optional(),
    params: z.strictObject(paramShape).optional(),
    rules: z.record(z.string().min(1).max(100).regex(/^[a-z][a-zA-Z0-9.-]*$/, "expected a rule text id such as \"disability.pension-top-up\""), ruleText).optional(),
  });
}

let ruleSetFile: ReturnType<typeof buildRuleSetFileSchema> | undefined;

/**
 * The zod schema of a rule-set file (the shape only; {@link loadRuleSet} also checks ids, dates, documents and
 * that every required parameter is present once `extends` is applied). Built on first use; its JSON Schema is
 * `schemas/rule-set.json`.
 *
 * @example
 * ```ts
 * ruleSetFileSchema().safeParse({ id: "jiangsu@2027-01-01", province: "jiangsu", validFrom: "2027-01-01" }).success; // true
 * ruleSetFileSchema().safeParse({ id: "x", province: "Jiangsu", validFrom: "2027-01-01" }).success;                // false
 * ```
 */
export function ruleSetFileSchema(): ReturnType<typeof buildRuleSetFileSchema> {
  return (ruleSetFile ??= buildRuleSetFileSchema());
}
