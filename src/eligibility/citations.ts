/**
 * The article behind each eligibility rule, by province: the province's own article where its seed states the
 * rule, else the national measures with the Qinghai article that reproduces them (provenance `national`, see
 * docs/decisions.md). The provenance itself travels with the rule-set parameters the checks use
 * (`eligibility.situations`, `eligibility.exclusions`, …); these are the finer pointers (the 项 of an article).
 */
import { cite, type Citation } from "../core/citation.js";
import type { ProvinceId } from "../provinces/index.js";
import { EXCLUSION_ITEM, SITUATION_ITEM, type Exclusion, type Situation } from "../core/vocabulary.js";

const QH = (article: number, where: { paragraph?: number; item?: number } = {}) => cite("qinghai-measures", { article, ...where });
const QH_NATIONAL = (article: number, where: { paragraph?: number; item?: number } = {}) =>
  cite("qinghai-measures", { article, ...where, note: "同国家办法结构 / national structure" });
const SH = (article: number, where: { paragraph?: number; item?: number } = {}) => cite("shanghai-rules", { article, ...where });
const NATIONAL = cite("national-measures");

/**
 * The citations depend only on (province, rule): built once per pair, then shared (frozen). Keyed by the table
 * (`s`, `o`, `x`), the province and the rule, in nested maps (no key string to build on every call).
 */
const MEMO = new Map<string, Map<ProvinceId, Map<string, Citation[]>>>();
function memo(table: string, province: ProvinceId, rule: string, make: () => Citation[]): Citation[] {
  let byProvince = MEMO.get(table);
  if (byProvince === undefined) MEMO.set(table, (byProvince = new Map()));
  let byRule = byProvince.get(province);
  if (byRule === undefined) byProvince.set(province, (byRule = new Map()));
  let v = byRule.get(rule);
  if (v === undefined) {
    v = Object.freeze(make()) as Citation[];
    byRule.set(rule, v);
  }
  return v;
}

/** The articles of a situation (第十一条第一款 (一)–(六) and its equivalents). */
export function situationCitations(province: ProvinceId, situation: Situation): Citation[] {
  return memo("s", province, situation, () => situationCitationsOf(province, situation));
}

function situationCitationsOf(province: ProvinceId, situation: Situation): Citation[] {
  const item = SITUATION_ITEM[situation];
  const duringOrder = situation === "on-task-injury" || situation === "sudden-death";
  if (province === "qinghai") {
    return [
      QH(11, { paragraph: 1, item }),
      ...(duringOrder ? [QH(11, { paragraph: 3 })] : []),
      ...(situation === "veteran-relapse" ? [QH(11, { paragraph: 2 })] : []),
    ];
  }
  if (province === "shanghai") {
    if (situation === "statutory-other") return [NATIONAL, QH_NATIONAL(11, { paragraph: 1, item })];
    return [
      SH(24, { paragraph: 1, item }),
      ...(item <= 2 ? [SH(19, { paragraph: item })] : []),
      ...(situation === "veteran-relapse" ? [SH(42)] : []),
      ...(duringOrder ? [NATIONAL, QH_NATIONAL(11, { paragraph: 3 })] : []),
    ];
  }
  return [
    NATIONAL,
    QH_NATIONAL(11, { paragraph: 1, item }),
    ...(duringOrder ? [QH_NATIONAL(11, { paragraph: 3 })] : []),
    ...(situation === "veteran-relapse" ? [QH_NATIONAL(11, { paragraph: 2 })] : []),
  ];
}

/** The meaning of "执行平台订单任务期间": from acceptance to completion (第十一条第三款). */
export function orderTaskCitations(province: ProvinceId): Citation[] {
  return memo("o", province, "", () => orderTaskCitationsOf(province));
}

function orderTaskCitationsOf(province: ProvinceId): Citation[] {
  if (province === "qinghai") return [QH(11, { paragraph: 3 })];
  const own = province === "shanghai" ? [SH(23, { paragraph: 1, item: 4 })] : [];
  return [NATIONAL, QH_NATIONAL(11, { paragraph: 3 }), ...own];
}

/** The articles of an exclusion (第十二条 (一)–(三); 《工伤保险条例》第十六条 has the same three). */
export function exclusionCitations(province: ProvinceId, exclusion: Exclusion): Citation[] {
  return memo("x", province, exclusion, () => exclusionCitationsOf(province, exclusion));
}

function exclusionCitationsOf(province: ProvinceId, exclusion: Exclusion): Citation[] {
  const item = EXCLUSION_ITEM[exclusion];
  if (province === "qinghai") {
    // The draft's 第十二条 says "符合第十二条的规定"; it can only mean 第十一条 (the situations).
    return [cite("qinghai-measures", { article: 12, item, note: "“符合第十二条的规定”应为第十一条 / \"art. 12\" there means art. 11" })];
  }
  return [NATIONAL, QH_NATIONAL(12, { item }), cite("work-injury-regulations", { article: 16, item })];
}
