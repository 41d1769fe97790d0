/**
 * Inner Mongolia 内蒙古 — notice of 2026-02-26 on the pilot. In force 2026-07-01 (通知正文). The notice sets
 * premiums (三) but no benefit amounts: it defers to 人社部发〔2025〕24号, so the structure is national and the
 * base factor assumed (docs/decisions.md#C3).
 */
import { cite } from "../core/citation.js";
import { assumed, seed } from "../core/params.js";
import { BASE_FACTOR_ASSUMED } from "./national.js";
import { pilotPlatforms } from "../core/vocabulary.js";
import type { RuleSetFile } from "./schema.js";

export const INNER_MONGOLIA: RuleSetFile = {
  id: "inner-mongolia@2026-07-01",
  province: "inner-mongolia",
  name: { zh: "内蒙古自治区", en: "Inner Mongolia" },
  validFrom: "2026-07-01",
  validTo: null,
  extends: "national",
  sources: ["inner-mongolia-notice"],
  params: {
    "coverage.inForceFrom": seed("2026-07-01", cite("inner-mongolia-notice", { section: "通知正文" })),
    "benefit.baseFactor": assumed("1", BASE_FACTOR_ASSUMED, cite("zhishang-decisions", { decision: "C3" })),
    // Eligibility, coverage and platform liability (docs/eligibility.md).
    "coverage.industries": seed(["ride-hailing", "instant-delivery", "intra-city-freight"], cite("inner-mongolia-notice", { section: "一" }), cite("inner-mongolia-notice", { section: "二" })),
    "coverage.otherIndustriesFrom": seed(
      "2026-07-01",
      cite("inner-mongolia-notice", { section: "二", note: "逐步探索将其他行业平台企业纳入，未设日期：自试点起，须经纳入 / other industries by admission; no date, so from the pilot's start" }),
    ),
    "coverage.pilotPlatforms": seed(
      pilotPlatforms("2026-07-01", [
        ["caocao", "曹操出行"], ["didi", "滴滴出行"],
        ["meituan", "美团"], ["eleme", "饿了么"], ["jd-miaosong", "京东秒送"], ["shansong", "闪送"], ["sf-tongcheng", "顺丰同城"],
        ["huolala", "货拉拉"], ["kuaigou", "快狗打车"], ["didi-freight", "滴滴货运"], ["manbang", "满帮省省"],
      ]),
      cite("inner-mongolia-notice", { section: "二" }), cite("inner-mongolia-notice", { section: "通知正文" }),
    ),
    "liability.benefitCostsPayer": seed("fund", cite("inner-mongolia-notice", { section: "五" })),
    // Premiums (docs/premiums.md): 三 states the base amounts and the floating rules of Qinghai, without a first-float date.
    "premium.baseAmounts": seed(
      [{ from: "2026-07-01", "ride-hailing": ["0.01"], "instant-delivery": ["0.07", "0.25"], "intra-city-freight": ["0.18"] }],
      cite("inner-mongolia-notice", { section: "三", paragraph: 1 }),
    ),
    "premium.floatTiers": seed({ min: 50, max: 150, step: 10 }, cite("inner-mongolia-notice", { section: "三", paragraph: 2 })),
    "premium.instantDeliverySwitch": seed({ lower: "0.07", upper: "0.25" }, cite("inner-mongolia-notice", { section: "三", paragraph: 2 })),
  },
  rules: {
    "premium.payout-ratio": { citations: [cite("inner-mongolia-notice", { section: "三", paragraph: 2 }), cite("zhishang-decisions", { decision: "C2" })] },
    "fund.service-fee": {
      notes: [{
        zh: "内蒙古通知四：委托承办服务费综合考虑参保规模、机构运行成本、工作绩效等因素按比例支付，未规定比例",
        en: "Inner Mongolia notice 四: the service fee is paid in proportion, by scale, costs and performance, with no ratio stated",
      }],
    },
  },
};
