/**
 * Arbitraries shared by the property suites: dates, amounts, options, inputs built from each scenario kind's
 * published JSON Schema (valid-shaped inputs that reach the rules, not only the validator), the fixtures as
 * near-valid seeds, and malformed values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { kindNames, parameterNames, PROVINCES, RULE_SETS, scenarioJsonSchema } from "../../src/index.js";

// ---------------------------------------------------------------------------------------------------------------
// Scalars

const DAY_MS = 86_400_000;
const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Dates that matter: rule starts, holidays, month ends, leap days, the edges of the bundled calendars. */
export const EDGE_DATES = [
  "2023-12-31", "2024-01-01", "2024-02-29", "2024-12-31", "2025-01-01", "2025-02-28", "2025-07-01", "2025-10-01",
  "2025-12-31", "2026-01-01", "2026-02-14", "2026-02-28", "2026-03-31", "2026-06-30", "2026-07-01", "2026-09-30",
  "2026-10-03", "2026-10-08", "2026-12-31", "2027-01-01", "2027-02-28", "2028-01-01", "2028-02-29", "1900-01-01",
  "2199-12-31",
] as const;

/** A valid calendar date, mostly 2024–2027 (the bundled calendars and the rules in force). */
export const dateArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: dayOf("2024-01-01"), max: dayOf("2027-12-31") }).map(isoOfDay) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_DATES) },
  { weight: 1, arbitrary: fc.integer({ min: dayOf("1900-01-01"), max: dayOf("2199-12-31") }).map(isoOfDay) },
);

/** Strings that look like dates but are not (or are at the edge of the format). */
export const badDateArb: fc.Arbitrary<string> = fc.constantFrom(
  "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01", "9999-12-31", "2026-1-1", "20260101",
  "2026-01-01T00:00:00Z", " 2026-01-01", "２０２６-01-01", "", "2026-06-31",
);

export const monthArb: fc.Arbitrary<string> = dateArb.map((d) => d.slice(0, 7));

const TIMES = ["00:00:00", "08:00:00", "12:30:00", "15:59:59", "16:00:00", "23:59:59", "00:00"] as const;
const OFFSETS = ["+08:00", "Z", "-05:00", "+14:00", "-12:00", "+00:00"] as const;
/** An ISO 8601 date-time with an offset. */
export const dateTimeArb: fc.Arbitrary<string> = fc
  .tuple(dateArb, fc.constantFrom(...TIMES), fc.constantFrom(...OFFSETS))
  .map(([d, t, o]) => `${d}T${t}${o}`);
export const badDateTimeArb: fc.Arbitrary<string> = fc.constantFrom(
  "2026-08-03T12:00:00", "2026-08-03T24:00:00+08:00", "2026-02-29T10:00:00+08:00", "2026-08-03 12:00:00+08:00",
  "2026-08-03T12:00:00+25:00", "2026-08-03T12:60:00Z", "tomorrow", "",
);

/** A money amount as the API takes it: a non-negative decimal string with at most two places, at most 10^12. */
export const moneyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom("0", "0.00", "0.01", "1", "6000.00", "12345.67", "999999999999.99", "1000000000000") },
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 })).map(([y, f]) => `${y}.${String(f).padStart(2, "0")}`) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 12n }).map(String) },
);
export const badMoneyArb: fc.Arbitrary<unknown> = fc.constantFrom(
  "-1", "-0.01", "1.001", "1e5", "1000000000000.01", "01", "1,000", "NaN", "Infinity", " 1", "", "0x10", 6000, -0, NaN, null,
  "9".repeat(40),
);

/** Numbers a careless caller sends. */
export const weirdNumberArb: fc.Arbitrary<number> = fc.constantFrom(
  0, -0, -1, 1, 0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, Infinity, -Infinity, NaN, 2 ** 31, 2 ** 32, -(2 ** 31),
);

/** Anything at all, with the awkward values weighted up. */
export const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withBigInt: true, withTypedArray: true, withSparseArray: true, withMap: true, withSet: true, withDate: true }) },
  { weight: 2, arbitrary: weirdNumberArb },
  { weight: 1, arbitrary: badMoneyArb },
  { weight: 1, arbitrary: badDateArb },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, true, false, "", [], {}, [[]], "__proto__", "constructor", "toString") },
);

export const provinceArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...PROVINCES) },
  { weight: 1, arbitrary: fc.constantFrom("Qinghai", "beijing", "", "__proto__", "toString", "hasOwnProperty") },
  { weight: 1, arbitrary: junkArb },
);

// ---------------------------------------------------------------------------------------------------------------
// Options: strict, overrides (real parameter values of some province, or junk), calendars

/** A real value of every parameter (from the first rule set that defines it). */
export const PARAMETER_SAMPLES: ReadonlyMap<string, unknown> = (() => {
  const out = new Map<string, unknown>();
  for (const p of PROVINCES) {
    for (const rs of RULE_SETS[p]) {
      for (const [name, param] of Object.entries(rs.params)) {
        if (!out.has(name) && param !== undefined) out.set(name, (param as { value: unknown }).value);
      }
    }
  }
  return out;
})();

export const overridesArb: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...parameterNames()) }, { weight: 1, arbitrary: fc.constantFrom("no.such.parameter", "__proto__", "constructor") }),
  junkArb,
  { maxKeys: 3 },
).chain((d) =>
  // half of the keys get a real value of that parameter (valid overrides reach the rules)
  fc.tuple(...Object.keys(d).map(() => fc.boolean())).map((real) => {
    const out: Record<string, unknown> = {};
    Object.keys(d).forEach((k, i) => {
      const v = real[i] === true && PARAMETER_SAMPLES.has(k) ? PARAMETER_SAMPLES.get(k) : d[k];
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    });
    return out;
  }),
);

/** A caller's holiday year (2027 or 2028, or a bundled year copied or altered). */
export const calendarYearArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    year: fc.constantFrom(2027, 2028),
    off: fc.constantFrom([] as Array<[string, string]>, [["2027-01-01", "2027-01-01"]], [["2027-10-01", "2027-10-07"], ["2027-02-06", "2027-02-13"]], [["2028-01-01", "2028-01-03"]]),
    work: fc.constantFrom([] as string[], ["2027-10-09"], ["2028-01-08"]),
  }),
  fc.record({ year: fc.constantFrom(2026, 2027), off: fc.constant([["2026-10-01", "2026-10-07"]]), work: fc.constant([]) }),
  fc.record({ year: fc.oneof(fc.integer({ min: 1800, max: 2300 }), weirdNumberArb), off: fc.array(fc.tuple(fc.oneof(dateArb, badDateArb), fc.oneof(dateArb, badDateArb)), { maxLength: 3 }), work: fc.array(fc.oneof(dateArb, badDateArb), { maxLength: 3 }) }),
  junkArb,
);

export const optionsArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  {
    weight: 6,
    arbitrary: fc.record(
      { strict: fc.boolean(), overrides: overridesArb, calendars: fc.array(calendarYearArb, { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: junkArb },
);

// ---------------------------------------------------------------------------------------------------------------
// Inputs from JSON Schema (the published schema of each kind)

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};

const MONEY_PATTERN = "^(0|[1-9]\\d{0,12})(\\.\\d{1,2})?$";

function stringArb(s: Schema, key: string): fc.Arbitrary<string> {
  const p = s.pattern;
  if (p !== undefined) {
    if (p.includes("\\d{4}-\\d{2}-\\d{2}")) return dateArb;
    if (p.includes("-(0[1-9]|1[0-2])")) return monthArb;
    if (p === MONEY_PATTERN) return moneyArb;
    if (p.includes("\\d{0,5})(\\.\\d{1,8})")) return fc.constantFrom("0.01", "0.07", "0.18", "0.25", "0", "0.00000001", "999999.99999999", "0.3");
    if (p.includes("\\d{0,2})(\\.\\d{1,4})")) return fc.constantFrom("0", "1.5", "2", "2.0001", "3", "100", "999.9999");
    if (p.includes("\\d{0,6})(\\.\\d{1,6})")) return fc.constantFrom("0", "47.999999", "48", "48.000001", "72", "1000000");
    return fc.stringMatching(new RegExp(p)).filter((x) => x.length <= (s.maxLength ?? 1000));
  }
  if (/At$/.test(key)) return dateTimeArb;
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 30, 30);
  return fc.oneof(fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }), fc.constantFrom("r1", "r2", "甲", "乙", "A1", "M1"));
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1e9);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : 1e9);
  const small = integer
    ? fc.integer({ min: Math.max(min, -1000), max: Math.min(max, Math.max(min, -1000) + 200) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const edges = fc.constantFrom(min, max, ...(min <= 0 && max >= 0 ? [0] : []), ...(integer ? [] : [min + (max - min) / 2]));
  const whole = integer ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) }) : small;
  return fc.oneof({ weight: 5, arbitrary: small }, { weight: 2, arbitrary: edges }, { weight: 1, arbitrary: whole });
}

/** An arbitrary of values valid under `s` (by shape; the rules may still refuse them: that is the point). */
export function fromSchema(s: Schema, key = ""): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum !== undefined) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts !== undefined) return fc.oneof(...alts.map((a) => fromSchema(a, key)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "integer":
      return numberArb(s, true);
    case "number":
      return numberArb(s, false);
    case "string":
      return stringArb(s, key);
    case "array": {
      if (s.prefixItems !== undefined) return fc.tuple(...s.prefixItems.map((i) => fromSchema(i, key)));
      const item = s.items === undefined || Array.isArray(s.items) ? fc.anything() : fromSchema(s.items, key);
      return fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 6, 6)) });
    }
    case "object": {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = fromSchema(v, k);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.anything();
  }
}

/** The input schema of each kind (its published JSON Schema's `input`). */
export const INPUT_SCHEMAS: ReadonlyMap<string, Schema> = new Map(
  kindNames().map((k) => [k, (scenarioJsonSchema(k) as { properties: { input: Schema } }).properties.input]),
);

export function inputSchemaOf(kind: string): Schema {
  const s = INPUT_SCHEMAS.get(kind);
  if (s === undefined) throw new TypeError(`no scenario kind ${kind}`);
  return s;
}

/** Inputs of `kind` shaped by its schema. */
export function schemaInputArb(kind: string): fc.Arbitrary<unknown> {
  return fromSchema(inputSchemaOf(kind));
}

/** The field names of a kind's input (for dictionaries of arbitrary values under real names). */
export function fieldNames(kind: string): string[] {
  return Object.keys(inputSchemaOf(kind).properties ?? {});
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

export interface Fixture {
  readonly file: string;
  readonly scenario: Record<string, unknown>;
}

const FIXTURES_ROOT = join(import.meta.dirname, "..", "..", "fixtures");

/** Every fixture, sorted by path. */
export const FIXTURES: readonly Fixture[] = readdirSync(FIXTURES_ROOT)
  .filter((d) => !d.startsWith("."))
  .sort()
  .flatMap((dir) =>
    readdirSync(join(FIXTURES_ROOT, dir))
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => ({ file: `${dir}/${f}`, scenario: JSON.parse(readFileSync(join(FIXTURES_ROOT, dir, f), "utf8")) as Record<string, unknown> })),
  );

/** Fixtures that compute a result (they have `expect`, not `expectError`). */
export const VALID_FIXTURES: readonly Fixture[] = FIXTURES.filter((f) => f.scenario.expectError === undefined);

export function validFixturesOf(kind: string): readonly Fixture[] {
  return VALID_FIXTURES.filter((f) => f.scenario.kind === kind);
}

/** Every path to a value inside `x` (objects and arrays), the root excluded. */
export function pathsOf(x: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof x !== "object" || x === null) return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(x) ? x.map((v, i) => [i, v]) : Object.entries(x);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** A deep copy of JSON data with the value at `path` replaced (`remove`: deleted; arrays keep their length). */
export function withValueAt(x: unknown, path: ReadonlyArray<string | number>, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(x)) {
    const copy = x.slice();
    if (rest.length === 0 && remove) copy.splice(Number(head), 1);
    else copy[Number(head)] = withValueAt(copy[Number(head)], rest, value, remove);
    return copy;
  }
  const obj = (typeof x === "object" && x !== null ? x : {}) as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!(rest.length === 0 && remove && k === head)) copy[k] = v;
  if (!(rest.length === 0 && remove)) {
    Object.defineProperty(copy, String(head), { value: withValueAt(obj[String(head)], rest, value, remove), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** A value to put in place of a field: junk, a near miss of its own value, or a value of another field. */
export function replacementArb(original: unknown): fc.Arbitrary<unknown> {
  const near: Array<fc.Arbitrary<unknown>> = [junkArb, weirdNumberArb, badMoneyArb, badDateArb, dateArb, moneyArb, dateTimeArb, badDateTimeArb];
  if (typeof original === "number") near.push(fc.constantFrom(original + 1, original - 1, -original, original + 0.5, original * 1e6, String(original)));
  if (typeof original === "string") {
    near.push(fc.constantFrom(`${original} `, `-${original}`, original.toUpperCase(), original.slice(0, -1), `${original}0`, `${original}.001`, ""));
  }
  if (typeof original === "boolean") near.push(fc.constantFrom(!original, String(original), Number(original)));
  if (Array.isArray(original)) near.push(fc.constantFrom([], [...original, ...original], original.slice(1), [null]));
  return fc.oneof(...near);
}

/** A valid fixture of `kind` (or of any kind) with one thing changed: a field replaced, removed or added. */
export function mutatedFixtureArb(fixtures: readonly Fixture[]): fc.Arbitrary<{ file: string; scenario: unknown; change: string }> {
  return fc.constantFrom(...fixtures).chain((f) => {
    const paths = pathsOf(f.scenario).filter((p) => p[0] !== "expect" && p[0] !== "title" && p[0] !== "note");
    const replace = fc.constantFrom(...paths).chain((p) =>
      replacementArb(valueAt(f.scenario, p)).map((v) => ({ file: f.file, scenario: withValueAt(f.scenario, p, v), change: `${p.join(".")} := ${safeShow(v)}` })),
    );
    const remove = fc.constantFrom(...paths).map((p) => ({ file: f.file, scenario: withValueAt(f.scenario, p, undefined, true), change: `delete ${p.join(".")}` }));
    const objects = [[], ...paths.filter((p) => isPlainObject(valueAt(f.scenario, p)))];
    const add = fc
      .tuple(fc.constantFrom(...objects), fc.constantFrom("extra", "__proto__", "constructor", "prototype", "toString", "grade", "province"), junkArb)
      .map(([p, k, v]) => ({ file: f.file, scenario: withValueAt(f.scenario, [...p, k], v), change: `add ${[...p, k].join(".")}` }));
    const overrides = overridesArb.map((o) => ({ file: f.file, scenario: { ...f.scenario, overrides: o }, change: "overrides" }));
    const calendars = fc.array(calendarYearArb, { maxLength: 2 }).map((c) => ({ file: f.file, scenario: { ...f.scenario, calendars: c }, change: "calendars" }));
    const province = fc.constantFrom(...PROVINCES).map((p) => ({ file: f.file, scenario: { ...f.scenario, province: p }, change: `province := ${p}` }));
    return fc.oneof(
      { weight: 6, arbitrary: replace },
      { weight: 2, arbitrary: remove },
      { weight: 2, arbitrary: add },
      { weight: 1, arbitrary: overrides },
      { weight: 1, arbitrary: calendars },
      { weight: 2, arbitrary: province },
    );
  });
}

function isPlainObject(x: unknown): boolean {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function valueAt(x: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = x;
  for (const k of path) v = (v as Record<string | number, unknown> | undefined)?.[k];
  return v;
}

function safeShow(v: unknown): string {
  try {
    const s = typeof v === "string" ? JSON.stringify(v) : typeof v === "bigint" ? `${v}n` : String(JSON.stringify(v) ?? String(v));
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
  } catch {
    return typeof v;
  }
}
