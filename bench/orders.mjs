/**
 * Benchmark: count and price synthetic orders (npm run bench).
 *
 *   npm run bench                         # 10 million orders in each form, against a bare loop over the same records
 *   npm run bench -- --stream 200000000   # also a 200-million-order streamed run, reporting peak memory
 *   npm run bench -- --stream-only --stream 200000000   # only the streamed run (a clean memory baseline)
 *   node --expose-gc bench/orders.mjs --json --lib DIR    # the figures as JSON, of another build's dist/ (bench/compare.mjs)
 *
 * A script, not a timed test: it prints figures for docs/performance.md and asserts only that the tally counted
 * what the generator produced. Records come from a fixed-seed generator (xorshift32), so every run sees the same
 * orders. The library is imported from dist/ (the script builds it first).
 */
import { availableParallelism, cpus } from "node:os";
import { libraryUnderTest, machine, rng } from "./support.mjs";

const { computeMonthlyContributions, OrderTally, ORDER_STATUSES } = await libraryUnderTest();

const args = process.argv.slice(2);
const argValue = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] !== undefined ? Number(args[k + 1]) : fallback;
};
const N = argValue("--orders", 10_000_000);
const STREAM = argValue("--stream", 0);
const STREAM_ONLY = args.includes("--stream-only");
const JSON_OUT = args.includes("--json");
const log = (...xs) => { if (!JSON_OUT) console.log(...xs); };
const PROVINCE = "shanghai";

const PLATFORMS = [
  ["didi", "ride-hailing"], ["caocao", "ride-hailing"],
  ["meituan", "instant-delivery"], ["eleme", "instant-delivery"], ["dada", "instant-delivery"],
  ["shansong", "instant-delivery"], ["sf-tongcheng", "instant-delivery"],
  ["huolala", "intra-city-freight"], ["kuaigou", "intra-city-freight"], ["didi-freight", "intra-city-freight"],
  ["manbang", "intra-city-freight"],
];
const INDUSTRY_INDEX = { "ride-hailing": 0, "instant-delivery": 1, "intra-city-freight": 2 };
// August 2026 in China Standard Time: [2026-08-01T00:00+08:00, 2026-09-01T00:00+08:00)
const MONTH_START = Date.UTC(2026, 7, 1) - 8 * 3_600_000;
const MONTH_MS = 31 * 86_400_000;


/** One synthetic order: 90% delivered, 5% transferred, 4% cancelled, 1% in progress; 2% unregistered; 1% out of scope; 3% started elsewhere. */
function makeOrder(r, iso) {
  const [platform, industry] = PLATFORMS[Math.floor(r() * PLATFORMS.length)];
  const s = r();
  const status = s < 0.9 ? "delivered" : s < 0.95 ? "transferred" : s < 0.99 ? "cancelled" : "in-progress";
  const ms = MONTH_START + Math.floor(r() * MONTH_MS);
  return {
    platform,
    industry,
    status,
    endedAt: status === "in-progress" ? null : iso ? new Date(ms).toISOString() : ms,
    workerRegistered: r() >= 0.02,
    workerInScope: r() >= 0.01,
    startedInProvince: r() >= 0.03,
  };
}

function* orders(n, seed, iso = false) {
  const r = rng(seed);
  for (let k = 0; k < n; k++) yield makeOrder(r, iso);
}

function pool(n, seed, iso) {
  const out = new Array(n);
  const r = rng(seed);
  for (let k = 0; k < n; k++) out[k] = makeOrder(r, iso);
  return out;
}

function columns(n, seed) {
  const r = rng(seed);
  const c = {
    length: n,
    platforms: PLATFORMS.map(([p]) => p),
    platform: new Uint8Array(n), industry: new Uint8Array(n), status: new Uint8Array(n), endedAtMs: new Float64Array(n),
    workerRegistered: new Uint8Array(n), workerInScope: new Uint8Array(n), startedInProvince: new Uint8Array(n),
  };
  for (let k = 0; k < n; k++) {
    const o = makeOrder(r, false);
    c.platform[k] = PLATFORMS.findIndex(([p]) => p === o.platform);
    c.industry[k] = INDUSTRY_INDEX[o.industry];
    c.status[k] = ORDER_STATUSES.indexOf(o.status);
    c.endedAtMs[k] = o.endedAt === null ? NaN : o.endedAt;
    c.workerRegistered[k] = o.workerRegistered ? 1 : 0;
    c.workerInScope[k] = o.workerInScope ? 1 : 0;
    c.startedInProvince[k] = o.startedInProvince ? 1 : 0;
  }
  return c;
}

const fmt = (x) => Math.round(x).toLocaleString("en-US");
const rate = (n, ms) => (n / ms) * 1000;
const results = [];

function measure(label, n, fn) {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  results.push({ label, orders: n, ms, perSecond: rate(n, ms) });
  if (!JSON_OUT) console.log(`${label.padEnd(58)} ${fmt(ms).padStart(7)} ms  ${fmt(rate(n, ms)).padStart(12)} orders/s`);
  return out;
}

function price(counts) {
  const c = computeMonthlyContributions(PROVINCE, counts, {
    orderMonth: "2026-08",
    rates: [
      { platform: "meituan", industry: "instant-delivery", baseAmount: "0.25", floatPercent: 110 },
      { platform: "didi", industry: "ride-hailing", floatPercent: 90 },
    ],
  });
  return c.value;
}

log(`zhishang order benchmark — node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? "?"}), ${process.platform}/${process.arch}`);
log(`${STREAM_ONLY ? 0 : N.toLocaleString("en-US")} orders per run, province ${PROVINCE}, month 2026-08\n`);

// Warm-up (JIT) on a small run of every path.
{
  const t = new OrderTally(PROVINCE);
  t.addAll(orders(200_000, 7));
  t.addAll(pool(50_000, 8, true));
  t.addColumns(columns(100_000, 9));
  price(t.counts());
}

let sink = 0;
let columnsMedian = null;
if (!STREAM_ONLY) {
  // 1. Objects from a generator (the streaming form): bare loop vs tally + pricing.
  measure("generator, bare loop (iterate records only)", N, () => {
    for (const o of orders(N, 42)) sink += o.workerRegistered ? 1 : 0;
  });
  const streamed = measure("generator, tally + pricing (epoch-ms endedAt)", N, () => {
    const t = new OrderTally(PROVINCE).addAll(orders(N, 42));
    return { counts: t.counts(), priced: price(t.counts()) };
  });
  if (streamed.counts.records !== N) throw new Error("the tally lost records");

  // 2. Objects from an array (records already in memory, reused 10×): isolates the tally's own cost.
  const POOL = Math.min(N, 1_000_000);
  const reps = Math.max(1, Math.round(N / POOL));
  const arr = pool(POOL, 43, false);
  measure(`array of ${fmt(POOL)} ×${reps}, bare loop`, POOL * reps, () => {
    for (let k = 0; k < reps; k++) for (let j = 0; j < arr.length; j++) sink += arr[j].workerRegistered ? 1 : 0;
  });
  // the same loop reading every field the tally reads (no validation, no counting): what touching a record costs
  measure(`array of ${fmt(POOL)} ×${reps}, bare loop reading all 7 fields`, POOL * reps, () => {
    for (let k = 0; k < reps; k++) {
      for (let j = 0; j < arr.length; j++) {
        const o = arr[j];
        sink += (o.platform.length + o.industry.length + o.status.length + (o.endedAt ?? 0)
          + (o.workerRegistered ? 1 : 0) + (o.workerInScope ? 1 : 0) + (o.startedInProvince ? 1 : 0)) & 1;
      }
    }
  });
  measure(`array of ${fmt(POOL)} ×${reps}, tally + pricing (epoch ms)`, POOL * reps, () => {
    const t = new OrderTally(PROVINCE);
    for (let k = 0; k < reps; k++) for (let j = 0; j < arr.length; j++) t.add(arr[j]);
    return price(t.counts());
  });
  const arrIso = pool(POOL, 44, true);
  measure(`array of ${fmt(POOL)} ×${reps}, tally + pricing (ISO strings)`, POOL * reps, () => {
    const t = new OrderTally(PROVINCE);
    for (let k = 0; k < reps; k++) for (let j = 0; j < arrIso.length; j++) t.add(arrIso[j]);
    return price(t.counts());
  });

  // 3. Columnar batches of 65,536 orders (typed arrays), the same batch reused.
  const BATCH = 65_536;
  const batches = Math.max(1, Math.round(N / BATCH));
  const cols = columns(BATCH, 45);
  measure(`columns ${fmt(BATCH)} ×${batches}, bare loop`, BATCH * batches, () => {
    for (let b = 0; b < batches; b++) for (let j = 0; j < cols.length; j++) sink += cols.workerRegistered[j];
  });
  measure(`columns ${fmt(BATCH)} ×${batches}, bare loop reading all 7 columns`, BATCH * batches, () => {
    for (let b = 0; b < batches; b++) {
      for (let j = 0; j < cols.length; j++) {
        sink += (cols.platform[j] + cols.industry[j] + cols.status[j] + cols.endedAtMs[j] + cols.workerRegistered[j]
          + cols.workerInScope[j] + cols.startedInProvince[j]) & 1;
      }
    }
  });
  measure(`columns ${fmt(BATCH)} ×${batches}, tally + pricing`, BATCH * batches, () => {
    const t = new OrderTally(PROVINCE);
    for (let b = 0; b < batches; b++) t.addColumns(cols);
    return price(t.counts());
  });
  // the columnar ratio again, the two loops timed alternately in ROUNDS rounds and the medians compared (one run on
  // a shared machine is noisy: another process taking a core for a few ms shows in a 30 ms loop)
  const ROUNDS = 7;
  const bare7 = [];
  const tallied = [];
  // each loop in its own function, called once per round (optimised as a whole after the first, not on stack replacement)
  const bareLoop = (c, times) => {
    let x = 0;
    for (let b = 0; b < times; b++) {
      for (let j = 0; j < c.length; j++) {
        x += (c.platform[j] + c.industry[j] + c.status[j] + c.endedAtMs[j] + c.workerRegistered[j] + c.workerInScope[j] + c.startedInProvince[j]) & 1;
      }
    }
    return x;
  };
  const tallyLoop = (c, times) => {
    const t = new OrderTally(PROVINCE);
    for (let b = 0; b < times; b++) t.addColumns(c);
    return price(t.counts()).lines.length;
  };
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    sink += bareLoop(cols, batches);
    bare7.push(performance.now() - t0);
    t0 = performance.now();
    sink += tallyLoop(cols, batches);
    tallied.push(performance.now() - t0);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  columnsMedian = { bare7: median(bare7), tally: median(tallied), rounds: ROUNDS };

  // the ratio the target is stated in: time per order of tally + pricing ÷ that of the bare loop over the same records
  log("\ntally + pricing ÷ bare loop over the same records (time per order; target: within 2×)");
  // result indices: 0 gen bare, 1 gen tally, 2 array bare, 3 array bare 7 fields, 4 array tally ms, 5 array tally ISO,
  // 6 columns bare, 7 columns bare 7 columns, 8 columns tally
  for (const [b, t, form] of [
    [0, 1, "objects from a generator (streaming)"],
    [2, 4, "objects in an array, epoch ms"], [3, 4, "  … vs the loop reading all 7 fields"],
    [2, 5, "objects in an array, ISO 8601"], [3, 5, "  … vs the loop reading all 7 fields"],
    [6, 8, "columns (typed arrays)"], [7, 8, "  … vs the loop reading all 7 columns"],
  ]) {
    const ratio = results[b].perSecond / results[t].perSecond;
    log(`  ${form.padEnd(40)} ${ratio.toFixed(2)}×  ${ratio <= 2 ? "within 2×" : "NOT within 2×"}`);
  }
  log(`  columns, medians of ${columnsMedian.rounds} alternate rounds: tally + pricing ${columnsMedian.tally.toFixed(1)} ms ÷ the loop reading all 7 columns ${columnsMedian.bare7.toFixed(1)} ms = ${(columnsMedian.tally / columnsMedian.bare7).toFixed(2)}×  ${columnsMedian.tally <= 2 * columnsMedian.bare7 ? "within 2×" : "NOT within 2×"}`);
  log(`\npriced (generator run): ${streamed.priced.lines.length} lines, total due ${streamed.priced.totalDue} yuan, declaration by ${streamed.priced.declarationDeadline}`);
  log(`counted ${streamed.counts.counted.toLocaleString("en-US")} of ${streamed.counts.records.toLocaleString("en-US")}; excluded ${JSON.stringify(streamed.counts.excluded)}`);
}

// 4. Optional: a province-month streamed in constant memory.
if (STREAM > 0) {
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const t = new OrderTally(PROVINCE);
  const t0 = performance.now();
  let k = 0;
  for (const o of orders(STREAM, 46)) {
    t.add(o);
    if ((++k & 0xfffff) === 0) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
  }
  const priced = price(t.counts());
  const ms = performance.now() - t0;
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(`\nstreamed ${STREAM.toLocaleString("en-US")} orders (generator → tally → pricing): ${fmt(ms / 1000)} s, ${fmt(rate(STREAM, ms))} orders/s`);
  console.log(`memory: rss ${mb(base.rss)} MB before, peak ${mb(peakRss)} MB; heapUsed ${mb(base.heapUsed)} MB before, peak ${mb(peakHeap)} MB`);
  console.log(`counted ${t.counts().counted.toLocaleString("en-US")}; total due ${priced.totalDue} yuan`);
}
if (JSON_OUT) console.log(JSON.stringify({ machine: machine(), orders: N, results, columnsMedian }, null, 2));
if (sink < 0) console.log(sink); // keep the bare loops from being optimised away
