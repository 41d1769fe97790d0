/**
 * Hostile scenario documents, for every kind: `__proto__` / `constructor` / `prototype` keys (as JSON.parse makes
 * them: own properties), huge and odd numbers, 10 MB strings in every string field, deeply nested and very wide
 * values. Each is refused with INVALID_INPUT (or computed, for numbers that happen to be valid), without polluting a
 * prototype, within a bounded time and memory, and with an error message of bounded size.
 */
import { describe, expect, test } from "vitest";
import { evaluateScenario, kindNames, runScenario } from "../../src/index.js";
import { pathsOf, valueAt, VALID_FIXTURES, withValueAt, type Fixture } from "./arbitraries.js";
import { deepFreeze, expectSound, outcomeOfSync, prototypesFingerprint } from "./support.js";

const TEN_MB = 10 * 1024 * 1024;
const HUGE = "9".repeat(TEN_MB);
const HUGE_TEXT = "职".repeat(TEN_MB / 2);
/** Nesting depth of the deep values (the test's own recursive helpers stay well within the stack). */
const DEPTH = 10_000;

/** One valid fixture per kind (the first in path order). */
const ONE_PER_KIND: readonly Fixture[] = kindNames()
  .map((k) => VALID_FIXTURES.find((f) => f.scenario.kind === k))
  .filter((f): f is Fixture => f !== undefined);

/**
 * Evaluates `doc`, deep-frozen (a write into it throws, failing the test), checking the bounds; returns "ok" or the
 * error code.
 */
function evaluateBounded(doc: unknown, what: string, maxMs = 2000): string {
  const protos = prototypesFingerprint();
  deepFreeze(doc);
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const r = outcomeOfSync(() => evaluateScenario(doc));
  const ms = performance.now() - t0;
  const grown = process.memoryUsage().heapUsed - heap0;
  expect(ms, `${what}: time`).toBeLessThan(maxMs); // a generous ceiling against pathological cases, not a benchmark
  expect(grown, `${what}: heap growth`).toBeLessThan(256 * 1024 * 1024);
  expect(prototypesFingerprint(), `${what}: a prototype was changed`).toBe(protos);
  expect(({} as Record<string, unknown>).polluted, what).toBeUndefined();
  if (r.ok) {
    expectSound(r.value.output, what);
    return "ok";
  }
  return r.error.code;
}

describe("hostile documents (every kind)", { timeout: 120_000 }, () => {
  test("there is a valid fixture of most kinds to start from", () => {
    expect(ONE_PER_KIND.length).toBeGreaterThanOrEqual(kindNames().length - 1);
  });

  test.each(ONE_PER_KIND.map((f) => [f.scenario.kind as string, f] as const))("%s: __proto__, constructor and prototype keys", (_kind, f) => {
    const text = JSON.stringify(f.scenario);
    const objects = [[], ...pathsOf(f.scenario).filter((p) => { const v = valueAt(f.scenario, p); return p[0] !== "expect" && typeof v === "object" && v !== null && !Array.isArray(v); })];
    for (const p of objects) {
      for (const key of ["__proto__", "constructor", "prototype"]) {
        // built the way JSON.parse builds it: an own property named "__proto__"
        const injected = JSON.parse(JSON.stringify(withValueAt(JSON.parse(text), [...p, "__hostile__"], { polluted: true, prototype: { polluted: true } })).replace('"__hostile__"', JSON.stringify(key)));
        expect(Object.hasOwn(valueAt(injected, p) as object, key), `${key} is an own key`).toBe(true);
        const code = evaluateBounded(deepFreeze(injected), `${f.file} ${[...p, key].join(".")}`);
        // an unknown key is refused wherever it is: every object of a scenario is strict (overrides: by name)
        expect(code, `${f.file} ${[...p, key].join(".")}`).toBe("INVALID_INPUT");
      }
    }
  });

  test.each(ONE_PER_KIND.map((f) => [f.scenario.kind as string, f] as const))("%s: a 10 MB string in every string field", (_kind, f) => {
    const strings = pathsOf(f.scenario).filter((p) => typeof valueAt(f.scenario, p) === "string" && p[0] !== "title" && p[0] !== "note" && p[0] !== "expect");
    expect(strings.length).toBeGreaterThan(0);
    for (const p of strings) {
      for (const big of [HUGE, HUGE_TEXT]) {
        const code = evaluateBounded(withValueAt(f.scenario, p, big), `${f.file} ${p.join(".")}`);
        expect(code, `${f.file} ${p.join(".")}`).toBe("INVALID_INPUT");
      }
    }
    // title and note are free text of bounded length too
    expect(evaluateBounded({ ...f.scenario, title: HUGE_TEXT }, `${f.file} title`)).toBe("INVALID_INPUT");
    expect(evaluateBounded({ ...f.scenario, note: HUGE_TEXT }, `${f.file} note`)).toBe("INVALID_INPUT");
  });

  test.each(ONE_PER_KIND.map((f) => [f.scenario.kind as string, f] as const))("%s: huge and odd numbers in every field", (_kind, f) => {
    const fields = pathsOf(f.scenario).filter((p) => p[0] === "input" || p[0] === "overrides");
    const odd = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31), 1e-320, -0, 0.1 + 0.2, 1e21, 4.5, -1];
    for (const p of fields) {
      for (const n of odd) {
        const code = evaluateBounded(withValueAt(f.scenario, p, n), `${f.file} ${p.join(".")} := ${n}`);
        expect(typeof code).toBe("string");
      }
      // numbers as digit strings far beyond any amount
      expect(evaluateBounded(withValueAt(f.scenario, p, "1".repeat(400)), `${f.file} ${p.join(".")} := 1…1`)).not.toBe("ok");
    }
  });

  test.each(ONE_PER_KIND.map((f) => [f.scenario.kind as string, f] as const))("%s: deeply nested and very wide values", (_kind, f) => {
    let deepObject: unknown = 1;
    let deepArray: unknown = 1;
    for (let k = 0; k < DEPTH; k++) {
      deepObject = { a: deepObject };
      deepArray = [deepArray];
    }
    const wide = Object.fromEntries(Array.from({ length: 20_000 }, (_, k) => [`k${k}`, k]));
    const long = Array.from({ length: 100_000 }, () => 0);
    deepFreeze([deepObject, deepArray, wide, long]); // once (evaluateBounded skips what is already frozen)
    // the envelope's objects and the input's own fields (its first six, in document order)
    const targets: Array<Array<string | number>> = [["input"], ["overrides"], ["calendars"], ["options"], ...pathsOf(f.scenario).filter((p) => p[0] === "input" && p.length === 2).slice(0, 6)];
    for (const p of targets) {
      for (const [name, v] of [["deep object", deepObject], ["deep array", deepArray], ["wide object", wide], ["long array", long]] as const) {
        const code = evaluateBounded(withValueAt(f.scenario, p, v), `${f.file} ${p.join(".")} := ${name}`, 4000);
        expect(code, `${f.file} ${p.join(".")} := ${name}`).toBe("INVALID_INPUT");
      }
    }
  });
});

describe("hostile expectations (runScenario)", { timeout: 60_000 }, () => {
  test("expect with prototype keys, deep nesting and 10 MB strings: compared, never polluting, bounded", () => {
    const f = ONE_PER_KIND[0] as Fixture;
    let deep: unknown = "x";
    for (let k = 0; k < DEPTH; k++) deep = { a: deep };
    const protos = prototypesFingerprint();
    const docs = [
      JSON.parse(JSON.stringify({ ...f.scenario, expect: { __hostile__: { polluted: true } } }).replace('"__hostile__"', '"__proto__"')),
      { ...f.scenario, expect: { constructor: { prototype: { polluted: true } } } },
      { ...f.scenario, expect: { deep } },
      { ...f.scenario, expect: { big: HUGE } },
    ];
    for (const d of docs) {
      const t0 = performance.now();
      const run = runScenario(deepFreeze(d));
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(run.pass).toBe(false); // none of these keys is in the output
      expect(run.mismatches.length).toBeGreaterThan(0);
      expect(prototypesFingerprint()).toBe(protos);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  test("a whole document of 10 MB, or nested 10,000 deep, is refused quickly", () => {
    let deep: unknown = {};
    for (let k = 0; k < DEPTH; k++) deep = { id: "d", province: "qinghai", kind: "disability-benefits", input: deep };
    expect(evaluateBounded(deep, "nested documents")).toBe("INVALID_INPUT");
    expect(evaluateBounded({ id: HUGE, province: "qinghai", kind: "disability-benefits", input: {} }, "10 MB id")).toBe("INVALID_INPUT");
    expect(evaluateBounded({ id: "k", province: "qinghai", kind: HUGE, input: {} }, "10 MB kind")).toBe("INVALID_INPUT");
    expect(evaluateBounded({ id: "k", province: HUGE_TEXT, kind: "disability-benefits", input: {} }, "10 MB province")).toBe("INVALID_INPUT");
  });
});
