/**
 * The shape of a province rule set, as a zod schema (validated when the rule sets load and in the tests), and
 * the catalogue of parameter names that callers may override.
 */
import { z } from "zod";
import { DOCUMENTS, type Citation, type DocumentId } from "../core/citation.js";
import type { Param } from "../core/params.js";

export const PROVINCES = ["qinghai", "shanghai", "guangxi", "inner-mongolia", "zhejiang"] as const;
export type ProvinceId = (typeof PROVINCES)[number];

export const provinceSchema = z.enum(PROVINCES);

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DECIMAL = /^(0|[1-9]\d{0,5})(\.\d{1,6})?$/;

export const isoDateSchema = z.string().regex(ISO_DATE, "expected YYYY-MM-DD");
const months = z.number().int().min(0).max(120);
const percent = z.number().int().min(0).max(200);
const factor = z
  .string()
  .regex(DECIMAL, "expected a decimal string such as \"0.6\"")
  .refine((s) => Number(s) > 0 && Number(s) <= 10, "factor must be in (0, 10]");

/** Value schemas of every documented parameter, by name (the names used in `overrides`). */
export const PARAMETER_VALUE_SCHEMAS = {
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
} as const;

export type ParamName = keyof typeof PARAMETER_VALUE_SCHEMAS;
export type ParamValue<K extends ParamName> = z.infer<(typeof PARAMETER_VALUE_SCHEMAS)[K]>;

/** Parameters only some provinces define; asking for one elsewhere is `RULE_NOT_DEFINED`. */
export const OPTIONAL_PARAMS = [
  "transitional.implementationMeasuresFrom",
  "transitional.periodicBaseYear",
  "medical.thirdPartyOffset",
] as const satisfies readonly ParamName[];
type OptionalParamName = (typeof OPTIONAL_PARAMS)[number];
type RequiredParamName = Exclude<ParamName, OptionalParamName>;

export type RuleSetParams = { readonly [K in RequiredParamName]: Param<ParamValue<K>> } & {
  readonly [K in OptionalParamName]?: Param<ParamValue<K>>;
};

export interface RuleSet {
  /** `province@validFrom`, e.g. `qinghai@2026-07-01`. */
  readonly id: string;
  readonly province: ProvinceId;
  readonly name: { readonly zh: string; readonly en: string };
  /** First day this version of the rule set applies (cases dated earlier get `RULE_NOT_IN_FORCE`). */
  readonly validFrom: string;
  /** Last day this version applies, or null while in force. */
  readonly validTo: string | null;
  /** The documents this rule set encodes. */
  readonly sources: readonly DocumentId[];
  readonly params: RuleSetParams;
}

const documentIdSchema = z.enum(Object.keys(DOCUMENTS) as [DocumentId, ...DocumentId[]]);
const citationSchema: z.ZodType<Citation> = z.strictObject({
  doc: documentIdSchema,
  article: z.number().int().min(1).max(200).optional(),
  paragraph: z.number().int().min(1).max(20).optional(),
  item: z.number().int().min(1).max(20).optional(),
  section: z.string().min(1).optional(),
  decision: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
}) as z.ZodType<Citation>;
const bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const provenanceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("seed"), citations: z.array(citationSchema).min(1) }),
  z.strictObject({ kind: z.literal("national"), citations: z.array(citationSchema).min(1), reason: bilingual }),
  z.strictObject({ kind: z.literal("assumed"), citations: z.array(citationSchema), reason: bilingual }),
]);

function paramSchema<S extends z.ZodType>(value: S) {
  return z.strictObject({ value, provenance: provenanceSchema });
}

const paramShape = Object.fromEntries(
  (Object.keys(PARAMETER_VALUE_SCHEMAS) as ParamName[]).map((name) => {
    const s = paramSchema(PARAMETER_VALUE_SCHEMAS[name]);
    return [name, (OPTIONAL_PARAMS as readonly string[]).includes(name) ? s.optional() : s];
  }),
);

/** Validates a rule set: shape, provenance with citations, and date order. */
export const ruleSetSchema = z
  .strictObject({
    id: z.string().min(1),
    province: provinceSchema,
    name: bilingual,
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    sources: z.array(documentIdSchema).min(1),
    params: z.strictObject(paramShape),
  })
  .refine((r) => r.id === `${r.province}@${r.validFrom}`, { message: "id must be province@validFrom" })
  .refine((r) => r.validTo === null || r.validTo >= r.validFrom, { message: "validTo before validFrom" });
