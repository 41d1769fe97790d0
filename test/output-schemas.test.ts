/**
 * The output contracts: src/scenario/output-schemas.ts and src/scenario/output-fields.ts are what
 * scripts/output-schemas.mjs generates from the TypeScript types today, and every fixture's output and explanation
 * (fixtures/**, evaluated with evaluateScenario) conforms to schemas/<kind>.output.json and schemas/explanation.json,
 * checked with Ajv (draft 2020-12, formats included).
 *
 * Regenerate after changing an output interface: `npm run build`, or `UPDATE_SCHEMAS=1 npx vitest run
 * test/output-schemas.test.ts` (the generated modules; schemas/ then follows with test/schemas.test.ts).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import * as lib from "../src/index.js";
import { OUTPUT_FIELDS } from "../src/scenario/output-fields.js";
import { OUTPUT_DEFINITIONS, OUTPUT_SCHEMA_SOURCES } from "../src/scenario/output-schemas.js";
import { buildOutputSchemas, renderOutputModules } from "../scripts/output-schemas.mjs";

const ROOT = join(import.meta.dirname, "..");
const SCHEMAS = join(ROOT, "schemas");
const FIXTURES = join(ROOT, "fixtures");

type Schema = Record<string, unknown>;
const schemaFile = (name: string): Schema => JSON.parse(readFileSync(join(SCHEMAS, name), "utf8")) as Schema;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const kinds = lib.kindNames();
const outputValidators = new Map(kinds.map((k) => [k, ajv.compile(schemaFile(`${k}.output.json`))]));
const explanationValidator = ajv.compile(schemaFile("explanation.json"));

/** Ajv's errors as "<instance path> <message>", [] when valid. */
function errorsOf(validate: ReturnType<typeof ajv.compile>, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "?"}`);
}
const outputErrors = (kind: string, value: unknown): string[] => errorsOf(outputValidators.get(kind) as ReturnType<typeof ajv.compile>, value);

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return fixtureFiles(p);
    return name.endsWith(".json") ? [p] : [];
  });
}
/** Every fixture with `expect` (an output to check), evaluated. */
const evaluated = fixtureFiles(FIXTURES)
  .map((p) => ({ file: p.slice(ROOT.length + 1), scenario: JSON.parse(readFileSync(p, "utf8")) as { kind: string; expect?: unknown } }))
  .filter((f) => f.scenario.expect !== undefined)
  .map((f) => ({ ...f, result: lib.evaluateScenario(f.scenario) }));

describe("the generated modules are up to date (scripts/output-schemas.mjs)", () => {
  const built = buildOutputSchemas();
  const rendered = renderOutputModules(built);
  if (process.env.UPDATE_SCHEMAS === "1") for (const [path, text] of rendered) writeFileSync(join(ROOT, path), text);

  test.each([...rendered.keys()])("%s", (path) => {
    expect(readFileSync(join(ROOT, path), "utf8")).toBe(rendered.get(path));
  });

  test("one output schema and one field list per kind, in the kinds' order", () => {
    expect(built.kinds.map((k) => k.kind)).toEqual(kinds);
    expect(Object.keys(OUTPUT_SCHEMA_SOURCES)).toEqual(kinds);
    expect(Object.keys(OUTPUT_FIELDS)).toEqual(kinds);
    for (const k of kinds) expect(OUTPUT_FIELDS[k], k).toEqual(Object.keys(lib.outputJsonSchema(k).properties as object));
  });

  test("the output types are read from the functions' declared types", () => {
    const fn = Object.fromEntries(built.kinds.map((k) => [k.kind, k.functionName]));
    expect(fn["disability-benefits"]).toBe("computeDisabilityBenefits");
    // the kind declared inline in src/scenario/kinds.ts: its function returns the output itself
    expect(fn["dependant-qualification"]).toBe("qualifiesAsDependant");
    expect(OUTPUT_FIELDS["dependant-qualification"]).toEqual(["qualifies", "basis", "age", "payableUntil", "reasons", "citations"]);
    expect(OUTPUT_FIELDS["service-fee"]).toEqual(["fixedPart", "floatingPart", "total", "floatingPercent"]);
  });

  test("the shared definitions are the named interfaces the outputs and the explanation use", () => {
    expect(Object.keys(OUTPUT_DEFINITIONS)).toEqual(expect.arrayContaining(["Bilingual", "ExplanationStep", "RenderedCitation", "UsedParameter", "CostItem"]));
    expect(lib.outputJsonSchema("liability").$defs).toEqual({
      Bilingual: OUTPUT_DEFINITIONS.Bilingual, CheckCitation: OUTPUT_DEFINITIONS.CheckCitation, CostItem: OUTPUT_DEFINITIONS.CostItem,
    });
    // a kind with only inline types has no $defs
    expect(lib.outputJsonSchema("service-fee")).not.toHaveProperty("$defs");
  });
});

describe("what the schemas say, read from the types and their TSDoc", () => {
  const props = (kind: string): Record<string, Schema> => lib.outputJsonSchema(kind).properties as Record<string, Schema>;
  const MONEY = "^-?\\d+\\.\\d{2}$";
  const DECIMAL = "^-?\\d+(\\.\\d+)?$";

  test("service fee: money with two places and its TSDoc, the percentage a decimal, all required", () => {
    const p = props("service-fee");
    expect(p.floatingPart).toEqual({ description: "floatingPercent × benefit spending, rounded half-up to the fen.", type: "string", pattern: MONEY });
    expect(p.floatingPercent).toEqual({ type: "string", pattern: DECIMAL });
    expect(lib.outputJsonSchema("service-fee")).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://zhishang.dev/schemas/service-fee.output.json",
      required: ["fixedPart", "floatingPart", "total", "floatingPercent"],
      additionalProperties: false,
    });
  });

  test("nullable fields allow null; string unions are enums; optional fields are not required", () => {
    const d = props("disability-benefits");
    expect(d.oneTimeDisabilitySubsidy).toEqual({ type: ["string", "null"], pattern: MONEY });
    expect(d.benefitBaseExact).toMatchObject({ type: "string", pattern: DECIMAL });
    expect(props("gap-sharing").method).toEqual({ type: "string", enum: ["benefit-spend-share", "own-balance"] });
    expect(props("liability").rule).toEqual({
      type: ["string", "null"], enum: ["designated-place", "active-order", "first-accepted-same-route", "last-completed-order", null],
    });
    // the income figure is a decimal, not money: the table holds whole yuan ("54188")
    expect(props("death-benefits").nationalUrbanDisposableIncome).toMatchObject({
      type: ["object", "null"], properties: { value: { type: "string", pattern: DECIMAL }, year: { type: "integer" } },
    });
    const step = OUTPUT_DEFINITIONS.ExplanationStep as { required: string[]; properties: Record<string, Schema> };
    expect(step.required).not.toContain("rounding");
    expect(step.required).not.toContain("notes");
    expect(step.properties.step).toEqual({ description: "1-based position in the explanation.", type: "integer" });
  });

  test("dates carry format date and a pattern, months a pattern", () => {
    const c = props("declaration-deadline");
    expect(c.deadline).toMatchObject({ type: "string", format: "date", pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$" });
    expect(c.orderMonth).toMatchObject({ type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$" });
    expect(props("claim-deadlines").confirmationDeadline).toMatchObject({ type: ["string", "null"], format: "date" });
  });

  test("an unknown kind is INVALID_INPUT at kind", () => {
    const r = (() => {
      try {
        return lib.outputJsonSchema("nope");
      } catch (e) {
        return e;
      }
    })();
    expect(lib.isZhishangError(r) && [r.code, r.path]).toEqual(["INVALID_INPUT", ["kind"]]);
    expect(() => lib.outputJsonSchema("constructor")).toThrow(lib.ZhishangError);
  });

  test("each call gives a fresh copy", () => {
    const a = lib.outputJsonSchema("service-fee");
    (a.properties as Record<string, unknown>).total = null;
    expect((lib.outputJsonSchema("service-fee").properties as Record<string, Schema>).total?.type).toBe("string");
    const e = lib.explanationJsonSchema();
    (e.$defs as Record<string, unknown>).Bilingual = null;
    expect((lib.explanationJsonSchema().$defs as Record<string, unknown>).Bilingual).not.toBeNull();
  });
});

describe("every fixture's output and explanation conform to the schemas", () => {
  test("there are fixtures of every kind", () => {
    expect(evaluated.length).toBeGreaterThan(150);
    expect(new Set(evaluated.map((f) => f.scenario.kind))).toEqual(new Set(kinds));
  });

  test.each(evaluated.map((f) => [f.file, f] as const))("%s", (_file, { scenario, result }) => {
    const fields = OUTPUT_FIELDS[scenario.kind] ?? [];
    const output = result.output as Record<string, unknown>;
    // every field of the output is listed, and every field the schema requires is there
    expect(Object.keys(output).filter((k) => !fields.includes(k))).toEqual([]);
    const required = lib.outputJsonSchema(scenario.kind).required as string[];
    expect(required.filter((k) => !(k in output))).toEqual([]);
    expect(outputErrors(scenario.kind, output)).toEqual([]);
    expect(errorsOf(explanationValidator, result.explanation)).toEqual([]);
  });

  test("every field of every kind's output appears in some fixture", () => {
    const seen = new Map(kinds.map((k) => [k, new Set<string>()]));
    for (const f of evaluated) for (const k of Object.keys(f.result.output as object)) seen.get(f.scenario.kind)?.add(k);
    for (const k of kinds) expect([...(seen.get(k) ?? [])].sort(), k).toEqual([...(OUTPUT_FIELDS[k] ?? [])].sort());
  });
});

describe("the schemas refuse what the types do not allow", () => {
  const fee = lib.evaluateScenario({
    id: "fee", province: "qinghai", kind: "service-fee",
    input: { annualFunding: "10000000.00", annualBenefitSpend: "6000000.00", floatingPercent: "1.5" },
  });
  const feeOut = fee.output as Record<string, unknown>;
  const deadline = lib.evaluateScenario({ id: "d", province: "qinghai", kind: "declaration-deadline", input: { declarationMonth: "2026-10" } });
  const deadlineOut = deadline.output as Record<string, unknown>;

  test("the outputs checked here are valid as computed", () => {
    // 3% × 10,000,000 + 1% × 6,000,000 = 360,000.00; 1.5% × 6,000,000 = 90,000.00
    expect(feeOut).toMatchObject({ fixedPart: "360000.00", floatingPart: "90000.00", total: "450000.00" });
    expect(outputErrors("service-fee", feeOut)).toEqual([]);
    // 1–7 October 2026 off (7 days in the period): the 15th (Thursday) + 7 working days = 16, 19–23, 26 October
    expect(deadlineOut).toMatchObject({ deadline: "2026-10-26", holidayDaysInPeriod: 7, rule: "holiday-deferral", orderMonth: "2026-09" });
    expect(outputErrors("declaration-deadline", deadlineOut)).toEqual([]);
  });

  test.each([
    ["money with one decimal place", "service-fee", { ...feeOut, total: "450000.0" }],
    ["money as a number", "service-fee", { ...feeOut, total: 450000 }],
    ["a decimal with a comma", "service-fee", { ...feeOut, floatingPercent: "1,5" }],
    ["a field the type has not", "service-fee", { ...feeOut, extra: "1.00" }],
    ["a missing required field", "service-fee", (({ total: _t, ...rest }) => rest)(feeOut)],
    ["null where the type has no null", "service-fee", { ...feeOut, total: null }],
    ["a date that does not exist", "declaration-deadline", { ...deadlineOut, deadline: "2026-02-30" }],
    ["a date-time for a date", "declaration-deadline", { ...deadlineOut, deadline: "2026-10-26T00:00:00Z" }],
    ["a month 13", "declaration-deadline", { ...deadlineOut, orderMonth: "2026-13" }],
    ["a value outside the enum", "declaration-deadline", { ...deadlineOut, rule: "weekend" }],
    ["a fractional count", "declaration-deadline", { ...deadlineOut, holidayDaysInPeriod: 1.5 }],
  ])("refuses %s", (_what, kind, value) => {
    expect(outputErrors(kind, value).length).toBeGreaterThan(0);
  });

  test.each([
    ["a step without its rule", (s: Schema) => { const { rule: _r, ...rest } = s; return rest; }],
    ["a step number that is not an integer", (s: Schema) => ({ ...s, step: 1.5 })],
    ["a parameter with an unknown provenance", (s: Schema) => ({ ...s, parameters: [{ name: "x", value: 1, provenance: "guess", citations: [] }] })],
    ["a note in one language", (s: Schema) => ({ ...s, notes: [{ en: "only English" }] })],
    ["an unknown field on a step", (s: Schema) => ({ ...s, weight: 1 })],
  ])("the explanation schema refuses %s", (_what, change) => {
    const steps = fee.explanation as unknown as Schema[];
    expect(errorsOf(explanationValidator, steps)).toEqual([]);
    expect(errorsOf(explanationValidator, [change(steps[0] as Schema), ...steps.slice(1)]).length).toBeGreaterThan(0);
  });
});
