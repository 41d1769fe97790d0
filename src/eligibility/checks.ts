/**
 * Rule checks: every condition the eligibility decision tests is recorded twice — as an explanation step and as
 * an entry of the result's `checks` list (rule id, outcome, reason, citations) — so a caller can see which
 * condition failed without reading the explanation.
 */
import { renderCitation, type Citation, type RenderedCitation } from "../core/citation.js";
import type { Json, UsedParameter } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import type { RuleContext } from "../provinces/index.js";

/**
 * The outcomes of a rule checked by {@link assessEligibility}:
 *
 * - `pass`: the condition holds (for an exclusion: the exclusion does not apply);
 * - `fail`: the condition does not hold (for an exclusion: the exclusion applies);
 * - `not-applicable`: the rule's trigger is absent (another situation's facts);
 * - `not-evaluated`: an optional input the rule needs was not given; the rule does not block recognition.
 *
 * @example
 * ```ts
 * CHECK_OUTCOMES; // ["pass", "fail", "not-applicable", "not-evaluated"]
 * assessEligibility("qinghai", { accidentAt: "2026-08-03T12:10:00+08:00", platform: "meituan",
 *   activity: "on-order", event: "traffic-accident" }).value.checks[0]?.outcome; // "pass"
 * ```
 */
export const CHECK_OUTCOMES = ["pass", "fail", "not-applicable", "not-evaluated"] as const;
/** One of {@link CHECK_OUTCOMES}. */
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** A citation as it appears in a check: the stable id and the text in both languages. */
export interface CheckCitation {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

/** One rule checked, as listed in a result. */
export interface RuleCheck {
  readonly rule: string;
  readonly title: Bilingual;
  readonly outcome: CheckOutcome;
  readonly reason: Bilingual;
  /** Further remarks (e.g. a platform listed under another name). */
  readonly notes: readonly Bilingual[];
  readonly citations: readonly CheckCitation[];
}

export interface CheckSpec {
  rule: string;
  title: Bilingual;
  outcome: CheckOutcome;
  reason: Bilingual;
  citations?: readonly Citation[];
  parameters?: readonly UsedParameter[];
  inputs?: Record<string, Json>;
  notes?: readonly Bilingual[];
  /** The step is already in the explanation (e.g. added by `requireInForce`): record the check only. */
  stepAlreadyAdded?: boolean;
}

/** Records checks into the context's explanation and keeps the list for the result. */
export class CheckRecorder {
  private readonly list: RuleCheck[] = [];

  constructor(private readonly ctx: RuleContext) {}

  record(spec: CheckSpec): CheckOutcome {
    // The check lists the rule's own articles; a check that has none lists those of the parameters it used. Its
    // citations and notes are fresh objects: the result is the caller's to change.
    const citations: CheckCitation[] = [];
    if (spec.citations !== undefined && spec.citations.length > 0) {
      for (const c of spec.citations) pushCitation(citations, renderCitation(c));
    } else if (spec.parameters !== undefined) {
      for (const p of spec.parameters) for (const c of p.citations) pushCitation(citations, c);
    }
    const notes: Bilingual[] = [];
    if (spec.notes !== undefined) for (const n of spec.notes) notes.push({ zh: n.zh, en: n.en });
    this.list.push({ rule: spec.rule, title: spec.title, outcome: spec.outcome, reason: spec.reason, notes, citations });
    if (spec.stepAlreadyAdded !== true) {
      this.ctx.explainer.add({
        rule: spec.rule,
        title: spec.title,
        citations: spec.citations ?? [],
        inputs: spec.inputs ?? {},
        parameters: spec.parameters ?? [],
        result: spec.outcome,
        notes: spec.notes === undefined ? [spec.reason] : [spec.reason, ...spec.notes],
      });
    }
    return spec.outcome;
  }

  /** The checks recorded so far (the recorder's own list: read it, do not change it). */
  get checks(): readonly RuleCheck[] {
    return this.list;
  }

  outcomeOf(rule: string): CheckOutcome | undefined {
    return this.list.find((c) => c.rule === rule)?.outcome;
  }
}

/**
 * `{ ...base, ...extra }` for a check: the same keys in the same order, built with Object.assign because V8 (Node 20)
 * takes a slow path — microseconds per object — for an object spread followed by more properties.
 */
export function withBase(base: Partial<CheckSpec>, extra: Partial<CheckSpec>): CheckSpec {
  return Object.assign({}, base, extra) as CheckSpec;
}

/** Rule-check output as plain JSON: a copy of the list (each check's notes and citations are already its own). */
export function checksToJson(checks: readonly RuleCheck[]): RuleCheck[] {
  return checks.slice();
}

/** Appends a citation unless one with the same id is there (a check has a handful: a linear scan beats a Set). */
function pushCitation(out: CheckCitation[], c: RenderedCitation): void {
  for (let k = 0; k < out.length; k++) if ((out[k] as CheckCitation).id === c.id) return;
  out.push({ id: c.id, zh: c.zh, en: c.en });
}
