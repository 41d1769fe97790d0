/**
 * Benchmark: the counting rule as SQL (orderCountsSql) in DuckDB, in-process, beside the TypeScript columnar tally
 * over the same orders (docs/performance.md).
 *
 *   npm run bench:orders-sql [-- --orders 100000000]     (or: node bench/orders-sql.mjs --lib DIR)
 *
 * Order i is a pure function of i, written once in SQL and once in JavaScript (h = i × 2654435761 mod 2^32, its bits
 * choosing the platform, status and flags; the end time spread over August 2026 China time), so both sides count
 * the same orders and the script checks that their counts are equal. DuckDB builds its table with one
 * CREATE TABLE … AS SELECT over range(N) (not timed), then the query is timed with SET threads = 1 and with every
 * thread; the tally is timed over columns made in batches of 1,048,576 orders (making them is not timed).
 */
import { availableParallelism, cpus } from "node:os";
import { DuckDBInstance } from "@duckdb/node-api";
import { libraryUnderTest } from "./support.mjs";

const { OrderTally, orderCountsSql, orderCountsFromRows } = await libraryUnderTest();
const args = process.argv.slice(2);
const k = args.indexOf("--orders");
const N = k >= 0 ? Number(args[k + 1]) : 100_000_000;
const PROVINCE = "shanghai";
const PLATFORMS = ["didi", "caocao", "meituan", "eleme", "dada", "shansong", "sf-tongcheng", "huolala", "kuaigou", "didi-freight", "manbang"];
const INDUSTRY = [0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2];
const INDUSTRY_NAMES = ["ride-hailing", "instant-delivery", "intra-city-freight"];
const STATUS_NAMES = ["delivered", "transferred", "cancelled", "in-progress"];
const MONTH_START = Date.UTC(2026, 7, 1) - 8 * 3_600_000;
const MONTH_MS = 31 * 86_400_000;

// the orders in SQL: the same formulas as fill() below
const GENERATE = `CREATE TABLE orders AS
WITH h AS (SELECT i, (i * 2654435761) % 4294967296 AS h FROM range(${N}) t(i))
SELECT
  list_extract([${PLATFORMS.map((p) => `'${p}'`).join(", ")}], CAST(h % 11 AS INTEGER) + 1) AS platform,
  list_extract([${INDUSTRY.map((x) => `'${INDUSTRY_NAMES[x]}'`).join(", ")}], CAST(h % 11 AS INTEGER) + 1) AS industry,
  CASE WHEN (h // 256) % 100 < 90 THEN 'delivered' WHEN (h // 256) % 100 < 95 THEN 'transferred'
       WHEN (h // 256) % 100 < 99 THEN 'cancelled' ELSE 'in-progress' END AS status,
  CASE WHEN (h // 256) % 100 >= 99 THEN NULL ELSE ${MONTH_START} + (i * 7919) % ${MONTH_MS} END AS ended_at_ms,
  (h // 65536) % 50 <> 0 AS worker_registered,
  (h // 1048576) % 100 <> 0 AS worker_in_scope,
  (h // 4096) % 33 <> 0 AS started_in_province
FROM h`;

const BATCH = 1 << 20;
function fill(c, from, n) {
  for (let j = 0; j < n; j++) {
    const i = from + j;
    const h = Math.imul(i, 2654435761 | 0) >>> 0;
    const p = h % 11;
    const s = Math.floor(h / 256) % 100;
    c.platform[j] = p;
    c.industry[j] = INDUSTRY[p];
    c.status[j] = s < 90 ? 0 : s < 95 ? 1 : s < 99 ? 2 : 3;
    c.endedAtMs[j] = s >= 99 ? NaN : MONTH_START + ((i * 7919) % MONTH_MS);
    c.workerRegistered[j] = Math.floor(h / 65536) % 50 !== 0 ? 1 : 0;
    c.workerInScope[j] = Math.floor(h / 1048576) % 100 !== 0 ? 1 : 0;
    c.startedInProvince[j] = Math.floor(h / 4096) % 33 !== 0 ? 1 : 0;
  }
  return { ...c, length: n };
}

const c = {
  platforms: PLATFORMS, platform: new Uint8Array(BATCH), industry: new Uint8Array(BATCH), status: new Uint8Array(BATCH), endedAtMs: new Float64Array(BATCH),
  workerRegistered: new Uint8Array(BATCH), workerInScope: new Uint8Array(BATCH), startedInProvince: new Uint8Array(BATCH),
};
console.log(`orders-sql benchmark — node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? "?"}), ${process.platform}/${process.arch}`);
console.log(`${N.toLocaleString("en-US")} orders, province ${PROVINCE}`);

// the TypeScript columnar tally (batch making not timed)
const tally = new OrderTally(PROVINCE);
let tallyMs = 0;
for (let from = 0; from < N; from += BATCH) {
  const cols = fill(c, from, Math.min(BATCH, N - from));
  const t0 = performance.now();
  tally.addColumns(cols);
  tallyMs += performance.now() - t0;
}
const mine = tally.counts();
console.log(`TypeScript columnar tally (one thread):  ${(tallyMs / 1000).toFixed(2)} s  ${Math.round(N / tallyMs * 1000).toLocaleString("en-US")} orders/s`);

const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
let t0 = performance.now();
await con.run(GENERATE);
console.log(`DuckDB table built in ${((performance.now() - t0) / 1000).toFixed(1)} s (not part of the figures)`);
const sql = orderCountsSql(PROVINCE, { dialect: "duckdb" });
const threads = Number((await con.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0].t);
for (const n of [1, threads]) {
  await con.run(`SET threads = ${n}`);
  if (N < 10_000_000) await con.runAndReadAll(sql); // warm (a large table: the one run is long enough)
  t0 = performance.now();
  const rows = (await con.runAndReadAll(sql)).getRowObjects();
  const ms = performance.now() - t0;
  const theirs = orderCountsFromRows(PROVINCE, rows);
  if (JSON.stringify(theirs) !== JSON.stringify(mine)) throw new Error("DuckDB and the tally disagree");
  console.log(`DuckDB ${(await con.runAndReadAll("SELECT version() AS v")).getRowObjects()[0].v}, threads = ${n}:  ${(ms / 1000).toFixed(2)} s  ${Math.round(N / ms * 1000).toLocaleString("en-US")} orders/s`);
}
console.log(`equal counts: counted ${mine.counted.toLocaleString("en-US")} of ${mine.records.toLocaleString("en-US")}`);
con.closeSync();
