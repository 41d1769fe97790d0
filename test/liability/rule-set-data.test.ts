/**
 * Platform liability read from the rule set as data: platform ids a rule set names (the responsible platform's
 * name from its list), the late-filing note from the rule text `liability.late-filing` (Shanghai's), the
 * application period from its parameter, and the case date (the accident date in China Standard Time) choosing
 * the version.
 */
import { describe, expect, test } from "vitest";
import { assessLiability, type LiabilityInput } from "../../src/index.js";
import { kindOf } from "../../src/provinces/rule.js";
import { loadRuleSet } from "../../src/provinces/registry.js";
import { getRuleSet, type RuleSetInput } from "../../src/provinces/index.js";
import { thrown } from "../support/errors.js";

const T = (hhmm: string, day = "2026-09-03") => `${day}T${hhmm}:00+08:00`;
const late: LiabilityInput = {
  accidentAt: T("19:20"), activity: "on-order",
  orders: [{ platform: "meituan", orderId: "M1", acceptedAt: T("19:00"), completedAt: null, routeKey: "r1" }],
  platformApplicationReceivedDate: "2026-10-20", applicationReceivedDate: "2026-10-12",
};
type Options = Parameters<typeof assessLiability>[2];
const run = (rules: RuleSetInput, over: Partial<LiabilityInput> = {}, options?: Options) =>
  assessLiability(rules, { ...late, ...over } as LiabilityInput, options);
const notesOf = (r: ReturnType<typeof run>, rule: string) => r.explanation.find((s) => s.rule === rule)?.notes;

const assumed = { kind: "assumed" as const, citations: [], reason: { zh: "测试", en: "a test" } };
const withNewco = loadRuleSet({
  id: "qinghai@2026-09-01",
  province: "qinghai",
  validFrom: "2026-09-01",
  extends: "qinghai@2026-07-01",
  params: {
    "coverage.pilotPlatforms": {
      value: [
        { platform: "newco", nameZh: "新企配送", industry: "instant-delivery", from: "2026-09-01", until: null },
        { platform: "meituan", nameZh: "美团外卖", industry: "instant-delivery", from: "2026-09-01", until: null },
      ],
      provenance: assumed,
    },
  },
  rules: {
    "liability.late-filing": { notes: [{ zh: "测试省份对逾期费用的说明", en: "the test province's remark on late filing" }] },
  },
});

const READING = {
  zh: "规程第二十二条第二款称“在此期间发生的”费用；按 docs/decisions.md#C10 理解为自事故发生之日至收到申请之日",
  en: "rules art. 22(2) says the costs \"arising in this period\"; read per docs/decisions.md#C10 as from the accident to the day an application was received",
};

describe("the responsible platform's name is the rule set's", () => {
  test("a platform the catalogue does not know (newco), listed by a rule set passed as an object", () => {
    const orders = [{ platform: "newco", orderId: "N1", acceptedAt: T("19:00") }];
    const r = run(withNewco, { orders });
    expect(r.ruleSet).toBe("qinghai@2026-09-01");
    expect(r.value).toMatchObject({ responsiblePlatform: "newco", responsiblePlatformName: "新企配送", rule: "active-order", responsibleOrderId: "N1" });
    // as the list writes a catalogue platform: 美团外卖, not the catalogue's 美团
    expect(run(withNewco).value.responsiblePlatformName).toBe("美团外卖");
    expect(run("qinghai").value.responsiblePlatformName).toBe("美团");
    // not on the list and not in the catalogue: the id stands, without a name
    expect(run("qinghai", { orders }).value).toMatchObject({ responsiblePlatform: "newco", responsiblePlatformName: null });
    // a name is no coverage decision: the assumed list is not refused under strict for it
    expect(run(withNewco, {}, { strict: true }).value.responsiblePlatformName).toBe("美团外卖");
  });

  test("designatedBy and order platforms take any lowercase id", () => {
    const r = run("qinghai", { activity: "designated-place", orders: [], designatedBy: "newco" });
    expect(r.value).toMatchObject({ responsiblePlatform: "newco", rule: "designated-place" });
    expect(thrown(() => run("qinghai", { designatedBy: "New Co" }))).toMatchObject({ code: "INVALID_INPUT", path: ["designatedBy"] });
    expect(thrown(() => run("qinghai", { orders: [{ platform: "x_y", orderId: "A", acceptedAt: T("19:00") }] })))
      .toMatchObject({ code: "INVALID_INPUT", path: ["orders", 0, "platform"] });
  });
});

describe("late filing: the rule set's notes (rule text liability.late-filing)", () => {
  test("Shanghai gives its reading of 第二十二条第二款; Qinghai none; a rule set of its own, its own", () => {
    const sh = run("shanghai");
    expect(notesOf(sh, "liability.late-filing")?.at(-1)).toEqual(READING);
    const qh = notesOf(run("qinghai"), "liability.late-filing");
    expect(qh).toHaveLength(1);
    expect(JSON.stringify(qh)).not.toContain("docs/decisions.md#C10");
    expect(notesOf(run(withNewco, { accidentAt: T("19:20", "2026-09-03") }), "liability.late-filing")?.at(-1))
      .toEqual({ zh: "测试省份对逾期费用的说明", en: "the test province's remark on late filing" });
    // the note belongs to a decision on lateness: without application dates there is none to read
    expect(notesOf(run("shanghai", { platformApplicationReceivedDate: null, applicationReceivedDate: null }), "liability.late-filing"))
      .toEqual([{ zh: "未提供申请收到日期，无法判断是否逾期", en: "no application date given: lateness cannot be decided" }]);
  });

  test("the application period is the parameter's (override 45 days): its texts and the deadline", () => {
    const r = run("qinghai", {}, { overrides: { "timeLimit.platformApplication": { count: 45, unit: "day" } } });
    expect(r.value.platformApplicationDeadline).toBe("2026-10-19");
    const texts = JSON.stringify(r.explanation.find((s) => s.rule === "liability.platform-application-period")?.notes);
    expect(texts).toContain("45 日");
    expect(texts).toContain("45 calendar days");
    expect(texts).not.toMatch(/30 ?(日|calendar days)/);
  });
});

describe("the case date: the accident date in China Standard Time", () => {
  const versions = [getRuleSet("qinghai"), withNewco];
  const orders = [{ platform: "newco", orderId: "N1", acceptedAt: "2026-08-31T15:00:00Z" }];

  test("2026-08-31 in Beijing uses the first version, 2026-09-01 the second (which names newco)", () => {
    const before = run(versions, { accidentAt: "2026-08-31T15:59:00Z", orders, platformApplicationReceivedDate: null, applicationReceivedDate: null });
    expect(before).toMatchObject({ ruleSet: "qinghai@2026-07-01", value: { responsiblePlatformName: null } });
    // 2026-08-31T16:00Z is 2026-09-01 00:00 in Beijing
    const after = run(versions, { accidentAt: "2026-08-31T16:00:00Z", orders, platformApplicationReceivedDate: null, applicationReceivedDate: null });
    expect(after).toMatchObject({ ruleSet: "qinghai@2026-09-01", value: { responsiblePlatformName: "新企配送" } });
    expect(after.explanation[0]?.rule).toBe("coverage.in-force");
    expect(after.explanation[0]?.notes?.[1]).toEqual({ zh: "适用规则集版本 qinghai@2026-09-01（2026-09-01 起）", en: "rule-set version used: qinghai@2026-09-01 (from 2026-09-01)" });
  });

  test("input errors come before the date's; an input the chosen version has no rule for is RULE_NOT_DEFINED", () => {
    const early = "2026-06-30T12:00:00+08:00";
    expect(thrown(() => run("qinghai", { accidentAt: early, identityCheckNotDone: true }))).toMatchObject({ code: "RULE_NOT_DEFINED", path: ["identityCheckNotDone"] });
    expect(thrown(() => run("qinghai", { accidentAt: early, applicationReceivedDate: "2026-06-29" })))
      .toMatchObject({ code: "INVALID_INPUT", path: ["applicationReceivedDate"] });
    expect(thrown(() => run("qinghai", { accidentAt: early }))).toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["accidentAt"] });
    const later = loadRuleSet({
      id: "qinghai@2026-10-01", province: "qinghai", validFrom: "2026-10-01", extends: "qinghai@2026-07-01",
      params: { "liability.identityCheckNotDonePayer": { value: "platform", provenance: assumed } },
    });
    const both = [getRuleSet("qinghai"), later];
    expect(run(both, { accidentAt: T("10:00", "2026-10-02"), platformApplicationReceivedDate: null, applicationReceivedDate: null, identityCheckNotDone: true })
      .value.costs.map((c) => c.item)).toEqual(["identity-check-not-done"]);
    expect(thrown(() => run(both, { identityCheckNotDone: true }))).toMatchObject({
      code: "RULE_NOT_DEFINED", path: ["identityCheckNotDone"],
      messageEn: "Qinghai's sources define no rule on liability for identity checks not done; \"identityCheckNotDone\" applies to another province",
    });
  });

  test("the scenario kind is the rule's own declaration", () => {
    expect(kindOf(assessLiability)).toMatchObject({ kind: "liability", functionName: "assessLiability" });
  });
});
