/**
 * Guangxi 广西 — 桂人社发〔2025〕24号 新就业形态人员职业伤害保障试点工作实施方案. In force 2025-07-01 (通知
 * and 二（一）). Benefits follow the national items and standards until regional rules exist (二（二）), so
 * the structure is national and the base factor assumed (REFERENCE C3).
 */
import { cite } from "../core/citation.js";
import { assumed, seed } from "../core/params.js";
import { BASE_FACTOR_ASSUMED, NATIONAL_BENEFIT_PARAMS } from "./national.js";
import type { RuleSet } from "./schema.js";

export const GUANGXI: RuleSet = {
  id: "guangxi@2025-07-01",
  province: "guangxi",
  name: { zh: "广西壮族自治区", en: "Guangxi" },
  validFrom: "2025-07-01",
  validTo: null,
  sources: ["guangxi-plan"],
  params: {
    ...NATIONAL_BENEFIT_PARAMS,
    "coverage.inForceFrom": seed(
      "2025-07-01",
      cite("guangxi-plan", { section: "通知正文" }),
      cite("guangxi-plan", { section: "二（一）" }),
    ),
    "benefit.baseFactor": assumed("1", BASE_FACTOR_ASSUMED, cite("zhishang-decisions", { decision: "C3" })),
  },
};
