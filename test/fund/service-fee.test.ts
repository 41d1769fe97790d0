import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { computeServiceFee } from "../../src/fund/service-fee.js";
import { bundledRuleSets, PROVINCES } from "../../src/provinces/index.js";
import { kindOf } from "../../src/provinces/rule.js";
import { thrown } from "../support/errors.js";

describe("insurer service fee — Qinghai 附件2 第六条第二款", () => {
  // First in the file on purpose: the input schema is built lazily (z.lazy) once per test file, so StrykerJS's
  // per-test coverage credits its mutants only to the first test that parses an input; the format cases live here.
  test("the input format: floatingPercent as a string or a number, at most 3 integer digits and 4 places; a year 1900–2199", () => {
    // funding 0, spending 10,000.00: fixed 3% × 0 + 1% × 10,000.00 = 100.00; floating p% × 10,000.00 = 100 × p
    // (2 → 200.00, 1.25 → 125.00, 1.2345 → 123.45; with a caller's 20% ceiling: 10 → 1,000.00, 12.5 → 1,250.00)
    const fee = (floatingPercent: string | number, max = "2") => computeServiceFee(
      "qinghai", { annualFunding: "0", annualBenefitSpend: "10000.00", floatingPercent, year: 2026 },
      { overrides: { "fund.serviceFee": { fundingPercent: "3", benefitSpendPercent: "1", floatingMaxPercentOfBenefitSpend: max } } },
    ).value;
    expect(fee(2)).toEqual({ fixedPart: "100.00", floatingPart: "200.00", total: "300.00", floatingPercent: "2" });
    for (const p of [1.25, "1.25"]) expect(fee(p), String(p)).toEqual({ fixedPart: "100.00", floatingPart: "125.00", total: "225.00", floatingPercent: "1.25" });
    for (const p of [1.2345, "1.2345"]) expect(fee(p), String(p)).toMatchObject({ floatingPart: "123.45", total: "223.45", floatingPercent: "1.2345" });
    for (const p of [10, "10"]) expect(fee(p, "20"), String(p)).toMatchObject({ floatingPart: "1000.00", total: "1100.00", floatingPercent: "10" });
    expect(fee(12.5, "20")).toMatchObject({ floatingPart: "1250.00", total: "1350.00", floatingPercent: "12.5" });
    expect(() => fee(20.5, "20")).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["floatingPercent"], messageEn: expect.stringContaining("between 0 and 20") }));
    // a 5th decimal place is refused, never cut; so are a sign and an exponent (0.00001 and 1e-7 print as such)
    for (const p of [1.23456, 0.00001, 1e-7]) {
      expect(() => fee(p), String(p)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["floatingPercent"], messageEn: expect.stringContaining("at most 4 decimal places") }));
    }
    for (const p of ["1.23456", "-1", "-0", "1e0", "01"]) {
      expect(() => fee(p), p).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["floatingPercent"], messageEn: expect.stringContaining('expected a percentage such as "1.5"') }));
    }
    // the year: 1900–2199 by the schema; Qinghai's rules start on 2026-07-01, so 1900 passes the schema and is not in force
    const year = (y: number) => () => computeServiceFee("qinghai", { annualFunding: "0", annualBenefitSpend: "0", floatingPercent: "0", year: y });
    expect(year(2199)().value.total).toBe("0.00");
    expect(year(1900)).toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["year"] }));
    for (const y of [1899, 2200]) expect(year(y), String(y)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["year"] }));
  });

  test("fixed 3% of funding + 1% of spending; floating up to 2% of spending", () => {
    // 3% × 10,000,000 = 300,000; 1% × 6,000,000 = 60,000 → fixed 360,000; floating 2% × 6,000,000 = 120,000
    const r = computeServiceFee("qinghai", { annualFunding: "10000000.00", annualBenefitSpend: "6000000.00", floatingPercent: "2" });
    expect(r.value).toEqual({ fixedPart: "360000.00", floatingPart: "120000.00", total: "480000.00", floatingPercent: "2" });
    // without a year: the first step names Qinghai's only version
    expect(r.explanation.map((s) => s.rule)).toEqual(["rule-set.version", "fund.service-fee.fixed", "fund.service-fee.floating", "fund.service-fee.total"]);
    expect(r.explanation[1]?.citations.map((c) => c.id)).toEqual(["qinghai-commission#art6.p2"]);
    // the titles state the percentages of fund.serviceFee
    expect(r.explanation[1]?.title).toEqual({ zh: "固定部分：年度筹资金额的3%与待遇支出金额的1%合并计算", en: "fixed part: 3% of the year's funding and 1% of its benefit spending, together" });
    expect(r.explanation[2]?.title).toEqual({ zh: "浮动部分：按年度考核结果确定，原则上不超过待遇支出金额的2%", en: "floating part: by the annual assessment, at most 2% of the benefit spending" });
  });

  test("odd figures: each part rounded half-up to the fen, the total their sum", () => {
    // fixed: 1,234,567.89 × 3% = 37,037.0367 + 98,765.43 × 1% = 987.6543 → 38,024.6910 → 38,024.69
    // floating: 98,765.43 × 1.5% = 1,481.48145 → 1,481.48; total 39,506.17
    const r = computeServiceFee("qinghai", { annualFunding: "1234567.89", annualBenefitSpend: "98765.43", floatingPercent: 1.5 });
    expect(r.value).toMatchObject({ fixedPart: "38024.69", floatingPart: "1481.48", total: "39506.17", floatingPercent: "1.5" });
  });

  test("合并计算: the fixed part is rounded once — 0.50 × 3% + 0.50 × 1% = 0.015 + 0.005 = 0.02, not 0.02 + 0.01", () => {
    expect(computeServiceFee("qinghai", { annualFunding: "0.50", annualBenefitSpend: "0.50", floatingPercent: "0" }).value.fixedPart).toBe("0.02");
  });

  test("half-up on the floating part: 100.50 × 1% = 1.005 → 1.01", () => {
    expect(computeServiceFee("qinghai", { annualFunding: "0", annualBenefitSpend: "100.50", floatingPercent: "1" }).value.floatingPart).toBe("1.01");
  });

  test("the floating percentage is 0…2 (原则上不超过2%)", () => {
    for (const floatingPercent of ["2.01", "3", 2.5]) {
      expect(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent })).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", path: ["floatingPercent"] }),
      );
    }
    for (const floatingPercent of ["-1", -1, "1e0", "abc", null]) {
      expect(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent } as never)).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT" }),
      );
    }
  });

  test("other provinces give no formula: RULE_NOT_DEFINED (Shanghai 第五十四条 leaves it to the agreement)", () => {
    for (const p of PROVINCES.filter((x) => x !== "qinghai")) {
      expect(() => computeServiceFee(p, { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1" }), p).toThrow(
        expect.objectContaining({ code: "RULE_NOT_DEFINED" }),
      );
    }
    expect(() => computeServiceFee("shanghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1" })).toThrow(
      expect.objectContaining({ messageZh: expect.stringContaining("第五十四条") }),
    );
  });

  test("a caller can supply the split (e.g. Shanghai's agreement); it is recorded with provenance caller", () => {
    const r = computeServiceFee("shanghai", { annualFunding: "1000.00", annualBenefitSpend: "1000.00", floatingPercent: "1" }, {
      overrides: { "fund.serviceFee": { fundingPercent: "2", benefitSpendPercent: "0", floatingMaxPercentOfBenefitSpend: "1" } },
    });
    expect(r.value.total).toBe("30.00");
    expect(r.explanation[1]?.parameters[0]?.provenance).toBe("caller");
  });

  test("a year before the province's start is RULE_NOT_IN_FORCE", () => {
    expect(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1", year: 2025 })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["year"] }),
    );
  });

  test("with a year in force, the first step records the check on its last day (31 December)", () => {
    // Qinghai in force from 2026-07-01 (实施办法第四十二条); 2026-12-31 is after it
    const r = computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1", year: 2026 });
    expect(r.explanation.map((s) => s.rule)).toEqual(["coverage.in-force", "fund.service-fee.fixed", "fund.service-fee.floating", "fund.service-fee.total"]);
    expect(r.explanation[0]).toMatchObject({
      inputs: { caseDate: "2026-12-31" },
      result: true,
      notes: [
        { zh: "年度末日 2026-12-31 不早于施行日期 2026-07-01", en: "last day of the year 2026-12-31 is on or after 2026-07-01" },
        { zh: "适用规则集版本 qinghai@2026-07-01（2026-07-01 起）", en: "rule-set version used: qinghai@2026-07-01 (from 2026-07-01)" },
      ],
    });
    expect(r.explanation[0]?.citations.map((c) => c.id)).toContain("qinghai-measures#art42");
  });

  test("an amount above 10^12 yuan is INVALID_INPUT at its own field", () => {
    const over = "1000000000000.01"; // passes the money schema (13 integer digits) but exceeds 10^12 yuan
    expect(() => computeServiceFee("qinghai", { annualFunding: over, annualBenefitSpend: "1", floatingPercent: "1" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["annualFunding"], messageEn: expect.stringContaining("10^12") }),
    );
    expect(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: over, floatingPercent: "1" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["annualBenefitSpend"], messageEn: expect.stringContaining("10^12") }),
    );
  });
});

describe("service fee — texts from the rule set", () => {
  const QINGHAI_FEE = { fundingPercent: "3", benefitSpendPercent: "1", floatingMaxPercentOfBenefitSpend: "2" };

  test("an override's percentages are the ones the titles state; the rule set's citations stay, with the value replaced", () => {
    // 4% × 10,000,000 = 400,000 + 1.5% × 6,000,000 = 90,000 → fixed 490,000; floating 4% × 6,000,000 = 240,000 (ceiling 5%)
    const fee = { fundingPercent: "4", benefitSpendPercent: "1.5", floatingMaxPercentOfBenefitSpend: "5" };
    const r = computeServiceFee("qinghai", { annualFunding: "10000000.00", annualBenefitSpend: "6000000.00", floatingPercent: "4" },
      { overrides: { "fund.serviceFee": fee } });
    expect(r.value).toEqual({ fixedPart: "490000.00", floatingPart: "240000.00", total: "730000.00", floatingPercent: "4" });
    const [, fixed, floating, total] = r.explanation;
    expect(fixed?.title).toEqual({ zh: "固定部分：年度筹资金额的4%与待遇支出金额的1.5%合并计算", en: "fixed part: 4% of the year's funding and 1.5% of its benefit spending, together" });
    expect(fixed?.result).toEqual({ formula: "10000000 × 4% + 6000000 × 1.5% = 490000", fixedPart: "490000.00" });
    expect(floating?.title).toEqual({ zh: "浮动部分：按年度考核结果确定，原则上不超过待遇支出金额的5%", en: "floating part: by the annual assessment, at most 5% of the benefit spending" });
    for (const step of [fixed, floating, total]) {
      expect(step?.parameters).toEqual([expect.objectContaining({ name: "fund.serviceFee", value: fee, provenance: "caller", replaced: QINGHAI_FEE })]);
      expect(step?.citations.map((c) => c.id)).toEqual(["qinghai-commission#art6.p2"]);
    }
    expect(r.ruleSet).toBe("qinghai@2026-07-01+overrides");
    expect(r.overridden).toEqual(["fund.serviceFee"]);
  });

  test("the ceiling of the floating part in the error is the one used", () => {
    const e = thrown(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "2.5" }));
    expect(e).toMatchObject({
      code: "INVALID_INPUT",
      path: ["floatingPercent"],
      messageEn: "floatingPercent must be between 0 and 2 (% of the benefit spending)",
      messageZh: "floatingPercent 应在 0 至 2（占待遇支出的百分比）之间",
    });
    const over = thrown(() => computeServiceFee("qinghai", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "3.5" },
      { overrides: { "fund.serviceFee": { ...QINGHAI_FEE, floatingMaxPercentOfBenefitSpend: "3" } } }));
    expect(over).toMatchObject({ messageEn: "floatingPercent must be between 0 and 3 (% of the benefit spending)", messageZh: "floatingPercent 应在 0 至 3（占待遇支出的百分比）之间" });
  });

  test("RULE_NOT_DEFINED says why in the words of the province's rule text fund.service-fee", () => {
    const why = {
      shanghai: [
        "Shanghai rules art. 54 leave both parts of the service fee to the service agreement (fixed part by scale, costs and performance; floating part by the annual assessment): no formula",
        "上海规程第五十四条：承办服务费的固定部分根据参保规模、机构运行成本、工作绩效等因素综合确定，浮动部分根据年度考核结果确定，具体在委托服务协议中约定，未规定计算比例",
      ],
      "inner-mongolia": [
        "Inner Mongolia notice 四: the service fee is paid in proportion, by scale, costs and performance, with no ratio stated",
        "内蒙古通知四：委托承办服务费综合考虑参保规模、机构运行成本、工作绩效等因素按比例支付，未规定比例",
      ],
      guangxi: ["the Guangxi plan states no service-fee formula", "广西实施方案未规定委托承办服务费的计算方法"],
      zhejiang: ["the Zhejiang opinions state no service-fee formula", "浙江实施意见未规定委托承办服务费的计算方法"],
    } as const;
    for (const [p, [en, zh]] of Object.entries(why)) {
      expect(thrown(() => computeServiceFee(p, { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1" })), p).toEqual({
        code: "RULE_NOT_DEFINED",
        message: `${en}; supply fund.serviceFee in overrides / ${zh}；可通过 overrides 提供 fund.serviceFee`,
        messageEn: `${en}; supply fund.serviceFee in overrides`,
        messageZh: `${zh}；可通过 overrides 提供 fund.serviceFee`,
        path: [],
      });
    }
    // the rule is missing before the year is checked: 2020 is before Zhejiang's start, yet the error is the missing rule
    expect(thrown(() => computeServiceFee("zhejiang", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1", year: 2020 }))).toMatchObject({
      code: "RULE_NOT_DEFINED",
    });
  });

  test("a rule set with no rule text fund.service-fee: the message is built from its name", () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "docs", "examples", "rule-sets", "jiangsu.json"), "utf8")) as unknown;
    const registry = bundledRuleSets().load(file as never);
    expect(thrown(() => computeServiceFee("jiangsu", { annualFunding: "1", annualBenefitSpend: "1", floatingPercent: "1" }, { registry }))).toMatchObject({
      code: "RULE_NOT_DEFINED",
      messageEn: "Jiangsu's sources state no service-fee formula; supply fund.serviceFee in overrides",
      messageZh: "江苏省的来源文件未规定委托承办服务费的计算方法；可通过 overrides 提供 fund.serviceFee",
    });
    // with the caller's fee the rule set computes, its own (no) citations and the caller's value
    const r = computeServiceFee("jiangsu", { annualFunding: "100.00", annualBenefitSpend: "100.00", floatingPercent: "1", year: 2027 },
      { registry, overrides: { "fund.serviceFee": QINGHAI_FEE } });
    expect(r.value.total).toBe("5.00");
    expect(r.ruleSet).toBe("jiangsu@2027-01-01+overrides");
    expect(r.explanation[1]?.parameters[0]).toMatchObject({ name: "fund.serviceFee", provenance: "caller" });
  });

  test("its scenario kind is declared with the rule", () => {
    expect(kindOf(computeServiceFee)).toMatchObject({ kind: "service-fee", functionName: "computeServiceFee" });
  });
});
