/**
 * The compiled input parsers (`compiled`, src/core/validate.ts) and the one-layout copy of a parsed input
 * (`fixedLayout`): every kind's input schema is compiled by z.compile, and the compiled parser gives what zod's own
 * parser gives — the same data on a valid input, the same issues on an invalid one — over every fixture's input
 * and over inputs derived from them with fields changed, removed and added.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { compiled, fixedLayout, withoutLazy } from "../src/core/validate.js";
import { SCENARIO_KINDS } from "../src/scenario/kinds.js";
import { eligibilityInputSchema } from "../src/eligibility/input.js";

const ROOT = join(import.meta.dirname, "..");
const INPUTS: Array<{ file: string; kind: string; input: unknown }> = readdirSync(join(ROOT, "fixtures")).sort().flatMap((p) =>
  readdirSync(join(ROOT, "fixtures", p)).filter((f) => f.endsWith(".json")).map((f) => {
    const doc = JSON.parse(readFileSync(join(ROOT, "fixtures", p, f), "utf8")) as { kind: string; input: unknown };
    return { file: `${p}/${f}`, kind: doc.kind, input: doc.input };
  }));
const SCHEMA = new Map(SCENARIO_KINDS.map((k) => [k.kind, k.input]));

/** What a parse gave, comparable with toEqual: the data, or the issues. */
function outcome(schema: z.ZodType, value: unknown): unknown {
  const r = schema.safeParse(value);
  return r.success ? { data: r.data } : { issues: r.error.issues };
}

describe("compiled input parsers", () => {
  test("every kind's input schema is compiled (no z.lazy inside another keeps z.compile from it)", () => {
    expect(SCENARIO_KINDS.length).toBe(15);
    for (const k of SCENARIO_KINDS) expect(compiled(k.input), k.kind).not.toBe(k.input);
    // the same compiled parser every time
    expect(compiled(eligibilityInputSchema)).toBe(compiled(eligibilityInputSchema));
    // a kind's input is a z.lazy; what z.compile takes is the object it yields
    expect(withoutLazy(eligibilityInputSchema)).toBeInstanceOf(z.ZodObject);
    expect(withoutLazy(eligibilityInputSchema)).not.toBe(eligibilityInputSchema);
  });

  test("every fixture's input: the same data or the same issues", () => {
    // 279 fixtures, the refused ones (expectError) included
    expect(INPUTS.length).toBeGreaterThan(250);
    for (const { file, kind, input } of INPUTS) {
      const schema = SCHEMA.get(kind);
      if (schema === undefined) continue;
      expect(outcome(compiled(schema), input), file).toEqual(outcome(schema, input));
    }
  });

  test("inputs with a field changed, removed or added: the same data or the same issues", () => {
    const objects = INPUTS.filter((x) => typeof x.input === "object" && x.input !== null && SCHEMA.has(x.kind));
    const value = fc.oneof(
      fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 3000 }), fc.double(),
      fc.constantFrom("", "2026-08-03", "2026-02-30", "2026-08-03T12:10:00+08:00", "meituan", "X", "1.5", "6000.00", "on-order"),
      fc.array(fc.integer(), { maxLength: 2 }), fc.constant({}),
    );
    fc.assert(
      fc.property(fc.constantFrom(...objects), fc.nat(), value, fc.constantFrom("change", "remove", "add"), (x, pick, v, how) => {
        const input = { ...(x.input as Record<string, unknown>) };
        const keys = Object.keys(input);
        const key = how === "add" || keys.length === 0 ? "extraField" : (keys[pick % keys.length] as string);
        if (how === "remove") delete input[key];
        else input[key] = v;
        const schema = SCHEMA.get(x.kind) as z.ZodType;
        expect(outcome(compiled(schema), input), `${x.file} ${how} ${key}`).toEqual(outcome(schema, input));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("fixedLayout", () => {
  const layout = fixedLayout(eligibilityInputSchema);
  const parsed = eligibilityInputSchema.parse({
    accidentAt: "2026-08-03T12:10:00+08:00", platform: "meituan", activity: "on-order", event: "traffic-accident", intoxicated: true,
  });

  test("every field of the schema in its order; the given values, undefined for the others", () => {
    const copy = layout(parsed);
    const shape = Object.keys((withoutLazy(eligibilityInputSchema) as z.ZodObject).shape);
    // 24 fields: accidentAt … singleWorkInjuryInsurance
    expect(shape).toHaveLength(24);
    expect(Object.keys(copy)).toEqual(shape);
    expect(copy.accidentAt).toBe("2026-08-03T12:10:00+08:00");
    expect(copy.intoxicated).toBe(true);
    expect(copy.died).toBeUndefined();
    expect(copy).not.toBe(parsed);
    // the defined fields are the parsed input's
    expect(Object.fromEntries(Object.entries(copy).filter(([, v]) => v !== undefined))).toEqual(parsed);
  });

  test("two inputs with different fields given have one key order", () => {
    const other = layout(eligibilityInputSchema.parse({
      died: true, event: "sudden-illness", activity: "on-order", platform: "eleme", accidentAt: "2026-08-03T12:10:00+08:00",
    }));
    expect(Object.keys(other)).toEqual(Object.keys(layout(parsed)));
  });
});
