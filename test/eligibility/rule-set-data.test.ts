/**
 * Eligibility read from the rule set as data: the hours of item (三) from `eligibility.suddenDeathMaxHours` (the
 * decision and every text that states them), platform ids that only a rule set names (its own list, its names),
 * the articles from the rule texts, dates of the texts from the coverage parameters, and the case date (the
 * accident date in China Standard Time) choosing the version.
 */
import { describe, expect, test } from "vitest";
import { assessEligibility, type EligibilityInput } from "../../src/index.js";
import { kindOf } from "../../src/provinces/rule.js";
import { loadRuleSet } from "../../src/provinces/registry.js";
import { getRuleSet, type RuleSetInput } from "../../src/provinces/index.js";
import { invalidJson, stepSummary, thrown } from "../support/errors.js";

const base: EligibilityInput = {
  accidentAt: "2026-08-03T12:10:00+08:00",
  platform: "meituan",
  activity: "on-order",
  event: "traffic-accident",
};
type Options = Parameters<typeof assessEligibility>[2];
const run = (rules: RuleSetInput, over: Partial<EligibilityInput> = {}, options?: Options) =>
  assessEligibility(rules, { ...base, ...over } as EligibilityInput, options);
const checkOf = (r: ReturnType<typeof run>, rule: string) => r.value.checks!.find((c) => c.rule === rule);
const stepOf = (r: ReturnType<typeof run>, rule: string) => r.explanation.find((s) => s.rule === rule);

const assumed = { kind: "assumed" as const, citations: [], reason: { zh: "测试名单", en: "a test list" } };
/** Qinghai with its own list of pilot platforms: a platform the catalogue does not know (newco) and 美团. */
const withNewco = loadRuleSet({
  id: "qinghai@2026-08-01",
  province: "qinghai",
  validFrom: "2026-08-01",
  extends: "qinghai@2026-07-01",
  params: {
    "coverage.pilotPlatforms": {
      value: [
        { platform: "newco", nameZh: "新企配送", industry: "instant-delivery", from: "2026-08-01", until: null },
        { platform: "meituan", nameZh: "美团外卖", industry: "instant-delivery", from: "2026-08-01", until: null },
      ],
      provenance: assumed,
    },
  },
});

describe("(三) the hours come from eligibility.suddenDeathMaxHours", () => {
  const ill = { event: "sudden-illness" as const, hoursFromOnsetToDeath: 60 };
  const rule = "eligibility.situation.sudden-death";

  test("death 60 hours after onset: refused at 48 (the bundled value), recognised at 72 (override)", () => {
    const at48 = run("qinghai", ill);
    expect(at48.value).toMatchObject({ recognized: false, situation: null });
    expect(checkOf(at48, rule)?.reason).toEqual({ zh: "发病后 60 小时死亡，超过 48 小时", en: "death 60 hours after onset, more than 48" });
    const at72 = run("qinghai", ill, { overrides: { "eligibility.suddenDeathMaxHours": 72 } });
    expect(at72.value).toMatchObject({ recognized: true, situation: "sudden-death" });
    expect(at72.ruleSet).toBe("qinghai@2026-07-01+overrides");
    expect(checkOf(at72, rule)?.reason).toEqual({
      zh: "执行订单任务期间突发疾病，60 小时内经抢救无效死亡（不超过 72 小时）", en: "died 60 hours after onset (at most 72)",
    });
  });

  test("the title of item (三) states the hours used: 48 by default, 72 with the override", () => {
    const title = (max: number) => ({
      zh: `执行平台订单任务期间突发疾病死亡或者在${max}小时之内经抢救无效死亡`,
      en: `sudden illness during an order task with death at once or within ${max} hours`,
    });
    expect(checkOf(run("qinghai", ill), rule)?.title).toEqual(title(48));
    const at72 = run("qinghai", ill, { overrides: { "eligibility.suddenDeathMaxHours": 72 } });
    expect(checkOf(at72, rule)?.title).toEqual(title(72));
    expect(checkOf(at72, rule)?.title.zh).toContain("72小时");
    expect(checkOf(at72, rule)?.title.en).toContain("72 hours");
    // the situation met names it too, and lists the parameter it states
    const met = stepSummary(stepOf(at72, "eligibility.situation-met"));
    expect(met.notes?.[0]).toEqual({ zh: `符合情形：${title(72).zh}`, en: `situation met: ${title(72).en}` });
    expect(met.parameters?.map((p) => [p[0], p[2]])).toEqual([["eligibility.situations", "seed"], ["eligibility.suddenDeathMaxHours", "caller"]]);
    // a case of another situation still shows the figure of the title it prints, with its parameter
    const traffic = run("qinghai", {}, { overrides: { "eligibility.suddenDeathMaxHours": 72 } });
    expect(checkOf(traffic, rule)?.title).toEqual(title(72));
    expect(stepOf(traffic, rule)?.parameters.map((p) => [p.name, p.value])).toEqual([
      ["eligibility.situations", ["on-task-injury", "commute", "sudden-death", "public-interest", "veteran-relapse", "statutory-other"]],
      ["eligibility.suddenDeathMaxHours", 72],
    ]);
  });

  test("no text of the explanation keeps 48 once the hours are 72", () => {
    const at72 = run("qinghai", { ...ill, hoursFromOnsetToDeath: 1 }, { overrides: { "eligibility.suddenDeathMaxHours": 72 } });
    const texts = JSON.stringify([at72.value.checks, at72.explanation.map((s) => [s.title, s.notes])]);
    expect(texts).not.toMatch(/48 ?(小时|hours)/);
    expect(texts).toMatch(/72小时/);
  });
});

describe("platform ids are data: the rule set's list decides, and names", () => {
  test("a platform the catalogue does not know (newco), listed by a rule set passed as an object: covered, named", () => {
    const r = run(withNewco, { platform: "newco" });
    expect(r.ruleSet).toBe("qinghai@2026-08-01");
    expect(r.value).toMatchObject({ recognized: true, covered: true, platformName: "新企配送", industry: "instant-delivery" });
    expect(checkOf(r, "coverage.platform-in-pilot")).toMatchObject({
      outcome: "pass",
      reason: { zh: "新企配送列入本省试点平台企业名单（自 2026-08-01 起）", en: "newco (新企配送) is on the province's list of pilot platforms from 2026-08-01" },
    });
    const step = stepSummary(stepOf(r, "coverage.platform-in-pilot"));
    expect(step.inputs).toEqual({ platform: "newco", industry: "instant-delivery", platformInPilot: null, date: "2026-08-03" });
    expect(step.parameters?.map((p) => [p[0], p[2]])).toEqual([["coverage.pilotPlatforms", "assumed"]]);
    // the assumed list is named as an assumption, and strict mode refuses it
    expect(r.assumptions.map((a) => a.name)).toEqual(["coverage.pilotPlatforms"]);
    expect(thrown(() => run(withNewco, { platform: "newco" }, { strict: true }))).toMatchObject({ code: "ASSUMED_PARAMETER_REFUSED" });
  });

  test("a listed platform is named as the rule set's list writes it, not as the catalogue does", () => {
    const r = run(withNewco);
    expect(r.value.platformName).toBe("美团外卖");
    expect(checkOf(r, "coverage.platform-in-pilot")?.reason.zh).toBe("美团外卖列入本省试点平台企业名单（自 2026-08-01 起）");
    // stated by the caller: still the list's name
    expect(run(withNewco, { platformInPilot: true }).value.platformName).toBe("美团外卖");
    // the bundled Qinghai list writes 美团
    expect(run("qinghai").value.platformName).toBe("美团");
  });

  test("a platform not on the rule set's list is simply not a pilot platform; the reason names the list's platforms", () => {
    const r = run("qinghai", { platform: "newco", industry: "instant-delivery" });
    expect(r.value).toMatchObject({ recognized: false, covered: false, platformName: null, failedChecks: ["coverage.platform-in-pilot"] });
    const names = getRuleSet("qinghai").params["coverage.pilotPlatforms"].value.map((e) => e.nameZh).join("、");
    expect(checkOf(r, "coverage.platform-in-pilot")).toEqual(expect.objectContaining({
      outcome: "fail",
      reason: {
        zh: `newco不在本省 2026-08-03 的试点平台企业名单（${names}）内`,
        en: `newco is not on the province's list of pilot platforms on 2026-08-03 (${names})`,
      },
      notes: [{ zh: "经申请纳入试点的平台，请声明 platformInPilot", en: "for a platform admitted on application, state platformInPilot" }],
    }));
    // the list of the rule set used: the caller's rule set names its own two
    const other = run(withNewco, { platform: "huolala" });
    expect(checkOf(other, "coverage.platform-in-pilot")?.reason).toEqual({
      zh: "货拉拉不在本省 2026-08-03 的试点平台企业名单（新企配送、美团外卖）内",
      en: "huolala is not on the province's list of pilot platforms on 2026-08-03 (新企配送、美团外卖)",
    });
    // admitted on application (platformInPilot): covered
    expect(run("qinghai", { platform: "newco", industry: "instant-delivery", platformInPilot: true }).value.recognized).toBe(true);
  });

  test("the industry of a platform no catalogue names: the rule set's list, else it must be given", () => {
    expect(thrown(() => run("qinghai", { platform: "newco" }))).toEqual(invalidJson(["industry"],
      "industry is required for a platform that neither the catalogue nor the rule set's list of pilot platforms names (newco)",
      "平台（newco）既不在目录中也不在本省试点平台企业名单内，须注明所属行业"));
    expect(run(withNewco, { platform: "newco", industry: "ride-hailing" }).value.industry).toBe("ride-hailing");
    // "other" keeps its message, before the rule set is read
    expect(thrown(() => run(withNewco, { platform: "other" }))).toEqual(invalidJson(["industry"],
      "industry is required for a platform outside the catalogue", "平台不在目录中时须注明所属行业"));
  });

  test("platform ids take the id form (lowercase words joined by -); orders and designatedBy too", () => {
    for (const platform of ["NewCo", "new_co", "-newco", "newco-", "", "a".repeat(61)]) {
      expect(thrown(() => run("qinghai", { platform, industry: "instant-delivery" })), platform).toMatchObject({ code: "INVALID_INPUT", path: ["platform"] });
    }
    expect(run("qinghai", { platform: "new-co2", industry: "instant-delivery" }).value.covered).toBe(false);
    const orders = [{ platform: "newco", acceptedAt: "2026-08-03T11:50:00+08:00" }];
    expect(run(withNewco, { orders }).value.checks!.find((c) => c.rule === "eligibility.order-task-period")?.notes[0]?.en)
      .toBe("the order in progress belongs to another platform: see liability for the responsible platform");
    expect(thrown(() => run("qinghai", { orders: [{ platform: "New", acceptedAt: "2026-08-03T11:50:00+08:00" }] })))
      .toMatchObject({ code: "INVALID_INPUT", path: ["orders", 0, "platform"] });
    const way = run("qinghai", { activity: "designated-place", ownPrimaryResponsibility: false, designatedBy: "newco" });
    expect(checkOf(way, "eligibility.situation.commute")?.reason.en).toBe(
      "on the way to a designated place at the set time, in an accident not mainly the worker's fault (required by newco)");
  });

  test("the twin note names the twin as the list writes it", () => {
    const list = loadRuleSet({
      id: "qinghai@2026-08-01", province: "qinghai", validFrom: "2026-08-01", extends: "qinghai@2026-07-01",
      params: {
        "coverage.pilotPlatforms": {
          value: [{ platform: "jd-miaosong", nameZh: "京东秒送（达达集团）", industry: "instant-delivery", from: "2026-08-01", until: null }],
          provenance: assumed,
        },
      },
    });
    expect(checkOf(run(list, { platform: "dada" }), "coverage.platform-in-pilot")?.notes[0]).toEqual({
      zh: "本省名单写作“京东秒送（达达集团）”而非“达达”；本库不把二者视为同一企业，如属同一平台企业请声明 platformInPilot",
      en: "the province's list names 京东秒送（达达集团） (jd-miaosong), not 达达; the library does not equate them — if it is the same enterprise, state platformInPilot",
    });
  });
});

describe("the case date: the accident date in China Standard Time chooses the version", () => {
  const versions = [getRuleSet("qinghai"), withNewco];

  test("newco is listed from the second version: 2026-07-31 in Beijing uses the first, 2026-08-01 the second", () => {
    const before = run(versions, { platform: "newco", industry: "instant-delivery", accidentAt: "2026-07-31T15:59:00Z" });
    expect(before.ruleSet).toBe("qinghai@2026-07-01");
    expect(before.value.covered).toBe(false);
    // 2026-07-31T16:00Z is 2026-08-01 00:00 in Beijing
    const after = run(versions, { platform: "newco", accidentAt: "2026-07-31T16:00:00Z" });
    expect(after.ruleSet).toBe("qinghai@2026-08-01");
    expect(after.value).toMatchObject({ covered: true, platformName: "新企配送" });
    const first = stepSummary(after.explanation[0]);
    expect(first.rule).toBe("coverage.in-force");
    expect(first.notes?.[1]).toEqual({ zh: "适用规则集版本 qinghai@2026-08-01（2026-08-01 起）", en: "rule-set version used: qinghai@2026-08-01 (from 2026-08-01)" });
  });

  test("the first step names the version; no step for an undated version, even with a province-only input", () => {
    const s = run("shanghai", { premiumPaidMonth: "2026-08" });
    expect(s.explanation.map((x) => x.rule).slice(0, 2)).toEqual(["coverage.in-force", "coverage.industry"]);
    expect(s.explanation.some((x) => x.rule === "rule-set.version")).toBe(false);
  });

  test("input errors come before the date's: a bad order time before an accident before the start", () => {
    expect(thrown(() => run("qinghai", { accidentAt: "2026-06-30T12:00:00+08:00", orders: [{ acceptedAt: "bad" }] })))
      .toMatchObject({ code: "INVALID_INPUT", path: ["orders", 0, "acceptedAt"] });
    expect(thrown(() => run("qinghai", { accidentAt: "2026-06-30T12:00:00+08:00", premiumPaidMonth: "2026-06" })))
      .toMatchObject({ code: "RULE_NOT_DEFINED", path: ["premiumPaidMonth"] });
    expect(thrown(() => run("qinghai", { accidentAt: "2026-06-30T12:00:00+08:00" }))).toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["accidentAt"] });
  });

  test("an input the chosen version has no rule for is RULE_NOT_DEFINED, though another version has one", () => {
    // Qinghai's later version adopts Shanghai's premium-month rule
    const later = loadRuleSet({
      id: "qinghai@2026-09-01", province: "qinghai", validFrom: "2026-09-01", extends: "qinghai@2026-07-01",
      params: { "coverage.fromPremiumPaidMonth": { value: true, provenance: assumed } },
    });
    const both = [getRuleSet("qinghai"), later];
    expect(run(both, { accidentAt: "2026-09-02T10:00:00+08:00", premiumPaidMonth: "2026-09" }).value.recognized).toBe(true);
    expect(thrown(() => run(both, { accidentAt: "2026-08-02T10:00:00+08:00", premiumPaidMonth: "2026-08" }))).toMatchObject({
      code: "RULE_NOT_DEFINED", path: ["premiumPaidMonth"],
      messageEn: "Qinghai's sources define no rule on cover from the month the premium is paid; \"premiumPaidMonth\" applies to another province",
    });
  });

  test("the scenario kind is the rule's own declaration", () => {
    expect(kindOf(assessEligibility)).toMatchObject({ kind: "eligibility", functionName: "assessEligibility" });
  });
});

describe("texts from the coverage parameters and the rule texts", () => {
  test("Zhejiang's recognition-pending exception names the pilot's first day from coverage.singleWorkInjuryInsuranceUntil", () => {
    const zj = (overrides?: Record<string, unknown>) => run("zhejiang", {
      accidentAt: "2025-09-01T10:00:00+08:00", singleWorkInjuryInsurance: { insured: true, exception: "recognition-pending" },
    }, overrides === undefined ? undefined : { overrides }).value.checks!.find((c) => c.rule === "coverage.single-work-injury-handover")?.notes[0];
    expect(zj()?.zh).toContain("例外（2025年7月1日前发生事故伤害尚未完成工伤认定）");
    expect(zj()?.en).toContain("exception (an accident before 2025-07-01 not yet recognised)");
    const moved = zj({ "coverage.singleWorkInjuryInsuranceUntil": "2025-08-01" });
    expect(moved?.zh).toContain("例外（2025年8月2日前发生事故伤害尚未完成工伤认定）");
    expect(moved?.en).toContain("exception (an accident before 2025-08-02 not yet recognised)");
  });

  test("situation, exclusion and order-task articles are the rule set's rule texts", () => {
    const own = loadRuleSet({
      id: "qinghai@2026-08-01", province: "qinghai", validFrom: "2026-08-01", extends: "qinghai@2026-07-01",
      rules: {
        "eligibility.situation.on-task-injury": { citations: [{ doc: "qinghai-measures", article: 11, paragraph: 1, item: 1, note: "test" }] },
        "eligibility.exclusion.self-harm": { citations: [{ doc: "work-injury-regulations", article: 16, item: 3 }] },
        "eligibility.order-task": { citations: [{ doc: "qinghai-measures", article: 11 }] },
      },
    });
    const r = run(own, { selfHarm: true, orders: [{ acceptedAt: "2026-08-03T11:50:00+08:00" }] });
    expect(checkOf(r, "eligibility.situation.on-task-injury")?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art11.p1.i1"]);
    expect(checkOf(r, "eligibility.situation.on-task-injury")?.citations[0]?.zh).toContain("test");
    expect(checkOf(r, "eligibility.exclusion.self-harm")?.citations.map((c) => c.id)).toEqual(["work-injury-regulations#art16.i3"]);
    expect(checkOf(r, "eligibility.order-task-period")?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art11"]);
    // the rule texts it did not replace are Qinghai's
    expect(checkOf(r, "eligibility.exclusion.intentional-crime")?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art12.i1"]);
  });
});
