/**
 * Reports of scenario runs (docs/scenarios.md, "Running"): pure functions from the results of {@link runScenario}
 * to text, as `zhishang run --reporter` prints them — `ndjson` (one JSON line per scenario), `pretty` (for
 * people: each failure with what was expected and what came out, and the explanation steps and citations that
 * produced the mismatched field), `junit` (JUnit XML, as CI servers read it) and `tap` (TAP version 14).
 */
import type { ExplanationStep, Json } from "../core/explain.js";
import { invalidInput, type ErrorPath } from "../core/errors.js";
import { explain, type ExplainLang } from "./render.js";
import type { Mismatch, ScenarioRun } from "./scenario.js";

/**
 * The reporters of {@link formatReport}, as `zhishang run --reporter` names them.
 *
 * @example
 * ```ts
 * REPORTERS; // ["ndjson", "pretty", "junit", "tap"]
 * ```
 */
export const REPORTERS = ["ndjson", "pretty", "junit", "tap"] as const;

/** One of {@link REPORTERS}. */
export type ReporterName = (typeof REPORTERS)[number];

/** A run to report: what {@link runScenario} returned, with the file the scenario was read from (when it was). */
export interface ReportedRun extends ScenarioRun {
  /** The library's version (`zhishang run` gives it on every run). */
  readonly version?: string;
  readonly file?: string;
}

/** Options of {@link formatReport}: the reporter (default `ndjson`) and the language of its texts (default `zh`). */
export interface ReportOptions {
  readonly reporter?: ReporterName;
  readonly lang?: ExplainLang;
}

/** How many scenarios ran, passed and failed, and how many carried warnings. */
export interface RunSummary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly warned: number;
}

/**
 * A reporter in parts, so that a long run can be written as it goes: `begin` before the first run, `item` for
 * each, `end` after the last. A reporter that is not `streaming` (JUnit XML: its header holds the counts) writes
 * everything in `end`, from the runs it is given there.
 */
export interface ReportWriter {
  readonly streaming: boolean;
  begin(total: number): string;
  item(run: ReportedRun, index: number): string;
  end(runs: readonly ReportedRun[], summary: RunSummary): string;
}

const WORDS = {
  zh: {
    expected: "期望", actual: "实际", steps: "产生该值的步骤：", noStep: "解释中没有直接给出该字段的步骤", error: "错误", at: "位置",
    noError: "（未出错）", absent: "（无此字段）", warning: "警告", file: "文件", more: (n: number) => `（另有 ${n} 处不符）`,
    summary: (s: RunSummary) => `共 ${s.total} 个场景：${s.passed} 个通过，${s.failed} 个失败${s.warned > 0 ? `，${s.warned} 个有警告` : ""}`,
  },
  en: {
    expected: "expected", actual: "actual", steps: "steps that produced it:", noStep: "no step of the explanation names this field", error: "error", at: "at",
    noError: "(no error)", absent: "(absent)", warning: "warning", file: "file", more: (n: number) => ` (and ${n} more)`,
    summary: (s: RunSummary) => `${s.total} scenario${s.total === 1 ? "" : "s"}: ${s.passed} passed, ${s.failed} failed${s.warned > 0 ? `, ${s.warned} with warnings` : ""}`,
  },
} as const;

/** The counts of `runs`. */
export function summarize(runs: ReadonlyArray<{ readonly pass: boolean; readonly warnings?: readonly unknown[] | undefined }>): RunSummary {
  const passed = runs.filter((r) => r.pass).length;
  return { total: runs.length, passed, failed: runs.length - passed, warned: runs.filter((r) => (r.warnings?.length ?? 0) > 0).length };
}

/** `v` as JSON; a value JSON cannot hold (a run built by JavaScript: a bigint, a cycle) as the JSON of its text. */
function json(v: unknown): string {
  try {
    return JSON.stringify(v) ?? "null";
  } catch {
    return JSON.stringify(String(v));
  }
}

/** A value as a report shows it: JSON, cut at 200 characters. */
function show(v: unknown): string {
  const text = json(v);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function shownActual(m: Mismatch, lang: ExplainLang): string {
  if (m.path === "error.code" && m.actual === null) return WORDS[lang].noError;
  if (m.actual === "(absent)") return WORDS[lang].absent;
  return show(m.actual);
}

/** One line per mismatch: `path: expected …, actual …`. */
function mismatchLine(m: Mismatch, lang: ExplainLang): string {
  const w = WORDS[lang];
  return lang === "zh" ? `${m.path}：${w.expected} ${show(m.expected)}，${w.actual} ${shownActual(m, lang)}` : `${m.path}: ${w.expected} ${show(m.expected)}, ${w.actual} ${shownActual(m, lang)}`;
}

/** The message of a failure in one line: its first mismatch (and how many more). */
function failureMessage(run: ScenarioRun, lang: ExplainLang): string {
  const [first, ...rest] = run.mismatches;
  if (first === undefined) return run.error === undefined ? "" : errorLine(run, lang);
  return `${mismatchLine(first, lang)}${rest.length > 0 ? WORDS[lang].more(rest.length) : ""}`;
}

function errorLine(run: ScenarioRun, lang: ExplainLang): string {
  const e = run.error;
  if (e === undefined) return "";
  const w = WORDS[lang];
  const at = e.path.length > 0 ? (lang === "zh" ? `（${w.at} ${show(e.path)}）` : ` ${w.at} ${show(e.path)}`) : "";
  return `${w.error} ${e.code}${at}${lang === "zh" ? "：" : ": "}${lang === "zh" ? e.messageZh : e.messageEn}`;
}

/** The leaves of a step's result (two levels down), to find the step that gave a value. */
function leaves(v: Json, depth: number, out: Array<string | number>): void {
  if (typeof v === "string" || typeof v === "number") out.push(v);
  else if (depth < 2 && v !== null && typeof v === "object") for (const x of Array.isArray(v) ? v : Object.values(v)) leaves(x, depth + 1, out);
}

function words(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

/**
 * The steps of the explanation that produced the output field of `m` (at most five): a step whose result names the
 * field or holds the value that came out, else the steps whose rule id shares the field's words.
 */
function stepsFor(run: ScenarioRun, m: Mismatch): ExplanationStep[] {
  const field = /^output\.([^.[]+)/.exec(m.path)?.[1];
  const steps = run.explanation ?? [];
  if (field === undefined || steps.length === 0) return [];
  const actual = typeof m.actual === "string" && m.actual !== "(absent)" ? m.actual : typeof m.actual === "number" ? m.actual : undefined;
  const byResult = steps.filter((s) => {
    if (s.result !== null && typeof s.result === "object" && !Array.isArray(s.result) && Object.hasOwn(s.result, field)) return true;
    if (actual === undefined) return false;
    const found: Array<string | number> = [];
    leaves(s.result, 0, found);
    return found.includes(actual);
  });
  if (byResult.length > 0) return byResult.slice(0, 5);
  const fieldWords = words(field);
  const need = Math.min(2, fieldWords.length);
  return steps.filter((s) => words(s.rule).filter((t) => fieldWords.includes(t)).length >= need).slice(0, 5);
}

/** Control characters (but newline and tab) replaced by U+FFFD: a report for a terminal or a TAP reader runs no escape sequence. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}

const indent = (text: string, by: string): string => text.split("\n").map((l) => (l.length > 0 ? by + l : l)).join("\n");

/**
 * The details of a failed run for people (no header line): each mismatch with the expected and the actual value
 * and, for an output field, the explanation steps that produced it with their citations; the error raised; the
 * warnings.
 */
function prettyDetails(run: ReportedRun, lang: ExplainLang): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const m of run.mismatches) {
    const width = Math.max(w.expected.length, w.actual.length);
    lines.push(m.path, `  ${w.expected.padEnd(width)}  ${show(m.expected)}`, `  ${w.actual.padEnd(width)}  ${shownActual(m, lang)}`);
    if (m.path.startsWith("output")) {
      const steps = stepsFor(run, m);
      if (steps.length === 0) lines.push(`  ${w.noStep}`);
      else lines.push(`  ${w.steps}`, indent(explain(steps, { lang, format: "text" }), "    "));
    }
  }
  if (run.error !== undefined) lines.push(errorLine(run, lang));
  for (const warning of run.warnings ?? []) lines.push(`⚠ ${w.warning}${lang === "zh" ? "：" : ": "}${lang === "zh" ? warning.messageZh : warning.messageEn}`);
  return lines.join("\n");
}

function prettyHead(run: ReportedRun): string {
  const oneLine = (t: string) => t.replace(/[\r\n]+/g, " ");
  return `${run.pass ? "✓" : "✗"} ${oneLine(run.id)}${run.file === undefined ? "" : `  (${oneLine(run.file)})`}`;
}

/**
 * One run as the `pretty` reporter shows it, in `lang` (`zh`, the default, or `en`): `✓` or `✗`, the id and the
 * file; for a failure each mismatch with the expected and the actual value, and for an output field the
 * explanation steps that produced it with their citations; the error raised; the warnings.
 *
 * @example
 * ```ts
 * const run = runScenario({ id: "grade-4", province: "qinghai", kind: "disability-benefits",
 *   input: { grade: 4, avgMonthlyWage: "6000.00" }, expect: { monthlyDisabilityAllowance: "2800.00" } });
 * formatRun(run, { lang: "en" }); // "✗ grade-4\n    output.monthlyDisabilityAllowance\n      expected  \"2800.00\"\n      actual    \"2700.00\"\n      steps that produced it:\n        4. monthly disability allowance (grade 4)…art. 26 para. 3"
 * ```
 */
export function formatRun(run: ReportedRun, options: { readonly lang?: ExplainLang } = {}): string {
  if (typeof options !== "object" || options === null) throw invalidInput(["options"], "options must be an object", "options 应为对象");
  checkRun(run, ["run"]);
  const lang = options.lang ?? "zh";
  if (lang !== "zh" && lang !== "en") throw invalidInput(["options", "lang"], 'lang is "zh" or "en"', 'lang 应为 "zh" 或 "en"');
  return prettyWriter(lang).item(run, 0).replace(/\n$/, "");
}

function prettyWriter(lang: ExplainLang): ReportWriter {
  const w = WORDS[lang];
  return {
    streaming: true,
    begin: () => "",
    item(run) {
      const head = `${prettyHead(run)}\n`;
      if (run.pass) {
        const warnings = (run.warnings ?? []).map((x) => `    ⚠ ${w.warning}${lang === "zh" ? "：" : ": "}${lang === "zh" ? x.messageZh : x.messageEn}\n`);
        return printable(head + warnings.join(""));
      }
      return printable(`${head}${indent(prettyDetails(run, lang), "    ")}\n`);
    },
    end: (_runs, summary) => `\n${w.summary(summary)}\n`,
  };
}

/** The JSON line of a run: everything but the explanation, and `file` last. */
function ndjsonWriter(): ReportWriter {
  return {
    streaming: true,
    begin: () => "",
    item(run, index) {
      const { explanation: _explanation, file, ...rest } = run;
      try {
        return `${JSON.stringify(file === undefined ? rest : { ...rest, file })}\n`;
      } catch {
        throw invalidInput(["runs", index], "not a scenario run (a value JSON cannot hold)", "不是有效的场景运行结果（含有无法以 JSON 表示的值）");
      }
    },
    end: () => "",
  };
}

/** Characters XML 1.0 does not allow (lone surrogates included) are replaced by U+FFFD. */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD");
}
function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/** The folder of a file (`/` or `\` separated), `.` when it has none. */
function folderOf(file: string | undefined): string {
  if (file === undefined) return "zhishang";
  const at = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return at < 0 ? "." : file.slice(0, at) || "/";
}

function junitWriter(lang: ExplainLang): ReportWriter {
  const w = WORDS[lang];
  return {
    streaming: false,
    begin: () => "",
    item: () => "",
    end(runs, summary) {
      const suites = new Map<string, ReportedRun[]>();
      for (const r of runs) {
        const folder = folderOf(r.file);
        const list = suites.get(folder);
        if (list === undefined) suites.set(folder, [r]);
        else list.push(r);
      }
      const out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="zhishang" tests="${summary.total}" failures="${summary.failed}" errors="0" skipped="0" time="0">`,
      ];
      for (const [folder, list] of suites) {
        const failed = list.filter((r) => !r.pass).length;
        out.push(`  <testsuite name="${xmlAttr(folder)}" tests="${list.length}" failures="${failed}" errors="0" skipped="0" time="0">`);
        const classname = folder.replace(/[\\/]+/g, ".").replace(/^\.+|\.+$/g, "") || "zhishang";
        for (const r of list) {
          out.push(`    <testcase name="${xmlAttr(r.id)}" classname="${xmlAttr(classname)}" time="0">`);
          if (!r.pass) {
            const body = `${r.file === undefined ? "" : `${w.file}: ${r.file}\n`}${prettyDetails(r, lang)}`;
            out.push(`      <failure message="${xmlAttr(failureMessage(r, lang))}" type="${xmlAttr(r.error?.code ?? "mismatch")}">${xmlText(body)}</failure>`);
          }
          for (const x of r.warnings ?? []) out.push(`      <system-err>${xmlText(`${w.warning}: ${lang === "zh" ? x.messageZh : x.messageEn}`)}</system-err>`);
          out.push("    </testcase>");
        }
        out.push("  </testsuite>");
      }
      out.push("</testsuites>");
      return `${out.join("\n")}\n`;
    },
  };
}

/** A TAP description: one line, `#` and `\` escaped (TAP 14). */
function tapDescription(text: string): string {
  return printable(text.replace(/[\r\n]+/g, " ")).replace(/\\/g, "\\\\").replace(/#/g, "\\#");
}

/** A YAML value: JSON, which YAML 1.2 reads as the same value (a flow scalar, sequence or mapping). */
const yaml = (v: unknown): string => json(v);

function tapWriter(lang: ExplainLang): ReportWriter {
  const w = WORDS[lang];
  return {
    streaming: true,
    begin: (total) => `TAP version 14\n1..${total}\n`,
    item(run, index) {
      const lines = [`${run.pass ? "ok" : "not ok"} ${index + 1} - ${tapDescription(run.id)}`];
      const warnings = run.warnings ?? [];
      if (run.pass && warnings.length === 0) return `${lines[0]}\n`;
      lines.push("  ---");
      if (!run.pass) lines.push(`  message: ${yaml(failureMessage(run, lang))}`, `  severity: ${yaml("fail")}`);
      if (run.file !== undefined) lines.push(`  file: ${yaml(run.file)}`);
      if (!run.pass && run.mismatches.length > 0) {
        lines.push("  mismatches:");
        for (const m of run.mismatches) lines.push(`    - path: ${yaml(m.path)}`, `      expected: ${yaml(m.expected)}`, `      actual: ${yaml(m.actual)}`);
      }
      if (run.error !== undefined) {
        lines.push("  error:", `    code: ${yaml(run.error.code)}`, `    path: ${yaml(run.error.path)}`, `    message: ${yaml(lang === "zh" ? run.error.messageZh : run.error.messageEn)}`);
      }
      if (warnings.length > 0) {
        lines.push("  warnings:");
        for (const x of warnings) lines.push(`    - ${yaml(`${x.code}: ${lang === "zh" ? x.messageZh : x.messageEn}`)}`);
      }
      lines.push("  ...");
      return `${lines.join("\n")}\n`;
    },
    end: (_runs, summary) => `# ${w.summary(summary)}\n`,
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** A run from a JavaScript caller is checked before it is reported (`INVALID_INPUT` at the bad run). */
function checkRun(r: unknown, path: ErrorPath): void {
  const bad = (what: string): never => {
    throw invalidInput(path, `not a scenario run (${what})`, `不是有效的场景运行结果（${what}）`);
  };
  if (!isObject(r)) bad("an object");
  const o = r as Record<string, unknown>;
  if (typeof o.id !== "string" || typeof o.pass !== "boolean") bad("id, pass");
  if (o.file !== undefined && typeof o.file !== "string") bad("file");
  if (!Array.isArray(o.mismatches) || !o.mismatches.every((m) => isObject(m) && typeof m.path === "string")) bad("mismatches");
  const e = o.error;
  if (e !== undefined && !(isObject(e) && typeof e.code === "string" && typeof e.messageZh === "string" && typeof e.messageEn === "string" &&
    Array.isArray(e.path) && e.path.every((p) => typeof p === "string" || typeof p === "number"))) bad("error");
  if (o.warnings !== undefined && !(Array.isArray(o.warnings) && o.warnings.every((x) => isObject(x) && typeof x.code === "string" &&
    typeof x.messageZh === "string" && typeof x.messageEn === "string"))) bad("warnings");
  if (o.explanation !== undefined && !Array.isArray(o.explanation)) bad("explanation");
}

/** The writer of a reporter (a `zhishang run` option value); an unknown name is `INVALID_INPUT`. */
export function reportWriter(reporter: ReporterName, lang: ExplainLang = "zh"): ReportWriter {
  if (lang !== "zh" && lang !== "en") throw invalidInput(["options", "lang"], 'lang is "zh" or "en"', 'lang 应为 "zh" 或 "en"');
  switch (reporter) {
    case "ndjson":
      return ndjsonWriter();
    case "pretty":
      return prettyWriter(lang);
    case "junit":
      return junitWriter(lang);
    case "tap":
      return tapWriter(lang);
    default:
      throw invalidInput(["options", "reporter"], `reporter is one of ${REPORTERS.join(", ")}`, `reporter 应为 ${REPORTERS.join("、")} 之一`);
  }
}

/**
 * The report of scenario runs as `zhishang run --reporter <reporter>` prints it: `ndjson` (the default; one JSON
 * line per run, without its explanation), `pretty`, `junit` or `tap`, with texts in `lang` (`zh`, the default, or
 * `en`). Pure: the same runs give the same text (JUnit times are `0`: the library reads no clock).
 *
 * @example
 * ```ts
 * const runs = [runScenario({ id: "grade-4", province: "qinghai", kind: "disability-benefits",
 *   input: { grade: 4, avgMonthlyWage: "6000.00" }, expect: { oneTimeDisabilitySubsidy: "75600.00" } })];
 * formatReport(runs, { reporter: "tap", lang: "en" }); // "TAP version 14\n1..1\nok 1 - grade-4\n# 1 scenario: 1 passed, 0 failed\n"
 * formatReport(runs, { reporter: "pretty", lang: "zh" }); // "✓ grade-4\n\n共 1 个场景：1 个通过，0 个失败\n"
 * ```
 */
export function formatReport(runs: readonly ReportedRun[], options: ReportOptions = {}): string {
  if (typeof options !== "object" || options === null) throw invalidInput(["options"], "options must be an object", "options 应为对象");
  if (!Array.isArray(runs)) throw invalidInput(["runs"], "runs is an array of scenario runs", "runs 应为场景运行结果的数组");
  runs.forEach((r: unknown, k) => checkRun(r, ["runs", k]));
  const writer = reportWriter(options.reporter ?? "ndjson", options.lang ?? "zh");
  const summary = summarize(runs);
  return writer.begin(runs.length) + runs.map((r, k) => writer.item(r, k)).join("") + writer.end(runs, summary);
}
