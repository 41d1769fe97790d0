/**
 * Benchmark: `zhishang orders count` over a large NDJSON file — orders/s and the process's peak memory
 * (docs/performance.md).
 *
 *   npm run bench:orders-cli [-- --lines 20000000 --iso --clean]   (or: node bench/orders-cli.mjs --cli FILE)
 *
 * Writes the file once into the system's temporary folder (fixed-seed orders, the generator of bench/orders.mjs:
 * one JSON record a line, end times as epoch milliseconds, or ISO 8601 texts with --iso), then runs the command
 * under /usr/bin/time -v (peak resident memory) and checks the count it prints. The file is left for a rerun and
 * removed with --clean.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, rmSync, statSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { rng } from "./support.mjs";

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] !== undefined ? args[k + 1] : fallback;
};
const LINES = Number(value("--lines", "20000000"));
const CLI = value("--cli", join(import.meta.dirname, "..", "dist", "cli.js"));
const ISO = args.includes("--iso");
const file = join(tmpdir(), `zhishang-orders-${LINES}${ISO ? "-iso" : ""}.ndjson`);

const PLATFORMS = [
  ["didi", "ride-hailing"], ["caocao", "ride-hailing"], ["meituan", "instant-delivery"], ["eleme", "instant-delivery"], ["dada", "instant-delivery"],
  ["shansong", "instant-delivery"], ["sf-tongcheng", "instant-delivery"], ["huolala", "intra-city-freight"], ["kuaigou", "intra-city-freight"],
  ["didi-freight", "intra-city-freight"], ["manbang", "intra-city-freight"],
];
const MONTH_START = Date.UTC(2026, 7, 1) - 8 * 3_600_000;
const MONTH_MS = 31 * 86_400_000;

async function write() {
  const out = createWriteStream(file);
  const r = rng(42);
  let chunk = "";
  for (let k = 0; k < LINES; k++) {
    const [platform, industry] = PLATFORMS[Math.floor(r() * PLATFORMS.length)];
    const s = r();
    const status = s < 0.9 ? "delivered" : s < 0.95 ? "transferred" : s < 0.99 ? "cancelled" : "in-progress";
    const ms = MONTH_START + Math.floor(r() * MONTH_MS);
    const endedAt = status === "in-progress" ? null : ISO ? new Date(ms).toISOString() : ms;
    chunk += `${JSON.stringify({ platform, industry, status, endedAt, workerRegistered: r() >= 0.02, workerInScope: r() >= 0.01, startedInProvince: r() >= 0.03 })}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((f) => out.once("drain", f));
      chunk = "";
    }
  }
  out.end(chunk);
  await new Promise((f) => out.on("finish", f));
}

if (!existsSync(file)) {
  const t0 = performance.now();
  await write();
  console.log(`wrote ${file} (${(statSync(file).size / 2 ** 30).toFixed(2)} GiB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`orders-cli benchmark — node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? "?"}), ${process.platform}/${process.arch}`);
const t0 = performance.now();
const run = spawnSync("/usr/bin/time", ["-v", process.execPath, CLI, "orders", "count", file, "--province", "shanghai"], { encoding: "utf8", maxBuffer: 1 << 26 });
const ms = performance.now() - t0;
const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
const out = JSON.parse(run.stdout);
if (out.counts.records !== LINES || out.refused !== 0) throw new Error(`expected ${LINES} records, got ${out.counts.records} (refused ${out.refused})`);
console.log(`zhishang orders count: ${LINES.toLocaleString("en-US")} lines (${ISO ? "ISO 8601" : "epoch ms"} end times) in ${(ms / 1000).toFixed(1)} s, ` +
  `${Math.round(LINES / ms * 1000).toLocaleString("en-US")} orders/s; peak memory (max RSS) ${peak === undefined ? "?" : (Number(peak) / 1024).toFixed(0)} MiB; exit ${run.status}`);
if (args.includes("--clean")) rmSync(file);
