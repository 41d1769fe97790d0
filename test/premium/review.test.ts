import { describe, expect, test } from "vitest";
import { computeRateReview, type RateReviewInput } from "../../src/premium/review.js";

const im = (input: Omit<RateReviewInput, "reviewYear"> & { reviewYear?: number }) =>
  computeRateReview("inner-mongolia", { reviewYear: 2028, ...input });

describe("payout ratio and suggested tier (docs/decisions.md#C2)", () => {
  test("0.07 at 100%: 1,250,000 ÷ 1,000,000 = 1.25 → needed 125% → tier 130%", () => {
    const r = im({ industry: "instant-delivery", currentBaseAmount: "0.07", currentFloatPercent: 100, lastYearPayouts: "1250000.00", lastYearPremiums: "1000000.00" });
    expect(r.value).toMatchObject({
      payoutRatio: "1.25", floatAllowed: true, suggestedBaseAmount: "0.07", suggestedFloatPercent: 130,
      suggestedRatePerOrder: "0.091", baseSwitched: false, covers: true, effectiveFrom: "2028-01-01",
    });
  });

  test("a need exactly on a tier is that tier: 1.30 → 130%, not 140%", () => {
    const r = im({ industry: "ride-hailing", lastYearPayouts: "1300000.00", lastYearPremiums: "1000000.00" });
    expect([r.value.payoutRatio, r.value.suggestedFloatPercent]).toEqual(["1.3", 130]);
  });

  test("the premiums were collected at the current tier: ratio 1.00 at 120% → needed 120% → stays 120%", () => {
    // orders × base = 1,000,000 ÷ 1.2; payouts 1,000,000 ÷ that = 1.2
    const r = im({ industry: "intra-city-freight", currentFloatPercent: 120, lastYearPayouts: "1000000.00", lastYearPremiums: "1000000.00" });
    expect([r.value.payoutRatio, r.value.suggestedFloatPercent, r.value.suggestedRatePerOrder]).toEqual(["1", 120, "0.216"]);
  });

  test("clamped to 50%–150%: no payouts → 50%; ratio 3 on ride-hailing → 150% that does not cover", () => {
    expect(im({ industry: "ride-hailing", lastYearPayouts: "0.00", lastYearPremiums: "1000.00" }).value.suggestedFloatPercent).toBe(50);
    const r = im({ industry: "ride-hailing", lastYearPayouts: "3000.00", lastYearPremiums: "1000.00" });
    expect([r.value.suggestedFloatPercent, r.value.covers, r.value.baseSwitched]).toEqual([150, false, false]);
  });

  test("the payout ratio is shown to 4 places (1/3 → 0.3333, 2/3 → 0.6667); the decision is exact", () => {
    expect(im({ industry: "ride-hailing", lastYearPayouts: "100.00", lastYearPremiums: "300.00" }).value.payoutRatio).toBe("0.3333");
    // 2/3 at 100% → needed 66.67% → 70%
    const r = im({ industry: "ride-hailing", lastYearPayouts: "200.00", lastYearPremiums: "300.00" });
    expect([r.value.payoutRatio, r.value.suggestedFloatPercent]).toEqual(["0.6667", 70]);
  });
});

describe("the instant-delivery switch, both directions (Qinghai 第九条第二款, Inner Mongolia 三)", () => {
  test("up: on 0.07 at 150%, payouts 2,000,000 of premiums 1,000,000 → 300% needed → 0.25 at 90%", () => {
    // orders × 0.07 = 1,000,000 ÷ 1.5 = 666,666.67; at 0.25: orders × 0.25 = 2,380,952.38 → 84.0% needed → 90%
    const r = im({ industry: "instant-delivery", currentBaseAmount: "0.07", currentFloatPercent: 150, lastYearPayouts: "2000000.00", lastYearPremiums: "1000000.00" });
    expect(r.value).toMatchObject({ payoutRatio: "2", suggestedBaseAmount: "0.25", suggestedFloatPercent: 90, baseSwitched: true, covers: true, suggestedRatePerOrder: "0.225" });
    const step = r.explanation.find((s) => s.rule === "premium.review.base-switch");
    expect(step?.result).toEqual({ baseSwitched: true, suggestedBaseAmount: "0.25" });
    expect(step?.citations.map((c) => c.id)).toContain("inner-mongolia-notice#s三.p2");
  });

  test("no switch up while 150% of 0.07 still balances: ratio 1.0 at 150% → 150%", () => {
    const r = im({ industry: "instant-delivery", currentFloatPercent: 150, lastYearPayouts: "1000000.00", lastYearPremiums: "1000000.00" });
    expect([r.value.suggestedBaseAmount, r.value.suggestedFloatPercent, r.value.baseSwitched]).toEqual(["0.07", 150, false]);
  });

  test("down: on 0.25 at 50%, payouts 100,000 of premiums 1,000,000 → 0.07 at 50%", () => {
    // 50% of 0.25 collects 1,000,000 > 100,000 paid; at 0.07: orders × 0.07 = 560,000 → 17.9% needed → 50%
    const r = im({ industry: "instant-delivery", currentBaseAmount: "0.25", currentFloatPercent: 50, lastYearPayouts: "100000.00", lastYearPremiums: "1000000.00" });
    expect(r.value).toMatchObject({ payoutRatio: "0.1", suggestedBaseAmount: "0.07", suggestedFloatPercent: 50, baseSwitched: true, covers: true });
  });

  test("down, but 0.07 cannot balance even at 150%: the switch is still suggested (the literal rule), marked as not covering", () => {
    // on 0.25 at 100%: orders × 0.25 = 1,000,000; payouts 480,000 < 50% of it (500,000) → switch;
    // at 0.07: orders × 0.07 = 280,000 → 171.4% needed → 150% that does not cover
    const r = im({ industry: "instant-delivery", currentBaseAmount: "0.25", lastYearPayouts: "480000.00", lastYearPremiums: "1000000.00" });
    expect([r.value.suggestedBaseAmount, r.value.suggestedFloatPercent, r.value.baseSwitched, r.value.covers]).toEqual(["0.07", 150, true, false]);
  });

  test("no switch down when 50% of 0.25 no longer collects more than it pays: 600,000 of 1,000,000 at 100% → 0.25 at 60%", () => {
    const r = im({ industry: "instant-delivery", currentBaseAmount: "0.25", lastYearPayouts: "600000.00", lastYearPremiums: "1000000.00" });
    expect([r.value.suggestedBaseAmount, r.value.suggestedFloatPercent, r.value.baseSwitched]).toEqual(["0.25", 60, false]);
  });

  test("exactly 50% of 0.25 = payouts is not 收大于支: no switch", () => {
    const r = im({ industry: "instant-delivery", currentBaseAmount: "0.25", lastYearPayouts: "500000.00", lastYearPremiums: "1000000.00" });
    expect([r.value.suggestedBaseAmount, r.value.suggestedFloatPercent, r.value.baseSwitched]).toEqual(["0.25", 50, false]);
  });

  test("other industries have no switch step", () => {
    const r = im({ industry: "ride-hailing", lastYearPayouts: "1.00", lastYearPremiums: "1.00" });
    expect(r.explanation.some((s) => s.rule === "premium.review.base-switch")).toBe(false);
  });
});

describe("when a float may take effect (docs/decisions.md#C8)", () => {
  test("Qinghai 2027: no float before 2028-01-01 — the current rate stays, the reason is given", () => {
    const r = computeRateReview("qinghai", { industry: "instant-delivery", reviewYear: 2027, lastYearPayouts: "2000000.00", lastYearPremiums: "1000000.00" });
    expect(r.value).toMatchObject({ payoutRatio: "2", floatAllowed: false, suggestedBaseAmount: "0.07", suggestedFloatPercent: 100, baseSwitched: false, covers: false });
    expect(r.value.floatRefusedReasons[0]?.en).toMatch(/2028-01-01/);
    // 2028: allowed, and the switch applies (ratio 2 at 100% → 200% needed > 150%)
    const next = computeRateReview("qinghai", { industry: "instant-delivery", reviewYear: 2028, lastYearPayouts: "2000000.00", lastYearPremiums: "1000000.00" });
    expect([next.value.floatAllowed, next.value.suggestedBaseAmount, next.value.suggestedFloatPercent]).toEqual([true, "0.25", 60]);
  });

  test("a current rate that could not apply in the year reviewed is FLOAT_NOT_ALLOWED", () => {
    expect(() => computeRateReview("qinghai", { industry: "ride-hailing", reviewYear: 2028, currentFloatPercent: 110, lastYearPayouts: "1.00", lastYearPremiums: "1.00" })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["currentFloatPercent"] }),
    );
    expect(() => computeRateReview("qinghai", { industry: "instant-delivery", reviewYear: 2028, currentBaseAmount: "0.25", lastYearPayouts: "1.00", lastYearPremiums: "1.00" })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["currentBaseAmount"] }),
    );
    expect(computeRateReview("qinghai", { industry: "ride-hailing", reviewYear: 2029, currentFloatPercent: 110, lastYearPayouts: "1.10", lastYearPremiums: "1.00" }).value.suggestedFloatPercent).toBe(130);
    expect(() => computeRateReview("qinghai", { industry: "ride-hailing", reviewYear: 2029, currentFloatPercent: 105, lastYearPayouts: "1.00", lastYearPremiums: "1.00" })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["currentFloatPercent"] }),
    );
  });

  test("Shanghai: under 12 months of contributions the float accumulates to the next year (第十二条第二款)", () => {
    const young = computeRateReview("shanghai", { industry: "instant-delivery", reviewYear: 2027, monthsContributed: 8, lastYearPayouts: "2000.00", lastYearPremiums: "1000.00" });
    expect([young.value.floatAllowed, young.value.suggestedFloatPercent]).toEqual([false, 100]);
    expect(young.value.floatRefusedReasons[0]?.zh).toMatch(/累计至下一年度浮动/);
    const grown = computeRateReview("shanghai", { industry: "instant-delivery", reviewYear: 2027, monthsContributed: 12, lastYearPayouts: "1200.00", lastYearPremiums: "1000.00" });
    expect([grown.value.floatAllowed, grown.value.suggestedFloatPercent]).toEqual([true, 120]);
  });

  test("a year reviewed that lies wholly before the start is RULE_NOT_IN_FORCE", () => {
    expect(() => computeRateReview("qinghai", { industry: "ride-hailing", reviewYear: 2026, lastYearPayouts: "1.00", lastYearPremiums: "1.00" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["reviewYear"] }),
    );
    // Zhejiang started 2025-07-01: the 2026 review reviews 2025 and may float (national tiers)
    const zj = computeRateReview("zhejiang", { industry: "ride-hailing", reviewYear: 2026, lastYearPayouts: "900.00", lastYearPremiums: "1000.00" });
    expect([zj.value.floatAllowed, zj.value.suggestedFloatPercent]).toEqual([true, 90]);
  });

  test("zero premiums cannot give a payout ratio: INVALID_INPUT", () => {
    expect(() => im({ industry: "ride-hailing", lastYearPayouts: "1.00", lastYearPremiums: "0.00" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["lastYearPremiums"] }),
    );
  });

  test("the explanation walks through current rate, ratio, window, switch, tier and rate", () => {
    const r = im({ industry: "instant-delivery", lastYearPayouts: "1250000.00", lastYearPremiums: "1000000.00" });
    expect(r.explanation.map((s) => s.rule)).toEqual([
      "coverage.in-force", "premium.review.current-rate", "premium.review.payout-ratio", "premium.review.float-window",
      "premium.review.base-switch", "premium.review.suggested-tier", "premium.review.suggested-rate",
    ]);
    const tier = r.explanation.find((s) => s.rule === "premium.review.suggested-tier");
    expect(tier?.result).toEqual({ neededPercent: "125", suggestedFloatPercent: 130, covers: true });
    expect(tier?.citations.map((c) => c.id)).toContain("zhishang-decisions#C2");
  });
});
