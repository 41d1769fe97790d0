import { describe, expect, test } from "vitest";
import { computeRatePerOrder } from "../../src/premium/rates.js";
import { getRuleSet, PROVINCES } from "../../src/provinces/index.js";

const rate = (...a: Parameters<typeof computeRatePerOrder>) => computeRatePerOrder(...a).value.ratePerOrder;

describe("base amounts — Qinghai 第九条第一款, Shanghai 第十一条, Inner Mongolia 三, national elsewhere (docs/decisions.md#C1)", () => {
  test.each(PROVINCES)("%s: 0.01 / 0.07 (or 0.25) / 0.18 yuan per order at 100%%", (p) => {
    const month = p === "qinghai" || p === "inner-mongolia" ? "2026-07" : "2025-07";
    expect(rate(p, { industry: "ride-hailing", month })).toBe("0.01");
    expect(rate(p, { industry: "instant-delivery", month })).toBe("0.07"); // the default of the two
    expect(rate(p, { industry: "intra-city-freight", month })).toBe("0.18");
  });

  test("provenance: seed in Qinghai, Shanghai, Inner Mongolia; national in Guangxi (二（二）) and Zhejiang", () => {
    const kind = (p: (typeof PROVINCES)[number]) => getRuleSet(p).params["premium.baseAmounts"].provenance.kind;
    expect(PROVINCES.map((p) => [p, kind(p)])).toEqual([
      ["qinghai", "seed"], ["shanghai", "seed"], ["guangxi", "national"], ["inner-mongolia", "seed"], ["zhejiang", "national"],
    ]);
    const gx = getRuleSet("guangxi").params["premium.baseAmounts"].provenance;
    expect(gx.kind === "national" && gx.citations.some((c) => c.doc === "guangxi-plan" && c.section === "二（二）")).toBe(true);
    // the dated table: in force from each province's start
    expect(getRuleSet("qinghai").params["premium.baseAmounts"].value[0]?.from).toBe("2026-07-01");
    expect(getRuleSet("zhejiang").params["premium.baseAmounts"].value[0]?.from).toBe("2025-07-01");
  });

  test("the rate explanation cites the province's article and keeps the rate exact", () => {
    const r = computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2028-02", floatPercent: 110 });
    const base = r.explanation.find((s) => s.rule === "premium.base-amount");
    expect(base?.citations.map((c) => c.id)).toContain("qinghai-measures#art9.p1");
    const step = r.explanation.find((s) => s.rule === "premium.rate-per-order");
    expect(step?.result).toEqual({ formula: "0.07 × 110%", ratePerOrder: "0.077" });
    expect(step?.rounding).toMatch(/exact value/);
  });

  test("a base amount is compared by value; one the industry does not have is INVALID_INPUT", () => {
    expect(computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", baseAmount: "0.070" }).value.baseAmount).toBe("0.07");
    expect(() => computeRatePerOrder("shanghai", { industry: "ride-hailing", month: "2026-05", baseAmount: "0.25" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["baseAmount"] }),
    );
    expect(() => computeRatePerOrder("shanghai", { industry: "ride-hailing", month: "2026-05", baseAmount: "1e-2" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["baseAmount"] }),
    );
  });

  test("a month before the province's start is RULE_NOT_IN_FORCE", () => {
    expect(() => computeRatePerOrder("qinghai", { industry: "ride-hailing", month: "2026-06" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["month"] }),
    );
    expect(() => computeRatePerOrder("zhejiang", { industry: "ride-hailing", month: "2025-06" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE" }),
    );
  });
});

describe("float tiers — 50%…150% in 10% steps (Qinghai 第九条第二款; national elsewhere)", () => {
  test("Qinghai from 2028: 0.07 × 50% = 0.035, × 110% = 0.077, × 150% = 0.105; 0.25 × 130% = 0.325", () => {
    expect(rate("qinghai", { industry: "instant-delivery", month: "2028-01", floatPercent: 50 })).toBe("0.035");
    expect(rate("qinghai", { industry: "instant-delivery", month: "2028-01", floatPercent: 110 })).toBe("0.077");
    expect(rate("qinghai", { industry: "instant-delivery", month: "2028-01", floatPercent: 150 })).toBe("0.105");
    expect(rate("qinghai", { industry: "instant-delivery", month: "2028-06", baseAmount: "0.25", floatPercent: 130 })).toBe("0.325");
    expect(rate("qinghai", { industry: "ride-hailing", month: "2028-06", floatPercent: 60 })).toBe("0.006");
    expect(rate("qinghai", { industry: "intra-city-freight", month: "2028-06", floatPercent: 140 })).toBe("0.252");
  });

  test.each([40, 155, 160, 0, 200])("%i%% is not a tier: FLOAT_NOT_ALLOWED at floatPercent", (floatPercent) => {
    expect(() => computeRatePerOrder("inner-mongolia", { industry: "instant-delivery", month: "2027-05", floatPercent })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["floatPercent"] }),
    );
  });

  test("a non-integer tier is INVALID_INPUT", () => {
    expect(() => computeRatePerOrder("inner-mongolia", { industry: "instant-delivery", month: "2027-05", floatPercent: 110.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["floatPercent"] }),
    );
  });
});

describe("when a float may apply (docs/decisions.md#C8)", () => {
  test("Qinghai: nothing but 100% of 0.07 before 2028-01-01 (第九条第二款)", () => {
    expect(() => computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2027-12", floatPercent: 110 })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["floatPercent"] }),
    );
    expect(() => computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2027-12", baseAmount: "0.25" })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["baseAmount"] }),
    );
    expect(rate("qinghai", { industry: "instant-delivery", month: "2027-12" })).toBe("0.07");
    expect(rate("qinghai", { industry: "instant-delivery", month: "2028-01", floatPercent: 90 })).toBe("0.063");
  });

  test("Inner Mongolia: no first-float date, but floats take effect on 1 January — so 2027 onwards", () => {
    expect(() => computeRatePerOrder("inner-mongolia", { industry: "ride-hailing", month: "2026-12", floatPercent: 120 })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED" }),
    );
    expect(rate("inner-mongolia", { industry: "ride-hailing", month: "2027-01", floatPercent: 120 })).toBe("0.012");
  });

  test("Shanghai: under 12 months of contributions on 1 January, no float (规程第十一条第二款、第十二条第二款)", () => {
    // May 2026 with 16 months before it: 16 − 4 (Jan–Apr 2026) = 12 months on 2026-01-01 → may float
    expect(rate("shanghai", { industry: "instant-delivery", month: "2026-05", floatPercent: 120, monthsContributed: 16 })).toBe("0.084");
    // 15 months before May: 11 on 1 January → the float accumulates to 2027
    expect(() => computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", floatPercent: 120, monthsContributed: 15 })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["floatPercent"] }),
    );
    // a new instant-delivery platform's first year is at 0.07 (第十一条第二款)
    expect(() => computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", baseAmount: "0.25", monthsContributed: 3 })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["baseAmount"] }),
    );
    expect(rate("shanghai", { industry: "instant-delivery", month: "2026-05", baseAmount: "0.25", monthsContributed: 40 })).toBe("0.25");
  });

  test("Shanghai without monthsContributed: allowed, and the explanation says the 12-month rule was not checked", () => {
    const r = computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", floatPercent: 120 });
    const step = r.explanation.find((s) => s.rule === "premium.float-tier");
    expect(step?.notes?.some((n) => n.en.includes("was not checked"))).toBe(true);
  });

  test("Shanghai 2022 (the pilot's first half-year): no float before 2023-01-01", () => {
    expect(() => computeRatePerOrder("shanghai", { industry: "ride-hailing", month: "2022-09", floatPercent: 90 })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED" }),
    );
  });

  test("an override of the first-float date is recorded with provenance caller", () => {
    const r = computeRatePerOrder("qinghai", { industry: "instant-delivery", month: "2027-03", floatPercent: 120 },
      { overrides: { "premium.firstFloatFrom": "2027-01-01" } });
    expect(r.value.ratePerOrder).toBe("0.084");
    const used = r.explanation.flatMap((s) => s.parameters).find((p) => p.name === "premium.firstFloatFrom");
    expect(used?.provenance).toBe("caller");
  });

  test("strict accepts national parameters (no assumption is needed for a float in Zhejiang)", () => {
    const r = computeRatePerOrder("zhejiang", { industry: "instant-delivery", month: "2026-03", floatPercent: 70 }, { strict: true });
    expect(r.value.ratePerOrder).toBe("0.049");
    expect(r.assumptions).toEqual([]);
    const tiers = r.explanation.flatMap((s) => s.parameters).find((p) => p.name === "premium.floatTiers");
    expect(tiers?.provenance).toBe("national");
    expect(tiers?.reason?.en).toMatch(/national/);
  });
});
