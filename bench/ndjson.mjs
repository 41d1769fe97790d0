/**
 * Benchmark: `zhishang eval --ndjson` (a real process, dist/cli.js) beside `evaluateScenario` in process, over the
 * same mix of scenarios — every fixture that evaluates without an error, repeated to the number of lines asked —
 * explained and decision only (`--explain none`, `explain: false`). The process's figure is wall time from spawn to
 * exit (start-up, JSON parsing and printing included), its input read from a file and its output written to
 * /dev/null (so that this process takes no CPU from it while it runs; a short run first checks one output line per
 * input line); its steady-state rate comes from two runs, of N and 5 × N lines (start-up and warm-up cancel out);
 * its peak resident memory (maxRSS, reported by the child on exit) is given for both, to show that it does not grow
 * with the number of lines (npm run bench:ndjson). Beside it, the floor (bench/ndjson-floor.mjs): a process that
 * reads, parses and writes the same lines as the CLI does but evaluates nothing (each line's result computed once
 * at its start) — the ceiling of any line-by-line JSON process on the machine.
 *
 *   npm run bench:ndjson
 *   node bench/ndjson.mjs --lines 20000 [--json]
 */
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as lib from "../dist/index.js";
import { argValue, args, fixtures, fmt, printMachine, ROOT } from "./support.mjs";

const LINES = argValue("--lines", 50_000);
const CLI = join(ROOT, "dist", "cli.js");
/** The same stream without the evaluation (bench/ndjson-floor.mjs): the ceiling of any line-by-line JSON process. */
const FLOOR = join(ROOT, "bench", "ndjson-floor.mjs");
/** What a run spawns: `eval --ndjson`, or the floor. */
const COMMANDS = {
  cli: (explain) => [CLI, "eval", "--ndjson", "--explain", explain],
  floor: (explain) => [FLOOR, "--explain", explain],
};
/** The child writes its CPU time (user + system, µs) and peak resident memory (kB) to stderr on exit. */
const REPORT = "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('cpu '+(u.userCPUTime+u.systemCPUTime)+' maxrss '+u.maxRSS+'\\n')})";

const docs = fixtures().map((f) => f.scenario).filter((s) => s.expect !== undefined && lib.safeEvaluateScenario(s).ok);
const lines = docs.map((d) => JSON.stringify(d));

/** Runs of at most this many lines have their output lines counted (one per input line). */
const CHECKED_LINES = 5_000;

/** A file of `count` lines of the mix (written once per count, in a temporary directory removed at exit). */
const TMP = mkdtempSync(join(tmpdir(), "zhishang-ndjson-"));
process.on("exit", () => rmSync(TMP, { recursive: true, force: true }));
const inputs = new Map();
function inputFile(count) {
  let file = inputs.get(count);
  if (file === undefined) {
    file = join(TMP, `in-${count}.ndjson`);
    const fd = openSync(file, "w");
    let chunk = "";
    for (let k = 0; k < count; k++) {
      chunk += `${lines[k % lines.length]}\n`;
      if (chunk.length > 1 << 20) { writeSync(fd, chunk); chunk = ""; }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    inputs.set(count, file);
  }
  return file;
}

/**
 * Runs `eval --ndjson` on `count` lines of the mix, stdin read from a file and stdout written to one, so that this
 * process does nothing while the child runs (on a 2-CPU machine a parent feeding and reading the pipes takes CPU
 * the child would have, and the child's figures would show the parent's load); resolves with the time, the
 * child's CPU time, the lines out and its peak memory.
 */
function runProcess(count, explain, command = "cli") {
  return new Promise((resolve, reject) => {
    const input = openSync(inputFile(count), "r");
    // the output of a long run is gigabytes when explained: to /dev/null, its lines counted only on a short run
    const outFile = count <= CHECKED_LINES ? join(TMP, "out.ndjson") : "/dev/null";
    const output = openSync(outFile, "w");
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--import", REPORT, ...COMMANDS[command](explain)], { stdio: [input, output, "pipe"] });
    let err = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c) => (err += c));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      closeSync(input);
      closeSync(output);
      // lines out, counted once the child is done (exit 0 says none is an error)
      let out = count;
      if (outFile !== "/dev/null") {
        out = 0;
        const text = readFileSync(outFile);
        for (let k = text.indexOf(10); k !== -1; k = text.indexOf(10, k + 1)) out += 1;
      }
      const m = /cpu (\d+) maxrss (\d+)/.exec(err);
      const cpuSeconds = Number(m?.[1] ?? 0) / 1e6;
      resolve({ code, seconds, cpuSeconds, out, rssMB: Number(m?.[2] ?? 0) / 1024, linesPerSecond: count / seconds, linesPerCpuSecond: count / cpuSeconds });
    });
  });
}

async function best(count, explain, runs = 2, command = "cli") {
  let top = null;
  for (let k = 0; k < runs; k++) {
    const r = await runProcess(count, explain, command);
    if (r.code !== 0 || r.out !== count) throw new Error(`${command}: exit ${r.code}, ${r.out} lines out of ${count}`);
    if (top === null || r.linesPerSecond > top.linesPerSecond) top = r;
  }
  return top;
}

printMachine("zhishang eval --ndjson beside evaluateScenario in process");
console.log(`${docs.length} scenarios (every fixture that evaluates without an error), repeated to ${fmt(LINES)} lines\n`);

let sink = 0;
const data = lib.loadProcessData();

/**
 * Scenarios per CPU second of `fn` over the mix (process.cpuUsage: user + system), after a warm-up of at least
 * two seconds (V8 takes that long to optimise the rules; a shorter one leaves the first figure measured lower than
 * the rest): the machine may be shared, and CPU time is what a caller's batch costs whatever else runs beside it.
 */
function perCpuSecond(fn) {
  const warm = performance.now();
  while (performance.now() - warm < 2000) for (const d of docs) sink += fn(d);
  const rounds = Math.max(1, Math.ceil(LINES / docs.length));
  const before = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  for (let k = 0; k < rounds; k++) for (const d of docs) sink += fn(d);
  const used = process.cpuUsage(before);
  const wall = Number(process.hrtime.bigint() - wallBefore) / 1e9;
  const n = rounds * docs.length;
  return { perCpuSecond: n / ((used.user + used.system) / 1e6), perSecond: n / wall };
}

/**
 * The process's steady-state rate: two runs, of `count` and of 5 × `count` lines; the extra 4 × `count` lines
 * over the extra CPU (and wall) time. Start-up and V8's warm-up, paid once per process, cancel out; the whole
 * runs' rates are reported beside it.
 */
async function steady(count, explain, command = "cli") {
  const short = await best(count, explain, 2, command);
  const long = await best(count * 5, explain, 1, command);
  const extra = count * 4;
  return {
    short, long,
    linesPerCpuSecond: extra / (long.cpuSeconds - short.cpuSeconds),
    linesPerSecond: extra / (long.seconds - short.seconds),
    fixedCpuSeconds: short.cpuSeconds - count * ((long.cpuSeconds - short.cpuSeconds) / extra),
  };
}

const texts = new Map(docs.map((d, k) => [d, lines[k]]));
const inProcess = perCpuSecond((d) => lib.evaluateScenario(d).explanation.length);
const inProcessNone = perCpuSecond((d) => lib.evaluateScenario(d, { explain: false }).explanation.length);
const withJson = perCpuSecond((d) => JSON.stringify(lib.evaluateDocument(JSON.parse(texts.get(d)), data, { explain: true })).length);
const withJsonNone = perCpuSecond((d) => JSON.stringify(lib.evaluateDocument(JSON.parse(texts.get(d)), data, { explain: false })).length);
for (const explain of ["json", "none"]) {
  for (const command of ["cli", "floor"]) {
    const r = await runProcess(CHECKED_LINES, explain, command);
    if (r.code !== 0 || r.out !== CHECKED_LINES) throw new Error(`${command} --explain ${explain}: exit ${r.code}, ${r.out} lines out of ${CHECKED_LINES}`);
  }
}
const explained = await steady(LINES, "json");
const none = await steady(LINES, "none");
const floor = await steady(LINES, "json", "floor");
const floorNone = await steady(LINES, "none", "floor");

const row = (name, perCpu, perWall, note = "") => console.log(`${name.padEnd(50)} ${fmt(perCpu).padStart(8)} /CPU-s ${fmt(perWall).padStart(8)} /s  ${note}`);
console.log(`${"".padEnd(50)} scenarios per CPU second, per wall-clock second`);
row("evaluateScenario (in process), explained", inProcess.perCpuSecond, inProcess.perSecond);
row("evaluateScenario, explain: false", inProcessNone.perCpuSecond, inProcessNone.perSecond);
row("evaluateDocument + JSON.parse/stringify", withJson.perCpuSecond, withJson.perSecond, "explained");
row("evaluateDocument + JSON, explain: false", withJsonNone.perCpuSecond, withJsonNone.perSecond);
for (const [name, r] of [["eval --ndjson explained", explained], ["eval --ndjson --explain none", none], ["floor (no evaluation), explained", floor], ["floor (no evaluation), none", floorNone]]) {
  row(`${name}, ${fmt(LINES)} lines (whole run)`, r.short.linesPerCpuSecond, r.short.linesPerSecond, `peak RSS ${r.short.rssMB.toFixed(0)} MB`);
  row(`${name}, ${fmt(LINES * 5)} lines (whole run)`, r.long.linesPerCpuSecond, r.long.linesPerSecond, `peak RSS ${r.long.rssMB.toFixed(0)} MB`);
  row(`${name}, steady state`, r.linesPerCpuSecond, r.linesPerSecond, `start-up and warm-up ${r.fixedCpuSeconds.toFixed(2)} CPU-s`);
}
const pct = (x) => `${(x * 100).toFixed(0)}%`;
const ratioProcess = explained.linesPerCpuSecond / inProcess.perCpuSecond;
const ratioProcessNone = none.linesPerCpuSecond / inProcessNone.perCpuSecond;
const ratioNone = none.linesPerCpuSecond / explained.linesPerCpuSecond;
const ratioNoneIn = inProcessNone.perCpuSecond / inProcess.perCpuSecond;
console.log(`\nsteady state, ndjson / in process: explained ${pct(ratioProcess)}, decision only ${pct(ratioProcessNone)} — target ≥ 60%: ${ratioProcess >= 0.6 ? "met" : "NOT met"}`);
console.log(`--explain none / explained (process, steady state): ${ratioNone.toFixed(1)}× — target ≥ 3×: ${ratioNone >= 3 ? "met" : "NOT met"}`);
console.log(`explain: false / explained (in process): ${ratioNoneIn.toFixed(1)}×`);
const ratioFloor = floor.linesPerCpuSecond / inProcess.perCpuSecond;
const ratioFloorNone = floorNone.linesPerCpuSecond / inProcessNone.perCpuSecond;
console.log(`floor (the stream without evaluating) / evaluateScenario in process: explained ${pct(ratioFloor)}, decision only ${pct(ratioFloorNone)}`);
if (args.includes("--json")) {
  console.log(JSON.stringify({ lines: LINES, inProcess, inProcessNone, withJson, withJsonNone, ndjson: explained, ndjsonNone: none, floor, floorNone, ratioFloor, ratioFloorNone, ratioProcess, ratioProcessNone, ratioNone, ratioNoneIn }));
}
if (sink < 0) console.log(sink);
