/** Plain-text rendering of an explanation, for the CLI and the demo. */
import type { Explanation, Json } from "../core/explain.js";

function show(v: Json): string {
  if (v === null) return "null";
  if (typeof v === "string") return v;
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
  return Object.entries(v).map(([k, x]) => `${k}=${show(x)}`).join("; ");
}

/**
 * Renders the steps of an explanation as numbered lines in Chinese or English.
 *
 * @example explanationToText(computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000" }).explanation, "zh")
 */
export function explanationToText(explanation: Explanation, lang: "zh" | "en" = "zh"): string {
  const lines: string[] = [];
  for (const s of explanation) {
    lines.push(`${s.step}. ${s.title[lang]} → ${show(s.result)}`);
    for (const p of s.parameters) {
      const how = p.provenance === "seed" ? (lang === "zh" ? "本省来源" : "seed")
        : p.provenance === "national" ? (lang === "zh" ? "国家规定" : "national")
        : p.provenance === "assumed" ? (lang === "zh" ? "推定" : "assumed") : (lang === "zh" ? "调用方" : "caller");
      lines.push(`   ${lang === "zh" ? "参数" : "parameter"} ${p.name} = ${show(p.value)} [${how}]${p.reason ? ` — ${p.reason[lang]}` : ""}`);
    }
    if (s.rounding !== undefined) lines.push(`   ${lang === "zh" ? "舍入" : "rounding"}: ${s.rounding}`);
    for (const n of s.notes ?? []) lines.push(`   ${lang === "zh" ? "说明" : "note"}: ${n[lang]}`);
    for (const c of s.citations) lines.push(`   ${lang === "zh" ? "依据" : "source"}: ${c[lang]}`);
  }
  return lines.join("\n");
}
