/**
 * Third-party medical offset — Shanghai 规程第三十四条（三）: when a third party is liable, the fund compares
 * the medical costs fixed by the civil compensation document with the occupational-injury medical benefit and
 * pays the shortfall; medical costs are never paid twice. Other provinces' seeds define no such rule:
 * `RULE_NOT_DEFINED`.
 */
import { z } from "zod";
import { Dec, FEN_ROUNDING, formatMoney, parseMoney } from "../core/money.js";
import { moneySchema } from "../core/validate.js";
import type { RuleContext } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";

export const medicalOffsetInputSchema = z.lazy(() => z.strictObject({
  /** Medical costs payable as occupational-injury medical benefit (within the catalogues). */
  occupationalMedicalCost: moneySchema,
  /** Medical costs fixed by the civil compensation document (判决书、调解书、责任认定等). */
  thirdPartyMedicalCompensation: moneySchema,
}));
/** The input of {@link computeThirdPartyMedicalOffset} (JSON Schema: schemas/third-party-medical-offset.json, `input`). */
export type MedicalOffsetInput = z.input<typeof medicalOffsetInputSchema>;

/** What the fund pays of the medical costs, after what the third party compensated. */
export interface MedicalOffset {
  fundPays: string;
  offset: string;
}

/**
 * Shanghai's third-party medical offset: when a third party is liable, the fund pays only the medical costs
 * the civil compensation did not cover. Other provinces define no such rule (`RULE_NOT_DEFINED`).
 *
 * @example
 * ```ts
 * computeThirdPartyMedicalOffset("shanghai", { occupationalMedicalCost: "30000", thirdPartyMedicalCompensation: "18000" })
 *   .value.fundPays; // "12000.00"
 * ```
 */
export const computeThirdPartyMedicalOffset: RuleFunction<MedicalOffsetInput, MedicalOffset> = defineRule({
  kind: "third-party-medical-offset",
  title: { zh: "涉及第三人责任的医疗费补差（上海）", en: "third-party medical offset (Shanghai)" },
  functionName: "computeThirdPartyMedicalOffset",
  input: medicalOffsetInputSchema,
  // No case date in the input: the province's only version (several versions cannot be told apart).
  caseDate: () => ({ date: null, path: [], label: { zh: "案件日期", en: "case date" } }),
  compute: medicalOffset,
});

function medicalOffset(ctx: RuleContext, i: z.output<typeof medicalOffsetInputSchema>): MedicalOffset {
  const rule = ctx.param("medical.thirdPartyOffset");
  const cost = parseMoney(i.occupationalMedicalCost, ["occupationalMedicalCost"]);
  const paid = parseMoney(i.thirdPartyMedicalCompensation, ["thirdPartyMedicalCompensation"]);
  const diff = cost.minus(paid);
  const fundPays = diff.isNegative() ? new Dec(0) : diff;
  const offset = cost.minus(fundPays);
  ctx.explainer.add({
    rule: "medical.third-party-offset",
    title: { zh: "涉及第三人责任的医疗费：不足部分予以补足，不得重复享受", en: "third-party medical costs: the fund pays the shortfall only" },
    inputs: { occupationalMedicalCost: i.occupationalMedicalCost, thirdPartyMedicalCompensation: i.thirdPartyMedicalCompensation },
    parameters: [rule.used],
    result: { formula: `max(0, ${formatMoney(cost)} − ${formatMoney(paid)})`, fundPays: formatMoney(fundPays) },
    rounding: FEN_ROUNDING,
  });
  return { fundPays: formatMoney(fundPays), offset: formatMoney(offset) };
}
