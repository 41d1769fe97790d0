/**
 * The province rule sets: typed, validated when loaded, frozen. Logic reads parameters through a
 * {@link RuleContext}, which applies caller overrides and the `strict` option and records each use.
 */
import { z } from "zod";
import { invalidInput, ZhishangError, type ErrorPath } from "../core/errors.js";
import { Explainer, useParam, type ComputeOptions, type Explanation, type Json, type Statistics, type UsedParameter } from "../core/explain.js";
import { checkStatistics } from "../stats/statistics.js";
import { parseIsoDate } from "../core/dates.js";
import type { Bilingual } from "../core/params.js";
import type { Citation } from "../core/citation.js";
import {
  bundledRuleSets,
  isResolvedRuleSet,
  loadRuleSet,
  NATIONAL_BASE_ID,
  notInForce,
  RuleSetRegistry,
  ruleSetToFile,
  validateRuleSet,
  versionOn,
} from "./registry.js";
import {
  ID_PATTERN,
  OPTIONAL_PARAMS,
  parameterValueSchemas,
  PROVINCES,
  ruleSetFileSchema,
  type BundledProvinceId,
  type ParamName,
  type ParamValue,
  type ProvinceId,
  type RuleSet,
  type RuleSetFile,
  type RuleSetParams,
  type RuleText,
} from "./schema.js";

export { PROVINCES, parameterValueSchemas, OPTIONAL_PARAMS, ruleSetFileSchema, ID_PATTERN };
export { bundledRuleSets, loadRuleSet, validateRuleSet, ruleSetToFile, RuleSetRegistry, NATIONAL_BASE_ID };
export type { BundledProvinceId, ParamName, ParamValue, ProvinceId, RuleSet, RuleSetFile, RuleSetParams, RuleText };

/**
 * All versions of each bundled province's rule set, oldest first (frozen; read one with {@link getRuleSet}). A
 * province's rule sets are validated the first time they are read — here or through any computation — not when
 * the package is imported, which keeps the import fast. A caller's own rule sets live in a
 * {@link RuleSetRegistry} it owns.
 *
 * @example
 * ```ts
 * RULE_SETS.qinghai.map((r) => r.id); // ["qinghai@2026-07-01"]
 * ```
 */
export const RULE_SETS: Readonly<Record<BundledProvinceId, readonly RuleSet[]>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(PROVINCES.map((p) => [p, { get: () => bundledRuleSets().versions(p), enumerable: true }])),
  ) as Record<BundledProvinceId, readonly RuleSet[]>,
);

/**
 * Whether `value` is one of the bundled {@link PROVINCES}.
 *
 * @example
 * ```ts
 * isProvinceId("qinghai"); // true
 * isProvinceId("beijing"); // false
 * ```
 */
export function isProvinceId(value: unknown): value is BundledProvinceId {
  return typeof value === "string" && (PROVINCES as readonly string[]).includes(value);
}

/**
 * The rule set of `province` in force on `asOf` (`YYYY-MM-DD`), or its newest version when `asOf` is omitted,
 * from `registry` (by default the bundled rule sets). A date before the first version or in a gap between
 * versions is `RULE_NOT_IN_FORCE`.
 *
 * @example
 * ```ts
 * getRuleSet("qinghai").params["benefit.baseFactor"].value; // "0.6"
 * getRuleSet("shanghai").params["benefit.baseFactor"].provenance.kind; // "assumed"
 * getRuleSet("qinghai", "2026-06-30"); // throws RULE_NOT_IN_FORCE
 * ```
 */
export function getRuleSet(province: ProvinceId, asOf?: string, registry: RuleSetRegistry = bundledRuleSets()): RuleSet {
  const versions = registry.require(province);
  if (asOf === undefined) return versions[versions.length - 1] as RuleSet;
  parseIsoDate(asOf, ["asOf"]);
  return registry.select(province, asOf, ["asOf"]);
}

/**
 * What a computation takes in place of a province id: a province id (looked up in `options.registry`, by default
 * the bundled rule sets), one rule set (resolved, or a rule-set file, which is loaded first), or the versions of
 * one province. The version in force on the case date is used.
 */
export type RuleSetInput = ProvinceId | RuleSet | RuleSetFile | readonly RuleSet[];

/** The versions a computation may choose from, oldest first. */
export function resolveRuleSetInput(rules: RuleSetInput, registry?: unknown): readonly RuleSet[] {
  if (registry !== undefined && !(registry instanceof RuleSetRegistry)) {
    throw invalidInput(["options", "registry"], "registry must be a RuleSetRegistry (bundledRuleSets(), loadRuleSet)", "registry 必须为 RuleSetRegistry");
  }
  if (typeof rules === "string") return (registry ?? bundledRuleSets()).require(rules);
  if (Array.isArray(rules)) {
    const versions = (rules as readonly unknown[]).map((r) => (isResolvedRuleSet(r) ? r : loadRuleSet(r, registry ?? bundledRuleSets())));
    if (versions.length === 0 || versions.some((v) => v.province !== (versions[0] as RuleSet).province)) {
      throw invalidInput(["province"], "give one or more versions of one province", "应提供同一省份的一个或多个规则集版本");
    }
    return RuleSetRegistry.empty().with(...versions).versions((versions[0] as RuleSet).province);
  }
  if (typeof rules === "object" && rules !== null) return [isResolvedRuleSet(rules) ? rules : loadRuleSet(rules, registry ?? bundledRuleSets())];
  return bundledRuleSets().require(rules as unknown as string);
}

export type Overrides = { readonly [K in ParamName]?: ParamValue<K> };

export interface ResolvedOptions {
  readonly strict: boolean;
  readonly overrides: Overrides;
  /** The caller's extra holiday years (`options.calendars`), passed on to the time-limit rules as given. */
  readonly calendars?: ComputeOptions["calendars"];
  /** `false`: decision only, no explanation built (`options.explain`); absent: explained. */
  readonly explain?: boolean;
  /** The caller's dated statistics (`options.statistics`), validated. */
  readonly statistics?: Statistics;
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
  if (options.explain !== undefined && typeof options.explain !== "boolean") {
    throw invalidInput(["options", "explain"], "explain must be a boolean", "explain 必须为布尔值");
  }
  const resolved: { -readonly [K in keyof ResolvedOptions]: ResolvedOptions[K] } = { strict: options.strict === true, overrides: overrides as Overrides };
  // assigned, not spread: the key order stays strict, overrides, calendars (V8 keeps one shape)
  if (options.calendars !== undefined) resolved.calendars = options.calendars;
  if (options.explain === false) resolved.explain = false;
  if (options.statistics !== undefined) resolved.statistics = checkStatistics(options.statistics, ["options", "statistics"]);
  return resolved;
}

/** The date that picks the rule-set version of a computation, where in the input it is, and what it is. */
export interface CaseDate {
  readonly date: string;
  readonly path: ErrorPath;
  readonly label: Bilingual;
}

/** The step that names the version used, with its dates (the first step of every explanation). */
function versionNote(ruleSet: RuleSet, versions: readonly RuleSet[]): Bilingual {
  const next = versions[versions.indexOf(ruleSet) + 1];
  const untilZh = ruleSet.validTo !== null ? `至 ${ruleSet.validTo}` : next !== undefined ? `，至 ${next.validFrom} 前` : "";
  const untilEn = ruleSet.validTo !== null ? ` to ${ruleSet.validTo}` : next !== undefined ? `, until ${next.validFrom}` : "";
  return {
    zh: `适用规则集版本 ${ruleSet.id}（${ruleSet.validFrom} 起${untilZh}）`,
    en: `rule-set version used: ${ruleSet.id} (from ${ruleSet.validFrom}${untilEn})`,
  };
}

/** The state of one computation: the versions it may use, the one chosen, its options and explanation. */
export class RuleContext {
  readonly explainer: Explainer;
  private selected: RuleSet | undefined;
  private readonly overridden: string[] = [];
  /** The reads of {@link readsRuleSet}'s parameters ({@link param}), looked up once per computation. */
  private reads: Map<string, ParamRead<ParamName>> | undefined;
  private readsRuleSet: RuleSet | undefined;

  constructor(
    readonly versions: readonly RuleSet[],
    readonly options: ResolvedOptions,
  ) {
    this.explainer = new Explainer(() => this.ruleSet.documents, options.explain !== false);
  }

  /** A context for `rules` (a province id, a rule set or versions: {@link RuleSetInput}) and validated `options`. */
  static create(rules: RuleSetInput, options?: ComputeOptions): RuleContext {
    const resolved = resolveOptions(options);
    return new RuleContext(resolveRuleSetInput(rules, (options as { registry?: unknown } | undefined)?.registry), resolved);
  }

  /**
   * The version in use. Before a case date has chosen one, the only version is taken (with the step that names
   * it); with several, {@link useUndatedVersion} or {@link requireInForce} must choose first.
   */
  get ruleSet(): RuleSet {
    if (this.selected === undefined) this.useUndatedVersion([], { zh: "案件日期", en: "case date" });
    return this.selected as RuleSet;
  }

  /** The province of the versions (before one is chosen too). */
  get province(): ProvinceId {
    return (this.versions[0] as RuleSet).province;
  }

  /**
   * For a computation without a case date: the province's only version, named in a step; with several versions
   * the case date is required (`INVALID_INPUT` at `path`, naming the versions).
   */
  useUndatedVersion(path: ErrorPath, label: Bilingual): void {
    if (this.selected !== undefined) return;
    if (this.versions.length > 1) {
      const ids = this.versions.map((v) => v.id);
      throw invalidInput(path, `${this.province} has ${ids.length} rule-set versions (${ids.join(", ")}): give the ${label.en} to choose one`,
        `${this.province} 有 ${ids.length} 个规则集版本（${ids.join("、")}），须提供${label.zh}以确定适用版本`);
    }
    const selected = this.versions[0] as RuleSet;
    this.selected = selected;
    this.explainer.addLazily([], () => ({
      rule: "rule-set.version",
      title: { zh: "适用的规则集版本", en: "rule-set version used" },
      inputs: {},
      result: selected.id,
      notes: [versionNote(selected, this.versions), {
        zh: `未提供${label.zh}：${this.province} 只有这一个版本`,
        en: `no ${label.en} given: ${this.province} has this one version only`,
      }],
    }));
  }

  /**
   * Chooses `ruleSet`, one of the versions, for a computation whose records carry their own dates (the order
   * tally: each order is decided under the version of its day, and an order dated outside every version is
   * decided, not refused), adding the step that names it with `why` it was chosen.
   */
  useVersion(ruleSet: RuleSet, why: Bilingual): void {
    if (!this.versions.includes(ruleSet) || (this.selected !== undefined && this.selected !== ruleSet)) {
      throw new TypeError(`${ruleSet.id} is not a version this context may choose`);
    }
    if (this.selected !== undefined) return;
    this.selected = ruleSet;
    this.explainer.add({
      rule: "rule-set.version",
      title: { zh: "适用的规则集版本", en: "rule-set version used" },
      inputs: {},
      result: ruleSet.id,
      notes: [versionNote(ruleSet, this.versions), why],
    });
  }

  /** Whether the rule set defines `name` (optional parameters exist only in some provinces). */
  has(name: ParamName): boolean {
    return this.ruleSet.params[name] !== undefined || this.options.overrides[name] !== undefined;
  }

  /** Reads a parameter, applying overrides and `strict`. A missing optional parameter is `RULE_NOT_DEFINED`. */
  param<K extends ParamName>(name: K): ParamRead<K> {
    const ruleSet = this.ruleSet;
    const override = this.options.overrides[name];
    // The common read: the rule set's own frozen parameter, read before by any computation — the same frozen read.
    let reads: Map<string, ParamRead<ParamName>> | undefined;
    if (override === undefined) {
      if (this.readsRuleSet !== ruleSet) {
        this.readsRuleSet = ruleSet;
        this.reads = readsOf(ruleSet);
      }
      reads = this.reads as Map<string, ParamRead<ParamName>>;
      const read = reads.get(name);
      if (read !== undefined && (!this.options.strict || read.used.provenance !== "assumed")) return read as ParamRead<K>;
    }
    const param = ruleSet.params[name];
    if (param === undefined && override === undefined) {
      throw new ZhishangError("RULE_NOT_DEFINED", {
        en: `${ruleSet.name.en}'s sources define no rule "${name}"`,
        zh: `${ruleSet.name.zh}的来源文件未规定“${name}”`,
      });
    }
    if (override !== undefined && !this.overridden.includes(name)) this.overridden.push(name);
    const { value, used } = useParam(
      name,
      (param ?? { value: override, provenance: { kind: "caller" } }) as { value: Json; provenance: never },
      // not `{ strict, ...(…) }`: V8 (Node 20) takes a slow path for a spread after other properties
      override === undefined
        ? { strict: this.options.strict, documents: ruleSet.documents }
        : { strict: this.options.strict, override: { value: override as Json }, documents: ruleSet.documents },
    );
    const read: ParamRead<K> = { value: value as ParamValue<K>, used };
    // a frozen record of use is of a frozen parameter (useParam): its read serves every later computation
    if (reads !== undefined && Object.isFrozen(used)) reads.set(name, Object.freeze(read));
    return read;
  }

  /** Whether the rule set states the rule text `id` at all (a rule only some provinces' sources state). */
  hasText(id: string): boolean {
    return Object.hasOwn(this.ruleSet.rules, id);
  }

  /** The citations and notes the rule set gives for a rule text id (docs/rule-sets.md, "Rule texts"); none when it gives none. */
  text(id: string): { readonly citations: readonly Citation[]; readonly notes: readonly Bilingual[] } {
    const t = this.ruleSet.rules[id];
    return { citations: t?.citations ?? [], notes: t?.notes ?? [] };
  }

  /**
   * Chooses the version in force on `date` (a case date such as the accident date) and checks that the date is on
   * or after the province's start, adding the step that names the version; otherwise `RULE_NOT_IN_FORCE` at `path`.
   */
  requireInForce(date: string, path: ErrorPath, label: { zh: string; en: string }): void {
    parseIsoDate(date, path);
    if (this.selected === undefined) {
      const first = this.versions[0] as RuleSet;
      // Before the first version the first one is tried: a caller's coverage.inForceFrom may move the start.
      this.selected = date < first.validFrom ? first : versionOn(this.versions, date, path);
    }
    const from = this.param("coverage.inForceFrom");
    checkStartDate(from.value);
    // both are valid YYYY-MM-DD dates, whose order is that of their text
    if (date < from.value) throw notInForce(this.versions, date, path, from.value);
    const selected = this.selected;
    this.explainer.addLazily([from.used], () => ({
      rule: "coverage.in-force",
      title: { zh: "规定已施行", en: "rules in force on the case date" },
      // the key is a name, not a phrase: what the date is stands in the note, in each language
      inputs: { caseDate: date },
      result: true,
      notes: [
        { zh: `${label.zh} ${date} 不早于施行日期 ${from.value}`, en: `${label.en} ${date} is on or after ${from.value}` },
        versionNote(selected, this.versions),
      ],
    }));
  }

  /** The id of the version used, with `+overrides` when a caller's override replaced any parameter. */
  resultRuleSetId(): string {
    const rs = this.selected ?? (this.versions.length === 1 ? (this.versions[0] as RuleSet) : undefined);
    const id = rs?.id ?? this.province;
    return this.overridden.length > 0 ? `${id}+overrides` : id;
  }

  /** The parameters a caller's override replaced in this computation. */
  overriddenParameters(): readonly string[] {
    return this.overridden;
  }
}

/** A parameter as a rule reads it: its value and the record of its use, which the explanation lists. */
export interface ParamRead<K extends ParamName> {
  readonly value: ParamValue<K>;
  readonly used: UsedParameter;
}

/** The reads of each rule set's own frozen parameters, by name (see {@link RuleContext.param}). */
const READS = new WeakMap<RuleSet, Map<string, ParamRead<ParamName>>>();

function readsOf(ruleSet: RuleSet): Map<string, ParamRead<ParamName>> {
  let reads = READS.get(ruleSet);
  if (reads === undefined) {
    reads = new Map();
    READS.set(ruleSet, reads);
  }
  return reads;
}

/** Start dates found valid by {@link checkStartDate}: a rule set's own is the same string on every call. */
const VALID_STARTS = new Set<string>();

/**
 * Checks that `coverage.inForceFrom` is a calendar date (`INVALID_INPUT` at the override: the rule-set and override
 * schemas check its form only, so "2026-02-30" reaches here). The values found valid are remembered, at most 64
 * of them (a caller's overrides may bring any number).
 */
function checkStartDate(value: string): void {
  if (VALID_STARTS.has(value)) return;
  parseIsoDate(value, ["overrides", "coverage.inForceFrom"]);
  if (VALID_STARTS.size >= 64) VALID_STARTS.clear();
  VALID_STARTS.add(value);
}

/** A computed value with its explanation. */
export interface Computation<T> {
  readonly value: T;
  readonly explanation: Explanation;
  /** The rule set used, `province@validFrom`; `province@validFrom+overrides` when a caller's override replaced a parameter. */
  readonly ruleSet: string;
  /** The parameters a caller's override replaced (each also in the explanation with provenance `caller`). */
  readonly overridden: readonly string[];
  /** Parameters of provenance `assumed` that the result depends on (also the last step of the explanation). */
  readonly assumptions: ReadonlyArray<{ readonly name: string; readonly reason: { readonly zh: string; readonly en: string } }>;
}

/**
 * Closes a computation: when any assumed parameter was used, a final explanation step says so, so no reader
 * can miss that the figure rests on an assumption.
 */
export function finish<T>(ctx: RuleContext, value: T): Computation<T> {
  const assumptions = ctx.explainer.assumptions();
  if (assumptions.length > 0) {
    ctx.explainer.add({
      rule: "explanation.assumptions",
      title: { zh: "本结果依赖推定参数", en: "this result rests on assumed parameters" },
      result: assumptions.map((a) => a.name),
      notes: assumptions.map((a) => ({ zh: `${a.name}：${a.reason.zh}`, en: `${a.name}: ${a.reason.en}` })),
    });
  }
  const overridden = ctx.overriddenParameters();
  return { value, explanation: ctx.explainer.toExplanation(), ruleSet: ctx.resultRuleSetId(), assumptions, overridden };
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
