/**
 * Properties of the eligibility decision over random cases in every province (fixed seed, printed replay on
 * failure):
 * - a case with any exclusion is never recognised;
 * - adding an exclusion never turns a refusal into recognition;
 * - recognised ⇔ covered ∧ a situation ∧ no exclusion, and a recognised case failed no coverage check;
 * - the decision does not depend on the offset the accident time is written in.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  ACTIVITIES, assessEligibility, EVENTS, INDUSTRY_VALUES, PLATFORM_IDS, type EligibilityInput,
} from "../../src/index.js";
import { PROVINCES, type BundledProvinceId } from "../../src/provinces/index.js";

const START: Record<BundledProvinceId, number> = {
  qinghai: Date.UTC(2026, 6, 1),
  "inner-mongolia": Date.UTC(2026, 6, 1),
  guangxi: Date.UTC(2025, 6, 1),
  zhejiang: Date.UTC(2025, 6, 1),
  shanghai: Date.UTC(2022, 6, 1),
};
const END = Date.UTC(2026, 11, 31);

/** A Beijing wall-clock time as `YYYY-MM-DDTHH:mm:00+08:00`. */
function beijing(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}:00+08:00`;
}

const flag = fc.option(fc.boolean(), { nil: undefined });

const caseArb = fc.constantFrom(...PROVINCES).chain((province) =>
  fc.record({
    province: fc.constant(province),
    at: fc.integer({ min: START[province], max: END }),
    platform: fc.constantFrom(...PLATFORM_IDS),
    industry: fc.option(fc.constantFrom(...INDUSTRY_VALUES), { nil: undefined }),
    activity: fc.constantFrom(...ACTIVITIES),
    event: fc.constantFrom(...EVENTS),
    ownPrimaryResponsibility: fc.boolean(),
    died: flag,
    hours: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    veteranDisabilityCertificate: flag,
    workInjuryClaimFiled: flag,
    platformInPilot: flag,
    statutoryOtherCase: flag,
    order: fc.option(fc.record({ startOffset: fc.integer({ min: -180, max: 60 }), length: fc.integer({ min: 0, max: 180 }) }), { nil: undefined }),
  }),
);

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(c: Case, exclusions: Partial<EligibilityInput> = {}): EligibilityInput {
  const minute = 60_000;
  return {
    accidentAt: beijing(c.at),
    platform: c.platform,
    ...(c.industry === undefined ? {} : { industry: c.industry }),
    activity: c.activity,
    event: c.event,
    ownPrimaryResponsibility: c.ownPrimaryResponsibility,
    ...(c.died === undefined ? {} : { died: c.died }),
    ...(c.hours === undefined || c.died === false ? {} : { hoursFromOnsetToDeath: c.hours }),
    ...(c.veteranDisabilityCertificate === undefined ? {} : { veteranDisabilityCertificate: c.veteranDisabilityCertificate }),
    ...(c.workInjuryClaimFiled === undefined ? {} : { workInjuryClaimFiled: c.workInjuryClaimFiled }),
    ...(c.platformInPilot === undefined ? {} : { platformInPilot: c.platformInPilot }),
    ...(c.statutoryOtherCase === undefined ? {} : { statutoryOtherCase: c.statutoryOtherCase }),
    ...(c.order === undefined ? {} : {
      orders: [{
        acceptedAt: beijing(c.at + c.order.startOffset * minute),
        completedAt: beijing(c.at + (c.order.startOffset + c.order.length) * minute),
      }],
    }),
    ...exclusions,
  };
}

const exclusionArb = fc.constantFrom<Partial<EligibilityInput>>(
  { intentionalCrime: true }, { intoxicated: true }, { drugUse: true }, { selfHarm: true },
  { intoxicated: true, selfHarm: true },
);

describe("eligibility properties (seed 42)", () => {
  test("a case with any exclusion is never recognised, and adding one never turns a refusal into recognition", () => {
    fc.assert(
      fc.property(caseArb, exclusionArb, (c, x) => {
        const without = assessEligibility(c.province, toInput(c)).value;
        const withX = assessEligibility(c.province, toInput(c, x)).value;
        expect(withX.recognized).toBe(false);
        expect(withX.exclusion).not.toBeNull();
        if (!without.recognized) expect(withX.recognized).toBe(false);
        // the exclusion changes nothing but the exclusion checks
        expect(withX.situation).toBe(without.situation);
        expect(withX.covered).toBe(without.covered);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  test("recognised ⇔ covered ∧ situation ∧ no exclusion; a recognised case failed no coverage or exclusion check", () => {
    let recognised = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = assessEligibility(c.province, toInput(c)).value;
        expect(r.recognized).toBe(r.covered && r.situation !== null && r.exclusions.length === 0);
        if (r.recognized) {
          recognised++;
          expect(r.failedChecks.filter((f) => f.startsWith("coverage.") || f.startsWith("eligibility.exclusion."))).toEqual([]);
          expect(r.excludedBenefits).toEqual(r.situation === "veteran-relapse" ? ["oneTimeDisabilitySubsidy"] : []);
        } else {
          expect(r.failedChecks.length).toBeGreaterThan(0);
          expect(r.excludedBenefits).toEqual([]);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(recognised).toBeGreaterThan(5); // the generator reaches recognised cases, so the property says something
  });

  test("the same instant written with another offset gives the same decision", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = toInput(c);
        const utc = `${new Date(c.at - 8 * 3_600_000).toISOString().slice(0, 16)}:00Z`;
        const a = assessEligibility(c.province, input).value;
        const b = assessEligibility(c.province, { ...input, accidentAt: utc }).value;
        expect(b.recognized).toBe(a.recognized);
        expect(b.failedChecks).toEqual(a.failedChecks);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
