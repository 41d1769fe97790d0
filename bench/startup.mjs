/**
 * Benchmark: how long importing the package takes, and how big it is (npm run bench; alone: npm run bench:startup).
 *
 * Import time: a fresh `node` process per run imports dist/index.js (ESM) or requires dist/index.cjs (CJS) and reports
 * the time of the import itself (performance.now() before and after, so Node's own start-up is not counted); the
 * whole process is timed too, against an empty `node -e ""`. Median and range over `--runs` runs (default 21).
 *
 * Size: dist/index.js minified with esbuild and gzipped with zlib (level 9) — the library's own code, decimal.js and
 * zod left as imports — and the same entry bundled with its dependencies (what an application ships at most).
 *
 *   npm run bench:startup
 *   node bench/startup.mjs --runs 51 --json
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { args, argValue, printMachine, ROOT, machine } from "./support.mjs";

const RUNS = argValue("--runs", 21);
const esm = pathToFileURL(join(ROOT, "dist", "index.js")).href;
const cjs = join(ROOT, "dist", "index.cjs");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeChild(code, type) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--input-type", type, "-e", code], { encoding: "utf8" });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  return { inner: r.stdout.trim() === "" ? null : Number(r.stdout.trim()), wall };
}

const esmCode = `const t0 = performance.now(); const m = await import(${JSON.stringify(esm)}); const t1 = performance.now();
if (typeof m.evaluateScenario !== "function") throw new Error("no export"); process.stdout.write(String(t1 - t0));`;
const cjsCode = `const t0 = performance.now(); const m = require(${JSON.stringify(cjs)}); const t1 = performance.now();
if (typeof m.evaluateScenario !== "function") throw new Error("no export"); process.stdout.write(String(t1 - t0));`;
// the package's own import: zod and decimal.js (resolved from the package, as it resolves them) already loaded
const depsFirst = `await import(${JSON.stringify(pathToFileURL(join(ROOT, "node_modules", "zod", "index.js")).href)});
await import(${JSON.stringify(pathToFileURL(join(ROOT, "node_modules", "decimal.js", "decimal.mjs")).href)});
const t0 = performance.now(); const m = await import(${JSON.stringify(esm)}); const t1 = performance.now();
if (typeof m.evaluateScenario !== "function") throw new Error("no export"); process.stdout.write(String(t1 - t0));`;
// first use after import: one full computation (lazy work, JIT) in a fresh process
const firstCode = `const m = await import(${JSON.stringify(esm)}); const t0 = performance.now();
m.evaluateScenario({ id: "x", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } });
process.stdout.write(String(performance.now() - t0));`;

// the dependencies alone, for reference: what an import of the package cannot go below
const depCode = (name) => `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(join(ROOT, "node_modules", name, "package.json")).href.replace(/package\.json$/, ""))} + ${JSON.stringify(name === "zod" ? "index.js" : "decimal.mjs")}); process.stdout.write(String(performance.now() - t0));`;

const samples = { esm: [], own: [], cjs: [], first: [], zod: [], decimal: [], esmWall: [], emptyWall: [] };
for (let k = 0; k < RUNS; k++) {
  samples.zod.push(timeChild(depCode("zod"), "module").inner);
  samples.decimal.push(timeChild(depCode("decimal.js"), "module").inner);
  const e = timeChild(esmCode, "module");
  samples.esm.push(e.inner);
  samples.esmWall.push(e.wall);
  samples.own.push(timeChild(depsFirst, "module").inner);
  samples.cjs.push(timeChild(cjsCode, "commonjs").inner);
  samples.first.push(timeChild(firstCode, "module").inner);
  samples.emptyWall.push(timeChild("", "module").wall);
}
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const times = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stat(v)]));

const source = readFileSync(join(ROOT, "dist", "index.js"), "utf8");
const own = (await transform(source, { minify: true, format: "esm", target: "node20", loader: "js" })).code;
const bundled = (await build({
  entryPoints: [join(ROOT, "dist", "index.js")], bundle: true, minify: true, format: "esm", platform: "neutral",
  target: "node20", mainFields: ["module", "main"], write: false, logLevel: "silent",
})).outputFiles[0].text;
const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const size = {
  raw: Buffer.byteLength(source),
  min: Buffer.byteLength(own),
  minGzip: gz(own),
  withDependenciesMin: Buffer.byteLength(bundled),
  withDependenciesMinGzip: gz(bundled),
};

if (args.includes("--json")) {
  console.log(JSON.stringify({ machine: machine(), runs: RUNS, times, size }, null, 2));
} else {
  printMachine("zhishang start-up and size");
  const ms = (s) => `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  console.log(`${RUNS} fresh processes each; median (range)`);
  console.log(`import("dist/index.js")       ${ms(times.esm)}   — target < 50 ms: ${times.esm.median < 50 ? "met" : "NOT met"}`);
  console.log(`  the package's own code      ${ms(times.own)}   (zod and decimal.js imported first) — < 50 ms: ${times.own.median < 50 ? "met" : "NOT met"}`);
  console.log(`require("dist/index.cjs")     ${ms(times.cjs)}`);
  console.log(`  of which: import("zod") alone ${ms(times.zod)}; import("decimal.js") alone ${ms(times.decimal)}`);
  console.log(`first evaluateScenario        ${ms(times.first)}`);
  console.log(`process with the import       ${ms(times.esmWall)}; an empty node process ${ms(times.emptyWall)}`);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`\ndist/index.js ${kib(size.raw)}; minified ${kib(size.min)}; minified + gzipped ${kib(size.minGzip)}`);
  console.log(`with decimal.js and zod bundled: minified ${kib(size.withDependenciesMin)}; minified + gzipped ${kib(size.withDependenciesMinGzip)}`);
}
