/**
 * Exact outputs of the eligibility rules: error codes, paths and both messages; each check's outcome, reason and
 * notes; the branches behind them (situations, exclusions, coverage dates at their boundaries). Complements
 * eligibility.test.ts, which checks the decisions; here every reason the engine gives is pinned.
 */
import { describe, expect, test } from "vitest";
import { assessEligibility, type EligibilityInput } from "../../src/index.js";
import { completedBefore, inProgressAt, parseOrders, type ParsedOrder } from "../../src/eligibility/orders.js";
import { parseInstant } from "../../src/core/datetime.js";
import type { ProvinceId } from "../../src/provinces/index.js";
import { errorJson, invalidJson, stepSummary, thrown } from "../support/errors.js";

const base: EligibilityInput = {
  accidentAt: "2026-08-03T12:10:00+08:00",
  platform: "meituan",
  activity: "on-order",
  event: "traffic-accident",
};
type Options = Parameters<typeof assessEligibility>[2];
const run = (p: ProvinceId, over: Partial<EligibilityInput> = {}, options?: Options) =>
  assessEligibility(p, { ...base, ...over } as EligibilityInput, options);
const assess = (p: ProvinceId, over: Partial<EligibilityInput> = {}, options?: Options) => run(p, over, options).value;
type Result = ReturnType<typeof assess>;
/** One check reduced to what it says: outcome, reason, notes. */
const check = (r: Result, rule: string) => {
  const c = r.checks!.find((x) => x.rule === rule);
  return c === undefined ? undefined : { outcome: c.outcome, reason: c.reason, notes: c.notes };
};
const said = (outcome: string, zh: string, en: string, notes: Array<{ zh: string; en: string }> = []) =>
  ({ outcome, reason: { zh, en }, notes });
const fail = (p: ProvinceId, over: Partial<EligibilityInput>, options?: Options) => thrown(() => run(p, over, options));

// Qinghai's list of pilot platforms, in the order of its seed (src/provinces/qinghai.ts, notice 一 第二段).
const QH_NAMES = "滴滴出行、曹操出行、美团、饿了么、京东秒送、闪送、顺丰同城、货拉拉、快狗打车、滴滴货运、满帮省省";
// Guangxi's list (src/provinces/guangxi.ts, 二（一）).
const GX_NAMES = "曹操出行、滴滴出行、美团、饿了么、达达、闪送、顺丰同城、货拉拉、快狗打车、滴滴货运、满帮省省";
const ASK_PILOT = { zh: "经申请纳入试点的平台，请声明 platformInPilot", en: "for a platform admitted on application, state platformInPilot" };
const NOT_LISTED = { zh: "本省规则未列此情形", en: "the province's rules do not list this situation" };

describe("errors: code, path and both messages", () => {
  test("province-only inputs elsewhere are RULE_NOT_DEFINED, naming the province (rule set name)", () => {
    expect(fail("qinghai", { premiumPaidMonth: "2026-08" })).toEqual(errorJson("RULE_NOT_DEFINED", ["premiumPaidMonth"],
      "Qinghai's sources define no rule on cover from the month the premium is paid; \"premiumPaidMonth\" applies to another province",
      "青海省的来源文件未规定自缴费当月起享受待遇，“premiumPaidMonth”适用于其他省份"));
    expect(fail("zhejiang", { accidentAt: "2025-08-03T12:10:00+08:00", premiumPaidMonth: "2025-08" })).toEqual(errorJson(
      "RULE_NOT_DEFINED", ["premiumPaidMonth"],
      "Zhejiang's sources define no rule on cover from the month the premium is paid; \"premiumPaidMonth\" applies to another province",
      "浙江省的来源文件未规定自缴费当月起享受待遇，“premiumPaidMonth”适用于其他省份"));
    expect(fail("shanghai", { singleWorkInjuryInsurance: { insured: false } })).toEqual(errorJson(
      "RULE_NOT_DEFINED", ["singleWorkInjuryInsurance"],
      "Shanghai's sources define no rule on the hand-over from 单项工伤保险; \"singleWorkInjuryInsurance\" applies to another province",
      "上海市的来源文件未规定与单项工伤保险的衔接，“singleWorkInjuryInsurance”适用于其他省份"));
  });

  test("time of death: not both forms, not with died=false, not before the onset", () => {
    const ill = { event: "sudden-illness" as const };
    expect(fail("qinghai", { ...ill, hoursFromOnsetToDeath: 2, deathAt: "2026-08-03T14:10:00+08:00" })).toEqual(
      invalidJson(["deathAt"], "give hoursFromOnsetToDeath or deathAt, not both", "hoursFromOnsetToDeath 与 deathAt 只能提供其一"));
    expect(fail("qinghai", { ...ill, died: false, deathAt: "2026-08-03T14:10:00+08:00" })).toEqual(
      invalidJson(["died"], "died is false but a time of death is given", "died 为 false 却提供了死亡时间"));
    expect(fail("qinghai", { ...ill, deathAt: "2026-08-03 14:10" })).toEqual(invalidJson(["deathAt"],
      "expected an ISO 8601 date-time with an offset, e.g. 2026-08-03T21:15:00+08:00",
      "日期时间应为带时区偏移的 ISO 8601 格式，如 2026-08-03T21:15:00+08:00"));
    // death at 12:09, onset (accidentAt) 12:10
    expect(fail("qinghai", { ...ill, deathAt: "2026-08-03T12:09:00+08:00" })).toEqual(
      invalidJson(["deathAt"], "death cannot precede the onset (accidentAt)", "死亡时间不得早于发病时间（accidentAt）"));
  });

  test("industry for a platform outside the catalogue; the worker's responsibility on the way", () => {
    expect(fail("qinghai", { platform: "other" })).toEqual(invalidJson(["industry"],
      "industry is required for a platform outside the catalogue", "平台不在目录中时须注明所属行业"));
    const way = invalidJson(["ownPrimaryResponsibility"],
      "ownPrimaryResponsibility is required for a traffic or rail accident on the way (the situation needs an accident not mainly the worker's fault)",
      "途中交通或轨道事故须说明本人是否负主要责任（ownPrimaryResponsibility）");
    expect(fail("qinghai", { activity: "commute-home" })).toEqual(way);
    expect(fail("qinghai", { activity: "designated-place", event: "rail-ferry-train-accident" })).toEqual(way);
  });

  test("orders: bad times at their index, completion before acceptance, duplicate ids (given or #n by position)", () => {
    const iso = ["expected an ISO 8601 date-time with an offset, e.g. 2026-08-03T21:15:00+08:00",
      "日期时间应为带时区偏移的 ISO 8601 格式，如 2026-08-03T21:15:00+08:00"] as const;
    const ok = { acceptedAt: "2026-08-03T11:50:00+08:00" };
    expect(fail("qinghai", { orders: [ok, { acceptedAt: "bad" }] })).toEqual(invalidJson(["orders", 1, "acceptedAt"], ...iso));
    expect(fail("qinghai", { orders: [{ ...ok, completedAt: "bad" }] })).toEqual(invalidJson(["orders", 0, "completedAt"], ...iso));
    expect(fail("qinghai", { orders: [ok, { acceptedAt: "2026-08-03T12:00:00+08:00", completedAt: "2026-08-03T11:59:59+08:00" }] }))
      .toEqual(invalidJson(["orders", 1, "completedAt"], "an order cannot be completed before it was accepted", "订单完成时间不得早于接单时间"));
    expect(fail("qinghai", { orders: [{ ...ok, orderId: "A" }, { ...ok, orderId: "A" }] }))
      .toEqual(invalidJson(["orders", 1, "orderId"], "order id A appears twice", "订单号 A 重复"));
    // the first order without an id is "#1" (index + 1), so a second order named "#1" is a duplicate
    expect(fail("qinghai", { orders: [ok, { ...ok, orderId: "#1" }] }))
      .toEqual(invalidJson(["orders", 1, "orderId"], "order id #1 appears twice", "订单号 #1 重复"));
    expect(fail("qinghai", { orders: [{ ...ok, orderId: "#2" }, ok] }))
      .toEqual(invalidJson(["orders", 1, "orderId"], "order id #2 appears twice", "订单号 #2 重复"));
  });

  test("parseOrders: without a default platform an order must name one (path under the caller's array)", () => {
    expect(thrown(() => parseOrders([{ platform: "meituan", acceptedAt: "2026-08-03T11:50:00+08:00" }, { acceptedAt: "2026-08-03T11:50:00+08:00" }], null, ["case", "orders"])))
      .toEqual(invalidJson(["case", "orders", 1, "platform"], "the order's platform is required", "须注明订单所属平台"));
    const parsed = parseOrders([{ acceptedAt: "2026-08-03T11:50:00+08:00", completedAt: null, routeKey: "r" }, { acceptedAt: "2026-08-03T11:50:00+08:00", orderId: "X" }], "eleme", ["o"]);
    expect(parsed.map((o) => [o.index, o.platform, o.orderId, o.completed, o.routeKey])).toEqual([[0, "eleme", "#1", null, "r"], [1, "eleme", "X", null, null]]);
  });

  test("input formats: hours as a decimal string (≤ 7 integer digits, ≤ 6 decimals), premium month YYYY-MM", () => {
    const hours = (h: string) => assess("qinghai", { event: "sudden-illness", hoursFromOnsetToDeath: h as never })
      .checks!.find((c) => c.rule === "eligibility.situation.sudden-death")?.reason.en;
    expect(hours("5")).toBe("died 5 hours after onset (at most 48)");
    expect(hours("0")).toBe("sudden death during an order task");
    expect(hours("12")).toBe("died 12 hours after onset (at most 48)");
    expect(hours("1.25")).toBe("died 1.25 hours after onset (at most 48)");
    expect(hours("1.5")).toBe("died 1.5 hours after onset (at most 48)");
    expect(hours("1.123456")).toBe("died 1.123456 hours after onset (at most 48)");
    expect(hours("1000000")).toBe("death 1000000 hours after onset, more than 48");
    const badHours = invalidJson(["hoursFromOnsetToDeath"],
      "hoursFromOnsetToDeath: expected hours from 0 to 1000000, as a number or a decimal string (at most 6 decimals)",
      "hoursFromOnsetToDeath：输入无效（应为0至1000000的小时数，数字或十进制字符串（最多6位小数））");
    // "1000000.5" and "1234567" pass the pattern but exceed 1,000,000 hours, the bound of the number form
    for (const h of ["x1", "1x", "01", "1.", ".5", "1.1234567", "12345678", "1.x", "a", "1000000.5", "1234567"]) {
      expect(fail("qinghai", { event: "sudden-illness", hoursFromOnsetToDeath: h as never }), h).toEqual(badHours);
    }
    const month = (m: string) => check(assess("shanghai", { accidentAt: "2026-12-01T10:00:00+08:00", premiumPaidMonth: m }), "coverage.premium-paid-month")?.outcome;
    expect(["2026-04", "2026-10", "2026-11", "2026-12", "2025-09"].map(month)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    const badMonth = invalidJson(["premiumPaidMonth"], "premiumPaidMonth: expected a month as YYYY-MM", "premiumPaidMonth：输入无效（应为 YYYY-MM 格式的月份）");
    for (const m of ["x2026-04", "2026-04x", "2026-4", "2026-13", "2026-00", "26-04", "abcd-04", "2026-1a"]) {
      expect(fail("shanghai", { premiumPaidMonth: m }), m).toEqual(badMonth);
    }
  });

  test("singleWorkInjuryInsurance takes exactly insured and exception (Zhejiang)", () => {
    const at = "2025-08-01T10:00:00+08:00";
    expect(assess("zhejiang", { accidentAt: at, singleWorkInjuryInsurance: { insured: true } }).recognized).toBe(true);
    expect(fail("zhejiang", { accidentAt: at, singleWorkInjuryInsurance: { insured: true, extra: 1 } as never })).toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("order periods (第十一条第三款: acceptance to completion, both instants included)", () => {
  const order = (accepted: string, completed: string | null): ParsedOrder =>
    ({ index: 0, platform: "meituan", orderId: "#1", accepted: parseInstant(accepted, []), completed: completed === null ? null : parseInstant(completed, []), routeKey: null });
  const at = parseInstant("2026-08-03T12:00:00+08:00", []);
  test("completedBefore: strictly before the accident; an open order never is", () => {
    expect(completedBefore(order("2026-08-03T11:00:00+08:00", "2026-08-03T11:59:59+08:00"), at)).toBe(true);
    expect(completedBefore(order("2026-08-03T11:00:00+08:00", "2026-08-03T12:00:00+08:00"), at)).toBe(false);
    expect(completedBefore(order("2026-08-03T11:00:00+08:00", null), at)).toBe(false);
  });
  test("inProgressAt: from acceptance to completion inclusive", () => {
    expect(inProgressAt(order("2026-08-03T12:00:00+08:00", "2026-08-03T12:00:00+08:00"), at)).toBe(true);
    expect(inProgressAt(order("2026-08-03T12:00:01+08:00", null), at)).toBe(false);
    expect(inProgressAt(order("2026-08-03T11:00:00+08:00", "2026-08-03T11:59:59+08:00"), at)).toBe(false);
    expect(inProgressAt(order("2026-08-03T11:00:00+08:00", null), at)).toBe(true);
  });
});

describe("coverage checks: every reason", () => {
  test("industry: in scope; another industry by admission from otherIndustriesFrom (Guangxi 2027-01-01, boundary)", () => {
    expect(check(assess("qinghai"), "coverage.industry")).toEqual(said("pass",
      "即时配送行业在试点范围（出行、即时配送、同城货运）内", "instant delivery is one of the pilot industries"));
    const other = { platform: "other" as const, industry: "other" as const };
    // Qinghai notice 一 第二段: other industries from the pilot's start (2026-07-01), by admission only
    expect(check(assess("qinghai", other), "coverage.industry")).toEqual(said("fail",
      "试点行业为出行、即时配送、同城货运；其他行业平台企业自 2026-07-01 起探索纳入，须经纳入（platformInPilot）",
      "the pilot industries are ride-hailing, instant-delivery, intra-city-freight; other industries only from 2026-07-01 and only when admitted (platformInPilot)"));
    expect(check(assess("qinghai", { ...other, platformInPilot: true }), "coverage.industry")).toEqual(said("pass",
      "其他行业平台企业自 2026-07-01 起可经纳入试点，调用方声明该平台已纳入",
      "other industries may be admitted from 2026-07-01; the caller states the platform was admitted"));
    // Guangxi 二（一）: "2027年" read as 2027-01-01: the day before fails, the day itself passes
    const gx = (d: string) => check(assess("guangxi", { ...other, platformInPilot: true, accidentAt: d }), "coverage.industry")?.outcome;
    expect([gx("2026-12-31T23:59:00+08:00"), gx("2027-01-01T00:00:00+08:00")]).toEqual(["fail", "pass"]);
  });

  test("industry: a province without otherIndustriesFrom (Zhejiang) refuses another industry outright", () => {
    const r = assess("zhejiang", { accidentAt: "2025-09-01T10:00:00+08:00", platform: "other", industry: "other", platformInPilot: true });
    expect(check(r, "coverage.industry")).toEqual(said("fail", "本省试点行业为出行、即时配送、同城货运，其他行业不在范围内",
      "the province's pilot covers ride-hailing, instant-delivery, intra-city-freight only"));
    // only ride-hailing listed (override): instant delivery is out
    const o = assess("zhejiang", { accidentAt: "2025-09-01T10:00:00+08:00" }, { overrides: { "coverage.industries": ["ride-hailing"] } });
    expect(check(o, "coverage.industry")).toEqual(said("fail", "本省试点行业为出行，即时配送不在范围内", "the province's pilot covers ride-hailing only"));
    // the refusal cites the industries parameter (Zhejiang 二（一）)
    expect(r.checks!.find((c) => c.rule === "coverage.industry")?.citations.map((c) => c.id)).toEqual(["zhejiang-opinions#s二（一）"]);
    // Qinghai admits other industries by admission, but a listed industry left out of the pilot is simply out
    const q = assess("qinghai", { platformInPilot: true }, { overrides: { "coverage.industries": ["ride-hailing"] } });
    expect(check(q, "coverage.industry")).toEqual(said("fail", "本省试点行业为出行，即时配送不在范围内", "the province's pilot covers ride-hailing only"));
  });

  test("platform: stated by the caller (no citation), outside the catalogue, on the list under another industry", () => {
    const stated = run("qinghai", { platform: "dada", platformInPilot: true });
    expect(check(stated.value, "coverage.platform-in-pilot")).toEqual(said("pass", "调用方声明该平台已纳入本省试点",
      "the caller states the platform takes part in the province's pilot"));
    expect(stated.value.checks!.find((c) => c.rule === "coverage.platform-in-pilot")?.citations).toEqual([]);
    expect(stepSummary(stated.explanation.find((s) => s.rule === "coverage.platform-in-pilot"))).toEqual({
      rule: "coverage.platform-in-pilot",
      title: { zh: "平台企业纳入试点范围", en: "the platform takes part in the pilot" },
      citations: [],
      inputs: { platform: "dada", industry: "instant-delivery", platformInPilot: true, date: "2026-08-03" },
      parameters: [],
      result: "pass",
      notes: [{ zh: "调用方声明该平台已纳入本省试点", en: "the caller states the platform takes part in the province's pilot" }],
    });
    expect(stated.value.platformName).toBe("达达");
    const other = assess("qinghai", { platform: "other", industry: "instant-delivery" });
    expect(check(other, "coverage.platform-in-pilot")).toEqual(said("fail", "平台不在本省试点名单内；经申请纳入的平台须声明 platformInPilot",
      "the platform is not on the province's list; for a platform admitted on application state platformInPilot"));
    expect(other.platformName).toBeNull();
    // Qinghai lists 美团 under instant delivery; this case says ride-hailing
    expect(check(assess("qinghai", { industry: "ride-hailing" }), "coverage.platform-in-pilot")).toEqual(said("pass",
      "美团列入本省试点平台企业名单（自 2026-07-01 起）", "meituan (美团) is on the province's list of pilot platforms from 2026-07-01",
      [{ zh: "名单将美团列于即时配送行业，本案为出行", en: "the list names 美团 under instant delivery; this case is ride-hailing" }]));
    expect(check(assess("qinghai"), "coverage.platform-in-pilot")?.notes).toEqual([]);
  });

  test("platform not listed: the list on that date, the twin note (达达 / 京东秒送)", () => {
    expect(check(assess("qinghai", { platform: "dada" }), "coverage.platform-in-pilot")).toEqual(said("fail",
      `达达不在本省 2026-08-03 的试点平台企业名单（${QH_NAMES}）内`,
      `dada is not on the province's list of pilot platforms on 2026-08-03 (${QH_NAMES})`,
      [{
        zh: "本省名单写作“京东秒送”而非“达达”；本库不把二者视为同一企业，如属同一平台企业请声明 platformInPilot",
        en: "the province's list names 京东秒送 (jd-miaosong), not 达达; the library does not equate them — if it is the same enterprise, state platformInPilot",
      }, ASK_PILOT]));
    // Guangxi: 2025-12-31 is before 2026 (all platforms of the three industries), so the list decides
    expect(check(assess("guangxi", { platform: "jd-miaosong", accidentAt: "2025-12-31T20:00:00+08:00" }), "coverage.platform-in-pilot")).toEqual(said("fail",
      `京东秒送不在本省 2025-12-31 的试点平台企业名单（${GX_NAMES}）内`,
      `jd-miaosong is not on the province's list of pilot platforms on 2025-12-31 (${GX_NAMES})`,
      [{
        zh: "本省名单写作“达达”而非“京东秒送”；本库不把二者视为同一企业，如属同一平台企业请声明 platformInPilot",
        en: "the province's list names 达达 (dada), not 京东秒送; the library does not equate them — if it is the same enterprise, state platformInPilot",
      }, ASK_PILOT]));
    expect(check(assess("guangxi", { platform: "jd-miaosong", accidentAt: "2026-01-01T00:00:00+08:00" }), "coverage.platform-in-pilot")).toEqual(said("pass",
      "自 2026-01-01 起即时配送行业平台企业总体纳入试点", "every instant delivery platform is in the pilot from 2026-01-01"));
  });

  test("platform list with dates (override): from and until both inclusive; an empty list reads 无 / none", () => {
    const entry = (platform: string, nameZh: string, from: string, until: string | null) =>
      ({ platform, nameZh, industry: "instant-delivery", from, until });
    const list = [
      entry("meituan", "美团", "2026-07-01", "2026-08-02"), // ended the day before the accident
      entry("eleme", "饿了么", "2026-08-03", null), // starts on the accident date
      entry("shansong", "闪送", "2026-08-04", null), // starts the day after
      entry("sf-tongcheng", "顺丰同城", "2026-07-01", "2026-08-03"), // ends on the accident date
    ];
    const overrides = { "coverage.pilotPlatforms": list };
    const on = (platform: EligibilityInput["platform"], at = base.accidentAt) =>
      check(assess("qinghai", { platform, accidentAt: at }, { overrides }), "coverage.platform-in-pilot");
    expect(on("eleme")?.reason.en).toBe("eleme (饿了么) is on the province's list of pilot platforms from 2026-08-03");
    expect(on("sf-tongcheng")?.outcome).toBe("pass");
    expect(on("meituan", "2026-08-02T12:00:00+08:00")?.outcome).toBe("pass");
    expect(on("shansong", "2026-08-04T12:00:00+08:00")?.outcome).toBe("pass");
    expect(on("meituan")).toEqual(said("fail", "美团不在本省 2026-08-03 的试点平台企业名单（饿了么、顺丰同城）内",
      "meituan is not on the province's list of pilot platforms on 2026-08-03 (饿了么、顺丰同城)", [ASK_PILOT]));
    // 达达's twin 京东秒送 is not on this list: no twin note
    expect(on("dada")).toEqual(said("fail", "达达不在本省 2026-08-03 的试点平台企业名单（饿了么、顺丰同城）内",
      "dada is not on the province's list of pilot platforms on 2026-08-03 (饿了么、顺丰同城)", [ASK_PILOT]));
    expect(on("shansong")?.outcome).toBe("fail");
    // a list with 达达 says nothing of twins for 美团 (only 达达 and 京东秒送 are twins)
    const withDada = { "coverage.pilotPlatforms": [entry("dada", "达达", "2026-07-01", null)] };
    expect(check(assess("qinghai", {}, { overrides: withDada }), "coverage.platform-in-pilot")?.notes).toEqual([ASK_PILOT]);
    const empty = { "coverage.pilotPlatforms": [entry("meituan", "美团", "2026-07-01", "2026-08-02")] };
    expect(check(assess("qinghai", {}, { overrides: empty }), "coverage.platform-in-pilot")).toEqual(said("fail",
      "美团不在本省 2026-08-03 的试点平台企业名单（无）内", "meituan is not on the province's list of pilot platforms on 2026-08-03 (none)", [ASK_PILOT]));
  });

  test("place of acceptance: default, stated, elsewhere, and a rule set without it (override)", () => {
    const rule = "coverage.order-accepted-in-province";
    expect(check(assess("qinghai"), rule)).toEqual(said("pass", "未另行说明，按在本省接单处理", "not stated otherwise: taken as accepted in the province"));
    expect(check(assess("qinghai", { orderAcceptedInProvince: true }), rule)).toEqual(said("pass",
      "在本省接单；在省外发生事故的，以接单地作为职业伤害发生地", "accepted in the province; an accident outside it still belongs to the place of acceptance"));
    expect(check(assess("qinghai", { orderAcceptedInProvince: false }), rule)).toEqual(said("fail",
      "订单不在本省接单：以接单地作为职业伤害发生地，不属本省办理",
      "the order was accepted elsewhere: the place of acceptance is the place of injury, so this is not the province's case"));
    const off = assess("qinghai", { orderAcceptedInProvince: false }, { overrides: { "coverage.byPlaceOfAcceptance": false } });
    expect(check(off, rule)).toEqual(said("not-applicable", "本省规则不以接单地划分", "the province's rules do not use the place of acceptance"));
    expect(off.covered).toBe(true);
  });

  test("Shanghai premium month (规程第四十三条): not given, same month, month before; switched off by override", () => {
    const rule = "coverage.premium-paid-month";
    expect(check(assess("shanghai"), rule)).toEqual(said("not-evaluated", "未提供缴费月份（premiumPaidMonth），未核对", "no premiumPaidMonth given: not checked"));
    expect(check(assess("shanghai", { premiumPaidMonth: "2026-08" }), rule)).toEqual(said("pass",
      "事故发生于 2026-08，不早于缴费当月 2026-08", "the accident month 2026-08 is not before the premium month 2026-08"));
    expect(check(assess("shanghai", { premiumPaidMonth: "2026-09" }), rule)).toEqual(said("fail",
      "事故发生于 2026-08，早于平台企业按规定缴费的当月 2026-09", "the accident month 2026-08 is before the month the premium was paid, 2026-09"));
    const off = assess("shanghai", { premiumPaidMonth: "2026-09" }, { overrides: { "coverage.fromPremiumPaidMonth": false } });
    expect(check(off, rule)).toEqual(said("not-applicable", "本省规则无此条件", "no such condition in the province's rules"));
    expect(off.covered).toBe(true);
  });

  test("Zhejiang hand-over (二（七）): after 2025-06-30 passes; the exceptions and the insured get notes", () => {
    const rule = "coverage.single-work-injury-handover";
    const at = "2025-08-01T10:00:00+08:00";
    const pass = ["试点平台企业单项工伤保险参保期限至 2025-06-30 止；2025-08-01 的事故适用职业伤害保障",
      "the pilot platforms' single work-injury insurance ended on 2025-06-30; an accident on 2025-08-01 falls under this protection"] as const;
    const stay = {
      zh: "非试点平台企业的新就业形态人员可继续参加单项工伤保险（不属本保障）",
      en: "workers of platforms outside the pilot may stay in the single work-injury insurance (outside this protection)",
    };
    expect(check(assess("zhejiang", { accidentAt: at }), rule)).toEqual(said("pass", ...pass));
    expect(check(assess("zhejiang", { accidentAt: at, singleWorkInjuryInsurance: { insured: false } }), rule)).toEqual(said("pass", ...pass));
    expect(check(assess("zhejiang", { accidentAt: at, singleWorkInjuryInsurance: { insured: true } }), rule)).toEqual(said("pass", ...pass, [stay]));
    expect(check(assess("zhejiang", { accidentAt: at, singleWorkInjuryInsurance: { insured: true, exception: "recognition-pending" } }), rule))
      .toEqual(said("pass", ...pass, [{
        zh: "例外（2025年7月1日前发生事故伤害尚未完成工伤认定）：原工伤保险关系不终止，原伤害仍按单项工伤保险处理；本次事故适用职业伤害保障，同一人员不得重复领取待遇",
        en: "exception (an accident before 2025-07-01 not yet recognised): the work-injury insurance relation continues for the earlier injury; this accident falls under the protection, and no benefit is paid twice",
      }, stay]));
    // an exception without insurance says nothing
    expect(check(assess("zhejiang", { accidentAt: at, singleWorkInjuryInsurance: { insured: false, exception: "assessment-pending" } }), rule)?.notes).toEqual([]);
  });

  test("hand-over boundary (override until 2025-08-01): the day itself is still the old insurance, the next day passes", () => {
    const overrides = { "coverage.singleWorkInjuryInsuranceUntil": "2025-08-01" };
    const rule = "coverage.single-work-injury-handover";
    const on = assess("zhejiang", { accidentAt: "2025-08-01T23:00:00+08:00" }, { overrides });
    expect(check(on, rule)).toEqual(said("fail", "2025-08-01 仍在单项工伤保险参保期限（至 2025-08-01）内",
      "2025-08-01 is within the single work-injury insurance (until 2025-08-01)"));
    expect(on.failedChecks).toEqual([rule]);
    expect(check(assess("zhejiang", { accidentAt: "2025-08-02T00:00:00+08:00" }, { overrides }), rule)?.outcome).toBe("pass");
  });

  test("no double claim: not filed, filed, and a rule set without the rule (override)", () => {
    const rule = "coverage.no-work-injury-claim";
    expect(check(assess("qinghai"), rule)).toEqual(said("pass", "未申请工伤认定", "no work-injury claim filed"));
    expect(check(assess("qinghai", { workInjuryClaimFiled: true }), rule)).toEqual(said("fail",
      "同一事故伤害已申请工伤认定，不得同时申请职业伤害保障待遇，不得重复享受",
      "a work-injury claim was filed for this accident: no occupational-injury claim for it, no double benefits"));
    const off = assess("qinghai", { workInjuryClaimFiled: true }, { overrides: { "coverage.noDoubleClaim": false } });
    expect(check(off, rule)).toEqual(said("not-applicable", "本省规则无此条件", "no such condition in the province's rules"));
    expect(off.recognized).toBe(true);
  });
});

describe("the order-task period and (一) on-task injury", () => {
  const orderRule = "eligibility.order-task-period";
  const rule = "eligibility.situation.on-task-injury";

  test("orders in progress are named; another platform's order gets a note only when all in progress are another's", () => {
    const m = { orderId: "M1", acceptedAt: "2026-08-03T11:50:00+08:00", completedAt: "2026-08-03T12:30:00+08:00" };
    const e = { platform: "eleme" as const, orderId: "E1", acceptedAt: "2026-08-03T12:00:00+08:00" };
    const late = { orderId: "L", acceptedAt: "2026-08-03T12:11:00+08:00" };
    expect(check(assess("qinghai", { orders: [m, e, late] }), orderRule)).toEqual(said("pass",
      "事故发生时订单在执行中：M1、E1", "order(s) in progress at the accident: M1, E1"));
    expect(check(assess("qinghai", { orders: [e, late] }), orderRule)).toEqual(said("pass",
      "事故发生时订单在执行中：E1", "order(s) in progress at the accident: E1",
      [{ zh: "执行中的订单属于其他平台：平台责任见 liability", en: "the order in progress belongs to another platform: see liability for the responsible platform" }]));
    const none = assess("qinghai", { orders: [late] });
    expect(check(none, orderRule)).toEqual(said("fail", "事故发生时没有处于接单至完成之间的订单", "no order was between acceptance and completion at the accident"));
    expect(check(none, rule)).toEqual(said("fail", "订单记录显示事故不在执行订单任务期间", "the order records show the accident was not during an order task"));
    expect(check(assess("qinghai"), orderRule)).toEqual(said("not-evaluated", "未提供订单时间，按调用方所述“执行订单任务期间”处理",
      "no order times given: the caller's statement that an order was being performed is taken"));
  });

  test("the order-task step: inputs describe each order in China Standard Time; citations by province", () => {
    const c = run("qinghai", { orders: [{ orderId: "M1", acceptedAt: "2026-08-03T03:50:00Z", completedAt: null, routeKey: "R" }] });
    const s = stepSummary(c.explanation.find((x) => x.rule === orderRule));
    expect(s.inputs).toEqual({ accidentAt: "2026-08-03T12:10:00+08:00", orders: ["meituan M1 [2026-08-03T11:50:00+08:00 → —] route R"] });
    expect(s.citations).toEqual(["qinghai-measures#art11.p3"]);
    expect(assess("shanghai").checks!.find((x) => x.rule === orderRule)?.citations.map((x) => x.id))
      .toEqual(["national-measures", "qinghai-measures#art11.p3", "shanghai-rules#art23.p1.i4"]);
  });

  test("the period is checked only for on-order accidents and sudden illness", () => {
    const has = (over: Partial<EligibilityInput>) => assess("qinghai", over).checks!.some((c) => c.rule === orderRule);
    expect(has({})).toBe(true);
    expect(has({ event: "sudden-illness", died: true })).toBe(true);
    expect(has({ event: "other" })).toBe(false);
    expect(has({ event: "old-injury-relapse" })).toBe(false);
    expect(has({ activity: "public-interest", event: "accident" })).toBe(false);
  });

  test("(一) every reason", () => {
    expect(check(assess("qinghai"), rule)).toEqual(said("pass", "执行平台订单任务期间因履行平台服务内容受到意外伤害", "injured while performing an order task"));
    expect(check(assess("qinghai", { activity: "off-duty", event: "accident" }), rule)).toEqual(said("not-applicable",
      "非执行订单任务期间（off-duty）", "not during an order task (off-duty)"));
    const own = said("not-applicable", "突发疾病、旧伤复发另有规定", "sudden illness and relapses have their own items");
    expect(check(assess("qinghai", { event: "sudden-illness", died: true }), rule)).toEqual(own);
    expect(check(assess("qinghai", { event: "old-injury-relapse" }), rule)).toEqual(own);
    expect(check(assess("qinghai", { event: "other" }), rule)).toEqual(said("fail",
      "不是事故伤害、暴力等意外伤害或事故下落不明", "not an accident, violence or disappearance after an accident"));
    expect(check(assess("qinghai", { performingPlatformService: false }), rule)).toEqual(said("fail",
      "伤害并非因履行平台服务内容所致", "the injury did not arise from performing the platform's service"));
  });
});

describe("(二) the way to a designated place or home", () => {
  const rule = "eligibility.situation.commute";
  const home = { activity: "commute-home" as const, ownPrimaryResponsibility: false, accidentAt: "2026-08-03T21:30:00+08:00" };
  const done = { orderId: "D", acceptedAt: "2026-08-03T20:30:00+08:00", completedAt: "2026-08-03T21:10:00+08:00" };

  test("every reason", () => {
    expect(check(assess("qinghai"), rule)).toEqual(said("not-applicable", "不在前往指定场所或返回日常居所途中", "not on the way to a designated place or home"));
    expect(check(assess("qinghai", { ...home, event: "accident" }), rule)).toEqual(said("fail",
      "途中仅限交通事故或者城市轨道交通、客运轮渡、火车事故伤害", "on the way, only traffic, urban rail, passenger ferry or train accidents count"));
    expect(check(assess("qinghai", { ...home, ownPrimaryResponsibility: true }), rule)).toEqual(said("fail",
      "本人负主要责任的事故不属此情形", "an accident mainly the worker's fault does not count"));
    expect(check(assess("qinghai", { ...home, reasonableRoute: false }), rule)).toEqual(said("fail",
      "不在返回日常居所的合理路线上", "not on a reasonable route home"));
    const ok = said("pass", "执行订单任务后返回日常居所的合理路线途中，受到非本人主要责任的事故伤害",
      "on a reasonable route home after orders, in an accident not mainly the worker's fault");
    expect(check(assess("qinghai", home), rule)).toEqual(ok);
    expect(check(assess("qinghai", { ...home, reasonableRoute: true, orders: [done] }), rule)).toEqual(ok);
  });

  test("way home against the order records: any order in progress, or no order completed before", () => {
    const open = { orderId: "O", acceptedAt: "2026-08-03T21:20:00+08:00" };
    const later = { orderId: "N", acceptedAt: "2026-08-03T22:00:00+08:00", completedAt: "2026-08-03T22:30:00+08:00" };
    const inProgress = said("fail", "事故时仍有订单在执行：不是完成订单后返回途中（属执行订单任务期间）",
      "an order was still in progress: not yet on the way home (this is an order task)");
    expect(check(assess("qinghai", { ...home, orders: [done, open] }), rule)).toEqual(inProgress);
    // completed exactly at the accident: still in progress (completion instant included)
    expect(check(assess("qinghai", { ...home, orders: [{ ...done, completedAt: "2026-08-03T21:30:00+08:00" }] }), rule)).toEqual(inProgress);
    const noneDone = said("fail", "事故前没有已完成的订单：不是执行订单任务后返回途中", "no order was completed before the accident: not on the way home after orders");
    expect(check(assess("qinghai", { ...home, orders: [later] }), rule)).toEqual(noneDone);
    // one order done before, another not yet accepted: "some" completed is enough
    expect(check(assess("qinghai", { ...home, orders: [done, later] }), rule)?.outcome).toBe("pass");
    expect(assess("qinghai", { ...home, orders: [later, done] }).situation).toBe("commute");
  });

  test("designated place: the requiring platform is named only when it differs from the case's", () => {
    const way = { activity: "designated-place" as const, ownPrimaryResponsibility: false };
    const plain = said("pass", "在指定时间前往指定场所途中，受到非本人主要责任的事故伤害",
      "on the way to a designated place at the set time, in an accident not mainly the worker's fault");
    expect(check(assess("qinghai", way), rule)).toEqual(plain);
    expect(check(assess("qinghai", { ...way, designatedBy: "meituan" }), rule)).toEqual(plain);
    expect(check(assess("qinghai", { ...way, designatedBy: "eleme" }), rule)).toEqual(said("pass",
      "在指定时间前往指定场所途中，受到非本人主要责任的事故伤害（要求方：eleme）",
      "on the way to a designated place at the set time, in an accident not mainly the worker's fault (required by eleme)"));
  });
});

describe("(三) sudden death within 48 hours", () => {
  const rule = "eligibility.situation.sudden-death";
  const ill = { event: "sudden-illness" as const };

  test("every reason, with the note on how the time of death was read", () => {
    expect(check(assess("qinghai"), rule)).toEqual(said("not-applicable", "非突发疾病", "not a sudden illness"));
    expect(check(assess("qinghai", { ...ill, activity: "commute-home", died: true }), rule)).toEqual(said("fail",
      "突发疾病仅在执行平台订单任务期间发生的才属此情形", "sudden illness counts only during an order task",
      [{ zh: "未给出发病至死亡的时间：按突发疾病当即死亡理解", en: "no time from onset to death given: read as death at once" }]));
    const noDeath = said("fail", "突发疾病未死亡的，不属此情形", "a sudden illness without death does not count");
    expect(check(assess("qinghai", { ...ill, died: false }), rule)).toEqual(noDeath);
    expect(check(assess("qinghai", ill), rule)).toEqual(noDeath);
    expect(check(assess("qinghai", { ...ill, died: true }), rule)).toEqual(said("pass", "执行订单任务期间突发疾病死亡", "sudden death during an order task",
      [{ zh: "未给出发病至死亡的时间：按突发疾病当即死亡理解", en: "no time from onset to death given: read as death at once" }]));
    expect(check(assess("qinghai", { ...ill, hoursFromOnsetToDeath: 0 }), rule)).toEqual(said("pass", "执行订单任务期间突发疾病死亡", "sudden death during an order task"));
    // onset 12:10 on the 3rd, death 00:10 on the 4th = 12 hours
    expect(check(assess("qinghai", { ...ill, deathAt: "2026-08-04T00:10:00+08:00" }), rule)).toEqual(said("pass",
      "执行订单任务期间突发疾病，12 小时内经抢救无效死亡（不超过 48 小时）", "died 12 hours after onset (at most 48)",
      [{ zh: "发病至死亡 12 小时（deathAt − accidentAt）", en: "12 hours from onset to death (deathAt − accidentAt)" }]));
    // death at the very instant of onset: 0 hours, death at once (not an error)
    expect(check(assess("qinghai", { ...ill, deathAt: "2026-08-03T04:10:00Z" }), rule)).toEqual(said("pass",
      "执行订单任务期间突发疾病死亡", "sudden death during an order task",
      [{ zh: "发病至死亡 0 小时（deathAt − accidentAt）", en: "0 hours from onset to death (deathAt − accidentAt)" }]));
    expect(check(assess("qinghai", { ...ill, hoursFromOnsetToDeath: 48.5 }), rule)).toEqual(said("fail",
      "发病后 48.5 小时死亡，超过 48 小时", "death 48.5 hours after onset, more than 48"));
    const late = { orderId: "L", acceptedAt: "2026-08-03T12:11:00+08:00" };
    expect(check(assess("qinghai", { ...ill, died: true, orders: [late] }), rule)).toEqual(said("fail",
      "订单记录显示发病不在执行订单任务期间", "the order records show the onset was not during an order task",
      [{ zh: "未给出发病至死亡的时间：按突发疾病当即死亡理解", en: "no time from onset to death given: read as death at once" }]));
  });

  test("the hour limit is the rule set's (override 24), and the step lists it", () => {
    const overrides = { "eligibility.suddenDeathMaxHours": 24 };
    const c = run("qinghai", { ...ill, hoursFromOnsetToDeath: 30 }, { overrides });
    expect(check(c.value, rule)).toEqual(said("fail", "发病后 30 小时死亡，超过 24 小时", "death 30 hours after onset, more than 24"));
    expect(check(assess("qinghai", { ...ill, hoursFromOnsetToDeath: 24 }, { overrides }), rule)?.reason.en).toBe("died 24 hours after onset (at most 24)");
    const s = stepSummary(c.explanation.find((x) => x.rule === rule));
    expect(s.parameters?.map((p) => [p[0], p[1]])).toEqual([
      ["eligibility.situations", ["on-task-injury", "commute", "sudden-death", "public-interest", "veteran-relapse", "statutory-other"]],
      ["eligibility.suddenDeathMaxHours", 24],
    ]);
    expect(s.inputs).toEqual({ activity: "on-order", event: "sudden-illness", died: null, hoursFromOnsetToDeath: 30, deathAt: null });
  });
});

describe("(四)–(六) and the situations a rule set does not list", () => {
  test("(四) public interest: every reason", () => {
    const rule = "eligibility.situation.public-interest";
    expect(check(assess("qinghai"), rule)).toEqual(said("not-applicable", "非维护国家利益、公共利益活动", "not an activity in the public interest"));
    expect(check(assess("qinghai", { activity: "public-interest", event: "old-injury-relapse" }), rule)).toEqual(said("not-applicable",
      "旧伤复发另有规定", "relapses have their own item"));
    expect(check(assess("qinghai", { activity: "public-interest", event: "sudden-illness" }), rule)).toEqual(said("fail",
      "此情形为“受到伤害”；突发疾病仅在执行订单任务期间按第（三）项处理", "this item needs an injury; sudden illness counts only under item (3), during an order task"));
    expect(check(assess("qinghai", { activity: "public-interest", event: "accident" }), rule)).toEqual(said("pass",
      "在抢险救灾等维护国家利益、公共利益活动中受到伤害", "injured in an activity in the public interest"));
  });

  test("(五) veteran relapse and (六) statutory: every reason", () => {
    const v = "eligibility.situation.veteran-relapse";
    const relapse = { activity: "off-duty" as const, event: "old-injury-relapse" as const };
    expect(check(assess("qinghai"), v)).toEqual(said("not-applicable", "非旧伤复发", "not a relapse"));
    expect(check(assess("qinghai", relapse), v)).toEqual(said("fail",
      "仅已取得《残疾军人证》者因战、因公旧伤复发的属此情形", "only the relapse of a holder of the disabled serviceman's certificate counts"));
    expect(check(assess("qinghai", { ...relapse, veteranDisabilityCertificate: true }), v)).toEqual(said("pass",
      "持《残疾军人证》者在平台就业期间旧伤复发", "a certificate holder's relapse during platform work"));
    const s = "eligibility.situation.statutory-other";
    expect(check(assess("qinghai"), s)).toEqual(said("not-applicable", "未主张法律、行政法规规定的其他情形", "no other statutory case claimed"));
    expect(check(assess("qinghai", { statutoryOtherCase: false }), s)?.outcome).toBe("not-applicable");
    expect(check(assess("qinghai", { statutoryOtherCase: true }), s)).toEqual(said("pass",
      "调用方声明法律、行政法规规定应当确认为职业伤害", "the caller states a law or regulation makes this an occupational injury"));
  });

  test("a situation the rule set does not list is not-applicable, whatever the facts (override)", () => {
    const overrides = { "eligibility.situations": ["commute"] };
    const r = assess("qinghai", { event: "sudden-illness", died: true }, { overrides });
    expect(check(r, "eligibility.situation.sudden-death")).toEqual(said("not-applicable", NOT_LISTED.zh, NOT_LISTED.en,
      [{ zh: "未给出发病至死亡的时间：按突发疾病当即死亡理解", en: "no time from onset to death given: read as death at once" }]));
    expect(check(r, "eligibility.situation.on-task-injury")).toEqual(said("not-applicable", NOT_LISTED.zh, NOT_LISTED.en));
    expect(r).toMatchObject({ recognized: false, situation: null, failedChecks: ["eligibility.situation-met"] });
    expect(check(r, "eligibility.situation-met")).toEqual(said("fail", "事实不符合任何一种应当确认为职业伤害的情形", "the facts meet none of the recognised situations"));
  });
});

describe("exclusions, the decision step, and the full list for each province", () => {
  test("exclusion reasons; a rule set without exclusions lists them as not-applicable (override)", () => {
    const r = assess("qinghai", { intoxicated: true });
    expect(check(r, "eligibility.exclusion.intoxication-or-drugs")).toEqual(said("fail",
      "因醉酒或者吸毒导致伤亡的，不得确认为职业伤害（适用于各种情形）",
      "an injury or death caused by drunkenness or drug use is not an occupational injury (applied to every situation)"));
    expect(check(r, "eligibility.exclusion.self-harm")).toEqual(said("pass", "不存在自残或者自杀", "no self-harm or suicide"));
    const off = assess("qinghai", { intoxicated: true }, { overrides: { "eligibility.exclusions": ["self-harm"] } });
    expect(check(off, "eligibility.exclusion.intoxication-or-drugs")).toEqual(said("not-applicable",
      "本省规则未列此排除情形", "the province's rules do not list this exclusion"));
    expect(off).toMatchObject({ recognized: true, exclusion: null, exclusions: [] });
  });

  test("the decision step: recognised veteran (no one-time subsidy) and a refusal listing the failed checks", () => {
    const v = run("shanghai", { platformInPilot: true, activity: "off-duty", event: "old-injury-relapse", veteranDisabilityCertificate: true });
    expect(stepSummary(v.explanation.at(-1))).toEqual({
      rule: "eligibility.decision",
      title: { zh: "职业伤害确认结论", en: "occupational-injury decision" },
      citations: ["shanghai-rules#art24.p1.i5", "shanghai-rules#art42"],
      inputs: { covered: true, situation: "veteran-relapse", exclusions: [] },
      parameters: [["veteran.excludedBenefits", ["oneTimeDisabilitySubsidy"], "seed"]],
      result: { recognized: true, situation: "veteran-relapse", exclusion: null, excludedBenefits: ["oneTimeDisabilitySubsidy"] },
      notes: [
        { zh: "应当确认为职业伤害", en: "recognised as an occupational injury" },
        { zh: "享受除一次性伤残补助金以外的职业伤害保障待遇", en: "every benefit except the one-time disability subsidy" },
      ],
    });
    const no = run("qinghai", { platform: "dada", selfHarm: true });
    expect(stepSummary(no.explanation.at(-1))).toMatchObject({
      inputs: { covered: false, situation: "on-task-injury", exclusions: ["self-harm"] },
      parameters: [],
      result: { recognized: false, situation: "on-task-injury", exclusion: "self-harm", excludedBenefits: [] },
      notes: [{ zh: "不予确认；未通过：coverage.platform-in-pilot、eligibility.exclusion.self-harm", en: "not recognised; failed: coverage.platform-in-pilot, eligibility.exclusion.self-harm" }],
    });
  });

  test("checks in order for each province (Zhejiang has the hand-over and no premium month)", () => {
    const rules = (p: ProvinceId, at: string) => assess(p, { accidentAt: at, activity: "commute-home", ownPrimaryResponsibility: false }).checks!.map((c) => c.rule);
    const tail = [
      "eligibility.situation.on-task-injury", "eligibility.situation.commute", "eligibility.situation.sudden-death",
      "eligibility.situation.public-interest", "eligibility.situation.veteran-relapse", "eligibility.situation.statutory-other",
      "eligibility.situation-met", "eligibility.exclusion.intentional-crime", "eligibility.exclusion.intoxication-or-drugs",
      "eligibility.exclusion.self-harm",
    ];
    const head = ["coverage.in-force", "coverage.industry", "coverage.platform-in-pilot", "coverage.order-accepted-in-province"];
    // on the way home there is no order-task check
    expect(rules("qinghai", "2026-08-03T21:30:00+08:00")).toEqual([...head, "coverage.no-work-injury-claim", ...tail]);
    expect(rules("zhejiang", "2025-08-03T21:30:00+08:00")).toEqual([...head, "coverage.single-work-injury-handover", "coverage.no-work-injury-claim", ...tail]);
    expect(rules("shanghai", "2026-08-03T21:30:00+08:00")).toEqual([...head, "coverage.premium-paid-month", "coverage.no-work-injury-claim", ...tail]);
    expect(rules("guangxi", "2025-08-03T21:30:00+08:00")).toEqual([...head, "coverage.no-work-injury-claim", ...tail]);
    expect(rules("inner-mongolia", "2026-08-03T21:30:00+08:00")).toEqual([...head, "coverage.no-work-injury-claim", ...tail]);
  });
});
