/**
 * src/premium/orders.ts, pinned exactly: every error (code, path, both messages), every explanation step, and the
 * boundaries of the hand-written checks (the fast date-time parser, China-time days and months, the platform limit,
 * the caches of the tally). Each expected value is worked out from the code; the comment says why.
 */
import { describe, expect, test } from "vitest";
import { ZhishangError } from "../../src/core/errors.js";
import type { ExplanationStep } from "../../src/core/explain.js";
import { computeMonthlyContributions } from "../../src/premium/contribution.js";
import {
  countOrderColumns, countOrders, countOrdersAsync, decideOrder, fastInstantMs, mergeOrderCounts, OrderTally,
  type OrderColumns, type OrderCountRow, type OrderCounts, type OrderRecord,
} from "../../src/premium/orders.js";

const ok = { workerRegistered: true, workerInScope: true, startedInProvince: true } as const;
const order = (over: Partial<Record<keyof OrderRecord, unknown>> = {}): OrderRecord =>
  ({ platform: "meituan", industry: "instant-delivery", status: "delivered", endedAt: "2026-08-10T12:00:00+08:00", ...ok, ...over }) as OrderRecord;
const MIN_MS = Date.UTC(1900, 0, 1) - 8 * 3_600_000; // 1900-01-01T00:00+08:00, the first accepted instant
const MAX_MS = Date.UTC(2200, 0, 1) - 8 * 3_600_000; // 2200-01-01T00:00+08:00, the first refused one
const AUG10 = Date.UTC(2026, 7, 10, 4); // 2026-08-10T12:00+08:00
const QH_START = Date.UTC(2026, 5, 30, 16); // 2026-07-01T00:00+08:00, Qinghai's coverage.inForceFrom
const NONE = { "worker-not-registered": 0, "worker-not-in-scope": 0, "started-outside-province": 0, "not-ended": 0, "before-start": 0 };

type Plain = { code: string; path: unknown[]; messageEn: string; messageZh: string };
const plain = (e: unknown): Plain => {
  if (!(e instanceof ZhishangError)) throw e;
  return { code: e.code, path: [...e.path], messageEn: e.messageEn, messageZh: e.messageZh };
};
function caught(f: () => unknown): Plain { try { f(); } catch (e) { return plain(e); } throw new Error("did not throw"); }
async function rejected(p: Promise<unknown>): Promise<Plain> { try { await p; } catch (e) { return plain(e); } throw new Error("did not reject"); }
const invalid = (path: unknown[], messageEn: string, messageZh: string): Plain => ({ code: "INVALID_INPUT", path, messageEn, messageZh });
/** A record-level error of the stream: "order record N, field F: …" (badField). */
const field = (n: number, f: string, en: string, zh: string) => invalid([n, f], `order record ${n}, field ${f}: ${en}`, `第 ${n} 条订单记录，字段 ${f}：${zh}`);
const PLATFORM = ["expected a platform id (letters, digits, . _ -, at most 64 characters)", "应为平台编号（字母、数字、. _ -，不超过 64 个字符）"] as const;
const BOOL = ["expected true or false", "应为 true 或 false"] as const;
const NUM = ["as a number, expected epoch milliseconds between 1900 and 2199", "为数字时应为 1900–2199 年间的毫秒时间戳"] as const;
const OTHER = ["expected an ISO 8601 date-time with an offset or epoch milliseconds", "应为带时区偏移的 ISO 8601 日期时间或毫秒时间戳"] as const;
const row = (platform: string, industry: string, month: string | null, counted: number, excluded: Partial<typeof NONE> = {}) =>
  ({ platform, industry, month, counted, excluded: { ...NONE, ...excluded } }) as OrderCountRow;
/** An explanation step with citations and parameters reduced to their ids and names. */
const view = (s: ExplanationStep | undefined) => s && ({
  rule: s.rule, title: s.title, citations: s.citations.map((c) => c.id), inputs: s.inputs,
  parameters: s.parameters.map((p) => p.name), result: s.result, notes: s.notes,
});
const SH_START_CITES = ["national-measures", "shanghai-rules#art81"]; // Shanghai's coverage.inForceFrom (national provenance)

describe("record validation in the stream: the running index in path and message", () => {
  test("each malformed field, after two good records (index 2); a refused record is not seen", () => {
    const t = new OrderTally("shanghai").add(order()).add(order());
    const cases: Array<[unknown, Plain]> = [
      [null, invalid([2], "order record 2 must be an object", "第 2 条订单记录应为对象")],
      [5, invalid([2], "order record 2 must be an object", "第 2 条订单记录应为对象")],
      [order({ platform: "a b" }), field(2, "platform", ...PLATFORM)],
      [order({ platform: 7 }), field(2, "platform", ...PLATFORM)], // "7" would pass the regex: the type is checked first
      [order({ platform: "-a" }), field(2, "platform", ...PLATFORM)],
      [order({ platform: "a".repeat(65) }), field(2, "platform", ...PLATFORM)],
      [order({ industry: "bike" }), field(2, "industry", "expected one of ride-hailing, instant-delivery, intra-city-freight", "应为 ride-hailing、instant-delivery、intra-city-freight 之一")],
      [order({ status: "lost" }), field(2, "status", "expected one of delivered, transferred, cancelled, in-progress", "应为 delivered、transferred、cancelled、in-progress 之一")],
      [order({ workerRegistered: "yes" }), field(2, "workerRegistered", ...BOOL)], [order({ workerInScope: 1 }), field(2, "workerInScope", ...BOOL)],
      [order({ startedInProvince: null }), field(2, "startedInProvince", ...BOOL)],
      [order({ endedAt: undefined }), field(2, "endedAt", "a delivered order needs the time its execution ended", "已送达或中途转出的订单须有执行结束时间")],
      [order({ status: "transferred", endedAt: null }), field(2, "endedAt", "a transferred order needs the time its execution ended", "已送达或中途转出的订单须有执行结束时间")],
      [order({ status: "in-progress" }), field(2, "endedAt", "an order in progress has not ended", "执行中的订单尚无执行结束时间")],
      // endedAt's own checks (endedAtMs, and parseInstant's messages for strings the fast parser leaves) get the same prefix
      [order({ endedAt: true }), field(2, "endedAt", ...OTHER)],
      ...[Number.NaN, Number.POSITIVE_INFINITY, MIN_MS - 1, MAX_MS].map((endedAt): [unknown, Plain] => [order({ endedAt }), field(2, "endedAt", ...NUM)]),
      [order({ endedAt: "2026-02-30T12:00:00+08:00" }), field(2, "endedAt", "2026-02-30T12:00:00+08:00 is not a valid date-time", "2026-02-30T12:00:00+08:00 不是有效的日期时间")],
      [order({ endedAt: "2026-08-10T12:00:00" }), field(2, "endedAt", "expected an ISO 8601 date-time with an offset, e.g. 2026-08-03T21:15:00+08:00", "日期时间应为带时区偏移的 ISO 8601 格式，如 2026-08-03T21:15:00+08:00")],
    ];
    for (const [record, expected] of cases) expect(caught(() => t.add(record as OrderRecord)), JSON.stringify(record)).toEqual(expected);
    expect(t.records).toBe(2);
  });

  test("a missing platform is refused on a fresh tally and after a cached one (no cache hit on undefined)", () => {
    expect(caught(() => new OrderTally("shanghai").add(order({ platform: undefined })))).toEqual(field(0, "platform", ...PLATFORM));
    const t = new OrderTally("shanghai").add(order());
    expect(caught(() => t.add(order({ platform: undefined })))).toEqual(field(1, "platform", ...PLATFORM));
  });

  test("the edges that are accepted: a 64-character id with . _ -, the first and last instants of 1900–2199", () => {
    const id = `A0._-${"z".repeat(59)}`; // 64 characters: the regex allows 1 + 63
    const r = countOrders("shanghai", [order({ platform: id }), order({ endedAt: MIN_MS }), order({ endedAt: MAX_MS - 1 })]).value;
    // China-time months 1900-01 (before Shanghai's 2022-07-01 start) and 2199-12 (after it: counted)
    expect(r.rows).toEqual([row(id, "instant-delivery", "2026-08", 1), row("meituan", "instant-delivery", "1900-01", 0, { "before-start": 1 }),
      row("meituan", "instant-delivery", "2199-12", 1)]);
  });
});

describe("decideOrder: the same errors for one order, path [field], message without the record index", () => {
  test("each field", () => {
    const d = (over: Partial<Record<keyof OrderRecord, unknown>>) => caught(() => decideOrder("shanghai", order(over)));
    const f = (name: string, en: string, zh: string) => invalid([name], `field ${name}: ${en}`, `字段 ${name}：${zh}`);
    expect(d({ platform: "a b" })).toEqual(f("platform", ...PLATFORM));
    expect(d({ industry: "bike" })).toEqual(f("industry", "expected one of ride-hailing, instant-delivery, intra-city-freight", "应为 ride-hailing、instant-delivery、intra-city-freight 之一"));
    expect(d({ status: "lost" })).toEqual(f("status", "expected one of delivered, transferred, cancelled, in-progress", "应为 delivered、transferred、cancelled、in-progress 之一"));
    expect(d({ workerInScope: 0 })).toEqual(f("workerInScope", ...BOOL));
    expect(d({ endedAt: null })).toEqual(f("endedAt", "a delivered order needs the time its execution ended", "已送达或中途转出的订单须有执行结束时间"));
    expect(d({ status: "in-progress" })).toEqual(f("endedAt", "an order in progress has not ended", "执行中的订单尚无执行结束时间"));
    expect(d({ endedAt: MAX_MS })).toEqual(f("endedAt", ...NUM));
    expect(d({ endedAt: {} })).toEqual(f("endedAt", ...OTHER));
    expect(d({ endedAt: "2026-08-10" })).toEqual(f("endedAt", "expected an ISO 8601 date-time with an offset, e.g. 2026-08-03T21:15:00+08:00", "日期时间应为带时区偏移的 ISO 8601 格式，如 2026-08-03T21:15:00+08:00"));
  });

  test("a non-object order is refused without a record index; other errors pass unchanged", () => {
    for (const o of [null, 5, "order"]) expect(caught(() => decideOrder("shanghai", o as never))).toEqual(invalid([], "the order must be an object", "订单应为对象"));
    // the province error's path does not start with 0: it is rethrown as is
    expect(caught(() => decideOrder("mars" as never, order()))).toEqual(invalid(["province"],
      'unknown province "mars"; expected one of qinghai, shanghai, guangxi, inner-mongolia, zhejiang (or load its rule set)',
      '未知省份 "mars"，应为 qinghai、shanghai、guangxi、inner-mongolia、zhejiang 之一（或加载其规则集）'));
  });
});

describe("the tally's inline checks and checkRecord (decideOrder) refuse the same records with the same messages", () => {
  test("every malformed field, and two at once (the first in the fixed order wins)", () => {
    const bad: Array<Partial<Record<keyof OrderRecord, unknown>>> = [
      { industry: "bike" }, { industry: undefined }, { status: "lost" }, { status: 0 }, { workerRegistered: 1 }, { workerInScope: null },
      { startedInProvince: "true" }, { endedAt: null }, { status: "transferred", endedAt: undefined }, { status: "in-progress" },
      { endedAt: Number.NaN }, { endedAt: MIN_MS - 1 }, { endedAt: "2026-08-10" }, { endedAt: [] },
      { industry: "bike", status: "lost" }, { status: "lost", workerRegistered: 0 }, { workerInScope: 0, endedAt: null }, { status: "in-progress", startedInProvince: 0 },
    ];
    for (const over of bad) {
      const stream = caught(() => new OrderTally("shanghai").add(order(over)));
      const single = caught(() => decideOrder("shanghai", order(over)));
      const f = single.path[0] as string;
      expect(stream, JSON.stringify(over)).toEqual({ ...single, path: [0, f],
        messageEn: `order record 0, ${single.messageEn}`, messageZh: `第 0 条订单记录，${single.messageZh}` });
    }
  });
});

describe("decideOrder: the five explanation steps", () => {
  test("a counted order (Shanghai): every step whole", () => {
    const r = decideOrder("shanghai", order());
    expect(r.value).toEqual({ counts: true, exclusion: null, day: "2026-08-10", month: "2026-08", endedAtChinaTime: "2026-08-10T12:00:00+08:00" });
    expect(r.explanation.map(view)).toEqual([
      // the version of the China-time day execution ended
      { rule: "rule-set.version", title: { zh: "适用的规则集版本", en: "rule-set version used" }, citations: [], inputs: {}, parameters: [],
        result: "shanghai@2022-07-01", notes: [
          { zh: "适用规则集版本 shanghai@2022-07-01（2022-07-01 起）", en: "rule-set version used: shanghai@2022-07-01 (from 2022-07-01)" },
          { zh: "执行结束日 2026-08-10（北京时间）施行的版本", en: "the version in force on 2026-08-10, the China-time day execution ended" },
        ] },
      // own citation 第十条（一） first, then premium.orderCounting's (第十条)
      { rule: "premium.order.worker", title: { zh: "（一）接单人员已在平台注册且符合参保范围", en: "(1) the worker is registered and within the insured scope" },
        citations: ["shanghai-rules#art10.i1", "shanghai-rules#art10"], inputs: { workerRegistered: true, workerInScope: true },
        parameters: ["premium.orderCounting"], result: true, notes: undefined },
      { rule: "premium.order.place", title: { zh: "（二）实际接单并开始执行地点位于本省（区、市）行政区域内", en: "(2) accepted and started in the province" },
        citations: ["shanghai-rules#art10.i2"], inputs: { startedInProvince: true }, parameters: [], result: true, notes: undefined },
      { rule: "premium.order.ended", title: { zh: "（三）接单后已实际执行结束（实际送达、中途转出等）", en: "(3) actually ended after acceptance (delivered, transferred mid-way)" },
        citations: ["shanghai-rules#art10.i3"], inputs: { status: "delivered" }, parameters: [], result: true, notes: undefined },
      { rule: "premium.order.day", title: { zh: "每日24时前执行结束的订单计入当日（北京时间）", en: "an order counts for the day its execution ended by 24:00 (China time)" },
        citations: ["shanghai-rules#art10", ...SH_START_CITES], inputs: { endedAt: "2026-08-10T12:00:00+08:00" }, parameters: ["coverage.inForceFrom"],
        result: { day: "2026-08-10", endedAtChinaTime: "2026-08-10T12:00:00+08:00", onOrAfterStart: true },
        notes: [{ zh: "时间换算为北京时间（UTC+08:00）后取日期", en: "the time is converted to China Standard Time (UTC+08:00) and its date taken (docs/decisions.md#C5)" }] },
      { rule: "premium.order.decision", title: { zh: "是否计入应缴费订单", en: "does the order count" }, citations: ["shanghai-rules#art10"], inputs: {},
        parameters: [], result: { counts: true, exclusion: null }, notes: [{ zh: "计入 2026-08-10 的应缴费订单", en: "counts for 2026-08-10" }] },
    ]);
  });

  test("left out: the decision cites the item that failed (none for before-start) and says why", () => {
    const last = (p: "shanghai" | "qinghai", over: Partial<Record<keyof OrderRecord, unknown>>) => {
      const s = decideOrder(p, order(over)).explanation[5];
      return [s?.citations.map((c) => c.id), s?.result, s?.notes];
    };
    const no = (zh: string, en: string) => [{ zh: `不计入：${zh}`, en: `does not count: ${en}` }];
    expect(last("shanghai", { workerRegistered: false, workerInScope: false })).toEqual([["shanghai-rules#art10.i1"],
      { counts: false, exclusion: "worker-not-registered" }, no("接单人员未在平台注册", "the worker is not registered with the platform")]);
    expect(last("shanghai", { startedInProvince: false, status: "cancelled" })).toEqual([["shanghai-rules#art10.i2"],
      { counts: false, exclusion: "started-outside-province" }, no("实际接单并开始执行地点不在本省（区、市）行政区域内", "the order was not accepted and started in the province")]);
    expect(last("shanghai", { status: "cancelled" })).toEqual([["shanghai-rules#art10.i3"],
      { counts: false, exclusion: "not-ended" }, no("订单未实际执行结束（未送达、未中途转出）", "the order did not actually end (neither delivered nor transferred)")]);
    // Qinghai starts 2026-07-01: one millisecond before, in China time, is 30 June; before-start has no item of 第十条
    expect(last("qinghai", { endedAt: QH_START - 1 })).toEqual([["shanghai-rules#art10"],
      { counts: false, exclusion: "before-start" }, no("执行结束日期早于本省施行日期", "execution ended before the province's rules apply")]);
  });

  test("no end time: endedAt null in the inputs, a null day; out of scope fails （一） though registered", () => {
    for (const endedAt of [null, undefined]) {
      const r = decideOrder("shanghai", order({ status: "cancelled", endedAt, workerInScope: false }));
      expect(r.value).toEqual({ counts: false, exclusion: "worker-not-in-scope", day: null, month: null, endedAtChinaTime: null });
      expect(r.explanation.map((s) => [s.inputs, s.result])).toEqual([
        [{}, "shanghai@2022-07-01"], // no day: the province's one version
        [{ workerRegistered: true, workerInScope: false }, false], // registered AND in scope
        [{ startedInProvince: true }, true],
        [{ status: "cancelled" }, false], // only delivered and transferred have ended
        [{ endedAt: null }, { day: null, endedAtChinaTime: null, onOrAfterStart: null }],
        [{}, { counts: false, exclusion: "worker-not-in-scope" }],
      ]);
    }
    expect(decideOrder("shanghai", order({ status: "in-progress", endedAt: undefined })).value.exclusion).toBe("not-ended");
  });

  test("the start day itself counts (day ≥ start), the day before does not", () => {
    const at = (ms: number) => decideOrder("qinghai", order({ endedAt: ms }));
    expect(at(QH_START).value).toEqual({ counts: true, exclusion: null, day: "2026-07-01", month: "2026-07", endedAtChinaTime: "2026-07-01T00:00:00+08:00" });
    expect(at(QH_START).explanation[4]?.result).toEqual({ day: "2026-07-01", endedAtChinaTime: "2026-07-01T00:00:00+08:00", onOrAfterStart: true });
    // 23:59:59.999 China time on 30 June; the seconds are shown truncated
    expect(at(QH_START - 1).explanation[4]?.result).toEqual({ day: "2026-06-30", endedAtChinaTime: "2026-06-30T23:59:59+08:00", onOrAfterStart: false });
    // the version step says why that version: in force on the day, or none in force (decided under the first)
    expect(at(QH_START).explanation[0]?.notes?.[1]).toEqual({ zh: "执行结束日 2026-07-01（北京时间）施行的版本", en: "the version in force on 2026-07-01, the China-time day execution ended" });
    expect(at(QH_START - 1).explanation[0]?.notes?.[1]).toEqual({
      zh: "执行结束日 2026-06-30（北京时间）无施行中的规则：按此前最近施行的版本判定（早于首个版本的，按首个版本）",
      en: "no rules are in force on 2026-06-30, the China-time day execution ended: decided under the latest version starting on or before it (the first, before any)",
    });
  });
});

describe("the tally: conditions, China-time months, caches and the platform limit", () => {
  test("the first failing condition is the one counted; every status and industry is told apart", () => {
    const r = countOrders("qinghai", [
      order({ workerRegistered: false, workerInScope: false, startedInProvince: false, status: "cancelled" }), // （一） registered first
      order({ workerInScope: false, startedInProvince: false, status: "in-progress", endedAt: null }), // then in scope: month null
      order({ startedInProvince: false, status: "cancelled" }), // then （二）
      order({ status: "cancelled", endedAt: QH_START - 1 }), // （三） before the start date: not-ended, not before-start
      order({ endedAt: QH_START - 1 }), // 30 June 23:59:59.999 China time
      order({ industry: "ride-hailing", status: "transferred", endedAt: QH_START }), // 1 July 00:00 China time
      order({ industry: "intra-city-freight", endedAt: "2026-06-30T16:00:00Z" }), // = 1 July 00:00 China time
    ]).value;
    expect(r).toEqual({ province: "qinghai", records: 7, counted: 2,
      excluded: { "worker-not-registered": 1, "worker-not-in-scope": 1, "started-outside-province": 1, "not-ended": 1, "before-start": 1 }, rows: [
        row("meituan", "ride-hailing", "2026-07", 1),
        row("meituan", "instant-delivery", "2026-06", 0, { "not-ended": 1, "before-start": 1 }),
        row("meituan", "instant-delivery", "2026-08", 0, { "worker-not-registered": 1, "started-outside-province": 1 }),
        row("meituan", "instant-delivery", null, 0, { "worker-not-in-scope": 1 }),
        row("meituan", "intra-city-freight", "2026-07", 1),
      ] });
  });

  test("months jump back and forth across China-time month ends without mixing cells", () => {
    const t = new OrderTally("shanghai");
    const at = ["2026-03-31T23:59:59.999+08:00", "2026-03-31T16:00:00Z", "2026-03-15T08:00:00+08:00", "2026-04-30T15:59:59Z",
      "2026-05-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00", "2026-04-15T12:00:00+08:00"];
    for (const endedAt of at) t.add(order({ endedAt }));
    // 16:00Z on 31 March is 1 April; 15:59:59Z on 30 April is still 30 April
    expect(t.counts().rows.map((r) => [r.month, r.counted])).toEqual([["2026-03", 3], ["2026-04", 3], ["2026-05", 1]]);
  });

  test("industries of one platform and 20 platforms in turn (more than the 16 cached ids) keep their own counts", () => {
    const t = new OrderTally("guangxi");
    for (const industry of ["ride-hailing", "instant-delivery", "ride-hailing", "intra-city-freight", "instant-delivery"]) t.add(order({ industry }));
    for (let pass = 0; pass < 2; pass++) for (let k = 0; k < 20; k++) t.add(order({ platform: `p${String(k).padStart(2, "0")}` }));
    const rows = t.counts().rows;
    // "meituan" sorts before "p00"; its industries in C1 order
    expect(rows.slice(0, 3).map((r) => [r.industry, r.counted])).toEqual([["ride-hailing", 2], ["instant-delivery", 2], ["intra-city-freight", 1]]);
    expect(rows.slice(3).map((r) => [r.platform, r.counted])).toEqual(Array.from({ length: 20 }, (_x, k) => [`p${String(k).padStart(2, "0")}`, 2]));
    expect(t.records).toBe(45);
  });

  test("10,000 distinct platforms are allowed; the 10,001st is refused; known platforms still count", () => {
    const t = new OrderTally("zhejiang");
    for (let k = 0; k < 10_000; k++) t.add(order({ platform: `p${k}` }));
    expect(caught(() => t.add(order({ platform: "one-more" })))).toEqual(
      field(10_000, "platform", "more than 10000 distinct platforms in one tally", "同一统计中平台超过 10000 个"));
    t.add(order({ platform: "p0" }));
    expect([t.records, t.counts().rows.length, t.counts().rows[0]]).toEqual([10_001, 10_000, row("p0", "instant-delivery", "2026-08", 2)]);
  });

  test("a refused record takes no platform slot: 9,999 platforms, 5 bad records with new ids, then a new valid one fits", () => {
    const t = new OrderTally("zhejiang");
    for (let k = 0; k < 9_999; k++) t.add(order({ platform: `p${k}` }));
    // each is refused after its (new, well-formed) platform id was read: industry, status, flag, endedAt
    for (const bad of [{ industry: "bike" }, { status: "lost" }, { workerInScope: 1 }, { endedAt: "2026-08-10" }, { status: "in-progress" }]) {
      expect(caught(() => t.add(order({ platform: "q", ...bad }))).code).toBe("INVALID_INPUT");
    }
    t.add(order({ platform: "ok" })); // the 10,000th platform: allowed
    expect(caught(() => t.add(order({ platform: "q" })))).toEqual( // q was never created: it would be the 10,001st
      field(9_999 + 1, "platform", "more than 10000 distinct platforms in one tally", "同一统计中平台超过 10000 个"));
    expect([t.records, t.counts().rows.length]).toEqual([10_000, 10_000]);
  });

  test("the platform bound in columns (every listed new id counts, a repeated one once) and in merge (checked before any change)", () => {
    const full = new OrderTally("zhejiang");
    for (let k = 0; k < 9_998; k++) full.add(order({ platform: `p${k}` }));
    const c = (platforms: string[]): OrderColumns => ({ length: 1, platforms, platform: [platforms.length - 1], industry: [1], status: [0],
      endedAtMs: [AUG10], workerRegistered: [1], workerInScope: [1], startedInProvince: [1] });
    // p0 is known; a, a count once: 9,998 + 1 = 9,999 platforms
    full.addColumns(c(["p0", "a", "a"]));
    expect([full.records, full.counts().rows.length]).toEqual([9_999, 9_999]);
    // b, c would be the 10,000th and 10,001st: refused at c's entry, nothing counted, no slot made for b
    expect(caught(() => full.addColumns(c(["b", "p1", "c"])))).toEqual(invalid(["platforms", 2],
      "platforms[2]: more than 10000 distinct platforms in one tally", "platforms[2]：同一统计中平台超过 10000 个"));
    expect([full.records, full.counts().rows.length]).toEqual([9_999, 9_999]);
    // a batch whose row is refused makes no slot for its new platform either
    expect(caught(() => full.addColumns({ ...c(["b"]), status: [9] })).path).toEqual(["status", 0]);
    full.add(order({ platform: "z" })); // the 10,000th
    expect(full.counts().rows.length).toBe(10_000);
    // merge: a shard with one platform not in full would make 10,001
    const shard = new OrderTally("zhejiang").add(order({ platform: "p5" })).add(order({ platform: "new" }));
    expect(caught(() => full.merge(shard))).toEqual(invalid([], "the merged tally would have more than 10000 distinct platforms", "合并后的统计平台将超过 10000 个"));
    expect([full.records, full.counts().rows.find((r) => r.platform === "p5")?.counted]).toEqual([10_000, 1]); // unchanged
    // a shard of known platforms merges
    full.merge(new OrderTally("zhejiang").add(order({ platform: "p5" })));
    expect([full.records, full.counts().rows.find((r) => r.platform === "p5")?.counted]).toEqual([10_001, 2]);
  });

  test("a cell with a count in every column is kept (Shanghai started 2026-08-15 by override)", () => {
    const r = countOrders("shanghai", [
      order({ endedAt: "2026-08-20T12:00:00+08:00" }), order({ workerRegistered: false }), order({ workerInScope: false }),
      order({ startedInProvince: false }), order({ status: "cancelled" }), order(), // order(): 10 August, before the start
    ], { overrides: { "coverage.inForceFrom": "2026-08-15" } }).value;
    const all = { "worker-not-registered": 1, "worker-not-in-scope": 1, "started-outside-province": 1, "not-ended": 1, "before-start": 1 };
    expect(r.rows).toEqual([row("meituan", "instant-delivery", "2026-08", 1, all)]);
  });
});

describe("counts() order and the explanation of a tally", () => {
  const records = [
    order(), order({ workerInScope: false }), order({ startedInProvince: false }), order({ startedInProvince: false, status: "transferred" }),
    order({ platform: "didi", industry: "ride-hailing", status: "cancelled", endedAt: null }),
    order({ platform: "didi", industry: "ride-hailing", endedAt: "2026-09-01T00:00:00+08:00" }),
    order({ platform: "didi", industry: "ride-hailing", endedAt: "2026-07-31T23:00:00+08:00" }),
    order({ platform: "Zeta" }),
  ];

  test("rows sorted by platform code points (Z < d < m), then month with null last", () => {
    expect(countOrders("shanghai", records).value).toEqual({ province: "shanghai", records: 8, counted: 4,
      excluded: { ...NONE, "worker-not-in-scope": 1, "started-outside-province": 2, "not-ended": 1 }, rows: [
        row("Zeta", "instant-delivery", "2026-08", 1),
        row("didi", "ride-hailing", "2026-07", 1), row("didi", "ride-hailing", "2026-09", 1), row("didi", "ride-hailing", null, 0, { "not-ended": 1 }),
        row("meituan", "instant-delivery", "2026-08", 1, { "worker-not-in-scope": 1, "started-outside-province": 2 }),
      ] } satisfies OrderCounts);
  });

  test("both steps whole: notes only for the reasons that occurred, in ORDER_EXCLUSIONS order; counted by month, sorted", () => {
    const e = countOrders("shanghai", records).explanation;
    expect(e.map(view)).toEqual([
      { rule: "rule-set.version", title: { zh: "适用的规则集版本", en: "rule-set version used" }, citations: [], inputs: {}, parameters: [],
        result: "shanghai@2022-07-01", notes: [
          { zh: "适用规则集版本 shanghai@2022-07-01（2022-07-01 起）", en: "rule-set version used: shanghai@2022-07-01 (from 2022-07-01)" },
          { zh: "shanghai 只有这一个版本，每单均按其判定", en: "shanghai has this one version: every order is decided under it" },
        ] },
      { rule: "premium.order-counting", title: { zh: "应缴费订单：每日24时前执行结束的订单计入当日", en: "orders that count: those whose execution ended by 24:00, for that day" },
        citations: ["shanghai-rules#art10", ...SH_START_CITES], inputs: { records: 8 }, parameters: ["premium.orderCounting", "coverage.inForceFrom"],
        result: { counted: 4, excluded: { ...NONE, "worker-not-in-scope": 1, "started-outside-province": 2, "not-ended": 1 } },
        notes: [
          { zh: "日期按北京时间（UTC+08:00）计", en: "days are China Standard Time (UTC+08:00) days (docs/decisions.md#C5)" },
          { zh: "1 单不计入：接单人员不符合平台企业新就业形态人员参保范围", en: "1 not counted: the worker is outside the platform's insured scope" },
          { zh: "2 单不计入：实际接单并开始执行地点不在本省（区、市）行政区域内", en: "2 not counted: the order was not accepted and started in the province" },
          { zh: "1 单不计入：订单未实际执行结束（未送达、未中途转出）", en: "1 not counted: the order did not actually end (neither delivered nor transferred)" },
        ] },
      // Zeta's and meituan's August add up; the null month is left out
      { rule: "premium.order-tally", title: { zh: "按平台企业、行业、月份汇总的应缴费订单", en: "counted orders by platform, industry and month" },
        citations: [], inputs: { rows: 5 }, parameters: [], result: { "2026-07": 1, "2026-08": 2, "2026-09": 1 },
        notes: [{ zh: "逐单判定，不保存逐单数据；分片统计可合并", en: "decided order by order, nothing kept per order; shard tallies merge" }] },
    ]);
    // rows put August (Zeta) before July (didi): the months are sorted, not left in row order
    expect(Object.keys(e[2]?.result as object)).toEqual(["2026-07", "2026-08", "2026-09"]);
    // the step's own 第十条 comes first, before the parameters' citations (in Shanghai it is also premium.orderCounting's)
    expect(countOrders("qinghai", []).explanation[1]?.citations.map((c) => c.id)).toEqual(["shanghai-rules#art10", "national-measures",
      "qinghai-measures#art2.p1", "qinghai-measures#art7.p1", "qinghai-measures#art42", "qinghai-notice#s一"]);
  });
});

describe("iterables, async iterables and merging", () => {
  test("records must be iterable", async () => {
    const sync = invalid([], "records must be an iterable of order records (an array, a generator)", "records 应为订单记录的可迭代对象（数组、生成器）");
    for (const bad of [null, 5, {}]) expect(caught(() => countOrders("shanghai", bad as never))).toEqual(sync);
    const async = invalid([], "records must be an iterable or async iterable of order records or batches", "records 应为订单记录（或批次）的可迭代或异步可迭代对象");
    for (const bad of [null, 5, {}]) expect(await rejected(countOrdersAsync("shanghai", bad as never))).toEqual(async);
  });

  test("async: arrays, arrays of batches and async generators of records or batches all count", async () => {
    async function* gen() { yield order(); yield [order(), order({ status: "cancelled" })]; }
    const counted = async (x: Parameters<typeof countOrdersAsync>[1]) => (await countOrdersAsync("shanghai", x)).value;
    expect(await counted(gen())).toEqual(countOrders("shanghai", [order(), order(), order({ status: "cancelled" })]).value);
    expect((await counted([order(), [order(), order()]])).counted).toBe(3);
  });

  test("OrderTally.merge: same province only; the counts and records add up", () => {
    const refused = invalid(["province"], "only tallies of the same province can be merged", "只能合并同一省份的统计");
    expect(caught(() => new OrderTally("qinghai").merge({} as never))).toEqual(refused);
    expect(caught(() => new OrderTally("qinghai").merge(new OrderTally("shanghai")))).toEqual(refused);
    const a = new OrderTally("shanghai").add(order()).add(order({ platform: "didi", industry: "ride-hailing", status: "in-progress", endedAt: null }));
    const b = new OrderTally("shanghai").add(order({ endedAt: "2026-07-01T08:00:00+08:00" })).add(order({ workerRegistered: false }));
    expect(a.merge(b).counts()).toEqual({ province: "shanghai", records: 4, counted: 2, excluded: { ...NONE, "worker-not-registered": 1, "not-ended": 1 }, rows: [
      row("didi", "ride-hailing", null, 0, { "not-ended": 1 }), row("meituan", "instant-delivery", "2026-07", 1),
      row("meituan", "instant-delivery", "2026-08", 1, { "worker-not-registered": 1 })] });
  });

  test("mergeOrderCounts: messages, zero rows dropped, same keys summed, canonical order", () => {
    expect(caught(() => mergeOrderCounts())).toEqual(invalid([], "nothing to merge", "没有可合并的统计"));
    expect(caught(() => mergeOrderCounts(countOrders("qinghai", []).value, countOrders("shanghai", []).value))).toEqual(
      invalid([1, "province"], "only counts of the same province can be merged", "只能合并同一省份的统计"));
    // a part's totals are the sums of its rows (as a tally gives them), records = counted + exclusions
    const part = (rows: OrderCountRow[]): OrderCounts => {
      const excluded = { ...NONE };
      for (const r of rows) for (const x of Object.keys(NONE) as Array<keyof typeof NONE>) excluded[x] += r.excluded[x];
      const counted = rows.reduce((a, r) => a + r.counted, 0);
      return { province: "guangxi", records: counted + Object.values(excluded).reduce((a, b) => a + b, 0), counted, excluded, rows };
    };
    const m = mergeOrderCounts(
      part([row("meituan", "intra-city-freight", "2026-08", 1), row("meituan", "instant-delivery", null, 0, { "not-ended": 2 }), row("zero", "ride-hailing", "2026-08", 0)]),
      part([row("meituan", "instant-delivery", "2026-07", 1), row("didi", "ride-hailing", "2026-09", 1), row("meituan", "ride-hailing", "2026-08", 1),
        row("meituan", "instant-delivery", "2026-08", 2), row("meituan", "intra-city-freight", "2026-08", 3, { "before-start": 1 })]),
    );
    // records: part 1 = 1 counted + 2 not ended = 3; part 2 = 8 counted + 1 before the start = 9; together 12
    expect(m).toEqual({ province: "guangxi", records: 12, counted: 9, excluded: { ...NONE, "not-ended": 2, "before-start": 1 }, rows: [
      row("didi", "ride-hailing", "2026-09", 1), row("meituan", "ride-hailing", "2026-08", 1),
      row("meituan", "instant-delivery", "2026-07", 1), row("meituan", "instant-delivery", "2026-08", 2), row("meituan", "instant-delivery", null, 0, { "not-ended": 2 }),
      row("meituan", "intra-city-freight", "2026-08", 4, { "before-start": 1 }), // the two freight rows share a key
    ] });
  });
});

describe("counts from another process must add up (mergeOrderCounts, computeMonthlyContributions)", () => {
  // a tally's counts: 2 counted, 1 not ended (cancelled) → records 3
  const good = (): OrderCounts => countOrders("shanghai", [order(), order(), order({ status: "cancelled", endedAt: null })]).value;

  test("a consistent part merges; each total that differs is named with both figures", () => {
    expect(good()).toMatchObject({ records: 3, counted: 2, excluded: { ...NONE, "not-ended": 1 } });
    expect(mergeOrderCounts(good(), good())).toMatchObject({ records: 6, counted: 4 });
    expect(caught(() => mergeOrderCounts(good(), { ...good(), counted: 3 }))).toEqual(
      invalid([1, "counted"], "counted is 3 but the rows add up to 2", "counted 为 3，但各行合计为 2"));
    expect(caught(() => mergeOrderCounts({ ...good(), excluded: { ...NONE } }))).toEqual(
      invalid([0, "excluded", "not-ended"], "excluded.not-ended is 0 but the rows add up to 1", "excluded.not-ended 为 0，但各行合计为 1"));
    expect(caught(() => mergeOrderCounts({ ...good(), records: 2 }))).toEqual(invalid([0, "records"],
      "records is 2 but the rows hold 3 (each record is counted or excluded once)", "records 为 2，但各行合计为 3（每条记录计入或排除一次）"));
    expect(caught(() => mergeOrderCounts({ ...good(), records: 4 })).path).toEqual([0, "records"]);
    // the order of the checks: counted, then each exclusion, then records
    expect(caught(() => mergeOrderCounts({ ...good(), counted: 0, records: 0 })).path).toEqual([0, "counted"]);
  });

  test("rows past 2^53 − 1 records are refused rather than summed inexactly", () => {
    const big = Number.MAX_SAFE_INTEGER;
    const rows = [row("a", "ride-hailing", "2026-08", big), row("b", "ride-hailing", "2026-08", 1)];
    expect(caught(() => mergeOrderCounts({ province: "shanghai", records: big, counted: big, excluded: NONE, rows }))).toEqual(
      invalid([0, "rows"], "the rows hold more than 2^53 − 1 records", "各行合计超过 2^53 − 1 条记录"));
  });

  test("pricing refuses counts that do not add up, at counts", () => {
    expect(caught(() => computeMonthlyContributions("shanghai", { ...good(), records: 5 }, { orderMonth: "2026-08" }))).toEqual(invalid(["counts", "records"],
      "records is 5 but the rows hold 3 (each record is counted or excluded once)", "records 为 5，但各行合计为 3（每条记录计入或排除一次）"));
    expect(computeMonthlyContributions("shanghai", good(), { orderMonth: "2026-08" }).value.lines[0]).toMatchObject({ platform: "meituan", orders: 2 });
  });
});

describe("fastInstantMs: the hand-written parser", () => {
  test("valid texts give their epoch milliseconds (compared with Date.UTC)", () => {
    const cases: Array<[string, number]> = [
      ["2026-08-10T12:00Z", Date.UTC(2026, 7, 10, 12)], // 17 characters, the shortest form
      ["2026-08-10T12:34:56.789+05:30", Date.UTC(2026, 7, 10, 7, 4, 56, 789)], // 12:34:56.789 − 5:30
      ["2026-08-10T00:00-05:00", Date.UTC(2026, 7, 10, 5)],
      ["2026-08-10T23:59:59+14:00", Date.UTC(2026, 7, 10, 9, 59, 59)], // +14:00, the largest offset hour
      ["2026-08-10T12:00+00:59", Date.UTC(2026, 7, 10, 11, 1)], ["2026-08-10T12:00:00+00:00", Date.UTC(2026, 7, 10, 12)],
      ["2026-08-10T12:00:00.5Z", Date.UTC(2026, 7, 10, 12, 0, 0, 500)], // one digit: tenths
      ["2026-08-10T12:00:00.05Z", Date.UTC(2026, 7, 10, 12, 0, 0, 50)], // two digits: hundredths
      ["2026-08-10T12:00:00.005Z", Date.UTC(2026, 7, 10, 12, 0, 0, 5)], ["2026-08-10T12:00:00.99Z", Date.UTC(2026, 7, 10, 12, 0, 0, 990)],
      ["2026-08-10T12:00:00.1234Z", Date.UTC(2026, 7, 10, 12, 0, 0, 123)], // digits past the third are dropped
      ["2026-08-10T12:00:00.123456789Z", Date.UTC(2026, 7, 10, 12, 0, 0, 123)], // nine digits, the most allowed
      ["1900-01-01T00:00+08:00", MIN_MS], ["2199-12-31T23:59:59.999+08:00", MAX_MS - 1],
      ["1999-09-19T19:59:59.999Z", Date.UTC(1999, 8, 19, 19, 59, 59, 999)], ["2090-10-10T10:10:10Z", Date.UTC(2090, 9, 10, 10, 10, 10)],
      ["2000-02-29T09:09:09Z", Date.UTC(2000, 1, 29, 9, 9, 9)], ["2024-02-29T00:00Z", Date.UTC(2024, 1, 29)], // leap years (÷400, ÷4)
      ["2026-01-31T00:00Z", Date.UTC(2026, 0, 31)], ["2026-02-28T00:00Z", Date.UTC(2026, 1, 28)], ["2026-03-01T00:00Z", Date.UTC(2026, 2, 1)],
      ["2026-04-30T00:00Z", Date.UTC(2026, 3, 30)], ["2026-12-31T00:00Z", Date.UTC(2026, 11, 31)], ["1900-03-01T00:00Z", Date.UTC(1900, 2, 1)],
      ["2100-03-01T00:00Z", Date.UTC(2100, 2, 1)], ["2199-01-01T00:00Z", Date.UTC(2199, 0, 1)],
    ];
    for (const [text, ms] of cases) expect(fastInstantMs(text), text).toBe(ms);
  });

  test("anything else is NaN", () => {
    const bad = [
      "2026-08-10T12:0Z", "2026x08-10T12:00Z", "2026-08x10T12:00Z", "2026-08-10x12:00Z", "2026-08-10T12x00Z",
      "20:0-01-01T00:00Z", "201:-01-01T00:00Z", "20xx-01-01T00:00Z", "2026-1/-10T12:00Z", "2026-0:-10T12:00Z", // not digits
      "2026-00-10T12:00Z", "2026-13-01T12:00Z", "2026-08-00T12:00Z", "2026-08-10Txx:00Z", "2026-08-10T24:00Z", "2026-08-10T12:xxZ",
      "2026-08-10T12:60Z", "1899-12-31T23:59Z", "2200-01-01T00:00Z", "2026-02-29T00:00Z", "1900-02-29T00:00Z", "2026-04-31T00:00Z",
      "2026-06-31T00:00Z", "2026-09-31T00:00Z", "2026-11-31T00:00Z", "2026-08-10T12:00:60Z", "2026-08-10T12:00:xxZ",
      "2026-08-10T12:00:00.Z", "2026-08-10T12:00:00.1234567890Z", "2026-08-10T12:00ZZ", "2026-08-10T12:00+08:00x", "2026-08-10T12:00+08x00",
      "2026-08-10T12:00+0800", "2026-08-10T12:00+15:00", "2026-08-10T12:00+08:60", "2026-08-10T12:00+xx:00", "2026-08-10T12:00+08:xx",
      "2026-08-10T12:00X", "2026-08-10T12:00:00",
    ];
    for (const text of bad) expect(fastInstantMs(text), text).toBeNaN();
  });
});

describe("columns: exact errors at [column, row] and the running record index", () => {
  const cols = (over: Partial<Record<keyof OrderColumns, unknown>> = {}): OrderColumns => ({
    length: 2, platforms: ["meituan", "didi"], platform: [0, 1], industry: [1, 0], status: [0, 1], endedAtMs: [AUG10, AUG10],
    workerRegistered: [1, true], workerInScope: [true, 1], startedInProvince: [1, 1], ...over,
  }) as OrderColumns;
  const colErr = (f: string, row: number, record: number, en: string, zh: string) =>
    invalid([f, row], `column ${f}, row ${row} (record ${record}): ${en}`, `列 ${f} 第 ${row} 行（第 ${record} 条记录）：${zh}`);

  test("the shape of the batch", () => {
    const c = (x: unknown) => caught(() => countOrderColumns("shanghai", x as never));
    for (const x of [null, 5]) expect(c(x)).toEqual(invalid([], "columns must be an object of parallel arrays", "列式数据应为由并行数组组成的对象"));
    for (const length of [-1, 1.5, "2", undefined]) expect(c(cols({ length }))).toEqual(invalid(["length"], "length must be a non-negative integer", "length 应为非负整数"));
    expect(c({})).toEqual(invalid(["length"], "length must be a non-negative integer", "length 应为非负整数")); // not taken for an iterable
    for (const [f, v] of [["platform", null], ["industry", "ab"], ["status", {}], ["startedInProvince", [1]], ["endedAtMs", undefined]] as const) {
      expect(c(cols({ [f]: v })), f).toEqual(invalid([f], `column ${f} must be an array with at least 2 entries`, `列 ${f} 应为至少 2 项的数组`));
    }
    expect(c(cols({ platforms: "meituan" }))).toEqual(invalid(["platforms"], "platforms must be an array of platform ids", "platforms 应为平台编号数组"));
    for (const platforms of [["meituan", "a b"], ["meituan", 7]]) {
      expect(c(cols({ platforms }))).toEqual(invalid(["platforms", 1], `platforms[1]: ${PLATFORM[0]}`, `platforms[1]：${PLATFORM[1]}`));
    }
    expect(countOrderColumns("shanghai", cols({ length: 0, platforms: [] })).value.records).toBe(0); // length 0 is fine
  });

  test("bad cells in the second batch (records 2 and 3)", () => {
    const c = (over: Partial<Record<keyof OrderColumns, unknown>>) => caught(() => countOrderColumns("shanghai", [cols(), cols(over)]));
    expect(c({ platform: [0, "0"] })).toEqual(colErr("platform", 1, 3, "expected an index into platforms", "应为 platforms 的下标"));
    expect(c({ platform: [2, 0] })).toEqual(colErr("platform", 0, 2, "expected an index into platforms", "应为 platforms 的下标"));
    expect(c({ industry: [1, 3] })).toEqual(colErr("industry", 1, 3, "expected 0, 1 or 2 (an index into INDUSTRIES)", "应为 0、1 或 2（INDUSTRIES 下标）"));
    expect(c({ status: [4, 0] })).toEqual(colErr("status", 0, 2, "expected 0–3 (an index into ORDER_STATUSES)", "应为 0–3（ORDER_STATUSES 下标）"));
    for (const f of ["workerRegistered", "workerInScope", "startedInProvince"]) {
      expect(c({ [f]: [1, 2] }), f).toEqual(colErr(f, 1, 3, "expected 1/0 or true/false", "应为 1/0 或 true/false"));
    }
    expect(c({ endedAtMs: [AUG10, Number.NaN] })).toEqual(colErr("endedAtMs", 1, 3, "a delivered or transferred order needs the time its execution ended", "已送达或中途转出的订单须有执行结束时间"));
    expect(c({ status: [3, 0] })).toEqual(colErr("endedAtMs", 0, 2, "an order in progress has not ended", "执行中的订单尚无执行结束时间"));
    for (const ms of [MIN_MS - 1, MAX_MS, Number.POSITIVE_INFINITY, String(AUG10)]) {
      expect(c({ endedAtMs: [AUG10, ms] }), String(ms)).toEqual(colErr("endedAtMs", 1, 3, "expected epoch milliseconds between 1900 and 2199, or NaN", "应为 1900–2199 年间的毫秒时间戳或 NaN"));
    }
  });

  test("values that are accepted: flags 1/0/true/false, the extreme instants, NaN for orders that never ended", () => {
    const t = new OrderTally("shanghai").addColumns(cols()).addColumns(cols({
      length: 3, platform: [0, 0, 1], industry: [2, 2, 0], status: [2, 3, 0], endedAtMs: [Number.NaN, Number.NaN, MIN_MS],
      workerRegistered: [0, false, 1], workerInScope: [1, 1, true], startedInProvince: [1, true, 1],
    }));
    expect(caught(() => t.addColumns(cols({ length: 3, platform: [0, 0, 0], industry: [1, 1, 1], status: [0, 1, 9], endedAtMs: [MAX_MS - 1, AUG10, AUG10],
      workerRegistered: [1, 1, 1], workerInScope: [1, 1, 1], startedInProvince: [1, 1, 1] })))).toEqual(
      colErr("status", 2, 7, "expected 0–3 (an index into ORDER_STATUSES)", "应为 0–3（ORDER_STATUSES 下标）"));
    expect(t.records).toBe(7); // 2 + 3 + the two rows before the bad one
    expect(t.counts().rows).toEqual([
      row("didi", "ride-hailing", "1900-01", 0, { "before-start": 1 }), row("didi", "ride-hailing", "2026-08", 1),
      row("meituan", "instant-delivery", "2026-08", 2), row("meituan", "instant-delivery", "2199-12", 1),
      row("meituan", "intra-city-freight", null, 0, { "worker-not-registered": 2 }), // registered 0 and false
    ]);
  });

  test("an object with platforms is one batch even if it is iterable", () => {
    const both = Object.assign(cols(), { *[Symbol.iterator]() { /* yields no batch */ } });
    expect(countOrderColumns("shanghai", both).value.records).toBe(2);
  });
});
