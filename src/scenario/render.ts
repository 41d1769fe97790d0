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

/** How the rounding rule of money items reads in Chinese (FEN_ROUNDING without its reference). */
const FEN_ZH = "四舍五入到分（0.01元）";

/**
 * The rounding texts of the library's explanations in Chinese: a step's `rounding` is recorded in English (the
 * explanation JSON has one rounding string), so the Chinese rendering translates it. Each pattern matches one
 * text of the library without its trailing reference (`(docs/decisions.md#C4)`), which is kept as is. A text that
 * matches none (an explanation built by a caller) is shown unchanged.
 */
const ROUNDING_ZH: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/^half-up to 0\.01 yuan$/, () => FEN_ZH],
  [/^exact in every item; shown half-up to 0\.01 yuan$/, () => `各项均按精确值计算；显示值${FEN_ZH}`],
  [/^each pension half-up to 0\.01 yuan$/, () => `每项抚恤金${FEN_ZH}`],
  [/^month parts exact, the total half-up to 0\.01 yuan$/, () => `各月部分保留精确值，合计${FEN_ZH}`],
  [/^once on the combined figure, half-up to 0\.01 yuan$/, () => `合并计算后一次${FEN_ZH}`],
  [/^none: per-order rates keep their exact value$/, () => "不舍入：每单缴费标准保留精确值"],
  [/^sum of the rounded parts$/, () => "各部分舍入后相加"],
  [/^sum of items each rounded to the fen$/, () => "各项分别四舍五入到分后相加"],
  [/^whole fen; the fen left over go to the largest remainders, so the shares add up to the gap$/,
    () => "取整到分；余下的分依次计入余数最大者，各份合计等于缺口"],
  [/^whole fen; largest remainders, so the shares add up to the gap$/, () => "取整到分；余下的分计入余数最大者，各份合计等于缺口"],
  [/^none: each share is the region's own deficit$/, () => "不舍入：各份即各地区自身的缺口"],
  [/^the cap (\S+) shared in proportion to the percents, whole fen, remainders to the largest$/,
    (m) => `上限 ${m[1] as string} 按比例分配，取整到分，余下的分计入余数最大者`],
  [/^shown half-up to (\d+) places; the comparisons below are exact$/, (m) => `显示值四舍五入到${m[1] as string}位小数；以下比较按精确值`],
];

/** A step's rounding text in `lang` (see {@link ROUNDING_ZH}). */
function roundingText(text: string, lang: ExplainLang): string {
  if (lang === "en") return text;
  const ref = /^(.*?)(?: \((docs\/[a-z-]+\.md#[A-Za-z0-9-]+)\))?$/.exec(text) as RegExpExecArray;
  const body = ref[1] as string;
  for (const [re, zh] of ROUNDING_ZH) {
    const m = re.exec(body);
    if (m !== null) return ref[2] === undefined ? zh(m) : `${zh(m)}（${ref[2]}）`;
  }
  return text;
}

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
  if (s.rounding !== undefined) lines.push(`   ${w.rounding}: ${roundingText(s.rounding, lang)}`);
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
  if (s.rounding !== undefined) lines.push(`**${w.rounding}:** ${roundingText(s.rounding, lang)}`, "");
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
          ...(s.rounding === undefined ? {} : { rounding: roundingText(s.rounding, lang) }),
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
