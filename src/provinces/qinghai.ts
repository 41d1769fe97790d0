/**
 * Qinghai 青海 — 关于开展新就业形态人员职业伤害保障试点工作的通知（征求意见稿）, with 附件1 实施办法 and
 * 附件2 委托承办管理实施办法. In force 2026-07-01 (实施办法 第四十二条). Every benefit parameter is the
 * seed's own: base 60% of the previous year's provincial urban private-sector average monthly wage
 * (第二十五–二十九条).
 */
import { cite } from "../core/citation.js";
import { seed } from "../core/params.js";
import type { RuleSet } from "./schema.js";

const m = (article: number, where: { paragraph?: number; item?: number; note?: string } = {}) =>
  cite("qinghai-measures", { article, ...where });

export const QINGHAI: RuleSet = {
  id: "qinghai@2026-07-01",
  province: "qinghai",
  name: { zh: "青海省", en: "Qinghai" },
  validFrom: "2026-07-01",
  validTo: null,
  sources: ["qinghai-notice", "qinghai-measures", "qinghai-commission"],
  params: {
    "coverage.inForceFrom": seed("2026-07-01", m(42), cite("qinghai-notice", { section: "一" })),
    "benefit.baseFactor": seed("0.6", m(25), m(26), m(27), m(28), m(29)),
    "disability.oneTimeSubsidyMonths": seed(
      { "1": 27, "2": 25, "3": 23, "4": 21, "5": 18, "6": 16, "7": 13, "8": 11, "9": 9, "10": 7 },
      m(26, { paragraph: 2 }), m(27, { item: 1 }), m(28),
    ),
    "disability.monthlyAllowancePercent": seed({ "1": 90, "2": 85, "3": 80, "4": 75 }, m(26, { paragraph: 3 })),
    "disability.oneTimeAllowanceMonths": seed({ "5": 30, "6": 25 }, m(27, { item: 2 })),
    "veteran.excludedBenefits": seed(["oneTimeDisabilitySubsidy"], m(11, { paragraph: 2 })),
    "nursing.percent": seed({ full: 50, most: 40, partial: 30 }, m(25)),
    "death.funeralMonths": seed(6, m(29, { paragraph: 1, item: 1 })),
    "death.dependantPercent": seed({ spouse: 40, other: 30, orphanOrSolitaryElderExtra: 10 }, m(29, { paragraph: 1, item: 2 })),
    "death.dependantCapPercent": seed(100, m(29, { paragraph: 1, item: 2 })),
    "death.oneTimeSubsidyIncomeMultiple": seed(20, m(29, { paragraph: 1, item: 3 })),
    "livingGuarantee.payer": seed("platform", m(24, { paragraph: 1 })),
  },
};
