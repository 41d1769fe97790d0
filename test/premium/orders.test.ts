import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseInstant } from "../../src/core/datetime.js";
import {
  countOrderColumns,
  countOrders,
  countOrdersAsync,
  decideOrder,
  fastInstantMs,
  mergeOrderCounts,
  ORDER_STATUSES,
  OrderTally,
  type OrderColumns,
  type OrderRecord,
} from "../../src/premium/orders.js";
import { INDUSTRIES } from "../../src/premium/rates.js";
import { propertyRuns } from "../support/runs.js";

const ok = { workerRegistered: true, workerInScope: true, startedInProvince: true } as const;
const order = (over: Partial<OrderRecord> = {}): OrderRecord => ({
  platform: "meituan", industry: "instant-delivery", status: "delivered", endedAt: "2026-08-10T12:00:00+08:00", ...ok, ...over,
});

describe("which orders count — Shanghai 规程第十条 (the general model)", () => {
  test("an order counts for the China-time day its execution ended by 24:00", () => {
    const at = (endedAt: string | number) => decideOrder("shanghai", order({ endedAt })).value;
    expect(at("2026-03-31T23:59:59+08:00")).toMatchObject({ counts: true, day: "2026-03-31", month: "2026-03" });
    expect(at("2026-03-31T23:59:59.999+08:00").day).toBe("2026-03-31");
    expect(at("2026-04-01T00:00:00+08:00").day).toBe("2026-04-01");
    // 16:00 UTC on 31 March is midnight in Beijing: it belongs to 1 April
    expect(at("2026-03-31T16:00:00Z")).toMatchObject({ day: "2026-04-01", endedAtChinaTime: "2026-04-01T00:00:00+08:00" });
    expect(at("2026-03-31T15:59:59Z").day).toBe("2026-03-31");
    // offsets other than +08:00: 10:30−05:00 = 15:30Z = 23:30 in Beijing (31 March); 11:00−05:00 = 16:00Z = midnight (1 April)
    expect(at("2026-03-31T10:30:00-05:00").day).toBe("2026-03-31");
    expect(at("2026-03-31T11:00:00-05:00").day).toBe("2026-04-01");
  });

  test("delivered and transferred mid-way count; cancelled and in-progress orders do not (（三）)", () => {
    const d = (status: OrderRecord["status"], endedAt: OrderRecord["endedAt"]) => decideOrder("shanghai", order({ status, endedAt })).value;
    expect(d("delivered", "2026-08-01T09:00:00+08:00").counts).toBe(true);
    expect(d("transferred", "2026-08-01T09:00:00+08:00").counts).toBe(true);
    expect(d("cancelled", "2026-08-01T09:00:00+08:00")).toMatchObject({ counts: false, exclusion: "not-ended", month: "2026-08" });
    expect(d("cancelled", null)).toMatchObject({ counts: false, exclusion: "not-ended", day: null });
    expect(d("in-progress", undefined)).toMatchObject({ counts: false, exclusion: "not-ended" });
  });

  test("each condition, in the article's order: （一） registered, in scope; （二） started in the province; then the start date", () => {
    const ex = (over: Partial<OrderRecord>, province: "shanghai" | "qinghai" = "shanghai") => decideOrder(province, order(over)).value.exclusion;
    expect(ex({ workerRegistered: false, workerInScope: false, startedInProvince: false, status: "cancelled" })).toBe("worker-not-registered");
    expect(ex({ workerInScope: false, startedInProvince: false })).toBe("worker-not-in-scope");
    expect(ex({ startedInProvince: false, status: "cancelled" })).toBe("started-outside-province");
    // Qinghai from 2026-07-01: 23:59:59 on 30 June (China time) is before; 16:00Z on 30 June is 1 July
    expect(ex({ endedAt: "2026-06-30T23:59:59+08:00" }, "qinghai")).toBe("before-start");
    expect(ex({ endedAt: "2026-06-30T16:00:00Z" }, "qinghai")).toBe(null);
  });

  test("the explanation gives each condition with its item of 第十条 and says why an order is left out", () => {
    const r = decideOrder("shanghai", order({ startedInProvince: false }));
    expect(r.explanation.map((s) => [s.rule, s.result])).toEqual([
      ["rule-set.version", "shanghai@2022-07-01"], // the version of the order's China-time day, first
      ["premium.order.worker", true],
      ["premium.order.place", false],
      ["premium.order.ended", true],
      ["premium.order.day", { day: "2026-08-10", endedAtChinaTime: "2026-08-10T12:00:00+08:00", onOrAfterStart: true }],
      ["premium.order.decision", { counts: false, exclusion: "started-outside-province" }],
    ]);
    expect(r.explanation[2]?.citations[0]?.id).toBe("shanghai-rules#art10.i2");
    expect(r.explanation[5]?.notes?.[0]?.zh).toMatch(/不计入/);
    // other provinces: the same rule, provenance national
    const q = decideOrder("qinghai", order());
    expect(q.explanation[1]?.parameters[0]).toMatchObject({ name: "premium.orderCounting", provenance: "national" });
    expect(decideOrder("shanghai", order()).explanation[1]?.parameters[0]?.provenance).toBe("seed");
  });

  test("malformed orders are INVALID_INPUT naming the field", () => {
    const bad: Array<[Partial<Record<keyof OrderRecord, unknown>>, string]> = [
      [{ industry: "bike" }, "industry"],
      [{ status: "lost" }, "status"],
      [{ platform: "" }, "platform"],
      [{ platform: "a b" }, "platform"],
      [{ platform: 7 }, "platform"],
      [{ workerRegistered: "yes" }, "workerRegistered"],
      [{ workerInScope: 1 }, "workerInScope"],
      [{ startedInProvince: null }, "startedInProvince"],
      [{ endedAt: undefined }, "endedAt"],
      [{ endedAt: "2026-08-10T12:00:00" }, "endedAt"], // no offset: its meaning would depend on the host
      [{ endedAt: "2026-02-30T12:00:00+08:00" }, "endedAt"],
      [{ endedAt: Number.NaN }, "endedAt"],
      [{ status: "in-progress", endedAt: "2026-08-10T12:00:00+08:00" }, "endedAt"],
    ];
    for (const [over, field] of bad) {
      expect(() => decideOrder("shanghai", { ...order(), ...over } as OrderRecord), field).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", path: [field] }),
      );
    }
  });
});

describe("the streaming tally", () => {
  test("records are checked by hand with the running index in the path and the message", () => {
    const t = new OrderTally("shanghai");
    t.add(order()).add(order());
    expect(() => t.add(order({ status: "lost" as never }))).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: [2, "status"], messageEn: expect.stringContaining("order record 2, field status") }),
    );
    expect(() => t.add(null as never)).toThrow(expect.objectContaining({ path: [2] }));
    expect(t.records).toBe(2); // a refused record is not counted as seen
  });

  test("counts per platform, industry and month, with exclusions by reason", () => {
    const r = countOrders("shanghai", [
      order({ endedAt: "2026-07-31T23:00:00+08:00" }),
      order({ endedAt: "2026-08-01T01:00:00+08:00" }),
      order({ endedAt: "2026-08-01T02:00:00+08:00", workerInScope: false }),
      order({ platform: "didi", industry: "ride-hailing", status: "in-progress", endedAt: null }),
      order({ platform: "didi", industry: "ride-hailing", status: "transferred", endedAt: 1785600000000 }), // 2026-08-02T00:00+08:00
    ]);
    expect(r.value.records).toBe(5);
    expect(r.value.counted).toBe(3);
    expect(r.value.rows.map((x) => [x.platform, x.industry, x.month, x.counted])).toEqual([
      ["didi", "ride-hailing", "2026-08", 1],
      ["didi", "ride-hailing", null, 0],
      ["meituan", "instant-delivery", "2026-07", 1],
      ["meituan", "instant-delivery", "2026-08", 1],
    ]);
    expect(r.value.rows[1]?.excluded["not-ended"]).toBe(1);
    expect(r.value.excluded).toEqual({ "worker-not-registered": 0, "worker-not-in-scope": 1, "started-outside-province": 0, "not-ended": 1, "before-start": 0 });
    expect(r.explanation[1]?.citations[0]?.id).toBe("shanghai-rules#art10");
  });

  // Under mutation testing (Stryker sets STRYKER_MUTATOR_WORKER) every surviving mutant of the tally would re-run the
  // 300,000 orders on instrumented code (over 5 s each); 3,000 orders still fill all 22 rows there.
  const ORDERS = process.env.STRYKER_MUTATOR_WORKER === undefined ? 300_000 : 3_000;
  test(`memory does not grow with the orders: ${ORDERS.toLocaleString("en")} orders over 11 platforms and 2 months make at most 22 rows`, () => {
    const platforms = ["didi", "caocao", "meituan", "eleme", "dada", "shansong", "sf-tongcheng", "huolala", "kuaigou", "didi-freight", "manbang"];
    function* gen() {
      for (let k = 0; k < ORDERS; k++) {
        yield order({ platform: platforms[k % 11] as string, endedAt: 1785513600000 + (k % 2) * 31 * 86_400_000 + k });
      }
    }
    const r = countOrders("zhejiang", gen()).value;
    expect(r.records).toBe(ORDERS);
    expect(r.rows.length).toBe(22);
  });

  test("too many distinct platforms is refused, so the state stays bounded", () => {
    const t = new OrderTally("guangxi");
    expect(() => {
      for (let k = 0; k <= 10_000; k++) t.add(order({ platform: `p${k}` }));
    }).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: [10_000, "platform"] }));
  });

  test("columns give the same counts as objects; a bad cell names column and row", () => {
    const records = [
      order(), order({ status: "transferred" }), order({ status: "cancelled", endedAt: null }),
      order({ platform: "didi", industry: "ride-hailing", workerRegistered: false }),
    ];
    const cols: OrderColumns = {
      length: 4,
      platforms: ["meituan", "didi"],
      platform: [0, 0, 0, 1],
      industry: new Uint8Array([1, 1, 1, 0]),
      status: new Uint8Array([0, 1, 2, 0]),
      endedAtMs: new Float64Array([1786334400000, 1786334400000, Number.NaN, 1786334400000]), // 2026-08-10T12:00+08:00
      workerRegistered: [1, 1, 1, 0],
      workerInScope: [true, true, true, true],
      startedInProvince: new Uint8Array([1, 1, 1, 1]),
    };
    expect(countOrderColumns("shanghai", cols).value).toEqual(countOrders("shanghai", records).value);
    expect(countOrderColumns("shanghai", [cols, cols]).value.records).toBe(8);
    expect(() => countOrderColumns("shanghai", { ...cols, industry: [1, 1, 5, 0] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["industry", 2] }),
    );
    expect(() => countOrderColumns("shanghai", { ...cols, platform: [0, 0, 0, 2] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["platform", 3] }),
    );
    expect(() => countOrderColumns("shanghai", { ...cols, status: [0, 1, 0, 0] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["endedAtMs", 2] }),
    );
    expect(() => countOrderColumns("shanghai", { ...cols, length: 5 })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["platform"] }));
  });

  test("async iterables of records or of batches give the same counts", async () => {
    const records = Array.from({ length: 50 }, (_x, k) => order({ endedAt: 1785513600000 + k * 3_600_000 * 20 }));
    async function* single() { for (const r of records) yield r; }
    async function* batched() { for (let k = 0; k < records.length; k += 7) yield records.slice(k, k + 7); }
    const sync = countOrders("qinghai", records).value;
    expect((await countOrdersAsync("qinghai", single())).value).toEqual(sync);
    expect((await countOrdersAsync("qinghai", batched())).value).toEqual(sync);
  });

  test("merging requires the same province", () => {
    expect(() => new OrderTally("qinghai").merge(new OrderTally("shanghai"))).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    const a = countOrders("qinghai", []).value;
    const b = countOrders("shanghai", []).value;
    expect(() => mergeOrderCounts(a, b)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: [1, "province"] }));
  });
});

// ---- properties --------------------------------------------------------------------------------------------

const arbOrder: fc.Arbitrary<OrderRecord> = fc.record({
  platform: fc.constantFrom("didi", "meituan", "eleme", "huolala"),
  industry: fc.constantFrom(...INDUSTRIES),
  status: fc.constantFrom(...ORDER_STATUSES),
  // mid-2026 to early 2027 in ms, with the odd order right on a China-time midnight
  ms: fc.oneof(fc.integer({ min: 1782835200000, max: 1798761600000 }), fc.integer({ min: 0, max: 200 }).map((d) => 1782835200000 + d * 86_400_000)),
  workerRegistered: fc.boolean(),
  workerInScope: fc.boolean(),
  startedInProvince: fc.boolean(),
  iso: fc.boolean(),
}).map(({ ms, iso, status, ...r }) => ({
  ...r,
  status,
  endedAt: status === "in-progress" ? null : iso ? new Date(ms).toISOString() : ms,
}));

describe("tally properties (fixed seed)", () => {
  test("order-independent: any permutation gives the same counts", () => {
    fc.assert(
      fc.property(fc.array(arbOrder, { maxLength: 60 }), fc.integer(), (orders, seed) => {
        const shuffled = orders.map((o, k) => ({ o, key: Math.imul(k + 1, seed | 1) >>> 0 })).sort((a, b) => a.key - b.key).map((x) => x.o);
        expect(countOrders("qinghai", shuffled).value).toEqual(countOrders("qinghai", orders).value);
      }),
      { seed: 42, numRuns: propertyRuns(200) },
    );
  });

  test("merge-associative and commutative: shards counted apart and combined equal one count", () => {
    fc.assert(
      fc.property(fc.array(arbOrder, { maxLength: 30 }), fc.array(arbOrder, { maxLength: 30 }), fc.array(arbOrder, { maxLength: 30 }), (a, b, c) => {
        const [A, B, C] = [a, b, c].map((x) => countOrders("shanghai", x).value) as [ReturnType<typeof countOrders>["value"], ReturnType<typeof countOrders>["value"], ReturnType<typeof countOrders>["value"]];
        const whole = countOrders("shanghai", [...a, ...b, ...c]).value;
        expect(mergeOrderCounts(A, mergeOrderCounts(B, C))).toEqual(whole);
        expect(mergeOrderCounts(mergeOrderCounts(A, B), C)).toEqual(whole);
        expect(mergeOrderCounts(C, B, A)).toEqual(whole);
        const t = new OrderTally("shanghai").addAll(a);
        t.merge(new OrderTally("shanghai").addAll(b).merge(new OrderTally("shanghai").addAll(c)));
        expect(t.counts()).toEqual(whole);
      }),
      { seed: 42, numRuns: propertyRuns(200) },
    );
  });

  test("the tally and decideOrder agree on every order", () => {
    fc.assert(
      fc.property(arbOrder, (o) => {
        const d = decideOrder("qinghai", o).value;
        const c = countOrders("qinghai", [o]).value;
        expect(c.counted).toBe(d.counts ? 1 : 0);
        expect(c.rows[0]?.month ?? null).toBe(d.month);
        if (d.exclusion !== null) expect(c.excluded[d.exclusion]).toBe(1);
      }),
      { seed: 42, numRuns: propertyRuns(200) },
    );
  });

  test("the fast date-time parser agrees with parseInstant, and refuses what it refuses", () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 60 })),
        fc.option(fc.stringMatching(/^[0-9]{1,10}$/)), fc.oneof(fc.constant("Z"), fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 60 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`)),
        (y, mo, d, h, mi, s, frac, zone) => {
          const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${s === null ? "" : `:${pad(s)}${frac === null ? "" : `.${frac}`}`}${zone}`;
          let expected: number | "error";
          try {
            expected = parseInstant(text, []).epochMs;
          } catch {
            expected = "error";
          }
          const fast = fastInstantMs(text);
          if (expected === "error") expect(Number.isNaN(fast)).toBe(true);
          else expect(Math.floor((fast + 8 * 3_600_000) / 86_400_000)).toBe(Math.floor((expected + 8 * 3_600_000) / 86_400_000));
        },
      ),
      { seed: 42, numRuns: propertyRuns(2000) },
    );
  });
});
