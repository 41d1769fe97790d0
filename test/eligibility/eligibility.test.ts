import { describe, expect, test } from "vitest";
import { assessEligibility, type EligibilityInput } from "../../src/index.js";
import type { ProvinceId } from "../../src/provinces/index.js";

const base: EligibilityInput = {
  accidentAt: "2026-08-03T12:10:00+08:00",
  platform: "meituan",
  activity: "on-order",
  event: "traffic-accident",
};
const assess = (p: ProvinceId, over: Partial<EligibilityInput> = {}, options?: Parameters<typeof assessEligibility>[2]) =>
  assessEligibility(p, { ...base, ...over } as EligibilityInput, options).value;
const outcome = (r: ReturnType<typeof assess>, rule: string) => r.checks!.find((c) => c.rule === rule)?.outcome;

describe("the six situations (Qinghai 第十一条第一款)", () => {
  test("(一) injured during an order: the order (11:50 → 12:30) covers the accident at 12:10", () => {
    const r = assess("qinghai", {
      orders: [{ acceptedAt: "2026-08-03T11:50:00+08:00", completedAt: "2026-08-03T12:30:00+08:00" }],
    });
    expect(r).toMatchObject({ recognized: true, situation: "on-task-injury", exclusion: null, excludedBenefits: [], covered: true });
    expect(outcome(r, "eligibility.order-task-period")).toBe("pass");
    expect(r.failedChecks).toEqual([]);
  });

  test("(一) the order task ends at completion: an accident at 12:31 after completion at 12:30 is not during it", () => {
    const r = assess("qinghai", {
      accidentAt: "2026-08-03T12:31:00+08:00",
      orders: [{ acceptedAt: "2026-08-03T11:50:00+08:00", completedAt: "2026-08-03T12:30:00+08:00" }],
    });
    expect(r.recognized).toBe(false);
    expect(r.situation).toBeNull();
    expect(r.failedChecks).toEqual(["eligibility.order-task-period", "eligibility.situation.on-task-injury", "eligibility.situation-met"]);
  });

  test("(一) both ends count: accident exactly at acceptance, and exactly at completion (another offset, same instant)", () => {
    const orders = [{ acceptedAt: "2026-08-03T11:50:00+08:00", completedAt: "2026-08-03T12:30:00+08:00" }];
    expect(assess("qinghai", { accidentAt: "2026-08-03T11:50:00+08:00", orders }).recognized).toBe(true);
    // 04:30Z = 12:30 China Standard Time
    expect(assess("qinghai", { accidentAt: "2026-08-03T04:30:00Z", orders }).recognized).toBe(true);
  });

  test("(一) without order times the caller's statement stands (check not-evaluated); an injury not from the service fails", () => {
    const r = assess("qinghai");
    expect(r.recognized).toBe(true);
    expect(outcome(r, "eligibility.order-task-period")).toBe("not-evaluated");
    expect(assess("qinghai", { performingPlatformService: false }).recognized).toBe(false);
    expect(assess("qinghai", { event: "other" }).recognized).toBe(false);
    for (const event of ["accident", "violence", "missing", "rail-ferry-train-accident"] as const) {
      expect(assess("qinghai", { event }).situation).toBe("on-task-injury");
    }
  });

  test("(二) way home after the last order: traffic accident not mainly the worker's fault", () => {
    // last order completed 21:10, accident 21:30 on the way home
    const orders = [
      { platform: "meituan" as const, acceptedAt: "2026-08-03T20:30:00+08:00", completedAt: "2026-08-03T21:10:00+08:00" },
    ];
    const commute = { accidentAt: "2026-08-03T21:30:00+08:00", activity: "commute-home" as const, orders };
    expect(assess("qinghai", { ...commute, ownPrimaryResponsibility: false })).toMatchObject({ recognized: true, situation: "commute" });
    expect(assess("qinghai", { ...commute, event: "rail-ferry-train-accident", ownPrimaryResponsibility: false }).situation).toBe("commute");
    // mainly his fault, a fall (not a traffic accident), an unreasonable route: no
    expect(assess("qinghai", { ...commute, ownPrimaryResponsibility: true }).recognized).toBe(false);
    expect(assess("qinghai", { ...commute, event: "accident", ownPrimaryResponsibility: false }).recognized).toBe(false);
    expect(assess("qinghai", { ...commute, ownPrimaryResponsibility: false, reasonableRoute: false }).recognized).toBe(false);
  });

  test("(二) way home: no completed order before the accident, or an order still in progress, is not 'after orders'", () => {
    const late = [{ acceptedAt: "2026-08-03T21:40:00+08:00", completedAt: "2026-08-03T22:00:00+08:00" }];
    expect(assess("qinghai", { accidentAt: "2026-08-03T21:30:00+08:00", activity: "commute-home", ownPrimaryResponsibility: false, orders: late }).recognized).toBe(false);
    const open = [{ acceptedAt: "2026-08-03T21:00:00+08:00" }];
    expect(assess("qinghai", { accidentAt: "2026-08-03T21:30:00+08:00", activity: "commute-home", ownPrimaryResponsibility: false, orders: open }).recognized).toBe(false);
  });

  test("(二) the worker's responsibility must be stated for a traffic accident on the way", () => {
    expect(() => assess("qinghai", { activity: "commute-home" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["ownPrimaryResponsibility"] }),
    );
  });

  test("(二) designated place: Shanghai, registered worker with no order that day (规程第十九条第二款)", () => {
    const r = assess("shanghai", { activity: "designated-place", ownPrimaryResponsibility: false });
    expect(r).toMatchObject({ recognized: true, situation: "commute" });
    const c = r.checks!.find((x) => x.rule === "eligibility.situation.commute");
    expect(c?.citations.map((x) => x.id)).toEqual(["shanghai-rules#art24.p1.i2", "shanghai-rules#art19.p2"]);
  });

  test("(三) sudden illness: death at once or within 48 hours, during an order task only", () => {
    const ill = { event: "sudden-illness" as const };
    expect(assess("qinghai", { ...ill, died: true }).situation).toBe("sudden-death"); // death at once
    expect(assess("qinghai", { ...ill, hoursFromOnsetToDeath: 48 }).recognized).toBe(true); // "48 小时之内" includes 48
    expect(assess("qinghai", { ...ill, hoursFromOnsetToDeath: 48.5 }).recognized).toBe(false);
    expect(assess("qinghai", { ...ill, hoursFromOnsetToDeath: "47.5" as never }).recognized).toBe(true); // a decimal string too
    expect(assess("qinghai", { ...ill, died: false }).recognized).toBe(false);
    expect(assess("qinghai", { ...ill }).recognized).toBe(false); // no death stated
    // onset 12:10 on the 3rd, death 12:09 on the 5th = 47 h 59 min
    expect(assess("qinghai", { ...ill, deathAt: "2026-08-05T12:09:00+08:00" }).recognized).toBe(true);
    // 12:11 on the 5th = 48 h 1 min
    expect(assess("qinghai", { ...ill, deathAt: "2026-08-05T04:11:00Z" }).recognized).toBe(false);
    expect(assess("qinghai", { ...ill, activity: "commute-home", died: true }).recognized).toBe(false);
    expect(() => assess("qinghai", { ...ill, died: false, hoursFromOnsetToDeath: 3 })).toThrow(expect.objectContaining({ path: ["died"] }));
  });

  test("(四) public interest; (五) veteran relapse without the one-time disability subsidy; (六) statutory", () => {
    expect(assess("qinghai", { activity: "public-interest", event: "accident" }).situation).toBe("public-interest");
    expect(assess("qinghai", { activity: "public-interest", event: "sudden-illness" }).recognized).toBe(false);
    const v = assess("qinghai", { activity: "off-duty", event: "old-injury-relapse", veteranDisabilityCertificate: true });
    expect(v).toMatchObject({ recognized: true, situation: "veteran-relapse", excludedBenefits: ["oneTimeDisabilitySubsidy"] });
    expect(assess("shanghai", { activity: "off-duty", event: "old-injury-relapse", veteranDisabilityCertificate: true }).excludedBenefits)
      .toEqual(["oneTimeDisabilitySubsidy"]); // 规程第四十二条
    expect(assess("qinghai", { activity: "off-duty", event: "old-injury-relapse" }).recognized).toBe(false);
    expect(assess("qinghai", { activity: "off-duty", event: "accident", statutoryOtherCase: true }).situation).toBe("statutory-other");
    expect(assess("qinghai", { activity: "off-duty", event: "accident" }).recognized).toBe(false);
  });
});

describe("the three exclusions (第十二条)", () => {
  test("each exclusion refuses a case that meets a situation; the situation is still reported", () => {
    expect(assess("qinghai", { intentionalCrime: true })).toMatchObject({ recognized: false, situation: "on-task-injury", exclusion: "intentional-crime" });
    expect(assess("qinghai", { intoxicated: true }).exclusion).toBe("intoxication-or-drugs");
    expect(assess("qinghai", { drugUse: true }).exclusion).toBe("intoxication-or-drugs");
    expect(assess("qinghai", { selfHarm: true }).exclusion).toBe("self-harm");
    const all = assess("qinghai", { intentionalCrime: true, intoxicated: true, selfHarm: true });
    expect(all.exclusion).toBe("intentional-crime"); // the first in item order
    expect(all.exclusions).toEqual(["intentional-crime", "intoxication-or-drugs", "self-harm"]);
    expect(all.excludedBenefits).toEqual([]);
  });

  test("exclusions apply to the way home too, and a veteran's relapse", () => {
    expect(assess("qinghai", { activity: "commute-home", ownPrimaryResponsibility: false, intoxicated: true }).recognized).toBe(false);
    expect(assess("qinghai", { activity: "off-duty", event: "old-injury-relapse", veteranDisabilityCertificate: true, selfHarm: true }).recognized).toBe(false);
  });

  test("citations: Qinghai's own 第十二条 (with the 第十二/十一条 slip noted); national with 工伤保险条例第十六条 elsewhere", () => {
    const q = assess("qinghai", { intoxicated: true }).checks!.find((c) => c.rule === "eligibility.exclusion.intoxication-or-drugs");
    expect(q?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art12.i2"]);
    expect(q?.citations[0]?.zh).toContain("应为第十一条");
    const z = assess("zhejiang", { accidentAt: "2025-08-03T12:10:00+08:00", intoxicated: true }).checks!
      .find((c) => c.rule === "eligibility.exclusion.intoxication-or-drugs");
    expect(z?.citations.map((c) => c.id)).toEqual(["national-measures", "qinghai-measures#art12.i2", "work-injury-regulations#art16.i2"]);
  });
});

describe("coverage", () => {
  test("start dates: RULE_NOT_IN_FORCE before, by the China Standard Time date of the accident", () => {
    expect(() => assess("qinghai", { accidentAt: "2026-06-30T23:59:00+08:00" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["accidentAt"] }),
    );
    // 2026-06-30T16:30Z is 2026-07-01 00:30 in Beijing
    expect(assess("qinghai", { accidentAt: "2026-06-30T16:30:00Z" }).recognized).toBe(true);
    expect(() => assess("inner-mongolia", { accidentAt: "2026-06-15T10:00:00+08:00" })).toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE" }));
    expect(() => assess("guangxi", { accidentAt: "2025-06-30T10:00:00+08:00", platform: "dada" })).toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE" }));
    expect(assess("shanghai", { accidentAt: "2022-07-01T09:00:00+08:00" }).covered).toBe(true);
  });

  test("a start moved by the caller (coverage.inForceFrom): in force from that very day, and a date that is no day refused", () => {
    // Qinghai starts on 2026-07-01 (青海办法第四十二条); moved to 2026-08-03, an accident at 00:30 Beijing time that
    // day is in force (the start day itself counts), one on 2026-08-02 at 23:59 is not.
    const moved = { overrides: { "coverage.inForceFrom": "2026-08-03" } };
    expect(assess("qinghai", { accidentAt: "2026-08-03T00:30:00+08:00" }, moved).recognized).toBe(true);
    expect(() => assess("qinghai", { accidentAt: "2026-08-02T23:59:00+08:00" }, moved)).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["accidentAt"] }),
    );
    // 2026-02-30 has the form YYYY-MM-DD but is no calendar day: refused at the override, every time it is given
    for (let k = 0; k < 2; k++) {
      expect(() => assess("qinghai", {}, { overrides: { "coverage.inForceFrom": "2026-02-30" } })).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", path: ["overrides", "coverage.inForceFrom"] }),
      );
    }
  });

  test("达达 and 京东秒送 as each province names them", () => {
    const on = (p: ProvinceId, platform: "dada" | "jd-miaosong", at = "2026-08-03T12:10:00+08:00") =>
      assess(p, { platform, accidentAt: at }).recognized;
    expect([on("qinghai", "jd-miaosong"), on("qinghai", "dada")]).toEqual([true, false]);
    expect([on("inner-mongolia", "jd-miaosong"), on("inner-mongolia", "dada")]).toEqual([true, false]);
    expect([on("zhejiang", "dada"), on("zhejiang", "jd-miaosong")]).toEqual([true, false]);
    expect([on("guangxi", "dada", "2025-08-03T12:00:00+08:00"), on("guangxi", "jd-miaosong", "2025-08-03T12:00:00+08:00")]).toEqual([true, false]);
    const q = assess("qinghai", { platform: "dada" });
    expect(q.failedChecks).toEqual(["coverage.platform-in-pilot"]);
    expect(q.situation).toBe("on-task-injury");
    expect(q.checks!.find((c) => c.rule === "coverage.platform-in-pilot")?.notes[0]?.zh).toContain("京东秒送");
  });

  test("Guangxi: every platform of the three industries from 2026 (assumed 1 January), refused under strict", () => {
    const r = assessEligibility("guangxi", { ...base, accidentAt: "2026-01-01T08:00:00+08:00", platform: "jd-miaosong" });
    expect(r.value.recognized).toBe(true);
    expect(r.assumptions.map((a) => a.name)).toEqual(["coverage.allPlatformsOfIndustriesFrom"]);
    expect(assess("guangxi", { accidentAt: "2025-12-31T20:00:00+08:00", platform: "jd-miaosong" }).recognized).toBe(false);
    expect(() => assess("guangxi", { accidentAt: "2026-03-01T08:00:00+08:00", platform: "jd-miaosong" }, { strict: true })).toThrow(
      expect.objectContaining({ code: "ASSUMED_PARAMETER_REFUSED" }),
    );
    // a listed platform needs no assumption, strict or not
    expect(assessEligibility("guangxi", { ...base, platform: "dada" }, { strict: true }).assumptions).toEqual([]);
  });

  test("Shanghai: the platform list is assumed (none in its seed); platformInPilot satisfies strict", () => {
    const r = assessEligibility("shanghai", base);
    expect(r.value.recognized).toBe(true);
    expect(r.assumptions.map((a) => a.name)).toEqual(["coverage.pilotPlatforms"]);
    expect(() => assessEligibility("shanghai", base, { strict: true })).toThrow(expect.objectContaining({ code: "ASSUMED_PARAMETER_REFUSED" }));
    const s = assessEligibility("shanghai", { ...base, platformInPilot: true }, { strict: true });
    expect(s.value.recognized).toBe(true);
    expect(s.assumptions).toEqual([]);
  });

  test("industries: the three are in scope; another industry only where and when the province admits it", () => {
    expect(assess("qinghai", { platform: "other", industry: "other", platformInPilot: true }).recognized).toBe(true);
    expect(assess("qinghai", { platform: "other", industry: "other" }).failedChecks).toEqual(["coverage.industry", "coverage.platform-in-pilot"]);
    expect(assess("zhejiang", { accidentAt: "2025-09-01T10:00:00+08:00", platform: "other", industry: "other", platformInPilot: true }).failedChecks)
      .toEqual(["coverage.industry"]);
    expect(assess("guangxi", { accidentAt: "2026-09-01T10:00:00+08:00", platform: "other", industry: "other", platformInPilot: true }).failedChecks)
      .toEqual(["coverage.industry"]);
    expect(assess("guangxi", { accidentAt: "2027-01-02T10:00:00+08:00", platform: "other", industry: "other", platformInPilot: true }).recognized).toBe(true);
    expect(() => assess("qinghai", { platform: "other" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["industry"] }));
  });

  test("Shanghai 第四十三条: cover from the month the premium is paid (month by Beijing time)", () => {
    expect(assess("shanghai", { accidentAt: "2026-03-31T10:00:00+08:00", premiumPaidMonth: "2026-04" }).failedChecks).toEqual(["coverage.premium-paid-month"]);
    expect(assess("shanghai", { accidentAt: "2026-04-01T00:10:00+08:00", premiumPaidMonth: "2026-04" }).recognized).toBe(true);
    // 2026-03-31T17:00Z is 1 April 01:00 in Beijing
    expect(assess("shanghai", { accidentAt: "2026-03-31T17:00:00Z", premiumPaidMonth: "2026-04" }).recognized).toBe(true);
    expect(outcome(assess("shanghai"), "coverage.premium-paid-month")).toBe("not-evaluated");
    expect(() => assess("qinghai", { premiumPaidMonth: "2026-08" })).toThrow(expect.objectContaining({ code: "RULE_NOT_DEFINED", path: ["premiumPaidMonth"] }));
  });

  test("Zhejiang 二（七）: the single work-injury insurance ran to 2025-06-30; the pilot from 2025-07-01", () => {
    const zj = { platform: "dada" as const, singleWorkInjuryInsurance: { insured: true, exception: "assessed-grade-1-to-4" as const } };
    expect(() => assess("zhejiang", { ...zj, accidentAt: "2025-06-30T23:30:00+08:00" })).toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE" }));
    const r = assess("zhejiang", { ...zj, accidentAt: "2025-06-30T16:30:00Z" }); // 2025-07-01 00:30 Beijing
    expect(r.recognized).toBe(true);
    expect(r.checks!.find((c) => c.rule === "coverage.single-work-injury-handover")).toMatchObject({ outcome: "pass" });
    expect(() => assess("qinghai", { singleWorkInjuryInsurance: { insured: false } })).toThrow(expect.objectContaining({ code: "RULE_NOT_DEFINED" }));
    // a worker of a platform outside the pilot stays in the single insurance: not covered here
    expect(assess("zhejiang", { ...zj, accidentAt: "2025-08-01T10:00:00+08:00", platform: "jd-miaosong" }).recognized).toBe(false);
  });

  test("no claim for an accident already under a work-injury claim; an order accepted elsewhere", () => {
    const r = assess("qinghai", { workInjuryClaimFiled: true });
    expect(r).toMatchObject({ recognized: false, situation: "on-task-injury", exclusion: null, covered: false });
    expect(r.failedChecks).toEqual(["coverage.no-work-injury-claim"]);
    expect(assess("qinghai", { orderAcceptedInProvince: false }).failedChecks).toEqual(["coverage.order-accepted-in-province"]);
    expect(assess("qinghai", { orderAcceptedInProvince: true }).recognized).toBe(true);
  });
});

describe("the result lists every rule checked, with citations", () => {
  test("the rules in order; each cites an article (a caller's statement excepted)", () => {
    const r = assess("shanghai", { platformInPilot: true });
    expect(r.checks!.map((c) => c.rule)).toEqual([
      "coverage.in-force",
      "coverage.industry",
      "coverage.platform-in-pilot",
      "coverage.order-accepted-in-province",
      "coverage.premium-paid-month",
      "coverage.no-work-injury-claim",
      "eligibility.order-task-period",
      "eligibility.situation.on-task-injury",
      "eligibility.situation.commute",
      "eligibility.situation.sudden-death",
      "eligibility.situation.public-interest",
      "eligibility.situation.veteran-relapse",
      "eligibility.situation.statutory-other",
      "eligibility.situation-met",
      "eligibility.exclusion.intentional-crime",
      "eligibility.exclusion.intoxication-or-drugs",
      "eligibility.exclusion.self-harm",
    ]);
    for (const c of r.checks!) {
      if (c.rule !== "coverage.platform-in-pilot") expect(c.citations.length, c.rule).toBeGreaterThan(0);
    }
    expect(r.checks!.find((c) => c.rule === "eligibility.situation.on-task-injury")?.citations.map((c) => c.id))
      .toEqual(["shanghai-rules#art24.p1.i1", "shanghai-rules#art19.p1", "national-measures", "qinghai-measures#art11.p3"]);
  });

  test("the explanation has one step per check plus the decision; national provenance is visible", () => {
    const c = assessEligibility("inner-mongolia", base);
    const steps = c.explanation.map((s) => s.rule);
    expect(steps.at(-1)).toBe("eligibility.decision");
    const situation = c.explanation.find((s) => s.rule === "eligibility.situation.on-task-injury");
    expect(situation?.parameters.map((p) => [p.name, p.provenance])).toEqual([["eligibility.situations", "national"]]);
    expect(c.explanation.find((s) => s.rule === "coverage.platform-in-pilot")?.parameters.map((p) => p.provenance)).toEqual(["seed"]);
  });

  test("input errors carry a path", () => {
    expect(() => assess("qinghai", { accidentAt: "2026-08-03 12:10" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["accidentAt"] }));
    expect(() => assess("qinghai", { event: "fall" as never })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["event"] }));
    expect(() => assess("qinghai", { orders: [{ acceptedAt: "2026-08-03T12:00:00+08:00", completedAt: "2026-08-03T11:00:00+08:00" }] }))
      .toThrow(expect.objectContaining({ path: ["orders", 0, "completedAt"] }));
  });
});
