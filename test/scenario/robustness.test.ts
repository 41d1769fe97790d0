/**
 * Whatever the input, a scenario evaluation ends in a result or a typed ZhishangError — never another
 * exception — and never mutates its input.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateScenario, isZhishangError, kindNames, PROVINCES } from "../../src/index.js";

function outcome(s: unknown): "ok" | string {
  try {
    evaluateScenario(s);
    return "ok";
  } catch (e) {
    if (isZhishangError(e)) return e.code;
    throw e;
  }
}

const field = fc.oneof(
  fc.anything(),
  fc.integer({ min: -5, max: 15 }),
  fc.constantFrom("6000.00", "0.01", "1e5", "-1", "2026-08-01", "2027-02-29", "spouse", "full", "death-from-injury", ""),
  fc.array(fc.record({ relation: fc.constantFrom("spouse", "child", "x"), orphanOrSolitaryElder: fc.boolean() }), { maxLength: 5 }),
);
const names = ["grade", "avgMonthlyWage", "nursingLevel", "veteranRelapse", "basicPensionMonthly", "accidentDate", "deathDate", "context",
  "dependants", "cityMinimumLivingStandardMonthly", "treatmentStartDate", "treatmentEndDate", "assessmentConclusionDate", "relation", "sex",
  "birthDate", "asOf", "reliedOnDeceased", "avgMonthlyWage2024", "constructor", "__proto__"];

describe("robustness (property)", () => {
  test("arbitrary inputs give a result or a typed error, and leave the input untouched", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCES, "nowhere"),
        fc.constantFrom(...kindNames(), "other-kind"),
        fc.dictionary(fc.constantFrom(...names), field, { maxKeys: 8 }),
        fc.option(fc.record({ strict: fc.boolean() }), { nil: undefined }),
        (province, kind, input, options) => {
          const scenario = { id: "fuzz", province, kind, input, ...(options ? { options } : {}) };
          const before = JSON.stringify(scenario);
          const result = outcome(scenario);
          expect(typeof result).toBe("string");
          expect(JSON.stringify(scenario)).toBe(before);
        },
      ),
      { seed: 42, numRuns: 1500 },
    );
  });

  test("completely arbitrary documents are refused with INVALID_INPUT", () => {
    fc.assert(
      fc.property(fc.anything(), (doc) => {
        const r = outcome(doc);
        expect(r === "ok" || r === "INVALID_INPUT").toBe(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  test("hostile documents: prototype keys, huge strings, deep nesting", () => {
    const proto = JSON.parse('{"id":"p","province":"qinghai","kind":"disability-benefits","input":{"grade":4,"avgMonthlyWage":"6000"},"__proto__":{"x":1}}');
    expect(outcome(proto)).toBe("INVALID_INPUT");
    const ctor = { id: "c", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000", constructor: { prototype: { y: 1 } } } };
    expect(outcome(ctor)).toBe("INVALID_INPUT");
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const huge = { id: "h", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "9".repeat(10_000_000) } };
    const t0 = performance.now();
    expect(outcome(huge)).toBe("INVALID_INPUT");
    expect(outcome({ ...huge, id: "x".repeat(10_000_000) })).toBe("INVALID_INPUT");
    let deep: unknown = 1;
    for (let k = 0; k < 5000; k++) deep = { a: deep };
    expect(outcome({ id: "d", province: "qinghai", kind: "disability-benefits", input: deep })).toBe("INVALID_INPUT");
    expect(performance.now() - t0).toBeLessThan(5000); // bounded: a generous ceiling, not a benchmark
  });
});
