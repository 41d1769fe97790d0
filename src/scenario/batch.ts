/**
 * Evaluating scenarios at batch speed, the one way `zhishang eval` (one document or `--ndjson`), `zhishang run`
 * and the service do it: the process-level data (rule sets, holiday years, statistics) checked once and passed to
 * every evaluation, and {@link evaluateDocument}, which turns any document into the JSON-ready result line
 * (docs/scenarios.md, "Output of eval, run and the service" and "Streaming many scenarios"). No global state: the
 * {@link ProcessData} object is built once by its caller and given to each call.
 */
import { loadCalendar } from "../calendar/calendar.js";
import { invalidInput, isZhishangError, ZhishangError, type ErrorCode, type ErrorPath, type ZhishangErrorJSON } from "../core/errors.js";
import type { CalendarYearInput, Explanation, Json, Statistics } from "../core/explain.js";
import { deepFreeze, type Bilingual } from "../core/params.js";
import { LIBRARY_VERSION } from "../core/version.js";
import { bundledRuleSets, RuleSetRegistry, validateRuleSet } from "../provinces/registry.js";
import { checkStatistics, mergeStatistics } from "../stats/statistics.js";
import { evaluateScenario } from "./scenario.js";

/** One parsed JSON file given to {@link loadProcessData}: its name (shown in errors) and its value. */
export interface DataFile {
  readonly file: string;
  readonly value: unknown;
}

/** The process-level data files, parsed: each list in the order given (`--rule-set`, `--calendar`, `--statistics`). */
export interface ProcessDataFiles {
  /** Rule-set files (schemas/rule-set.json), loaded in order: a later one may extend an earlier one. */
  readonly ruleSets?: readonly DataFile[];
  /** Holiday-year files: each a year in the scenario `calendars` format, or an array of them. */
  readonly calendars?: readonly DataFile[];
  /** Statistics files (schemas/statistics.json); a year given by a later file replaces an earlier file's. */
  readonly statistics?: readonly DataFile[];
}

/**
 * What every evaluation of a process shares, checked once: the rule sets (the bundled ones and the process's
 * own), the extra holiday years and the dated statistics. Built by {@link loadProcessData}; frozen.
 */
export interface ProcessData {
  readonly registry: RuleSetRegistry;
  readonly calendars: readonly CalendarYearInput[];
  readonly statistics: Statistics;
}

/** The result of a scenario as `eval`, `eval --ndjson`, `run` and the service print it. */
export interface EvaluationSuccess {
  /** The scenario's `id`, when it had one (a string). */
  readonly id?: string;
  readonly output: Json;
  /** The explanation; absent with `explain: false`. */
  readonly explanation?: Explanation;
  /** The id of the rule-set version used (`+overrides` when a caller's override replaced a parameter). */
  readonly ruleSet: string;
  /** The `assumed` parameters the result rests on, each with its reason (empty when none). */
  readonly assumptions: ReadonlyArray<{ readonly name: string; readonly reason: Bilingual }>;
  /** The library's version. */
  readonly version: string;
}

/** A scenario that failed: its `id` when it had one, and the typed error. */
export interface EvaluationFailure {
  readonly id?: string;
  readonly error: ZhishangErrorJSON;
}

/** One result line: {@link EvaluationSuccess} or {@link EvaluationFailure}. */
export type EvaluationLine = EvaluationSuccess | EvaluationFailure;

/** Data files refused: the code the error is reported with for each kind of file. */
const FILE_CODE: Record<keyof ProcessDataFiles, ErrorCode> = { ruleSets: "RULE_SET_INVALID", calendars: "INVALID_INPUT", statistics: "INVALID_INPUT" };

/** The data file each refusal of {@link loadProcessData} names (set where the error is made). */
const FILE_OF = new WeakMap<ZhishangError, string>();

/** The data file a refusal of {@link loadProcessData} names; undefined for an error of no file. */
export function dataFileOf(e: ZhishangError): string | undefined {
  return FILE_OF.get(e);
}

/** An error of `file`: the file named in both messages (and recorded for {@link dataFileOf}). */
function fileError(file: string, code: ErrorCode, en: string, zh: string, path: ErrorPath): ZhishangError {
  const e = new ZhishangError(code, { en: `${file}: ${en}`, zh: `${file}：${zh}` }, path);
  FILE_OF.set(e, file);
  return e;
}

/** `e` (an error inside `file`) with the file named in both messages, its code `code` and its path kept. */
function inFile(e: ZhishangError, file: string, code: ErrorCode): ZhishangError {
  return fileError(file, code, e.messageEn, e.messageZh, e.path);
}

/** Several errors of one file as one: the first one's path, every message (each with its path). */
function joined(errors: readonly ZhishangError[], file: string, code: ErrorCode): ZhishangError {
  if (errors.length === 1) return inFile(errors[0] as ZhishangError, file, code);
  const where = (e: ZhishangError, zh: boolean): string => (e.path.length === 0 ? "" : zh ? `（位置 ${e.path.join(".")}）` : ` (at ${e.path.join(".")})`);
  return fileError(file, code,
    errors.map((e) => `${e.messageEn}${where(e, false)}`).join("; "),
    errors.map((e) => `${e.messageZh}${where(e, true)}`).join("；"),
    (errors[0] as ZhishangError).path);
}

function rethrowIn(file: string, code: ErrorCode): (e: unknown) => never {
  return (e) => {
    throw isZhishangError(e) ? inFile(e, file, code) : e;
  };
}

/**
 * The process data of already-parsed files (the CLI reads them; `readProcessData` in src/cli/process-data.ts), on
 * top of `base` (by default the bundled rule sets). Throws a {@link ZhishangError} naming the file in both
 * messages, with the path inside the file: `RULE_SET_INVALID` for a rule-set file, `INVALID_INPUT` for a calendar
 * or statistics file (a holiday year given twice, in one file or two, included).
 *
 * @example
 * ```ts
 * const data = loadProcessData({
 *   statistics: [{ file: "stats.json", value: { nationalUrbanDisposableIncome: [{ year: 2026, value: "58000" }] } }],
 * });
 * data.statistics.nationalUrbanDisposableIncome?.[0]?.value; // "58000"
 * loadProcessData({ calendars: [{ file: "2027.json", value: { year: 2027, off: "none", work: [] } }] }); // throws INVALID_INPUT
 * ```
 */
export function loadProcessData(files: ProcessDataFiles = {}, base?: RuleSetRegistry): ProcessData {
  if (base !== undefined && !(base instanceof RuleSetRegistry)) {
    throw invalidInput(["registry"], "registry must be a RuleSetRegistry", "registry 必须为 RuleSetRegistry");
  }
  checkFiles(files);
  let registry = base ?? bundledRuleSets();
  for (const { file, value } of files.ruleSets ?? []) {
    const errors = validateRuleSet(value, registry);
    if (errors.length > 0) throw joined(errors, file, FILE_CODE.ruleSets);
    try {
      registry = registry.load(value);
    } catch (e) {
      // valid alone, refused beside the rule sets already held (an id loaded twice, overlapping versions)
      rethrowIn(file, FILE_CODE.ruleSets)(e);
    }
  }
  const calendars: CalendarYearInput[] = [];
  const yearFile = new Map<number, string>();
  for (const { file, value } of files.calendars ?? []) {
    const many = Array.isArray(value);
    const years = (many ? value : [value]) as CalendarYearInput[];
    try {
      loadCalendar(years, []);
    } catch (e) {
      // a single year's path starts inside it, not at an index
      if (!isZhishangError(e) || many) rethrowIn(file, FILE_CODE.calendars)(e);
      throw inFile(new ZhishangError((e as ZhishangError).code, { en: (e as ZhishangError).messageEn, zh: (e as ZhishangError).messageZh },
        (e as ZhishangError).path.slice(1)), file, FILE_CODE.calendars);
    }
    years.forEach((y, k) => {
      const earlier = yearFile.get(y.year);
      if (earlier !== undefined) {
        const path: ErrorPath = many ? [k, "year"] : ["year"];
        throw inFile(invalidInput(path, `year ${y.year} is given in ${earlier} already`, `${y.year} 年已在 ${earlier} 中提供`), file, FILE_CODE.calendars);
      }
      yearFile.set(y.year, file);
      calendars.push(y);
    });
  }
  let statistics: Statistics = checkStatistics({}, []);
  for (const { file, value } of files.statistics ?? []) {
    let checked: Statistics;
    try {
      checked = checkStatistics(value, []);
    } catch (e) {
      throw isZhishangError(e) ? inFile(e, file, FILE_CODE.statistics) : e;
    }
    statistics = mergeStatistics(statistics, checked);
  }
  return Object.freeze({ registry, calendars: deepFreeze(calendars), statistics });
}

/** `files` from a JavaScript caller checked: an object of lists of `{ file, value }` (`INVALID_INPUT` at the bad entry). */
function checkFiles(files: unknown): void {
  if (typeof files !== "object" || files === null || Array.isArray(files)) {
    throw invalidInput([], "the process data files are an object { ruleSets, calendars, statistics }", "进程数据文件应为对象 { ruleSets, calendars, statistics }");
  }
  for (const [key, list] of Object.entries(files as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(FILE_CODE, key)) {
      throw invalidInput([key], `unknown kind of data file "${key.slice(0, 40)}" (ruleSets, calendars, statistics)`, `未知的数据文件类别“${key.slice(0, 40)}”（ruleSets、calendars、statistics）`);
    }
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw invalidInput([key], `${key} is a list of { file, value }`, `${key} 应为 { file, value } 的数组`);
    for (let k = 0; k < list.length; k++) {
      const f: unknown = list[k]; // a sparse array's hole included
      if (typeof f !== "object" || f === null || typeof (f as { file?: unknown }).file !== "string") {
        throw invalidInput([key, k], "a data file is { file: string, value }", "数据文件应为 { file: 字符串, value }");
      }
    }
  }
}

/**
 * The process data of a process given no file: the bundled rule sets, no extra holiday year, no statistic.
 *
 * @example
 * ```ts
 * defaultProcessData().calendars; // []
 * ```
 */
export function defaultProcessData(): ProcessData {
  return loadProcessData();
}

/** The `id` of a document, when it is an object with a string `id` (at most 200 characters kept). */
function idOf(doc: unknown): string | undefined {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return undefined;
  const id = (doc as { id?: unknown }).id;
  return typeof id === "string" ? id.slice(0, 200) : undefined;
}

/**
 * Options of {@link evaluateDocument}: `explain: false` builds no explanation (decision only: the same output,
 * `explanation` left out of the result).
 */
export interface EvaluateDocumentOptions {
  readonly explain: boolean;
}

/**
 * Evaluates one scenario document (its `expect` ignored) with the process data, into the JSON-ready result line:
 * `{ id?, output, explanation?, ruleSet, assumptions, version }`, or `{ id?, error }` for any typed failure — a
 * document that is not an object, an unknown kind, a bad input. Never throws a typed error. The scenario's own
 * `calendars` (a year it gives replaces the process's year), `overrides` and `ruleSet` apply on top of `data`.
 *
 * @example
 * ```ts
 * const data = loadProcessData();
 * const r = evaluateDocument({ id: "a", province: "qinghai", kind: "disability-benefits",
 *   input: { grade: 4, avgMonthlyWage: "6000.00" } }, data, { explain: false });
 * "output" in r ? r.output : null; // { benefitBase: "3600.00", … }
 * "output" in r ? r.ruleSet : null; // "qinghai@2026-07-01"
 * "explanation" in r; // false
 * const bad = evaluateDocument(42, data, { explain: true });
 * "error" in bad ? bad.error.code : null; // "INVALID_INPUT"
 * ```
 */
export function evaluateDocument(doc: unknown, data: ProcessData, options: EvaluateDocumentOptions): EvaluationLine {
  const id = idOf(doc);
  try {
    const r = evaluateScenario(doc, {
      registry: data.registry,
      calendars: data.calendars,
      statistics: data.statistics,
      explain: options.explain,
    });
    const ruleSet = r.ruleSet ?? "";
    const assumptions = r.assumptions ?? [];
    const version = LIBRARY_VERSION;
    // one literal per shape, not `{ id, ...line }`: V8 (Node 20) takes a slow path for a spread after other properties
    if (options.explain) {
      return id === undefined
        ? { output: r.output, explanation: r.explanation, ruleSet, assumptions, version }
        : { id, output: r.output, explanation: r.explanation, ruleSet, assumptions, version };
    }
    return id === undefined ? { output: r.output, ruleSet, assumptions, version } : { id, output: r.output, ruleSet, assumptions, version };
  } catch (e) {
    if (!isZhishangError(e)) throw e;
    const error = e.toJSON();
    return id === undefined ? { error } : { id, error };
  }
}
