/**
 * The replay contract of the property suites: every property runs with the seed from FC_SEED (42 by default), and a
 * failure prints that seed and the path of the shrunk counterexample, which FC_SEED + FC_PATH replay exactly.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fcParams, FC_SEED } from "./seed.js";

describe("fast-check settings", () => {
  test("the seed comes from FC_SEED, 42 by default", () => {
    expect(FC_SEED).toBe(process.env.FC_SEED === undefined || process.env.FC_SEED === "" ? 42 : Number(process.env.FC_SEED));
    expect(fcParams(10).seed).toBe(FC_SEED);
    expect(fcParams(10).numRuns).toBeGreaterThanOrEqual(10);
  });

  test("a failing property reports its seed and path, and the path replays the same counterexample", () => {
    let report = "";
    try {
      fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (n) => n < 500), { seed: FC_SEED, numRuns: 200 });
    } catch (e) {
      report = String((e as Error).message);
    }
    expect(report).toContain(`seed: ${FC_SEED}`);
    const path = /path: "([^"]+)"/.exec(report)?.[1];
    if (path === undefined) expect.fail(`no path in the report: ${report}`);
    expect(report).toContain("Counterexample: [500]"); // shrunk to the boundary
    // replaying with the printed seed and path fails at once on the same counterexample
    let replay = "";
    try {
      fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (n) => n < 500), { seed: FC_SEED, path, endOnFailure: true });
    } catch (e) {
      replay = String((e as Error).message);
    }
    expect(replay).toContain("Counterexample: [500]");
    expect(replay).toContain("Property failed after 1 tests");
  });
});
