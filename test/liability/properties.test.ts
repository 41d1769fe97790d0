/**
 * Properties of platform liability (fixed seed, printed replay on failure):
 * - whenever any order is in progress at the accident, exactly one platform is responsible: the platform of an
 *   order in progress, and when several platforms' orders are, the one accepted first;
 * - with no order in progress on the way home, the platform of the last order completed before the accident;
 * - late filing: the platform bears costs exactly when its application is received after the period's end, from
 *   the accident date to the earliest application date, and the fund takes over the next day.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ACTIVITIES, assessLiability, PLATFORM_IDS, type OrderInput } from "../../src/index.js";

const ACCIDENT = Date.UTC(2026, 8, 3, 4, 0); // 2026-09-03 12:00 Beijing
const minute = 60_000;
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

const orderArb = fc.record({
  platform: fc.constantFrom(...PLATFORM_IDS),
  start: fc.integer({ min: -240, max: 30 }),
  length: fc.option(fc.integer({ min: 0, max: 240 }), { nil: undefined }),
  route: fc.constantFrom("r1", "r2", "r3"),
});

function toOrders(raw: ReadonlyArray<{ platform: (typeof PLATFORM_IDS)[number]; start: number; length: number | undefined; route: string }>): OrderInput[] {
  return raw.map((o, k) => ({
    platform: o.platform,
    orderId: `O${k}`,
    acceptedAt: iso(ACCIDENT + o.start * minute),
    completedAt: o.length === undefined ? null : iso(ACCIDENT + (o.start + o.length) * minute),
    routeKey: o.route,
  }));
}

describe("liability properties (seed 42)", () => {
  test("exactly one responsible platform whenever any order is in progress: an active one, the first accepted", () => {
    let withProgress = 0;
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 1, maxLength: 6 }), fc.constantFrom(...ACTIVITIES), (raw, activity) => {
        const inProgress = raw
          .map((o, k) => ({ ...o, k }))
          .filter((o) => o.start <= 0 && (o.length === undefined || o.start + o.length >= 0));
        const r = assessLiability("qinghai", {
          accidentAt: iso(ACCIDENT), activity, orders: toOrders(raw), designatedBy: "didi",
        }).value;
        if (inProgress.length === 0) {
          expect(r.ordersInProgress).toEqual([]);
          return;
        }
        withProgress++;
        expect(r.responsiblePlatform).not.toBeNull();
        expect(r.ordersInProgress).toEqual(inProgress.map((o) => `O${o.k}`));
        const earliest = Math.min(...inProgress.map((o) => o.start));
        const first = inProgress.find((o) => o.start === earliest);
        expect(r.responsibleOrderId).toBe(`O${first?.k}`);
        expect(r.responsiblePlatform).toBe(first?.platform);
        const platforms = new Set(inProgress.map((o) => o.platform));
        expect(r.rule).toBe(platforms.size === 1 ? "active-order" : "first-accepted-same-route");
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(withProgress).toBeGreaterThan(50);
  });

  test("on the way home with no order in progress: the last order completed before the accident", () => {
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 1, maxLength: 6 }), (raw) => {
        const orders = raw.map((o) => ({ ...o, start: o.start - 300, length: o.length ?? 10 })); // all completed before
        const r = assessLiability("qinghai", { accidentAt: iso(ACCIDENT), activity: "commute-home", orders: toOrders(orders) }).value;
        const ends = orders.map((o) => o.start + o.length);
        const lastEnd = Math.max(...ends);
        const candidates = orders.map((o, k) => ({ ...o, k })).filter((o) => o.start + o.length === lastEnd);
        const latestStart = Math.max(...candidates.map((o) => o.start));
        const chosen = candidates.find((o) => o.start === latestStart);
        expect(r.rule).toBe("last-completed-order");
        expect(r.responsibleOrderId).toBe(`O${chosen?.k}`);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  test("late filing splits the benefit costs at the earliest application date", () => {
    // Accident 2026-09-03; the platform's period ends on 2026-10-08 (see liability.test.ts).
    const day = (n: number) => new Date(Date.UTC(2026, 8, 3 + n)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
        (platformDay, anyDay) => {
          const r = assessLiability("qinghai", {
            accidentAt: "2026-09-03T19:20:00+08:00", activity: "off-duty", orders: [],
            ...(platformDay === undefined ? {} : { platformApplicationReceivedDate: day(platformDay) }),
            ...(anyDay === undefined ? {} : { applicationReceivedDate: day(anyDay) }),
          }).value;
          if (platformDay === undefined && anyDay === undefined) {
            expect(r.lateFiling).toBeNull();
            return;
          }
          const late = platformDay === undefined || day(platformDay) > "2026-10-08";
          expect(r.lateFiling).toBe(late);
          if (!late) {
            expect([r.platformBearsCostsFrom, r.platformBearsCostsUntil]).toEqual([null, null]);
            expect(r.costs.map((c) => c.payer)).toEqual(["fund"]);
            return;
          }
          const until = day(Math.min(...[platformDay, anyDay].filter((d): d is number => d !== undefined)));
          expect([r.platformBearsCostsFrom, r.platformBearsCostsUntil]).toEqual(["2026-09-03", until]);
          expect(r.costs.map((c) => [c.payer, c.from])).toEqual([["platform", "2026-09-03"], ["fund", expect.any(String)]]);
          expect((r.costs[1]?.from ?? "") > until).toBe(true);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
