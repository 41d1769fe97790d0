/**
 * The defects of a scenario document (docs/scenarios.md, "Running"): what makes a scenario no test at all,
 * whatever it expects — an unknown kind or province, an unknown envelope field, both or neither of `expect` /
 * `expectError`, an `expect` field the kind never outputs, an `expectError` that could never be met. The runner
 * fails such a scenario with `SCENARIO_INVALID` before evaluating it, so that a misspelled kind can no longer pass
 * as an expected `INVALID_INPUT`.
 */
import { z } from "zod";
import { ERROR_CODES, ZhishangError, type ErrorCode, type ErrorPath } from "../core/errors.js";
import { bundledRuleSets, RuleSetRegistry } from "../provinces/registry.js";
import { findKind, kindNames } from "./kinds.js";
import { OUTPUT_FIELDS } from "./output-fields.js";

/** The fields of the scenario envelope (the properties of schemas/scenario.json); any other is a defect. */
export const ENVELOPE_FIELDS = [
  "id", "title", "note", "province", "ruleSet", "calendars", "options", "overrides", "expect", "expectError", "kind", "input",
] as const;

/** The fields of `expectError`. */
const EXPECT_ERROR_FIELDS = ["code", "path", "message"] as const;

/** The codes `expectError` may name: every code but `SCENARIO_INVALID`, which no evaluation raises. */
export const EXPECTABLE_CODES = ERROR_CODES.filter((c): c is Exclude<ErrorCode, "SCENARIO_INVALID"> => c !== "SCENARIO_INVALID");

/** At most this many defects are reported for one document (a hostile `expect` may have thousands of keys). */
const MAX_DEFECTS = 20;

type Plain = Record<string, unknown>;

function isPlain(x: unknown): x is Plain {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** A value as a message shows it: JSON, cut at 80 characters. */
function shown(x: unknown): string {
  let text: string;
  try {
    text = typeof x === "string" ? JSON.stringify(x.length > 80 ? `${x.slice(0, 80)}…` : x) : JSON.stringify(x) ?? String(x);
  } catch {
    text = typeof x; // a bigint or a cycle, from a JavaScript caller
  }
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}

/** The edit distance of `a` and `b` (both cut at 64 characters), for "did you mean" hints. */
function distance(a: string, b: string): number {
  const s = a.slice(0, 64);
  const t = b.slice(0, 64);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[t.length] as number;
}

/** The closest of `known` to `name` when it is a likely misspelling (at most 3 edits, fewer than half its length). */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return bestD <= 3 && bestD < Math.max(2, name.length / 2) ? best : undefined;
}

function hint(name: string, known: readonly string[]): { en: string; zh: string } {
  const c = closest(name, known);
  return c === undefined ? { en: "", zh: "" } : { en: ` (did you mean "${c}"?)`, zh: `（是否应为“${c}”？）` };
}

/**
 * The defects of `scenario` as a document, each a `SCENARIO_INVALID` error whose `path` points into it (at most
 * 20); an empty array when the document is a well-formed test. The provinces known are those of
 * `options.registry` (by default the bundled rule sets) and of the scenario's own `ruleSet`. What is case data —
 * `input`, `calendars`, `overrides`, the content of `ruleSet` — is left to the evaluation: an error there is an
 * outcome the scenario may expect.
 *
 * @example
 * ```ts
 * const s = { id: "x", province: "qinghai", kind: "disability-benefit", input: { grade: 4, avgMonthlyWage: "6000" },
 *   expectError: { code: "INVALID_INPUT" } };
 * scenarioDefects(s).map((e) => e.code); // ["SCENARIO_INVALID"]
 * scenarioDefects(s)[0]?.path; // ["kind"]
 * scenarioDefects({ ...s, kind: "disability-benefits" }); // []
 * ```
 */
export function scenarioDefects(scenario: unknown, options?: { readonly registry?: RuleSetRegistry }): ZhishangError[] {
  const out: ZhishangError[] = [];
  const add = (path: ErrorPath, en: string, zh: string): void => {
    if (out.length < MAX_DEFECTS) out.push(new ZhishangError("SCENARIO_INVALID", { en, zh }, path));
  };
  if (!isPlain(scenario)) {
    add([], "a scenario is a JSON object", "场景应为 JSON 对象");
    return out;
  }
  for (const key of Object.keys(scenario)) {
    if ((ENVELOPE_FIELDS as readonly string[]).includes(key)) continue;
    const h = hint(key, ENVELOPE_FIELDS);
    add([key], `unknown scenario field ${shown(key)}${h.en}; the fields are ${ENVELOPE_FIELDS.join(", ")}`,
      `未知的场景字段 ${shown(key)}${h.zh}；可用字段：${ENVELOPE_FIELDS.join("、")}`);
  }
  const { id, title, note, kind, province, ruleSet } = scenario;
  if (typeof id !== "string" || id.length === 0 || id.length > 200) {
    add(["id"], "id is a text of 1 to 200 characters", "id 应为 1 至 200 个字符的文本");
  }
  if (title !== undefined && (typeof title !== "string" || title.length > 1000)) add(["title"], "title is a text of at most 1000 characters", "title 应为不超过 1000 个字符的文本");
  if (note !== undefined && (typeof note !== "string" || note.length > 20000)) add(["note"], "note is a text of at most 20000 characters", "note 应为不超过 20000 个字符的文本");
  const kinds = kindNames();
  const knownKind = typeof kind === "string" && findKind(kind) !== undefined ? kind : undefined;
  if (kind === undefined) add(["kind"], `kind is missing; the kinds are ${kinds.join(", ")}`, `缺少 kind；可用类型：${kinds.join("、")}`);
  else if (knownKind === undefined) {
    const h = typeof kind === "string" ? hint(kind, kinds) : { en: "", zh: "" };
    add(["kind"], `unknown scenario kind ${shown(kind)}${h.en}; the kinds are ${kinds.join(", ")}`, `未知场景类型 ${shown(kind)}${h.zh}；可用类型：${kinds.join("、")}`);
  }
  if (scenario.input === undefined) add(["input"], "input is missing: the case the scenario states", "缺少 input（场景所述的案情）");
  checkProvince(province, ruleSet, options?.registry, add);
  const options_ = scenario.options;
  if (options_ !== undefined && !(isPlain(options_) && Object.keys(options_).every((k) => k === "strict") && (options_.strict === undefined || typeof options_.strict === "boolean"))) {
    add(["options"], 'options is { "strict": true | false }', 'options 应为 { "strict": true | false }');
  }
  const hasExpect = scenario.expect !== undefined;
  const hasExpectError = scenario.expectError !== undefined;
  if (hasExpect && hasExpectError) {
    add(["expectError"], "both expect and expectError: a scenario states the output it expects or the error, not both",
      "同时给出 expect 与 expectError：场景只能期望输出或期望错误之一");
  } else if (!hasExpect && !hasExpectError) {
    add([], "neither expect nor expectError: a scenario states the output it expects (expect) or the error (expectError)",
      "未给出 expect 或 expectError：场景须写明期望的输出（expect）或期望的错误（expectError）");
  }
  if (hasExpect) checkExpect(scenario.expect, knownKind, add);
  if (hasExpectError) {
    checkExpectError(scenario.expectError, add);
    if (knownKind !== undefined && isPlain(scenario.expectError) && scenario.expectError.path === undefined) checkUnpathedInput(scenario.input, knownKind, add);
  }
  return out;
}

const inputFieldCache = new Map<string, readonly string[] | null>();

/** The top-level fields of a kind's input (from its schema; null when the input is not a closed object). */
function inputFields(kind: string): readonly string[] | null {
  const cached = inputFieldCache.get(kind);
  if (cached !== undefined) return cached;
  const schema = findKind(kind)?.input;
  const json = schema === undefined ? undefined : (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: object; additionalProperties?: unknown });
  const fields = json?.properties !== undefined && json.additionalProperties === false ? Object.keys(json.properties) : null;
  inputFieldCache.set(kind, fields);
  return fields;
}

/**
 * An `expectError` without `path` beside an input field the kind does not know: the error expected cannot be told
 * from the one the misspelling causes, so the document is no test (a test of an unknown field names its path).
 */
function checkUnpathedInput(input: unknown, kind: string, add: Add): void {
  const fields = isPlain(input) ? inputFields(kind) : null;
  if (fields === null || !isPlain(input)) return;
  for (const key of Object.keys(input)) {
    if (fields.includes(key)) continue;
    const h = hint(key, fields);
    add(["input", key], `${kind} has no input field ${shown(key)}${h.en} and expectError gives no path, so the error it expects cannot be told ` +
      `from the one this field causes; a test of an unknown field states the path: ${JSON.stringify(["input", key.slice(0, 80)])}`,
      `${kind} 没有输入字段 ${shown(key)}${h.zh}，而 expectError 未给出 path，无法区分所期望的错误与该字段引起的错误；` +
      `测试未知字段的场景须写明 path：${JSON.stringify(["input", key.slice(0, 80)])}`);
  }
}

type Add = (path: ErrorPath, en: string, zh: string) => void;

function checkProvince(province: unknown, ruleSet: unknown, given: RuleSetRegistry | undefined, add: Add): void {
  const inline = isPlain(ruleSet) && typeof ruleSet.province === "string" ? ruleSet.province : undefined;
  if (province === undefined) {
    if (ruleSet === undefined) add(["province"], "province is missing: a scenario names its province or carries its rule set in ruleSet", "缺少 province：场景须写明省份，或在 ruleSet 中附带规则集");
    return;
  }
  if (typeof province !== "string") {
    add(["province"], "province is a province id such as \"qinghai\"", "province 应为省份标识，例如 \"qinghai\"");
    return;
  }
  if (inline !== undefined) {
    if (province !== inline) add(["province"], `province ${shown(province)} differs from the ruleSet's province ${shown(inline)}`, `province ${shown(province)} 与 ruleSet 的省份 ${shown(inline)} 不一致`);
    return;
  }
  // The registry is checked by the evaluation when it is not one (INVALID_INPUT at ["options", "registry"]).
  const registry = given instanceof RuleSetRegistry ? given : bundledRuleSets();
  const provinces = registry.provinces();
  if (provinces.includes(province) || ruleSet !== undefined) return;
  const h = hint(province, provinces);
  add(["province"], `unknown province ${shown(province)}${h.en}; the provinces are ${provinces.join(", ")} (another one with its rule set: --rule-set or ruleSet)`,
    `未知省份 ${shown(province)}${h.zh}；可用省份：${provinces.join("、")}（其他省份须加载其规则集：--rule-set 或 ruleSet）`);
}

function checkExpect(expect: unknown, kind: string | undefined, add: Add): void {
  if (!isPlain(expect)) {
    add(["expect"], "expect is an object: the output fields expected and their values", "expect 应为对象：期望的输出字段及其取值");
    return;
  }
  const fields = kind === undefined ? undefined : OUTPUT_FIELDS[kind];
  if (fields === undefined) return;
  for (const key of Object.keys(expect)) {
    if (fields.includes(key)) continue;
    const h = hint(key, fields);
    add(["expect", key], `${kind} never outputs ${shown(key)}${h.en}; its output fields are ${fields.join(", ")}`,
      `${kind} 的输出中没有 ${shown(key)}${h.zh}；其输出字段为：${fields.join("、")}`);
  }
}

function checkExpectError(expectError: unknown, add: Add): void {
  if (!isPlain(expectError)) {
    add(["expectError"], 'expectError is an object { "code", "path"?, "message"? }', 'expectError 应为对象 { "code", "path"?, "message"? }');
    return;
  }
  for (const key of Object.keys(expectError)) {
    if ((EXPECT_ERROR_FIELDS as readonly string[]).includes(key)) continue;
    const h = hint(key, EXPECT_ERROR_FIELDS);
    add(["expectError", key], `unknown expectError field ${shown(key)}${h.en}; the fields are code, path, message`,
      `未知的 expectError 字段 ${shown(key)}${h.zh}；可用字段：code、path、message`);
  }
  const { code, path, message } = expectError;
  if (code === "SCENARIO_INVALID") {
    add(["expectError", "code"], "expectError cannot be SCENARIO_INVALID: a defective scenario fails whatever it expects",
      "expectError 不能为 SCENARIO_INVALID：有误的场景无论期望什么都不通过");
  } else if (typeof code !== "string" || !(EXPECTABLE_CODES as readonly string[]).includes(code)) {
    const h = typeof code === "string" ? hint(code, EXPECTABLE_CODES) : { en: "", zh: "" };
    add(["expectError", "code"], `unknown error code ${shown(code)}${h.en}; the codes are ${EXPECTABLE_CODES.join(", ")}`,
      `未知错误代码 ${shown(code)}${h.zh}；可用代码：${EXPECTABLE_CODES.join("、")}`);
  }
  if (path !== undefined && !(Array.isArray(path) && path.length <= 100 && path.every((p) => typeof p === "string" || (typeof p === "number" && Number.isInteger(p) && p >= 0)))) {
    add(["expectError", "path"], "expectError.path is an array of field names and array indexes, e.g. [\"input\", \"grade\"]",
      "expectError.path 应为字段名与数组下标组成的数组，例如 [\"input\", \"grade\"]");
  }
  if (message !== undefined && (typeof message !== "string" || message.length === 0 || message.length > 1000)) {
    add(["expectError", "message"], "expectError.message is a text of 1 to 1000 characters", "expectError.message 应为 1 至 1000 个字符的文本");
  }
}
