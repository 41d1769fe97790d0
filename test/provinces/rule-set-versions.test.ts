/**
 * Rule sets as data, through the API: a province that is not bundled (docs/examples/rule-sets/jiangsu.json), a
 * second version of Qinghai from 2028-01-01 (docs/examples/rule-sets/qinghai-2028.json) chosen by the case date,
 * inline rule sets in a scenario, overrides that keep their citations, and files refused with the path of the bad
 * value.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  bundledRuleSets,
  computeDisabilityBenefits,
  evaluateScenario,
  loadRuleSet,
  RuleSetRegistry,
  ruleSetToFile,
  validateRuleSet,
} from "../../src/index.js";
import { thrown } from "../support/errors.js";

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "docs", "examples", "rule-sets", `${name}.json`), "utf8")) as Record<string, unknown>;

const QINGHAI_2028 = example("qinghai-2028");
const JIANGSU = example("jiangsu");
const registry = bundledRuleSets().load(QINGHAI_2028).load(JIANGSU);

describe("versions chosen by the case date", () => {
  // Qinghai 第二十六条第二款: grade 4, 21 months of the base. Wage 6,000.00.
  // Until 2027-12-31 (version 2026-07-01, base factor 0.6): base 3,600.00, subsidy 21 × 3,600 = 75,600.00.
  // From 2028-01-01 (version 2028-01-01, factor 0.7 in the example file): base 4,200.00, subsidy 21 × 4,200 = 88,200.00.
  test("a 2027 accident uses the 2026 version, a 2028 accident the 2028 version", () => {
    const before = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00", accidentDate: "2027-12-31" }, { registry });
    expect(before.ruleSet).toBe("qinghai@2026-07-01");
    expect(before.value.benefitBase).toBe("3600.00");
    expect(before.value.oneTimeDisabilitySubsidy).toBe("75600.00");
    const after = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00", accidentDate: "2028-01-01" }, { registry });
    expect(after.ruleSet).toBe("qinghai@2028-01-01");
    expect(after.value.benefitBase).toBe("4200.00");
    expect(after.value.oneTimeDisabilitySubsidy).toBe("88200.00");
    expect(after.assumptions.map((a) => a.name)).toEqual(["benefit.baseFactor"]);
  });

  test("the first step names the version used and its dates", () => {
    const before = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00", accidentDate: "2027-12-31" }, { registry });
    expect(before.explanation[0]?.rule).toBe("coverage.in-force");
    expect(before.explanation[0]?.notes?.[1]).toEqual({
      zh: "适用规则集版本 qinghai@2026-07-01（2026-07-01 起，至 2028-01-01 前）",
      en: "rule-set version used: qinghai@2026-07-01 (from 2026-07-01, until 2028-01-01)",
    });
    const undated = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" });
    expect(undated.explanation[0]).toMatchObject({ step: 1, rule: "rule-set.version", result: "qinghai@2026-07-01" });
  });

  test("without the case date, a province with two versions asks for it", () => {
    expect(thrown(() => computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" }, { registry }))).toMatchObject({
      code: "INVALID_INPUT",
      path: ["accidentDate"],
      messageEn: "qinghai has 2 rule-set versions (qinghai@2026-07-01, qinghai@2028-01-01): give the accident date to choose one",
    });
  });

  test("a date before the first version, or in a gap between versions, is RULE_NOT_IN_FORCE naming the versions", () => {
    expect(thrown(() => computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00", accidentDate: "2026-06-30" }, { registry }))).toMatchObject({
      code: "RULE_NOT_IN_FORCE",
      path: ["accidentDate"],
      messageEn: "Qinghai's rules are in force from 2026-07-01; 2026-06-30 is before that (versions: qinghai@2026-07-01 (2026-07-01 to 2027-12-31), qinghai@2028-01-01 (2028-01-01 to open))",
    });
    // The 2026 version closed at 2026-12-31: 2027 is a gap until the 2028 version.
    const closed = loadRuleSet({ ...ruleSetToFile(bundledRuleSets().versions("qinghai")[0]!), validTo: "2026-12-31" }, RuleSetRegistry.empty());
    const gap = RuleSetRegistry.empty().with(closed, loadRuleSet(QINGHAI_2028));
    expect(thrown(() => computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00", accidentDate: "2027-05-01" }, { registry: gap }))).toMatchObject({
      code: "RULE_NOT_IN_FORCE",
      messageEn: "no version of Qinghai's rules is in force on 2027-05-01 (versions: qinghai@2026-07-01 (2026-07-01 to 2026-12-31), qinghai@2028-01-01 (2028-01-01 to open))",
    });
  });

  test("the versions may be passed directly instead of a registry", () => {
    const versions = registry.versions("qinghai");
    expect(computeDisabilityBenefits(versions, { grade: 4, avgMonthlyWage: "6000.00", accidentDate: "2028-06-01" }).ruleSet).toBe("qinghai@2028-01-01");
    expect(computeDisabilityBenefits(versions[0]!, { grade: 4, avgMonthlyWage: "6000.00", accidentDate: "2028-06-01" }).value.benefitBase).toBe("3600.00");
  });
});

describe("a province that is not bundled", () => {
  // Jiangsu (worked example): national structure, base factor 1 (assumed). Grade 4, wage 6,000.00: base 6,000.00,
  // subsidy 21 × 6,000 = 126,000.00; allowance 75% × 6,000 = 4,500.00.
  test("through the API with a registry, and as a rule-set object", () => {
    const r = computeDisabilityBenefits("jiangsu", { grade: 4, avgMonthlyWage: "6000.00", accidentDate: "2027-03-01" }, { registry });
    expect(r.ruleSet).toBe("jiangsu@2027-01-01");
    expect(r.value.oneTimeDisabilitySubsidy).toBe("126000.00");
    expect(r.value.monthlyDisabilityAllowance).toBe("4500.00");
    expect(r.assumptions.map((a) => a.name)).toEqual(["coverage.inForceFrom", "benefit.baseFactor"]);
    expect(computeDisabilityBenefits(JIANGSU as never, { grade: 4, avgMonthlyWage: "6000.00" }).value.oneTimeDisabilitySubsidy).toBe("126000.00");
    expect(thrown(() => computeDisabilityBenefits("jiangsu", { grade: 4, avgMonthlyWage: "6000.00" }))).toMatchObject({ code: "INVALID_INPUT", path: ["province"] });
  });

  test("inline in a scenario, without province", () => {
    const r = evaluateScenario({ id: "js", kind: "disability-benefits", ruleSet: JIANGSU, input: { grade: 4, avgMonthlyWage: "6000.00" } });
    expect((r.output as { oneTimeDisabilitySubsidy: string }).oneTimeDisabilitySubsidy).toBe("126000.00");
    expect(r.ruleSet).toBe("jiangsu@2027-01-01");
    // and a bad value inside the inline rule set is reported inside `ruleSet`
    const bad = { ...JIANGSU, params: { ...(JIANGSU.params as object), "benefit.baseFactor": { value: "abc", provenance: { kind: "seed", citations: [{ doc: "national-measures" }] } } } };
    expect(thrown(() => evaluateScenario({ id: "js", kind: "disability-benefits", ruleSet: bad, input: { grade: 4, avgMonthlyWage: "6000.00" } })))
      .toMatchObject({ code: "RULE_SET_INVALID", path: ["ruleSet", "params", "benefit.baseFactor", "value"] });
  });

  test("its own platform id is data: the example's sujian-paotui is on its list", () => {
    const js = registry.versions("jiangsu")[0]!;
    expect(js.params["coverage.pilotPlatforms"].value.map((p) => p.platform)).toEqual(["meituan", "didi", "sujian-paotui"]);
    expect(js.documents["jiangsu-measures"]?.zh).toBe("江苏省新就业形态人员职业伤害保障实施办法（示例，原文未在手）");
  });
});

describe("overrides keep the law behind the value", () => {
  // Qinghai grade 4, wage 6,000.00 with benefit.baseFactor 0.5: base 3,000.00, subsidy 21 × 3,000 = 63,000.00.
  test("provenance caller, the replaced value, the rule set's citations, and a modified rule-set id", () => {
    const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" }, { overrides: { "benefit.baseFactor": "0.5" } });
    expect(r.value.oneTimeDisabilitySubsidy).toBe("63000.00");
    expect(r.ruleSet).toBe("qinghai@2026-07-01+overrides");
    expect(r.overridden).toEqual(["benefit.baseFactor"]);
    const used = r.explanation.flatMap((s) => s.parameters).find((p) => p.name === "benefit.baseFactor");
    expect(used).toMatchObject({ value: "0.5", provenance: "caller", replaced: "0.6" });
    expect(used?.citations.map((c) => c.id)).toEqual([
      "qinghai-measures#art25", "qinghai-measures#art26", "qinghai-measures#art27", "qinghai-measures#art28", "qinghai-measures#art29",
    ]);
    // an override the computation does not read leaves the id as it is
    expect(computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" }, { overrides: { "fund.serviceFee": { fundingPercent: "3", benefitSpendPercent: "1", floatingMaxPercentOfBenefitSpend: "2" } } }).ruleSet)
      .toBe("qinghai@2026-07-01");
  });
});

describe("invalid rule-set files are refused with the path of the bad value", () => {
  const cases: Array<[string, Record<string, unknown>, Array<string | number>]> = [
    ["a bad parameter value", { ...QINGHAI_2028, params: { "benefit.baseFactor": { value: "abc", provenance: { kind: "seed", citations: [{ doc: "qinghai-measures" }] } } } }, ["params", "benefit.baseFactor", "value"]],
    ["an unknown parameter", { ...QINGHAI_2028, params: { "benefit.baseFactr": { value: "0.7", provenance: { kind: "seed", citations: [{ doc: "qinghai-measures" }] } } } }, ["params", "benefit.baseFactr"]],
    ["a citation of an unknown document", { ...QINGHAI_2028, params: { "benefit.baseFactor": { value: "0.7", provenance: { kind: "seed", citations: [{ doc: "qinghai-2028-measures" }] } } } }, ["params", "benefit.baseFactor", "provenance", "citations", 0, "doc"]],
    ["extends of an unknown rule set", { ...QINGHAI_2028, extends: "qinghai@2025-01-01" }, ["extends"]],
    ["an id that is not province@validFrom", { ...QINGHAI_2028, id: "qinghai@2028" }, ["id"]],
    ["a province id in capitals", { ...JIANGSU, province: "Jiangsu" }, ["province"]],
    ["a required parameter missing", { ...JIANGSU, params: {} }, ["params", "coverage.inForceFrom"]],
    ["validTo before validFrom", { ...QINGHAI_2028, validTo: "2027-01-01" }, ["validTo"]],
  ];
  test.each(cases)("%s", (_, file, path) => {
    const errors = validateRuleSet(file);
    expect(errors[0]).toMatchObject({ code: "RULE_SET_INVALID", path });
    expect(errors[0]?.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(thrown(() => loadRuleSet(file))).toMatchObject({ code: "RULE_SET_INVALID", path });
  });

  test("a version already loaded is refused", () => {
    expect(thrown(() => registry.load(QINGHAI_2028))).toMatchObject({ code: "RULE_SET_INVALID", path: ["id"] });
  });
});

describe("the bundled rule sets are files in the same format", () => {
  test.each(bundledRuleSets().provinces())("%s: ruleSetToFile loads back unchanged", (province) => {
    for (const v of bundledRuleSets().versions(province)) {
      const file = JSON.parse(JSON.stringify(ruleSetToFile(v))) as unknown;
      expect(validateRuleSet(file, RuleSetRegistry.empty())).toEqual([]);
      const back = loadRuleSet(file, RuleSetRegistry.empty());
      expect(JSON.stringify(ruleSetToFile(back))).toBe(JSON.stringify(ruleSetToFile(v)));
    }
  });
});
