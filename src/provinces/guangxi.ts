/**
 * Guangxi 广西 — 桂人社发〔2025〕24号 新就业形态人员职业伤害保障试点工作实施方案. In force 2025-07-01 (通知
 * and 二（一）). Benefits follow the national items and standards until regional rules exist (二（二）), so
 * the structure is national and the base factor assumed (docs/decisions.md#C3).
 */
import { cite } from "../core/citation.js";
import { assumed, seed } from "../core/params.js";
import { BASE_FACTOR_ASSUMED } from "./national.js";
import { pilotPlatforms } from "../core/vocabulary.js";
import type { RuleSetFile } from "./schema.js";
import { nationalBaseAmounts } from "./national.js";

export const GUANGXI: RuleSetFile = {
  id: "guangxi@2025-07-01",
  province: "guangxi",
  name: { zh: "广西壮族自治区", en: "Guangxi" },
  validFrom: "2025-07-01",
  validTo: null,
  extends: "national",
  sources: ["guangxi-plan"],
  params: {
    "coverage.inForceFrom": seed(
      "2025-07-01",
      cite("guangxi-plan", { section: "通知正文" }),
      cite("guangxi-plan", { section: "二（一）" }),
    ),
    "benefit.baseFactor": assumed("1", BASE_FACTOR_ASSUMED, cite("zhishang-decisions", { decision: "C3" })),
    // Eligibility, coverage and platform liability (docs/eligibility.md).
    "coverage.industries": seed(["ride-hailing", "instant-delivery", "intra-city-freight"], cite("guangxi-plan", { section: "二（一）" })),
    "coverage.pilotPlatforms": seed(
      pilotPlatforms("2025-07-01", [
        ["caocao", "曹操出行"], ["didi", "滴滴出行"],
        ["meituan", "美团"], ["eleme", "饿了么"], ["dada", "达达"], ["shansong", "闪送"], ["sf-tongcheng", "顺丰同城"],
        ["huolala", "货拉拉"], ["kuaigou", "快狗打车"], ["didi-freight", "滴滴货运"], ["manbang", "满帮省省"],
      ]),
      cite("guangxi-plan", { section: "二（一）" }),
    ),
    "coverage.allPlatformsOfIndustriesFrom": assumed(
      "2026-01-01",
      {
        zh: "实施方案二（一）称“2026年，将出行、即时配送和同城货运三个行业的平台企业总体纳入”，只写年份；取该年1月1日",
        en: "plan 二（一） says every platform of the three industries joins \"in 2026\", a year only; read as from 1 January 2026",
      },
      cite("guangxi-plan", { section: "二（一）" }),
    ),
    "coverage.otherIndustriesFrom": assumed(
      "2027-01-01",
      {
        zh: "实施方案二（一）称“2027年，探索将……其他行业平台企业纳入”，只写年份且为探索；取该年1月1日起，须经纳入（platformInPilot）",
        en: "plan 二（一） says other industries are to be explored \"in 2027\", a year only; read as from 1 January 2027, and only for a platform admitted (platformInPilot)",
      },
      cite("guangxi-plan", { section: "二（一）" }),
    ),
    "liability.benefitCostsPayer": seed("fund", cite("guangxi-plan", { section: "二（三）" })),
    // Premiums (docs/premiums.md): 二（二） "缴费基准额执行国家标准" until regional rules exist; floating national.
    "premium.baseAmounts": nationalBaseAmounts(
      "2025-07-01",
      {
        zh: "实施方案二（二）：自治区职业伤害保障管理文件规定出台前，缴费基准额执行国家标准",
        en: "plan 二（二）: until the regional rules are issued, the base amounts are the national standard",
      },
      cite("guangxi-plan", { section: "二（二）" }),
    ),
  },
  rules: {
    "fund.service-fee": { notes: [{ zh: "广西实施方案未规定委托承办服务费的计算方法", en: "the Guangxi plan states no service-fee formula" }] },
  },
};
