import { describe, expect, test } from "vitest";
import { computeMonthlyContributions, computeMonthlyPremium } from "../../src/premium/contribution.js";
import { countOrders, type OrderRecord } from "../../src/premium/orders.js";
import { invalidJson, thrown } from "../support/errors.js";

/** A caller-supplied 2028 calendar: only 1 January off (enough for these months; not an official schedule). */
const CAL_2028 = { calendars: [{ year: 2028, off: [["2028-01-01", "2028-01-01"]] as Array<[string, string]>, work: [] }] };

describe("monthly premium — Qinghai 第八条, Shanghai 第十四条: last month's orders × rate, rounded half-up (C4)", () => {
  test("Qinghai August 2026: 1,234,567 × 0.07 = 86,419.69; declared by Tuesday 2026-09-15", () => {
    const r = computeMonthlyPremium("qinghai", { industry: "instant-delivery", orderMonth: "2026-08", orders: 1234567 });
    expect(r.value).toMatchObject({
      ratePerOrder: "0.07", amountDue: "86419.69", declarationMonth: "2026-09", declarationDeadline: "2026-09-15",
      paidAmount: null, refundDue: null, topUpDue: null,
    });
  });

  test("half-up at the fen: 5 × 0.077 = 0.385 → 0.39; 3 × 0.035 = 0.105 → 0.11 (not banker's 0.10)", () => {
    // Shanghai, September 2026 → declared in October: 1–7 October off (7 days in the period) → the 15th + 7 working days = 2026-10-26
    const a = computeMonthlyPremium("shanghai", { industry: "instant-delivery", orderMonth: "2026-09", orders: 5, floatPercent: 110 });
    expect([a.value.ratePerOrder, a.value.amountDue, a.value.declarationDeadline]).toEqual(["0.077", "0.39", "2026-10-26"]);
    const b = computeMonthlyPremium("shanghai", { industry: "instant-delivery", orderMonth: "2026-09", orders: 3, floatPercent: 50 });
    expect([b.value.ratePerOrder, b.value.amountDue]).toEqual(["0.035", "0.11"]);
  });

  test("a province-month of 200 million orders: 200,000,000 × 0.105 = 21,000,000.00 exactly", () => {
    const r = computeMonthlyPremium("shanghai", { industry: "instant-delivery", orderMonth: "2026-09", orders: 200_000_000, floatPercent: 150 });
    expect(r.value.amountDue).toBe("21000000.00");
  });

  test("zero orders: 0.00 due", () => {
    expect(computeMonthlyPremium("zhejiang", { industry: "ride-hailing", orderMonth: "2025-07", orders: 0 }).value.amountDue).toBe("0.00");
  });

  test("Shanghai December 2025 → declared in January 2026, due 2026-01-20 (1–3 January off: the 15th + 3 working days)", () => {
    const r = computeMonthlyPremium("shanghai", { industry: "intra-city-freight", orderMonth: "2025-12", orders: 1000 });
    expect([r.value.amountDue, r.value.declarationDeadline]).toEqual(["180.00", "2026-01-20"]);
  });

  test("over- and under-payment: refund or top-up (Shanghai 第十六条)", () => {
    // due 1,000 × 0.18 = 180.00
    const over = computeMonthlyPremium("shanghai", { industry: "intra-city-freight", orderMonth: "2026-03", orders: 1000, paidAmount: "200.00" }).value;
    expect([over.refundDue, over.topUpDue]).toEqual(["20.00", "0.00"]);
    const under = computeMonthlyPremium("shanghai", { industry: "intra-city-freight", orderMonth: "2026-03", orders: 1000, paidAmount: "179.99" }).value;
    expect([under.refundDue, under.topUpDue]).toEqual(["0.00", "0.01"]);
    const exact = computeMonthlyPremium("qinghai", { industry: "intra-city-freight", orderMonth: "2026-07", orders: 1000, paidAmount: "180" });
    expect([exact.value.refundDue, exact.value.topUpDue, exact.value.paidAmount]).toEqual(["0.00", "0.00", "180.00"]);
    expect(exact.explanation.find((s) => s.rule === "premium.payment-difference")?.citations.map((c) => c.id))
      .toEqual(["qinghai-measures#art10.p2", "qinghai-measures#art35"]);
  });

  test("the declaration's steps are appended and renumbered; the explanation reads in order", () => {
    const r = computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth: "2026-09", orders: 10 });
    expect(r.explanation.map((s) => s.step)).toEqual(r.explanation.map((_s, k) => k + 1));
    expect(r.explanation.map((s) => s.rule)).toEqual([
      "coverage.in-force", "premium.base-amount", "premium.float-tier", "premium.rate-per-order", "premium.amount-due",
      "declaration.period", "declaration.holiday-days", "declaration.deadline",
    ]);
    // September 2026's orders are declared in October: 2026-10-26
    expect(r.value.declarationDeadline).toBe("2026-10-26");
  });

  test("a declaration month outside the loaded calendars is CALENDAR_NOT_COVERED; the caller can add the year", () => {
    expect(() => computeMonthlyPremium("qinghai", { industry: "instant-delivery", orderMonth: "2028-03", orders: 10, floatPercent: 120 })).toThrow(
      expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["orderMonth"] }),
    );
    // 10 × 0.084 = 0.84; 15 April 2028 is a Saturday → Monday 2028-04-17
    const r = computeMonthlyPremium("qinghai", { industry: "instant-delivery", orderMonth: "2028-03", orders: 10, floatPercent: 120 }, CAL_2028);
    expect([r.value.amountDue, r.value.declarationDeadline]).toEqual(["0.84", "2028-04-17"]);
  });

  test("errors: before the start, a refused tier, a bad order count", () => {
    expect(() => computeMonthlyPremium("inner-mongolia", { industry: "ride-hailing", orderMonth: "2026-06", orders: 1 })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["orderMonth"] }),
    );
    expect(() => computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth: "2026-12", orders: 1, floatPercent: 80 })).toThrow(
      expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["floatPercent"] }),
    );
    for (const orders of [-1, 1.5, "10"]) {
      expect(() => computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth: "2026-12", orders } as never)).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", path: ["orders"] }),
      );
    }
    expect(() => computeMonthlyPremium("qinghai", { industry: "bike", orderMonth: "2026-12", orders: 1 } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["industry"] }),
    );
    expect(() => computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth: "2026-13", orders: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["orderMonth"] }),
    );
  });
});

describe("pricing a tally — computeMonthlyContributions", () => {
  const order = (platform: string, industry: OrderRecord["industry"], endedAt: string, over: Partial<OrderRecord> = {}): OrderRecord => ({
    platform, industry, status: "delivered", endedAt, workerRegistered: true, workerInScope: true, startedInProvince: true, ...over,
  });
  const records: OrderRecord[] = [
    ...Array.from({ length: 7 }, () => order("meituan", "instant-delivery", "2026-03-15T12:00:00+08:00")),
    ...Array.from({ length: 3 }, () => order("didi", "ride-hailing", "2026-03-01T00:00:00+08:00")),
    order("didi", "ride-hailing", "2026-02-28T23:59:59+08:00"), // February: not in the March bill
    order("didi", "ride-hailing", "2026-03-02T10:00:00+08:00", { startedInProvince: false }), // not counted
  ];

  test("each line is orders × rate rounded to the fen; the total is the sum of the lines", () => {
    // meituan: 7 × 0.25 × 110% = 7 × 0.275 = 1.925 → 1.93; didi: 3 × 0.01 × 50% = 0.015 → 0.02; huolala: no orders → 0.00
    const counts = countOrders("shanghai", records).value;
    const c = computeMonthlyContributions("shanghai", counts, {
      orderMonth: "2026-03",
      rates: [
        { platform: "meituan", industry: "instant-delivery", baseAmount: "0.25", floatPercent: 110 },
        { platform: "didi", industry: "ride-hailing", floatPercent: 50, paidAmount: "0.05" },
        { platform: "huolala", industry: "intra-city-freight" },
      ],
    }).value;
    expect(c.lines.map((l) => [l.platform, l.orders, l.ratePerOrder, l.amountDue])).toEqual([
      ["didi", 3, "0.005", "0.02"],
      ["huolala", 0, "0.18", "0.00"],
      ["meituan", 7, "0.275", "1.93"],
    ]);
    expect(c.lines[0]).toMatchObject({ paidAmount: "0.05", refundDue: "0.03", topUpDue: "0.00" });
    expect(c.totalDue).toBe("1.95");
    expect(c.platforms).toEqual([
      { platform: "didi", amountDue: "0.02" }, { platform: "huolala", amountDue: "0.00" }, { platform: "meituan", amountDue: "1.93" },
    ]);
    expect(c.declarationDeadline).toBe("2026-04-20");
  });

  test("a platform without a rate entry pays 100% of the default base; a refused tier names its entry", () => {
    const counts = countOrders("qinghai", [order("meituan", "instant-delivery", "2026-08-02T08:00:00+08:00")]).value;
    const c = computeMonthlyContributions("qinghai", counts, { orderMonth: "2026-08" }).value;
    expect(c.lines.map((l) => [l.platform, l.floatPercent, l.amountDue])).toEqual([["meituan", 100, "0.07"]]);
    expect(() => computeMonthlyContributions("qinghai", counts, {
      orderMonth: "2026-08", rates: [{ platform: "meituan", industry: "instant-delivery", floatPercent: 120 }],
    })).toThrow(expect.objectContaining({ code: "FLOAT_NOT_ALLOWED", path: ["rates", 0, "floatPercent"] }));
  });

  test("counts of another province, duplicate rates and malformed counts are refused", () => {
    const counts = countOrders("qinghai", []).value;
    expect(() => computeMonthlyContributions("shanghai", counts, { orderMonth: "2026-08" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["counts", "province"] }),
    );
    expect(() => computeMonthlyContributions("qinghai", counts, {
      orderMonth: "2026-08",
      rates: [{ platform: "didi", industry: "ride-hailing" }, { platform: "didi", industry: "ride-hailing" }],
    })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["rates", 1] }));
    expect(() => computeMonthlyContributions("qinghai", { ...counts, counted: -1 }, { orderMonth: "2026-08" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["counts", "counted"] }),
    );
  });
});

describe("range edges: a refusal names the caller's field and the supported range", () => {
  test("orderMonth 2199-12 is declared in 2200-01, after the supported years: INVALID_INPUT at orderMonth with 1900-01 – 2199-11", () => {
    // before: "the declaration month 2200-01 of the order month 2199-12: declarationMonth: year out of range …"
    expect(thrown(() => computeMonthlyPremium("qinghai", { industry: "instant-delivery", orderMonth: "2199-12", orders: 10 }))).toEqual(invalidJson(
      ["orderMonth"],
      "orderMonth 2199-12 is out of the supported range 1900-01 – 2199-11 (its declaration falls in 2200-01, after 2199-12)",
      "orderMonth 2199-12 超出支持范围 1900-01 至 2199-11（其申报月份 2200-01 晚于 2199-12）",
    ));
  });
});
