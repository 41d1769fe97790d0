/**
 * The scenario contract (docs/scenarios.md): one JSON document that states a case and, optionally, the answers
 * expected. `evaluateScenario` computes it; `runScenario` also compares the output with `expect` or
 * `expectError`.
 */
import { z } from "zod";
import { Dec } from "../core/money.js";
import { invalidInput, isZhishangError, ZhishangError, type SafeResult, type ZhishangErrorJSON } from "../core/errors.js";
import type { CalendarYearInput, Explanation, Json, Statistics } from "../core/explain.js";
import { dateSchema, parseInput } from "../core/validate.js";
import { provinceSchema } from "../provinces/schema.js";
import { bundledRuleSets, loadRuleSet, RuleSetRegistry } from "../provinces/registry.js";
import type { RuleSetInput } from "../provinces/index.js";
import { EXPECTABLE_CODES, scenarioDefects } from "./defects.js";
import { findKind, kindNames, SCENARIO_KINDS } from "./kinds.js";

/** An extra holiday year supplied by the caller (used by the time-limit kinds). */
export const calendarYearSchema = z.lazy(() => z.strictObject({
  year: z.number().int().min(1900).max(2199),
  off: z.array(z.tuple([dateSchema, dateSchema])).max(100),
  work: z.array(dateSchema).max(100),
  source: z.string().max(500).optional(),
}));

const baseScenarioShape = {
  id: z.string().min(1).max(200),
  title: z.string().max(1000).optional(),
  note: z.string().max(20000).optional(),
  province: provinceSchema.optional(),
  /** A rule set carried by the scenario (docs/rule-sets.md): added to the registry for this scenario only. */
  ruleSet: z.unknown().describe("a rule set in the format of schemas/rule-set.json (docs/rule-sets.md), checked when the scenario runs").optional(),
  calendars: z.array(calendarYearSchema).max(50).optional(),
  options: z.strictObject({ strict: z.boolean().optional() }).optional(),
  overrides: z.record(z.string().max(100), z.unknown()).optional(),
  expect: z.record(z.string().max(200), z.unknown()).optional(),
  expectError: z.strictObject({
    code: z.enum(EXPECTABLE_CODES),
    path: z.array(z.union([z.string(), z.number()])).optional(),
    /** A text the error's Chinese or English message contains. */
    message: z.string().min(1).max(1000).optional(),
  }).optional(),
};

/** The envelope of every scenario; `input` is checked by the kind's own schema. */
export const scenarioSchema = z
  .strictObject({ ...baseScenarioShape, kind: z.string().min(1).max(100), input: z.unknown() })
  .refine((s) => !(s.expect !== undefined && s.expectError !== undefined), {
    message: "a scenario has expect or expectError, not both",
    path: ["expectError"],
  })
  .refine((s) => s.province !== undefined || s.ruleSet !== undefined, {
    message: "a scenario names its province, or carries its rule set in ruleSet",
    path: ["province"],
  });

/** A scenario document (docs/scenarios.md; JSON Schema: schemas/scenario.json and schemas/<kind>.json). */
export type Scenario = z.input<typeof scenarioSchema>;

/** The full schema of one kind's scenarios, `input` included (the source of the published JSON Schema). */
export function scenarioSchemaOf(kind: string): z.ZodType {
  const k = findKind(kind);
  if (k === undefined) throw unknownKind(kind);
  return z.strictObject({ ...baseScenarioShape, kind: z.literal(kind), input: k.input });
}

/**
 * JSON Schema (draft 2020-12) of a scenario kind, for callers in other languages. The same schemas ship in
 * the package as `schemas/<kind>.json` (`zhishang/schemas/<kind>.json`); an unknown kind is `INVALID_INPUT`.
 *
 * @example
 * ```ts
 * const schema = scenarioJsonSchema("disability-benefits");
 * schema.$id; // "https://zhishang.dev/schemas/disability-benefits.json"
 * (schema.properties as { input: { required: string[] } }).input.required; // ["grade", "avgMonthlyWage"]
 * scenarioJsonSchema("no-such-kind"); // throws INVALID_INPUT
 * ```
 */
export function scenarioJsonSchema(kind: string): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchemaOf(kind), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { $id: `https://zhishang.dev/schemas/${kind}.json`, title: `zhishang scenario: ${kind}`, ...schema };
}

/** Error paths that start at the scenario's root, not inside `input`. */
const ENVELOPE_ROOTS = new Set(["overrides", "options", "calendars", "province", "ruleSet"]);

/** The `INVALID_INPUT` error for a kind that is not one of {@link kindNames}, at path `["kind"]`. */
export function unknownKind(kind: string): ZhishangError {
  return invalidInput(["kind"], `unknown scenario kind "${kind}"; known kinds: ${kindNames().join(", ")}`,
    `未知场景类型“${kind}”，可用类型：${kindNames().join("、")}`);
}

/** What {@link evaluateScenario} returns: the kind's output as JSON, its explanation and the result's metadata. */
export interface EvaluatedScenario {
  readonly output: Json;
  readonly explanation: Explanation;
  /** The id of the rule-set version used (`+overrides` when a caller's override replaced a parameter). */
  readonly ruleSet?: string;
  /** The `assumed` parameters the result rests on, with their reasons. */
  readonly assumptions?: ReadonlyArray<{ readonly name: string; readonly reason: { readonly zh: string; readonly en: string } }>;
}

/** Process-level data for {@link evaluateScenario} and {@link runScenario}: the rule sets the scenarios may use. */
export interface ScenarioOptions {
  /** Where a scenario's `province` is looked up (by default the bundled rule sets); a scenario's `ruleSet` is added on top. */
  readonly registry?: RuleSetRegistry;
  /** Extra holiday years of the process; a year the scenario's own `calendars` gives replaces the process's. */
  readonly calendars?: readonly CalendarYearInput[];
  /** Dated statistics of the process (`options.statistics` of every computation). */
  readonly statistics?: Statistics;
  /** `false`: decision only, no explanation built (`explanation` is empty); the output is the same. */
  readonly explain?: boolean;
}

/** The process's holiday years with the scenario's on top (a year the scenario gives replaces the process's). */
function calendarsOf(own: readonly CalendarYearInput[] | undefined, process: readonly CalendarYearInput[] | undefined): readonly CalendarYearInput[] | undefined {
  if (process === undefined || process.length === 0) return own;
  if (own === undefined || own.length === 0) return process;
  const given = new Set(own.map((y) => (typeof y === "object" && y !== null ? y.year : undefined)));
  // the scenario's own years first: an error in one keeps its index (`calendars.<i>`)
  return [...own, ...process.filter((y) => !given.has(y.year))];
}

/** The rule sets of a scenario: its province in the registry, with its inline `ruleSet` added. */
function rulesOf(s: { province?: string | undefined; ruleSet?: unknown }, options: ScenarioOptions | undefined): { rules: RuleSetInput; registry: RuleSetRegistry } {
  const given = options?.registry;
  if (given !== undefined && !(given instanceof RuleSetRegistry)) {
    throw invalidInput(["options", "registry"], "registry must be a RuleSetRegistry", "registry 必须为 RuleSetRegistry");
  }
  let registry = given ?? bundledRuleSets();
  let province = s.province;
  if (s.ruleSet !== undefined) {
    let inline;
    try {
      inline = loadRuleSet(s.ruleSet, registry);
      registry = registry.with(inline);
    } catch (e) {
      throw isZhishangError(e) ? e.withPathPrefix(["ruleSet"]) : e;
    }
    if (province !== undefined && province !== inline.province) {
      throw invalidInput(["province"], `province "${province}" differs from the ruleSet's province "${inline.province}"`,
        `province“${province}”与 ruleSet 的省份“${inline.province}”不一致`);
    }
    province = inline.province;
  }
  return { rules: province as string, registry };
}

/**
 * Evaluates a scenario (its `expect` ignored). Throws {@link ZhishangError} for every failure.
 *
 * @example
 * ```ts
 * evaluateScenario({ id: "x", province: "qinghai", kind: "disability-benefits",
 *   input: { grade: 4, avgMonthlyWage: "6000.00" } }).output; // { benefitBase: "3600.00", … }
 * evaluateScenario({ id: "x", province: "qinghai", kind: "disability-benefits",
 *   input: { grade: 4, avgMonthlyWage: "6000.00" } }).output.oneTimeDisabilitySubsidy; // "75600.00"
 * ```
 */
export function evaluateScenario(scenario: unknown, options?: ScenarioOptions): EvaluatedScenario {
  const s = parseInput(scenarioSchema, scenario);
  const kind = findKind(s.kind);
  if (kind === undefined) throw unknownKind(s.kind);
  const { rules, registry } = rulesOf(s, options);
  try {
    const calendars = calendarsOf(s.calendars, options?.calendars);
    const r = kind.evaluate(rules, s.input, {
      registry,
      ...(s.options?.strict === undefined ? {} : { strict: s.options.strict }),
      ...(s.overrides === undefined ? {} : { overrides: s.overrides }),
      ...(calendars === undefined ? {} : { calendars }),
      ...(options?.statistics === undefined ? {} : { statistics: options.statistics }),
      ...(options?.explain === false ? { explain: false } : {}),
    });
    return r;
  } catch (e) {
    // Input paths of the kind functions are relative to `input`; the envelope's own fields keep their root.
    if (isZhishangError(e) && e.path.length > 0 && !ENVELOPE_ROOTS.has(String(e.path[0]))) {
      throw e.withPathPrefix(["input"]);
    }
    throw e;
  }
}

/**
 * {@link evaluateScenario} that returns a result union instead of throwing a typed error. Errors in the
 * input have paths from the scenario's root (`["input", …]`).
 *
 * @example
 * ```ts
 * const r = safeEvaluateScenario({ id: "x", province: "qinghai", kind: "disability-benefits",
 *   input: { grade: 11, avgMonthlyWage: "6000.00" } });
 * r.ok; // false
 * r.ok ? null : r.error.path; // ["input", "grade"]
 * ```
 */
export function safeEvaluateScenario(scenario: unknown, options?: ScenarioOptions): SafeResult<EvaluatedScenario> {
  try {
    return { ok: true, value: evaluateScenario(scenario, options) };
  } catch (e) {
    if (isZhishangError(e)) return { ok: false, error: e };
    throw e;
  }
}

/** A field where the output differs from `expect`: its path, the expected and the actual value. */
export interface Mismatch {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * A remark of the runner on a scenario that does not fail it: `EXPECT_ERROR_WITHOUT_PATH`, an `expectError` that
 * names no `path`, so that any error of that code passes — one caused by a misspelled input field too.
 */
export interface ScenarioWarning {
  readonly code: "EXPECT_ERROR_WITHOUT_PATH";
  /** Both languages, `"<en> / <zh>"`, like an error's `message`. */
  readonly message: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** What {@link runScenario} returns: whether the scenario passed, the output, and what differed. */
export interface ScenarioRun {
  readonly id: string;
  readonly pass: boolean;
  readonly output: Json | null;
  readonly mismatches: Mismatch[];
  /** The error raised: the evaluation's, or `SCENARIO_INVALID` when the document is defective (its defects in the message). */
  readonly error?: ZhishangErrorJSON;
  /** The runner's remarks (present when there is one); they do not fail the scenario. */
  readonly warnings?: readonly ScenarioWarning[];
  /** The id of the rule-set version used, when the scenario was evaluated without an error. */
  readonly ruleSet?: string;
  /** The `assumed` parameters the output rests on, when the scenario was evaluated without an error. */
  readonly assumptions?: EvaluatedScenario["assumptions"];
  /** The explanation of the output, when the scenario was evaluated without an error (the `pretty` reporter shows its steps). */
  readonly explanation?: Explanation;
}

/** The defects of a document as one `SCENARIO_INVALID` error: the first one's path, every message. */
function defectError(defects: readonly ZhishangError[]): ZhishangError {
  const first = defects[0] as ZhishangError;
  if (defects.length === 1) return first;
  return new ZhishangError("SCENARIO_INVALID", {
    en: defects.map((d) => `${d.messageEn}${d.path.length > 0 ? ` (at ${d.path.join(".")})` : ""}`).join("; "),
    zh: defects.map((d) => `${d.messageZh}${d.path.length > 0 ? `（位置 ${d.path.join(".")}）` : ""}`).join("；"),
  }, first.path);
}

function pathWarning(code: string, actual: ZhishangErrorJSON | undefined): ScenarioWarning {
  const where = actual === undefined ? { en: "", zh: "" } : { en: ` (this run's error is at ${JSON.stringify(actual.path)})`, zh: `（本次的错误位于 ${JSON.stringify(actual.path)}）` };
  const en = `expectError gives no path: any ${code} error passes, one caused by a misspelled input field too; state the path${where.en}`;
  const zh = `expectError 未给出 path：任何 ${code} 错误都会通过，包括输入字段拼写错误引起的错误；请写明 path${where.zh}`;
  return { code: "EXPECT_ERROR_WITHOUT_PATH", message: `${en} / ${zh}`, messageZh: zh, messageEn: en };
}

/**
 * Runs a scenario and compares the result with `expect` (a subset of the output; decimal strings compared by
 * value) or `expectError` (the code; the path, exactly, when given; and `message`, a text that the Chinese or the
 * English message contains, when given). A defective document — an unknown kind or province, an unknown field,
 * both or neither of `expect` / `expectError`, an `expect` field the kind never outputs ({@link scenarioDefects})
 * — fails with `SCENARIO_INVALID` whatever it expects. An `expectError` without `path` passes with a warning.
 *
 * @example
 * ```ts
 * const run = runScenario({ id: "x", province: "qinghai", kind: "disability-benefits",
 *   input: { grade: 4, avgMonthlyWage: "6000.00" },
 *   expect: { oneTimeDisabilitySubsidy: "75600", monthlyDisabilityAllowance: "2800" } });
 * run.pass; // false
 * run.mismatches; // [{ "path": "output.monthlyDisabilityAllowance", "expected": "2800", "actual": "2700.00" }]
 * const typo = runScenario({ id: "y", province: "qinghai", kind: "disability-benefit",
 *   input: { grade: 4, avgMonthlyWage: "6000.00" }, expectError: { code: "INVALID_INPUT" } });
 * typo.pass; // false
 * typo.error?.code; // "SCENARIO_INVALID"
 * ```
 */
export function runScenario(scenario: unknown, options?: ScenarioOptions): ScenarioRun {
  const id =
    typeof scenario === "object" && scenario !== null && typeof (scenario as { id?: unknown }).id === "string"
      ? String((scenario as { id: string }).id).slice(0, 200)
      : "(no id)";
  const expectError = (scenario as { expectError?: { code?: unknown; path?: unknown; message?: unknown } } | null)?.expectError;
  const defects = scenarioDefects(scenario, options);
  if (defects.length > 0) {
    const expectedCode = typeof expectError?.code === "string" ? expectError.code : undefined;
    return {
      id,
      pass: false,
      output: null,
      mismatches: [expectedCode === undefined ? { path: "error", expected: null, actual: "SCENARIO_INVALID" } : { path: "error.code", expected: expectedCode, actual: "SCENARIO_INVALID" }],
      error: defectError(defects).toJSON(),
    };
  }
  const result = safeEvaluateScenario(scenario, options);
  if (!result.ok) {
    const error = result.error.toJSON();
    if (expectError === undefined) {
      return { id, pass: false, output: null, mismatches: [{ path: "error", expected: null, actual: error.code }], error };
    }
    const mismatches: Mismatch[] = [];
    if (expectError.code !== error.code) mismatches.push({ path: "error.code", expected: expectError.code, actual: error.code });
    if (Array.isArray(expectError.path) && JSON.stringify(expectError.path) !== JSON.stringify(error.path)) {
      mismatches.push({ path: "error.path", expected: expectError.path, actual: error.path });
    }
    if (typeof expectError.message === "string" && !error.messageZh.includes(expectError.message) && !error.messageEn.includes(expectError.message)) {
      mismatches.push({ path: "error.message", expected: expectError.message, actual: error.message });
    }
    const warnings = expectError.path === undefined ? { warnings: [pathWarning(String(expectError.code), error)] } : {};
    return { id, pass: mismatches.length === 0, output: null, mismatches, error, ...warnings };
  }
  const { output, explanation } = result.value;
  const meta = { ruleSet: result.value.ruleSet ?? "", assumptions: result.value.assumptions ?? [] };
  if (expectError !== undefined) {
    const warnings = expectError.path === undefined ? { warnings: [pathWarning(String(expectError.code), undefined)] } : {};
    return { id, pass: false, output, mismatches: [{ path: "error.code", expected: expectError.code, actual: null }], ...warnings, ...meta, explanation };
  }
  const expect = (scenario as { expect?: Record<string, unknown> }).expect ?? {};
  const mismatches: Mismatch[] = [];
  compare(expect, output, "output", mismatches, 0);
  return { id, pass: mismatches.length === 0, output, mismatches, ...meta, explanation };
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function sameValue(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  const e = typeof expected === "number" ? String(expected) : expected;
  const a = typeof actual === "number" ? String(actual) : actual;
  if (typeof e === "string" && typeof a === "string" && NUMERIC.test(e) && NUMERIC.test(a)) {
    return new Dec(e).equals(new Dec(a));
  }
  return false;
}

function compare(expected: unknown, actual: unknown, path: string, out: Mismatch[], depth: number): void {
  if (depth > 32) {
    out.push({ path, expected: "(nested deeper than 32 levels)", actual: null });
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push({ path, expected, actual: actual === undefined ? "(absent)" : actual });
      return;
    }
    expected.forEach((e, k) => compare(e, actual[k], `${path}[${k}]`, out, depth + 1));
    return;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      out.push({ path, expected, actual: actual === undefined ? "(absent)" : actual });
      return;
    }
    for (const key of Object.keys(expected)) {
      const has = Object.prototype.hasOwnProperty.call(actual, key);
      compare((expected as Record<string, unknown>)[key], has ? (actual as Record<string, unknown>)[key] : undefined,
        `${path}.${key}`, out, depth + 1);
    }
    return;
  }
  if (!sameValue(expected, actual)) out.push({ path, expected, actual: actual === undefined ? "(absent)" : actual });
}

export { SCENARIO_KINDS, kindNames, scenarioDefects };
