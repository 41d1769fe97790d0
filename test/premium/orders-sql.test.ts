/**
 * The counting rule as SQL (src/premium/order-sql.ts) run on two real engines: DuckDB in-process
 * (@duckdb/node-api) and PostgreSQL (a throwaway cluster started by scripts/pg-test.sh, queried with psql). For
 * every bundled province, a version whose rules start later than it (three runs in one month) and a gap between
 * versions, fixed-seed orders — edges at 24:00 China time, month ends, each start and end of the days in force,
 * every exclusion, cancelled orders with and without an end time, date-times written in several offsets (the
 * tally reads the text; the table holds Date.parse of it) — are counted by the tally and by the query, and the
 * rows must be equal, exactly.
 *
 * PostgreSQL is skipped (with a message) only outside CI when it is not installed; with CI=true it must run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCsvLine } from "../../src/cli/orders.js";
import { ZhishangError } from "../../src/core/errors.js";
import { CountingRule, ORDER_EXCLUSIONS, OrderTally, orderCountsFromRows, orderCountsSql, type OrderCounts, type OrderRecord } from "../../src/premium/orders.js";
import { bundledRuleSets, type RuleSetRegistry } from "../../src/provinces/index.js";
import { rng } from "../support/rng.js";

const ROOT = join(import.meta.dirname, "..", "..");
const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, "docs", "examples", "rule-sets", `${name}.json`), "utf8")) as Record<string, unknown>;

// Qinghai with a version from 2028-01-15 whose rules apply only from 2028-02-01: January 2028 has three runs.
const late = {
  id: "qinghai@2028-01-15", province: "qinghai", validFrom: "2028-01-15", extends: "qinghai@2026-07-01",
  params: { "coverage.inForceFrom": { value: "2028-02-01", provenance: { kind: "assumed", citations: [], reason: { zh: "测试：新版本自2028年2月1日起施行", en: "test: the new version applies from 2028-02-01" } } } },
};
// Jiangsu to 2027-06-30, then nothing until a version from 2027-08-01: a gap of one month.
const jiangsu = { ...example("jiangsu"), validTo: "2027-06-30" };
const jiangsuNext = { id: "jiangsu@2027-08-01", province: "jiangsu", validFrom: "2027-08-01", extends: "jiangsu@2027-01-01" };

const bundled = bundledRuleSets();
const CASES: ReadonlyArray<{ name: string; province: string; registry: RuleSetRegistry }> = [
  ...bundled.provinces().map((p) => ({ name: p, province: p, registry: bundled })),
  { name: "qinghai-late", province: "qinghai", registry: bundled.load(late) },
  { name: "jiangsu-gap", province: "jiangsu", registry: bundled.load(jiangsu).load(jiangsuNext) },
];


const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Offsets (minutes) the end times are written in. */
const OFFSETS = [480, 0, -300, 345, 840, -720, 330];
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** `ms` as an ISO 8601 date-time in the offset `off` (minutes): the wall-clock time there, then the offset. */
function isoAt(ms: number, off: number): string {
  const d = new Date(ms + off * 60_000);
  const wall = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  if (off === 0) return `${wall}Z`;
  const a = Math.abs(off);
  return `${wall}${off < 0 ? "-" : "+"}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const PLATFORMS = ["meituan", "Meituan", "eleme", "didi", "didi-freight", "didi.x", "didi_x", "dada", "9pin"];
const INDUSTRIES = ["ride-hailing", "instant-delivery", "intra-city-freight"] as const;

/**
 * Orders around the days that matter to a rule: each run's first and end day of the days in force, the day
 * before each, the last and first day of their months; at 00:00:00.000 and 23:59:59.999 China time and at a
 * random time; plus random days within two years of the first run. Every exclusion occurs.
 */
function ordersFor(province: string, registry: RuleSetRegistry, seed: number, n: number): OrderRecord[] {
  const r = rng(seed);
  const rule = new CountingRule(province, { registry });
  const edges: number[] = [];
  for (const [a, b] of rule.inForceRuns) {
    for (const d of [a, b]) {
      if (!Number.isFinite(d)) continue;
      const c = new Date(d * DAY);
      const first = Date.UTC(c.getUTCFullYear(), c.getUTCMonth(), 1) / DAY;
      const nextFirst = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1) / DAY;
      edges.push(d, d - 1, first, first - 1, nextFirst - 1, nextFirst);
    }
  }
  const first = rule.inForceRuns[0]?.[0] ?? 20_000;
  // 2028-02-29 and its neighbours (a leap day at a month end)
  edges.push(Date.UTC(2028, 1, 28) / DAY, Date.UTC(2028, 1, 29) / DAY, Date.UTC(2028, 2, 1) / DAY);
  const out: OrderRecord[] = [];
  for (let k = 0; k < n; k++) {
    const day = k % 3 === 0 ? first - 60 + Math.floor(r() * 800) : (edges[Math.floor(r() * edges.length)] as number);
    const t = r();
    const inDay = t < 0.35 ? 0 : t < 0.7 ? DAY - 1 : Math.floor(r() * DAY);
    const ms = day * DAY - 8 * HOUR + inDay; // `day` is a China-time day: its 00:00 is 16:00 UTC the day before
    const s = r();
    const status = s < 0.6 ? "delivered" : s < 0.75 ? "transferred" : s < 0.9 ? "cancelled" : "in-progress";
    const dated = status === "in-progress" ? false : status === "cancelled" ? r() < 0.5 : true;
    const form = r();
    const endedAt = !dated ? (r() < 0.5 ? null : undefined) : form < 0.3 ? ms : isoAt(ms, OFFSETS[Math.floor(r() * OFFSETS.length)] as number);
    out.push({
      platform: PLATFORMS[Math.floor(r() * PLATFORMS.length)] as string,
      industry: INDUSTRIES[Math.floor(r() * 3)] as (typeof INDUSTRIES)[number],
      status,
      ...(endedAt === undefined ? {} : { endedAt }),
      workerRegistered: r() >= 0.06,
      workerInScope: r() >= 0.06,
      startedInProvince: r() >= 0.06,
    });
  }
  return out;
}

/** The table's CSV (no header): Date.parse of a text end time, the epoch milliseconds given, empty for none. */
function csv(orders: readonly OrderRecord[]): string {
  return orders.map((o) => {
    const e = o.endedAt;
    const ms = e === undefined || e === null ? "" : typeof e === "number" ? String(e) : String(Date.parse(e));
    return [o.platform, o.industry, o.status, ms, o.workerRegistered, o.workerInScope, o.startedInProvince].join(",");
  }).join("\n") + "\n";
}

const N = 4000;
const data = CASES.map((c, k) => {
  const orders = ordersFor(c.province, c.registry, 20_260_701 + k, N);
  const tally = new OrderTally(c.province, { registry: c.registry });
  for (const o of orders) tally.add(o);
  return { ...c, orders, counts: tally.counts() };
});
const COLUMNS = "platform TEXT, industry TEXT, status TEXT, ended_at_ms BIGINT, worker_registered BOOLEAN, worker_in_scope BOOLEAN, started_in_province BOOLEAN";
const dir = mkdtempSync(join(tmpdir(), "zhishang-sql-"));
const files = data.map((d, k) => {
  const f = join(dir, `t${k}.csv`);
  writeFileSync(f, csv(d.orders));
  return f;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the generated orders reach every exclusion, orders without an end time and counted orders, in every case", () => {
  for (const d of data) {
    for (const x of ORDER_EXCLUSIONS) expect(d.counts.excluded[x], `${d.name} ${x}`).toBeGreaterThan(0);
    expect(d.counts.counted).toBeGreaterThan(0);
    expect(d.counts.rows.some((r) => r.month === null)).toBe(true);
    expect(d.counts.records).toBe(N);
  }
});

describe("DuckDB (in-process)", () => {
  test("the query's rows are the tally's rows, exactly, for every case", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    try {
      for (const [k, d] of data.entries()) {
        await c.run(`CREATE TABLE t${k} (${COLUMNS})`);
        await c.run(`COPY t${k} FROM '${files[k]}' (FORMAT csv, HEADER false)`);
        const rows = (await c.runAndReadAll(orderCountsSql(d.province, { dialect: "duckdb", table: `t${k}`, registry: d.registry }))).getRowObjects();
        const fromSql = orderCountsFromRows(d.province, rows as never);
        expect(fromSql, d.name).toEqual(d.counts);
        // and row by row as the engine returned them (the ORDER BY is the tally's order)
        expect(rows.map((r) => [r.platform, r.industry, r.month, Number(r.counted)]), d.name)
          .toEqual(d.counts.rows.map((r) => [r.platform, r.industry, r.month, r.counted]));
      }
    } finally {
      c.closeSync();
    }
  });
});

const pgCheck = spawnSync("bash", [join(ROOT, "scripts", "pg-test.sh"), "check"]);
const PG = pgCheck.status === 0;
const CI = process.env.CI === "true" || process.env.CI === "1";
if (!PG && !CI) console.warn("orders-sql.test.ts: PostgreSQL is not installed: its test is skipped outside CI (apt-get install postgresql)");

/** Rows of psql --csv output, several result sets one after another, split at their header line. */
function resultSets(text: string): Array<Array<Record<string, string | null>>> {
  const sets: Array<Array<Record<string, string | null>>> = [];
  let header: string[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const cells = parseCsvLine(line) as string[];
    if (cells[0] === "platform") {
      header = cells;
      sets.push([]);
      continue;
    }
    sets[sets.length - 1]?.push(Object.fromEntries(header.map((h, j) => [h, h === "month" && cells[j] === "" ? null : (cells[j] as string)])));
  }
  return sets;
}

describe.skipIf(!PG && !CI)("PostgreSQL (psql against a throwaway cluster)", () => {
  let pg = "";
  beforeAll(() => {
    const s = spawnSync("bash", [join(ROOT, "scripts", "pg-test.sh"), "start"], { encoding: "utf8" });
    if (s.status !== 0) throw new Error(`PostgreSQL did not start: ${s.stderr}`);
    pg = s.stdout.trim();
  }, 60_000);
  afterAll(() => {
    if (pg !== "") spawnSync("bash", [join(ROOT, "scripts", "pg-test.sh"), "stop", pg]);
  });

  test("the query's rows are the tally's rows, exactly, for every case", () => {
    const script = data.map((d, k) => [
      `CREATE TABLE t${k} (${COLUMNS});`,
      `\\copy t${k} FROM '${files[k]}' WITH (FORMAT csv)`,
      orderCountsSql(d.province, { dialect: "postgres", table: `t${k}`, registry: d.registry }).trimEnd() + ";",
    ].join("\n")).join("\n");
    const f = join(dir, "script.sql");
    writeFileSync(f, script);
    const out = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-h", pg, "-U", "postgres", "-d", "postgres", "-f", f], { encoding: "utf8" });
    expect(out.stderr).toBe("");
    const sets = resultSets(out.stdout);
    expect(sets.length).toBe(data.length);
    data.forEach((d, k) => {
      const fromSql: OrderCounts = orderCountsFromRows(d.province, sets[k] as never);
      expect(fromSql, d.name).toEqual(d.counts);
      expect(sets[k]?.map((r) => [r.platform, r.industry, r.month]), d.name).toEqual(d.counts.rows.map((r) => [r.platform, r.industry, r.month]));
    });
  });
});

describe("orderCountsSql and orderCountsFromRows", () => {
  const caught = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof ZhishangError) return [e.code, e.path, e.messageEn];
      throw e;
    }
    return null;
  };

  test("the days in force come from the rule set: one open run, three runs with a late start, a gap", () => {
    // 2026-07-01 is day 20635 (Date.UTC(2026, 6, 1) / 86400000); 2028-01-15 is 21198, 2028-02-01 is 21215
    expect(new CountingRule("qinghai").inForceRuns).toEqual([[20635, Infinity]]);
    expect(new CountingRule("qinghai", { registry: (CASES[5] as (typeof CASES)[number]).registry }).inForceRuns).toEqual([[20635, 21198], [21215, Infinity]]);
    const q = orderCountsSql("qinghai", { dialect: "postgres", registry: (CASES[5] as (typeof CASES)[number]).registry });
    expect(q).toContain("CASE WHEN pre = 0 AND NOT (((z - 719468) >= 20635 /* 2026-07-01 */ AND (z - 719468) < 21198 /* 2028-01-15 */) OR (z - 719468) >= 21215 /* 2028-02-01 */) THEN 5 ELSE pre END AS code");
    expect(q).toContain("FROM orders");
    expect(q).toContain(`ORDER BY platform COLLATE "C"`);
    expect(orderCountsSql("qinghai", { dialect: "duckdb", table: "wh.orders" })).toContain("(ended_at_ms + 62162064000000) // 86400000 AS z");
  });

  test("a bad dialect or table name, a bad count", () => {
    expect(caught(() => orderCountsSql("shanghai", { dialect: "spark" as never }))).toEqual(["INVALID_INPUT", ["dialect"], "expected one of duckdb, postgres"]);
    expect(caught(() => orderCountsSql("shanghai", { table: "orders; drop table x" }))?.slice(0, 2)).toEqual(["INVALID_INPUT", ["table"]]);
    const row = { platform: "didi", industry: "ride-hailing", month: "2026-08", counted: "3", worker_not_registered: 0, worker_not_in_scope: 1n,
      started_outside_province: 0, not_ended: 0, before_start: 0 };
    // 3 counted + 1 out of scope = 4 records
    expect(orderCountsFromRows("shanghai", [row]).records).toBe(4);
    expect(caught(() => orderCountsFromRows("shanghai", [{ ...row, not_ended: -1 }]))).toEqual(["INVALID_INPUT", [0, "not_ended"],
      "row 0, column not_ended: expected a count (a non-negative integer)"]);
    expect(caught(() => orderCountsFromRows("shanghai", [{ ...row, month: "2026-13" }]))?.slice(0, 2)).toEqual(["INVALID_INPUT", [0, "rows", 0, "month"]]);
  });
});
