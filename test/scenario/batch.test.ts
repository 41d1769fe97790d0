/**
 * The batch module (src/scenario/batch.ts): the process data checked once (errors naming the file, with the path
 * inside it), evaluateDocument's result lines (metadata on every result, `id` when the document has one), the
 * scenario's own data on top of the process's, and decision-only evaluation (`explain: false`) giving the same
 * outputs as explained evaluation on every fixture.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { dataFileOf, defaultProcessData, evaluateDocument, loadProcessData, type EvaluationSuccess } from "../../src/scenario/batch.js";
import { isZhishangError } from "../../src/core/errors.js";
import { evaluateScenario } from "../../src/scenario/scenario.js";
import { computeDeathBenefits } from "../../src/benefits/death.js";
import { assessEligibility } from "../../src/eligibility/eligibility.js";

const ROOT = join(import.meta.dirname, "..", "..");
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** Every fixture document, with its file. */
const FIXTURES: Array<{ file: string; doc: Record<string, unknown> }> = readdirSync(join(ROOT, "fixtures")).sort().flatMap((p) =>
  readdirSync(join(ROOT, "fixtures", p)).filter((f) => f.endsWith(".json")).sort().map((f) => ({
    file: `${p}/${f}`,
    doc: JSON.parse(readFileSync(join(ROOT, "fixtures", p, f), "utf8")) as Record<string, unknown>,
  })));
/** The fixtures that evaluate without an error (those with `expect`). */
const VALID = FIXTURES.filter((f) => f.doc.expect !== undefined);

const disability = { id: "q4", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };

/** A death from injury in 2027: the subsidy is 20 × the national urban income of 2026, which is not bundled. */
const death2027 = {
  id: "death-2027",
  province: "qinghai",
  kind: "death-benefits",
  input: { context: "death-from-injury", deathDate: "2027-03-01", avgMonthlyWage: "6000.00" },
};

describe("evaluateDocument", () => {
  const data = defaultProcessData();

  test("a result carries id, output, explanation, ruleSet, assumptions and version, in that order", () => {
    const r = evaluateDocument(disability, data, { explain: true }) as EvaluationSuccess;
    expect(Object.keys(r)).toEqual(["id", "output", "explanation", "ruleSet", "assumptions", "version"]);
    // Qinghai grade 4: 21 months × (6000 × 0.6 = 3600) = 75600
    expect((r.output as Record<string, unknown>).oneTimeDisabilitySubsidy).toBe("75600.00");
    expect(r.ruleSet).toBe("qinghai@2026-07-01");
    expect(r.assumptions).toEqual([]);
    expect(r.version).toBe(PACKAGE_VERSION);
    expect(r.explanation?.length).toBeGreaterThan(2);
  });

  test("explain: false leaves the explanation out; overrides show in ruleSet; assumed parameters are named", () => {
    const r = evaluateDocument({ ...disability, overrides: { "benefit.baseFactor": "0.7" } }, data, { explain: false }) as EvaluationSuccess;
    expect(Object.keys(r)).toEqual(["id", "output", "ruleSet", "assumptions", "version"]);
    // 21 × (6000 × 0.7 = 4200) = 88200
    expect((r.output as Record<string, unknown>).oneTimeDisabilitySubsidy).toBe("88200.00");
    expect(r.ruleSet).toBe("qinghai@2026-07-01+overrides");
    // Shanghai's benefit-base factor is assumed (docs/provinces.md): the result says so, explained or not
    const sh = evaluateDocument({ ...disability, province: "shanghai" }, data, { explain: false }) as EvaluationSuccess;
    const shExplained = evaluateDocument({ ...disability, province: "shanghai" }, data, { explain: true }) as EvaluationSuccess;
    expect(sh.assumptions.map((a) => a.name)).toContain("benefit.baseFactor");
    expect(sh.assumptions).toEqual(shExplained.assumptions);
  });

  test("a failure is { id?, error }: not an object, an unknown kind, a bad input", () => {
    expect(evaluateDocument(42, data, { explain: true })).toEqual({ error: expect.objectContaining({ code: "INVALID_INPUT", path: [] }) });
    expect(evaluateDocument({ ...disability, kind: "nope" }, data, { explain: true })).toEqual({
      id: "q4", error: expect.objectContaining({ code: "INVALID_INPUT", path: ["kind"] }),
    });
    expect(evaluateDocument({ ...disability, input: { grade: 11, avgMonthlyWage: "6000.00" } }, data, { explain: false })).toEqual({
      id: "q4", error: expect.objectContaining({ code: "INVALID_INPUT", path: ["input", "grade"] }),
    });
    // an id that is not a string is not echoed
    expect(Object.keys(evaluateDocument({ ...disability, id: 7 }, data, { explain: true }))).toEqual(["error"]);
  });

  test("the process's statistics give a year the bundled table lacks; a scenario's own figure still wins", () => {
    expect(evaluateDocument(death2027, data, { explain: false })).toMatchObject({ error: { code: "STATISTIC_NOT_AVAILABLE" } });
    const withStats = loadProcessData({
      statistics: [{ file: "stats.json", value: { nationalUrbanDisposableIncome: [{ year: 2026, value: "58000", source: "a test figure" }] } }],
    });
    const r = evaluateDocument(death2027, withStats, { explain: true }) as EvaluationSuccess;
    const out = r.output as Record<string, unknown>;
    // 20 × 58000 = 1160000
    expect(out.oneTimeDeathSubsidy).toBe("1160000.00");
    expect(out.nationalUrbanDisposableIncome).toEqual({ year: 2026, value: "58000", source: "caller" });
    const step = r.explanation?.find((s) => s.rule === "death.one-time-subsidy");
    expect(step?.notes?.[0]?.en).toBe("the national urban per-capita disposable income of 2026 is from the caller's statistics (source: a test figure)");
    const own = evaluateDocument({ ...death2027, input: { ...death2027.input, nationalUrbanDisposableIncome: "60000" } }, withStats, { explain: false }) as EvaluationSuccess;
    // 20 × 60000 = 1200000
    expect((own.output as Record<string, unknown>).oneTimeDeathSubsidy).toBe("1200000.00");
    // a figure of a bundled year replaces it: 2025's 56502 becomes 57000, 20 × 57000 = 1140000
    const revised = loadProcessData({ statistics: [{ file: "s.json", value: { nationalUrbanDisposableIncome: [{ year: 2025, value: "57000" }] } }] });
    const d2026 = evaluateDocument({ ...death2027, input: { ...death2027.input, deathDate: "2026-09-01" } }, revised, { explain: false }) as EvaluationSuccess;
    expect((d2026.output as Record<string, unknown>).oneTimeDeathSubsidy).toBe("1140000.00");
    // without a source, the note says only where the figure came from
    const explained = evaluateDocument({ ...death2027, input: { ...death2027.input, deathDate: "2026-09-01" } }, revised, { explain: true }) as EvaluationSuccess;
    const note = explained.explanation?.find((s) => s.rule === "death.one-time-subsidy")?.notes?.[0];
    expect(note).toEqual({
      zh: "2025 年全国城镇居民人均可支配收入取自调用方提供的统计数据",
      en: "the national urban per-capita disposable income of 2025 is from the caller's statistics",
    });
    // the same through the function's own option
    expect(computeDeathBenefits("qinghai", death2027.input as never, { statistics: withStats.statistics }).value.oneTimeDeathSubsidy).toBe("1160000.00");
  });

  test("the process's holiday years apply; a scenario's own year replaces the process's", () => {
    const claim = JSON.parse(readFileSync(join(ROOT, "fixtures", "inner-mongolia", "claim-deadlines-caller-calendar.json"), "utf8")) as Record<string, unknown>;
    const calendars = claim.calendars as unknown[];
    const { calendars: _own, ...bare } = claim;
    expect(evaluateDocument(bare, defaultProcessData(), { explain: false })).toMatchObject({ error: { code: "CALENDAR_NOT_COVERED" } });
    const data2 = loadProcessData({ calendars: [{ file: "cal.json", value: calendars }] });
    const fromProcess = evaluateDocument(bare, data2, { explain: false }) as EvaluationSuccess;
    expect(fromProcess.output).toEqual(evaluateScenario(claim).output);
    // the scenario's own years on top of the same years from the process: the same figures, no "given twice"
    expect((evaluateDocument(claim, data2, { explain: false }) as EvaluationSuccess).output).toEqual(fromProcess.output);
  });
});

describe("loadProcessData", () => {
  test("an invalid file is a typed error naming it, with the path inside it", () => {
    const fail = (files: Parameters<typeof loadProcessData>[0]): Record<string, unknown> => {
      try {
        loadProcessData(files);
      } catch (e) {
        return (e as { toJSON: () => Record<string, unknown> }).toJSON();
      }
      throw new TypeError("no error");
    };
    expect(fail({ calendars: [{ file: "2027.json", value: { year: 2027, off: "none", work: [] } }] })).toMatchObject({
      code: "INVALID_INPUT", path: [], messageEn: '2027.json: a calendar year needs "off" (ranges) and "work" (dates)', messageZh: expect.stringMatching(/^2027\.json：/),
    });
    // in an array of years, the path starts at the year's index
    expect(fail({ calendars: [{ file: "y.json", value: [{ year: 2027, off: [], work: [] }, { year: 1800, off: [], work: [] }] }] })).toMatchObject({
      code: "INVALID_INPUT", path: [1, "year"], messageEn: expect.stringMatching(/^y\.json: /),
    });
    expect(fail({ calendars: [{ file: "a.json", value: [{ year: 2027, off: [], work: [] }] }, { file: "b.json", value: [{ year: 2027, off: [], work: [] }] }] })).toMatchObject({
      code: "INVALID_INPUT", path: [0, "year"], messageEn: "b.json: year 2027 is given in a.json already",
    });
    expect(fail({ statistics: [{ file: "s.json", value: { nationalUrbanDisposableIncome: [{ year: 2026, value: 58000 }] } }] })).toMatchObject({
      code: "INVALID_INPUT", path: ["nationalUrbanDisposableIncome", 0, "value"], messageEn: expect.stringMatching(/^s\.json: /),
    });
    expect(fail({ statistics: [{ file: "s.json", value: { gdp: [] } }] })).toMatchObject({ code: "INVALID_INPUT", path: ["gdp"] });
    expect(fail({ statistics: [{ file: "s.json", value: { nationalUrbanDisposableIncome: [{ year: 2026, value: "1" }, { year: 2026, value: "2" }] } }] })).toMatchObject({
      code: "INVALID_INPUT", path: ["nationalUrbanDisposableIncome", 1, "year"],
    });
    expect(fail({ ruleSets: [{ file: "r.json", value: { id: "x" } }] })).toMatchObject({ code: "RULE_SET_INVALID", messageEn: expect.stringMatching(/^r\.json: /) });
  });

  test("each refusal names its file exactly (dataFileOf), also when one file's name begins another's", () => {
    const fileOf = (files: Parameters<typeof loadProcessData>[0]): string | undefined => {
      try {
        loadProcessData(files);
      } catch (e) {
        if (isZhishangError(e)) return dataFileOf(e);
      }
      return "no typed error";
    };
    const year = (y: number) => ({ year: y, off: [], work: [] });
    // "a.json: x" begins like a.json's own messages: the second file, whose year repeats the first's, is named
    expect(fileOf({ calendars: [{ file: "a.json", value: [year(2027)] }, { file: "a.json: x", value: [year(2027)] }] })).toBe("a.json: x");
    expect(fileOf({ statistics: [{ file: "s", value: { gdp: [] } }] })).toBe("s");
    expect(fileOf({ ruleSets: [{ file: "r.json", value: { id: "x" } }] })).toBe("r.json");
    // an error of no file (the argument itself) names none
    expect(fileOf(42 as never)).toBeUndefined();
  });

  test("a later statistics file replaces an earlier one's year and keeps the others", () => {
    const data = loadProcessData({ statistics: [
      { file: "a.json", value: { nationalUrbanDisposableIncome: [{ year: 2026, value: "58000" }, { year: 2027, value: "60000" }] } },
      { file: "b.json", value: { nationalUrbanDisposableIncome: [{ year: 2026, value: "58500" }] } },
    ] });
    expect(data.statistics.nationalUrbanDisposableIncome).toEqual([{ year: 2026, value: "58500" }, { year: 2027, value: "60000" }]);
    expect(Object.isFrozen(data.statistics)).toBe(true);
  });
});

/** An output without eligibility's `checks` (what a decision-only computation leaves out). */
function withoutChecks(output: unknown): unknown {
  if (typeof output !== "object" || output === null || !("checks" in output)) return output;
  const { checks: _checks, ...rest } = output as Record<string, unknown>;
  return rest;
}

describe("decision only (explain: false)", () => {
  test("every valid fixture: the same output, rule set and assumptions as with the explanation, and no step built", () => {
    expect(VALID.length).toBeGreaterThan(100);
    const data = defaultProcessData();
    fc.assert(
      fc.property(fc.constantFrom(...VALID), ({ file, doc }) => {
        const explained = evaluateDocument(doc, data, { explain: true }) as EvaluationSuccess;
        const decided = evaluateDocument(doc, data, { explain: false }) as EvaluationSuccess;
        expect("output" in explained, file).toBe(true);
        // the same output, but for eligibility's `checks` (the decision explained rule by rule), not built
        expect(decided.output, file).toEqual(withoutChecks(explained.output));
        expect(decided.ruleSet, file).toBe(explained.ruleSet);
        expect(decided.assumptions, file).toEqual(explained.assumptions);
        expect(evaluateScenario(doc, { explain: false }).explanation, file).toEqual([]);
      }),
      // every fixture at least once in expectation, in a fraction of a second
      { numRuns: VALID.length * 2 },
    );
  });

  test("eligibility still names its failed checks by rule id", () => {
    // fixtures/guangxi/eligibility-drug-use-exclusion.json: drug use excludes the case, the one failed check
    const doc = FIXTURES.find((f) => f.file === "guangxi/eligibility-drug-use-exclusion.json")?.doc as { province: string; input: unknown };
    const decided = assessEligibility(doc.province, doc.input as never, { explain: false });
    const explained = assessEligibility(doc.province, doc.input as never);
    expect(decided.explanation).toEqual([]);
    expect(explained.explanation.length).toBeGreaterThan(3);
    // every value but `checks`, which is not built: explained, 16 checks — 5 of coverage (in force, industry,
    // platform, place of acceptance, no double claim; Guangxi has no premium-month or hand-over rule), the order-task
    // period (an on-order case), 6 situations, the situation met, 3 exclusions
    expect(explained.value.checks).toHaveLength(16);
    expect("checks" in decided.value).toBe(false);
    expect(decided.value).toEqual(withoutChecks(explained.value));
    expect(decided.value.failedChecks).toEqual(["eligibility.exclusion.intoxication-or-drugs"]);
    expect(decided.value.failedChecks).toEqual(explained.value.checks!.filter((c) => c.outcome === "fail").map((c) => c.rule));
  });
});
