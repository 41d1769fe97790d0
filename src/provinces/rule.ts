/**
 * One rule abstraction: what every public computation does around its own logic — resolve the rule set and the
 * options, parse the input, find the case date, choose the version in force on it (the explanation's first
 * step), run the rule, close the explanation — written once. A rule declares its scenario kind beside itself, so
 * the runner, the CLI and the published schemas come from the same declaration.
 */
import type { z } from "zod";
import type { ComputeOptions, Explanation, Json } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { parseInput } from "../core/validate.js";
import { finish, RuleContext, type CaseDate, type Computation, type RuleSetInput } from "./index.js";

/** A scenario kind: its name, title, input schema and how a scenario of it is evaluated. */
export interface ScenarioKind {
  readonly kind: string;
  readonly title: Bilingual;
  readonly input: z.ZodType;
  /** The name of the exported function that computes this kind (e.g. `computeDisabilityBenefits`). */
  readonly functionName: string;
  /** Evaluates one scenario's input on `rules` (the rule set or province id) with the scenario's options. */
  readonly evaluate: (rules: RuleSetInput, input: unknown, options: ComputeOptions) => KindResult;
}

/** What a kind's evaluation gives: the output as JSON, its explanation and the result's metadata. */
export interface KindResult {
  readonly output: Json;
  readonly explanation: Explanation;
  readonly ruleSet?: string;
  readonly assumptions?: ReadonlyArray<{ readonly name: string; readonly reason: Bilingual }>;
}

/**
 * The date of the case, or — for a computation that may have none — `{ date: null }` with the field that would
 * give it (a province with several versions then needs it).
 */
export type CaseDateOf = CaseDate | { readonly date: null; readonly path: CaseDate["path"]; readonly label: Bilingual };

/**
 * The declaration of a rule: its kind, its input schema, its case date and its logic; `P`, what the rule reads off
 * the input before a version is chosen (its `prepare`), handed to the case date and to the rule.
 */
export interface RuleSpec<S extends z.ZodType, O, P = undefined> {
  readonly kind: string;
  readonly title: Bilingual;
  readonly functionName: string;
  readonly input: S;
  /**
   * Checks and reads the input as far as it can be without a rule-set version (dates parsed, contradictions
   * refused), in the order its errors are reported; run after the schema and before the case date.
   */
  readonly prepare?: (input: z.output<S>, ctx: RuleContext) => P;
  /** The case date that picks the version (documented per kind in docs/rule-sets.md); may check the input first. */
  readonly caseDate: (input: z.output<S>, ctx: RuleContext, prepared: P) => CaseDateOf;
  /** The rule itself, on a context whose version is chosen and whose first step names it. */
  readonly compute: (ctx: RuleContext, input: z.output<S>, prepared: P) => O;
}

/** A public computation: a rule set (or province id) and an input in, a value with its explanation out. */
export type RuleFunction<I, O> = (rules: RuleSetInput, input: I, options?: ComputeOptions) => Computation<O>;

const KINDS = new WeakMap<object, ScenarioKind>();

/**
 * Declares a rule: returns its public function, whose scenario kind {@link kindOf} gives.
 *
 * @example
 * ```ts
 * kindOf(computeDisabilityBenefits).kind; // "disability-benefits"
 * ```
 */
export function defineRule<S extends z.ZodType, O, P = undefined>(spec: RuleSpec<S, O, P>): RuleFunction<z.input<S>, O> {
  const fn: RuleFunction<z.input<S>, O> = (rules, input, options) => {
    const ctx = RuleContext.create(rules, options);
    const i = parseInput(spec.input, input) as z.output<S>;
    const prepared = (spec.prepare === undefined ? undefined : spec.prepare(i, ctx)) as P;
    const when = spec.caseDate(i, ctx, prepared);
    if (when.date === null) ctx.useUndatedVersion(when.path, when.label);
    else ctx.requireInForce(when.date, when.path, when.label);
    return finish(ctx, spec.compute(ctx, i, prepared));
  };
  Object.defineProperty(fn, "name", { value: spec.functionName });
  KINDS.set(fn, {
    kind: spec.kind,
    title: spec.title,
    input: spec.input,
    functionName: spec.functionName,
    evaluate: (rules, input, options) => fromComputation(fn(rules, input as z.input<S>, options)),
  });
  return fn;
}

/** The scenario kind of a function made by {@link defineRule}. */
export function kindOf(fn: object): ScenarioKind {
  const k = KINDS.get(fn);
  if (k === undefined) throw new TypeError("not a rule declared with defineRule");
  return k;
}

/** A kind's result from a computation: the value as JSON, the explanation, the rule set and assumptions. */
export function fromComputation<T>(c: Computation<T>): KindResult {
  return { output: c.value as unknown as Json, explanation: c.explanation, ruleSet: c.ruleSet, assumptions: c.assumptions };
}
