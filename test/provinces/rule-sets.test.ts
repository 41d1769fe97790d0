import { describe, expect, test } from "vitest";
import { getRuleSet, PROVINCES, RULE_SETS, ruleSetToFile, validateRuleSet, RuleSetRegistry } from "../../src/provinces/index.js";
import { resolveOptions, RuleContext } from "../../src/provinces/index.js";
import { ZhishangError } from "../../src/core/errors.js";

describe("province rule sets", () => {
  test.each(PROVINCES)("%s validates against the schema and is frozen", (p) => {
    const rs = getRuleSet(p);
    expect(validateRuleSet(ruleSetToFile(rs), RuleSetRegistry.empty())).toEqual([]);
    expect(rs.extends).toBe("national");
    expect(Object.isFrozen(rs)).toBe(true);
    expect(Object.isFrozen(rs.params["benefit.baseFactor"].provenance)).toBe(true);
    expect(() => {
      (rs.params as unknown as Record<string, unknown>)["benefit.baseFactor"] = null;
    }).toThrow(TypeError);
  });

  test("start dates per docs/sources.md#A", () => {
    const from = Object.fromEntries(PROVINCES.map((p) => [p, getRuleSet(p).params["coverage.inForceFrom"].value]));
    expect(from).toEqual({
      qinghai: "2026-07-01",
      shanghai: "2022-07-01",
      guangxi: "2025-07-01",
      "inner-mongolia": "2026-07-01",
      zhejiang: "2025-07-01",
    });
  });

  test("benefit base factor: Qinghai 60% from its seed, the others 100% assumed (docs/decisions.md#C3)", () => {
    const q = getRuleSet("qinghai").params["benefit.baseFactor"];
    expect(q.value).toBe("0.6");
    expect(q.provenance.kind).toBe("seed");
    for (const p of ["shanghai", "guangxi", "inner-mongolia", "zhejiang"] as const) {
      const f = getRuleSet(p).params["benefit.baseFactor"];
      expect(f.value).toBe("1");
      expect(f.provenance.kind).toBe("assumed");
    }
  });

  test("Qinghai's benefit structure is seed; the silent provinces carry it as national", () => {
    expect(getRuleSet("qinghai").params["disability.oneTimeSubsidyMonths"].provenance.kind).toBe("seed");
    expect(getRuleSet("zhejiang").params["disability.oneTimeSubsidyMonths"].provenance.kind).toBe("national");
    expect(getRuleSet("shanghai").params["veteran.excludedBenefits"].provenance.kind).toBe("seed"); // 规程第四十二条
    expect(getRuleSet("shanghai").params["livingGuarantee.payer"].provenance.kind).toBe("seed"); // 规程第四十六条
  });

  test("every province has exactly one version today, keyed province@validFrom", () => {
    for (const p of PROVINCES) expect(RULE_SETS[p].map((r) => r.id)).toEqual([`${p}@${getRuleSet(p).validFrom}`]);
  });

  test("a date before the rule set is RULE_NOT_IN_FORCE; an unknown province is INVALID_INPUT", () => {
    expect(() => getRuleSet("qinghai", "2026-06-30")).toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE" }));
    expect(getRuleSet("qinghai", "2026-07-01").id).toBe("qinghai@2026-07-01");
    expect(() => getRuleSet("tibet" as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["province"] }));
  });
});

describe("options and overrides", () => {
  test("unknown parameter names and bad values are refused with a path", () => {
    expect(() => resolveOptions({ overrides: { "benefit.nope": 1 } })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["overrides", "benefit.nope"] }),
    );
    expect(() => resolveOptions({ overrides: { "benefit.baseFactor": 0.6 } })).toThrow(ZhishangError);
    expect(() => resolveOptions({ overrides: { "benefit.baseFactor": "-1" } })).toThrow(ZhishangError);
    expect(() => resolveOptions({ strict: "yes" as never })).toThrow(ZhishangError);
  });

  test("an override is recorded with provenance caller and satisfies strict", () => {
    const ctx = new RuleContext([getRuleSet("shanghai")], resolveOptions({ strict: true, overrides: { "benefit.baseFactor": "0.6" } }));
    const p = ctx.param("benefit.baseFactor");
    expect(p.value).toBe("0.6");
    expect(p.used.provenance).toBe("caller");
  });

  test("strict refuses an assumed parameter", () => {
    const ctx = new RuleContext([getRuleSet("guangxi")], resolveOptions({ strict: true }));
    expect(() => ctx.param("benefit.baseFactor")).toThrow(
      expect.objectContaining({ code: "ASSUMED_PARAMETER_REFUSED", path: ["overrides", "benefit.baseFactor"] }),
    );
    // a seed parameter is fine under strict
    expect(ctx.param("coverage.inForceFrom").value).toBe("2025-07-01");
  });

  test("a parameter only some provinces define is RULE_NOT_DEFINED elsewhere", () => {
    const ctx = RuleContext.create("qinghai");
    expect(() => ctx.param("medical.thirdPartyOffset")).toThrow(expect.objectContaining({ code: "RULE_NOT_DEFINED" }));
    expect(RuleContext.create("shanghai").param("medical.thirdPartyOffset").value).toBe("top-up-difference");
  });
});
