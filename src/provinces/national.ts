/**
 * The national structure of benefits, applied where a province's seed is silent (docs/sources.md#A): the national
 * measures' text is not in hand, and the Qinghai draft reproduces their structure (grades, months,
 * percentages), so these values carry provenance `national` and cite both the national measures and the
 * Qinghai article that witnesses the structure. The benefit base factor is not here: see docs/decisions.md#C3.
 */
import { cite, type Citation } from "../core/citation.js";
import { national, type Bilingual } from "../core/params.js";
import type { RuleSetParams, RuleText } from "./schema.js";
import { EXCLUSION_ITEM, EXCLUSIONS, SITUATION_ITEM, SITUATIONS } from "../core/vocabulary.js";

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

const TIME_LIMIT_VIA_QINGHAI: Bilingual = {
  zh: "本省来源未规定该期限，适用国家《新就业形态人员职业伤害保障办法（试行）》；期限以青海实施办法的相同条文为据",
  en: "the province's sources state no such time limit; the national measures apply, the period as reproduced in the Qinghai measures",
};
const DECLARATION_VIA_TAX_RULES: Bilingual = {
  zh: "本省来源未规定申报期限；职业伤害保障费由税务机关按月征收，适用《税收征收管理法实施细则》第一百零九条的申报期限规则（青海第八条、上海第十四条为同一文字）",
  en: "the province's sources state no declaration deadline; the tax authority collects the premium monthly under art. 109 of the tax-collection rules (the words of Qinghai art. 8 and Shanghai art. 14)",
};

/** Time limits of the national measures, shared by the provinces whose seeds state none (docs/time-limits.md). */
export const NATIONAL_TIME_LIMIT_PARAMS = {
  "timeLimit.platformApplication": national({ count: 30, unit: "day" as const }, TIME_LIMIT_VIA_QINGHAI, NATIONAL, qh(15, { paragraph: 1 })),
  "timeLimit.workerApplication": national({ count: 90, unit: "day" as const }, TIME_LIMIT_VIA_QINGHAI, NATIONAL, qh(15, { paragraph: 2 })),
  "timeLimit.supplementMaterials": national({ count: 10, unit: "day" as const }, TIME_LIMIT_VIA_QINGHAI, NATIONAL, qh(15, { paragraph: 1 })),
  "timeLimit.confirmation": national({ count: 30, unit: "working-day" as const }, TIME_LIMIT_VIA_QINGHAI, NATIONAL, qh(17, { paragraph: 1 })),
  "timeLimit.confirmationFactsClear": national({ count: 7, unit: "working-day" as const }, TIME_LIMIT_VIA_QINGHAI, NATIONAL, qh(17, { paragraph: 1 })),
  "timeLimit.reassessmentRequest": national(
    { count: 15, unit: "day" as const }, TIME_LIMIT_VIA_QINGHAI, NATIONAL, qh(19, { paragraph: 2 }), cite("work-injury-regulations", { article: 26 }),
  ),
  "timeLimit.monthlyDeclaration": national(
    { day: 15, holiday: "tax-declaration" as const }, DECLARATION_VIA_TAX_RULES, NATIONAL, cite("tax-collection-rules", { article: 109 }), qh(8, { paragraph: 1 }),
  ),
  "treatment.period": national({ count: 12, unit: "month" as const }, TIME_LIMIT_VIA_QINGHAI, NATIONAL, qh(24, { paragraph: 2 })),
  "treatment.maxExtension": national({ count: 12, unit: "month" as const }, TIME_LIMIT_VIA_QINGHAI, NATIONAL, qh(24, { paragraph: 2 })),
} satisfies Partial<RuleSetParams>;

const RULE_VIA_QINGHAI: Bilingual = {
  zh: "本省来源未规定该规则，适用国家《新就业形态人员职业伤害保障办法（试行）》；规则内容以青海实施办法的相同条文为据",
  en: "the province's sources state no such rule; the national measures apply, the rule as reproduced in the Qinghai measures",
};

/**
 * Eligibility and platform-liability rules of the national measures, shared by the provinces whose seeds state
 * none (docs/eligibility.md). The provinces' own lists of pilot platforms and industries are in their files.
 */
export const NATIONAL_ELIGIBILITY_PARAMS = {
  "coverage.byPlaceOfAcceptance": national(true, RULE_VIA_QINGHAI, NATIONAL, qh(2, { paragraph: 1 }), qh(14)),
  "coverage.noDoubleClaim": national(true, RULE_VIA_QINGHAI, NATIONAL, qh(18, { paragraph: 1 })),
  "eligibility.situations": national(
    [...SITUATIONS], RULE_VIA_QINGHAI, NATIONAL, qh(11, { paragraph: 1 }), qh(11, { paragraph: 2 }), qh(11, { paragraph: 3 }),
  ),
  "eligibility.exclusions": national(
    [...EXCLUSIONS], RULE_VIA_QINGHAI, NATIONAL, qh(12), cite("work-injury-regulations", { article: 16 }),
  ),
  "eligibility.suddenDeathMaxHours": national(48, RULE_VIA_QINGHAI, NATIONAL, qh(11, { paragraph: 1, item: 3 })),
  "liability.multiplePlatformsRule": national("first-accepted-same-route" as const, RULE_VIA_QINGHAI, NATIONAL, qh(18, { paragraph: 2 })),
  "liability.benefitCostsPayer": national("fund" as const, RULE_VIA_QINGHAI, NATIONAL, qh(21)),
  "liability.lateFilingCostsPayer": national(
    "platform" as const, RULE_VIA_QINGHAI, NATIONAL, qh(15, { paragraph: 3 }), cite("zhishang-decisions", { decision: "C10" }),
  ),
  "liability.nursingDuringTreatmentPayer": national(
    "platform-or-service-organisation" as const, RULE_VIA_QINGHAI, NATIONAL, qh(24, { paragraph: 1 }),
  ),
  "liability.unreportedInformationPayer": national("platform" as const, RULE_VIA_QINGHAI, NATIONAL, qh(35, { paragraph: 2 })),
  "liability.serviceOrganisationFailurePayer": national("platform" as const, RULE_VIA_QINGHAI, NATIONAL, qh(34, { paragraph: 3 })),
} satisfies Partial<RuleSetParams>;

/** The reason attached to the 100% benefit-base factor of the provinces other than Qinghai (docs/decisions.md#C3). */
export const BASE_FACTOR_ASSUMED: Bilingual = {
  zh: "国家办法原文不在手，青海的60%可能为本省规定；按上年度全省城镇私营单位就业人员月平均工资的100%计发（docs/decisions.md#C3）",
  en: "the national measures' text is not in hand and Qinghai's 60% may be provincial; 100% of the provincial figure (docs/decisions.md#C3)",
};

const FLOAT_VIA_QINGHAI: Bilingual = {
  zh: "本省来源未规定浮动档次与即时配送基准额切换；适用国家《新就业形态人员职业伤害保障办法（试行）》的浮动制度，其内容以青海实施办法第九条第二款、内蒙古通知三的相同文字为据",
  en: "the province's sources do not state the float tiers or the instant-delivery switch; the national floating system applies, as Qinghai art. 9(2) and the Inner Mongolia notice 三 reproduce it word for word",
};
const FLOAT_PERIOD_NATIONAL: Bilingual = {
  zh: "本省来源未规定浮动的执行日期；按年浮动、自当年1月1日起执行（青海第九条首次浮动执行时间为1月1日，上海规程第十二条第二款；docs/decisions.md#C8）",
  en: "the province's sources do not say when a float takes effect; once a year from 1 January (Qinghai art. 9: the first float on 1 January; Shanghai art. 12(2); docs/decisions.md#C8)",
};
const ORDER_COUNTING_NATIONAL: Bilingual = {
  zh: "本省来源未规定应缴费订单的计算口径；以上海规程第十条（依据国家《新就业形态人员职业伤害保障业务经办和征收管理规程（试行）》，见其第一条）为通用口径：每日24时前执行结束、已注册且在参保范围、在本地接单并开始执行、实际执行结束（送达或中途转出）的订单",
  en: "the province's sources do not define which orders count; Shanghai rules art. 10 (made under the national operating and collection rules, art. 1) is the general model: orders that ended by 24:00, of registered workers in scope, started in the province, and actually ended (delivered or transferred)",
};
const CONTRIBUTION_NATIONAL: Bilingual = {
  zh: "本省来源未规定按月申报的计算方法；适用国家办法：应缴费额为上月总单量与每单缴费标准之积（青海第八条、上海规程第十四条为同一规定）",
  en: "the province's sources do not state the monthly amount; the national rule applies: last month's orders × the per-order rate (as Qinghai art. 8 and Shanghai art. 14 state it)",
};
const im3 = (paragraph: number) => cite("inner-mongolia-notice", { section: "三", paragraph, note: "同国家办法 / national text" });

/**
 * The industry base amounts of the national measures (docs/decisions.md#C1: 0.01 / 0.07 or 0.25 / 0.18 yuan per order),
 * dated `from`, for a province whose seed does not list them.
 */
export function nationalBaseAmounts(from: string, reason: Bilingual, ...citations: ReturnType<typeof cite>[]) {
  return national(
    [{ from, "ride-hailing": ["0.01"], "instant-delivery": ["0.07", "0.25"], "intra-city-freight": ["0.18"] }],
    reason, NATIONAL, ...citations, qh(9, { paragraph: 1 }), im3(1),
    cite("shanghai-rules", { article: 11, paragraph: 1, note: "国家确定的行业缴费基准额 / the nationally set base amounts" }),
  );
}

/** Premium rules of the national measures, shared by the provinces whose seeds state none (docs/premiums.md). */
export const NATIONAL_PREMIUM_PARAMS = {
  "premium.floatTiers": national({ min: 50, max: 150, step: 10 }, FLOAT_VIA_QINGHAI, NATIONAL, qh(9, { paragraph: 2 }), im3(2)),
  "premium.floatPeriod": national(
    "yearly-from-1-january" as const, FLOAT_PERIOD_NATIONAL, NATIONAL, qh(9, { paragraph: 2 }),
    cite("shanghai-rules", { article: 12, paragraph: 2 }), cite("zhishang-decisions", { decision: "C8" }),
  ),
  "premium.instantDeliverySwitch": national({ lower: "0.07", upper: "0.25" }, FLOAT_VIA_QINGHAI, NATIONAL, qh(9, { paragraph: 2 }), im3(2)),
  "premium.orderCounting": national(
    "ended-by-24h-china-time" as const, ORDER_COUNTING_NATIONAL, NATIONAL,
    cite("shanghai-rules", { article: 10 }), cite("shanghai-rules", { article: 1 }),
  ),
  "premium.contributionBasis": national(
    "last-month-orders-times-rate" as const, CONTRIBUTION_NATIONAL, NATIONAL, qh(8, { paragraph: 1 }),
    cite("shanghai-rules", { article: 14, paragraph: 1 }),
  ),
} satisfies Partial<RuleSetParams>;

/**
 * The rule texts of the six situations (第十一条第一款 (一)–(六)) and three exclusions (第十二条 (一)–(三)) as a text
 * that numbers them like the Qinghai measures gives them: `article` cites an article of that text, `lead` and
 * `exclusionExtra` are cited before and after. Used for the national defaults (the Qinghai text as witness) and
 * for Qinghai's own rule set.
 */
export function eligibilityTextsOf(
  article: (n: number, where?: { paragraph?: number; item?: number; note?: string }) => Citation,
  lead: readonly Citation[],
  exclusionCitations: (item: number) => readonly Citation[],
): Record<string, RuleText> {
  const out: Record<string, RuleText> = {};
  for (const situation of SITUATIONS) {
    const item = SITUATION_ITEM[situation];
    const duringOrder = situation === "on-task-injury" || situation === "sudden-death";
    out[`eligibility.situation.${situation}`] = {
      citations: [
        ...lead,
        article(11, { paragraph: 1, item }),
        ...(duringOrder ? [article(11, { paragraph: 3 })] : []),
        ...(situation === "veteran-relapse" ? [article(11, { paragraph: 2 })] : []),
      ],
    };
  }
  for (const exclusion of EXCLUSIONS) {
    out[`eligibility.exclusion.${exclusion}`] = { citations: [...exclusionCitations(EXCLUSION_ITEM[exclusion])] };
  }
  return out;
}

/** The national citations of each situation and exclusion (their 项 as the Qinghai text numbers them). */
function nationalEligibilityTexts(): Record<string, RuleText> {
  return {
    ...eligibilityTextsOf(qh, [NATIONAL], (item) => [NATIONAL, qh(12, { item }), cite("work-injury-regulations", { article: 16, item })]),
    "eligibility.order-task": { citations: [NATIONAL, qh(11, { paragraph: 3 })] },
  };
}

/**
 * Citations and notes of the rules whose article differs by province, as the national measures give them; a
 * province's rule set replaces the entries its own text states (docs/rule-sets.md, "Rule texts").
 */
export const NATIONAL_RULE_TEXTS: Readonly<Record<string, RuleText>> = {
  ...nationalEligibilityTexts(),
  "disability.pension-top-up": { citations: [NATIONAL] },
  "death.after-treatment-grade-1-4": { citations: [NATIONAL] },
  // 不得重复领取 (Qinghai 第三十条, which reproduces the national structure)
  "death.no-double-drawing": { citations: [NATIONAL, qh(30)] },
  "living-guarantee.payer": { citations: [cite("zhishang-decisions", { decision: "C7" })] },
  "premium.difference": {
    citations: [cite("national-measures", { note: "多缴退还、少缴补足，同青海第十条、上海第十六条 / refunds and top-ups as in Qinghai art. 10, Shanghai art. 16" })],
  },
  "premium.payout-ratio": { citations: [NATIONAL, cite("zhishang-decisions", { decision: "C2" })] },
  "declaration.monthly": { citations: [] },
  "timeLimit.supplementMaterials": {
    notes: [{
      zh: "补正材料属待遇给付申请（确认阶段）：自收到一次性补正告知之日起算（国家办法结构，同青海实施办法第十五条第一款）",
      en: "the supplement belongs to the benefit application (confirmation stage): it runs from receipt of the one-time notice (the national structure, as Qinghai measures art. 15(1))",
    }],
  },
};

/**
 * The national defaults a rule-set file `extends` with `"extends": "national"`: the parameters of the national
 * measures where a province is silent, and the rule texts above. Not a rule set of its own (it has no province,
 * dates or benefit base factor): a file that extends it states those.
 */
export const NATIONAL_DEFAULTS = {
  params: {
    ...NATIONAL_BENEFIT_PARAMS,
    ...NATIONAL_TIME_LIMIT_PARAMS,
    ...NATIONAL_ELIGIBILITY_PARAMS,
    ...NATIONAL_PREMIUM_PARAMS,
  },
  rules: NATIONAL_RULE_TEXTS,
  sources: ["national-measures"],
} as const satisfies { params: Partial<RuleSetParams>; rules: Readonly<Record<string, RuleText>>; sources: readonly string[] };
