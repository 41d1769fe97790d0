/**
 * The zhishang/vitest helper (src/vitest.ts): `scenarioTests(paths)` declares one vitest test per scenario file,
 * failing with the `pretty` report of the run, a warning as an annotation, a path without scenarios as a failing
 * test. It is run here in a child vitest (so that its failures are observed, not suffered) with a reporter that
 * writes every test's name, state, error messages and annotations to a file. The library's main entry never
 * imports vitest: its module graph (src/index.ts and everything it imports) is walked for it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { formatRun, runScenario } from "../../src/index.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SRC = join(ROOT, "src");

interface Result {
  readonly name: string;
  readonly state: string;
  readonly errors: readonly string[];
  readonly annotations: ReadonlyArray<{ readonly type: string; readonly message: string }>;
}

/** Qinghai grade 4: base 6000 × 60% = 3600; 21 × 3600 = 75600; allowance 75% × 3600 = 2700 (not 2800). */
const base = { province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };
const SCENARIOS = {
  "ok.json": { ...base, id: "ok", expect: { oneTimeDisabilitySubsidy: "75600.00" } },
  "wrong.json": { ...base, id: "wrong", expect: { monthlyDisabilityAllowance: "2800.00" } },
  "sub/typo.json": { ...base, id: "typo", kind: "disability-benefit", expectError: { code: "INVALID_INPUT" } },
  "warn.json": { ...base, id: "warn", input: { grade: 11, avgMonthlyWage: "6000.00" }, expectError: { code: "INVALID_INPUT" } },
  // Jiangsu is known only through the registry passed (docs/examples/rule-sets/jiangsu.json, national 100%: 21 × 6000)
  "jiangsu.json": { ...base, id: "jiangsu", province: "jiangsu", expect: { oneTimeDisabilitySubsidy: "126000.00" } },
};

let dir = "";
let results: Result[] = [];

describe("scenarioTests in a child vitest", { timeout: 120_000 }, () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "zhishang-vitest-"));
    for (const [name, doc] of Object.entries(SCENARIOS)) {
      mkdirSync(dirname(join(dir, "scenarios", name)), { recursive: true });
      writeFileSync(join(dir, "scenarios", name), JSON.stringify(doc));
    }
    writeFileSync(join(dir, "scenarios", "broken.json"), "{");
    mkdirSync(join(dir, "empty"));
    writeFileSync(
      join(dir, "vitest.config.mjs"),
      `export default {
  resolve: { alias: [{ find: /^zhishang$/, replacement: ${JSON.stringify(join(SRC, "index.ts"))} }] },
  test: { include: ["*.test.mjs"], reporters: ["./reporter.mjs"] },
};
`,
    );
    writeFileSync(
      join(dir, "reporter.mjs"),
      `import { writeFileSync } from "node:fs";
export default class {
  onTestRunEnd(modules) {
    const out = [];
    for (const m of modules) for (const t of m.children.allTests()) {
      out.push({ name: t.fullName, state: t.result().state, errors: (t.result().errors ?? []).map((e) => e.message),
        annotations: t.annotations().map((a) => ({ type: a.type, message: a.message })) });
    }
    writeFileSync(${JSON.stringify(join(dir, "results.json"))}, JSON.stringify(out));
  }
}
`,
    );
    writeFileSync(
      join(dir, "scenarios.test.mjs"),
      `import { readFileSync } from "node:fs";
import { bundledRuleSets } from "zhishang";
import { scenarioTests } from ${JSON.stringify(join(SRC, "vitest.ts"))};
const registry = bundledRuleSets().load(JSON.parse(readFileSync(${JSON.stringify(join(ROOT, "docs", "examples", "rule-sets", "jiangsu.json"))}, "utf8")));
scenarioTests([${JSON.stringify(join(dir, "scenarios"))}, ${JSON.stringify(join(dir, "empty"))}, ${JSON.stringify(join(dir, "missing"))}], { registry, lang: "en" });
`,
    );
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--root", dir, "--config", join(dir, "vitest.config.mjs")], {
      cwd: dir,
      encoding: "utf8",
      timeout: 110_000,
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    // the child fails: some scenarios are meant to
    if (r.status !== 1) throw new Error(`child vitest exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
    results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as Result[];
  }, 120_000);

  test("one test per scenario file, named by the folder (relative to the working directory) and the file's path in it", () => {
    expect(results.map((r) => [r.name, r.state])).toEqual([
      ["scenarios > broken.json", "failed"],
      ["scenarios > jiangsu.json", "passed"],
      ["scenarios > ok.json", "passed"],
      ["scenarios > sub/typo.json", "failed"],
      ["scenarios > warn.json", "passed"],
      ["scenarios > wrong.json", "failed"],
      ["empty > empty", "failed"],
      ["missing > missing", "failed"],
    ]);
  });

  test("a failure's message is the pretty report of the run", () => {
    const file = join(dir, "scenarios", "wrong.json");
    const expected = formatRun({ ...runScenario(SCENARIOS["wrong.json"]), file }, { lang: "en" });
    expect(expected).toContain('      expected  "2800.00"\n      actual    "2700.00"\n      steps that produced it:\n        4. monthly disability allowance (grade 4)');
    const byName = (suffix: string) => results.find((r) => r.name.endsWith(suffix)) as Result;
    expect(byName(" wrong.json").errors).toEqual([expected]);
    expect(byName(" sub/typo.json").errors[0]).toMatch(/^✗ typo {2}\(.*typo\.json\)\n {4}error\.code\n {6}expected {2}"INVALID_INPUT"\n {6}actual {4}"SCENARIO_INVALID"\n {4}error SCENARIO_INVALID at \["kind"\]: unknown scenario kind/);
    expect(byName(" broken.json").errors[0]).toMatch(/error SCENARIO_INVALID: .*broken\.json: not valid JSON: /);
    expect(byName("empty > empty").errors).toEqual([`no scenario (.json file) in ${join(dir, "empty")}`]);
    expect(byName("missing > missing").errors).toEqual([`cannot read ${join(dir, "missing")}`]);
  });

  test("a warning is an annotation of the test; a test without warnings has none", () => {
    const warn = results.find((r) => r.name.endsWith(" warn.json")) as Result;
    expect(warn.annotations).toEqual([
      { type: "warning", message: 'expectError gives no path: any INVALID_INPUT error passes, one caused by a misspelled input field too; state the path (this run\'s error is at ["input","grade"])' },
    ]);
    expect(results.filter((r) => !r.name.endsWith(" warn.json")).flatMap((r) => r.annotations)).toEqual([]);
  });
});

/** The relative imports of a TypeScript module and every bare (package) import, resolved to files under src/. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => (m[1] ?? m[2]) as string);
  return {
    local: specs.filter((s) => s.startsWith(".")).map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts"))),
    packages: specs.filter((s) => !s.startsWith(".")),
  };
}

test("the main entry (src/index.ts) never imports vitest, directly or through any module it imports", () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stack = [join(SRC, "index.ts")];
  while (stack.length > 0) {
    const f = stack.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    const { local, packages: p } = importsOf(f);
    for (const x of p) packages.add(x.startsWith("@") ? x.split("/").slice(0, 2).join("/") : (x.split("/")[0] as string));
    stack.push(...local);
  }
  expect(seen.size).toBeGreaterThan(40);
  expect(seen.has(join(SRC, "vitest.ts"))).toBe(false);
  expect([...packages].filter((p) => !p.startsWith("node:")).sort()).not.toContain("vitest");
  // and the walk does see the helper's own import of vitest
  expect(importsOf(join(SRC, "vitest.ts")).packages).toContain("vitest");
});
