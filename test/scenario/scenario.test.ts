import { describe, expect, test } from "vitest";
import { evaluateScenario, kindNames, runScenario, safeEvaluateScenario, scenarioJsonSchema } from "../../src/index.js";

const grade4 = {
  id: "qinghai-grade4-disability",
  title: "青海：四级伤残",
  province: "qinghai",
  kind: "disability-benefits",
  input: { grade: 4, avgMonthlyWage: "6000.00" },
  expect: { oneTimeDisabilitySubsidy: "75600.00", monthlyDisabilityAllowance: "2700.00" },
};

describe("the scenario contract (docs/scenarios.md)", () => {
  test("the example of the contract passes", () => {
    const r = runScenario(grade4);
    expect(r).toMatchObject({ id: "qinghai-grade4-disability", pass: true, mismatches: [] });
    expect((r.output as Record<string, unknown>).benefitBase).toBe("3600.00");
  });

  test("a wrong expectation is reported with its path, expected and actual values", () => {
    // 21 × 3600 = 75600.00; 75% × 3600 = 2700.00
    const r = runScenario({ ...grade4, expect: { oneTimeDisabilitySubsidy: "75600.01", monthlyDisabilityAllowance: "2700.00", oneTimeAllowance: "0.00" } });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toEqual([
      { path: "output.oneTimeDisabilitySubsidy", expected: "75600.01", actual: "75600.00" },
      { path: "output.oneTimeAllowance", expected: "0.00", actual: null },
    ]);
    // a field the kind never outputs makes the scenario defective (test/scenario/runner-validation.test.ts)
    expect(runScenario({ ...grade4, expect: { missing: 1 } }).error?.code).toBe("SCENARIO_INVALID");
  });

  test("decimal strings compare by value; arrays by length and element", () => {
    expect(runScenario({ ...grade4, expect: { oneTimeDisabilitySubsidy: "75600", benefitBase: "3600.0" } }).pass).toBe(true);
    const death = {
      id: "d", province: "qinghai", kind: "death-benefits",
      input: { avgMonthlyWage: "6000", deathDate: "2026-08-01", context: "death-from-injury", dependants: [{ relation: "spouse" }] },
    };
    expect(runScenario({ ...death, expect: { dependantPensions: ["1440.00"] } }).pass).toBe(true);
    expect(runScenario({ ...death, expect: { dependantPensions: ["1440.00", "0.00"] } }).pass).toBe(false);
    expect(runScenario({ ...death, expect: { nationalUrbanDisposableIncome: { year: 2025 } } }).pass).toBe(true);
  });

  test("expectError matches the code (and the path when given)", () => {
    const bad = { ...grade4, input: { grade: 11, avgMonthlyWage: "6000" }, expect: undefined };
    delete (bad as Record<string, unknown>).expect;
    expect(runScenario({ ...bad, expectError: { code: "INVALID_INPUT", path: ["input", "grade"] } }).pass).toBe(true);
    expect(runScenario({ ...bad, expectError: { code: "RULE_NOT_IN_FORCE" } }).pass).toBe(false);
    const ok = { ...grade4 } as Record<string, unknown>;
    delete ok.expect;
    expect(runScenario({ ...ok, expectError: { code: "INVALID_INPUT" } }).pass).toBe(false);
  });

  test("an unexpected error fails the run and carries the error", () => {
    const r = runScenario({ ...grade4, input: { grade: 4, avgMonthlyWage: "6000", accidentDate: "2026-01-01" } });
    expect(r.pass).toBe(false);
    expect(r.error).toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["input", "accidentDate"] });
  });

  test("options.strict and overrides reach the rules", () => {
    const sh = { id: "s", province: "shanghai", kind: "disability-benefits", input: { grade: 10, avgMonthlyWage: "10000" } };
    expect(safeEvaluateScenario({ ...sh, options: { strict: true } })).toMatchObject({ ok: false, error: { code: "ASSUMED_PARAMETER_REFUSED" } });
    // override 0.6: 10000 × 0.6 × 7 months = 42000
    const r = evaluateScenario({ ...sh, options: { strict: true }, overrides: { "benefit.baseFactor": "0.6" } });
    expect((r.output as Record<string, unknown>).oneTimeDisabilitySubsidy).toBe("42000.00");
    const used = r.explanation.flatMap((s) => s.parameters).find((p) => p.name === "benefit.baseFactor");
    expect(used?.provenance).toBe("caller");
    expect(() => evaluateScenario({ ...sh, overrides: { "no.such": 1 } })).toThrow(expect.objectContaining({ path: ["overrides", "no.such"] }));
  });

  test("envelope errors: unknown kind, unknown province, unknown top-level field, prototype keys", () => {
    expect(() => evaluateScenario({ ...grade4, kind: "nope" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["kind"] }));
    expect(() => evaluateScenario({ ...grade4, province: "beijing" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["province"] }));
    expect(() => evaluateScenario({ ...grade4, extra: true })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    const hostile = JSON.parse('{"id":"h","province":"qinghai","kind":"disability-benefits","input":{"grade":4,"avgMonthlyWage":"6000","__proto__":{"polluted":true}}}');
    expect(() => evaluateScenario(hostile)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => evaluateScenario("not an object")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });

  test("every kind publishes a JSON Schema built from the same zod schema", () => {
    expect(kindNames()).toEqual(expect.arrayContaining(["disability-benefits", "death-benefits", "living-guarantee"]));
    for (const kind of kindNames()) {
      const s = scenarioJsonSchema(kind) as { properties: Record<string, { const?: string; properties?: Record<string, unknown> }>; required: string[] };
      expect(s.properties.kind?.const).toBe(kind);
      expect(s.required).toEqual(expect.arrayContaining(["id", "kind", "input"]));
      // province may be left out when the scenario carries its rule set (docs/rule-sets.md)
      expect(s.required).not.toContain("province");
      expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(["province", "ruleSet"]));
    }
    const d = scenarioJsonSchema("disability-benefits") as { properties: { input: { properties: Record<string, unknown>; required: string[] } } };
    expect(d.properties.input.required).toEqual(["grade", "avgMonthlyWage"]);
    expect(d.properties.input.properties.grade).toMatchObject({ type: "integer", minimum: 1, maximum: 10 });
  });
});
