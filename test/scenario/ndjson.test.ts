/**
 * `zhishang eval --ndjson` as a real process: the CLI is built once (tsup, into a temporary folder: the package's
 * dist/ is left alone) and spawned with node. 10,000 scenario lines with bad lines in the middle come back as
 * 10,000 result lines in input order, each with its input line number and id; a client that writes one line and
 * waits is answered before it writes the next; the process-data files are checked at start.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "tsup";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
// inside the package, so that the build's external dependencies (zod, decimal.js…) resolve from node_modules/
mkdirSync(join(ROOT, "node_modules", ".cache"), { recursive: true });
const OUT = mkdtempSync(join(ROOT, "node_modules", ".cache", "zhishang-ndjson-"));
const CLI = join(OUT, "cli.js");

beforeAll(async () => {
  await build({
    entry: { cli: join(ROOT, "src", "cli.ts") },
    outDir: OUT,
    format: ["esm"],
    target: "node20",
    platform: "node",
    silent: true,
    config: false,
    define: { __ZHISHANG_VERSION__: JSON.stringify(PACKAGE_VERSION) },
  });
}, 60_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** The fixtures that evaluate without an error, one JSON line each, with their ids. */
const VALID = readdirSync(join(ROOT, "fixtures")).sort().flatMap((p) =>
  readdirSync(join(ROOT, "fixtures", p)).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(join(ROOT, "fixtures", p, f), "utf8")) as Record<string, unknown>))
  .filter((d) => d.expect !== undefined);

function evalNdjson(args: string[], input: string): { code: number | null; lines: Array<Record<string, unknown>>; err: string } {
  const r = spawnSync(process.execPath, [CLI, "eval", "--ndjson", ...args], { input, encoding: "utf8", maxBuffer: 1 << 30, timeout: 60_000 });
  const lines = r.stdout.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code: r.status, lines, err: r.stderr };
}

describe("zhishang eval --ndjson (a real process)", () => {
  test("10,000 lines with bad ones in the middle: one result each, in order, with line numbers and ids; exit 1", () => {
    const input: string[] = [];
    /** line number (1-based) → what the result line must be */
    const want = new Map<number, { id?: string; error?: string }>();
    for (let k = 0; input.length < 10_000; k++) {
      const n = input.length + 1;
      if (n === 5000) {
        input.push("{ not json");
        want.set(n, { error: "INVALID_INPUT" });
      } else if (n === 5001) {
        input.push("42");
        want.set(n, { error: "INVALID_INPUT" });
      } else if (n === 5002) {
        input.push(JSON.stringify({ id: "unknown-kind", province: "qinghai", kind: "no-such-kind", input: {} }));
        want.set(n, { id: "unknown-kind", error: "INVALID_INPUT" });
      } else if (n === 5003 || n === 7777) {
        input.push("   "); // blank: skipped, but counted in the line numbers
      } else {
        const doc = VALID[k % VALID.length] as Record<string, unknown>;
        // every tenth line ends with \r\n, as a file written on Windows does
        input.push(JSON.stringify(doc) + (n % 10 === 0 ? "\r" : ""));
        want.set(n, { id: doc.id as string });
      }
    }
    const r = evalNdjson(["--explain", "none"], `${input.join("\n")}\n`);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(9998); // 10,000 lines, 2 blank
    expect(r.lines.map((l) => l.line)).toEqual([...want.keys()]);
    for (const l of r.lines) {
      const w = want.get(l.line as number) as { id?: string; error?: string };
      expect(l.id).toBe(w.id);
      if (w.error === undefined) {
        expect(Object.keys(l)).toEqual(["line", "id", "output", "ruleSet", "assumptions", "version"]);
        expect(l.version).toBe(PACKAGE_VERSION);
      } else {
        expect((l.error as { code: string }).code).toBe(w.error);
      }
    }
    expect(r.lines[4999]).toMatchObject({ line: 5000, error: { code: "INVALID_INPUT", path: [], messageEn: expect.stringMatching(/^line 5000: not valid JSON: /), messageZh: "第 5000 行不是有效的 JSON" } });
    expect(r.lines[5001]).toMatchObject({ line: 5002, id: "unknown-kind", error: { path: ["kind"] } });
  }, 30_000);

  test("all lines valid: exit 0; explained by default (--explain json); progress on stderr with --progress", () => {
    const lines = VALID.slice(0, 40).map((d) => JSON.stringify(d));
    const r = evalNdjson(["--progress"], lines.join("\n")); // no newline after the last line
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => l.line)).toEqual(lines.map((_, k) => k + 1));
    expect(r.lines.every((l) => Array.isArray(l.explanation) && (l.explanation as unknown[]).length > 0)).toBe(true);
    expect(r.err).toBe("zhishang eval: 40 lines, 0 errors (done)\n");
  }, 15_000);

  test("a client that writes one line and waits is answered before it writes the next", async () => {
    const child = spawn(process.execPath, [CLI, "eval", "--ndjson", "--explain", "none"], { stdio: ["pipe", "pipe", "pipe"] });
    child.stdout.setEncoding("utf8");
    let buffer = "";
    const next = (): Promise<Record<string, unknown>> => new Promise((resolve) => {
      const take = (): boolean => {
        const end = buffer.indexOf("\n");
        if (end === -1) return false;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        resolve(JSON.parse(line) as Record<string, unknown>);
        return true;
      };
      if (take()) return;
      const onData = (chunk: string): void => {
        buffer += chunk;
        if (take()) child.stdout.off("data", onData);
      };
      child.stdout.on("data", onData);
    });
    const answers: Array<Record<string, unknown>> = [];
    for (const doc of VALID.slice(0, 3)) {
      child.stdin.write(`${JSON.stringify(doc)}\n`);
      answers.push(await next());
    }
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(answers.map((a) => [a.line, a.id])).toEqual(VALID.slice(0, 3).map((d, k) => [k + 1, d.id]));
  }, 15_000);

  test("usage errors and refused data files exit 2 before any line is read; --statistics and --calendar apply", () => {
    expect(evalNdjson(["--explain", "zh"], "")).toMatchObject({ code: 2, lines: [] });
    expect(evalNdjson(["scenario.json"], "").code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "zhishang-data-"));
    const bad = join(dir, "stats.json");
    writeFileSync(bad, JSON.stringify({ nationalUrbanDisposableIncome: [{ year: 2026, value: 58000 }] }));
    const refused = evalNdjson(["--statistics", bad], "{}\n");
    expect(refused.code).toBe(2);
    expect(refused.lines).toEqual([]);
    expect(JSON.parse(refused.err)).toMatchObject({ file: bad, error: { code: "INVALID_INPUT", path: ["nationalUrbanDisposableIncome", 0, "value"], messageEn: expect.stringContaining(`${bad}: `) } });
    const missing = evalNdjson(["--calendar", join(dir, "none.json")], "{}\n");
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.err)).toMatchObject({ error: { code: "INVALID_INPUT", messageEn: expect.stringMatching(/no such file$/) } });
    // a death in 2027 needs the income of 2026, not bundled: the statistics file gives it (20 × 58000 = 1160000)
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ nationalUrbanDisposableIncome: [{ year: 2026, value: "58000", source: "test" }] }));
    const death = { id: "d", province: "qinghai", kind: "death-benefits", input: { context: "death-from-injury", deathDate: "2027-03-01", avgMonthlyWage: "6000.00" } };
    const r = evalNdjson(["--statistics", good, "--explain", "none"], `${JSON.stringify(death)}\n`);
    expect(r.code).toBe(0);
    expect((r.lines[0]?.output as Record<string, unknown>).oneTimeDeathSubsidy).toBe("1160000.00");
    // without it: STATISTIC_NOT_AVAILABLE, exit 1
    expect(evalNdjson([], `${JSON.stringify(death)}\n`)).toMatchObject({ code: 1, lines: [{ line: 1, id: "d", error: { code: "STATISTIC_NOT_AVAILABLE" } }] });
  }, 15_000);
});
