/**
 * Every scenario kind through `evaluateScenario`, with three families of input:
 *
 * 1. documents whose `input` has the kind's own field names holding arbitrary values (mostly refused);
 * 2. inputs shaped by the kind's published JSON Schema — valid by shape, so they reach the rules, which may still
 *    refuse them (a date before the rules, a calendar not covered, a float not allowed);
 * 3. near-valid documents: a valid fixture with one field replaced, removed or added, or other overrides,
 *    calendars or province.
 *
 * Each evaluation ends in a sound result or a typed error whose path points into the document; the document is
 * deep-frozen and unchanged afterwards.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateScenario, kindNames, PROVINCES, type ZhishangError } from "../../src/index.js";
import { fieldNames, junkArb, mutatedFixtureArb, optionsArb, provinceArb, schemaInputArb, validFixturesOf, VALID_FIXTURES, overridesArb } from "./arbitraries.js";
import { fcParams } from "./seed.js";
import { deepFreeze, expectSound, fingerprint, outcomeOfSync } from "./support.js";

const ENVELOPE = ["id", "title", "note", "province", "kind", "calendars", "options", "overrides", "expect", "expectError", "input"];

/** An error of a scenario points at a field of the document (or at the document itself). */
function expectPathIntoDocument(e: ZhishangError, doc: unknown): void {
  if (e.path.length === 0) return;
  const own = typeof doc === "object" && doc !== null ? Object.keys(doc) : [];
  expect([...ENVELOPE, ...own], `error path ${JSON.stringify(e.path)}`).toContain(e.path[0]);
}

/** Evaluates a frozen document; checks the outcome and that the document is unchanged. Returns the error code or "ok". */
function check(doc: unknown): string {
  deepFreeze(doc);
  const before = fingerprint(doc);
  const r = outcomeOfSync(() => evaluateScenario(doc));
  expect(fingerprint(doc), "the document was changed").toBe(before);
  if (!r.ok) {
    expectPathIntoDocument(r.error, doc);
    return r.error.code;
  }
  expectSound(r.value.output, "output");
  expectSound(r.value.explanation, "explanation");
  expect(r.value.explanation.length).toBeGreaterThan(0);
  r.value.explanation.forEach((s, k) => expect(s.step).toBe(k + 1));
  return "ok";
}

const tally = (): Map<string, number> => new Map();
const bump = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

describe.each(kindNames())("scenario kind %s (property)", (kind) => {
  test("arbitrary values under the kind's field names: a result or a typed error", () => {
    const names = fieldNames(kind);
    const seen = tally();
    fc.assert(
      fc.property(
        provinceArb,
        fc.dictionary(fc.constantFrom(...names, "__proto__", "constructor", "extra"), fc.oneof(junkArb, schemaInputArb(kind).map((i) => (i as Record<string, unknown>)[names[0] as string])), { maxKeys: names.length + 1 }),
        (province, input) => bump(seen, check({ id: "fuzz", province, kind, input })),
      ),
      fcParams(150),
    );
    expect(seen.get("INVALID_INPUT") ?? 0, JSON.stringify([...seen])).toBeGreaterThan(0);
  });

  test("inputs shaped by the kind's JSON Schema reach the rules", () => {
    const seen = tally();
    fc.assert(
      fc.property(fc.constantFrom(...PROVINCES), schemaInputArb(kind), optionsArb, (province, input, options) => {
        const o = (typeof options === "object" && options !== null ? options : {}) as Record<string, unknown>;
        const doc = {
          id: "schema",
          province,
          kind,
          input,
          ...(typeof o.strict === "boolean" ? { options: { strict: o.strict } } : {}),
          ...(o.calendars === undefined ? {} : { calendars: o.calendars }),
        };
        bump(seen, check(doc));
      }),
      fcParams(200),
    );
    // shape-valid inputs are computed, or refused by a rule — rarely by the validator
    const ruleOutcomes = [...seen].filter(([k]) => k !== "INVALID_INPUT").reduce((a, [, n]) => a + n, 0);
    expect(ruleOutcomes, JSON.stringify([...seen])).toBeGreaterThan(0);
  });

  // a kind without a valid fixture has no near-valid family here (the schema-shaped inputs above stand in)
  test.skipIf(validFixturesOf(kind).length === 0)("near-valid documents: one field of a valid fixture changed", () => {
    const fixtures = validFixturesOf(kind);
    const seen = tally();
    fc.assert(
      fc.property(mutatedFixtureArb(fixtures), ({ scenario }) => bump(seen, check(scenario))),
      fcParams(150),
    );
    expect(seen.size, JSON.stringify([...seen])).toBeGreaterThan(1);
  });
});

describe("scenario documents (property)", () => {
  test("the valid fixtures themselves evaluate to sound results", () => {
    for (const f of VALID_FIXTURES) expect(check(structuredClone(f.scenario)), f.file).toBe("ok");
  });

  test("overrides with real parameter values of any province, or junk, on any fixture", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID_FIXTURES), overridesArb, fc.boolean(), (f, overrides, strict) => {
        check({ ...f.scenario, overrides, options: { strict } });
      }),
      fcParams(300),
    );
  });

  test("an unknown kind or province is INVALID_INPUT at that field", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID_FIXTURES), fc.oneof(fc.constant("other-kind"), junkArb), fc.constantFrom("kind", "province"), (f, v, key) => {
        const r = outcomeOfSync(() => evaluateScenario(deepFreeze({ ...f.scenario, [key]: v })));
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe("INVALID_INPUT");
          expect(r.error.path[0]).toBe(key);
        }
      }),
      fcParams(100),
    );
  });

  test("whole documents of junk are refused with INVALID_INPUT", () => {
    fc.assert(
      fc.property(fc.oneof(junkArb, fc.record({ id: junkArb, province: provinceArb, kind: fc.oneof(fc.constantFrom(...kindNames()), junkArb), input: junkArb }, { requiredKeys: [] })), (doc) => {
        const code = check(doc);
        expect(code === "ok" || code === "INVALID_INPUT" || code === "RULE_NOT_DEFINED" || code === "RULE_NOT_IN_FORCE", code).toBe(true);
      }),
      fcParams(300),
    );
  });
});
