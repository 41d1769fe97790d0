/**
 * Two builds timed against each other in one run on one machine: bench/kinds.mjs and bench/orders.mjs with `--json`,
 * alternately on the earlier build (`--before DIR`, a dist/ folder) and on this checkout's dist/, `--rounds` times
 * each; per figure the median of the rounds and the ratio after ÷ before (throughput: below 1 is slower). A figure
 * more than `--limit` percent slower (default 10) is flagged and makes the exit code 1.
 *
 *   git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci && npx tsup)   # the earlier build
 *   npx tsup && node bench/compare.mjs --before /tmp/before/dist                       # both benchmarks
 *   node bench/compare.mjs --before /tmp/before/dist --only kinds --rounds 3 --time 500
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { args, fmt, printMachine, ROOT } from "./support.mjs";

const value = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] !== undefined ? args[k + 1] : fallback;
};
const BEFORE = value("--before", undefined);
if (BEFORE === undefined) {
  console.error("usage: node bench/compare.mjs --before <dist folder of the earlier build> [--only kinds|orders] [--rounds N] [--time MS] [--orders N] [--limit PCT]");
  process.exit(2);
}
const AFTER = join(ROOT, "dist");
const ROUNDS = Number(value("--rounds", 2));
const LIMIT = Number(value("--limit", 10));
const ONLY = value("--only", undefined);

function run(script, lib, extra) {
  const out = execFileSync(process.execPath, ["--expose-gc", join(ROOT, "bench", script), "--json", "--lib", lib, ...extra], {
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  return JSON.parse(out.slice(out.indexOf("{")));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs `script` ROUNDS times on each build, alternating, and returns { name → [before…], [after…] } figures. */
function timeBoth(script, extra, figures) {
  const before = new Map();
  const after = new Map();
  for (let r = 0; r < ROUNDS; r++) {
    for (const [lib, into] of r % 2 === 0 ? [[BEFORE, before], [AFTER, after]] : [[AFTER, after], [BEFORE, before]]) {
      for (const [name, x] of figures(run(script, lib, extra))) into.set(name, [...(into.get(name) ?? []), x]);
    }
  }
  return [...before.keys()].map((name) => ({ name, before: median(before.get(name)), after: median(after.get(name) ?? [NaN]) }));
}

printMachine("zhishang before/after");
console.log(`before: ${BEFORE}\nafter:  ${AFTER}\n${ROUNDS} rounds each, alternating; medians; ratio = after ÷ before (throughput)\n`);

let slower = 0;
function report(title, rows, unit) {
  console.log(title);
  for (const r of rows) {
    const ratio = r.after / r.before;
    const flag = ratio < 1 - LIMIT / 100 ? `  SLOWER by more than ${LIMIT}%` : "";
    if (flag !== "") slower += 1;
    console.log(`  ${r.name.padEnd(62)} ${fmt(r.before).padStart(12)} → ${fmt(r.after).padStart(12)} ${unit}  ${ratio.toFixed(3)}${flag}`);
  }
  console.log("");
}

if (ONLY === undefined || ONLY === "kinds") {
  const time = value("--time", "1000");
  const rows = timeBoth("kinds.mjs", ["--time", time], (j) => [
    ...j.rows.filter((r) => r.fixtures > 0).flatMap((r) => [[`${r.kind}: evaluateScenario`, r.evaluateScenario], [`${r.kind}: function`, r.function]]),
    ["headline (disability, fresh): evaluateScenario", j.headline.fresh.evaluateScenario],
    ["headline (disability, after all kinds): evaluateScenario", j.headline.afterAllKinds.evaluateScenario],
  ]);
  report("scenario kinds (per second)", rows, "/s");
}
if (ONLY === undefined || ONLY === "orders") {
  const rows = timeBoth("orders.mjs", ["--orders", value("--orders", "10000000")], (j) =>
    j.results.filter((r) => !r.label.includes("bare loop")).map((r) => [r.label, r.perSecond]));
  report("orders (orders per second)", rows, "/s");
}
console.log(slower === 0 ? `no figure more than ${LIMIT}% slower` : `${slower} figure(s) more than ${LIMIT}% slower`);
process.exit(slower === 0 ? 0 : 1);
