/**
 * Rendering of explanations for people: plain text, Markdown or language-selected JSON, in Chinese or English.
 * An auditor who knows the law but not the code should be able to follow every step: the rule, the values it
 * used (with where each came from), the rounding, and the article behind it.
 */
import { invalidInput, type ErrorPath } from "../core/errors.js";
import type { Explanation, ExplanationStep, Json } from "../core/explain.js";

/** The language of a rendered explanation: Chinese or English. */
export type ExplainLang = "zh" | "en";
/** The format of a rendered explanation: plain text, Markdown, or JSON with the texts of one language. */
export type ExplainFormat = "text" | "markdown" | "json";

/** Options of {@link explain}: `lang` (default `zh`) and `format` (default `text`). */
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
  const steps: unknown = Array.isArray(source)
    ? source
    : typeof source === "object" && source !== null ? (source as { explanation?: unknown }).explanation : undefined;
  if (!Array.isArray(steps)) {
    throw invalidInput([], "expected an explanation (an array of steps) or a result that has one", "应为解释（步骤数组）或带有解释的结果");
  }
  steps.forEach((s, k) => checkStep(s, [k]));
  return steps as Explanation;
}

/** An explanation from a JavaScript caller is checked before rendering (`INVALID_INPUT` at the bad step). */
function checkStep(s: unknown, path: ErrorPath): void {
  const bad = (what: string): never => {
    throw invalidInput(path, `not an explanation step (${what})`, `不是有效的解释步骤（${what}）`);
  };
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
  const isBilingual = (x: unknown): boolean => isObject(x) && typeof x.zh === "string" && typeof x.en === "string";
  const isJson = (x: unknown, depth: number): boolean => {
    if (depth > 64) return false;
    if (x === null || typeof x === "string" || typeof x === "boolean") return true;
    if (typeof x === "number") return Number.isFinite(x);
    if (Array.isArray(x)) return x.every((v) => isJson(v, depth + 1));
    return isObject(x) && Object.values(x).every((v) => isJson(v, depth + 1));
  };
  if (!isObject(s)) bad("an object");
  const o = s as Record<string, unknown>;
  if (typeof o.step !== "number" || typeof o.rule !== "string" || !isBilingual(o.title)) bad("step, rule, title");
  if (!isObject(o.inputs) || !isJson(o.inputs, 0) || !isJson(o.result, 0)) bad("inputs, result");
  if (!Array.isArray(o.citations) || !o.citations.every((c) => isBilingual(c) && typeof (c as { id?: unknown }).id === "string")) bad("citations");
  if (!Array.isArray(o.parameters) || !o.parameters.every((p) => isObject(p) && typeof p.name === "string" && isJson(p.value, 0) &&
    ["seed", "national", "assumed", "caller"].includes(p.provenance as string) && (p.reason === undefined || isBilingual(p.reason)))) bad("parameters");
  if (o.rounding !== undefined && typeof o.rounding !== "string") bad("rounding");
  if (o.notes !== undefined && !(Array.isArray(o.notes) && o.notes.every(isBilingual))) bad("notes");
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
 * explain(r, { lang: "zh", format: "markdown" }); // "### 1. 适用的规则集版本…"
 * ```
 */
export function explain(source: { readonly explanation: Explanation } | Explanation, options: ExplainOptions = {}): string {
  if (typeof options !== "object" || options === null) throw invalidInput(["options"], "options must be an object", "options 应为对象");
  const lang = options.lang ?? "zh";
  if (lang !== "zh" && lang !== "en") throw invalidInput(["options", "lang"], 'lang is "zh" or "en"', 'lang 应为 "zh" 或 "en"');
  if (options.format !== undefined && !["text", "markdown", "json"].includes(options.format)) {
    throw invalidInput(["options", "format"], 'format is "text", "markdown" or "json"', 'format 应为 "text"、"markdown" 或 "json"');
  }
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

/**
 * Plain-text rendering; the same as `explain(explanation, { lang, format: "text" })`.
 *
 * @example
 * ```ts
 * const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" });
 * explanationToText(r.explanation, "en"); // "1. rule-set version used → qinghai@2026-07-01\n…"
 * ```
 */
export function explanationToText(explanation: Explanation, lang: ExplainLang = "zh"): string {
  return explain(explanation, { lang, format: "text" });
}
