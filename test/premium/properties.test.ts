/**
 * Properties of rates and premiums (fixed seed, replayable): the rate is monotonic in the tier, and no input — valid
 * or not — produces a negative premium: every call ends in a non-negative amount or a typed error.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isZhishangError } from "../../src/core/errors.js";
import { Dec } from "../../src/core/money.js";
import { computeMonthlyContributions, computeMonthlyPremium } from "../../src/premium/contribution.js";
import { countOrders } from "../../src/premium/orders.js";
import { computeRatePerOrder, INDUSTRIES } from "../../src/premium/rates.js";
import { computeRateReview } from "../../src/premium/review.js";
import { PROVINCES } from "../../src/provinces/index.js";
import { propertyRuns } from "../support/runs.js";

const TIERS = [50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150];
/** Months in which every province allows floats (after all first-float dates) and the bundled calendars still apply. */
const FLOAT_MONTH: Record<(typeof PROVINCES)[number], string> = {
  qinghai: "2028-05", shanghai: "2026-05", guangxi: "2026-05", "inner-mongolia": "2027-05", zhejiang: "2026-05",
};

function outcome<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    if (isZhishangError(e)) return e.code;
    throw e;
  }
}

describe("rates (property, seed 42)", () => {
  test("monotonic in the tier: a higher tier never gives a lower rate or a lower amount", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCES), fc.constantFrom(...INDUSTRIES), fc.constantFrom("0.07", "0.25"),
        fc.constantFrom(...TIERS), fc.constantFrom(...TIERS), fc.integer({ min: 0, max: 1_000_000_000 }),
        (province, industry, base, t1, t2, orders) => {
          const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const input = (floatPercent: number) => ({
            industry, month: FLOAT_MONTH[province], floatPercent, ...(industry === "instant-delivery" ? { baseAmount: base } : {}),
          });
          const a = new Dec(computeRatePerOrder(province, input(lo)).value.ratePerOrder);
          const b = new Dec(computeRatePerOrder(province, input(hi)).value.ratePerOrder);
          expect(lo < hi ? a.lessThan(b) : a.equals(b)).toBe(true);
          // and the amount: orders × rate rounded half-up is non-decreasing too
          expect(new Dec(orders).times(a).toDecimalPlaces(2).lessThanOrEqualTo(new Dec(orders).times(b).toDecimalPlaces(2))).toBe(true);
        },
      ),
      { seed: 42, numRuns: propertyRuns(200) },
    );
  });

  test("the rate is exactly base × tier ÷ 100 (never rounded)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TIERS), fc.constantFrom("0.07", "0.25"), (tier, base) => {
        const r = computeRatePerOrder("inner-mongolia", { industry: "instant-delivery", month: "2027-03", floatPercent: tier, baseAmount: base });
        expect(r.value.ratePerOrder).toBe(new Dec(base).times(tier).dividedBy(100).toFixed());
      }),
      { seed: 42, numRuns: propertyRuns(200) },
    );
  });
});

describe("no input produces a negative premium (property, seed 42)", () => {
  const anyField = fc.oneof(
    fc.anything(),
    fc.integer({ min: -1_000_000, max: 2_000_000_000_000 }),
    fc.constantFrom(-1, 0, 1, 50, 55, 100, 150, 160, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
    fc.constantFrom("0.07", "0.25", "0.01", "0.18", "-0.07", "0.070", "1e-2", "", "2026-08", "2028-03", "2027-13"),
  );
  /** Mostly valid values (so the property reaches real computations), sometimes anything at all. */
  const mostly = <T,>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: anyField, weight: 1 });
  const arbInput = fc.record(
    {
      industry: mostly(fc.constantFrom(...INDUSTRIES)),
      orderMonth: mostly(fc.constantFrom("2025-07", "2025-12", "2026-03", "2026-08", "2026-11", "2022-08", "2027-06")),
      orders: mostly(fc.integer({ min: 0, max: 1_000_000_000_000 })),
      floatPercent: mostly(fc.constantFrom(...TIERS)),
      baseAmount: mostly(fc.constantFrom("0.07", "0.25", "0.01", "0.18")),
      monthsContributed: mostly(fc.integer({ min: 0, max: 100 })),
      paidAmount: mostly(fc.constantFrom("0.00", "100.00", "99999999.99", "123456789.01")),
    },
    { requiredKeys: ["industry", "orderMonth", "orders"] },
  );

  test("monthly premium: an amount ≥ 0 (and refunds, top-ups ≥ 0) or a typed error", () => {
    let computed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PROVINCES), arbInput, (province, input) => {
        const r = outcome(() => computeMonthlyPremium(province, input as never));
        if (typeof r === "string") return;
        computed += 1;
        const v = r.value;
        expect(new Dec(v.amountDue).isNegative()).toBe(false);
        expect(new Dec(v.ratePerOrder).greaterThan(0)).toBe(true);
        for (const x of [v.refundDue, v.topUpDue]) if (x !== null) expect(new Dec(x).isNegative()).toBe(false);
        expect(new Dec(v.amountDue).equals(new Dec(v.ratePerOrder).times(v.orders).toDecimalPlaces(2, Dec.ROUND_HALF_UP))).toBe(true);
      }),
      { seed: 42, numRuns: propertyRuns(1000) },
    );
    expect(computed).toBeGreaterThan(propertyRuns(1000) / 20); // the property exercised real computations, not only errors
  });

  test("review suggestions are always a tier of 50–150% and a positive rate", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCES), fc.constantFrom(...INDUSTRIES), fc.constantFrom("0.07", "0.25"), fc.constantFrom(...TIERS),
        fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 2026, max: 2031 }),
        (province, industry, base, tier, payouts, premiums, reviewYear) => {
          const r = outcome(() => computeRateReview(province, {
            industry, reviewYear, currentFloatPercent: tier, lastYearPayouts: String(payouts), lastYearPremiums: String(premiums),
            ...(industry === "instant-delivery" ? { currentBaseAmount: base } : {}),
          }));
          if (typeof r === "string") {
            expect(["FLOAT_NOT_ALLOWED", "RULE_NOT_IN_FORCE"]).toContain(r);
            return;
          }
          expect(TIERS).toContain(r.value.suggestedFloatPercent);
          expect(new Dec(r.value.suggestedRatePerOrder).greaterThan(0)).toBe(true);
          expect(new Dec(r.value.payoutRatio).isNegative()).toBe(false);
        },
      ),
      { seed: 42, numRuns: propertyRuns(500) },
    );
  });

  test("pricing a tally: every line and the total are ≥ 0 and the total is the sum of the lines", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ n: fc.integer({ min: 0, max: 40 }), tier: fc.constantFrom(...TIERS) }), { minLength: 1, maxLength: 4 }), (specs) => {
        const platforms = ["didi", "caocao", "huolala", "kuaigou"];
        const records = specs.flatMap((s, k) => Array.from({ length: s.n }, () => ({
          platform: platforms[k] as string, industry: k < 2 ? "ride-hailing" as const : "intra-city-freight" as const, status: "delivered" as const,
          endedAt: "2026-05-20T08:00:00+08:00", workerRegistered: true, workerInScope: true, startedInProvince: true,
        })));
        const counts = countOrders("guangxi", records).value;
        const c = computeMonthlyContributions("guangxi", counts, {
          orderMonth: "2026-05",
          rates: specs.map((s, k) => ({ platform: platforms[k] as string, industry: k < 2 ? "ride-hailing" as const : "intra-city-freight" as const, floatPercent: s.tier })),
        }).value;
        const total = c.lines.reduce((acc, l) => acc.plus(l.amountDue), new Dec(0));
        for (const l of c.lines) expect(new Dec(l.amountDue).isNegative()).toBe(false);
        expect(new Dec(c.totalDue).equals(total)).toBe(true);
      }),
      { seed: 42, numRuns: propertyRuns(200) },
    );
  });
});
