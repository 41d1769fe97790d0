import { describe, expect, test } from "vitest";
import { computeThirdPartyMedicalOffset } from "../../src/benefits/medical-offset.js";
import { kindOf } from "../../src/provinces/rule.js";
import { findKind } from "../../src/scenario/kinds.js";

describe("third-party medical offset — Shanghai 规程第三十四条（三）", () => {
  test("the fund pays the shortfall only", () => {
    // 30000 − 18000 = 12000 paid by the fund; 18000 offset
    const r = computeThirdPartyMedicalOffset("shanghai", { occupationalMedicalCost: "30000.00", thirdPartyMedicalCompensation: "18000.00" });
    expect(r.value).toEqual({ fundPays: "12000.00", offset: "18000.00" });
    // compensation above the cost → nothing more
    expect(computeThirdPartyMedicalOffset("shanghai", { occupationalMedicalCost: "5000", thirdPartyMedicalCompensation: "8000.50" }).value).toEqual({ fundPays: "0.00", offset: "5000.00" });
  });

  test("provinces without the rule: RULE_NOT_DEFINED", () => {
    expect(() => computeThirdPartyMedicalOffset("qinghai", { occupationalMedicalCost: "1", thirdPartyMedicalCompensation: "0" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_DEFINED" }),
    );
  });
});

describe("third-party medical offset — a rule declared with defineRule", () => {
  test("no case date: the first step names the province's only version, then the offset with its citation", () => {
    const r = computeThirdPartyMedicalOffset("shanghai", { occupationalMedicalCost: "100", thirdPartyMedicalCompensation: "40" });
    expect(r.explanation.map((s) => s.rule)).toEqual(["rule-set.version", "medical.third-party-offset"]);
    expect(r.explanation[0]).toMatchObject({ step: 1, result: "shanghai@2022-07-01" });
    expect(r.explanation[1]?.citations.map((c) => c.id)).toEqual(["shanghai-rules#art34.i3"]);
    expect(r.ruleSet).toBe("shanghai@2022-07-01");
  });

  test("a caller's rule where the province has none: provenance caller, nothing replaced", () => {
    const r = computeThirdPartyMedicalOffset("qinghai", { occupationalMedicalCost: "100", thirdPartyMedicalCompensation: "40" },
      { overrides: { "medical.thirdPartyOffset": "top-up-difference" } });
    expect(r.value).toEqual({ fundPays: "60.00", offset: "40.00" });
    expect(r.explanation[1]?.parameters[0]).toMatchObject({ name: "medical.thirdPartyOffset", provenance: "caller", citations: [] });
    expect(r.ruleSet).toBe("qinghai@2026-07-01+overrides");
  });

  test("the scenario kind is the rule's own declaration", () => {
    expect(findKind("third-party-medical-offset")).toBe(kindOf(computeThirdPartyMedicalOffset));
  });
});
