/**
 * Shanghai 上海 — 沪人社福〔2025〕373号 业务经办和征收管理规程 (2025-12-29, in force on issue, 第八十一条).
 * The pilot runs since 2022-07-01; no earlier Shanghai text is in hand, so these rules are applied to the
 * earlier pilot dates as well (REFERENCE A). Benefit amounts are set by Shanghai's 实施办法, which is not in
 * hand: the structure is national and the base factor is assumed (REFERENCE C3, literal reading of 第四十五条).
 */
import { cite } from "../core/citation.js";
import { assumed, national, seed } from "../core/params.js";
import { NATIONAL_BENEFIT_PARAMS } from "./national.js";
import type { RuleSet } from "./schema.js";

const r = (article: number, where: { paragraph?: number; item?: number; note?: string } = {}) =>
  cite("shanghai-rules", { article, ...where });

export const SHANGHAI: RuleSet = {
  id: "shanghai@2022-07-01",
  province: "shanghai",
  name: { zh: "上海市", en: "Shanghai" },
  validFrom: "2022-07-01",
  validTo: null,
  sources: ["shanghai-rules"],
  params: {
    ...NATIONAL_BENEFIT_PARAMS,
    "coverage.inForceFrom": national(
      "2022-07-01",
      {
        zh: "上海自2022年7月1日起开展国家试点；规程（2025年）一并适用于此前的试点日期（REFERENCE A）",
        en: "Shanghai has run the national pilot since 2022-07-01; the 2025 rules are applied to earlier pilot dates too (REFERENCE A)",
      },
      cite("national-measures", { note: "国家试点自2022年7月1日起 / national pilot from 2022-07-01" }),
      r(81),
    ),
    "benefit.baseFactor": assumed(
      "1",
      {
        zh: "规程第四十五条以上年度本市城镇私营单位就业人员月平均工资为计发基数，按字面理解取100%；上海实施办法原文不在手（REFERENCE C3）",
        en: "rules art. 45 names the previous-year Shanghai urban private-sector average monthly wage as the base; literal reading, 100% (Shanghai's 实施办法 not in hand; REFERENCE C3)",
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
  },
};
