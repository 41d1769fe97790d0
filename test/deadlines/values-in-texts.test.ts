/**
 * The texts of the deadline rules are written from the values used: an override of a time limit changes the
 * figure every note states, in both languages; what a province says of a limit in words comes from its rule
 * text (named by the parameter), never from a branch on the province; and the version of a rule set is chosen
 * by each rule's case date (the accident, the starting event, the month before, the due date).
 *
 * Calendar facts used (src/calendar/data.ts, 2026, 国办发明电〔2025〕7号): off 25–27 September and 1–7 October;
 * Sunday 20 September and Saturday 10 October are adjusted working days. 2026-09-14 is a Monday, 2026-09-03 a
 * Thursday, 2026-10-20 a Tuesday, 2026-11-14 a Saturday. 2027 is not bundled: the tests that need it pass a
 * hypothetical year with no day off ("caller").
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { computeClaimDeadlines } from "../../src/deadlines/claim.js";
import { allTimeLimitCatalogues, computeTimeLimit, TIME_LIMITS, timeLimitCatalogue } from "../../src/deadlines/catalogue.js";
import { computeDeclarationDeadline, declarationCitations } from "../../src/deadlines/declaration.js";
import { renderClaimTimeline } from "../../src/deadlines/timeline.js";
import { bundledRuleSets, getRuleSet, loadRuleSet, RuleSetRegistry, ruleSetToFile } from "../../src/provinces/index.js";
import { errorJson as error, thrown } from "../support/errors.js";

const stepOf = (c: { explanation: ReadonlyArray<{ rule: string }> }, rule: string) => {
  const s = c.explanation.find((x) => x.rule === rule) as ({ rule: string; notes: Array<{ zh: string; en: string }>; inputs: Record<string, unknown>; result: unknown; citations: Array<{ id: string }> }) | undefined;
  if (s === undefined) throw new Error(`no step ${rule}`);
  return s;
};
const text = (x: unknown) => JSON.stringify(x);

describe("timeLimit.confirmation overridden: the deadline and every note state the period used", () => {
  // 60 working days after Monday 14 September 2026 (Qinghai's 30 replaced):
  //   15–18 Sep (4), Sunday 20 Sep 调休上班 (5), 21–24 (9), [25–27 off] 28–30 (12), [1–7 Oct off]
  //   8, 9 (14), Saturday 10 Oct 调休上班 (15), 12–16 (20), 19–23 (25), 26–30 (30),
  //   2–6 Nov (35), 9–13 (40), 16–20 (45), 23–27 (50), 30 Nov–4 Dec (55), 7–11 Dec (60) → Friday 2026-12-11.
  // Rest days passed over: 19, 25, 26, 27 Sep (4); 1–7, 11, 17, 18, 24, 25, 31 Oct (13); 1, 7, 8, 14, 15, 21, 22,
  // 28, 29 Nov (9); 5, 6 Dec (2) = 28; of them official days off: 25–27 Sep and 1–7 Oct.
  const overrides = { "timeLimit.confirmation": { count: 60, unit: "working-day" as const } };
  const OFF = "2026-09-25, 2026-09-26, 2026-09-27, 2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07";

  test("claim-deadlines, facts not stated: 2026-12-11, the general limit of 60 working days", () => {
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-14" }, { overrides });
    expect(c.value.confirmationDeadline).toBe("2026-12-11");
    expect(c.ruleSet).toBe("qinghai@2026-07-01+overrides");
    expect(c.overridden).toEqual(["timeLimit.confirmation"]);
    const s = stepOf(c, "deadline.confirmation");
    expect(s.inputs).toMatchObject({ start: "2026-09-14", count: 60, unit: "working-day" });
    expect(s.result).toMatchObject({ deadline: "2026-12-11", restDaysSkipped: 28 });
    expect(s.notes).toEqual([
      { zh: "起算：收到或受理待遇给付申请之日", en: "runs from: receipt or acceptance of the application" },
      { zh: "未说明事实是否清楚，按60个工作日的一般期限计算", en: "whether the facts are clear is not stated: the general limit of 60 working days" },
      {
        zh: `自 2026-09-15 起计算 60 个工作日，至 2026-12-11；其间跳过休息日 28 天（其中法定放假日：${OFF}）`,
        en: `the period of 60 working days counted from 2026-09-15 ends on 2026-12-11; 28 rest days passed over (official days off: ${OFF})`,
      },
      { zh: "节假日安排：2026: 国办发明电〔2025〕7号 (2025-11-04)", en: "holiday schedules: 2026: 国办发明电〔2025〕7号 (2025-11-04)" },
    ]);
    expect(text(s.notes)).not.toMatch(/30个工作日|30 working|30-working/);
  });

  test("facts not clear: the same 60 working days, said so; facts clear: the overridden 7 → 10", () => {
    const notClear = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-14", factsClear: false }, { overrides });
    expect(notClear.value.confirmationDeadline).toBe("2026-12-11");
    expect(stepOf(notClear, "deadline.confirmation").notes[1]).toEqual({ zh: "事实不属清楚明确的情形：60个工作日", en: "facts not clear: 60 working days" });
    // 10 working days after 14 September: 15–18 (4), Sunday 20 (5), 21–24 (9), [25–27 off] 28 (10) → 2026-09-28.
    const clear = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-14", factsClear: true }, {
      overrides: { "timeLimit.confirmationFactsClear": { count: 10, unit: "working-day" } },
    });
    expect(clear.value.confirmationDeadline).toBe("2026-09-28");
    expect(stepOf(clear, "deadline.confirmation-facts-clear").notes[1]).toEqual({
      zh: "事实清楚、证据充分、权利义务明确：10个工作日", en: "facts clear, evidence sufficient, rights and duties plain: 10 working days",
    });
  });

  test("another unit: 2 months from 14 September end on Saturday 14 November → Monday 16 November", () => {
    const c = computeClaimDeadlines("guangxi", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-14" }, {
      overrides: { "timeLimit.confirmation": { count: 2, unit: "month" } },
    });
    expect(c.value.confirmationDeadline).toBe("2026-11-16");
    expect(stepOf(c, "deadline.confirmation").notes[1]).toEqual({
      zh: "未说明事实是否清楚，按2个月的一般期限计算", en: "whether the facts are clear is not stated: the general limit of 2 months",
    });
  });

  test("the timeline states the 60 working days in both languages", () => {
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-14" }, { overrides });
    expect(renderClaimTimeline(c).markdown).toContain("| 2026-12-11 | 星期五 | 作出职业伤害确认结论（自 2026-09-14 起60个工作日） | 调用方提供（overrides） |");
    expect(renderClaimTimeline(c, { lang: "en" }).markdown).toContain(
      "| 2026-12-11 | Friday | injury confirmation decision (from 2026-09-14, 60 working days) | supplied by the caller (overrides) |");
  });

  test("computeTimeLimit: the same limit by id", () => {
    const c = computeTimeLimit("qinghai", { limit: "confirmation", from: "2026-09-14" }, { overrides });
    expect(c.value).toEqual({ limit: "confirmation", deadline: "2026-12-11", nominalDeadline: "2026-12-11", extended: false });
    expect(stepOf(c, "time-limit.confirmation").notes[1]).toEqual({
      zh: `自 2026-09-15 起计算 60 个工作日，至 2026-12-11；其间跳过休息日 28 天（其中法定放假日：${OFF}）`,
      en: `the period of 60 working days counted from 2026-09-15 ends on 2026-12-11; 28 rest days passed over (official days off: ${OFF})`,
    });
  });
});

describe("treatment.period overridden: the duration stated is the one used", () => {
  test("6 months from 3 September 2026: 2027-03-03, then at most 12 more: 2028-03-03", () => {
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", treatmentStartDate: "2026-09-03" }, {
      overrides: { "treatment.period": { count: 6, unit: "month" } },
    });
    expect([c.value.treatmentPeriodEnd, c.value.treatmentPeriodMaxEnd]).toEqual(["2027-03-03", "2028-03-03"]);
    const s = stepOf(c, "deadline.treatment-period");
    expect(s.inputs).toMatchObject({ count: 6, unit: "month" });
    expect(s.notes).toContainEqual({
      zh: "开始当日 2026-09-03 不计入；6 个月的到期月对应日为 2027-03-03",
      en: "the starting day 2026-09-03 is not counted; the period of 6 months ends on the corresponding day 2027-03-03",
    });
    expect(text(s.notes)).not.toMatch(/12 个月|12个月|12 months/);
    expect(renderClaimTimeline(c).mermaid).toContain("治疗职业伤害期（一般不超过） 6个月 :active, t1, 2026-09-03, 2027-03-04");
    expect(renderClaimTimeline(c, { lang: "en" }).mermaid).toContain("treatment period (as a rule, at most) 6 months :active, t1, 2026-09-03, 2027-03-04");
  });

  test("in days: 180 days from 3 September 2026 (27 + 31 + 30 + 31 + 31 + 28 + 2) end on 2027-03-02, not moved", () => {
    const c = computeTimeLimit("zhejiang", { limit: "treatment-period", from: "2026-09-03" }, {
      overrides: { "treatment.period": { count: 180, unit: "day" } },
    });
    expect(c.value.deadline).toBe("2027-03-02");
    expect(stepOf(c, "time-limit.treatment-period").notes).toContainEqual({
      zh: "开始当日 2026-09-03 不计入，自次日起算 180 日，至 2027-03-02",
      en: "the starting day 2026-09-03 is not counted; the period of 180 calendar days counted from the next day ends on 2027-03-02",
    });
  });
});

describe("timeLimit.monthlyDeclaration overridden: the due day and its rule stated from the parameter", () => {
  test("the 20th under the tax rule: 2026-10 declares September, 1–7 October (7 days) defer it by 7 working days", () => {
    // Tuesday 20 October + 7 working days: 21, 22, 23, 26, 27, 28, 29 → 2026-10-29.
    const c = computeDeclarationDeadline("qinghai", { declarationMonth: "2026-10" }, {
      overrides: { "timeLimit.monthlyDeclaration": { day: 20, holiday: "tax-declaration" } },
    });
    expect(c.value).toMatchObject({ deadline: "2026-10-29", nominalDeadline: "2026-10-20", holidayDaysInPeriod: 7, rule: "holiday-deferral" });
    expect(stepOf(c, "declaration.period").notes).toEqual([{
      zh: "2026-10 申报 2026-09 的订单；申报期限为每月20日（按税收征收管理法实施细则第一百零九条顺延），申报期为 2026-10-01 – 2026-10-20",
      en: "the declaration in 2026-10 covers the orders of 2026-09; it is due on the 20th of each month (deferred per tax-collection rules art. 109), the declaration period is 2026-10-01 – 2026-10-20",
    }]);
    expect(stepOf(c, "declaration.deadline").notes).toEqual([{
      zh: "申报期内有连续3日以上法定休假日共 7 天，自 2026-10-20 之后顺延 7 个工作日至 2026-10-29",
      en: "7 holiday days in runs of 3 or more lie in the period: 7 working days after 2026-10-20, i.e. 2026-10-29",
    }]);
  });

  test("the 5th moved over rest days only: 5 October is off → 8 October; no tax-rule step, no tax-rule citation", () => {
    const c = computeDeclarationDeadline("qinghai", { declarationMonth: "2026-10" }, {
      overrides: { "timeLimit.monthlyDeclaration": { day: 5, holiday: "next-working-day" } },
    });
    expect(c.value).toEqual({
      deadline: "2026-10-08", declarationMonth: "2026-10", orderMonth: "2026-09", periodStart: "2026-10-01",
      nominalDeadline: "2026-10-05", holidayDaysInPeriod: 0, restPeriods: [], rule: "last-day-rest",
    });
    expect(c.explanation.map((s) => s.rule)).toEqual(["coverage.in-force", "declaration.period", "declaration.deadline"]);
    const period = stepOf(c, "declaration.period");
    expect(period.citations.map((x) => x.id)).toEqual(["qinghai-measures#art8.p1"]);
    expect(period.notes[0]).toEqual({
      zh: "2026-10 申报 2026-09 的订单；申报期限为每月5日（遇法定节假日顺延），申报期为 2026-10-01 – 2026-10-05",
      en: "the declaration in 2026-10 covers the orders of 2026-09; it is due on the 5th of each month (moved to the next working day over a rest day), the declaration period is 2026-10-01 – 2026-10-05",
    });
    const deadline = stepOf(c, "declaration.deadline");
    expect(deadline.citations.map((x) => x.id)).toEqual(["qinghai-measures#art8.p1", "holiday-notice-2026"]);
    expect(deadline.notes).toEqual([
      { zh: "最后一日 2026-10-05 为休息日，顺延至其后第一个工作日 2026-10-08", en: "the last day 2026-10-05 is a rest day: moved to the first working day after it, 2026-10-08" },
      { zh: "节假日安排：2026: 国办发明电〔2025〕7号", en: "holiday schedules: 2026: 国办发明电〔2025〕7号" },
    ]);
    // Tuesday 20 October is a working day: the due day itself.
    const due = computeDeclarationDeadline("guangxi", { declarationMonth: "2026-10" }, {
      overrides: { "timeLimit.monthlyDeclaration": { day: 20, holiday: "next-working-day" } },
    });
    expect(due.value).toMatchObject({ deadline: "2026-10-20", rule: "due-day" });
    expect(stepOf(due, "declaration.deadline").notes[0]).toEqual({ zh: "最后一日 2026-10-20 为工作日", en: "the last day 2026-10-20 is a working day" });
  });

  test("computeTimeLimit follows the same parameter", () => {
    expect(computeTimeLimit("qinghai", { limit: "monthly-declaration", month: "2026-10" }, {
      overrides: { "timeLimit.monthlyDeclaration": { day: 20, holiday: "tax-declaration" } },
    }).value).toEqual({ limit: "monthly-declaration", deadline: "2026-10-29", nominalDeadline: "2026-10-20", extended: true });
  });
});

describe("a province's words on a limit are its rule text; the definitions name no province", () => {
  test("no definition names a province", () => {
    expect(text(TIME_LIMITS)).not.toMatch(/青海|上海|广西|内蒙古|浙江|Qinghai|Shanghai|Guangxi|Inner Mongolia|Zhejiang/);
  });

  test("no branch on a province id in src/deadlines", () => {
    const dir = join(import.meta.dirname, "..", "..", "src", "deadlines");
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), "utf8");
      expect(src, f).not.toMatch(/province === |province !== |case "(qinghai|shanghai|guangxi|inner-mongolia|zhejiang)"|getRuleSet|isProvinceId/);
    }
  });

  test("the supplement: Qinghai's stage, Shanghai's stage, the national structure elsewhere", () => {
    const notesOf = (p: string) => stepOf(computeClaimDeadlines(p, {
      accidentDate: "2026-08-03", applicationReceivedDate: "2026-08-10", supplementNoticeDate: "2026-08-10",
    }), "deadline.supplement-materials").notes.slice(0, 2);
    expect(notesOf("qinghai")).toEqual([
      { zh: "起算：收到补正材料告知之日", en: "runs from: receipt of the notice to supplement the materials" },
      { zh: "实施办法第十五条第一款：补正材料属待遇给付申请（确认阶段），自收到一次性补正告知之日起算", en: "measures art. 15(1): the supplement belongs to the benefit application (confirmation stage), from receipt of the one-time notice" },
    ]);
    expect(notesOf("shanghai")[1]).toEqual({
      zh: "规程第四十四条第三款：补正材料属待遇申领审核阶段，自收到审核需要补正材料的告知之日起算",
      en: "rules art. 44(3): the supplement belongs to the benefit review stage, from receipt of the review's request to supplement",
    });
    expect(notesOf("zhejiang")[1]).toEqual({
      zh: "补正材料属待遇给付申请（确认阶段）：自收到一次性补正告知之日起算（国家办法结构，同青海实施办法第十五条第一款）",
      en: "the supplement belongs to the benefit application (confirmation stage): it runs from receipt of the one-time notice (the national structure, as Qinghai measures art. 15(1))",
    });
    expect(timeLimitCatalogue("shanghai").find((e) => e.id === "supplement-materials")?.notes).toEqual([notesOf("shanghai")[1]]);
    expect(timeLimitCatalogue("guangxi").find((e) => e.id === "platform-application")?.notes).toEqual([]);
  });

  test("Shanghai's extension note and acceptance note come from its rule set; a rule set without them has none", () => {
    const shanghai = computeClaimDeadlines("shanghai", { accidentDate: "2025-10-04", extensionRequested: true, applicationReceivedDate: "2025-10-09" });
    expect(stepOf(shanghai, "deadline.application-extension-cap").notes).toContainEqual({
      zh: "延长须在原申请期限届满前说明合理原因并经区人力资源社会保障局同意，最长均不得超过工伤认定申请期限",
      en: "an extension must be asked for, with reasons, before the period ends and agreed by the district bureau; it never runs past the work-injury application limit",
    });
    expect(stepOf(shanghai, "deadline.confirmation").notes).toContainEqual({
      zh: "规程第二十六条第一款自受理申请起算：applicationReceivedDate 为受理之日",
      en: "rules art. 26(1) count from acceptance: applicationReceivedDate is the day the application was accepted",
    });
    // The same limits in a rule set of its own with its own words: those words, and no Shanghai text.
    const file = ruleSetToFile(getRuleSet("shanghai"));
    const own = { zh: "（示例）延长须经市人社局同意", en: "(example) an extension needs the municipal bureau's consent" };
    const rules = { ...file.rules, "timeLimit.applicationExtensionCap": { notes: [own] }, "timeLimit.confirmation": {} };
    const custom = loadRuleSet({ ...file, id: "suzhou@2022-07-01", province: "suzhou", name: { zh: "苏州市", en: "Suzhou" }, rules }, RuleSetRegistry.empty());
    const c = computeClaimDeadlines(custom, { accidentDate: "2025-10-04", extensionRequested: true, applicationReceivedDate: "2025-10-09" });
    expect(c.value).toEqual(shanghai.value);
    expect(stepOf(c, "deadline.application-extension-cap").notes).toContainEqual(own);
    expect(text(c.explanation.filter((s) => s.rule.startsWith("deadline.")).map((s) => s.notes))).not.toContain("区人力资源社会保障局");
    expect(stepOf(c, "deadline.confirmation").notes.map((n) => n.en)).not.toContain("rules art. 26(1) count from acceptance: applicationReceivedDate is the day the application was accepted");
    // computeTimeLimit reads the same rule text.
    expect(stepOf(computeTimeLimit(custom, { limit: "application-extension-cap", from: "2025-10-04" }), "time-limit.application-extension-cap").notes).toContainEqual(own);
  });

  test("declarationCitations reads the rule text declaration.monthly", () => {
    expect(declarationCitations("qinghai").map((x) => [x.doc, x.article, x.paragraph])).toEqual([["qinghai-measures", 8, 1]]);
    expect(declarationCitations("shanghai", "2026-01-01").map((x) => x.article)).toEqual([14]);
    expect(declarationCitations("guangxi")).toEqual([]);
    expect(thrown(() => declarationCitations("qinghai", "2026-06-30"))).toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["asOf"] });
  });
});

describe("the version is chosen by each rule's case date", () => {
  const seedQ = (article: number, paragraph: number) => ({ kind: "seed" as const, citations: [{ doc: "qinghai-measures", article, paragraph }] });
  // A hypothetical second Qinghai version from 2027-01-01 with a 6-month treatment period, and a second Shanghai
  // version from 2025-07-01 whose rate notice is due on 9 January without deferral.
  const registry = bundledRuleSets()
    .load({ id: "qinghai@2027-01-01", province: "qinghai", validFrom: "2027-01-01", extends: "qinghai@2026-07-01", params: {
      "treatment.period": { value: { count: 6, unit: "month" }, provenance: seedQ(24, 2) },
    } })
    .load({ id: "shanghai@2025-07-01", province: "shanghai", validFrom: "2025-07-01", extends: "shanghai@2022-07-01", params: {
      "timeLimit.rateNotice": { value: { month: 1, day: 9, holiday: "none" }, provenance: { kind: "seed", citations: [{ doc: "shanghai-rules", article: 12, paragraph: 3 }] } },
    } });
  const calendars = [{ year: 2027, off: [] as Array<[string, string]>, work: [] }];

  test("a period or duration: the day of its event", () => {
    const before = computeTimeLimit("qinghai", { limit: "treatment-period", from: "2026-12-01" }, { registry });
    expect([before.value.deadline, before.ruleSet]).toEqual(["2027-12-01", "qinghai@2026-07-01"]);
    const after = computeTimeLimit("qinghai", { limit: "treatment-period", from: "2027-03-01" }, { registry });
    expect([after.value.deadline, after.ruleSet]).toEqual(["2027-09-01", "qinghai@2027-01-01"]);
    expect(after.explanation[0]?.inputs).toEqual({ caseDate: "2027-03-01" });
  });

  test("claim deadlines: the accident date (2027-03-01: 30 days → Wednesday 31 March; 90 → Sunday 30 May → 31 May)", () => {
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2027-03-01", treatmentStartDate: "2027-03-01" }, { registry, calendars });
    expect(c.ruleSet).toBe("qinghai@2027-01-01");
    expect(c.value).toMatchObject({
      platformApplicationDeadline: "2027-03-31", workerApplicationDeadline: "2027-05-31", treatmentPeriodEnd: "2027-09-01", treatmentPeriodMaxEnd: "2028-09-01",
    });
    expect(c.explanation[0]?.notes?.[1]).toEqual({ zh: "适用规则集版本 qinghai@2027-01-01（2027-01-01 起）", en: "rule-set version used: qinghai@2027-01-01 (from 2027-01-01)" });
    expect(renderClaimTimeline(c, { rules: registry.versions("qinghai") }).markdown.split("\n")[0]).toBe("## 职业伤害保障待遇给付期限时间线（青海省，qinghai@2027-01-01）");
  });

  test("an annual limit: its due date, by the value of the version in force on it", () => {
    // 2026: the 2025-07-01 version's 9 January is in force on that day → 2026-01-09, no deferral.
    const y2026 = computeTimeLimit("shanghai", { limit: "rate-notice", year: 2026 }, { registry });
    expect([y2026.value.deadline, y2026.ruleSet]).toEqual(["2026-01-09", "shanghai@2025-07-01"]);
    expect(y2026.explanation[0]?.inputs).toEqual({ caseDate: "2026-01-09" });
    // 2025: 9 January 2025 is before that version; the first version's 5 January (a Sunday) → Monday 6 January.
    const y2025 = computeTimeLimit("shanghai", { limit: "rate-notice", year: 2025 }, { registry });
    expect([y2025.value.deadline, y2025.ruleSet]).toEqual(["2025-01-06", "shanghai@2022-07-01"]);
  });

  test("the catalogue of a version: as of a date, or the newest", () => {
    const text6 = { zh: "6个月", en: "6 months" };
    const treatment = (entries: ReturnType<typeof timeLimitCatalogue>) => entries.find((e) => e.id === "treatment-period")?.text;
    expect(treatment(timeLimitCatalogue("qinghai", undefined, registry))).toEqual(text6);
    expect(treatment(timeLimitCatalogue(registry.versions("qinghai"), "2027-06-01"))).toEqual(text6);
    expect(treatment(timeLimitCatalogue("qinghai", "2026-08-01", registry))).toEqual({ zh: "12个月", en: "12 months" });
    expect(treatment(allTimeLimitCatalogues(undefined, registry).qinghai ?? [])).toEqual(text6);
    // On 2026-01-01 Qinghai and Inner Mongolia (both from 2026-07-01) have no version in force: left out.
    expect(Object.keys(allTimeLimitCatalogues("2026-01-01"))).toEqual(["shanghai", "guangxi", "zhejiang"]);
    expect(thrown(() => timeLimitCatalogue("qinghai", "2026-06-30"))).toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["asOf"] });
    expect(thrown(() => allTimeLimitCatalogues("2026-13-01"))).toEqual(error("INVALID_INPUT", ["asOf"], "2026-13-01 is not a valid calendar date", "2026-13-01 不是有效日期"));
  });
});
