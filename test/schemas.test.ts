/**
 * The JSON Schemas shipped in schemas/ (for callers in other languages) are the ones the code generates, every
 * fixture in fixtures/ conforms to its kind's schema, and every bundled rule set (as `ruleSetToFile` writes it) and
 * example rule-set file conforms to schemas/rule-set.json. Outputs and explanations are checked against their
 * schemas in test/output-schemas.test.ts.
 *
 * Regenerate after changing an input schema: `npm run build` (scripts/schemas.mjs), or `UPDATE_SCHEMAS=1 npx
 * vitest run test/schemas.test.ts`.
 *
 * A small validator below covers the keywords the generated schemas use (draft 2020-12, `$ref` to the schema's
 * own `$defs` included; `format` is only an annotation to it); it refuses any other keyword, so a schema that
 * starts using one fails here first. test/output-schemas.test.ts uses Ajv, a development dependency.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import * as lib from "../src/index.js";
import { renderSchemas, ruleSetSchema } from "../scripts/schemas.mjs";

const ROOT = join(import.meta.dirname, "..");
const SCHEMAS = join(ROOT, "schemas");
const FIXTURES = join(ROOT, "fixtures");
const EXAMPLE_RULE_SETS = join(ROOT, "docs", "examples", "rule-sets");

type Schema = boolean | { readonly [keyword: string]: unknown };

/** Keywords that only annotate. */
const ANNOTATIONS = new Set(["$id", "$schema", "title", "description", "default", "examples", "$comment", "$defs",
  // an annotation in draft 2020-12; test/output-schemas.test.ts asserts the formats of the output schemas with Ajv
  "format"]);
/** Keywords the validator checks. */
const ASSERTIONS = new Set([
  "type", "enum", "const", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
  "exclusiveMaximum", "multipleOf", "properties", "required", "additionalProperties", "propertyNames", "items",
  "prefixItems", "minItems", "maxItems", "anyOf", "oneOf", "allOf", "not", "$ref",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    default:
      return typeOf(v) === t;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The keywords a schema uses that this validator does not know (walks every subschema). */
function unknownKeywords(schema: Schema, at = "#", out: string[] = []): string[] {
  if (typeof schema === "boolean") return out;
  for (const [k, v] of Object.entries(schema)) {
    if (!ANNOTATIONS.has(k) && !ASSERTIONS.has(k)) out.push(`${at}/${k}`);
    if (k === "$ref" && (typeof v !== "string" || !v.startsWith("#/$defs/"))) out.push(`${at}/$ref (only #/$defs/<name> is checked)`);
    if ((k === "properties" || k === "$defs") && typeof v === "object" && v !== null) {
      for (const [p, s] of Object.entries(v)) unknownKeywords(s as Schema, `${at}/${k}/${p}`, out);
    } else if ((k === "anyOf" || k === "oneOf" || k === "allOf" || k === "prefixItems") && Array.isArray(v)) {
      v.forEach((s: Schema, i) => unknownKeywords(s, `${at}/${k}/${i}`, out));
    } else if ((k === "items" || k === "additionalProperties" || k === "propertyNames" || k === "not") && typeof v !== "number") {
      unknownKeywords(v as Schema, `${at}/${k}`, out);
    }
  }
  return out;
}

/** Validates `value` against `schema` (`root`: where `$ref` looks up `$defs`); returns the errors as "<instance path>: <message>". */
function validate(schema: Schema, value: unknown, path = "$", root: Schema = schema): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const s = schema;
  const errors: string[] = [];
  const err = (m: string): void => void errors.push(`${path}: ${m}`);
  const check = (sub: Schema, v: unknown, at: string): string[] => validate(sub, v, at, root);
  if (typeof s.$ref === "string") {
    const name = s.$ref.replace(/^#\/\$defs\//, "");
    const defs = (typeof root === "object" ? root.$defs : undefined) as Record<string, Schema> | undefined;
    const target = defs?.[name];
    if (target === undefined) err(`unresolved $ref ${s.$ref}`);
    else errors.push(...check(target, value, path));
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => hasType(value, t))) {
      err(`expected ${types.join(" or ")}, got ${typeOf(value)}`);
      return errors;
    }
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(e, value))) err(`not one of ${JSON.stringify(s.enum)}`);
  if ("const" in s && !deepEqual(s.const, value)) err(`not ${JSON.stringify(s.const)}`);
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof s.minLength === "number" && length < s.minLength) err(`shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && length > s.maxLength) err(`longer than ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) err(`does not match ${s.pattern}`);
  }
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) err(`below ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) err(`above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) err(`not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) err(`not below ${s.exclusiveMaximum}`);
    if (typeof s.multipleOf === "number" && !Number.isInteger(value / s.multipleOf)) err(`not a multiple of ${s.multipleOf}`);
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const r of (s.required ?? []) as string[]) if (!(r in obj)) err(`missing required property "${r}"`);
    for (const [k, v] of Object.entries(obj)) {
      const at = `${path}.${k}`;
      if (s.propertyNames !== undefined) errors.push(...check(s.propertyNames as Schema, k, `${at} (name)`));
      if (k in props) errors.push(...check(props[k] as Schema, v, at));
      else if (s.additionalProperties !== undefined) errors.push(...check(s.additionalProperties as Schema, v, at));
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems) err(`fewer than ${s.minItems} items`);
    if (typeof s.maxItems === "number" && value.length > s.maxItems) err(`more than ${s.maxItems} items`);
    const prefix = (s.prefixItems ?? []) as Schema[];
    value.forEach((item, i) => {
      if (i < prefix.length) errors.push(...check(prefix[i] as Schema, item, `${path}[${i}]`));
      else if (s.items !== undefined) errors.push(...check(s.items as Schema, item, `${path}[${i}]`));
    });
  }
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub: Schema) => check(sub, value, path).length === 0)) err("matches none of anyOf");
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub: Schema) => check(sub, value, path).length === 0).length !== 1) {
    err("does not match exactly one of oneOf");
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf as Schema[]) errors.push(...check(sub, value, path));
  if (s.not !== undefined && check(s.not as Schema, value, path).length === 0) err(`matches the schema in "not"`);
  return errors;
}

const generated = renderSchemas(lib);
const committed = readdirSync(SCHEMAS).filter((f) => f.endsWith(".json")).sort();
const schemaOf = (file: string): Schema => JSON.parse(readFileSync(join(SCHEMAS, file), "utf8")) as Schema;

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return fixtureFiles(p);
      return name.endsWith(".json") ? [p] : [];
    });
}
const fixtures = fixtureFiles(FIXTURES).map((p) => ({
  file: p.slice(ROOT.length + 1),
  scenario: JSON.parse(readFileSync(p, "utf8")) as Record<string, unknown>,
}));

describe("schemas/ is generated from the code", () => {
  if (process.env.UPDATE_SCHEMAS === "1") {
    mkdirSync(SCHEMAS, { recursive: true });
    for (const f of committed) if (!generated.has(f)) rmSync(join(SCHEMAS, f));
    for (const [name, text] of generated) writeFileSync(join(SCHEMAS, name), text);
  }

  test("per scenario kind its input and its output, scenario.json for the envelope, explanation.json, rule-set.json and statistics.json", () => {
    const names = readdirSync(SCHEMAS).filter((f) => f.endsWith(".json")).sort();
    expect(names).toEqual([
      ...lib.kindNames().flatMap((k) => [`${k}.json`, `${k}.output.json`]), "explanation.json", "rule-set.json", "scenario.json", "statistics.json",
    ].sort());
  });

  test("schemas/scenario.json is scenarioEnvelopeJsonSchema(): the properties every kind's schema shares", () => {
    const envelope = schemaOf("scenario.json") as { properties: Record<string, unknown>; required: string[] };
    expect(envelope).toEqual(lib.scenarioEnvelopeJsonSchema());
    const { kind: _k, input: _i, ...shared } = envelope.properties;
    for (const kind of lib.kindNames()) {
      const own = lib.scenarioJsonSchema(kind) as { properties: Record<string, unknown>; required: string[] };
      const { kind: _ok, input: _oi, ...rest } = own.properties;
      expect(rest, kind).toEqual(shared);
      expect(own.required, kind).toEqual(envelope.required);
    }
  });

  test.each(lib.kindNames())("schemas/%s.output.json is outputJsonSchema(kind), with its $id", (kind) => {
    const schema = schemaOf(`${kind}.output.json`) as Record<string, unknown>;
    expect(schema).toEqual(lib.outputJsonSchema(kind));
    expect(schema.$id).toBe(`https://zhishang.dev/schemas/${kind}.output.json`);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  test("schemas/explanation.json is explanationJsonSchema()", () => {
    expect(schemaOf("explanation.json")).toEqual(lib.explanationJsonSchema());
  });

  test("schemas/rule-set.json is the JSON Schema of ruleSetFileSchema(), with its $id and title", () => {
    const schema = schemaOf("rule-set.json") as Record<string, unknown>;
    expect(schema).toEqual(ruleSetSchema(lib));
    expect(schema.$id).toBe("https://zhishang.dev/schemas/rule-set.json");
    expect(schema.title).toBe("zhishang rule set");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    // The parts used many times are stated once.
    expect(Object.keys(schema.$defs as object)).toEqual(expect.arrayContaining(["bilingual", "citation", "provenance", "timeLimitPeriod"]));
    expect((schema.properties as Record<string, unknown>).name).toEqual({ $ref: "#/$defs/bilingual" });
    // Every parameter the library knows, no other.
    const params = (schema.properties as { params: { properties: Record<string, unknown> } }).params.properties;
    expect(Object.keys(params).sort()).toEqual(lib.parameterNames().sort());
  });

  test.each([...generated.keys()])("schemas/%s is up to date (npm run build regenerates it)", (name) => {
    expect(readFileSync(join(SCHEMAS, name), "utf8")).toBe(generated.get(name));
  });

  test.each(lib.kindNames())("schemas/%s.json is scenarioJsonSchema(kind), with its $id", (kind) => {
    const schema = schemaOf(`${kind}.json`) as Record<string, unknown>;
    expect(schema).toEqual(lib.scenarioJsonSchema(kind));
    expect(schema.$id).toBe(`https://zhishang.dev/schemas/${kind}.json`);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  test.each(committed)("schemas/%s uses only keywords the test validator checks", (name) => {
    expect(unknownKeywords(schemaOf(name))).toEqual([]);
  });
});

describe("every fixture conforms to the schemas", () => {
  const envelope = schemaOf("scenario.json");
  // A fixture expecting INVALID_INPUT may break the schema on purpose; every other one must conform.
  const valid = fixtures.filter((f) => (f.scenario.expectError as { code?: string } | undefined)?.code !== "INVALID_INPUT");
  const invalid = fixtures.filter((f) => !valid.includes(f));

  test("there are fixtures to check", () => {
    expect(valid.length).toBeGreaterThan(0);
  });

  test.each(valid.map((f) => [f.file, f] as const))("%s", (_file, { scenario }) => {
    expect(validate(envelope, scenario)).toEqual([]);
    expect(validate(schemaOf(`${String(scenario.kind)}.json`), scenario)).toEqual([]);
  });

  test("the INVALID_INPUT fixtures that break the schema are refused by it", () => {
    // Not every INVALID_INPUT is visible to JSON Schema (a date that does not exist, a rule across fields).
    const refused = invalid.filter((f) => {
      const kind = String(f.scenario.kind);
      const file = lib.kindNames().includes(kind) ? `${kind}.json` : "scenario.json";
      return validate(schemaOf(file), f.scenario).length > 0;
    });
    expect(refused.length).toBeGreaterThan(0);
  });
});

describe("the test validator", () => {
  const disability = schemaOf("disability-benefits.json");
  const envelope = schemaOf("scenario.json");
  const ok = { id: "x", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };

  test("accepts a valid scenario", () => {
    expect(validate(disability, ok)).toEqual([]);
    expect(validate(envelope, ok)).toEqual([]);
  });

  test.each([
    ["a province id that is not a lowercase id", { ...ok, province: "Qinghai" }],
    ["an unknown top-level property", { ...ok, extra: 1 }],
    ["a grade outside 1–10", { ...ok, input: { grade: 11, avgMonthlyWage: "6000.00" } }],
    ["a number for a decimal string", { ...ok, input: { grade: 4, avgMonthlyWage: 6000 } }],
    ["a missing required input", { ...ok, input: { grade: 4 } }],
    ["another kind", { ...ok, kind: "death-benefits" }],
    ["a calendar range of three dates", { ...ok, calendars: [{ year: 2030, off: [["2030-01-01", "2030-01-02", "2030-01-03"]], work: [] }] }],
  ])("refuses %s", (_what, scenario) => {
    expect(validate(disability, scenario).length).toBeGreaterThan(0);
  });

  test("any lowercase province id passes the schema (whether a rule set exists is known when a registry is asked)", () => {
    expect(validate(disability, { ...ok, province: "jiangsu" })).toEqual([]);
    expect(validate(envelope, { ...ok, province: "jiangsu" })).toEqual([]);
  });

  test("the envelope needs a province or a ruleSet", () => {
    const { province: _p, ...none } = ok;
    expect(validate(envelope, none).length).toBeGreaterThan(0);
    expect(validate(envelope, { ...none, ruleSet: { id: "x" } })).toEqual([]);
    // …which the library refuses too.
    expect(lib.safeEvaluateScenario(none).ok).toBe(false);
  });

  test("the envelope refuses an unknown kind and expect with expectError", () => {
    expect(validate(envelope, { ...ok, kind: "nope" }).length).toBeGreaterThan(0);
    expect(validate(envelope, { ...ok, expect: {}, expectError: { code: "INVALID_INPUT" } }).length).toBeGreaterThan(0);
    // …which the library refuses too.
    expect(lib.safeEvaluateScenario({ ...ok, expect: {}, expectError: { code: "INVALID_INPUT" } }).ok).toBe(false);
  });
});

describe("rule-set files conform to schemas/rule-set.json", () => {
  const schema = schemaOf("rule-set.json");
  const bundled = lib.bundledRuleSets();
  const files = bundled.ids().map((id) => [id, JSON.parse(JSON.stringify(lib.ruleSetToFile(bundled.byId(id) as lib.RuleSet))) as Record<string, unknown>] as const);
  const examples = readdirSync(EXAMPLE_RULE_SETS).filter((f) => f.endsWith(".json")).sort()
    .map((f) => [`docs/examples/rule-sets/${f}`, JSON.parse(readFileSync(join(EXAMPLE_RULE_SETS, f), "utf8")) as Record<string, unknown>] as const);

  test("there are the five bundled rule sets and example files", () => {
    expect(files.map(([id]) => id.split("@")[0])).toEqual(["qinghai", "shanghai", "guangxi", "inner-mongolia", "zhejiang"]);
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  test.each([...files, ...examples])("%s (ruleSetToFile output or example file)", (_id, file) => {
    expect(validate(schema, file)).toEqual([]);
    expect(lib.ruleSetFileSchema().safeParse(file).success).toBe(true);
  });

  const base = files[0]?.[1] as Record<string, unknown>;
  const withParam = (name: string, value: unknown): Record<string, unknown> => ({
    ...base,
    params: { ...(base.params as object), [name]: value },
  });
  test.each([
    ["a base factor that is not a decimal string", withParam("benefit.baseFactor", { value: "abc", provenance: { kind: "seed", citations: [{ doc: "qinghai-measures" }] } })],
    ["an unknown parameter", withParam("benefit.bogus", { value: "1", provenance: { kind: "seed", citations: [{ doc: "qinghai-measures" }] } })],
    ["a seed provenance without citations", withParam("death.funeralMonths", { value: 6, provenance: { kind: "seed", citations: [] } })],
    ["an assumed provenance without its reason", withParam("death.funeralMonths", { value: 6, provenance: { kind: "assumed", citations: [] } })],
    ["a citation with an unknown field", withParam("death.funeralMonths", { value: 6, provenance: { kind: "seed", citations: [{ doc: "qinghai-measures", page: 3 }] } })],
    ["a province id in capitals", { ...base, province: "Qinghai" }],
    ["a missing id", (({ id: _id, ...rest }) => rest)(base)],
    ["a validFrom that is not a date", { ...base, validFrom: "2026-13-01" }],
  ])("refuses %s, as the zod schema does", (_what, file) => {
    expect(validate(schema, file).length).toBeGreaterThan(0);
    expect(lib.ruleSetFileSchema().safeParse(file).success).toBe(false);
  });
});
