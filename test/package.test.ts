/**
 * The published package works: the repository is packed (`npm pack`) in a scratch copy holding no `dist/` — as a
 * fresh clone — so that the `prepack` script is what builds it; the tarball is installed into a new project, and
 * the library is imported from ESM and required from CommonJS, the JSON Schemas are read through the package's
 * exports, and the `zhishang` bin runs through `npx`. The copy's package.json carries another version
 * ({@link PACKED_VERSION}), so that `zhishang --version` is seen to print package.json's version, injected by the
 * build, and not a copy of it kept in the sources.
 *
 * Needs npm and either the npm cache or the registry for the two dependencies (decimal.js, zod): `npm ci` has
 * filled the cache, so `--prefer-offline` normally installs without the network. Takes ~30–60 s (most of it the
 * build). Set ZHISHANG_SKIP_PACKAGE_TEST=1 to skip it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { kindNames, scenarioJsonSchema } from "../src/index.js";

const ROOT = join(import.meta.dirname, "..");
const SKIP = process.env.ZHISHANG_SKIP_PACKAGE_TEST === "1";
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";
/** The version written into the scratch copy's package.json: the repository's, with a pre-release tag. */
const PACKED_VERSION = `${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version}-packtest.1`;

/** What the repository's packing needs: the sources, the build configuration and the shipped documents. */
const STAGED = ["package.json", "README.md", "CHANGELOG.md", "LICENSE", "tsup.config.ts", "tsconfig.json", "src", "scripts", "schemas", "docs"];

/** The environment of the nested npm: the outer `npm test` must not point it at the repository. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(config_(local_)?prefix|config_global|lifecycle_|package_)/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
}

function run(cmd: string, args: string[], cwd: string, input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, env: npmEnv(), input, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Packed {
  readonly filename: string;
  readonly files: ReadonlyArray<{ readonly path: string; readonly mode: number }>;
}

let scratch = "";
let app = "";
let packed: Packed | undefined;

describe.skipIf(SKIP)("the packed package", () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "zhishang-pack-"));
    // A copy, so that the test neither races with a build in the working tree nor leaves anything in it.
    const pkg = join(scratch, "pkg");
    for (const entry of STAGED) if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "junction");
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { version: string };
    writeFileSync(join(pkg, "package.json"), `${JSON.stringify({ ...manifest, version: PACKED_VERSION }, null, 2)}\n`);
    // No build first: `npm pack` runs the prepack script (npm run build), as on a fresh clone.
    if (existsSync(join(pkg, "dist"))) throw new Error("the scratch copy must not hold dist/");
    const pack = run(NPM, ["pack", "--json", "--pack-destination", scratch], pkg);
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
    // The build's output (lifecycle scripts write to npm's stdout) comes before the JSON array.
    const json = pack.stdout.search(/^\[$/m);
    if (json < 0) throw new Error(`npm pack printed no JSON:\n${pack.stdout}`);
    packed = (JSON.parse(pack.stdout.slice(json)) as Packed[])[0];
    app = join(scratch, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "zhishang-consumer", private: true, version: "0.0.0" }));
    const tarball = join(scratch, (packed as Packed).filename);
    const install = run(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock", tarball], app);
    if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  }, 180_000);

  afterAll(() => {
    if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
  });

  // Before the prepack script the tarball of a copy without dist/ held no build at all (and the bin was missing).
  test("npm pack builds through prepack: the tarball holds dist/index.js, dist/index.cjs and dist/cli.js", () => {
    const files = (packed as Packed).files.map((f) => f.path);
    for (const f of ["dist/index.js", "dist/index.cjs", "dist/cli.js"]) expect(files).toContain(f);
    expect((packed as Packed).filename).toBe(`zhishang-${PACKED_VERSION}.tgz`);
  });

  test("the tarball holds the build, the schemas, the README, the CHANGELOG and the docs the results cite, and nothing else", () => {
    const files = (packed as Packed).files.map((f) => f.path).sort();
    for (const f of ["package.json", "README.md", "CHANGELOG.md", "dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "dist/cli.js"]) {
      expect(files).toContain(f);
    }
    for (const kind of kindNames()) expect(files).toContain(`schemas/${kind}.json`);
    expect(files).toContain("schemas/scenario.json");
    // explanations cite docs/decisions.md#C4 and docs/sources.md#B1; the README links docs/ (the API pages stay out)
    for (const f of ["docs/decisions.md", "docs/sources.md", "docs/scenarios.md", "docs/examples/rule-sets/jiangsu.json"]) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith("docs/api/"))).toEqual([]);
    expect(files.filter((f) => !/^(dist|schemas)\/|^docs\/([a-z-]+\.md|examples\/.+)$|^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f))).toEqual([]);
  });

  test("the main entry never loads vitest; zhishang/vitest is its own entry (ESM, CommonJS, types)", () => {
    const files = (packed as Packed).files.map((f) => f.path);
    for (const f of ["dist/vitest.js", "dist/vitest.cjs", "dist/vitest.d.ts", "dist/vitest.d.cts"]) expect(files).toContain(f);
    const dist = join(app, "node_modules", "zhishang", "dist");
    const loadsVitest = /\bfrom\s*["']vitest["']|\bimport\(\s*["']vitest["']|\brequire\(\s*["']vitest["']/;
    for (const f of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) expect(readFileSync(join(dist, f), "utf8"), f).not.toMatch(loadsVitest);
    expect(readFileSync(join(dist, "vitest.js"), "utf8")).toMatch(loadsVitest);
    // the helper runs the package's main entry, not a copy of the library
    expect(readFileSync(join(dist, "vitest.js"), "utf8")).toMatch(/\bfrom\s*["']zhishang["']/);
    expect(readFileSync(join(dist, "vitest.cjs"), "utf8")).toMatch(/\brequire\(\s*["']zhishang["']\)/);
  });

  // vitest is an optional peer dependency: the consumer brings it (here the repository's, linked into the project).
  test("zhishang/vitest turns scenario files into vitest tests in a consumer project", () => {
    symlinkSync(join(ROOT, "node_modules", "vitest"), join(app, "node_modules", "vitest"), "junction");
    mkdirSync(join(app, "scenarios"));
    const scenario = { id: "grade-4", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };
    writeFileSync(join(app, "scenarios", "grade-4.json"), JSON.stringify({ ...scenario, expect: { oneTimeDisabilitySubsidy: "75600.00" } }));
    writeFileSync(join(app, "scenarios.test.mjs"), `import { scenarioTests } from "zhishang/vitest";\nscenarioTests(["scenarios"], { lang: "en" });\n`);
    const vitest = [join(app, "node_modules", "vitest", "vitest.mjs"), "run", "--root", app];
    const ok = run(process.execPath, vitest, app);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const plain = (t: string) => t.replace(/\u001b\[[0-9;]*m/g, "");
    expect(plain(ok.stdout)).toMatch(/Tests {2}1 passed \(1\)/);
    // 21 × 3600 = 75600, not 75600.01: the failure shows the step and its article
    writeFileSync(join(app, "scenarios", "grade-4.json"), JSON.stringify({ ...scenario, expect: { oneTimeDisabilitySubsidy: "75600.01" } }));
    const failed = run(process.execPath, vitest, app);
    expect(failed.status).toBe(1);
    expect(plain(failed.stdout + failed.stderr)).toContain("source: Qinghai implementing measures (trial), annex 1, art. 26 para. 2");
  });

  // fastify is an optional peer dependency: the main entry and the CLI's start never load it; zhishang/service is
  // given the consumer's fastify (here the repository's, linked into the project).
  test("the main entry never loads fastify; zhishang/service builds the service in a consumer project (ESM and CommonJS)", () => {
    const dist = join(app, "node_modules", "zhishang", "dist");
    const loadsFastify = /\bfrom\s*["']fastify["']|\bimport\(\s*["']fastify["']|\brequire\(\s*["']fastify["']/;
    for (const f of ["index.js", "index.cjs", "service.js", "service.cjs"]) expect(readFileSync(join(dist, f), "utf8"), f).not.toMatch(loadsFastify);
    expect(readFileSync(join(dist, "service.js"), "utf8")).toMatch(/\bfrom\s*["']zhishang["']/);
    symlinkSync(join(ROOT, "node_modules", "fastify"), join(app, "node_modules", "fastify"), "junction");
    const body = JSON.stringify({ id: "q4", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } });
    writeFileSync(join(app, "service.mjs"), [
      'import fastify from "fastify";',
      'import { loadProcessData } from "zhishang";',
      'import { buildService } from "zhishang/service";',
      'const app = await buildService(fastify, { data: loadProcessData(), logLevel: "silent" });',
      `const r = await app.inject({ method: "POST", url: "/v1/evaluate?explain=none", payload: ${JSON.stringify(body)} });`,
      'console.log(r.statusCode, r.headers["x-zhishang-version"], r.json().output.oneTimeDisabilitySubsidy);',
      "await app.close();",
    ].join("\n"));
    const esm = run(process.execPath, ["service.mjs"], app);
    // 21 months × (6000 × 0.6) = 75600
    expect(esm.stdout + esm.stderr).toBe(`200 ${PACKED_VERSION} 75600.00\n`);
    writeFileSync(join(app, "service.cjs"), [
      'const { buildService, statusOf } = require("zhishang/service");',
      'console.log(typeof buildService, statusOf({ code: "INVALID_INPUT", path: ["input", "grade"] }));',
    ].join("\n"));
    const cjs = run(process.execPath, ["service.cjs"], app);
    expect(cjs.stdout + cjs.stderr).toBe("function 422\n");
  });

  test("the bin has a shebang and is executable", () => {
    const cli = join(app, "node_modules", "zhishang", "dist", "cli.js");
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    if (process.platform !== "win32") expect(statSync(cli).mode & 0o111).not.toBe(0);
  });

  test("import from ESM", () => {
    writeFileSync(
      join(app, "esm.mjs"),
      `import { computeDisabilityBenefits } from "zhishang";
const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" });
console.log(JSON.stringify({ subsidy: r.value.oneTimeDisabilitySubsidy, format: typeof import.meta.url }));
`,
    );
    const r = run(process.execPath, ["esm.mjs"], app);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ subsidy: "75600.00", format: "string" });
  });

  test("require from CommonJS", () => {
    writeFileSync(
      join(app, "cjs.cjs"),
      `const { computeDisabilityBenefits, ZhishangError } = require("zhishang");
const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" });
let code = null;
try { computeDisabilityBenefits("qinghai", { grade: 11, avgMonthlyWage: "6000.00" }); } catch (e) { code = e instanceof ZhishangError ? e.code : "other"; }
console.log(JSON.stringify({ subsidy: r.value.oneTimeDisabilitySubsidy, code, path: require.resolve("zhishang").endsWith("index.cjs") }));
`,
    );
    const r = run(process.execPath, ["cjs.cjs"], app);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ subsidy: "75600.00", code: "INVALID_INPUT", path: true });
  });

  test("the JSON Schemas are reachable through the package's exports", () => {
    writeFileSync(
      join(app, "schema.cjs"),
      `console.log(JSON.stringify(require("zhishang/schemas/disability-benefits.json")));\n`,
    );
    const r = run(process.execPath, ["schema.cjs"], app);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(scenarioJsonSchema("disability-benefits"));
  });

  test("npx zhishang eval runs the bin on a scenario from stdin", () => {
    const scenario = { id: "x", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };
    const r = run(NPX, ["--no", "--", "zhishang", "eval"], app, JSON.stringify(scenario));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { output: Record<string, unknown>; explanation: unknown[] };
    expect(out.output.oneTimeDisabilitySubsidy).toBe("75600.00");
    expect(out.explanation.length).toBeGreaterThan(0);
  });

  // Before the build injected it, VERSION was a hand copy ("0.1.0") and printed that whatever package.json said.
  test("npx zhishang --version prints the packed package.json's version", () => {
    const r = run(NPX, ["--no", "--", "zhishang", "--version"], app);
    expect(r.stdout, r.stderr).toBe(`${PACKED_VERSION}\n`);
  });

  test("npx zhishang eval FILE reads the scenario from the file", () => {
    const scenario = { id: "x", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };
    writeFileSync(join(app, "one.json"), `\uFEFF${JSON.stringify(scenario)}`);
    const r = run(NPX, ["--no", "--", "zhishang", "eval", "one.json"], app);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { output: Record<string, unknown> }).output.oneTimeDisabilitySubsidy).toBe("75600.00");
  });
});
