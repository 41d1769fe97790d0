/** Shared shape of a benefit item: a multiple (months or percent) of the base, rounded to the fen. */
import type { Citation } from "../core/citation.js";
import type { Bilingual } from "../core/params.js";
import type { UsedParameter } from "../core/explain.js";
import { constantDec, Dec, FEN_ROUNDING, formatExact, formatMoney, percentDec } from "../core/money.js";
import type { BaseResult } from "./base.js";
import type { RuleContext } from "../provinces/index.js";

export interface ItemSpec {
  rule: string;
  title: Bilingual;
  /** `months` multiplies the base; `percent` takes that percent of it. */
  unit: "months" | "percent";
  factor: number;
  base: BaseResult;
  parameter: UsedParameter;
  extraParameters?: readonly UsedParameter[];
  citations?: readonly Citation[];
  inputs?: Record<string, string | number | boolean>;
  notes?: readonly Bilingual[];
}

/**
 * An item's amount as the API shows it — rounded half-up to the fen, two places — and the same amount as a decimal,
 * made on first use (most items are only shown).
 */
export class Item {
  private dec: Dec | undefined;

  constructor(readonly text: string) {}

  get amount(): Dec {
    return (this.dec ??= new Dec(this.text));
  }
}

/** Computes `base × factor` (months) or `base × factor / 100` (percent), rounded half-up to the fen. */
export function baseItem(ctx: RuleContext, spec: ItemSpec): Item {
  const multiplier = spec.unit === "months" ? constantDec(spec.factor) : percentDec(spec.factor);
  const exact = spec.base.base.times(multiplier);
  const text = formatMoney(exact); // rounded half-up to the fen
  const baseText = spec.base.exactText;
  ctx.explainer.add({
    rule: spec.rule,
    title: spec.title,
    citations: spec.citations ?? [],
    // Object.assign, not a spread followed by more properties: V8 (Node 20) takes a slow path for those
    inputs: spec.inputs === undefined ? { benefitBase: baseText } : Object.assign({ benefitBase: baseText }, spec.inputs),
    parameters: spec.extraParameters === undefined ? [spec.parameter] : [spec.parameter, ...spec.extraParameters],
    result: {
      formula: spec.unit === "months" ? `${baseText} × ${spec.factor}` : `${baseText} × ${spec.factor}%`,
      exact: formatExact(exact),
      amount: text,
    },
    rounding: FEN_ROUNDING,
    notes: spec.notes, // Explainer#add leaves out absent or empty notes
  });
  return new Item(text);
}
