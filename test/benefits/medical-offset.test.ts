import { describe, expect, test } from "vitest";
import { computeThirdPartyMedicalOffset } from "../../src/benefits/medical-offset.js";

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
