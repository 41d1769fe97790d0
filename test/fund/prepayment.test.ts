import { describe, expect, test } from "vitest";
import { computePrepayment } from "../../src/fund/prepayment.js";
import { FEN_ROUNDING } from "../../src/core/money.js";
import { PROVINCES } from "../../src/provinces/index.js";
import { kindOf } from "../../src/provinces/rule.js";

const ART24 = ["qinghai-commission#art24.p2", "qinghai-commission#art24.p3"];
const OVER_CAP = "1000000000000.01"; // passes the money schema (13 integer digits) but exceeds 10^12 yuan

describe("benefit prepayment — Qinghai 附件2 第二十四条", () => {
  test("first year: 1/6 of the funding budget to the agency (第二款)", () => {
    // 12,000,000 ÷ 6 = 2,000,000; the insurer's month needs the expected monthly spending
    const r = computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "12000000.00" });
    expect(r.value).toEqual({ agencyPrepayment: "2000000.00", insurerPrepayment: null, agencyTopUp: null, insurerTopUp: null, basis: "first-year-budget-share" });
    expect(r.explanation[1]?.citations.map((c) => c.id)).toEqual(["qinghai-commission#art24.p2", "qinghai-commission#art24.p3"]);
    expect(r.explanation[2]?.notes?.[0]?.en).toMatch(/does not say/);
  });

  test("1/6 of an odd budget is rounded half-up: 1,000,000.01 ÷ 6 = 166,666.668333… → 166,666.67", () => {
    expect(computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "1000000.01" }).value.agencyPrepayment).toBe("166666.67");
  });

  test("later years: 2 months to the agency, 1 month to the insurer; top-ups to the level (第二、三款)", () => {
    // 900,000 a month: agency 1,800,000, insurer 900,000; balances 1,000,000 and 950,000 → top-ups 800,000 and 0
    const r = computePrepayment("qinghai", { firstYear: false, monthlyBenefitSpend: "900000.00", agencyBalance: "1000000.00", insurerBalance: "950000.00" });
    expect(r.value).toEqual({
      agencyPrepayment: "1800000.00", insurerPrepayment: "900000.00", agencyTopUp: "800000.00", insurerTopUp: "0.00", basis: "months-of-benefit-spend",
    });
  });

  test("missing figures are INVALID_INPUT; other provinces RULE_NOT_DEFINED", () => {
    expect(() => computePrepayment("qinghai", { firstYear: true })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["annualFundingBudget"] }));
    expect(() => computePrepayment("qinghai", { firstYear: false })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["monthlyBenefitSpend"] }));
    expect(() => computePrepayment("zhejiang", { firstYear: false, monthlyBenefitSpend: "1" })).toThrow(expect.objectContaining({ code: "RULE_NOT_DEFINED" }));
  });

  test("first year: the step keeps 1/6 of the budget exact, then rounds half-up once (第二款)", () => {
    // 1,000.05 × 1/6 = 166.675 exactly (996 = 6 × 166, 4.05 ÷ 6 = 0.675) → 166.68 half-up
    const r = computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "1000.05" });
    expect(r.value.agencyPrepayment).toBe("166.68");
    const step = r.explanation[1];
    expect(step).toMatchObject({
      step: 2,
      rule: "fund.prepayment.first-year",
      inputs: { annualFundingBudget: "1000.05" },
      result: { formula: "1000.05 × 1/6 = 166.675", agencyPrepayment: "166.68" },
      rounding: FEN_ROUNDING,
    });
    expect(step?.title.zh).toContain("1/6");
    expect(step?.title.en).toContain("1/6");
    expect(step?.parameters.map((p) => [p.name, p.provenance])).toEqual([["fund.prepayment", "seed"]]);
    expect(step?.citations.map((c) => c.id)).toEqual(ART24);
  });

  test("first year without monthlyBenefitSpend: the insurer step has no figure and a note why (第三款 gives no first-year measure)", () => {
    const r = computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "12000000.00" });
    expect(r.explanation.map((s) => s.rule)).toEqual(["rule-set.version", "fund.prepayment.first-year", "fund.prepayment.insurer"]);
    const step = r.explanation[2];
    expect(step?.result).toBeNull();
    expect(step?.title.zh).toContain("1个月");
    expect(step?.title.en).toBe("the insurer's 1-month prepayment");
    expect(step?.parameters.map((p) => p.name)).toEqual(["fund.prepayment"]);
    expect(step?.citations.map((c) => c.id)).toEqual(ART24);
    expect(step?.notes?.[0]?.zh).toContain("第二十四条");
    expect(step?.notes?.[0]?.zh).toContain("monthlyBenefitSpend");
    expect(step?.notes?.[0]?.en).toContain("monthlyBenefitSpend");
  });

  test("first year with the expected monthly spending: the insurer gets 1 month of it", () => {
    // budget 12,000,000 ÷ 6 = 2,000,000 to the agency; 900,000 × 1 = 900,000 to the insurer
    const r = computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "12000000.00", monthlyBenefitSpend: "900000.00" });
    expect(r.value).toEqual({ agencyPrepayment: "2000000.00", insurerPrepayment: "900000.00", agencyTopUp: null, insurerTopUp: null, basis: "first-year-budget-share" });
    expect(r.explanation.map((s) => [s.rule, s.result])).toEqual([
      ["rule-set.version", "qinghai@2026-07-01"],
      ["fund.prepayment.first-year", { formula: "12000000 × 1/6 = 2000000", agencyPrepayment: "2000000.00" }],
      ["fund.prepayment.insurer", { formula: "900000 × 1", insurerPrepayment: "900000.00" }],
    ]);
  });

  test("later years: agency and insurer steps give months × monthly spending; the top-up step shows both balances", () => {
    // agency 123,456.78 × 2 = 246,913.56; insurer 123,456.78 × 1 = 123,456.78
    // top-ups: 246,913.56 − 200,000.00 = 46,913.56; 123,456.78 − 123,456.79 = −0.01 → max(0, …) = 0.00
    const r = computePrepayment("qinghai", {
      firstYear: false, monthlyBenefitSpend: "123456.78", agencyBalance: "200000.00", insurerBalance: "123456.79",
    });
    expect(r.value).toEqual({
      agencyPrepayment: "246913.56", insurerPrepayment: "123456.78", agencyTopUp: "46913.56", insurerTopUp: "0.00", basis: "months-of-benefit-spend",
    });
    expect(r.explanation.map((s) => ({ rule: s.rule, inputs: s.inputs, result: s.result }))).toStrictEqual([
      { rule: "rule-set.version", inputs: {}, result: "qinghai@2026-07-01" },
      { rule: "fund.prepayment.agency", inputs: { monthlyBenefitSpend: "123456.78" }, result: { formula: "123456.78 × 2", agencyPrepayment: "246913.56" } },
      { rule: "fund.prepayment.insurer", inputs: { monthlyBenefitSpend: "123456.78" }, result: { formula: "123456.78 × 1", insurerPrepayment: "123456.78" } },
      {
        rule: "fund.prepayment.top-up",
        inputs: { agencyBalance: "200000.00", insurerBalance: "123456.79" },
        result: { agencyTopUp: "46913.56", insurerTopUp: "0.00" },
      },
    ]);
    const [, agency, insurer, topUp] = r.explanation;
    // the titles state the months of 第二款 (2) and 第三款 (1)
    expect([agency?.title.zh, agency?.title.en]).toEqual([expect.stringContaining("2 个月"), expect.stringContaining("2 months")]);
    expect([insurer?.title.zh, insurer?.title.en]).toEqual([expect.stringContaining("1 个月"), expect.stringContaining("1 month")]);
    expect([agency?.rounding, insurer?.rounding]).toEqual([FEN_ROUNDING, FEN_ROUNDING]);
    expect(topUp?.title.zh).toContain("补足");
    expect(topUp?.title.en).toContain("top");
    for (const s of r.explanation.slice(1)) {
      expect(s.parameters.map((p) => p.name), s.rule).toEqual(["fund.prepayment"]);
      expect(s.citations.map((c) => c.id), s.rule).toEqual(ART24);
    }
    // 第四款: what is unspent goes back at year end and is applied for again
    expect(topUp?.notes?.[0]?.zh).toContain("max(0, 预付金额度 − 余额)");
    expect(topUp?.notes?.[0]?.zh).toContain("次年年初重新申请");
    expect(topUp?.notes?.[0]?.en).toContain("max(0, level − balance)");
    expect(topUp?.notes?.[0]?.en).toContain("year end");
  });

  test("only the agency's balance: its top-up alone, the insurer's null", () => {
    // 50,000 × 2 = 100,000; 100,000 − 30,000.50 = 69,999.50
    const r = computePrepayment("qinghai", { firstYear: false, monthlyBenefitSpend: "50000.00", agencyBalance: "30000.50" });
    expect([r.value.agencyTopUp, r.value.insurerTopUp]).toEqual(["69999.50", null]);
    const step = r.explanation.find((s) => s.rule === "fund.prepayment.top-up");
    expect(step?.inputs).toStrictEqual({ agencyBalance: "30000.50" });
    expect(step?.result).toStrictEqual({ agencyTopUp: "69999.50", insurerTopUp: null });
  });

  test("only the insurer's balance: its top-up alone, the agency's null", () => {
    // 50,000 × 1 = 50,000; 50,000 − 12,345.67 = 37,654.33
    const r = computePrepayment("qinghai", { firstYear: false, monthlyBenefitSpend: "50000.00", insurerBalance: "12345.67" });
    expect([r.value.agencyTopUp, r.value.insurerTopUp]).toEqual([null, "37654.33"]);
    const step = r.explanation.find((s) => s.rule === "fund.prepayment.top-up");
    expect(step?.inputs).toStrictEqual({ insurerBalance: "12345.67" });
    expect(step?.result).toStrictEqual({ agencyTopUp: null, insurerTopUp: "37654.33" });
  });

  test("no balance, or only an insurer balance without an insurer level: no top-up step", () => {
    const none = computePrepayment("qinghai", { firstYear: false, monthlyBenefitSpend: "50000.00" });
    expect(none.explanation.map((s) => s.rule)).toEqual(["rule-set.version", "fund.prepayment.agency", "fund.prepayment.insurer"]);
    expect([none.value.agencyTopUp, none.value.insurerTopUp]).toEqual([null, null]);
    // first year without monthlyBenefitSpend: no insurer level, so its balance cannot be topped up to anything
    const noLevel = computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "12000000.00", insurerBalance: "100.00" });
    expect(noLevel.value).toMatchObject({ insurerPrepayment: null, agencyTopUp: null, insurerTopUp: null });
    expect(noLevel.explanation.map((s) => s.rule)).toEqual(["rule-set.version", "fund.prepayment.first-year", "fund.prepayment.insurer"]);
    // with the agency's balance as well: 2,000,000 − 1,500,000 = 500,000; the insurer's stays null
    const both = computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "12000000.00", agencyBalance: "1500000.00", insurerBalance: "100.00" });
    expect([both.value.agencyTopUp, both.value.insurerTopUp]).toEqual(["500000.00", null]);
    // …and the top-up step lists only the balance it used
    const topUpStep = both.explanation.find((s) => s.rule === "fund.prepayment.top-up");
    expect(topUpStep?.inputs).toStrictEqual({ agencyBalance: "1500000.00" });
  });

  test("the missing-figure errors say what is missing", () => {
    expect(() => computePrepayment("qinghai", { firstYear: true, monthlyBenefitSpend: "1.00" })).toThrow(expect.objectContaining({
      code: "INVALID_INPUT", path: ["annualFundingBudget"],
      messageEn: expect.stringContaining("funding budget"), messageZh: expect.stringContaining("筹资金额预算"),
    }));
    expect(() => computePrepayment("qinghai", { firstYear: false, annualFundingBudget: "1.00" })).toThrow(expect.objectContaining({
      code: "INVALID_INPUT", path: ["monthlyBenefitSpend"],
      messageEn: expect.stringContaining("monthlyBenefitSpend"), messageZh: expect.stringContaining("月度待遇支出"),
    }));
  });

  test("an amount above 10^12 yuan is INVALID_INPUT at its own field", () => {
    const cases: Array<[Parameters<typeof computePrepayment>[1], string]> = [
      [{ firstYear: false, monthlyBenefitSpend: OVER_CAP }, "monthlyBenefitSpend"],
      [{ firstYear: true, annualFundingBudget: OVER_CAP }, "annualFundingBudget"],
      [{ firstYear: false, monthlyBenefitSpend: "1.00", agencyBalance: OVER_CAP }, "agencyBalance"],
      [{ firstYear: false, monthlyBenefitSpend: "1.00", insurerBalance: OVER_CAP }, "insurerBalance"],
    ];
    for (const [input, field] of cases) {
      expect(() => computePrepayment("qinghai", input), field).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", path: [field], messageEn: expect.stringContaining("10^12") }),
      );
    }
  });

  test("other provinces: RULE_NOT_DEFINED naming the province and the override to supply", () => {
    for (const p of PROVINCES.filter((x) => x !== "qinghai")) {
      expect(() => computePrepayment(p, { firstYear: false, monthlyBenefitSpend: "1.00" }), p).toThrow(expect.objectContaining({
        code: "RULE_NOT_DEFINED",
        messageEn: expect.stringContaining("state no benefit prepayment rule; supply fund.prepayment in overrides"),
        messageZh: expect.stringContaining("未规定职业伤害保障支出预付金；可通过 overrides 提供 fund.prepayment"),
      }));
    }
    expect(() => computePrepayment("zhejiang", { firstYear: true, annualFundingBudget: "1.00" })).toThrow(expect.objectContaining({
      messageEn: "Zhejiang's sources state no benefit prepayment rule; supply fund.prepayment in overrides",
      messageZh: expect.stringMatching(/^浙江省的来源文件/),
    }));
  });

  test("a caller-supplied rule (overrides) sets the months and the first-year share", () => {
    const overrides = { "fund.prepayment": { agencyMonths: 3, insurerMonths: 2, firstYearShareOfFundingBudget: { numerator: 1, denominator: 4 } } };
    // later years: 1,000.00 × 3 = 3,000.00 to the agency, × 2 = 2,000.00 to the insurer
    const later = computePrepayment("zhejiang", { firstYear: false, monthlyBenefitSpend: "1000.00" }, { overrides });
    expect([later.value.agencyPrepayment, later.value.insurerPrepayment]).toEqual(["3000.00", "2000.00"]);
    expect(later.explanation[1]?.title.en).toContain("3 months");
    expect(later.explanation[1]?.parameters[0]).toMatchObject({ name: "fund.prepayment", provenance: "caller" });
    // first year: 1,000.00 × 1/4 = 250.00
    const first = computePrepayment("zhejiang", { firstYear: true, annualFundingBudget: "1000.00" }, { overrides });
    expect(first.explanation[1]?.result).toEqual({ formula: "1000 × 1/4 = 250", agencyPrepayment: "250.00" });
    // the titles name the caller's share and months, not the seed's 1/6 and 1 month
    expect(first.explanation[1]?.title).toEqual({
      zh: "首年：预付金按当年筹资金额预算的1/4确定",
      en: "first year: the prepayment is 1/4 of the year's funding budget",
    });
    expect(first.explanation[2]?.title).toEqual({ zh: "委托承办机构的2个月预付金", en: "the insurer's 2-month prepayment" });
    expect(first.explanation[2]?.notes?.[0]?.en).toContain("the 2-month level");
  });
});

describe("benefit prepayment — a rule declared with defineRule", () => {
  test("without a case date: the first step names the province's only version", () => {
    const r = computePrepayment("qinghai", { firstYear: false, monthlyBenefitSpend: "1.00" });
    expect(r.explanation[0]).toMatchObject({ step: 1, rule: "rule-set.version", result: "qinghai@2026-07-01" });
    expect(r.ruleSet).toBe("qinghai@2026-07-01");
  });

  test("an override of Qinghai's months: the titles state the new figures in both languages; the citations stay, with the value replaced", () => {
    const seed = { agencyMonths: 2, insurerMonths: 1, firstYearShareOfFundingBudget: { numerator: 1, denominator: 6 } };
    const fee = { agencyMonths: 4, insurerMonths: 3, firstYearShareOfFundingBudget: { numerator: 1, denominator: 6 } };
    // 100.00 × 4 = 400.00 to the agency, × 3 = 300.00 to the insurer
    const r = computePrepayment("qinghai", { firstYear: false, monthlyBenefitSpend: "100.00" }, { overrides: { "fund.prepayment": fee } });
    expect([r.value.agencyPrepayment, r.value.insurerPrepayment]).toEqual(["400.00", "300.00"]);
    const [, agency, insurer] = r.explanation;
    expect(agency?.title).toEqual({ zh: "省级工伤保险基金财政专户提前拨付 4 个月的支出预付金至省级经办机构", en: "the fund advances 4 months of benefit spending to the agency" });
    expect(insurer?.title).toEqual({ zh: "省级经办机构提前拨付 3 个月的支出预付金至委托承办机构资金专用账户", en: "the agency advances 3 month(s) of benefit spending to the insurer" });
    for (const step of [agency, insurer]) {
      expect(step?.parameters).toEqual([expect.objectContaining({ name: "fund.prepayment", value: fee, provenance: "caller", replaced: seed })]);
      expect(step?.citations.map((c) => c.id)).toEqual(ART24);
    }
    expect(r.ruleSet).toBe("qinghai@2026-07-01+overrides");
    expect(r.overridden).toEqual(["fund.prepayment"]);
  });

  test("its kind is declared with the rule", () => {
    expect(kindOf(computePrepayment)).toMatchObject({ kind: "prepayment", functionName: "computePrepayment" });
  });
});
