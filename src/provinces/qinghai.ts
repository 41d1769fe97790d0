/**
 * Qinghai 青海 — 关于开展新就业形态人员职业伤害保障试点工作的通知（征求意见稿）, with 附件1 实施办法 and
 * 附件2 委托承办管理实施办法. In force 2026-07-01 (实施办法 第四十二条). Every benefit parameter is the
 * seed's own: base 60% of the previous year's provincial urban private-sector average monthly wage
 * (第二十五–二十九条).
 */
import { cite } from "../core/citation.js";
import { national, seed } from "../core/params.js";
import { pilotPlatforms } from "../core/vocabulary.js";
import { eligibilityTextsOf } from "./national.js";
import type { RuleSetFile, RuleText } from "./schema.js";

const m = (article: number, where: { paragraph?: number; item?: number; note?: string } = {}) =>
  cite("qinghai-measures", { article, ...where });

export const QINGHAI: RuleSetFile = {
  id: "qinghai@2026-07-01",
  province: "qinghai",
  name: { zh: "青海省", en: "Qinghai" },
  validFrom: "2026-07-01",
  validTo: null,
  extends: "national",
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
    // Time limits (docs/time-limits.md).
    "timeLimit.platformApplication": seed({ count: 30, unit: "day" }, m(15, { paragraph: 1 })),
    "timeLimit.workerApplication": seed({ count: 90, unit: "day" }, m(15, { paragraph: 2 })),
    "timeLimit.supplementMaterials": seed({ count: 10, unit: "day" }, m(15, { paragraph: 1 })),
    "timeLimit.confirmation": seed({ count: 30, unit: "working-day" }, m(17, { paragraph: 1 })),
    "timeLimit.confirmationFactsClear": seed({ count: 7, unit: "working-day" }, m(17, { paragraph: 1 }), cite("qinghai-notice", { section: "二" })),
    "timeLimit.reassessmentRequest": seed({ count: 15, unit: "day" }, m(19, { paragraph: 2 })),
    "timeLimit.sporadicMedicalReimbursement": seed({ count: 7, unit: "working-day" }, cite("qinghai-notice", { section: "二" })),
    "timeLimit.monthlyDataHandover": seed({ day: 5, holiday: "next-working-day" }, m(7, { paragraph: 1 })),
    "timeLimit.dataCorrection": seed({ count: 5, unit: "working-day" }, m(7, { paragraph: 2 })),
    "timeLimit.monthlyDeclaration": seed({ day: 15, holiday: "tax-declaration" }, m(8, { paragraph: 1 })),
    "timeLimit.prepaymentSettlement": seed({ count: 3, unit: "month" }, cite("qinghai-commission", { article: 25 })),
    "treatment.period": seed({ count: 12, unit: "month" }, m(24, { paragraph: 2 })),
    "treatment.maxExtension": seed({ count: 12, unit: "month" }, m(24, { paragraph: 2 })),
    // Eligibility, coverage and platform liability (docs/eligibility.md).
    "coverage.industries": seed(
      ["ride-hailing", "instant-delivery", "intra-city-freight"], m(2, { paragraph: 1 }), cite("qinghai-notice", { section: "一" }),
    ),
    "coverage.otherIndustriesFrom": seed(
      "2026-07-01",
      cite("qinghai-notice", { section: "一", paragraph: 2, note: "探索将其他行业平台企业纳入，未设日期：自试点起，须经纳入 / other industries by admission; no date, so from the pilot's start" }),
    ),
    "coverage.pilotPlatforms": seed(
      pilotPlatforms("2026-07-01", [
        ["didi", "滴滴出行"], ["caocao", "曹操出行"],
        ["meituan", "美团"], ["eleme", "饿了么"], ["jd-miaosong", "京东秒送"], ["shansong", "闪送"], ["sf-tongcheng", "顺丰同城"],
        ["huolala", "货拉拉"], ["kuaigou", "快狗打车"], ["didi-freight", "滴滴货运"], ["manbang", "满帮省省"],
      ]),
      cite("qinghai-notice", { section: "一", paragraph: 2 }),
    ),
    "coverage.byPlaceOfAcceptance": seed(true, m(2, { paragraph: 1 }), m(14)),
    "coverage.noDoubleClaim": seed(true, m(18, { paragraph: 1 })),
    "eligibility.situations": seed(
      ["on-task-injury", "commute", "sudden-death", "public-interest", "veteran-relapse", "statutory-other"],
      m(11, { paragraph: 1 }), m(11, { paragraph: 2 }), m(11, { paragraph: 3 }),
    ),
    // 第十二条 reads "符合第十二条的规定"; in this draft that is a slip for 第十一条 (docs/eligibility.md).
    "eligibility.exclusions": seed(
      ["intentional-crime", "intoxication-or-drugs", "self-harm"],
      m(12, { note: "条文“符合第十二条的规定”应为第十一条之误 / \"art. 12\" in the text reads as art. 11" }),
    ),
    "eligibility.suddenDeathMaxHours": seed(48, m(11, { paragraph: 1, item: 3 })),
    "liability.multiplePlatformsRule": seed("first-accepted-same-route", m(18, { paragraph: 2 })),
    "liability.benefitCostsPayer": seed("fund", m(21), m(32, { paragraph: 2 })),
    "liability.lateFilingCostsPayer": seed("platform", m(15, { paragraph: 3 })),
    "liability.nursingDuringTreatmentPayer": seed("platform-or-service-organisation", m(24, { paragraph: 1 })),
    "liability.unreportedInformationPayer": seed("platform", m(35, { paragraph: 2 })),
    "liability.serviceOrganisationFailurePayer": seed("platform", m(34, { paragraph: 3 })),
    // Premiums and the fund (docs/premiums.md).
    "premium.baseAmounts": seed(
      [{ from: "2026-07-01", "ride-hailing": ["0.01"], "instant-delivery": ["0.07", "0.25"], "intra-city-freight": ["0.18"] }],
      m(9, { paragraph: 1 }), m(9, { paragraph: 2, note: "即时配送 0.25 元 / instant delivery 0.25" }),
    ),
    "premium.floatTiers": seed({ min: 50, max: 150, step: 10 }, m(9, { paragraph: 2 })),
    "premium.floatPeriod": seed("yearly-from-1-january", m(9, { paragraph: 2, note: "可每年浮动，首次浮动执行时间为1月1日 / yearly, the first float on 1 January" })),
    "premium.firstFloatFrom": seed("2028-01-01", m(9, { paragraph: 2 })),
    "premium.instantDeliverySwitch": seed({ lower: "0.07", upper: "0.25" }, m(9, { paragraph: 2 })),
    "premium.orderCounting": national(
      "ended-by-24h-china-time",
      {
        zh: "青海实施办法第二条、第七条规定在本省行政区域内接单、按日报送单量，未规定订单计入口径；以上海规程第十条（国家经办规程的同一口径）为通用口径",
        en: "Qinghai arts. 2 and 7 count orders accepted in the province, reported daily, without defining which orders count; Shanghai rules art. 10 (the national operating rules' model) is used",
      },
      cite("national-measures"), m(2, { paragraph: 1 }), m(7, { paragraph: 1 }), cite("shanghai-rules", { article: 10 }),
    ),
    "premium.contributionBasis": seed("last-month-orders-times-rate", m(8, { paragraph: 1 })),
    "fund.serviceFee": seed(
      { fundingPercent: "3", benefitSpendPercent: "1", floatingMaxPercentOfBenefitSpend: "2" },
      cite("qinghai-commission", { article: 6, paragraph: 2 }),
    ),
    "fund.prepayment": seed(
      { agencyMonths: 2, insurerMonths: 1, firstYearShareOfFundingBudget: { numerator: 1, denominator: 6 } },
      cite("qinghai-commission", { article: 24, paragraph: 2 }), cite("qinghai-commission", { article: 24, paragraph: 3 }),
    ),
  },
  rules: {
    ...qinghaiEligibilityTexts(),
    "eligibility.order-task": { citations: [m(11, { paragraph: 3 })] },
    "disability.pension-top-up": { citations: [m(26, { paragraph: 3 })] },
    "death.after-treatment-grade-1-4": { citations: [m(29, { paragraph: 3 })] },
    "death.no-double-drawing": { citations: [m(30)] },
    "living-guarantee.payer": { citations: [m(24, { paragraph: 1 }), cite("zhishang-decisions", { decision: "C7" })] },
    "premium.difference": { citations: [m(10, { paragraph: 2 }), m(35)] },
    "premium.payout-ratio": { citations: [m(9, { paragraph: 2 }), cite("zhishang-decisions", { decision: "C2" })] },
    "declaration.monthly": { citations: [m(8, { paragraph: 1 })] },
    "timeLimit.supplementMaterials": {
      notes: [{
        zh: "实施办法第十五条第一款：补正材料属待遇给付申请（确认阶段），自收到一次性补正告知之日起算",
        en: "measures art. 15(1): the supplement belongs to the benefit application (confirmation stage), from receipt of the one-time notice",
      }],
    },
  },
};

/** The articles of each situation (第十一条第一款 (一)–(六)) and exclusion (第十二条 (一)–(三)) in the Qinghai text. */
function qinghaiEligibilityTexts(): Record<string, RuleText> {
  // The draft's 第十二条 says "符合第十二条的规定"; it can only mean 第十一条 (the situations).
  return eligibilityTextsOf(m, [], (item) => [m(12, { item, note: "“符合第十二条的规定”应为第十一条 / \"art. 12\" there means art. 11" })]);
}
