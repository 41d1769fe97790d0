/** Shared shape of a benefit item: a multiple (months or percent) of the base, rounded to the fen. */
import type { Citation } from "../core/citation.js";
import type { Bilingual } from "../core/params.js";
import type { UsedParameter } from "../core/explain.js";
import { Dec, FEN_ROUNDING, formatExact, formatMoney, roundFen } from "../core/money.js";
import type { RuleContext } from "../provinces/index.js";

export interface ItemSpec {
  rule: string;
  title: Bilingual;
  /** `months` multiplies the base; `percent` takes that percent of it. */
  unit: "months" | "percent";
  factor: number;
  base: Dec;
  parameter: UsedParameter;
  extraParameters?: readonly UsedParameter[];
  citations?: readonly Citation[];
  inputs?: Record<string, string | number | boolean>;
  notes?: readonly Bilingual[];
}

/** Computes `base × factor` (months) or `base × factor / 100` (percent), rounded half-up to the fen. */
export function baseItem(ctx: RuleContext, spec: ItemSpec): Dec {
  const multiplier = spec.unit === "months" ? new Dec(spec.factor) : new Dec(spec.factor).dividedBy(100);
  const exact = spec.base.times(multiplier);
  const amount = roundFen(exact);
  ctx.explainer.add({
    rule: spec.rule,
    title: spec.title,
    citations: spec.citations ?? [],
    inputs: { benefitBase: formatExact(spec.base), ...(spec.inputs ?? {}) },
    parameters: [spec.parameter, ...(spec.extraParameters ?? [])],
    result: {
      formula: spec.unit === "months" ? `${formatExact(spec.base)} × ${spec.factor}` : `${formatExact(spec.base)} × ${spec.factor}%`,
      exact: formatExact(exact),
      amount: formatMoney(amount),
    },
    rounding: FEN_ROUNDING,
    ...(spec.notes === undefined ? {} : { notes: spec.notes }),
  });
  return amount;
}
