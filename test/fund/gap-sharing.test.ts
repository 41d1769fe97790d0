import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeGapSharing, type GapSharingInput } from "../../src/fund/gap-sharing.js";
import { Dec } from "../../src/core/money.js";
import { PROVINCES } from "../../src/provinces/index.js";
import { kindOf } from "../../src/provinces/rule.js";
import { findKind } from "../../src/scenario/kinds.js";

describe("gap sharing — Zhejiang 实施意见 二（三）", () => {
  test("incomes unknown: by share of benefit spending, exact to the fen (largest remainder)", () => {
    // 1,000,000.00 over spending 3 : 2 : 1 → 500,000.00, 333,333.33, 166,666.67 (remainders .000, .333, .667: the last fen to 温州)
    const r = computeGapSharing("zhejiang", {
      provinceGap: "1000000.00",
      regions: [{ name: "杭州", benefitSpend: "3000000.00" }, { name: "宁波", benefitSpend: "2000000.00" }, { name: "温州", benefitSpend: "1000000.00" }],
    });
    expect(r.value).toEqual({
      method: "benefit-spend-share",
      shares: [{ name: "杭州", gap: "500000.00" }, { name: "宁波", gap: "333333.33" }, { name: "温州", gap: "166666.67" }],
      total: "1000000.00",
    });
    // no case date: the first step names Zhejiang's only version
    expect(r.explanation.map((s) => s.rule)).toEqual(["rule-set.version", "fund.gap-sharing.spend-share", "fund.gap-sharing.total"]);
    expect(r.explanation[0]).toMatchObject({ step: 1, result: "zhejiang@2025-07-01" });
    expect(r.explanation[1]?.citations.map((c) => c.id)).toEqual(["zhejiang-opinions#s二（三）"]);
  });

  test("one region's income unknown: the incomes are not clear, so all by spending", () => {
    const r = computeGapSharing("zhejiang", {
      provinceGap: "90.00",
      regions: [{ name: "a", benefitSpend: "100.00", income: "50.00" }, { name: "b", benefitSpend: "200.00", income: null }],
    });
    expect([r.value.method, r.value.shares.map((s) => s.gap)]).toEqual(["benefit-spend-share", ["30.00", "60.00"]]);
  });

  test("incomes known and consistent: each region's own deficit, exactly", () => {
    // a: 500 − 380 = 120; b: 300 − 250.55 = 49.45; together 169.45 = the provincial gap
    const r = computeGapSharing("zhejiang", {
      provinceGap: "169.45",
      regions: [{ name: "a", benefitSpend: "500.00", income: "380.00" }, { name: "b", benefitSpend: "300.00", income: "250.55" }],
    }, { strict: true });
    expect(r.value).toEqual({ method: "own-balance", shares: [{ name: "a", gap: "120.00" }, { name: "b", gap: "49.45" }], total: "169.45" });
    expect(r.assumptions).toEqual([]);
  });

  test("a region in surplus: the net gap shared by the deficits — an assumption, refused by strict", () => {
    // a −100 (deficit 100), b +30 surplus, c −50: net gap 120 shared 100 : 0 : 50 → 80.00, 0.00, 40.00
    const input = {
      provinceGap: "120.00",
      regions: [
        { name: "a", benefitSpend: "200.00", income: "100.00" },
        { name: "b", benefitSpend: "70.00", income: "100.00" },
        { name: "c", benefitSpend: "150.00", income: "100.00" },
      ],
    };
    const r = computeGapSharing("zhejiang", input);
    expect(r.value.shares.map((s) => s.gap)).toEqual(["80.00", "0.00", "40.00"]);
    expect(r.assumptions.map((a) => a.name)).toEqual(["fund.gapSharingNetOfSurpluses"]);
    expect(() => computeGapSharing("zhejiang", input, { strict: true })).toThrow(expect.objectContaining({ code: "ASSUMED_PARAMETER_REFUSED" }));
  });

  test("no gap: every share 0.00; a gap no region explains is INVALID_INPUT", () => {
    expect(computeGapSharing("zhejiang", { provinceGap: "0", regions: [{ name: "a", benefitSpend: "0" }] }).value.shares).toEqual([{ name: "a", gap: "0.00" }]);
    expect(() => computeGapSharing("zhejiang", { provinceGap: "5.00", regions: [{ name: "a", benefitSpend: "0" }] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["regions"] }),
    );
    expect(() => computeGapSharing("zhejiang", { provinceGap: "5.00", regions: [{ name: "a", benefitSpend: "10", income: "20" }] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["regions"] }),
    );
    expect(() => computeGapSharing("zhejiang", { provinceGap: "5.00", regions: [{ name: "a", benefitSpend: "1" }, { name: "a", benefitSpend: "1" }] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["regions", 1, "name"] }),
    );
  });

  test("other provinces define no gap sharing: RULE_NOT_DEFINED", () => {
    for (const p of PROVINCES.filter((x) => x !== "zhejiang")) {
      expect(() => computeGapSharing(p, { provinceGap: "1.00", regions: [{ name: "a", benefitSpend: "1" }] }), p).toThrow(
        expect.objectContaining({ code: "RULE_NOT_DEFINED" }),
      );
    }
  });

  test("property (seed 42): shares add up to the gap exactly, are whole fen and never negative", () => {
    const fen = fc.bigInt({ min: 0n, max: 10n ** 11n }).map((n) => new Dec(n.toString()).dividedBy(100).toFixed(2));
    fc.assert(
      fc.property(
        fen,
        fc.array(fc.record({ spend: fen, income: fc.option(fen) }), { minLength: 1, maxLength: 12 }),
        (gap, regions) => {
          const input = { provinceGap: gap, regions: regions.map((r, k) => ({ name: `r${k}`, benefitSpend: r.spend, income: r.income })) };
          let value;
          try {
            value = computeGapSharing("zhejiang", input).value;
          } catch (e) {
            expect(e).toMatchObject({ code: "INVALID_INPUT", path: ["regions"] }); // nothing to share by
            return;
          }
          const total = value.shares.reduce((acc, s) => acc.plus(s.gap), new Dec(0));
          expect(total.equals(new Dec(gap))).toBe(true);
          for (const s of value.shares) {
            expect(new Dec(s.gap).isNegative()).toBe(false);
            expect(new Dec(s.gap).times(100).isInteger()).toBe(true);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  test("the spend-share step names the regions without income data, null or absent alike", () => {
    // a's income known, b's null, c's absent → shared by spending: 60.00 × 100/600, × 200/600, × 300/600 = 10.00, 20.00, 30.00
    const r = computeGapSharing("zhejiang", {
      provinceGap: "60.00",
      regions: [{ name: "a", benefitSpend: "100.00", income: "90.00" }, { name: "b", benefitSpend: "200.00", income: null }, { name: "c", benefitSpend: "300.00" }],
    });
    expect(r.value.shares.map((s) => s.gap)).toEqual(["10.00", "20.00", "30.00"]);
    expect(r.explanation[1]?.notes?.[0]).toEqual({ zh: "收入不明确的地区：b、c", en: "regions without income data: b, c" });
  });

  test("errors say why: the duplicate region by name, and a gap that nothing explains", () => {
    expect(() => computeGapSharing("zhejiang", { provinceGap: "5.00", regions: [{ name: "杭州", benefitSpend: "1" }, { name: "杭州", benefitSpend: "2" }] })).toThrow(
      expect.objectContaining({ messageEn: 'region "杭州" appears twice', messageZh: "地区“杭州”重复" }),
    );
    expect(() => computeGapSharing("zhejiang", { provinceGap: "5.00", regions: [{ name: "a", benefitSpend: "0" }] })).toThrow(
      expect.objectContaining({ messageEn: expect.stringContaining("no region has benefit spending"), messageZh: expect.stringContaining("各地待遇支出均为零") }),
    );
    expect(() => computeGapSharing("zhejiang", { provinceGap: "5.00", regions: [{ name: "a", benefitSpend: "10", income: "20" }] })).toThrow(
      expect.objectContaining({ messageEn: expect.stringContaining("no region is in deficit"), messageZh: expect.stringContaining("各地均无缺口") }),
    );
  });

  test("an amount above 10^12 yuan is INVALID_INPUT at its own field", () => {
    const over = "1000000000000.01"; // passes the money schema (13 integer digits) but exceeds 10^12 yuan
    const cases: Array<[GapSharingInput, Array<string | number>]> = [
      [{ provinceGap: over, regions: [{ name: "a", benefitSpend: "1" }] }, ["provinceGap"]],
      [{ provinceGap: "1.00", regions: [{ name: "a", benefitSpend: "1" }, { name: "b", benefitSpend: over }] }, ["regions", 1, "benefitSpend"]],
      [{ provinceGap: "1.00", regions: [{ name: "a", benefitSpend: "1", income: "0" }, { name: "b", benefitSpend: "1", income: over }] }, ["regions", 1, "income"]],
    ];
    for (const [input, path] of cases) {
      expect(() => computeGapSharing("zhejiang", input), path.join(".")).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", path, messageEn: expect.stringContaining("10^12") }),
      );
    }
  });
});

describe("gap sharing — a rule declared with defineRule", () => {
  test("the scenario kind is the rule's own declaration", () => {
    expect(findKind("gap-sharing")).toBe(kindOf(computeGapSharing));
    expect(kindOf(computeGapSharing)).toMatchObject({ kind: "gap-sharing", functionName: "computeGapSharing", title: { zh: "资金缺口分担（浙江）", en: "funding gap sharing (Zhejiang)" } });
  });

  test("a province without the rule computes with a caller's fund.gapSharing (provenance caller, nothing replaced)", () => {
    const r = computeGapSharing("qinghai", { provinceGap: "10.00", regions: [{ name: "西宁", benefitSpend: "1" }, { name: "海东", benefitSpend: "1" }] },
      { overrides: { "fund.gapSharing": "benefit-spend-share-or-own-balance" } });
    expect(r.value.shares.map((s) => s.gap)).toEqual(["5.00", "5.00"]);
    expect(r.ruleSet).toBe("qinghai@2026-07-01+overrides");
    const used = r.explanation[1]?.parameters[0];
    expect(used).toMatchObject({ name: "fund.gapSharing", provenance: "caller", citations: [] });
    expect(used).not.toHaveProperty("replaced");
  });
});
