/**
 * The premium rules on rule sets (src/premium after issue 13): every text states the parameter values used (an
 * override changes it in both languages), the version is chosen by the case date (the last day of the order
 * month, of the year reviewed), and each order is counted under the version of its China-time day — several
 * versions, one starting mid-month, one whose start comes later, a gap — with the tally, its columns form and
 * decideOrder agreeing. Every figure is worked out by hand in the comments.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ZhishangError } from "../../src/core/errors.js";
import type { Explanation } from "../../src/core/explain.js";
import { computeMonthlyContributions, computeMonthlyPremium } from "../../src/premium/contribution.js";
import { countOrderColumns, countOrders, decideOrder, ORDER_EXCLUSIONS, OrderTally, type OrderRecord } from "../../src/premium/orders.js";
import { computeRatePerOrder } from "../../src/premium/rates.js";
import { computeRateReview } from "../../src/premium/review.js";
import { bundledRuleSets, type RuleSetRegistry } from "../../src/provinces/index.js";
import { kindOf } from "../../src/provinces/rule.js";
import { findKind } from "../../src/scenario/kinds.js";

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "docs", "examples", "rule-sets", `${name}.json`), "utf8")) as Record<string, unknown>;

function caught(f: () => unknown): { code: string; path: unknown[]; en: string; zh: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof ZhishangError) return { code: e.code, path: [...e.path], en: e.messageEn, zh: e.messageZh };
    throw e;
  }
  throw new Error("did not throw");
}
const step = (r: { explanation: Explanation }, rule: string) => {
  const s = r.explanation.find((x) => x.rule === rule);
  if (s === undefined) throw new Error(`no step ${rule}`);
  return s;
};
const rules = (r: { explanation: Explanation }) => r.explanation.map((s) => s.rule);
const TABLE = (from: string, ride: string[], instant: string[], freight: string[]) =>
  ({ from, "ride-hailing": ride, "instant-delivery": instant, "intra-city-freight": freight });
const M = (payouts: string, premiums: string) => ({ lastYearPayouts: payouts, lastYearPremiums: premiums });

describe("texts from the values used: premium.instantDeliverySwitch", () => {
  test("the switch step's title and notes state the overridden amounts, in Chinese and in English", () => {
    // amounts 0.08 / 0.3 (the base amounts too, so the switch target is a base amount); on 0.08 at 150%:
    // need = 2,000,000 × 150 × 0.08 = 24,000,000 > 150% of 0.08 = 0.08 × 150 × 1,000,000 = 12,000,000: switch up;
    // needed on 0.08: 24,000,000 ÷ (1,000,000 × 0.08) = 300%; on 0.3: 24,000,000 ÷ 300,000 = 80% → tier 80
    const o = { overrides: {
      "premium.instantDeliverySwitch": { lower: "0.08", upper: "0.3" },
      "premium.baseAmounts": [TABLE("2026-07-01", ["0.01"], ["0.08", "0.3"], ["0.18"])],
    } };
    const r = computeRateReview("inner-mongolia", { industry: "instant-delivery", reviewYear: 2028, currentFloatPercent: 150, ...M("2000000.00", "1000000.00") }, o);
    const s = step(r, "premium.review.base-switch");
    expect(s.title).toEqual({ zh: "即时配送缴费基准额切换（0.08 ↔ 0.3 元）", en: "instant-delivery base amount switch (0.08 ↔ 0.3)" });
    expect(s.notes).toEqual([{ zh: "支缴率超过100%，且上浮至 150% 仍无法平衡（需 300%）：执行 0.3 元的缴费基准额并同时浮动",
      en: "payout ratio above 100% and even 150% of 0.08 does not balance (300% needed): switch to 0.3 and float on it" }]);
    expect(s.parameters[0]).toMatchObject({ name: "premium.instantDeliverySwitch", provenance: "caller", value: { lower: "0.08", upper: "0.3" }, replaced: { lower: "0.07", upper: "0.25" } });
    expect([r.value.suggestedBaseAmount, r.value.suggestedFloatPercent, r.value.suggestedRatePerOrder]).toEqual(["0.3", 80, "0.24"]);
    expect([r.ruleSet, r.overridden]).toEqual(["inner-mongolia@2026-07-01+overrides", ["premium.baseAmounts", "premium.instantDeliverySwitch"]]);
  });

  test("without a switch the title still states the amounts used (0.07 ↔ 0.3); the bundled ones read 0.07 ↔ 0.25", () => {
    const review = (options?: { overrides: Record<string, unknown> }) =>
      step(computeRateReview("inner-mongolia", { industry: "instant-delivery", reviewYear: 2028, ...M("500.00", "1000.00") }, options), "premium.review.base-switch");
    const o = review({ overrides: { "premium.instantDeliverySwitch": { lower: "0.07", upper: "0.3" } } });
    expect([o.title, o.notes]).toEqual([{ zh: "即时配送缴费基准额切换（0.07 ↔ 0.3 元）", en: "instant-delivery base amount switch (0.07 ↔ 0.3)" },
      [{ zh: "不切换：支缴率未超过100%", en: "no switch: payout ratio not above 100%" }]]);
    expect(review().title).toEqual({ zh: "即时配送缴费基准额切换（0.07 ↔ 0.25 元）", en: "instant-delivery base amount switch (0.07 ↔ 0.25)" });
  });
});

describe("texts from the values used: premium.floatMinContributionMonths", () => {
  const SH = (n: number, amount = "0.07") => ({
    zh: `不满 ${n} 个月：新参加试点的平台企业首年按国家确定的行业缴费基准额缴费（即时配送 ${amount} 元），累计至下一年度浮动`,
    en: `under ${n}: a new platform pays the national base amount (instant delivery ${amount}) and floats only from the next year`,
  });

  test("the refusal states the months of the override (18), in both languages", () => {
    // 20 months before May → 20 − 4 = 16 on 1 January 2026 < 18
    const o = { overrides: { "premium.floatMinContributionMonths": 18 } };
    const e = caught(() => computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", floatPercent: 120, monthsContributed: 20 }, o));
    expect(e).toEqual({ code: "FLOAT_NOT_ALLOWED", path: ["floatPercent"],
      en: `a float tier of 120% is not allowed in 2026: 16 months of contributions by 2026-01-01, ${SH(18).en}`,
      zh: `2026 年不得执行浮动档次 120%：至 2026-01-01 缴费 16 个月，${SH(18).zh}` });
    // the bundled 12: 16 months are enough
    expect(computeRatePerOrder("shanghai", { industry: "instant-delivery", month: "2026-05", floatPercent: 120, monthsContributed: 20 }).value.ratePerOrder).toBe("0.084");
  });

  test("the note that the rule was not checked states the months used; a province without the rule gets it by override", () => {
    const note = (province: "shanghai" | "qinghai", month: string, months: number) => step(computeRatePerOrder(province,
      { industry: "ride-hailing", month, floatPercent: 110 }, { overrides: { "premium.floatMinContributionMonths": months } }), "premium.float-tier").notes?.[1];
    expect(note("shanghai", "2026-05", 6)).toEqual({
      zh: "未提供缴费月数（monthsContributed），未核对“首次参保且缴费不满 6 个月的，累计至下一年度浮动”",
      en: "monthsContributed not given: the rule that a platform with under 6 months of contributions floats only the next year was not checked",
    });
    expect(note("qinghai", "2028-03", 24)?.en).toBe("monthsContributed not given: the rule that a platform with under 24 months of contributions floats only the next year was not checked");
  });

  test("the review's window states them too; the national amount named is the default instant-delivery base amount in force", () => {
    // reviewYear 2027 with 3 months: refused on 1 January 2027 (3 < 6); the base amounts table (override) says 0.08
    const o = { overrides: { "premium.floatMinContributionMonths": 6, "premium.baseAmounts": [TABLE("2022-07-01", ["0.01"], ["0.08", "0.25"], ["0.18"])] } };
    const r = computeRateReview("shanghai", { industry: "ride-hailing", reviewYear: 2027, monthsContributed: 3, ...M("900.00", "1000.00") }, o);
    const w = step(r, "premium.review.float-window");
    expect(w.notes).toEqual([{ zh: `至 2027-01-01 缴费 3 个月，${SH(6, "0.08").zh}`, en: `3 months of contributions by 2027-01-01, ${SH(6, "0.08").en}` }]);
    // the amount named is a parameter used: premium.baseAmounts is listed with the window's own
    expect(w.parameters.map((p) => p.name)).toEqual(["premium.floatPeriod", "coverage.inForceFrom", "premium.floatMinContributionMonths", "premium.baseAmounts"]);
    expect(r.value.floatRefusedReasons).toEqual(w.notes);
  });

  test("premium.floatTiers: the highest tier named where it does not cover is the overridden one", () => {
    // tiers 40, 70, …, 160; ride-hailing, ratio 3: 300% needed, more than 160%
    const r = computeRateReview("inner-mongolia", { industry: "ride-hailing", reviewYear: 2028, ...M("3000.00", "1000.00") },
      { overrides: { "premium.floatTiers": { min: 40, max: 160, step: 30 } } });
    expect(step(r, "premium.review.suggested-tier").notes?.[1]).toEqual({ zh: "最高档 160% 仍不能覆盖待遇支出", en: "even the highest tier, 160%, does not cover the payouts" });
  });
});

describe("defineRule: kinds and case dates", () => {
  test("monthly-premium and rate-review are declared beside their functions; the rate per order is a rule without a scenario kind", () => {
    expect(findKind("monthly-premium")).toBe(kindOf(computeMonthlyPremium));
    expect(findKind("rate-review")).toBe(kindOf(computeRateReview));
    expect(kindOf(computeMonthlyPremium)).toMatchObject({ kind: "monthly-premium", functionName: "computeMonthlyPremium" });
    expect([kindOf(computeRatePerOrder).kind, findKind("rate-per-order")]).toEqual(["rate-per-order", undefined]);
    expect([computeMonthlyPremium.name, computeRateReview.name, computeRatePerOrder.name]).toEqual(["computeMonthlyPremium", "computeRateReview", "computeRatePerOrder"]);
  });

  // docs/examples/rule-sets/qinghai-2028.json: a second Qinghai version from 2028-01-01
  const registry = bundledRuleSets().load(example("qinghai-2028"));
  // the declarations of 2028 need that year's holidays: one day off is enough for these checks
  const calendars = [{ year: 2028, off: [["2028-01-01", "2028-01-01"]] as Array<[string, string]>, work: [] }];
  const UNTIL = { zh: "适用规则集版本 qinghai@2026-07-01（2026-07-01 起，至 2028-01-01 前）", en: "rule-set version used: qinghai@2026-07-01 (from 2026-07-01, until 2028-01-01)" };

  test("the monthly premium: the version in force on the last day of the order month; the declaration's steps join once", () => {
    const p = (orderMonth: string) => computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth, orders: 100 }, { registry, calendars });
    const dec = p("2027-12");
    expect([dec.ruleSet, dec.explanation[0]?.notes?.[1]]).toEqual(["qinghai@2026-07-01", UNTIL]);
    const jan = p("2028-01");
    expect([jan.ruleSet, jan.explanation[0]?.inputs]).toEqual(["qinghai@2028-01-01", { caseDate: "2028-01-31" }]);
    // one in-force step: the declaration's own is left out, its steps numbered after ours
    expect(rules(jan)).toEqual(["coverage.in-force", "premium.base-amount", "premium.float-tier", "premium.rate-per-order", "premium.amount-due",
      "declaration.period", "declaration.holiday-days", "declaration.deadline"]);
    expect(jan.explanation.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // the same versions given directly
    expect(computeMonthlyPremium(registry.versions("qinghai"), { industry: "ride-hailing", orderMonth: "2028-01", orders: 100 }, { calendars }).value).toEqual(jan.value);
  });

  test("the rate review: the version of the year reviewed (31 December of reviewYear − 1); the rate: the month's last day", () => {
    const review = (reviewYear: number) => computeRateReview("qinghai", { industry: "ride-hailing", reviewYear, ...M("900.00", "1000.00") }, { registry });
    expect([review(2028).ruleSet, review(2028).explanation[0]?.inputs]).toEqual(["qinghai@2026-07-01", { caseDate: "2027-12-31" }]);
    expect(review(2029).ruleSet).toBe("qinghai@2028-01-01");
    expect(computeRatePerOrder("qinghai", { industry: "ride-hailing", month: "2027-12" }, { registry }).ruleSet).toBe("qinghai@2026-07-01");
    expect(computeRatePerOrder("qinghai", { industry: "ride-hailing", month: "2028-01" }, { registry }).ruleSet).toBe("qinghai@2028-01-01");
  });

  test("an override the declaration used is reported by the premium too; its month errors say which months", () => {
    // the 16th of October 2026 instead of the 15th: 1–8 October are off (8 days in the period) → 8 working days after
    const o = { overrides: { "timeLimit.monthlyDeclaration": { day: 16, holiday: "tax-declaration" } } };
    const r = computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth: "2026-09", orders: 1 }, o);
    expect([r.ruleSet, r.overridden]).toEqual(["qinghai@2026-07-01+overrides", ["timeLimit.monthlyDeclaration"]]);
    expect(step(r, "declaration.period").parameters[0]).toMatchObject({ name: "timeLimit.monthlyDeclaration", provenance: "caller" });
    expect(caught(() => computeMonthlyPremium("qinghai", { industry: "ride-hailing", orderMonth: "2199-12", orders: 1 }))).toEqual({
      code: "INVALID_INPUT", path: ["orderMonth"],
      en: "orderMonth 2199-12 is out of the supported range 1900-01 – 2199-11 (its declaration falls in 2200-01, after 2199-12)",
      zh: "orderMonth 2199-12 超出支持范围 1900-01 至 2199-11（其申报月份 2200-01 晚于 2199-12）",
    });
  });
});

describe("order counting under the version of each order's China-time day", () => {
  const ok = { workerRegistered: true, workerInScope: true, startedInProvince: true } as const;
  const order = (endedAt: string | null, over: Partial<OrderRecord> = {}): OrderRecord =>
    ({ platform: "meituan", industry: "instant-delivery", status: endedAt === null ? "in-progress" : "delivered", endedAt, ...ok, ...over });
  const at = (day: string) => order(`${day}T12:00:00+08:00`);
  const NONE = { "worker-not-registered": 0, "worker-not-in-scope": 0, "started-outside-province": 0, "not-ended": 0, "before-start": 0 };

  // Qinghai 2026-07-01, and a version from 2028-01-15 whose rules apply only from 2028-02-01 (its own
  // coverage.inForceFrom): in force [2026-07-01, 2028-01-15) and [2028-02-01, …); January 2028 has three runs.
  const late: Record<string, unknown> = {
    id: "qinghai@2028-01-15", province: "qinghai", validFrom: "2028-01-15", extends: "qinghai@2026-07-01",
    params: { "coverage.inForceFrom": { value: "2028-02-01", provenance: { kind: "assumed", citations: [], reason: { zh: "测试：新版本自2028年2月1日起施行", en: "test: the new version applies from 2028-02-01" } } } },
  };
  const registry: RuleSetRegistry = bundledRuleSets().load(late);
  const versions = registry.versions("qinghai");
  const days = ["2026-06-30", "2026-07-01", "2028-01-14", "2028-01-15", "2028-01-31", "2028-02-01", "2028-01-10", "2028-01-20", "2027-06-15"];
  const records = [...days.map(at), order(null)];

  test("each day is decided under its version: before a start (either version's) it does not count", () => {
    // counted: 2026-07-01, 2028-01-14, 2028-02-01, 2028-01-10, 2027-06-15; before-start: 2026-06-30 (v1),
    // 2028-01-15, 2028-01-31, 2028-01-20 (v2, before its 2028-02-01); the in-progress order: not ended
    const r = countOrders("qinghai", records, { registry });
    expect([r.value.counted, r.value.excluded]).toEqual([5, { ...NONE, "not-ended": 1, "before-start": 4 }]);
    expect(r.value.rows.map((x) => [x.month, x.counted, x.excluded["before-start"]])).toEqual([
      ["2026-06", 0, 1], ["2026-07", 1, 0], ["2027-06", 1, 0], ["2028-01", 2, 3], ["2028-02", 1, 0], [null, 0, 0]]);
    // the same versions given directly, and the columns form, agree
    expect(countOrders(versions, records).value).toEqual(r.value);
    const dated = records.filter((o) => o.endedAt !== null);
    const cols = countOrderColumns(versions, { length: dated.length, platforms: ["meituan"], platform: dated.map(() => 0), industry: dated.map(() => 1),
      status: dated.map(() => 0), endedAtMs: dated.map((o) => Date.parse(o.endedAt as string)), workerRegistered: dated.map(() => 1),
      workerInScope: dated.map(() => 1), startedInProvince: dated.map(() => 1) });
    expect([cols.value.counted, cols.value.excluded["before-start"]]).toEqual([5, 4]);
    // every order alone: decideOrder's exclusion is the one the tally counts it under
    for (const o of records) {
      const alone = countOrders(versions, [o]).value;
      expect(decideOrder(versions, o).value.exclusion, String(o.endedAt)).toBe(alone.counted === 1 ? null : ORDER_EXCLUSIONS.find((x) => alone.excluded[x] === 1));
    }
  });

  test("the month lookup crosses the runs of a month back and forth without mixing them", () => {
    const t = new OrderTally(versions);
    for (const d of ["2028-01-14", "2028-01-15", "2028-01-14", "2028-02-01", "2028-01-31", "2028-01-01", "2028-01-16"]) t.add(at(d));
    // counted: 14th, 14th, 1 February, 1st; before-start: 15th, 31st, 16th
    expect(t.counts().rows.map((x) => [x.month, x.counted, x.excluded["before-start"]])).toEqual([["2028-01", 3, 3], ["2028-02", 1, 0]]);
  });

  test("the explanation names the newest version used, every version's parameters, and the general before-start reason", () => {
    const e = countOrders("qinghai", records, { registry }).explanation;
    expect([e[0]?.rule, e[0]?.result, e[0]?.notes]).toEqual(["rule-set.version", "qinghai@2028-01-15", [
      { zh: "适用规则集版本 qinghai@2028-01-15（2028-01-15 起）", en: "rule-set version used: qinghai@2028-01-15 (from 2028-01-15)" },
      { zh: "每单按其执行结束日（北京时间）所属的版本判定；所用版本：qinghai@2026-07-01、qinghai@2028-01-15",
        en: "each order is decided under the version of its China-time day; versions used: qinghai@2026-07-01, qinghai@2028-01-15" },
    ]]);
    expect(e[1]?.parameters.map((p) => [p.name, p.value])).toEqual([["premium.orderCounting", "ended-by-24h-china-time"], ["coverage.inForceFrom", "2026-07-01"],
      ["premium.orderCounting", "ended-by-24h-china-time"], ["coverage.inForceFrom", "2028-02-01"]]);
    expect(e[1]?.notes?.slice(1)).toEqual([
      { zh: "1 单不计入：订单未实际执行结束（未送达、未中途转出）", en: "1 not counted: the order did not actually end (neither delivered nor transferred)" },
      { zh: "4 单不计入：执行结束日期不在本省规则的施行期间内（早于施行日期，或无施行中的版本）",
        en: "4 not counted: execution ended on a day no version of the province's rules is in force (before the start, or outside every version)" },
    ]);
    // only 2027 orders: the 2026 version alone is used and named
    const old = countOrders(versions, [at("2027-03-01")]).explanation;
    expect([old[0]?.result, old[0]?.notes?.[1]?.en, old[1]?.parameters.length]).toEqual(["qinghai@2026-07-01",
      "each order is decided under the version of its China-time day; versions used: qinghai@2026-07-01", 2]);
    expect(countOrders(versions, [order(null)]).explanation[0]?.notes?.[1]).toEqual({ zh: "无带执行结束时间的订单：列明最新版本", en: "no order carries an end time: the newest version is stated" });
    // merged shards: the versions both used
    const a = new OrderTally(versions).add(at("2027-03-01"));
    const b = new OrderTally(versions).add(at("2028-03-01"));
    expect(a.merge(b).finish().explanation[0]?.notes?.[1]?.en).toBe("each order is decided under the version of its China-time day; versions used: qinghai@2026-07-01, qinghai@2028-01-15");
  });

  test("decideOrder names the version of the day and says why; inForce is shown where being after the start is not enough", () => {
    const d = (o: OrderRecord) => decideOrder(versions, o);
    const v1 = d(at("2028-01-14"));
    expect([v1.ruleSet, v1.explanation[0]?.notes?.[1]]).toEqual(["qinghai@2026-07-01",
      { zh: "执行结束日 2028-01-14（北京时间）施行的版本", en: "the version in force on 2028-01-14, the China-time day execution ended" }]);
    const v2 = d(at("2028-01-20"));
    expect([v2.ruleSet, v2.value.exclusion, v2.explanation[0]?.notes?.[1]?.en]).toEqual(["qinghai@2028-01-15", "before-start",
      "no rules are in force on 2028-01-20, the China-time day execution ended: decided under the latest version starting on or before it (the first, before any)"]);
    expect(step(v2, "premium.order.day").result).toEqual({ day: "2028-01-20", endedAtChinaTime: "2028-01-20T12:00:00+08:00", onOrAfterStart: false, inForce: false });
    expect(step(v2, "premium.order.decision").notes).toEqual([{ zh: "不计入：执行结束日期不在本省规则的施行期间内（早于施行日期，或无施行中的版本）",
      en: "does not count: execution ended on a day no version of the province's rules is in force (before the start, or outside every version)" }]);
    // no end time: the newest version, since the decision cannot depend on it
    const none = d(order(null));
    expect([none.ruleSet, none.value.exclusion, none.explanation[0]?.notes?.[1]]).toEqual(["qinghai@2028-01-15", "not-ended",
      { zh: "订单无执行结束时间，其判定与版本无关：按最新版本判定", en: "the order has no end time, so its decision does not depend on the version: decided under the newest" }]);
  });

  test("a gap between versions: orders in it do not count, and are decided under the version before it", () => {
    const jiangsu = { ...example("jiangsu"), validTo: "2027-06-30" };
    const next = { id: "jiangsu@2027-08-01", province: "jiangsu", validFrom: "2027-08-01", extends: "jiangsu@2027-01-01" };
    const reg = bundledRuleSets().load(jiangsu).load(next);
    const r = countOrders("jiangsu", ["2027-06-30", "2027-07-01", "2027-07-31", "2027-08-01"].map(at), { registry: reg });
    expect([r.value.counted, r.value.excluded["before-start"], r.value.province]).toEqual([2, 2, "jiangsu"]);
    const gap = decideOrder("jiangsu", at("2027-07-15"), { registry: reg });
    expect([gap.ruleSet, gap.value.exclusion, step(gap, "premium.order.day").result]).toEqual(["jiangsu@2027-01-01", "before-start",
      { day: "2027-07-15", endedAtChinaTime: "2027-07-15T12:00:00+08:00", onOrAfterStart: true, inForce: false }]);
    // the counts of a province that is not bundled merge and price like any other
    const calendars = [{ year: 2027, off: [["2027-10-01", "2027-10-07"]] as Array<[string, string]>, work: [] }];
    const priced = computeMonthlyContributions("jiangsu", r.value, { orderMonth: "2027-08" }, { registry: reg, calendars });
    expect([priced.ruleSet, priced.value.lines.map((l) => [l.orders, l.amountDue])]).toEqual(["jiangsu@2027-08-01", [[1, "0.07"]]]);
  });

  test("every version's rule is read when the tally is made: strict refuses an assumed start in a version no order reaches", () => {
    expect(caught(() => new OrderTally(versions, { strict: true })).code).toBe("ASSUMED_PARAMETER_REFUSED");
    expect(new OrderTally(versions).province).toBe("qinghai");
    expect(new OrderTally(versions[0] as never).add(at("2028-01-20")).counts().counted).toBe(1); // the 2026 version alone: in force
  });
});
