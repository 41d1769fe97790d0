/**
 * Shanghai 上海 — 沪人社福〔2025〕373号 业务经办和征收管理规程 (2025-12-29, in force on issue, 第八十一条).
 * The pilot runs since 2022-07-01; no earlier Shanghai text is in hand, so these rules are applied to the
 * earlier pilot dates as well (docs/sources.md#A). Benefit amounts are set by Shanghai's 实施办法, which is not in
 * hand: the structure is national and the base factor is assumed (docs/decisions.md#C3, literal reading of 第四十五条).
 */
import { cite } from "../core/citation.js";
import { assumed, national, seed } from "../core/params.js";
import { pilotPlatforms, SITUATION_ITEM, SITUATIONS } from "../core/vocabulary.js";
import type { RuleSetFile, RuleText } from "./schema.js";

const r = (article: number, where: { paragraph?: number; item?: number; note?: string } = {}) =>
  cite("shanghai-rules", { article, ...where });

export const SHANGHAI: RuleSetFile = {
  id: "shanghai@2022-07-01",
  province: "shanghai",
  name: { zh: "上海市", en: "Shanghai" },
  validFrom: "2022-07-01",
  validTo: null,
  extends: "national",
  sources: ["shanghai-rules"],
  params: {
    "coverage.inForceFrom": national(
      "2022-07-01",
      {
        zh: "上海自2022年7月1日起开展国家试点；规程（2025年）一并适用于此前的试点日期（docs/sources.md#A）",
        en: "Shanghai has run the national pilot since 2022-07-01; the 2025 rules are applied to earlier pilot dates too (docs/sources.md#A)",
      },
      cite("national-measures", { note: "国家试点自2022年7月1日起 / national pilot from 2022-07-01" }),
      r(81),
    ),
    "benefit.baseFactor": assumed(
      "1",
      {
        zh: "规程第四十五条以上年度本市城镇私营单位就业人员月平均工资为计发基数，按字面理解取100%；上海实施办法原文不在手（docs/decisions.md#C3）",
        en: "rules art. 45 names the previous-year Shanghai urban private-sector average monthly wage as the base; literal reading, 100% (Shanghai's 实施办法 not in hand; docs/decisions.md#C3)",
      },
      r(45, { paragraph: 1 }),
      cite("zhishang-decisions", { decision: "C3" }),
    ),
    "veteran.excludedBenefits": seed(["oneTimeDisabilitySubsidy"], r(42)),
    "livingGuarantee.payer": seed("platform", r(46, { paragraph: 1 })),
    "transitional.implementationMeasuresFrom": assumed(
      "2025-12-29",
      {
        zh: "上海实施办法的施行日期不在手，取规程印发施行之日（第八十一条）；调用方可通过 overrides 提供实际日期",
        en: "the date of Shanghai's 实施办法 is not in hand; taken as the day the rules took effect (art. 81); callers may override it",
      },
      r(45, { paragraph: 1 }),
      r(81),
    ),
    "transitional.periodicBaseYear": seed(2024, r(45, { paragraph: 1 })),
    "medical.thirdPartyOffset": seed("top-up-difference", r(34, { item: 3 })),
    // Time limits (docs/time-limits.md); the re-assessment request and the treatment period are national.
    "timeLimit.platformApplication": seed({ count: 30, unit: "day" }, r(21, { paragraph: 1 }), r(22, { paragraph: 2 })),
    "timeLimit.workerApplication": seed({ count: 90, unit: "day" }, r(21, { paragraph: 3 })),
    "timeLimit.applicationExtensionCap": seed(
      { count: 1, unit: "year" }, r(22, { paragraph: 1 }), cite("work-injury-regulations", { article: 17, paragraph: 2 }),
    ),
    "timeLimit.supplementMaterials": seed({ count: 5, unit: "working-day" }, r(44, { paragraph: 3 })),
    "timeLimit.confirmation": seed({ count: 30, unit: "working-day" }, r(26, { paragraph: 1 })),
    "timeLimit.confirmationFactsClear": seed({ count: 7, unit: "working-day" }, r(26, { paragraph: 1 })),
    "timeLimit.conclusionDelivery": seed({ count: 3, unit: "working-day" }, r(27, { paragraph: 1 })),
    "timeLimit.benefitReview": seed({ count: 20, unit: "working-day" }, r(44, { paragraph: 3 })),
    "timeLimit.monthlyDataHandover": seed({ day: 5, holiday: "next-working-day" }, r(9, { paragraph: 2 })),
    "timeLimit.monthlyDeclaration": seed({ day: 15, holiday: "tax-declaration" }, r(14, { paragraph: 1 })),
    "timeLimit.feeRegistration": seed({ count: 10, unit: "working-day" }, r(13, { paragraph: 2 })),
    "timeLimit.rateDetermination": seed({ month: 12, day: 31, holiday: "none" }, r(12, { paragraph: 3 })),
    "timeLimit.rateNotice": seed({ month: 1, day: 5, holiday: "next-working-day" }, r(12, { paragraph: 3 })),
    // Eligibility, coverage and platform liability (docs/eligibility.md); exclusions and the rest are national.
    "coverage.industries": seed(["ride-hailing", "instant-delivery", "intra-city-freight"], r(3)),
    "coverage.pilotPlatforms": assumed(
      pilotPlatforms("2022-07-01", [
        ["caocao", "曹操出行"], ["didi", "滴滴出行"],
        ["meituan", "美团"], ["eleme", "饿了么"], ["dada", "达达"], ["shansong", "闪送"], ["sf-tongcheng", "顺丰同城"],
        ["huolala", "货拉拉"], ["kuaigou", "快狗打车"], ["didi-freight", "滴滴货运"], ["manbang", "满帮省省"],
      ]),
      {
        zh: "规程未列举试点平台企业（第二条仅称“试点平台企业”）；取广西实施方案二（一）、浙江实施意见二（一）所列国家确定的试点平台企业（人社部发〔2025〕24号），适用于上海全部试点日期；2025年扩围前上海的名单不在手。其他平台由调用方声明 platformInPilot 或以 overrides 提供名单",
        en: "Shanghai's rules name no pilot platforms (art. 2 says only 试点平台企业); the nationally determined pilot platforms (人社部发〔2025〕24号) as Guangxi 二（一） and Zhejiang 二（一） list them are taken for all Shanghai pilot dates; Shanghai's list before the 2025 expansion is not in hand. For another platform, state platformInPilot or override the list",
      },
      r(2), cite("guangxi-plan", { section: "二（一）" }), cite("zhejiang-opinions", { section: "二（一）" }),
    ),
    "coverage.byPlaceOfAcceptance": seed(true, r(3), r(10, { item: 2 })),
    "coverage.fromPremiumPaidMonth": seed(true, r(43)),
    "eligibility.situations": seed(
      ["on-task-injury", "commute", "sudden-death", "public-interest", "veteran-relapse", "statutory-other"],
      r(19, { paragraph: 1 }), r(19, { paragraph: 2 }), r(24, { paragraph: 1 }), r(42),
      cite("national-measures", { note: "第（六）项 法律、行政法规规定的其他情形 / item (6), other cases set by law" }),
    ),
    "eligibility.suddenDeathMaxHours": seed(48, r(24, { paragraph: 1, item: 3 })),
    "liability.multiplePlatformsRule": seed("first-accepted-same-route", r(28, { paragraph: 2 }), r(28, { paragraph: 3 })),
    "liability.benefitCostsPayer": seed("fund", r(50)),
    "liability.lateFilingCostsPayer": seed("platform", r(22, { paragraph: 2 })),
    "liability.nursingDuringTreatmentPayer": seed("platform", r(46, { paragraph: 2 })),
    "liability.serviceOrganisationFailurePayer": national(
      "platform",
      {
        zh: "规程第七十条第二款、第七十一条要求平台服务机构不得推诿推脱、平台企业加强管理，但未规定责任承担；适用国家办法（以青海实施办法第三十四条第三款为据）",
        en: "arts. 70(2) and 71 forbid the service organisation to shirk and make the platform manage it, but say nothing of liability; the national measures apply (as Qinghai art. 34(3) reproduces them)",
      },
      cite("national-measures"), r(70, { paragraph: 2 }), r(71, { paragraph: 1 }),
      cite("qinghai-measures", { article: 34, paragraph: 3, note: "同国家办法结构 / national structure" }),
    ),
    "liability.identityCheckNotDonePayer": seed("platform", r(69, { paragraph: 2 })),
    // Premiums (docs/premiums.md): tiers and the instant-delivery switch are national (art. 12 names 档次 only).
    "premium.baseAmounts": seed(
      [{ from: "2022-07-01", "ride-hailing": ["0.01"], "instant-delivery": ["0.07", "0.25"], "intra-city-freight": ["0.18"] }],
      r(11, { paragraph: 1 }), r(11, { paragraph: 2, note: "新参加试点的即时配送平台首年 0.07 元 / a new instant-delivery platform's first year at 0.07" }),
    ),
    "premium.floatPeriod": seed("yearly-from-1-january", r(12, { paragraph: 2 })),
    "premium.floatMinContributionMonths": seed(12, r(11, { paragraph: 2 }), r(12, { paragraph: 2 })),
    "premium.orderCounting": seed("ended-by-24h-china-time", r(10)),
    "premium.contributionBasis": seed("last-month-orders-times-rate", r(14, { paragraph: 1 })),
  },
  rules: {
    ...shanghaiEligibilityTexts(),
    "eligibility.order-task": {
      citations: [cite("national-measures"), cite("qinghai-measures", { article: 11, paragraph: 3, note: "同国家办法结构 / national structure" }), r(23, { paragraph: 1, item: 4 })],
    },
    "premium.difference": { citations: [r(16)] },
    // 规程第三十八条: paid from the month after the assessment conclusion (the other provinces' sources are silent)
    "disability.first-payment-month": { citations: [r(38)] },
    "premium.payout-ratio": { citations: [r(12, { paragraph: 1 }), cite("zhishang-decisions", { decision: "C2" })] },
    "declaration.monthly": { citations: [r(14, { paragraph: 1 })] },
    "timeLimit.supplementMaterials": {
      notes: [{
        zh: "规程第四十四条第三款：补正材料属待遇申领审核阶段，自收到审核需要补正材料的告知之日起算",
        en: "rules art. 44(3): the supplement belongs to the benefit review stage, from receipt of the review's request to supplement",
      }],
    },
    "timeLimit.confirmation": {
      notes: [{ zh: "规程第二十六条第一款自受理申请起算：applicationReceivedDate 为受理之日", en: "rules art. 26(1) count from acceptance: applicationReceivedDate is the day the application was accepted" }],
    },
    "timeLimit.confirmationFactsClear": {
      notes: [{ zh: "规程第二十六条第一款自受理申请起算：applicationReceivedDate 为受理之日", en: "rules art. 26(1) count from acceptance: applicationReceivedDate is the day the application was accepted" }],
    },
    "timeLimit.applicationExtensionCap": {
      notes: [{
        zh: "延长须在原申请期限届满前说明合理原因并经区人力资源社会保障局同意，最长均不得超过工伤认定申请期限",
        en: "an extension must be asked for, with reasons, before the period ends and agreed by the district bureau; it never runs past the work-injury application limit",
      }],
    },
    "liability.late-filing": {
      notes: [{
        zh: "规程第二十二条第二款称“在此期间发生的”费用；按 docs/decisions.md#C10 理解为自事故发生之日至收到申请之日",
        en: "rules art. 22(2) says the costs \"arising in this period\"; read per docs/decisions.md#C10 as from the accident to the day an application was received",
      }],
    },
    "fund.service-fee": {
      notes: [{
        zh: "上海规程第五十四条：承办服务费的固定部分根据参保规模、机构运行成本、工作绩效等因素综合确定，浮动部分根据年度考核结果确定，具体在委托服务协议中约定，未规定计算比例",
        en: "Shanghai rules art. 54 leave both parts of the service fee to the service agreement (fixed part by scale, costs and performance; floating part by the annual assessment): no formula",
      }],
    },
  },
};

/**
 * The articles of each situation in the Shanghai rules (第二十四条第一款, 第十九条, 第四十二条); the catch-all item
 * (六) and the meaning of "during an order" are the national measures'.
 */
function shanghaiEligibilityTexts(): Record<string, RuleText> {
  const national = cite("national-measures");
  const qh = (article: number, where: { paragraph?: number; item?: number }) =>
    cite("qinghai-measures", { article, ...where, note: "同国家办法结构 / national structure" });
  const out: Record<string, RuleText> = {};
  for (const situation of SITUATIONS) {
    const item = SITUATION_ITEM[situation];
    const duringOrder = situation === "on-task-injury" || situation === "sudden-death";
    out[`eligibility.situation.${situation}`] = {
      citations: situation === "statutory-other"
        ? [national, qh(11, { paragraph: 1, item })]
        : [
          r(24, { paragraph: 1, item }),
          ...(item <= 2 ? [r(19, { paragraph: item })] : []),
          ...(situation === "veteran-relapse" ? [r(42)] : []),
          ...(duringOrder ? [national, qh(11, { paragraph: 3 })] : []),
        ],
    };
  }
  return out;
}
