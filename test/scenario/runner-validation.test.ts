/**
 * The runner refuses defective scenarios (docs/scenarios.md, "Running"): an unknown kind or province, an unknown
 * envelope field, both or neither of expect / expectError, an expect field the kind never outputs fail with
 * SCENARIO_INVALID whatever they expect. Before the fix each of these passed when it expected INVALID_INPUT (the
 * envelope's own validation error was taken for the error expected), and a scenario expecting nothing passed.
 * expectError matches code, path (exactly) and message (a substring of either language's message).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { bundledRuleSets, ERROR_CODES, kindNames, OUTPUT_FIELDS, runScenario, scenarioDefects, scenarioJsonSchema } from "../../src/index.js";
import { ENVELOPE_FIELDS } from "../../src/scenario/defects.js";

const ROOT = join(import.meta.dirname, "..", "..");
const JIANGSU = JSON.parse(readFileSync(join(ROOT, "docs", "examples", "rule-sets", "jiangsu.json"), "utf8")) as Record<string, unknown>;

/** Qinghai grade 4: 6000 × 60% = 3600; 21 × 3600 = 75600 (第二十六条). */
const base = { id: "qinghai-grade4", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };
const passing = { ...base, expect: { oneTimeDisabilitySubsidy: "75600.00" } };

/** The run of `s`, reduced to what the runner decided. */
function verdict(s: unknown): { pass: boolean; code: string | undefined; path: unknown } {
  const r = runScenario(s);
  return { pass: r.pass, code: r.error?.code, path: r.error?.path };
}

describe("defective scenarios fail with SCENARIO_INVALID (the defects users hit)", () => {
  test("SCENARIO_INVALID is an error code", () => {
    expect(ERROR_CODES).toContain("SCENARIO_INVALID");
    expect(runScenario(passing)).toMatchObject({ pass: true, mismatches: [] });
  });

  test("a misspelled kind that expects INVALID_INPUT fails (it passed before)", () => {
    const typo = { ...base, kind: "disability-benefit", expectError: { code: "INVALID_INPUT" } };
    const r = runScenario(typo);
    expect(r.pass).toBe(false);
    expect(r.mismatches).toEqual([{ path: "error.code", expected: "INVALID_INPUT", actual: "SCENARIO_INVALID" }]);
    expect(r.error).toMatchObject({ code: "SCENARIO_INVALID", path: ["kind"] });
    expect(r.error?.messageEn).toMatch(/^unknown scenario kind "disability-benefit" \(did you mean "disability-benefits"\?\); the kinds are monthly-premium, /);
    expect(r.error?.messageZh).toMatch(/^未知场景类型 "disability-benefit"（是否应为“disability-benefits”？）；可用类型：monthly-premium、/);
    // with the path of the envelope error too: still no test
    expect(verdict({ ...typo, expectError: { code: "INVALID_INPUT", path: ["kind"] } })).toEqual({ pass: false, code: "SCENARIO_INVALID", path: ["kind"] });
  });

  test("a misspelled input field beside an expectError without path fails (it passed before)", () => {
    const typo = { ...base, input: { grade: 4, avgMonthlyWag: "6000.00" }, expectError: { code: "INVALID_INPUT" } };
    const r = runScenario(typo);
    expect(r).toMatchObject({ pass: false, error: { code: "SCENARIO_INVALID", path: ["input", "avgMonthlyWag"] } });
    expect(r.error?.messageEn).toBe(
      'disability-benefits has no input field "avgMonthlyWag" (did you mean "avgMonthlyWage"?) and expectError gives no path, so the error ' +
        'it expects cannot be told from the one this field causes; a test of an unknown field states the path: ["input","avgMonthlyWag"]',
    );
    // A scenario that states the path is a test: the misspelling makes avgMonthlyWage missing (zod reports it
    // first), so the path the author meant passes and the path of the misspelled field does not.
    expect(verdict({ ...typo, expectError: { code: "INVALID_INPUT", path: ["input", "avgMonthlyWage"] } })).toMatchObject({ pass: true, code: "INVALID_INPUT" });
    const other = runScenario({ ...typo, expectError: { code: "INVALID_INPUT", path: ["input", "avgMonthlyWag"] } });
    expect(other.pass).toBe(false);
    expect(other.mismatches).toEqual([{ path: "error.path", expected: ["input", "avgMonthlyWag"], actual: ["input", "avgMonthlyWage"] }]);
    // the misspelled field with expect: the unexpected INVALID_INPUT fails it, as before
    expect(verdict({ ...base, input: { grade: 4, avgMonthlyWag: "6000.00" }, expect: { benefitBase: "3600.00" } })).toMatchObject({ pass: false, code: "INVALID_INPUT" });
  });

  test("an unknown input field tested with its path passes (fixtures/zhejiang/disability-benefits-unknown-field.json)", () => {
    const s = JSON.parse(readFileSync(join(ROOT, "fixtures", "zhejiang", "disability-benefits-unknown-field.json"), "utf8")) as Record<string, unknown>;
    expect(s.expectError).toEqual({ code: "INVALID_INPUT", path: ["input", "salary"] });
    expect(runScenario(s)).toMatchObject({ pass: true, mismatches: [], error: { code: "INVALID_INPUT", path: ["input", "salary"] } });
  });

  test("both expect and expectError fail (the envelope error passed as the expected INVALID_INPUT before)", () => {
    const both = { ...passing, expectError: { code: "INVALID_INPUT" } };
    const r = runScenario(both);
    expect(r).toMatchObject({ pass: false, output: null, error: { code: "SCENARIO_INVALID", path: ["expectError"] } });
    expect(r.error?.messageEn).toBe("both expect and expectError: a scenario states the output it expects or the error, not both");
    expect(r.error?.messageZh).toBe("同时给出 expect 与 expectError：场景只能期望输出或期望错误之一");
  });

  test("neither expect nor expectError fails (it passed before: nothing was compared)", () => {
    const r = runScenario(base);
    expect(r).toMatchObject({ pass: false, output: null, error: { code: "SCENARIO_INVALID", path: [] } });
    expect(r.mismatches).toEqual([{ path: "error", expected: null, actual: "SCENARIO_INVALID" }]);
    // an expect given as undefined by a JavaScript caller is no expectation either
    expect(verdict({ ...base, expect: undefined })).toEqual({ pass: false, code: "SCENARIO_INVALID", path: [] });
  });

  test("an expect field the kind never outputs fails (it was reported as one more mismatch before)", () => {
    const r = runScenario({ ...base, expect: { oneTimeDisabilitySubsidy: "75600.00", oneTimeDisabilitySubsidyy: "75600.00" } });
    expect(r).toMatchObject({ pass: false, error: { code: "SCENARIO_INVALID", path: ["expect", "oneTimeDisabilitySubsidyy"] } });
    expect(r.error?.messageEn).toMatch(/^disability-benefits never outputs "oneTimeDisabilitySubsidyy" \(did you mean "oneTimeDisabilitySubsidy"\?\); its output fields are benefitBase, /);
    // an output field that is present but null (not applicable) is a field the kind outputs
    expect(runScenario({ ...base, expect: { oneTimeAllowance: null } }).pass).toBe(true);
  });

  test("an unknown envelope field, an unknown province, a missing input fail", () => {
    expect(verdict({ ...base, inputs: base.input, expect: { benefitBase: "3600" } })).toEqual({ pass: false, code: "SCENARIO_INVALID", path: ["inputs"] });
    const r = runScenario({ ...base, province: "qinhai", expectError: { code: "INVALID_INPUT", path: ["province"] } });
    expect(r).toMatchObject({ pass: false, error: { code: "SCENARIO_INVALID", path: ["province"] } });
    expect(r.error?.messageEn).toBe(
      'unknown province "qinhai" (did you mean "qinghai"?); the provinces are qinghai, shanghai, guangxi, inner-mongolia, zhejiang (another one with its rule set: --rule-set or ruleSet)',
    );
    const { input: _input, ...noInput } = passing;
    expect(verdict(noInput)).toEqual({ pass: false, code: "SCENARIO_INVALID", path: ["input"] });
    expect(verdict({ ...passing, options: { strikt: true } })).toEqual({ pass: false, code: "SCENARIO_INVALID", path: ["options"] });
    expect(verdict("not a scenario")).toEqual({ pass: false, code: "SCENARIO_INVALID", path: [] });
  });

  test("a province known from the registry or the scenario's own ruleSet is no defect", () => {
    const jiangsu = { ...passing, id: "jiangsu", province: "jiangsu" };
    expect(verdict(jiangsu)).toEqual({ pass: false, code: "SCENARIO_INVALID", path: ["province"] });
    const registry = bundledRuleSets().load(JIANGSU);
    expect(scenarioDefects(jiangsu, { registry })).toEqual([]);
    // Jiangsu's file has the national 100% base: 6000 × 100% × 21 = 126000
    expect(runScenario({ ...jiangsu, expect: { oneTimeDisabilitySubsidy: "126000.00" } }, { registry })).toMatchObject({ pass: true });
    const { province: _p, ...inline } = { ...jiangsu, ruleSet: JIANGSU, expect: { oneTimeDisabilitySubsidy: "126000.00" } };
    expect(runScenario(inline)).toMatchObject({ pass: true });
    expect(verdict({ ...inline, province: "zhejiang" })).toEqual({ pass: false, code: "SCENARIO_INVALID", path: ["province"] });
  });

  test("a defective scenario fails whatever it expects", () => {
    const typo = { ...base, kind: "disability-benefit" };
    const expectations = [{ expect: {} }, { expect: { benefitBase: "3600.00" } }, ...ERROR_CODES.map((code) => ({ expectError: { code } }))];
    for (const e of expectations) expect(verdict({ ...typo, ...e }), JSON.stringify(e)).toMatchObject({ pass: false, code: "SCENARIO_INVALID" });
    // SCENARIO_INVALID itself cannot be expected: no evaluation raises it
    expect(verdict({ ...base, expectError: { code: "SCENARIO_INVALID" } })).toEqual({ pass: false, code: "SCENARIO_INVALID", path: ["expectError", "code"] });
  });

  test("a malformed expectError is a defect: unknown field, unknown code, a path that is no path", () => {
    expect(verdict({ ...base, expectError: { code: "INVALID_INPUT", pth: ["input"] } })).toMatchObject({ code: "SCENARIO_INVALID", path: ["expectError", "pth"] });
    const r = runScenario({ ...base, expectError: { code: "INVALID_INPT" } });
    expect(r.error?.messageEn).toMatch(/^unknown error code "INVALID_INPT" \(did you mean "INVALID_INPUT"\?\); the codes are INVALID_INPUT, /);
    expect(verdict({ ...base, expectError: { code: "INVALID_INPUT", path: "input.grade" } })).toMatchObject({ code: "SCENARIO_INVALID", path: ["expectError", "path"] });
    expect(verdict({ ...base, expectError: { code: "INVALID_INPUT", message: "" } })).toMatchObject({ code: "SCENARIO_INVALID", path: ["expectError", "message"] });
  });

  test("several defects: one error at the first one's path, every defect in its message", () => {
    const r = runScenario({ id: "many", province: "qinghai", kind: "nope", input: {}, expect: { x: 1 }, expectError: { code: "INVALID_INPUT" } });
    expect(r.error?.path).toEqual(["kind"]);
    expect(r.error?.messageEn.split("; ").filter((p) => p.startsWith("unknown scenario kind") || p.startsWith("both expect"))).toHaveLength(2);
    expect(r.error?.messageEn).toContain("(at expectError)");
    expect(r.error?.messageZh).toContain("（位置 expectError）");
    // the kind is unknown, so its output fields are unknown: expect.x is not judged
    expect(scenarioDefects({ id: "many", province: "qinghai", kind: "nope", input: {}, expect: { x: 1 } }).map((e) => e.path)).toEqual([["kind"]]);
  });

  test("the envelope fields are those of the published schema; every kind lists its output fields", () => {
    for (const kind of kindNames()) {
      const s = scenarioJsonSchema(kind) as { properties: Record<string, unknown> };
      expect([...ENVELOPE_FIELDS].sort(), kind).toEqual(Object.keys(s.properties).sort());
      expect(OUTPUT_FIELDS[kind], kind).toBeDefined();
    }
  });
});

describe("expectError: code, path exactly, message as a substring", () => {
  /** Grade 11 is refused at ["input", "grade"]: "grade: Too big: expected number to be <=10". */
  const grade11 = { ...base, input: { grade: 11, avgMonthlyWage: "6000.00" } };

  test("the path matches exactly: a prefix or a longer path fails", () => {
    expect(verdict({ ...grade11, expectError: { code: "INVALID_INPUT", path: ["input", "grade"] } })).toMatchObject({ pass: true });
    for (const path of [["input"], ["input", "grade", 0], ["grade"], []]) {
      const r = runScenario({ ...grade11, expectError: { code: "INVALID_INPUT", path } });
      expect(r.pass, JSON.stringify(path)).toBe(false);
      expect(r.mismatches).toEqual([{ path: "error.path", expected: path, actual: ["input", "grade"] }]);
    }
  });

  test("message is found in the Chinese or the English message, else it is a mismatch", () => {
    const withMessage = (message: string) => runScenario({ ...grade11, expectError: { code: "INVALID_INPUT", path: ["input", "grade"], message } });
    expect(withMessage("Too big").pass).toBe(true);
    expect(withMessage("grade：输入无效").pass).toBe(true);
    const miss = withMessage("too small");
    expect(miss.pass).toBe(false);
    expect(miss.mismatches).toEqual([{ path: "error.message", expected: "too small", actual: miss.error?.message }]);
    expect(miss.error?.message).toBe("grade: Too big: expected number to be <=10 / grade：输入无效（应不大于10）");
  });

  test("an expectError without path passes with a warning naming the error's path", () => {
    const r = runScenario({ ...grade11, expectError: { code: "INVALID_INPUT" } });
    expect(r.pass).toBe(true);
    expect(r.warnings).toEqual([
      {
        code: "EXPECT_ERROR_WITHOUT_PATH",
        messageEn: 'expectError gives no path: any INVALID_INPUT error passes, one caused by a misspelled input field too; state the path (this run\'s error is at ["input","grade"])',
        messageZh: 'expectError 未给出 path：任何 INVALID_INPUT 错误都会通过，包括输入字段拼写错误引起的错误；请写明 path（本次的错误位于 ["input","grade"]）',
        message: expect.stringMatching(/^expectError gives no path: .* \/ expectError 未给出 path：/),
      },
    ]);
    expect(runScenario({ ...grade11, expectError: { code: "INVALID_INPUT", path: ["input", "grade"] } }).warnings).toBeUndefined();
    // an expected error that does not come: fails, and warns as well
    const none = runScenario({ ...base, expectError: { code: "INVALID_INPUT" } });
    expect(none).toMatchObject({ pass: false, mismatches: [{ path: "error.code", expected: "INVALID_INPUT", actual: null }] });
    expect(none.warnings?.[0]?.messageEn).toBe("expectError gives no path: any INVALID_INPUT error passes, one caused by a misspelled input field too; state the path");
  });
});
