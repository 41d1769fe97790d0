import fc from "fast-check";
import DecimalJs from "decimal.js";
import { describe, expect, test } from "vitest";
import { allocateFen, Dec, formatExact, formatMoney, parseDecimal, parseMoney, roundFen, sum } from "../../src/core/money.js";
import { ZhishangError } from "../../src/core/errors.js";

describe("money", () => {
  test("rounds half-up to the fen (docs/decisions.md#C4)", () => {
    // 75600.125 → 75600.13 (half-up), 75600.124 → 75600.12, negative halves away from zero
    expect(formatMoney(new Dec("75600.125"))).toBe("75600.13");
    expect(formatMoney(new Dec("75600.124"))).toBe("75600.12");
    expect(formatMoney(new Dec("-0.005"))).toBe("-0.01");
    expect(roundFen(new Dec("2.675")).toString()).toBe("2.68"); // 2.675 is exact in decimal, unlike a float
  });

  test("keeps exact rates and sums without float error", () => {
    // 0.1 + 0.2 is exactly 0.3 in decimal arithmetic; 0.07 × 1.1 = 0.077 exactly
    expect(formatExact(sum([new Dec("0.1"), new Dec("0.2")]))).toBe("0.3");
    expect(formatExact(new Dec("0.07").times("1.1"))).toBe("0.077");
    expect(formatExact(new Dec("1e-20"))).toBe("0.00000000000000000001");
  });

  test("does not touch the global decimal.js configuration", () => {
    expect(DecimalJs.rounding).toBe(DecimalJs.ROUND_HALF_UP); // decimal.js default is 4 = ROUND_HALF_UP
    expect(DecimalJs.precision).toBe(20);
    expect(Dec.precision).toBe(60);
  });

  test("parses strict decimal strings and refuses everything else with a path", () => {
    expect(parseMoney("6000.00", ["w"]).toString()).toBe("6000");
    for (const bad of ["6e3", " 6000", "6000.001", "-1", "NaN", "Infinity", "", "0x10", "01", 6000, null]) {
      try {
        parseMoney(bad, ["input", "w"]);
        expect.unreachable(`accepted ${String(bad)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ZhishangError);
        expect((e as ZhishangError).code).toBe("INVALID_INPUT");
        expect((e as ZhishangError).path).toEqual(["input", "w"]);
      }
    }
    expect(() => parseMoney("0", ["w"], { positive: true })).toThrow(ZhishangError);
    expect(() => parseMoney("1000000000000.01", ["w"])).toThrow(/10\^12/);
    expect(parseDecimal("-3.5", []).toString()).toBe("-3.5");
  });

  test("allocateFen: 100.00 in three equal parts → 33.34, 33.33, 33.33 (first remainder wins the tie)", () => {
    expect(allocateFen(new Dec("100"), [new Dec(1), new Dec(1), new Dec(1)]).map(formatMoney)).toEqual(["33.34", "33.33", "33.33"]);
    // 7000 by 40:40:30 (docs/decisions.md C6): floors 2545.45 + 2545.45 + 1909.09 = 6999.99, +0.01 to the first
    expect(allocateFen(new Dec("7000"), [40, 40, 30].map((n) => new Dec(n))).map(formatMoney)).toEqual(["2545.46", "2545.45", "1909.09"]);
    expect(() => allocateFen(new Dec("1.005"), [new Dec(1)])).toThrow(ZhishangError);
    expect(() => allocateFen(new Dec("1"), [new Dec(0)])).toThrow(ZhishangError);
  });

  test("allocateFen always sums exactly and never goes negative (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (fen, weights) => {
          const total = new Dec(fen).dividedBy(100);
          const parts = allocateFen(total, weights.map((w) => new Dec(w)));
          expect(sum(parts).equals(total)).toBe(true);
          for (const [k, p] of parts.entries()) {
            expect(p.isNegative()).toBe(false);
            expect(p.times(100).isInteger()).toBe(true);
            // each part is within one fen of its exact share
            const exact = total.times(weights[k] as number).dividedBy(weights.reduce((a, b) => a + b, 0));
            expect(p.minus(exact).abs().lessThan("0.01")).toBe(true);
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
