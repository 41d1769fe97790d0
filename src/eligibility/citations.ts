/**
 * The article behind each eligibility rule, read from the rule set's rule texts (docs/rule-sets.md, "Rule texts"):
 * `eligibility.situation.<situation>`, `eligibility.exclusion.<exclusion>` and `eligibility.order-task`. A province
 * whose text states the rule gives its own article (Qinghai 第十一条、第十二条; Shanghai 规程第二十四条、第十九条…);
 * the national defaults (src/provinces/national.ts) cite the national measures with the Qinghai article that
 * reproduces them. The provenance itself travels with the rule-set parameters the checks use
 * (`eligibility.situations`, `eligibility.exclusions`, …); these are the finer pointers (the 项 of an article).
 */
import type { Citation } from "../core/citation.js";
import { getRuleSet, type ProvinceId, type RuleContext, type RuleSet } from "../provinces/index.js";
import type { Exclusion, Situation } from "../core/vocabulary.js";

/**
 * Where the rule texts are read: a computation's context (the version it chose), a rule set, or a province id
 * (its newest bundled version).
 */
export type RuleTextSource = Pick<RuleContext, "text"> | RuleSet | ProvinceId;

/** The citations a rule set gives for a rule text id (none when it gives none). Rule texts are frozen data: shared, not copied. */
function citationsOf(source: RuleTextSource, id: string): readonly Citation[] {
  if (typeof source === "string") return getRuleSet(source).rules[id]?.citations ?? [];
  if ("text" in source) return source.text(id).citations;
  return source.rules[id]?.citations ?? [];
}

/** The articles of a situation (第十一条第一款 (一)–(六) and its equivalents): rule text `eligibility.situation.<situation>`. */
export function situationCitations(source: RuleTextSource, situation: Situation): readonly Citation[] {
  return citationsOf(source, `eligibility.situation.${situation}`);
}

/** The meaning of "执行平台订单任务期间": from acceptance to completion (第十一条第三款): rule text `eligibility.order-task`. */
export function orderTaskCitations(source: RuleTextSource): readonly Citation[] {
  return citationsOf(source, "eligibility.order-task");
}

/** The articles of an exclusion (第十二条 (一)–(三); 《工伤保险条例》第十六条): rule text `eligibility.exclusion.<exclusion>`. */
export function exclusionCitations(source: RuleTextSource, exclusion: Exclusion): readonly Citation[] {
  return citationsOf(source, `eligibility.exclusion.${exclusion}`);
}
