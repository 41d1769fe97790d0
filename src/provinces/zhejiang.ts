/**
 * Zhejiang 浙江 — 浙人社发〔2025〕44号 实施意见. In force 2025-07-01 (二（七）). Benefits follow the national
 * measures' items and standards (二（五）), so the structure is national and the base factor assumed
 * (REFERENCE C3).
 */
import { cite } from "../core/citation.js";
import { assumed, seed } from "../core/params.js";
import { BASE_FACTOR_ASSUMED, NATIONAL_BENEFIT_PARAMS } from "./national.js";
import type { RuleSet } from "./schema.js";

export const ZHEJIANG: RuleSet = {
  id: "zhejiang@2025-07-01",
  province: "zhejiang",
  name: { zh: "浙江省", en: "Zhejiang" },
  validFrom: "2025-07-01",
  validTo: null,
  sources: ["zhejiang-opinions"],
  params: {
    ...NATIONAL_BENEFIT_PARAMS,
    "coverage.inForceFrom": seed("2025-07-01", cite("zhejiang-opinions", { section: "二（七）" })),
    "benefit.baseFactor": assumed("1", BASE_FACTOR_ASSUMED, cite("zhishang-decisions", { decision: "C3" })),
  },
};
