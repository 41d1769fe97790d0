/**
 * The time-limit catalogue: which limits each province states or inherits, with provenance and citations, and
 * single limits computed by hand on the official calendars.
 */
import { describe, expect, test } from "vitest";
import { computeTimeLimit, TIME_LIMIT_IDS, TIME_LIMITS, timeLimitCatalogue } from "../../src/deadlines/catalogue.js";
import { getRuleSet, PROVINCES } from "../../src/provinces/index.js";

const NATIONAL_SET = [
  "platform-application", "worker-application", "supplement-materials", "confirmation", "confirmation-facts-clear",
  "reassessment-request", "treatment-period", "treatment-period-extension", "monthly-declaration",
];

describe("catalogue", () => {
  test("Qinghai and Shanghai state their own limits; the silent provinces inherit the national set", () => {
    expect(timeLimitCatalogue("qinghai").map((e) => e.id)).toEqual([
      "platform-application", "worker-application", "supplement-materials", "confirmation", "confirmation-facts-clear",
      "reassessment-request", "treatment-period", "treatment-period-extension", "sporadic-medical-reimbursement",
      "monthly-data-handover", "data-correction", "monthly-declaration", "prepayment-settlement",
    ]);
    expect(timeLimitCatalogue("qinghai").every((e) => e.provenance === "seed")).toBe(true);
    expect(timeLimitCatalogue("shanghai").map((e) => e.id)).toEqual([
      "platform-application", "worker-application", "application-extension-cap", "supplement-materials", "confirmation",
      "confirmation-facts-clear", "conclusion-delivery", "reassessment-request", "treatment-period",
      "treatment-period-extension", "benefit-review", "monthly-data-handover", "monthly-declaration", "fee-registration",
      "rate-determination", "rate-notice",
    ]);
    expect(timeLimitCatalogue("shanghai").filter((e) => e.provenance === "national").map((e) => e.id)).toEqual([
      "reassessment-request", "treatment-period", "treatment-period-extension",
    ]);
    for (const p of ["guangxi", "inner-mongolia", "zhejiang"] as const) {
      const cat = timeLimitCatalogue(p);
      expect(cat.map((e) => e.id)).toEqual(NATIONAL_SET);
      expect(cat.every((e) => e.provenance === "national" && e.reason !== null)).toBe(true);
    }
  });

  test("supplementary materials differ: Qinghai 10 days (第十五条), Shanghai 5 working days (第四十四条), national 10 days", () => {
    const get = (p: (typeof PROVINCES)[number]) => timeLimitCatalogue(p).find((e) => e.id === "supplement-materials");
    expect(get("qinghai")).toMatchObject({ value: { count: 10, unit: "day" }, text: { zh: "10日" } });
    expect(get("qinghai")?.citations.map((c) => c.id)).toEqual(["qinghai-measures#art15.p1"]);
    expect(get("shanghai")).toMatchObject({ value: { count: 5, unit: "working-day" }, text: { zh: "5个工作日" } });
    expect(get("shanghai")?.citations.map((c) => c.id)).toEqual(["shanghai-rules#art44.p3"]);
    expect(get("zhejiang")).toMatchObject({ value: { count: 10, unit: "day" }, provenance: "national" });
  });

  test("every entry of every province cites at least one source, and every definition is reachable", () => {
    const seen = new Set<string>();
    for (const p of PROVINCES) {
      for (const e of timeLimitCatalogue(p)) {
        expect(e.citations.length).toBeGreaterThan(0);
        seen.add(e.id);
      }
    }
    expect([...seen].sort()).toEqual([...TIME_LIMIT_IDS].sort());
    for (const id of TIME_LIMIT_IDS) expect(TIME_LIMITS[id].id).toBe(id);
  });

  test("the declaration rule's citation: the province article, or the tax rules for the silent provinces", () => {
    expect(getRuleSet("shanghai").params["timeLimit.monthlyDeclaration"].provenance).toMatchObject({ kind: "seed" });
    const g = timeLimitCatalogue("guangxi").find((e) => e.id === "monthly-declaration");
    expect(g?.citations.map((c) => c.id)).toEqual(["national-measures", "tax-collection-rules#art109", "qinghai-measures#art8.p1"]);
    expect(g?.citations[1]?.zh).toContain("第一百零九条");
  });
});

describe("computeTimeLimit", () => {
  test("periods", () => {
    // 3 working days after 30 Sep 2026: 8, 9 and 10 October (a Saturday made a working day)
    expect(computeTimeLimit("shanghai", { limit: "conclusion-delivery", from: "2026-09-30" }).value.deadline).toBe("2026-10-10");
    // 10 working days after 30 Apr 2026: (1–5 May off) 6, 7, 8, 9 (Sat, works), 11–15, 18 May
    expect(computeTimeLimit("shanghai", { limit: "fee-registration", from: "2026-04-30" }).value.deadline).toBe("2026-05-18");
    // 5 working days after 30 Sep 2026: 8, 9, 10, 12, 13 October
    expect(computeTimeLimit("qinghai", { limit: "data-correction", from: "2026-09-30" }).value.deadline).toBe("2026-10-13");
    // 3 months after 31 Jul 2026: 31 Oct, a Saturday → Monday 2 Nov
    expect(computeTimeLimit("qinghai", { limit: "prepayment-settlement", from: "2026-07-31" }).value).toEqual({
      limit: "prepayment-settlement", deadline: "2026-11-02", nominalDeadline: "2026-10-31", extended: true,
    });
    // 7 working days after 28 Dec 2026 need 2027
    expect(() => computeTimeLimit("qinghai", { limit: "sporadic-medical-reimbursement", from: "2026-12-28" })).toThrow(
      expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["from"] }),
    );
    // a duration needs no calendar
    expect(computeTimeLimit("guangxi", { limit: "treatment-period", from: "2026-12-28" }).value.deadline).toBe("2027-12-28");
  });

  test("monthly and annual limits", () => {
    // 5 October 2026 lies in the National Day holiday: deferred to 8 October
    expect(computeTimeLimit("qinghai", { limit: "monthly-data-handover", month: "2026-10" }).value.deadline).toBe("2026-10-08");
    expect(computeTimeLimit("shanghai", { limit: "monthly-data-handover", month: "2026-08" }).value.deadline).toBe("2026-08-05");
    expect(computeTimeLimit("guangxi", { limit: "monthly-declaration", month: "2026-02" }).value.deadline).toBe("2026-02-24");
    // 5 January 2026 is a Monday; 5 January 2025 a Sunday → 6 January
    expect(computeTimeLimit("shanghai", { limit: "rate-notice", year: 2026 }).value.deadline).toBe("2026-01-05");
    expect(computeTimeLimit("shanghai", { limit: "rate-notice", year: 2025 }).value.deadline).toBe("2025-01-06");
    // by the end of December: no deferral in the source, so no calendar needed
    expect(computeTimeLimit("shanghai", { limit: "rate-determination", year: 2027 }).value.deadline).toBe("2027-12-31");
  });

  test("a limit the province does not define, and missing or wrong inputs", () => {
    expect(() => computeTimeLimit("guangxi", { limit: "fee-registration", from: "2026-04-30" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_DEFINED" }),
    );
    expect(() => computeTimeLimit("qinghai", { limit: "data-correction" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["from"] }));
    expect(() => computeTimeLimit("qinghai", { limit: "monthly-declaration" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["month"] }));
    expect(() => computeTimeLimit("shanghai", { limit: "rate-notice" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["year"] }));
    expect(() => computeTimeLimit("qinghai", { limit: "nope" as never, from: "2026-08-01" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["limit"] }));
    expect(() => computeTimeLimit("qinghai", { limit: "data-correction", from: "2026-06-01" })).toThrow(expect.objectContaining({ code: "RULE_NOT_IN_FORCE" }));
  });
});
