/**
 * The national structure of benefits, applied where a province's seed is silent (REFERENCE A): the national
 * measures' text is not in hand, and the Qinghai draft reproduces their structure (grades, months,
 * percentages), so these values carry provenance `national` and cite both the national measures and the
 * Qinghai article that witnesses the structure. The benefit base factor is not here: see REFERENCE C3.
 */
import { cite } from "../core/citation.js";
import { national, type Bilingual } from "../core/params.js";
import type { RuleSetParams } from "./schema.js";

const VIA_QINGHAI: Bilingual = {
  zh: "本省来源未规定，适用国家《新就业形态人员职业伤害保障办法（试行）》；其结构（等级、月数、比例）以青海实施办法的相同条文为据",
  en: "the province's sources are silent; the national measures apply, their structure (grades, months, percentages) as reproduced in the Qinghai measures",
};
const NATIONAL = cite("national-measures");
const qh = (article: number, where: { paragraph?: number; item?: number } = {}) =>
  cite("qinghai-measures", { article, ...where, note: "同国家办法结构 / national structure" });

/** Benefit parameters shared by the provinces whose seeds do not define benefits. */
export const NATIONAL_BENEFIT_PARAMS = {
  "disability.oneTimeSubsidyMonths": national(
    { "1": 27, "2": 25, "3": 23, "4": 21, "5": 18, "6": 16, "7": 13, "8": 11, "9": 9, "10": 7 },
    VIA_QINGHAI, NATIONAL, qh(26), qh(27, { item: 1 }), qh(28),
  ),
  "disability.monthlyAllowancePercent": national({ "1": 90, "2": 85, "3": 80, "4": 75 }, VIA_QINGHAI, NATIONAL, qh(26)),
  "disability.oneTimeAllowanceMonths": national({ "5": 30, "6": 25 }, VIA_QINGHAI, NATIONAL, qh(27, { item: 2 })),
  "veteran.excludedBenefits": national(["oneTimeDisabilitySubsidy"] as "oneTimeDisabilitySubsidy"[], VIA_QINGHAI, NATIONAL, qh(11, { paragraph: 2 })),
  "nursing.percent": national({ full: 50, most: 40, partial: 30 }, VIA_QINGHAI, NATIONAL, qh(25)),
  "death.funeralMonths": national(6, VIA_QINGHAI, NATIONAL, qh(29, { paragraph: 1, item: 1 })),
  "death.dependantPercent": national(
    { spouse: 40, other: 30, orphanOrSolitaryElderExtra: 10 }, VIA_QINGHAI, NATIONAL, qh(29, { paragraph: 1, item: 2 }),
  ),
  "death.dependantCapPercent": national(100, VIA_QINGHAI, NATIONAL, qh(29, { paragraph: 1, item: 2 })),
  "death.oneTimeSubsidyIncomeMultiple": national(20, VIA_QINGHAI, NATIONAL, qh(29, { paragraph: 1, item: 3 })),
  "livingGuarantee.payer": national("platform" as const, VIA_QINGHAI, NATIONAL, qh(24, { paragraph: 1 })),
} satisfies Partial<RuleSetParams>;

/** The reason attached to the 100% benefit-base factor of the provinces other than Qinghai (REFERENCE C3). */
export const BASE_FACTOR_ASSUMED: Bilingual = {
  zh: "国家办法原文不在手，青海的60%可能为本省规定；按上年度全省城镇私营单位就业人员月平均工资的100%计发（REFERENCE C3）",
  en: "the national measures' text is not in hand and Qinghai's 60% may be provincial; 100% of the provincial figure (REFERENCE C3)",
};
