/**
 * Rendering of explanations for people: plain text, Markdown or language-selected JSON, in Chinese or English.
 * An auditor who knows the law but not the code should be able to follow every step: the rule, the values it
 * used (with where each came from), the rounding, and the article behind it.
 */
import type { Explanation, ExplanationStep, Json } from "../core/explain.js";

export type ExplainLang = "zh" | "en";
export type ExplainFormat = "text" | "markdown" | "json";

export interface ExplainOptions {
  readonly lang?: ExplainLang;
  readonly format?: ExplainFormat;
}

const WORDS = {
  zh: {
    parameter: "参数", input: "输入", rounding: "舍入", note: "说明", source: "依据", result: "结果",
    seed: "本省来源", national: "国家规定", assumed: "推定", caller: "调用方提供", step: "步骤", provenance: "来源性质", value: "取值",
  },
  en: {
    parameter: "parameter", input: "input", rounding: "rounding", note: "note", source: "source", result: "result",
    seed: "province's own article", national: "national rule", assumed: "assumed", caller: "supplied by the caller", step: "step", provenance: "provenance", value: "value",
  },
} as const;

function show(v: Json): string {
  if (v === null) return "null";
  if (typeof v === "string") return v;
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
  return Object.entries(v).map(([k, x]) => `${k}=${show(x)}`).join("; ");
}

function stepsOf(source: { readonly explanation: Explanation } | Explanation): Explanation {
  return Array.isArray(source) ? (source as Explanation) : (source as { explanation: Explanation }).explanation;
}

function textStep(s: ExplanationStep, lang: ExplainLang): string[] {
  const w = WORDS[lang];
  const lines = [`${s.step}. ${s.title[lang]} → ${show(s.result)}`];
  const inputs = Object.entries(s.inputs);
  if (inputs.length > 0) lines.push(`   ${w.input}: ${inputs.map(([k, v]) => `${k}=${show(v)}`).join("; ")}`);
  for (const p of s.parameters) {
    lines.push(`   ${w.parameter} ${p.name} = ${show(p.value)} [${w[p.provenance]}]${p.reason ? ` — ${p.reason[lang]}` : ""}`);
  }
  if (s.rounding !== undefined) lines.push(`   ${w.rounding}: ${s.rounding}`);
  for (const n of s.notes ?? []) lines.push(`   ${w.note}: ${n[lang]}`);
  for (const c of s.citations) lines.push(`   ${w.source}: ${c[lang]}`);
  return lines;
}

function markdownStep(s: ExplanationStep, lang: ExplainLang): string[] {
  const w = WORDS[lang];
  const esc = (t: string) => t.replace(/\|/g, "\\|");
  const lines = [`### ${s.step}. ${s.title[lang]}`, "", `**${w.result}:** ${esc(show(s.result))}`, ""];
  const inputs = Object.entries(s.inputs);
  if (inputs.length > 0) {
    lines.push(`**${w.input}:** ${inputs.map(([k, v]) => `\`${k}\` = ${esc(show(v))}`).join(", ")}`, "");
  }
  if (s.parameters.length > 0) {
    lines.push(`| ${w.parameter} | ${w.value} | ${w.provenance} |`, "|---|---|---|");
    for (const p of s.parameters) {
      lines.push(`| \`${p.name}\` | ${esc(show(p.value))} | ${w[p.provenance]}${p.reason ? ` — ${esc(p.reason[lang])}` : ""} |`);
    }
    lines.push("");
  }
  if (s.rounding !== undefined) lines.push(`**${w.rounding}:** ${s.rounding}`, "");
  for (const n of s.notes ?? []) lines.push(`> ${n[lang]}`, "");
  if (s.citations.length > 0) {
    lines.push(`**${w.source}:**`, "");
    for (const c of s.citations) lines.push(`- ${c[lang]} \`${c.id}\``);
    lines.push("");
  }
  return lines;
}

/**
 * Renders the explanation of a result (or the explanation itself).
 *
 * @example
 * ```ts
 * const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" });
 * explain(r, { lang: "zh", format: "markdown" }); // "### 1. 计发基数…"
 * ```
 */
export function explain(source: { readonly explanation: Explanation } | Explanation, options: ExplainOptions = {}): string {
  const lang = options.lang ?? "zh";
  const steps = stepsOf(source);
  switch (options.format ?? "text") {
    case "markdown":
      return steps.flatMap((s) => markdownStep(s, lang)).join("\n");
    case "json":
      return JSON.stringify(
        steps.map((s) => ({
          step: s.step,
          rule: s.rule,
          title: s.title[lang],
          inputs: s.inputs,
          parameters: s.parameters.map((p) => ({ name: p.name, value: p.value, provenance: p.provenance, ...(p.reason ? { reason: p.reason[lang] } : {}) })),
          result: s.result,
          ...(s.rounding === undefined ? {} : { rounding: s.rounding }),
          notes: (s.notes ?? []).map((n) => n[lang]),
          citations: s.citations.map((c) => ({ id: c.id, text: c[lang] })),
        })),
        null,
        2,
      );
    default:
      return steps.flatMap((s) => textStep(s, lang)).join("\n");
  }
}

/** Plain-text rendering; the same as `explain(explanation, { lang, format: "text" })`. */
export function explanationToText(explanation: Explanation, lang: ExplainLang = "zh"): string {
  return explain(explanation, { lang, format: "text" });
}
