/**
 * Benchmark: `zhishang serve` (a real process, dist/cli.js, default settings: logs at info to a discarded stderr)
 * under autocannon — keep-alive, 50 connections on loopback, each sending POST /v1/evaluate over the mix of
 * scenarios (every fixture that evaluates without an error, in turn) — explained and decision only
 * (`?explain=none`): requests per second, p50 and p99 latency. Beside it, in the same run: `evaluateScenario` in
 * process over the same mix, and `zhishang eval --ndjson` (a process reading the mix as NDJSON on stdin) — the
 * target is the service at half the NDJSON throughput or more (npm run bench:service).
 *
 *   npm run bench:service
 *   node bench/service.mjs --duration 10 --connections 50 --lines 20000
 *   node bench/service.mjs --log-level warn    # the service without its per-request log lines
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";
import * as lib from "../dist/index.js";
import { args, argValue, fixtures, fmt, printMachine, ROOT, runTasks } from "./support.mjs";

const DURATION = argValue("--duration", 8);
const CONNECTIONS = argValue("--connections", 50);
const LINES = argValue("--lines", 20_000);
const CLI = join(ROOT, "dist", "cli.js");
const LOG_LEVEL = args.includes("--log-level") ? args[args.indexOf("--log-level") + 1] : "info";

const docs = fixtures().map((f) => f.scenario).filter((s) => s.expect !== undefined && lib.safeEvaluateScenario(s).ok);
const bodies = docs.map((d) => JSON.stringify(d));

/** Starts `zhishang serve --port 0`; resolves with the child and its port once it prints the listening line. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0", "--max-concurrent", String(CONNECTIONS * 2), "--log-level", LOG_LEVEL], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c) => {
      out += c;
      const nl = out.indexOf("\n");
      if (nl !== -1) resolve({ child, port: JSON.parse(out.slice(0, nl)).port });
    });
    child.on("exit", (code) => reject(new Error(`serve exited (${code}) before listening`)));
  });
}

/** autocannon on POST /v1/evaluate`query`, every connection cycling through the mix. */
function load(port, query) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        pipelining: 1,
        duration: DURATION,
        requests: bodies.map((body) => ({ method: "POST", path: `/v1/evaluate${query}`, headers: { "content-type": "application/json" }, body })),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** `eval --ndjson` on LINES lines of the mix: lines per second, wall time from spawn to exit (best of 3). */
async function ndjson(explain) {
  let best = 0;
  for (let run = 0; run < 3; run++) {
    const r = await new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const child = spawn(process.execPath, [CLI, "eval", "--ndjson", "--explain", explain], { stdio: ["pipe", "pipe", "ignore"] });
      let out = 0;
      child.stdout.on("data", (c) => {
        for (let k = c.indexOf(10); k !== -1; k = c.indexOf(10, k + 1)) out++;
      });
      child.on("error", reject);
      child.stdin.on("error", reject);
      child.on("close", (code) => {
        if (code !== 0 || out !== LINES) reject(new Error(`eval --ndjson: exit ${code}, ${out} lines of ${LINES}`));
        else resolve(LINES / (Number(process.hrtime.bigint() - started) / 1e9));
      });
      let k = 0;
      const pump = () => {
        while (k < LINES) {
          const ok = child.stdin.write(`${bodies[k % bodies.length]}\n`);
          k++;
          if (!ok) return void child.stdin.once("drain", pump);
        }
        child.stdin.end();
      };
      pump();
    });
    best = Math.max(best, r);
  }
  return best;
}

printMachine("zhishang serve under autocannon beside evaluateScenario and eval --ndjson");
console.log(`${docs.length} scenarios (every fixture that evaluates without an error); ${CONNECTIONS} keep-alive connections, ${DURATION} s per run, log level ${LOG_LEVEL}\n`);

let sink = 0;
const [inProcess, inProcessNone] = await runTasks([
  { name: "evaluateScenario", batch: docs.length, fn: () => { for (const d of docs) sink += lib.evaluateScenario(d).explanation.length; } },
  { name: "evaluateScenario, explain: false", batch: docs.length, fn: () => { for (const d of docs) sink += lib.evaluateScenario(d, { explain: false }).explanation.length; } },
]);

let hasNdjson = true;
let ndFull = 0;
let ndNone = 0;
try {
  ndFull = await ndjson("json");
  ndNone = await ndjson("none");
} catch (e) {
  // a build without eval --ndjson: the service and the in-process figures alone
  console.log(`(no eval --ndjson figure: ${e.message})`);
  hasNdjson = false;
}

const { child, port } = await startServer();
await load(port, "?explain=none"); // warm-up: the JIT sees every kind before the measured runs
const full = await load(port, "");
const none = await load(port, "?explain=none");
child.kill("SIGTERM");
const exit = await new Promise((resolve) => child.on("exit", resolve));

const rows = [
  ["explained", full, inProcess.opsPerSecond, ndFull],
  ["decision only", none, inProcessNone.opsPerSecond, ndNone],
];
console.log("| run | service req/s | p50 ms | p99 ms | errors, non-2xx | in process /s | service ÷ in process | eval --ndjson lines/s | service ÷ NDJSON |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [name, r, inProc, nd] of rows) {
  const rps = r.requests.average;
  console.log(
    `| ${name} | ${fmt(rps)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.timeouts}, ${r.non2xx} | ${fmt(inProc)} | ${Math.round((100 * rps) / inProc)}% | ` +
      `${hasNdjson ? fmt(nd) : "—"} | ${hasNdjson ? `${Math.round((100 * rps) / nd)}%` : "—"} |`,
  );
}
console.log(`\nserve exited ${exit} on SIGTERM${sink < 0 ? " " : ""}`);
if (full.non2xx + none.non2xx + full.errors + none.errors > 0 || exit !== 0) process.exitCode = 1;
