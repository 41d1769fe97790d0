/**
 * Rule checks: every condition the eligibility decision tests is recorded twice — as an explanation step and as
 * an entry of the result's `checks` list (rule id, outcome, reason, citations) — so a caller can see which
 * condition failed without reading the explanation. Decision only (`explain: false`), neither is built: the
 * result names its failed checks by rule id (`failedChecks`).
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

/**
 * What a check shows besides its rule id, outcome and parameters: its title, reason, citations, inputs and notes.
 * Built only when the computation is explained (a decision-only one never calls for it).
 */
export interface CheckDetail {
  title: Bilingual;
  reason: Bilingual;
  citations?: readonly Citation[];
  inputs?: Record<string, Json>;
  notes?: readonly Bilingual[];
  /** The step is already in the explanation (e.g. added by `requireInForce`): record the check only. */
  stepAlreadyAdded?: boolean;
}

/**
 * Records checks: each one's rule id and outcome always (the decision, `failedChecks`), and — when the computation
 * is explained — its explanation step and its entry of the result's `checks`, from its detail. A decision-only
 * computation (`explain: false`) builds neither: no title, reason or citation of a check is computed, and the
 * result carries no `checks`; the parameters are still noted, so the assumptions are the same.
 */
export class CheckRecorder {
  private readonly list: RuleCheck[] = [];
  private readonly rules: string[] = [];
  private readonly outcomes: CheckOutcome[] = [];

  constructor(private readonly ctx: RuleContext) {}

  /** Records the check `rule` with its `outcome`, the `parameters` it read and, when explaining, its `detail`. */
  record(rule: string, outcome: CheckOutcome, parameters: readonly UsedParameter[], detail: () => CheckDetail): CheckOutcome {
    this.rules.push(rule);
    this.outcomes.push(outcome);
    const explainer = this.ctx.explainer;
    if (!explainer.enabled) {
      explainer.noteParameters(parameters);
      return outcome;
    }
    const d = detail();
    // The check lists the rule's own articles; a check that has none lists those of the parameters it used. Its
    // citations and notes are fresh objects: the result is the caller's to change.
    const citations: CheckCitation[] = [];
    if (d.citations !== undefined && d.citations.length > 0) {
      for (const c of d.citations) pushCitation(citations, renderCitation(c));
    } else {
      for (const p of parameters) for (const c of p.citations) pushCitation(citations, c);
    }
    const notes: Bilingual[] = [];
    if (d.notes !== undefined) for (const n of d.notes) notes.push({ zh: n.zh, en: n.en });
    this.list.push({ rule, title: d.title, outcome, reason: d.reason, notes, citations });
    if (d.stepAlreadyAdded !== true) {
      explainer.add({
        rule,
        title: d.title,
        citations: d.citations ?? [],
        inputs: d.inputs ?? {},
        // a copy: the rule may pass one list to several checks, and each step is the caller's to change
        parameters: parameters.slice(),
        result: outcome,
        notes: d.notes === undefined ? [d.reason] : [d.reason, ...d.notes],
      });
    }
    return outcome;
  }

  /** Whether any check recorded so far failed. */
  anyFailed(): boolean {
    return this.outcomes.includes("fail");
  }

  /** The rule ids of the checks that failed, in order. */
  failed(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.rules.length; k++) if (this.outcomes[k] === "fail") out.push(this.rules[k] as string);
    return out;
  }

  /**
   * The checks as the result lists them (a copy; each check's notes and citations are already its own), or
   * undefined for a decision-only computation, which builds none.
   */
  toJson(): RuleCheck[] | undefined {
    return this.ctx.explainer.enabled ? this.list.slice() : undefined;
  }
}

/** Appends a citation unless one with the same id is there (a check has a handful: a linear scan beats a Set). */
function pushCitation(out: CheckCitation[], c: RenderedCitation): void {
  for (let k = 0; k < out.length; k++) if ((out[k] as CheckCitation).id === c.id) return;
  out.push({ id: c.id, zh: c.zh, en: c.en });
}
