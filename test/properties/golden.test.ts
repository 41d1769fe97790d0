/**
 * Nothing drifts: the complete result of every fixture — the output, every explanation step (rules, inputs,
 * parameters with their provenance, citations, notes, rounding), or the error with its messages — is pinned by a
 * SHA-256 digest of its JSON in test/properties/golden/fixtures.json.
 *
 * test/fixtures.test.ts checks the figures each fixture states by hand (`expect`); this test catches every other
 * change: a citation, a note, a rounding remark, a parameter's provenance, an error message. The suite runs under
 * several host time zones in CI, so the digests also pin results across zones.
 *
 * After an intended change, review the new results and re-record:
 *   GOLDEN_UPDATE=1 npx vitest run test/properties/golden.test.ts
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { explain, safeEvaluateScenario } from "../../src/index.js";
import { FIXTURES } from "./arbitraries.js";

const GOLDEN = join(import.meta.dirname, "golden", "fixtures.json");
const UPDATE = process.env.GOLDEN_UPDATE === "1";

function resultOf(scenario: unknown): { json: string; text: string } {
  const r = safeEvaluateScenario(scenario);
  const json = JSON.stringify(r.ok ? r.value : { error: r.error.toJSON() });
  return { json, text: r.ok ? explain(r.value, { lang: "en" }) : r.error.message };
}

const digest = (s: string): string => createHash("sha256").update(s).digest("hex");

// Update mode records every fixture's digest before the tests read the file.
if (UPDATE) {
  const all = Object.fromEntries(FIXTURES.map((f) => [f.file, digest(resultOf(f.scenario).json)]));
  writeFileSync(GOLDEN, `${JSON.stringify(all, null, 2)}\n`);
}
const recorded = JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, string>;
const files = new Set(FIXTURES.map((f) => f.file));

describe("golden results of the fixtures", () => {
  test("every fixture has a recorded digest, and every digest a fixture", () => {
    const hint = "run GOLDEN_UPDATE=1 npx vitest run test/properties/golden.test.ts after reviewing the results";
    expect([...files].filter((f) => !(f in recorded)), `fixtures without a digest: ${hint}`).toEqual([]);
    expect(Object.keys(recorded).filter((f) => !files.has(f)), `digests without a fixture: ${hint}`).toEqual([]);
  });

  // each fixture is evaluated inside its own test (so mutation testing can tell which test covers what)
  test.each(FIXTURES.filter((f) => f.file in recorded).map((f) => [f.file, f] as const))("%s", (file, f) => {
    const { json, text } = resultOf(f.scenario);
    const got = digest(json);
    if (got !== recorded[file]) {
      // show what the result is now, to review the change
      expect.fail(`${file}: the result changed (digest ${got} ≠ recorded ${String(recorded[file])}).\n${text.slice(0, 4000)}\n${json.slice(0, 2000)}`);
    }
    expect(got).toMatch(/^[0-9a-f]{64}$/);
  });
});
