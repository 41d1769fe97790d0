/**
 * The fast loop of `addColumns` (typed arrays of unsigned integers, Float64Array end times) against the checked
 * loop (the same columns as plain arrays) and against records one by one: equal counts whatever the order of the
 * months and runs of days (Qinghai with a later version whose rules start later: three runs in January 2028),
 * orders without an end time, a new platform in a later batch; a bad row stops the batch there with the checked
 * loop's error and the rows before it counted.
 */
import { describe, expect, test } from "vitest";
import { ZhishangError } from "../../src/core/errors.js";
import { OrderTally, ORDER_STATUSES, type OrderColumns, type OrderRecord } from "../../src/premium/orders.js";
import { bundledRuleSets } from "../../src/provinces/index.js";
import { rng } from "../support/rng.js";

const late = {
  id: "qinghai@2028-01-15", province: "qinghai", validFrom: "2028-01-15", extends: "qinghai@2026-07-01",
  params: { "coverage.inForceFrom": { value: "2028-02-01", provenance: { kind: "assumed", citations: [], reason: { zh: "测试：新版本自2028年2月1日起施行", en: "test: the new version applies from 2028-02-01" } } } },
};
const registry = bundledRuleSets().load(late);
const INDUSTRIES = ["ride-hailing", "instant-delivery", "intra-city-freight"] as const;
const PLATFORMS = ["meituan", "eleme", "didi"];

/** Columns of `n` orders over June 2026 – March 2028 China time (before the start, each run of January 2028). */
function columns(n: number, seed: number) {
  const r = rng(seed);
  const c = {
    length: n, platforms: PLATFORMS, platform: new Uint8Array(n), industry: new Uint8Array(n), status: new Uint8Array(n), endedAtMs: new Float64Array(n),
    workerRegistered: new Uint8Array(n), workerInScope: new Uint8Array(n), startedInProvince: new Uint8Array(n),
  };
  const from = Date.UTC(2026, 5, 1) - 8 * 3_600_000;
  const span = Date.UTC(2028, 3, 1) - Date.UTC(2026, 5, 1);
  for (let j = 0; j < n; j++) {
    c.platform[j] = Math.floor(r() * 3);
    c.industry[j] = Math.floor(r() * 3);
    const st = Math.floor(r() * 4);
    c.status[j] = st;
    // runs of 50 orders in one place of time, then a jump: the run of days changes often, back and forth
    c.endedAtMs[j] = st === 3 || (st === 2 && r() < 0.5) ? NaN : from + Math.floor(((Math.floor(j / 50) * 7919) % 640) / 640 * span + r() * 86_400_000);
    c.workerRegistered[j] = r() < 0.9 ? 1 : 0;
    c.workerInScope[j] = r() < 0.9 ? 1 : 0;
    c.startedInProvince[j] = r() < 0.9 ? 1 : 0;
  }
  return c;
}
const plain = (c: OrderColumns): OrderColumns => ({
  length: c.length, platforms: c.platforms, platform: Array.from(c.platform), industry: Array.from(c.industry), status: Array.from(c.status),
  endedAtMs: Array.from(c.endedAtMs), workerRegistered: Array.from(c.workerRegistered), workerInScope: Array.from(c.workerInScope),
  startedInProvince: Array.from(c.startedInProvince),
});
const records = (c: OrderColumns): OrderRecord[] => Array.from({ length: c.length }, (_, j) => ({
  platform: c.platforms[c.platform[j] as number] as string, industry: INDUSTRIES[c.industry[j] as number] as (typeof INDUSTRIES)[number],
  status: ORDER_STATUSES[c.status[j] as number] as OrderRecord["status"], endedAt: Number.isNaN(c.endedAtMs[j]) ? null : (c.endedAtMs[j] as number),
  workerRegistered: c.workerRegistered[j] === 1, workerInScope: c.workerInScope[j] === 1, startedInProvince: c.startedInProvince[j] === 1,
}));

describe("the fast columnar loop", () => {
  test("counts as the checked loop and as records one by one, over many runs and batches, with a platform new in a later batch", () => {
    const a = columns(6000, 11);
    const b = { ...columns(3000, 12), platforms: ["didi", "dada", "meituan"] };
    const fast = new OrderTally("qinghai", { registry }).addColumns(a).addColumns(b).counts();
    const checked = new OrderTally("qinghai", { registry }).addColumns(plain(a)).addColumns(plain(b)).counts();
    const one = new OrderTally("qinghai", { registry }).addAll([...records(a), ...records(b)]).counts();
    expect(fast).toEqual(checked);
    expect(fast).toEqual(one);
    // the data reach every run: before the start (June 2026), January 2028 before and after the 15th
    expect(fast.excluded["before-start"]).toBeGreaterThan(0);
    expect(fast.rows.some((r) => r.month === null)).toBe(true);
    expect(fast.rows.map((r) => r.platform).includes("dada")).toBe(true);
    expect(fast.records).toBe(9000);
  });

  test("a bad row stops the batch with the checked loop's error; the rows before it stay counted", () => {
    const a = columns(1000, 13);
    a.status[700] = 3;
    a.endedAtMs[700] = Date.UTC(2027, 0, 1);
    const t = new OrderTally("qinghai", { registry });
    let error: ZhishangError | null = null;
    try {
      t.addColumns(a);
    } catch (e) {
      error = e as ZhishangError;
    }
    expect([error?.path, error?.messageEn]).toEqual([["endedAtMs", 700], "column endedAtMs, row 700 (record 700): an order in progress has not ended"]);
    expect(t.records).toBe(700);
    expect(t.counts()).toEqual(new OrderTally("qinghai", { registry }).addAll(records(a).slice(0, 700)).counts());
    // a flag of 2 and a platform index past the list: refused at their rows
    const b = columns(10, 14);
    b.workerInScope[4] = 2;
    expect(() => new OrderTally("qinghai").addColumns(b)).toThrow("column workerInScope, row 4 (record 4): expected 1/0 or true/false");
    const c = columns(10, 15);
    c.platform[6] = 3;
    expect(() => new OrderTally("qinghai").addColumns(c)).toThrow("column platform, row 6 (record 6): expected an index into platforms");
  });
});
