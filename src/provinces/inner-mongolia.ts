/**
 * Inner Mongolia 内蒙古 — notice of 2026-02-26 on the pilot. In force 2026-07-01 (通知正文). The notice sets
 * premiums (三) but no benefit amounts: it defers to 人社部发〔2025〕24号, so the structure is national and the
 * base factor assumed (REFERENCE C3).
 */
import { cite } from "../core/citation.js";
import { assumed, seed } from "../core/params.js";
import { BASE_FACTOR_ASSUMED, NATIONAL_BENEFIT_PARAMS } from "./national.js";
import type { RuleSet } from "./schema.js";

export const INNER_MONGOLIA: RuleSet = {
  id: "inner-mongolia@2026-07-01",
  province: "inner-mongolia",
  name: { zh: "内蒙古自治区", en: "Inner Mongolia" },
  validFrom: "2026-07-01",
  validTo: null,
  sources: ["inner-mongolia-notice"],
  params: {
    ...NATIONAL_BENEFIT_PARAMS,
    "coverage.inForceFrom": seed("2026-07-01", cite("inner-mongolia-notice", { section: "通知正文" })),
    "benefit.baseFactor": assumed("1", BASE_FACTOR_ASSUMED, cite("zhishang-decisions", { decision: "C3" })),
  },
};
