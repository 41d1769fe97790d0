/**
 * Explanations: every result carries the ordered steps that produced it — the rule, its citations, the inputs
 * and parameter values used (with provenance), the result of the step and the rounding applied.
 */
import { renderCitation, type Citation, type DocumentTable, type RenderedCitation } from "./citation.js";
import { ZhishangError } from "./errors.js";
import type { Bilingual, Param, Provenance, ProvenanceKind } from "./params.js";
import type { RuleSetRegistry } from "../provinces/registry.js";

/** A JSON value: what outputs, inputs and results of explanation steps are made of. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A parameter as used in one step. */
export interface UsedParameter {
  readonly name: string;
  readonly value: Json;
  readonly provenance: ProvenanceKind;
  /** Why a `national` or `assumed` value applies. */
  readonly reason?: Bilingual;
  /** With provenance `caller`: the rule set's value the override replaced (its citations are kept). */
  readonly replaced?: Json;
  readonly citations: readonly RenderedCitation[];
}

/** One step of an {@link Explanation}: the rule applied, its citations, what it used and what it gave. */
export interface ExplanationStep {
  /** 1-based position in the explanation. */
  readonly step: number;
  /** Stable rule id, e.g. `disability.one-time-subsidy`. */
  readonly rule: string;
  readonly title: Bilingual;
  readonly citations: readonly RenderedCitation[];
  readonly inputs: Readonly<Record<string, Json>>;
  readonly parameters: readonly UsedParameter[];
  readonly result: Json;
  /** The rounding applied to this step's result, if any. */
  readonly rounding?: string;
  /** Remarks a reader needs: exclusions, caps applied, assumptions. */
  readonly notes?: readonly Bilingual[];
}

/** The ordered steps that produced a result; every computation returns one next to its `value`. */
export type Explanation = readonly ExplanationStep[];

/** Options every computation accepts. */
export interface ComputeOptions {
  /** Refuse parameters whose provenance is `assumed` (`ASSUMED_PARAMETER_REFUSED`) unless overridden. */
  readonly strict?: boolean;
  /**
   * Replace rule-set parameters for this computation, by documented parameter name (docs/provinces.md).
   * Each override is recorded with provenance `caller`.
   */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** Extra holiday years for the time-limit rules (the scenario `calendars` field). */
  readonly calendars?: ReadonlyArray<CalendarYearInput>;
  /**
   * Where a province id is looked up: a registry the caller built with its own rule sets
   * (`bundledRuleSets().load(file)`); by default the bundled rule sets.
   */
  readonly registry?: RuleSetRegistry;
  /**
   * `false`: decision only — the explanation is not built (the result's `explanation` is empty) and the values
   * are the same as with it; the assumptions the result rests on are still reported. Default `true`.
   */
  readonly explain?: boolean;
  /** Dated statistics supplied by the caller (e.g. a year's national urban income), used before the bundled tables. */
  readonly statistics?: Statistics;
}

/**
 * Dated statistics supplied by the caller (the `--statistics` file of the CLI, docs/scenarios.md): each figure
 * of a year is used instead of the bundled one of that year, or where none is bundled.
 */
export interface Statistics {
  /** 全国城镇居民人均可支配收入 — yuan per year, a decimal string, by year (death benefits: the one-time subsidy). */
  readonly nationalUrbanDisposableIncome?: ReadonlyArray<StatisticYear>;
}

/** One year's figure of a caller's statistic: the year, the value (a decimal string) and where it comes from. */
export interface StatisticYear {
  readonly year: number;
  readonly value: string;
  readonly source?: string | undefined;
}

/** A holiday year supplied by the caller: official days off as inclusive ranges, and adjusted working days. */
export interface CalendarYearInput {
  readonly year: number;
  readonly off: ReadonlyArray<readonly [string, string]>;
  readonly work: readonly string[];
  readonly source?: string | undefined;
}

export interface StepSpec {
  rule: string;
  title: Bilingual;
  citations?: readonly Citation[];
  inputs?: Record<string, Json>;
  parameters?: readonly UsedParameter[];
  result: Json;
  rounding?: string;
  notes?: readonly Bilingual[] | undefined;
}

/**
 * Collects the steps of one computation. Pure: a new one per computation. A disabled explainer (decision only,
 * `explain: false`) builds no step: it only records the `assumed` parameters the steps use, which a result reports
 * either way.
 */
export class Explainer {
  private readonly steps: ExplanationStep[] = [];
  /** The `assumed` parameters used, in order of first use: name → reason. */
  private readonly assumed = new Map<string, Bilingual>();

  /**
   * `documents`: the rule set's own documents, for rendering its citations (read when a step cites one);
   * `enabled`: false for a decision-only computation.
   */
  constructor(
    private readonly documents: () => DocumentTable = () => ({}),
    readonly enabled: boolean = true,
  ) {}

  add(spec: StepSpec): void {
    const params = spec.parameters;
    if (params !== undefined) for (let k = 0; k < params.length; k++) this.noteAssumed(params[k] as UsedParameter);
    if (!this.enabled) return;
    const step: { -readonly [K in keyof ExplanationStep]: ExplanationStep[K] } = {
      step: this.steps.length + 1,
      rule: spec.rule,
      title: spec.title,
      citations: mergeCitations(spec.citations, spec.parameters ?? [], this.documents),
      inputs: spec.inputs ?? {},
      parameters: spec.parameters ?? [],
      result: spec.result,
    };
    // assigned, not spread (`...(x ? {} : { rounding })`): V8 (Node 20) takes a slow path for a spread after
    // other properties, and this runs for every step of every computation. The key order is the same.
    if (spec.rounding !== undefined) step.rounding = spec.rounding;
    if (spec.notes !== undefined && spec.notes.length > 0) step.notes = spec.notes;
    this.steps.push(step);
  }

  /**
   * Adds the step `build` gives, built only when explaining: for a step whose texts cost more than the decision
   * (figures put into words, citations looked up). Its `parameters` are noted either way, so a decision-only
   * result reports the same assumptions.
   */
  addLazily(parameters: readonly UsedParameter[], build: () => Omit<StepSpec, "parameters">): void {
    if (this.enabled) this.add(Object.assign(build(), { parameters }));
    else this.noteParameters(parameters);
  }

  /** Notes the `assumed` parameters among `parameters` (used by a rule whose step is not built). */
  noteParameters(parameters: readonly UsedParameter[]): void {
    for (let k = 0; k < parameters.length; k++) this.noteAssumed(parameters[k] as UsedParameter);
  }

  /**
   * Appends the steps of a sub-computation (e.g. the declaration deadline inside a monthly premium), numbered
   * after this explanation's own; `skipRules` leaves out steps already stated here (e.g. `coverage.in-force`).
   */
  include(steps: Explanation, skipRules: readonly string[] = []): void {
    for (const s of steps) {
      if (skipRules.includes(s.rule)) continue;
      for (const p of s.parameters) this.noteAssumed(p);
      if (!this.enabled) continue;
      this.steps.push({ ...s, step: this.steps.length + 1 });
    }
  }

  /**
   * Records the assumptions of a sub-computation whose steps are not included (a decision-only one has none):
   * each is reported by this computation too.
   */
  includeAssumptions(assumptions: ReadonlyArray<{ readonly name: string; readonly reason: Bilingual }>): void {
    for (const a of assumptions) if (!this.assumed.has(a.name)) this.assumed.set(a.name, a.reason);
  }

  /** The `assumed` parameters the steps used (each with its reason), in order of first use. */
  assumptions(): Array<{ name: string; reason: Bilingual }> {
    if (this.assumed.size === 0) return [];
    return [...this.assumed].map(([name, reason]) => ({ name, reason }));
  }

  /** The steps; none when the explainer is disabled. */
  toExplanation(): Explanation {
    return this.steps.slice();
  }

  private noteAssumed(p: UsedParameter): void {
    if (p.provenance === "assumed" && p.reason !== undefined && !this.assumed.has(p.name)) this.assumed.set(p.name, p.reason);
  }
}

/**
 * Resolves a parameter for use: applies a caller override (provenance `caller`), and in strict mode refuses an
 * `assumed` value with `ASSUMED_PARAMETER_REFUSED`.
 */
export function useParam<T extends Json>(
  name: string,
  param: Param<T>,
  options: { strict: boolean; override?: { value: T }; documents?: DocumentTable },
): { value: T; used: UsedParameter } {
  const p: Provenance = param.provenance;
  if (options.override !== undefined) {
    // The override replaces the value, not the law behind it: the rule set's citations stay, with the value replaced.
    const own = p.kind !== "caller";
    return {
      value: options.override.value,
      used: {
        name,
        value: options.override.value,
        provenance: "caller",
        ...(own ? { replaced: param.value } : {}),
        citations: own ? p.citations.map((c) => renderCitation(c, options.documents)) : [],
      },
    };
  }
  if (options.strict && p.kind === "assumed") {
    throw new ZhishangError(
      "ASSUMED_PARAMETER_REFUSED",
      {
        en: `parameter "${name}" is assumed (${p.reason.en}); strict mode refuses it — supply it in overrides`,
        zh: `参数“${name}”为推定值（${p.reason.zh}），严格模式下不予采用，请通过 overrides 提供`,
      },
      ["overrides", name],
    );
  }
  // A rule set's parameters are frozen, and so is the record of the use of one: RuleContext.param keeps it, per
  // rule set (whose documents render its citations), for every later computation.
  const used: UsedParameter = {
    name,
    value: param.value,
    provenance: p.kind,
    ...(p.kind === "national" || p.kind === "assumed" ? { reason: p.reason } : {}),
    citations: p.kind === "caller" ? [] : p.citations.map((c) => renderCitation(c, options.documents)),
  };
  if (Object.isFrozen(param)) {
    Object.freeze(used.citations);
    Object.freeze(used);
  }
  return { value: param.value, used };
}

/** The step's own citations followed by those of the parameters it used, without repeats. */
function mergeCitations(own: readonly Citation[] | undefined, params: readonly UsedParameter[], documents: () => DocumentTable): readonly RenderedCitation[] {
  // The common step: no citations of its own, one parameter from a frozen rule set — its frozen citations, shared.
  if ((own === undefined || own.length === 0) && params.length === 1) {
    const only = params[0] as UsedParameter;
    if (Object.isFrozen(only.citations) && !hasRepeats(only.citations)) return only.citations;
  }
  const out: RenderedCitation[] = [];
  // a step has a handful of citations: a linear scan beats a Set
  const push = (c: RenderedCitation): void => {
    for (let k = 0; k < out.length; k++) if ((out[k] as RenderedCitation).id === c.id) return;
    out.push(c);
  };
  if (own !== undefined && own.length > 0) {
    const docs = documents();
    for (const c of own) push(renderCitation(c, docs));
  }
  for (const p of params) for (const c of p.citations) push(c);
  return out;
}

/** Whether two of `citations` have the same id (a parameter lists a handful). */
function hasRepeats(citations: readonly RenderedCitation[]): boolean {
  for (let a = 1; a < citations.length; a++) {
    for (let b = 0; b < a; b++) if ((citations[a] as RenderedCitation).id === (citations[b] as RenderedCitation).id) return true;
  }
  return false;
}
