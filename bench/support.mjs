/**
 * Shared helpers of the benchmarks in bench/: the machine line, the fixtures, a tinybench runner that reports
 * operations per second from the mean time per batch, and a bundle of the library's internals (for the
 * validation-only figures), built from src/ with esbuild.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Bench } from "tinybench";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** One line on the machine, for the figures' context. */
export function machine() {
  return {
    node: process.version,
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model ?? "?",
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}/${process.arch}`,
    load: loadavg().map((x) => x.toFixed(2)).join(" "),
  };
}

export function printMachine(title) {
  const m = machine();
  console.log(`${title} — node ${m.node}, ${m.cpus} CPUs (${m.cpu}), ${m.memoryGB} GB, ${m.platform}, load ${m.load}`);
}

/** Every fixture, by path, with its parsed scenario. */
export function fixtures() {
  const dir = join(ROOT, "fixtures");
  return readdirSync(dir)
    .filter((d) => !d.startsWith("."))
    .sort()
    .flatMap((p) =>
      readdirSync(join(dir, p))
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => ({ file: `${p}/${f}`, scenario: JSON.parse(readFileSync(join(dir, p, f), "utf8")) })),
    );
}

export const args = process.argv.slice(2);
export const argValue = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] !== undefined ? Number(args[k + 1]) : fallback;
};

/**
 * Runs tinybench tasks; each task runs a batch of `batch` operations per iteration (so the timer's own cost is
 * spread over the batch). Returns, per task, operations per second (batch / mean time per iteration), the
 * relative margin of error of the mean, and the number of iterations.
 */
export async function runTasks(tasks, { time = 1000, warmupTime = 250 } = {}) {
  const bench = new Bench({ time, warmupTime });
  for (const t of tasks) bench.add(t.name, t.fn);
  await bench.run();
  return bench.tasks.map((task, k) => {
    const r = task.result;
    if (r.state !== "completed") throw new Error(`${task.name}: ${r.state} ${r.error ?? ""}`);
    const batch = tasks[k].batch ?? 1;
    return { name: task.name, opsPerSecond: (batch * 1000) / r.period, rme: r.latency.rme, iterations: r.latency.samplesCount };
  });
}

export const fmt = (x) => Math.round(x).toLocaleString("en-US");

/**
 * The library's internals (scenario kinds with their zod schemas, the envelope schema), bundled from src/ into
 * node_modules/.cache so that "validation only" can be timed on exactly the library's schemas.
 */
export async function internals() {
  const dir = join(ROOT, "node_modules", ".cache", "zhishang-bench");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, "internals.mjs");
  await build({
    stdin: {
      contents: `export { SCENARIO_KINDS } from "./src/scenario/kinds.ts";\nexport { scenarioSchema } from "./src/scenario/scenario.ts";\nexport { compiled } from "./src/core/validate.ts";\n`,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "silent",
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/**
 * The library to time: `--lib DIR` (a dist/ folder, e.g. of an earlier commit built elsewhere) or this checkout's
 * dist/. bench/compare.mjs passes `--lib` to time two builds against each other.
 */
export async function libraryUnderTest() {
  const k = args.indexOf("--lib");
  const dir = k >= 0 && args[k + 1] !== undefined ? args[k + 1] : join(ROOT, "dist");
  return import(pathToFileURL(join(dir, "index.js")).href);
}

/** Deterministic pseudo-random generator (xorshift32): the fixed-seed inputs of the benchmarks. */
export function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}
