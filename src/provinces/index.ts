/**
 * The province rule sets: typed, validated when loaded, frozen. Logic reads parameters through a
 * {@link RuleContext}, which applies caller overrides and the `strict` option and records each use.
 */
import { z } from "zod";
import { invalidInput, ZhishangError, type ErrorPath } from "../core/errors.js";
import { Explainer, useParam, type ComputeOptions, type Explanation, type Json, type UsedParameter } from "../core/explain.js";
import { compareDates, parseIsoDate } from "../core/dates.js";
import { deepFreeze } from "../core/params.js";
import { GUANGXI } from "./guangxi.js";
import { INNER_MONGOLIA } from "./inner-mongolia.js";
import { QINGHAI } from "./qinghai.js";
import {
  OPTIONAL_PARAMS,
  parameterValueSchemas,
  PROVINCES,
  ruleSetSchema,
  type ParamName,
  type ParamValue,
  type ProvinceId,
  type RuleSet,
} from "./schema.js";
import { SHANGHAI } from "./shanghai.js";
import { ZHEJIANG } from "./zhejiang.js";

export { PROVINCES, parameterValueSchemas, OPTIONAL_PARAMS, ruleSetSchema };
export type { ParamName, ParamValue, ProvinceId, RuleSet };

function load(ruleSet: RuleSet): RuleSet {
  const parsed = ruleSetSchema().safeParse(ruleSet);
  if (!parsed.success) {
    // A defect in the bundled data, caught by the test suite; never a caller's error.
    throw new ZhishangError("INVALID_INPUT", {
      en: `bundled rule set ${ruleSet.id} is invalid: ${parsed.error.message}`,
      zh: `内置规则集 ${ruleSet.id} 无效：${parsed.error.message}`,
    });
  }
  return deepFreeze(ruleSet);
}

/** The bundled versions of each province's rule set, oldest first, before validation. */
const BUNDLED: Readonly<Record<ProvinceId, readonly RuleSet[]>> = {
  qinghai: [QINGHAI],
  shanghai: [SHANGHAI],
  guangxi: [GUANGXI],
  "inner-mongolia": [INNER_MONGOLIA],
  zhejiang: [ZHEJIANG],
};

/** The validated, frozen versions, by province: filled on first use (docs/performance.md, "Import time"). */
const VALIDATED = new Map<ProvinceId, readonly RuleSet[]>();

function versionsOf(province: ProvinceId): readonly RuleSet[] {
  let versions = VALIDATED.get(province);
  if (versions === undefined) {
    versions = Object.freeze(BUNDLED[province].map(load));
    VALIDATED.set(province, versions);
  }
  return versions;
}

/**
 * All versions of each province's rule set, oldest first (frozen; read one with {@link getRuleSet}). A province's
 * rule sets are validated against the rule-set schema (docs/provinces.md) the first time they are read — here or through any
 * computation — not when the package is imported, which keeps the import fast.
 *
 * @example
 * ```ts
 * RULE_SETS.qinghai.map((r) => r.id); // ["qinghai@2026-07-01"]
 * ```
 */
export const RULE_SETS: Readonly<Record<ProvinceId, readonly RuleSet[]>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(PROVINCES.map((p) => [p, { get: () => versionsOf(p), enumerable: true }])),
  ) as Record<ProvinceId, readonly RuleSet[]>,
);

/**
 * Whether `value` is one of the {@link PROVINCES}.
 *
 * @example
 * ```ts
 * isProvinceId("qinghai"); // true
 * isProvinceId("beijing"); // false
 * ```
 */
export function isProvinceId(value: unknown): value is ProvinceId {
  return typeof value === "string" && (PROVINCES as readonly string[]).includes(value);
}

/**
 * The rule set of `province` in force on `asOf` (`YYYY-MM-DD`), or its newest version when `asOf` is omitted.
 * A date before the first version is `RULE_NOT_IN_FORCE`.
 *
 * @example
 * ```ts
 * getRuleSet("qinghai").params["benefit.baseFactor"].value; // "0.6"
 * getRuleSet("shanghai").params["benefit.baseFactor"].provenance.kind; // "assumed"
 * getRuleSet("qinghai", "2026-06-30"); // throws RULE_NOT_IN_FORCE
 * ```
 */
export function getRuleSet(province: ProvinceId, asOf?: string): RuleSet {
  if (!isProvinceId(province)) {
    // not JSON.stringify(province): it throws on a bigint and would echo a 10 MB string
    const given: unknown = province;
    const shown = typeof given === "string" ? JSON.stringify(given.length > 40 ? `${given.slice(0, 40)}…` : given) : typeof given;
    throw invalidInput(["province"], `unknown province ${shown}; expected one of ${PROVINCES.join(", ")}`,
      `未知省份 ${shown}，应为 ${PROVINCES.join("、")} 之一`);
  }
  const versions = versionsOf(province);
  const newest = versions[versions.length - 1] as RuleSet;
  if (asOf === undefined) return newest;
  parseIsoDate(asOf, ["asOf"]);
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i] as RuleSet;
    if (v.validFrom <= asOf && (v.validTo === null || asOf <= v.validTo)) return v;
  }
  throw notInForce(newest, asOf, ["asOf"]);
}

function notInForce(ruleSet: RuleSet, date: string, path: ErrorPath): ZhishangError {
  const from = ruleSet.params["coverage.inForceFrom"].value;
  return new ZhishangError(
    "RULE_NOT_IN_FORCE",
    {
      en: `${ruleSet.name.en}'s rules are in force from ${from}; ${date} is before that`,
      zh: `${ruleSet.name.zh}职业伤害保障规定自 ${from} 起施行，${date} 早于该日期`,
    },
    path,
  );
}

export type Overrides = { readonly [K in ParamName]?: ParamValue<K> };

export interface ResolvedOptions {
  readonly strict: boolean;
  readonly overrides: Overrides;
}

/** Validates `options` (unknown override names and bad values are `INVALID_INPUT` at `overrides.<name>`). */
export function resolveOptions(options: ComputeOptions | undefined): ResolvedOptions {
  if (options === undefined) return { strict: false, overrides: {} };
  if (typeof options !== "object" || options === null) {
    throw invalidInput(["options"], "options must be an object", "options 必须为对象");
  }
  if (options.strict !== undefined && typeof options.strict !== "boolean") {
    throw invalidInput(["options", "strict"], "strict must be a boolean", "strict 必须为布尔值");
  }
  const overrides: Record<string, unknown> = {};
  const raw = options.overrides ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw invalidInput(["overrides"], "overrides must be an object", "overrides 必须为对象");
  }
  for (const name of Object.keys(raw)) {
    const valueSchemas = parameterValueSchemas();
    if (!Object.prototype.hasOwnProperty.call(valueSchemas, name)) {
      const shown = name.length > 100 ? `${name.slice(0, 100)}…` : name;
      throw invalidInput(["overrides", name], `unknown parameter "${shown}" (see docs/provinces.md)`,
        `未知参数“${shown}”（见 docs/provinces.md）`);
    }
    const schema = valueSchemas[name as ParamName] as z.ZodType;
    const parsed = schema.safeParse((raw as Record<string, unknown>)[name]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidInput(["overrides", name, ...((issue?.path ?? []) as Array<string | number>)],
        `invalid override for "${name}": ${issue?.message ?? "invalid value"}`, `参数“${name}”的覆盖值无效`);
    }
    overrides[name] = parsed.data;
  }
  return { strict: options.strict === true, overrides: overrides as Overrides };
}

/** The state of one computation: its rule set, options and explanation. */
export class RuleContext {
  readonly explainer = new Explainer();

  constructor(
    readonly ruleSet: RuleSet,
    readonly options: ResolvedOptions,
  ) {}

  static create(province: ProvinceId, options?: ComputeOptions): RuleContext {
    return new RuleContext(getRuleSet(province), resolveOptions(options));
  }

  /** Whether the rule set defines `name` (optional parameters exist only in some provinces). */
  has(name: ParamName): boolean {
    return this.ruleSet.params[name] !== undefined || this.options.overrides[name] !== undefined;
  }

  /** Reads a parameter, applying overrides and `strict`. A missing optional parameter is `RULE_NOT_DEFINED`. */
  param<K extends ParamName>(name: K): { value: ParamValue<K>; used: UsedParameter } {
    const param = this.ruleSet.params[name];
    const override = this.options.overrides[name];
    if (param === undefined && override === undefined) {
      throw new ZhishangError("RULE_NOT_DEFINED", {
        en: `${this.ruleSet.name.en}'s sources define no rule "${name}"`,
        zh: `${this.ruleSet.name.zh}的来源文件未规定“${name}”`,
      });
    }
    const { value, used } = useParam(
      name,
      (param ?? { value: override, provenance: { kind: "caller" } }) as { value: Json; provenance: never },
      // not `{ strict, ...(…) }`: V8 (Node 20) takes a slow path for a spread after other properties
      override === undefined ? { strict: this.options.strict } : { strict: this.options.strict, override: { value: override as Json } },
    );
    return { value: value as ParamValue<K>, used };
  }

  /**
   * Checks that `date` (a case date such as the accident date) is on or after the province's start, adding a
   * step to the explanation; otherwise `RULE_NOT_IN_FORCE` at `path`.
   */
  requireInForce(date: string, path: ErrorPath, label: { zh: string; en: string }): void {
    const from = this.param("coverage.inForceFrom");
    const d = parseIsoDate(date, path);
    const start = parseIsoDate(from.value, ["overrides", "coverage.inForceFrom"]);
    if (compareDates(d, start) < 0) throw notInForce(this.ruleSet, date, path);
    this.explainer.add({
      rule: "coverage.in-force",
      title: { zh: "规定已施行", en: "rules in force on the case date" },
      inputs: { [label.en]: date },
      parameters: [from.used],
      result: true,
      notes: [{ zh: `${label.zh} ${date} 不早于施行日期 ${from.value}`, en: `${label.en} ${date} is on or after ${from.value}` }],
    });
  }
}

/** A computed value with its explanation. */
export interface Computation<T> {
  readonly value: T;
  readonly explanation: Explanation;
  /** The rule set used, `province@validFrom`. */
  readonly ruleSet: string;
  /** Parameters of provenance `assumed` that the result depends on (also the last step of the explanation). */
  readonly assumptions: ReadonlyArray<{ readonly name: string; readonly reason: { readonly zh: string; readonly en: string } }>;
}

/**
 * Closes a computation: when any assumed parameter was used, a final explanation step says so, so no reader
 * can miss that the figure rests on an assumption.
 */
export function finish<T>(ctx: RuleContext, value: T): Computation<T> {
  const seen = new Map<string, { zh: string; en: string }>();
  for (const step of ctx.explainer.toExplanation()) {
    for (const p of step.parameters) {
      if (p.provenance === "assumed" && p.reason !== undefined && !seen.has(p.name)) seen.set(p.name, p.reason);
    }
  }
  const assumptions = [...seen].map(([name, reason]) => ({ name, reason }));
  if (assumptions.length > 0) {
    ctx.explainer.add({
      rule: "explanation.assumptions",
      title: { zh: "本结果依赖推定参数", en: "this result rests on assumed parameters" },
      result: assumptions.map((a) => a.name),
      notes: assumptions.map((a) => ({ zh: `${a.name}：${a.reason.zh}`, en: `${a.name}: ${a.reason.en}` })),
    });
  }
  return { value, explanation: ctx.explainer.toExplanation(), ruleSet: ctx.ruleSet.id, assumptions };
}

/**
 * Names of the parameters of every province, for docs and the override catalogue (docs/provinces.md): the
 * names `options.overrides` accepts.
 *
 * @example
 * ```ts
 * parameterNames().includes("benefit.baseFactor"); // true
 * ```
 */
export function parameterNames(): ParamName[] {
  return Object.keys(parameterValueSchemas()) as ParamName[];
}
