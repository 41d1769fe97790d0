/**
 * Zhejiang 浙江 — 浙人社发〔2025〕44号 实施意见. In force 2025-07-01 (二（七）). Benefits follow the national
 * measures' items and standards (二（五）), so the structure is national and the base factor assumed
 * (docs/decisions.md#C3).
 */
import { cite } from "../core/citation.js";
import { assumed, seed } from "../core/params.js";
import { BASE_FACTOR_ASSUMED } from "./national.js";
import { pilotPlatforms } from "../core/vocabulary.js";
import type { RuleSetFile } from "./schema.js";
import { nationalBaseAmounts } from "./national.js";

export const ZHEJIANG: RuleSetFile = {
  id: "zhejiang@2025-07-01",
  province: "zhejiang",
  name: { zh: "浙江省", en: "Zhejiang" },
  validFrom: "2025-07-01",
  validTo: null,
  extends: "national",
  sources: ["zhejiang-opinions"],
  params: {
    "coverage.inForceFrom": seed("2025-07-01", cite("zhejiang-opinions", { section: "二（七）" })),
    "benefit.baseFactor": assumed("1", BASE_FACTOR_ASSUMED, cite("zhishang-decisions", { decision: "C3" })),
    // Eligibility, coverage and platform liability (docs/eligibility.md).
    "coverage.industries": seed(["ride-hailing", "instant-delivery", "intra-city-freight"], cite("zhejiang-opinions", { section: "二（一）" })),
    "coverage.pilotPlatforms": seed(
      pilotPlatforms("2025-07-01", [
        ["caocao", "曹操出行"], ["meituan", "美团"], ["eleme", "饿了么"], ["dada", "达达"], ["shansong", "闪送"],
        ["huolala", "货拉拉"], ["kuaigou", "快狗打车"], ["didi", "滴滴出行"], ["sf-tongcheng", "顺丰同城"],
        ["didi-freight", "滴滴货运"], ["manbang", "满帮省省"],
      ]),
      cite("zhejiang-opinions", { section: "二（一）", note: "“主要包括”，行业按平台目录 / \"mainly\"; industries from the catalogue" }),
      cite("zhejiang-opinions", { section: "二（七）" }),
    ),
    "coverage.singleWorkInjuryInsuranceUntil": seed("2025-06-30", cite("zhejiang-opinions", { section: "二（七）" })),
    "coverage.noDoubleClaim": seed(true, cite("zhejiang-opinions", { section: "二（七）" })),
    "liability.benefitCostsPayer": seed("fund", cite("zhejiang-opinions", { section: "二（五）" })),
    // Premiums and the fund (docs/premiums.md): 二（二） floats on the industry base amount by 支缴率, once a year;
    // the amounts and tiers are national. 二（三）: the gap-sharing rule.
    "premium.baseAmounts": nationalBaseAmounts(
      "2025-07-01",
      {
        zh: "实施意见二（二）在所属行业缴费基准额的基础上浮动，未列基准额；适用国家标准",
        en: "opinions 二（二） float on the industry base amount without stating it; the national amounts apply",
      },
      cite("zhejiang-opinions", { section: "二（二）" }),
    ),
    "fund.gapSharing": seed("benefit-spend-share-or-own-balance", cite("zhejiang-opinions", { section: "二（三）" })),
    "fund.gapSharingNetOfSurpluses": assumed(
      "net-gap-by-deficit-share",
      {
        zh: "二（三）规定收入数据明确的按各地实际收支计算缺口额，未规定有结余的地区如何计入；全省缺口（已扣除结余）按各地自身缺口的比例分担，无地区结余时即各地自身缺口",
        en: "二（三） computes each region's gap from its own income and spending but does not say how a region in surplus enters; the provincial gap (net of surpluses) is shared in proportion to each region's own deficit, which is exactly that deficit when no region is in surplus",
      },
      cite("zhejiang-opinions", { section: "二（三）" }),
    ),
  },
  rules: {
    "premium.payout-ratio": { citations: [cite("zhejiang-opinions", { section: "二（二）" }), cite("zhishang-decisions", { decision: "C2" })] },
    "fund.service-fee": { notes: [{ zh: "浙江实施意见未规定委托承办服务费的计算方法", en: "the Zhejiang opinions state no service-fee formula" }] },
  },
};
