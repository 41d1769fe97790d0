/**
 * Reading the JSON files the `zhishang` command and the `zhishang/vitest` helper are given: a text within a size
 * limit, a leading byte-order mark ignored, parse failures as typed errors in both languages, and the `.json`
 * files of a folder in name order. Only `node:fs` and the error type: no rule set or version is loaded here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { invalidInput, ZhishangError, type ErrorCode, type ZhishangErrorJSON } from "../core/errors.js";

/** Largest scenario or rule-set document read: 10 MiB. */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;
/** {@link MAX_SCENARIO_BYTES} as messages state it ("10 MiB"). */
export const MAX_SCENARIO_SIZE = `${MAX_SCENARIO_BYTES / (1024 * 1024)} MiB`;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: ZhishangError };

/** The codes a JSON text that cannot be read is reported with. */
export type JsonErrorCode = Extract<ErrorCode, "INVALID_INPUT" | "RULE_SET_INVALID" | "SCENARIO_INVALID">;

/**
 * `text` parsed as JSON, a leading UTF-8 byte-order mark (U+FEFF, as some Windows editors write) ignored; a text
 * above {@link MAX_SCENARIO_BYTES} or not JSON is an `INVALID_INPUT` error (`code` to change it) in both languages.
 */
export function parseJson(text: string, what: string, code: JsonErrorCode = "INVALID_INPUT"): ParsedJson {
  const fail = (en: string, zh: string): ParsedJson => ({ ok: false, error: new ZhishangError(code, { en, zh }, []) });
  if (Buffer.byteLength(text) > MAX_SCENARIO_BYTES) return fail(`${what}: larger than ${MAX_SCENARIO_SIZE}`, `${what}：超过 ${MAX_SCENARIO_SIZE}`);
  try {
    return { ok: true, value: JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text) };
  } catch (e) {
    // the parser's message is English; the Chinese one keeps only where it stopped, when the parser says
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const where = at === null ? "" : `（第 ${Number(at[1]) + 1} 个字符处）`;
    return fail(`${what}: not valid JSON: ${message}`, `${what}：不是有效的 JSON${where}`);
  }
}

/** The text of `file`, or an `INVALID_INPUT` error naming it (missing, a folder, unreadable, above 10 MiB). */
export function readTextFile(file: string): { ok: true; text: string } | { ok: false; error: ZhishangError } {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { ok: false, error: invalidInput([], `cannot read ${file}: a folder, not a file`, `无法读取 ${file}：是文件夹而非文件`) };
    if (st.size > MAX_SCENARIO_BYTES) return { ok: false, error: invalidInput([], `${file}: larger than ${MAX_SCENARIO_SIZE}`, `${file}：超过 ${MAX_SCENARIO_SIZE}`) };
    return { ok: true, text: readFileSync(file, "utf8") };
  } catch (e) {
    const reason = (e as { code?: unknown }).code === "ENOENT" ? "no such file" : "not readable";
    return { ok: false, error: invalidInput([], `cannot read ${file}: ${reason}`, `无法读取 ${file}：${reason === "no such file" ? "文件不存在" : "无读取权限或读取失败"}`) };
  }
}

/** The JSON of `file`: {@link readTextFile} then {@link parseJson}; `unreadable` tells a file that could not be read. */
export function readJsonFile(file: string, code: JsonErrorCode = "INVALID_INPUT"): ParsedJson & { unreadable?: true } {
  const read = readTextFile(file);
  if (!read.ok) return { ok: false, error: read.error, unreadable: true };
  return parseJson(read.text, file, code);
}

/** Every `.json` file under `path` (a file is taken as given), folders in name order. Throws when `path` cannot be read. */
export function collectFiles(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (statSync(child).isDirectory() || name.endsWith(".json")) collectFiles(child, out);
    }
  } else {
    out.push(path);
  }
}

/** A file that failed before its scenario could run, as a run: `SCENARIO_INVALID`, the file as its id. */
export interface UnreadableRun {
  readonly id: string;
  readonly pass: false;
  readonly output: null;
  readonly mismatches: Array<{ readonly path: string; readonly expected: null; readonly actual: "SCENARIO_INVALID" }>;
  readonly error: ZhishangErrorJSON;
  readonly file: string;
}

/**
 * The scenario document of `file`, or the failed run of a file that cannot be read or is not JSON (a defective
 * scenario: `SCENARIO_INVALID`, whatever it meant to expect).
 */
export function readScenarioFile(file: string): { ok: true; value: unknown } | { ok: false; run: UnreadableRun } {
  const read = readJsonFile(file, "SCENARIO_INVALID");
  if (read.ok) return read;
  const error: ZhishangErrorJSON = { ...read.error.toJSON(), code: "SCENARIO_INVALID" };
  return { ok: false, run: { id: file, pass: false, output: null, mismatches: [{ path: "error", expected: null, actual: "SCENARIO_INVALID" }], error, file } };
}
