/**
 * Determinism: identical inputs give byte-identical outputs — twice in one process, in a fresh instance of the
 * modules, and in child processes under other host time zones (the library must not read the host's zone,
 * locale or clock).
 *
 * The child processes run the same source: it is bundled with esbuild (tsup's own bundler) into a temporary
 * directory, so the check does not depend on a stale dist/.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as lib from "../../src/index.js";
import { FIXTURES } from "./arbitraries.js";

type Lib = typeof lib;

/** Orders whose China-time day depends on the offset: the cases a host time zone would get wrong. */
const ORDERS = [
  ["2026-03-31T23:59:59+08:00", "2026-03-31T16:00:00Z", "2026-03-31T11:59:59-04:00", "2026-07-01T00:00:00+08:00", "2026-06-30T15:59:59Z"],
  [Date.UTC(2026, 6, 1) - 8 * 3_600_000, Date.UTC(2026, 6, 1) - 8 * 3_600_000 - 1, Date.UTC(2026, 11, 31, 16)],
].flat().map((endedAt, k) => ({
  platform: k % 2 === 0 ? "meituan" : "didi",
  industry: k % 2 === 0 ? "instant-delivery" : "ride-hailing",
  status: "delivered",
  endedAt,
  workerRegistered: true,
  workerInScope: true,
  startedInProvince: true,
})) as unknown as lib.OrderRecord[];

/**
 * Everything the comparison covers, as one JSON text: every fixture's result or error, and some order tallies.
 * One source text, run here and in the child processes (so the two cannot drift apart).
 */
const EVALUATE_ALL = `(m, FIXTURES, ORDERS) => {
  const fixtures = FIXTURES.map((f) => {
    const r = m.safeEvaluateScenario(f.scenario);
    return [f.file, r.ok ? r.value : { error: r.error.toJSON() }];
  });
  const orders = m.PROVINCES.map((p) => {
    try {
      return [p, m.countOrders(p, ORDERS).value, ORDERS.map((o) => m.decideOrder(p, o).value)];
    } catch (e) {
      return [p, m.isZhishangError(e) ? e.code : String(e)];
    }
  });
  return JSON.stringify({ fixtures, orders });
}`;
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const evaluateAllWith = new Function(`return ${EVALUATE_ALL}`)() as (m: Lib, fixtures: typeof FIXTURES, orders: typeof ORDERS) => string;
const evaluateAll = (m: Lib): string => evaluateAllWith(m, FIXTURES, ORDERS);

describe("determinism", () => {
  test("every fixture twice in one process: byte-identical JSON", () => {
    const a = evaluateAll(lib);
    const b = evaluateAll(lib);
    expect(a.length).toBeGreaterThan(100_000);
    expect(b).toBe(a);
  });

  test("a fresh instance of the modules gives the same bytes (no state carried between calls)", async () => {
    const before = evaluateAll(lib);
    vi.resetModules();
    const fresh = (await import("../../src/index.js")) as Lib;
    expect(fresh.evaluateScenario).not.toBe(lib.evaluateScenario); // really another instance
    expect(evaluateAll(fresh)).toBe(before);
  });

  describe("child processes under other host time zones", () => {
    let dir = "";
    let reference = "";

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "zhishang-tz-"));
      await build({
        entryPoints: [join(import.meta.dirname, "..", "..", "src", "index.ts")],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        outfile: join(dir, "index.mjs"),
        logLevel: "silent",
      });
      // the child evaluates the same fixtures, in the same order, and prints the JSON
      const fixtures = JSON.stringify(FIXTURES);
      const orders = JSON.stringify(ORDERS);
      writeFileSync(
        join(dir, "run.mjs"),
        `import * as m from "./index.mjs";
const FIXTURES = ${fixtures};
const ORDERS = ${orders};
process.stdout.write((${EVALUATE_ALL})(m, FIXTURES, ORDERS));
`,
      );
      reference = evaluateAll(lib);
    }, 60_000);

    afterAll(() => {
      if (dir !== "") rmSync(dir, { recursive: true, force: true });
    });

    const ZONES = ["Asia/Shanghai", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"];
    test.each(ZONES)("TZ=%s: byte-identical to this process", (tz) => {
      const r = spawnSync(process.execPath, [join(dir, "run.mjs")], {
        env: { ...process.env, TZ: tz, LANG: "C", LC_ALL: "C" },
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      // the zone really is in effect in the child (a guard against a test that cannot fail)
      const offset = spawnSync(process.execPath, ["-e", "process.stdout.write(String(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()))"], { env: { ...process.env, TZ: tz }, encoding: "utf8" }).stdout;
      expect(offset).toBe({ "Asia/Shanghai": "-480", "America/New_York": "300", "Pacific/Kiritimati": "-840", "Etc/GMT+12": "720", UTC: "0" }[tz]);
      expect(r.stdout.length).toBe(reference.length);
      expect(r.stdout === reference).toBe(true);
    }, 60_000);
  });
});
