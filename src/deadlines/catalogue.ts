/**
 * The catalogue of time limits a rule set states or inherits (docs/time-limits.md). Each limit is a rule-set
 * parameter (`timeLimit.*`, `treatment.*`), so its value, provenance and citations are per rule set and a caller
 * can override it. The definitions (what each limit is about, who acts, what it runs from) are
 * src/deadlines/limits.ts; computing any one of them is {@link computeTimeLimit} (src/deadlines/time-limit.ts).
 * Everything is re-exported here.
 */
import type { Json } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { parseIsoDate } from "../core/dates.js";
import { ZhishangError } from "../core/errors.js";
import { renderCitation, type RenderedCitation } from "../core/citation.js";
import {
  bundledRuleSets, resolveRuleSetInput, RuleSetRegistry, type ProvinceId, type RuleSet, type RuleSetInput,
} from "../provinces/index.js";
import { describeTimeLimitValue, TIME_LIMIT_IDS, TIME_LIMITS, type TimeLimitDefinition } from "./limits.js";

export { TIME_LIMIT_IDS, TIME_LIMITS, describeTimeLimitValue } from "./limits.js";
export type { TimeLimitDefinition, TimeLimitId, TimeLimitKind } from "./limits.js";
export { computeTimeLimit, timeLimitInputSchema } from "./time-limit.js";
export type { TimeLimitInput, TimeLimitResult } from "./time-limit.js";

/** One line of a rule set's catalogue: the definition plus the rule set's value, provenance, citations and notes. */
export interface TimeLimitEntry extends TimeLimitDefinition {
  readonly value: Json;
  /** `30 日`, `5 个工作日`, `每月5日`… */
  readonly text: Bilingual;
  readonly provenance: "seed" | "national" | "assumed";
  readonly reason: Bilingual | null;
  readonly citations: readonly RenderedCitation[];
  /** What the rule set says of the limit in words (its rule text named by the parameter); often none. */
  readonly notes: readonly Bilingual[];
}

/** The version of `rules` in force on `asOf` (`YYYY-MM-DD`), or the newest when `asOf` is omitted. */
function versionOf(rules: RuleSetInput, asOf: string | undefined, registry: RuleSetRegistry | undefined): RuleSet {
  const versions = resolveRuleSetInput(rules, registry);
  const newest = versions[versions.length - 1] as RuleSet;
  if (asOf === undefined) return newest;
  parseIsoDate(asOf, ["asOf"]);
  return RuleSetRegistry.empty().with(...versions).select(newest.province, asOf, ["asOf"]);
}

function entriesOf(rs: RuleSet): TimeLimitEntry[] {
  const out: TimeLimitEntry[] = [];
  for (const id of TIME_LIMIT_IDS) {
    const def: TimeLimitDefinition = TIME_LIMITS[id];
    const param = rs.params[def.param];
    if (param === undefined) continue;
    const p = param.provenance;
    if (p.kind === "caller") continue;
    out.push({
      ...def,
      value: param.value as Json,
      text: describeTimeLimitValue(def, param.value),
      provenance: p.kind,
      reason: p.kind === "seed" ? null : p.reason,
      citations: p.citations.map((c) => renderCitation(c)),
      notes: rs.rules[def.param]?.notes ?? [],
    });
  }
  return out;
}

/**
 * The time limits of a rule set (a province id, a rule set, a rule-set file or the versions of one province),
 * in catalogue order, with each value's provenance, citations and the rule set's notes: the version in force
 * on `asOf`, or the newest. A province id is looked up in `registry` (by default the bundled rule sets). Limits
 * the rule set does not define (and the national measures do not supply) are left out.
 *
 * @example
 * ```ts
 * timeLimitCatalogue("shanghai").find((e) => e.id === "supplement-materials")?.text.zh; // "5个工作日"
 * timeLimitCatalogue("guangxi").map((e) => e.id).includes("fee-registration");         // false
 * timeLimitCatalogue("qinghai", "2026-06-30"); // throws RULE_NOT_IN_FORCE
 * ```
 */
export function timeLimitCatalogue(rules: RuleSetInput, asOf?: string, registry?: RuleSetRegistry): TimeLimitEntry[] {
  return entriesOf(versionOf(rules, asOf, registry));
}

/**
 * The catalogue of every province of `registry` (by default the bundled rule sets): of the version in force on
 * `asOf`, or the newest. A province with no version in force on `asOf` is left out.
 *
 * @example
 * ```ts
 * allTimeLimitCatalogues().zhejiang?.length; // 9
 * Object.keys(allTimeLimitCatalogues("2026-01-01")).includes("qinghai"); // false
 * ```
 */
export function allTimeLimitCatalogues(asOf?: string, registry: RuleSetRegistry = bundledRuleSets()): Record<ProvinceId, TimeLimitEntry[]> {
  if (asOf !== undefined) parseIsoDate(asOf, ["asOf"]);
  const out: Record<ProvinceId, TimeLimitEntry[]> = {};
  for (const province of registry.provinces()) {
    const versions = registry.versions(province);
    if (asOf === undefined) {
      out[province] = entriesOf(versions[versions.length - 1] as RuleSet);
      continue;
    }
    try {
      out[province] = entriesOf(registry.select(province, asOf, ["asOf"]));
    } catch (e) {
      if (!(e instanceof ZhishangError && e.code === "RULE_NOT_IN_FORCE")) throw e;
    }
  }
  return out;
}
