/**
 * Rule sets as data: a rule-set file (docs/rule-sets.md) is validated and resolved against the set it
 * `extends` into a {@link RuleSet}; a {@link RuleSetRegistry} holds the versions of each province, bundled and
 * loaded, and picks the version in force on a case date. A registry is a value the caller owns and passes
 * (`options.registry`); nothing here is global or mutable.
 */
import { findDocument, type Citation, type DocumentTable } from "../core/citation.js";
import { addDays, formatIsoDate, parseIsoDate } from "../core/dates.js";
import { ZhishangError, type ErrorPath } from "../core/errors.js";
import { deepFreeze, type Bilingual } from "../core/params.js";
import { GUANGXI } from "./guangxi.js";
import { INNER_MONGOLIA } from "./inner-mongolia.js";
import { NATIONAL_DEFAULTS } from "./national.js";
import { QINGHAI } from "./qinghai.js";
import {
  OPTIONAL_PARAMS,
  PROVINCES,
  ruleSetFileSchema,
  type ParamName,
  type ProvinceId,
  type RuleSet,
  type RuleSetFile,
  type RuleSetParams,
  type RuleText,
} from "./schema.js";
import { SHANGHAI } from "./shanghai.js";
import { ZHEJIANG } from "./zhejiang.js";

/**
 * The id a rule-set file gives in `extends` to build on the national defaults (docs/rule-sets.md).
 *
 * @example
 * ```ts
 * NATIONAL_BASE_ID; // "national"
 * ```
 */
export const NATIONAL_BASE_ID = "national";

function invalid(path: ErrorPath, en: string, zh: string): ZhishangError {
  return new ZhishangError("RULE_SET_INVALID", { en, zh }, path);
}

const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** zod's first issues as typed errors with the path in the file (at most `max`). */
function shapeErrors(value: unknown, max: number): ZhishangError[] | null {
  const parsed = ruleSetFileSchema().safeParse(value);
  if (parsed.success) return null;
  return parsed.error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
    const where = path.length === 0 ? "(the file)" : clip(path.join("."), 200);
    const en = issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.slice(0, 3).map((k) => `"${clip(k)}"`).join(", ")}` : clip(issue.message, 300);
    const zh = issue.code === "unrecognized_keys" ? "未知字段" : issue.code === "invalid_type" ? "类型不符" : "取值不符合规则集格式";
    return invalid(path, `rule set, ${where}: ${en}`, `规则集 ${where}：${zh}`);
  });
}

/** Every citation of a file with its path: of parameters' provenance and of rule texts. */
function* citationsOf(file: RuleSetFile): Generator<[Citation, ErrorPath]> {
  for (const [name, param] of Object.entries(file.params ?? {})) {
    const p = param?.provenance;
    if (p === undefined || p.kind === "caller") continue;
    for (const [k, c] of p.citations.entries()) yield [c, ["params", name, "provenance", "citations", k]];
  }
  for (const [rule, text] of Object.entries(file.rules ?? {})) {
    for (const [k, c] of (text.citations ?? []).entries()) yield [c, ["rules", rule, "citations", k]];
  }
}

/** The rule sets this module resolved (frozen, valid): any other object a caller passes is loaded as a file first. */
const RESOLVED = new WeakSet<object>();

/** Whether `value` is a rule set resolved by {@link loadRuleSet} (or bundled), so it needs no validation. */
export function isResolvedRuleSet(value: unknown): value is RuleSet {
  return typeof value === "object" && value !== null && RESOLVED.has(value);
}

/** What a file may extend: the national defaults, or a rule set already in the registry. */
interface Base {
  readonly id: string;
  readonly province: ProvinceId | null;
  readonly name: Bilingual | null;
  readonly sources: readonly string[];
  readonly documents: DocumentTable;
  readonly params: Partial<RuleSetParams>;
  readonly rules: Readonly<Record<string, RuleText>>;
}

const NATIONAL_BASE: Base = {
  id: NATIONAL_BASE_ID,
  province: null,
  name: null,
  sources: NATIONAL_DEFAULTS.sources,
  documents: {},
  params: NATIONAL_DEFAULTS.params,
  rules: NATIONAL_DEFAULTS.rules,
};

/**
 * Validates a rule-set file and resolves it against the set it extends; every problem found, each a
 * `RULE_SET_INVALID` error whose path points into the file (at most 20).
 */
function check(value: unknown, registry: RuleSetRegistry): { ok: true; ruleSet: RuleSet } | { ok: false; errors: ZhishangError[] } {
  const shape = shapeErrors(value, 20);
  if (shape !== null) return { ok: false, errors: shape };
  const file = value as RuleSetFile;
  const errors: ZhishangError[] = [];
  const expectedId = `${file.province}@${file.validFrom}`;
  if (file.id !== expectedId) {
    errors.push(invalid(["id"], `rule set id must be province@validFrom, "${expectedId}"`, `规则集 id 应为“省份@施行日期”，即“${expectedId}”`));
  }
  try {
    parseIsoDate(file.validFrom, ["validFrom"]);
  } catch {
    errors.push(invalid(["validFrom"], `validFrom ${file.validFrom} is not a calendar date`, `validFrom ${file.validFrom} 不是有效日期`));
  }
  if (file.validTo !== undefined && file.validTo !== null) {
    if (file.validTo < file.validFrom) {
      errors.push(invalid(["validTo"], `validTo ${file.validTo} is before validFrom ${file.validFrom}`, `validTo ${file.validTo} 早于 validFrom ${file.validFrom}`));
    }
  }
  let base: Base | null = null;
  if (file.extends !== undefined && file.extends !== null) {
    if (file.extends === NATIONAL_BASE_ID) base = NATIONAL_BASE;
    else {
      const found = registry.byId(file.extends);
      if (found === undefined) {
        errors.push(invalid(["extends"], `extends "${clip(file.extends)}": no such rule set; known: ${[NATIONAL_BASE_ID, ...registry.ids()].join(", ")}`,
          `extends“${clip(file.extends)}”：无此规则集，可用：${[NATIONAL_BASE_ID, ...registry.ids()].join("、")}`));
      } else base = found;
    }
  }
  // Documents: a file may add documents, not redefine the library's or its base's.
  const documents: Record<string, { zh: string; en: string; number: string | null }> = { ...(base?.documents ?? {}) };
  for (const [id, doc] of Object.entries(file.documents ?? {})) {
    const known = findDocument(id, base?.documents ?? {});
    if (known !== undefined && (known.zh !== doc.zh || known.en !== doc.en || known.number !== doc.number)) {
      errors.push(invalid(["documents", id], `document "${id}" is already defined with another title`, `文件“${id}”已有不同的标题`));
    }
    if (known === undefined) documents[id] = doc;
  }
  for (const [c, path] of citationsOf(file)) {
    if (findDocument(c.doc, documents) === undefined) {
      errors.push(invalid([...path, "doc"], `citation names document "${clip(c.doc)}", which neither the library nor the file's documents define`,
        `引用的文件“${clip(c.doc)}”既非本库已知文件，也未在规则集 documents 中定义`));
    }
  }
  const sources = file.sources ?? base?.sources;
  if (sources === undefined) errors.push(invalid(["sources"], "sources: the documents this rule set encodes are required", "sources：须列明规则集所依据的文件"));
  for (const [k, id] of (file.sources ?? []).entries()) {
    if (findDocument(id, documents) === undefined) {
      errors.push(invalid(["sources", k], `source "${clip(id)}" is not a known document (add it to documents)`, `来源“${clip(id)}”不是已知文件（请在 documents 中定义）`));
    }
  }
  const name = file.name ?? (base !== null && base.province === file.province ? base.name : null);
  if (name === null) errors.push(invalid(["name"], "name is required (in zh and en) unless the file extends a rule set of the same province", "须提供 name（中英文），除非扩展同一省份的规则集"));
  const params: Record<string, unknown> = { ...(base?.params ?? {}), ...(file.params ?? {}) };
  // With an unknown base the missing parameters say nothing new: the one error is `extends`.
  const baseMissing = file.extends !== undefined && file.extends !== null && base === null;
  for (const p of baseMissing ? [] : Object.keys(ruleSetFileSchema().shape.params.unwrap().shape) as ParamName[]) {
    if (params[p] === undefined && !(OPTIONAL_PARAMS as readonly string[]).includes(p)) {
      errors.push(invalid(["params", p], `parameter "${p}" is required and neither the file nor the set it extends states it`,
        `必需参数“${p}”既未在本文件中规定，也未由所扩展的规则集提供`));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const ruleSet: RuleSet = {
    id: file.id,
    province: file.province,
    name: name as Bilingual,
    validFrom: file.validFrom,
    validTo: file.validTo ?? null,
    extends: file.extends ?? null,
    sources: [...(sources as readonly string[])],
    documents,
    params: params as unknown as RuleSetParams,
    rules: { ...(base?.rules ?? {}), ...(file.rules ?? {}) },
  };
  const resolved = deepFreeze(structuredClone(ruleSet));
  RESOLVED.add(resolved);
  return { ok: true, ruleSet: resolved };
}

/**
 * A rule-set file as the JSON `loadRuleSet` reads back: the resolved rule set with every parameter and rule text
 * stated, so that it needs no `extends` (what `zhishang rule-set show --format json` prints).
 *
 * @example
 * ```ts
 * const file = ruleSetToFile(bundledRuleSets().select("qinghai", "2026-08-01"));
 * file.id; // "qinghai@2026-07-01"
 * loadRuleSet(JSON.parse(JSON.stringify(file))).params["benefit.baseFactor"].value; // "0.6"
 * ```
 */
export function ruleSetToFile(ruleSet: RuleSet): RuleSetFile {
  return {
    $schema: "https://zhishang.dev/schemas/rule-set.json",
    id: ruleSet.id,
    province: ruleSet.province,
    name: ruleSet.name,
    validFrom: ruleSet.validFrom,
    validTo: ruleSet.validTo,
    ...(Object.keys(ruleSet.documents).length > 0 ? { documents: ruleSet.documents } : {}),
    sources: ruleSet.sources,
    params: ruleSet.params,
    rules: ruleSet.rules,
  };
}

/** The end of each version: its `validTo`, or the day before the next version starts, or null (open). */
function effectiveEnd(versions: readonly RuleSet[], k: number): string | null {
  const v = versions[k] as RuleSet;
  const next = versions[k + 1];
  if (next === undefined) return v.validTo;
  const dayBefore = formatIsoDate(addDays(parseIsoDate(next.validFrom, ["validFrom"]), -1));
  return v.validTo !== null && v.validTo < dayBefore ? v.validTo : dayBefore;
}

/**
 * The rule sets a computation may use: the versions of each province, oldest first. Immutable: {@link with}
 * and {@link load} return a new registry. {@link bundledRuleSets} holds the five bundled provinces.
 *
 * @example
 * ```ts
 * const registry = bundledRuleSets();
 * registry.provinces(); // ["qinghai", "shanghai", "guangxi", "inner-mongolia", "zhejiang"]
 * registry.select("qinghai", "2026-08-01").id; // "qinghai@2026-07-01"
 * ```
 */
export class RuleSetRegistry {
  private readonly byProvince: ReadonlyMap<ProvinceId, readonly RuleSet[]>;

  private constructor(byProvince: ReadonlyMap<ProvinceId, readonly RuleSet[]>) {
    this.byProvince = byProvince;
  }

  /** An empty registry (`load` or `with` adds to it). */
  static empty(): RuleSetRegistry {
    return new RuleSetRegistry(new Map());
  }

  /** The ids of every rule set held, by province then date. */
  ids(): string[] {
    return [...this.byProvince.values()].flatMap((vs) => vs.map((v) => v.id));
  }

  /** The provinces with at least one version. */
  provinces(): ProvinceId[] {
    return [...this.byProvince.keys()];
  }

  /** The versions of `province`, oldest first (empty when none). */
  versions(province: ProvinceId): readonly RuleSet[] {
    return this.byProvince.get(province) ?? [];
  }

  /** The rule set with this id, if held. */
  byId(id: string): RuleSet | undefined {
    const at = id.indexOf("@");
    return at < 0 ? undefined : this.versions(id.slice(0, at)).find((v) => v.id === id);
  }

  /** A registry with `ruleSets` added (resolved rule sets, e.g. from {@link loadRuleSet}); a repeated id is refused. */
  with(...ruleSets: RuleSet[]): RuleSetRegistry {
    const next = new Map(this.byProvince);
    for (const [k, r] of ruleSets.entries()) {
      const versions = [...(next.get(r.province) ?? [])];
      if (versions.some((v) => v.id === r.id)) {
        throw invalid(["id"], `rule set ${r.id} is already loaded`, `规则集 ${r.id} 已加载`).withPathPrefix(ruleSets.length > 1 ? [k] : []);
      }
      versions.push(r);
      versions.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
      for (let j = 0; j + 1 < versions.length; j++) {
        const a = versions[j] as RuleSet;
        const b = versions[j + 1] as RuleSet;
        if (a.validTo !== null && a.validTo >= b.validFrom) {
          throw invalid(["validTo"], `${a.id} is valid to ${a.validTo}, after ${b.id} starts`, `${a.id} 的有效期至 ${a.validTo}，晚于 ${b.id} 的施行日期`);
        }
      }
      next.set(r.province, Object.freeze(versions));
    }
    return new RuleSetRegistry(next);
  }

  /** A registry with the rule-set file `value` validated, resolved against this registry and added. */
  load(value: unknown): RuleSetRegistry {
    return this.with(loadRuleSet(value, this));
  }

  /**
   * The version of `province` in force on `date` (`YYYY-MM-DD`). A province not held is `INVALID_INPUT` at
   * `path`'s root `["province"]`; a date before the first version or in a gap is `RULE_NOT_IN_FORCE` naming the versions.
   */
  select(province: ProvinceId, date: string, path: ErrorPath = ["asOf"]): RuleSet {
    return versionOn(this.require(province), date, path);
  }

  /** The versions of `province`, or `INVALID_INPUT` at `["province"]` naming the provinces held. */
  require(province: ProvinceId): readonly RuleSet[] {
    const versions = this.byProvince.get(province);
    if (versions === undefined || versions.length === 0) {
      const given: unknown = province;
      const shown = typeof given === "string" ? JSON.stringify(clip(given, 40)) : typeof given;
      throw new ZhishangError("INVALID_INPUT", {
        en: `unknown province ${shown}; expected one of ${this.provinces().join(", ")} (or load its rule set)`,
        zh: `未知省份 ${shown}，应为 ${this.provinces().join("、")} 之一（或加载其规则集）`,
      }, ["province"]);
    }
    return versions;
  }
}

/**
 * The version of `versions` (one province's, oldest first, as a registry holds them) in force on `date`; before
 * the first or in a gap, `RULE_NOT_IN_FORCE` at `path` naming the versions.
 */
export function versionOn(versions: readonly RuleSet[], date: string, path: ErrorPath): RuleSet {
  for (let k = versions.length - 1; k >= 0; k--) if (appliesOn(versions, k, date)) return versions[k] as RuleSet;
  throw notInForce(versions, date, path);
}

/** Whether version `k` of `versions` applies on `date`: from its `validFrom` to its {@link effectiveEnd}. */
export function appliesOn(versions: readonly RuleSet[], k: number, date: string): boolean {
  const end = effectiveEnd(versions, k);
  return (versions[k] as RuleSet).validFrom <= date && (end === null || date <= end);
}

/** `RULE_NOT_IN_FORCE` for `date`, naming each version and when it applies. */
export function notInForce(versions: readonly RuleSet[], date: string, path: ErrorPath, inForceFrom?: string): ZhishangError {
  const first = versions[0] as RuleSet;
  const spans = versions.map((v, k) => {
    const end = effectiveEnd(versions, k);
    return { en: `${v.id} (${v.validFrom} to ${end ?? "open"})`, zh: `${v.id}（${v.validFrom} 至 ${end ?? "今"}）` };
  });
  const from = inForceFrom ?? first.params["coverage.inForceFrom"].value;
  if (date < first.validFrom || date < from) {
    return new ZhishangError("RULE_NOT_IN_FORCE", {
      en: `${first.name.en}'s rules are in force from ${from}; ${date} is before that (versions: ${spans.map((s) => s.en).join(", ")})`,
      zh: `${first.name.zh}职业伤害保障规定自 ${from} 起施行，${date} 早于该日期（版本：${spans.map((s) => s.zh).join("、")}）`,
    }, path);
  }
  return new ZhishangError("RULE_NOT_IN_FORCE", {
    en: `no version of ${first.name.en}'s rules is in force on ${date} (versions: ${spans.map((s) => s.en).join(", ")})`,
    zh: `${date} 无施行中的${first.name.zh}规则集版本（版本：${spans.map((s) => s.zh).join("、")}）`,
  }, path);
}

/**
 * Validates a rule-set file (docs/rule-sets.md) and resolves it against the set it `extends` (`"national"`, or a
 * rule set of `registry`, by default the bundled ones). A defect is `RULE_SET_INVALID` with the path of the bad
 * value in the file; {@link validateRuleSet} lists every defect.
 *
 * @example
 * ```ts
 * const jiangsu = loadRuleSet({
 *   id: "jiangsu@2027-01-01", province: "jiangsu", name: { zh: "江苏省", en: "Jiangsu" },
 *   validFrom: "2027-01-01", extends: "national", sources: ["national-measures"],
 *   params: {
 *     "coverage.inForceFrom": { value: "2027-01-01", provenance: { kind: "assumed", citations: [], reason: { zh: "假定", en: "assumed" } } },
 *     "benefit.baseFactor": { value: "1", provenance: { kind: "assumed", citations: [], reason: { zh: "假定", en: "assumed" } } },
 *     "coverage.industries": { value: ["ride-hailing"], provenance: { kind: "assumed", citations: [], reason: { zh: "假定", en: "assumed" } } },
 *     "coverage.pilotPlatforms": { value: [], provenance: { kind: "assumed", citations: [], reason: { zh: "假定", en: "assumed" } } },
 *     "premium.baseAmounts": { value: [{ from: "2027-01-01", "ride-hailing": ["0.01"], "instant-delivery": ["0.07", "0.25"], "intra-city-freight": ["0.18"] }], provenance: { kind: "assumed", citations: [], reason: { zh: "假定", en: "assumed" } } },
 *   },
 * });
 * jiangsu.params["death.funeralMonths"].value; // 6
 * loadRuleSet({ id: "x" }); // throws RULE_SET_INVALID
 * ```
 */
export function loadRuleSet(value: unknown, registry: RuleSetRegistry = bundledRuleSets()): RuleSet {
  const r = check(value, registry);
  if (!r.ok) throw r.errors[0] as ZhishangError;
  return r.ruleSet;
}

/**
 * Every defect of a rule-set file (an empty list when it is valid), each `RULE_SET_INVALID` with its path.
 *
 * @example
 * ```ts
 * validateRuleSet({ id: "jiangsu", province: "jiangsu" }).map((e) => e.path); // [["validFrom"]]
 * validateRuleSet(ruleSetToFile(bundledRuleSets().versions("qinghai")[0]!)); // []
 * ```
 */
export function validateRuleSet(value: unknown, registry: RuleSetRegistry = bundledRuleSets()): ZhishangError[] {
  const r = check(value, registry);
  return r.ok ? [] : r.errors;
}

const BUNDLED_FILES: readonly RuleSetFile[] = [QINGHAI, SHANGHAI, GUANGXI, INNER_MONGOLIA, ZHEJIANG];
let bundled: RuleSetRegistry | undefined;

/**
 * The registry of the bundled rule sets ({@link PROVINCES}), each loaded through the same validation as a
 * caller's file, on first use (not at import: docs/performance.md, "Import time").
 *
 * @example
 * ```ts
 * bundledRuleSets().versions("shanghai").map((v) => v.id); // ["shanghai@2022-07-01"]
 * ```
 */
export function bundledRuleSets(): RuleSetRegistry {
  if (bundled === undefined) {
    let r = RuleSetRegistry.empty();
    for (const file of BUNDLED_FILES) {
      const c = check(file, r);
      if (!c.ok) {
        // A defect in the bundled data, caught by the test suite; never a caller's error.
        throw invalid((c.errors[0] as ZhishangError).path, `bundled rule set ${file.id} is invalid: ${(c.errors[0] as ZhishangError).messageEn}`,
          `内置规则集 ${file.id} 无效：${(c.errors[0] as ZhishangError).messageZh}`);
      }
      r = r.with(c.ruleSet);
    }
    bundled = r;
  }
  return bundled;
}

export { PROVINCES };
