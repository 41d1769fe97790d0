/**
 * The cost split in detail: the living guarantee's end (docs/decisions.md#C7; Qinghai 实施办法 第二十四条第一款), nursing
 * during treatment (Qinghai 第二十四条第一款; Shanghai 规程 第四十六条第二款), the citations each item carries, and the
 * input checks of assessLiability (dates, paths and messages).
 */
import { describe, expect, test } from "vitest";
import { assessLiability, type LiabilityInput } from "../../src/index.js";
import type { ProvinceId } from "../../src/provinces/index.js";

const T = (hhmm: string, day = "2026-09-03") => `${day}T${hhmm}:00+08:00`;
// Accident Thursday 2026-09-03 (Qinghai in force from 2026-07-01), no order: the costs of the treatment alone.
const accident = { accidentAt: T("19:20"), activity: "on-order" as const, orders: [] };
const liability = (p: ProvinceId, input: LiabilityInput, options?: Parameters<typeof assessLiability>[2]) =>
  assessLiability(p, input, options).value;
const item = (r: ReturnType<typeof liability>, id: string) => r.costs.find((c) => c.item === id);

describe("the living guarantee ends at the earlier of the treatment's end and the month of the assessment conclusion (C7)", () => {
  // 第二十四条第一款: "在劳动能力鉴定结论做出次月起，不再享受" → paid at most to the last day of the conclusion's month.
  const guarantee = (treatment: NonNullable<LiabilityInput["treatment"]>) => item(liability("qinghai", { ...accident, treatment }), "living-guarantee");
  const AFTER_CONCLUSION = { zh: "劳动能力鉴定结论作出次月起不再享受", en: "not paid from the month after the assessment conclusion" };

  test("treatment still running, no conclusion: open-ended, until the treatment period ends", () => {
    expect(guarantee({ startDate: "2026-09-03" })).toMatchObject({
      payer: "platform", from: "2026-09-03", until: null,
      notes: [{ zh: "至治疗职业伤害期结束", en: "until the treatment period ends" }],
    });
  });

  test("treatment ended 2026-12-10, no conclusion: until 12-10, nothing to remark", () => {
    expect(guarantee({ startDate: "2026-09-05", endDate: "2026-12-10" })).toMatchObject({ from: "2026-09-05", until: "2026-12-10", notes: [] });
  });

  test("conclusion on 2026-11-20, treatment not ended: until the month's last day, 11-30, with the C7 note", () => {
    expect(guarantee({ startDate: "2026-09-03", assessmentConclusionDate: "2026-11-20" }))
      .toMatchObject({ until: "2026-11-30", notes: [AFTER_CONCLUSION] });
  });

  test("treatment ended 11-10, conclusion on 11-05: the treatment's end (11-10) comes before 11-30 and binds", () => {
    expect(guarantee({ startDate: "2026-09-03", endDate: "2026-11-10", assessmentConclusionDate: "2026-11-05" }))
      .toMatchObject({ until: "2026-11-10", notes: [] });
  });

  test("treatment ended 11-30, conclusion on 11-20: both end on 11-30; the treatment's end decides, no C7 note", () => {
    expect(guarantee({ startDate: "2026-09-03", endDate: "2026-11-30", assessmentConclusionDate: "2026-11-20" }))
      .toMatchObject({ until: "2026-11-30", notes: [] });
  });

  test("cited with the province's article first, then the C7 decision", () => {
    expect(guarantee({ startDate: "2026-09-03" })?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art24.p1", "zhishang-decisions#C7"]);
  });
});

describe("nursing during treatment", () => {
  test("Shanghai 规程第四十六条第二款, no treatment dates given: the platform from the accident date, open-ended, no note", () => {
    const r = liability("shanghai", { ...accident, nursingNeededDuringTreatment: true });
    expect(r.costs).toEqual([expect.objectContaining({
      item: "nursing-during-treatment", payer: "platform", from: "2026-09-03", until: null,
      citation: "shanghai-rules#art46.p2", citations: [expect.objectContaining({ id: "shanghai-rules#art46.p2" })], notes: [],
    })]);
  });

  test("Qinghai 第二十四条第一款 names the platform or its service organisation: a note says so", () => {
    const r = liability("qinghai", { ...accident, nursingNeededDuringTreatment: true, treatment: { startDate: "2026-09-04" } });
    expect(item(r, "nursing-during-treatment")).toMatchObject({
      payer: "platform", from: "2026-09-04", until: null,
      notes: [{ zh: "由所在平台企业或者平台服务机构负责承担", en: "borne by the platform or its service organisation" }],
    });
  });
});

describe("citations of each cost item", () => {
  test("late filing in Qinghai: the platform's part cites 第十五条第三款 and C10, the fund's part 第二十一条 and 第三十二条第二款 only", () => {
    // 30 days from 2026-09-03 end on 10-08 (National Day holiday); applied 10-09 → late.
    const r = liability("qinghai", { ...accident, platformApplicationReceivedDate: "2026-10-09" });
    expect(r.costs.map((c) => [c.payer, c.citations.map((x) => x.id)])).toEqual([
      ["platform", ["qinghai-measures#art15.p3", "zhishang-decisions#C10"]],
      ["fund", ["qinghai-measures#art21", "qinghai-measures#art32.p2"]],
    ]);
  });

  test("a payer the caller supplies (override, provenance caller) keeps the rule set's article: the override replaces the value, not the law", () => {
    const c = assessLiability("qinghai", { ...accident, unreportedInformation: true }, { overrides: { "liability.unreportedInformationPayer": "platform" } });
    expect(c.value.costs).toEqual([expect.objectContaining({
      item: "unreported-information", payer: "platform", citation: "qinghai-measures#art35.p2",
      citations: [expect.objectContaining({ id: "qinghai-measures#art35.p2" })],
    })]);
    const step = c.explanation.find((s) => s.rule === "liability.cost.unreported-information");
    expect(step?.parameters.map((p) => [p.name, p.provenance, p.replaced])).toEqual([["liability.unreportedInformationPayer", "caller", "platform"]]);
    expect(c.ruleSet).toBe("qinghai@2026-07-01+overrides");
  });
});

describe("the responsible platform's name", () => {
  test("a platform outside the catalogue (other) is responsible but has no catalogue name", () => {
    const r = liability("qinghai", { ...accident, orders: [{ platform: "other", orderId: "X1", acceptedAt: T("19:00") }] });
    expect(r).toMatchObject({ responsiblePlatform: "other", responsiblePlatformName: null, rule: "active-order", responsibleOrderId: "X1" });
  });

  test("orders may be left out: no order, no platform", () => {
    const r = liability("qinghai", { accidentAt: T("19:20"), activity: "off-duty" });
    expect(r).toMatchObject({ responsiblePlatform: null, responsiblePlatformName: null, rule: null, ordersInProgress: [], costs: [] });
  });
});

describe("input checks", () => {
  test("an accident time that is no date: INVALID_INPUT at accidentAt", () => {
    expect(() => liability("qinghai", { ...accident, accidentAt: "2026-09-31T10:00:00+08:00" }))
      .toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["accidentAt"] }));
  });

  test("an accident whose China date falls outside the supported years (2199-12-31 20:00 −08:00 is 2200-01-01 in Beijing)", () => {
    expect(() => liability("qinghai", { ...accident, accidentAt: "2199-12-31T20:00:00-08:00" }))
      .toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["accidentAt"] }));
  });

  test("before the province's start (Qinghai 2026-07-01): RULE_NOT_IN_FORCE at accidentAt", () => {
    // 2026-06-30T15:59Z is 23:59 on 06-30 in Beijing
    expect(() => liability("qinghai", { ...accident, accidentAt: "2026-06-30T15:59:00Z" }))
      .toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["accidentAt"] }));
  });

  test("application dates before the accident: INVALID_INPUT at the field, the message names the accident date", () => {
    expect(() => liability("qinghai", { ...accident, platformApplicationReceivedDate: "2026-09-02" })).toThrow(expect.objectContaining({
      code: "INVALID_INPUT", path: ["platformApplicationReceivedDate"],
      messageEn: "platformApplicationReceivedDate is before the accident date 2026-09-03",
      messageZh: "platformApplicationReceivedDate 早于事故发生日期 2026-09-03",
    }));
    expect(() => liability("shanghai", { ...accident, extensionAgreedUntil: "2026-09-01" }))
      .toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["extensionAgreedUntil"] }));
  });

  test("Shanghai-only fields elsewhere: RULE_NOT_DEFINED, the message names the rule and the field", () => {
    expect(() => liability("zhejiang", { ...accident, identityCheckNotDone: false })).toThrow(expect.objectContaining({
      code: "RULE_NOT_DEFINED", path: ["identityCheckNotDone"],
      messageEn: "Zhejiang's sources define no rule on liability for identity checks not done; \"identityCheckNotDone\" applies to another province",
      messageZh: "浙江省的来源文件未规定未进行身份核验的责任，“identityCheckNotDone”适用于其他省份",
    }));
    expect(() => liability("qinghai", { ...accident, extensionAgreedUntil: "2026-10-20" })).toThrow(expect.objectContaining({
      code: "RULE_NOT_DEFINED", path: ["extensionAgreedUntil"],
      messageEn: "Qinghai's sources define no rule on extending the application period; \"extensionAgreedUntil\" applies to another province",
      messageZh: "青海省的来源文件未规定申请期限的延长，“extensionAgreedUntil”适用于其他省份",
    }));
  });

  test("the treatment cannot start before the accident; it may start on the accident day", () => {
    expect(() => liability("qinghai", { ...accident, treatment: { startDate: "2026-09-02" } })).toThrow(expect.objectContaining({
      code: "INVALID_INPUT", path: ["treatment", "startDate"],
      messageEn: "the treatment starts before the accident", messageZh: "治疗开始日期早于事故发生日期",
    }));
    expect(item(liability("qinghai", { ...accident, treatment: { startDate: "2026-09-03" } }), "living-guarantee")?.from).toBe("2026-09-03");
  });

  test("the treatment's end and the conclusion cannot precede its start; the same day is a one-day treatment", () => {
    const start = "2026-09-10";
    for (const f of ["endDate", "assessmentConclusionDate"] as const) {
      expect(() => liability("qinghai", { ...accident, treatment: { startDate: start, [f]: "2026-09-09" } })).toThrow(expect.objectContaining({
        code: "INVALID_INPUT", path: ["treatment", f],
        messageEn: `treatment.${f} is before the treatment starts`, messageZh: `treatment.${f} 早于治疗开始日期`,
      }));
    }
    // a one-day treatment (start = end): the guarantee covers that day
    expect(item(liability("qinghai", { ...accident, treatment: { startDate: start, endDate: start } }), "living-guarantee"))
      .toMatchObject({ from: start, until: start });
    // a conclusion on the first day: the guarantee runs to the end of that month, 09-30
    expect(item(liability("qinghai", { ...accident, treatment: { startDate: start, assessmentConclusionDate: start } }), "living-guarantee"))
      .toMatchObject({ from: start, until: "2026-09-30" });
  });
});
