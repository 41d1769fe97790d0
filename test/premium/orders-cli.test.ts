/**
 * `zhishang orders count | merge | sql` (src/cli/orders.ts): files read line by line into the tally, each refused
 * record reported with its file and line number and skipped (exit 1), CSV with quoted fields, pricing with the
 * declaration deadline, shards merged, the SQL printed. And the tally's own fix under it: a refused record's error
 * names the position the caller gives (`add(record, index)`), not the number of records accepted so far.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import { parseCsvLine } from "../../src/cli/orders.js";
import { lineBatches } from "../../src/cli/lines.js";
import { ZhishangError } from "../../src/core/errors.js";
import { OrderTally, type OrderRecord } from "../../src/premium/orders.js";

async function run(argv: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => stdin });
  return { code, out, err };
}
const lines = (text: string) => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);

const dir = mkdtempSync(join(tmpdir(), "zhishang-orders-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

const ok = { workerRegistered: true, workerInScope: true, startedInProvince: true };
const order = (over: Record<string, unknown> = {}) =>
  ({ platform: "meituan", industry: "instant-delivery", status: "delivered", endedAt: "2026-03-31T23:59:59+08:00", ...ok, ...over });
const NONE = { "worker-not-registered": 0, "worker-not-in-scope": 0, "started-outside-province": 0, "not-ended": 0, "before-start": 0 };

describe("the tally names the caller's position of a refused record", () => {
  test("two refused records around a good one: each error has its own position (it used to be the count accepted so far)", () => {
    const t = new OrderTally("shanghai");
    const errors: unknown[] = [];
    // positions 500001 and 500003 refused, 500002 accepted: before the fix both said "order record 500000"
    // (had 500000 been accepted) — here 0 were accepted before the first, 1 before the second
    [order({ status: "lost" }), order(), order({ industry: "taxi" })].forEach((r, k) => {
      try {
        t.add(r as OrderRecord, 500_001 + k);
      } catch (e) {
        errors.push([(e as ZhishangError).path, (e as ZhishangError).messageEn]);
      }
    });
    expect(errors).toEqual([
      [[500_001, "status"], "order record 500001, field status: expected one of delivered, transferred, cancelled, in-progress"],
      [[500_003, "industry"], "order record 500003, field industry: expected one of ride-hailing, instant-delivery, intra-city-freight"],
    ]);
    // a refused record leaves the tally as it was: one record, counted
    expect([t.records, t.counts().counted]).toEqual([1, 1]);
    // without a position: the number accepted so far, as before
    expect(() => t.add(order({ status: "lost" }) as OrderRecord)).toThrow("order record 1, field status");
  });
});

describe("line reading and the CSV line parser", () => {
  test("lines split on \\n and \\r\\n across chunks, a last line without a newline, a character split between chunks", async () => {
    const got: Array<[string, number]> = [];
    const zhong = Buffer.from("中"); // 3 bytes, split 1 + 2 between two chunks
    async function* chunks() {
      yield Buffer.from("a,b\r\nc");
      yield Buffer.concat([Buffer.from("d\n"), zhong.subarray(0, 1)]);
      yield Buffer.concat([zhong.subarray(1), Buffer.from("\n\nlast")]);
    }
    // orders count reads its lines with the splitter of eval --ndjson, without a length limit
    for await (const batch of lineBatches(chunks(), Infinity)) for (const { text, number } of batch) got.push([text as string, number]);
    expect(got.length).toBe(5);
    expect(got).toEqual([["a,b", 1], ["cd", 2], ["中", 3], ["", 4], ["last", 5]]);
  });

  test("quoted fields with commas and doubled quotes; an unclosed quote or text after one is null", () => {
    expect(parseCsvLine(`a,"b,c","say ""hi""",,"",x`)).toEqual(["a", "b,c", `say "hi"`, "", "", "x"]);
    expect(parseCsvLine("")).toEqual([""]);
    expect(parseCsvLine(`a,"b`)).toBeNull();
    expect(parseCsvLine(`a,"b"c`)).toBeNull();
    expect(parseCsvLine(`a,b"c`)).toBeNull();
  });
});

describe("zhishang orders count", () => {
  // line 1: 31 March 23:59:59 China time (March); line 2: 31 March 16:00 UTC = 1 April 00:00 China time (April);
  // line 3: a bad industry; line 4: blank (skipped); line 5: not JSON; line 6: cancelled (not ended, March)
  const ndjson = file("a.ndjson", [
    JSON.stringify(order()),
    JSON.stringify(order({ endedAt: "2026-03-31T16:00:00Z" })),
    JSON.stringify(order({ industry: "taxi" })),
    "",
    "not json",
    JSON.stringify(order({ status: "cancelled", endedAt: 1774886400000 })), // 2026-03-30T16:00Z = 31 March 00:00 China time
  ].join("\n"));

  test("refused records are reported with file and line, skipped, counted in the output; exit 1", async () => {
    const r = await run(["orders", "count", ndjson, "--province", "shanghai"]);
    expect(r.code).toBe(1);
    expect(lines(r.err).map((e) => [e.file, e.line, (e.error as { path: unknown }).path, (e.error as { messageEn: string }).messageEn])).toEqual([
      [ndjson, 3, [3, "industry"], "order record 3, field industry: expected one of ride-hailing, instant-delivery, intra-city-freight"],
      [ndjson, 5, [5], "line 5: not valid JSON"],
    ]);
    const { counts, refused } = JSON.parse(r.out) as { counts: { records: number; counted: number; rows: Array<{ month: string; counted: number; excluded: unknown }> }; refused: number };
    expect([refused, counts.records, counts.counted]).toEqual([2, 3, 2]);
    expect(counts.rows.map((x) => [x.month, x.counted, x.excluded])).toEqual([
      ["2026-03", 1, { ...NONE, "not-ended": 1 }], ["2026-04", 1, NONE]]);
  });

  test("stdin, and every record accepted: exit 0", async () => {
    const r = await run(["orders", "count", "--province", "shanghai"], `${JSON.stringify(order())}\n`);
    expect([r.code, r.err, JSON.parse(r.out).counts.counted, JSON.parse(r.out).refused]).toEqual([0, "", 1, 0]);
  });

  test("CSV: header by name in any order, extra columns ignored, booleans true/false/1/0, epoch ms or ISO, empty end time", async () => {
    const f = file("a.csv", [
      "status,platform,note,industry,endedAt,workerRegistered,workerInScope,startedInProvince",
      `delivered,meituan,"a note, with a comma",instant-delivery,2026-03-10T12:00:00+08:00,true,1,TRUE`,
      `delivered,"meituan",,instant-delivery,1773115200000,1,1,1`, // 2026-03-10T04:00Z
      "in-progress,meituan,,instant-delivery,,true,true,false",
      `delivered,meituan,"unclosed,instant-delivery,1773115200000,1,1,1`,
      "delivered,meituan,,instant-delivery,1773115200000,0,yes,1",
    ].join("\r\n"));
    const r = await run(["orders", "count", f, "--province", "shanghai", "--format", "csv"]);
    expect(r.code).toBe(1);
    // line 2: "TRUE" is not a flag; line 5: the quote is not closed; line 6: workerRegistered 0 is fine, "yes" is not
    expect(lines(r.err).map((e) => [e.line, (e.error as { path: unknown }).path])).toEqual([[2, [2, "startedInProvince"]], [5, [5]], [6, [6, "workerInScope"]]]);
    const out = JSON.parse(r.out) as { counts: { rows: Array<{ month: string | null; counted: number; excluded: unknown }> }; refused: number };
    // line 3 counted in March; line 4: in progress, started outside — the first condition it fails is the place
    expect([out.refused, out.counts.rows.map((x) => [x.month, x.counted, x.excluded])]).toEqual([3, [
      ["2026-03", 1, NONE], [null, 0, { ...NONE, "started-outside-province": 1 }]]]);
  });

  test("a CSV header without a field, an unreadable file, a missing --province: exit 2", async () => {
    const f = file("b.csv", "platform,industry,status\n");
    const r = await run(["orders", "count", f, "--province", "shanghai", "--format", "csv"]);
    expect([r.code, lines(r.err)[0]?.file, (lines(r.err)[0]?.error as { messageEn: string }).messageEn]).toEqual([2, f,
      "the CSV header must name the fields platform, industry, status, endedAt, workerRegistered, workerInScope, startedInProvince (missing: endedAt, workerRegistered, workerInScope, startedInProvince)"]);
    expect((await run(["orders", "count", join(dir, "none.ndjson"), "--province", "shanghai"])).err).toBe(`zhishang orders count: ${join(dir, "none.ndjson")}: no such file\n`);
    expect((await run(["orders", "count", ndjson])).code).toBe(2);
    expect((await run(["orders", "count", ndjson, "--province", "atlantis"])).code).toBe(2);
    expect((await run(["orders", "count", ndjson, "--province", "shanghai", "--price"])).code).toBe(2);
  });

  test("--month --price: the month's contributions and the declaration deadline", async () => {
    const rates = file("rates.json", JSON.stringify([{ platform: "meituan", industry: "instant-delivery", baseAmount: "0.25", floatPercent: 120 }]));
    const r = await run(["orders", "count", ndjson, "--province", "shanghai", "--month", "2026-03", "--price", "--rates", rates]);
    const c = (JSON.parse(r.out) as { contributions: { lines: Array<{ orders: number; ratePerOrder: string; amountDue: string }>; declarationDeadline: string } }).contributions;
    // one March order × 0.25 × 120% = 0.30; 4–6 April 2026 are off: three working days after the 15th is the 20th
    expect([r.code, c.lines.map((l) => [l.orders, l.ratePerOrder, l.amountDue]), c.declarationDeadline]).toEqual([1, [[1, "0.3", "0.30"]], "2026-04-20"]);
  });

  test("--progress: the lines read and refused on stderr at the end (and every million lines)", async () => {
    const r = await run(["orders", "count", "--province", "shanghai", "--progress"], `${JSON.stringify(order())}\n{\n`);
    expect([r.code, r.err.split("\n").slice(1)]).toEqual([1, ["zhishang orders: 2 lines read, 1 refused", ""]]);
    expect((await run(["orders", "count", "--province", "shanghai"], `${JSON.stringify(order())}\n`)).err).toBe("");
  });

  test("stdin as a stream of chunks (the process's stdin), a record split between chunks", async () => {
    let out = "";
    const text = `${JSON.stringify(order())}\n${JSON.stringify(order({ platform: "eleme" }))}\n`;
    async function* chunks() {
      yield Buffer.from(text.slice(0, 50));
      yield Buffer.from(text.slice(50));
    }
    const code = await main(["orders", "count", "--province", "shanghai"], { stdout: (t) => (out += t), stderr: () => {}, readStdin: async () => "", stdinStream: chunks });
    expect([code, (JSON.parse(out) as { counts: { rows: Array<{ platform: string }> } }).counts.rows.map((x) => x.platform)]).toEqual([0, ["eleme", "meituan"]]);
  });

  test("a pricing error is a typed line on stderr, the counts are still printed, exit 1; an unreadable rates file: exit 2", async () => {
    const r = await run(["orders", "count", ndjson, "--province", "shanghai", "--month", "2026-13", "--price"]);
    const errors = lines(r.err);
    expect([r.code, (errors[errors.length - 1]?.error as { path: unknown }).path, Object.keys(JSON.parse(r.out) as object)]).toEqual([1, ["orderMonth"], ["counts", "refused"]]);
    expect((await run(["orders", "count", ndjson, "--province", "shanghai", "--month", "2026-03", "--price", "--rates", join(dir, "none.json")])).code).toBe(2);
    expect((await run(["orders", "count", ndjson, "--province", "shanghai", "--rates", join(dir, "none.json")])).code).toBe(2);
  });
});

describe("zhishang orders: usage", () => {
  test("--help of each subcommand (exit 0); unknown options, a bad --format, a missing rule-set file, no subcommand (exit 2)", async () => {
    for (const argv of [["orders", "--help"], ["orders", "count", "--help"], ["orders", "merge", "-h"], ["orders", "sql", "--help"]]) {
      const r = await run(argv);
      expect([r.code, r.out.startsWith("Usage:\n  zhishang orders count")], argv.join(" ")).toEqual([0, true]);
    }
    for (const argv of [["orders", "count", "--frobnicate"], ["orders", "merge", "--frobnicate"], ["orders", "sql", "--frobnicate"],
      ["orders", "count", "--province", "shanghai", "--format", "xlsx"], ["orders", "sql"], ["orders"],
      ["orders", "count", "--province", "shanghai", "--rule-set", join(dir, "none.json")], ["orders", "sql", "--province", "shanghai", "--rule-set", join(dir, "none.json")]]) {
      expect((await run(argv)).code, argv.join(" ")).toBe(2);
    }
    expect((await run(["orders"])).err.startsWith("zhishang orders: give count, merge or sql\n")).toBe(true);
  });

  test("a malformed CSV header (exit 2); a last line ending in \\r; a row shorter than the header (its missing fields are empty)", async () => {
    expect((await run(["orders", "count", file("c.csv", `"platform,industry\n`), "--province", "shanghai", "--format", "csv"])).code).toBe(2);
    const f = file("d.csv", "platform,industry,status,endedAt,workerRegistered,workerInScope,startedInProvince\r\nmeituan,instant-delivery,in-progress,,1,1,1\r\nmeituan,instant-delivery,delivered\r");
    const r = await run(["orders", "count", f, "--province", "shanghai", "--format", "csv"]);
    // line 2: in progress, not ended; line 3: no end time for a delivered order (its flags are checked first: "" is not a flag)
    expect([r.code, lines(r.err).map((e) => (e.error as { path: unknown }).path), (JSON.parse(r.out) as { counts: { excluded: unknown } }).counts.excluded])
      .toEqual([1, [[3, "workerRegistered"]], { ...NONE, "not-ended": 1 }]);
  });
});

describe("zhishang orders merge and sql", () => {
  test("merge: shards add up (the output of count, or plain counts), refused summed; a shard of another province: exit 1", async () => {
    const a = file("a.json", (await run(["orders", "count", "--province", "shanghai"], `${JSON.stringify(order())}\n{`)).out);
    const plain = file("p.json", JSON.stringify((JSON.parse((await run(["orders", "count", "--province", "shanghai"], `${JSON.stringify(order({ platform: "eleme" }))}\n`)).out) as { counts: unknown }).counts));
    const r = await run(["orders", "merge", a, plain, a]);
    const m = JSON.parse(r.out) as { counts: { records: number; rows: Array<{ platform: string; counted: number }> }; refused: number };
    expect([r.code, m.refused, m.counts.records, m.counts.rows.map((x) => [x.platform, x.counted])]).toEqual([0, 2, 3, [["eleme", 1], ["meituan", 2]]]);
    const q = file("q.json", (await run(["orders", "count", "--province", "qinghai"], "")).out);
    const bad = await run(["orders", "merge", a, q]);
    expect([bad.code, lines(bad.err)[0]?.file, (lines(bad.err)[0]?.error as { path: unknown }).path]).toEqual([1, q, [1, "province"]]);
    expect((await run(["orders", "merge"])).code).toBe(2);
    expect((await run(["orders", "merge", join(dir, "none.json")])).code).toBe(2);
    expect((await run(["orders", "merge", file("bad.json", "{")])).code).toBe(1);
    // counts that do not add up: refused at the total that differs, with the file
    const wrong = file("wrong.json", JSON.stringify({ ...(JSON.parse(readFileSync(a, "utf8")) as { counts: object }).counts, records: 5 }));
    const w = await run(["orders", "merge", wrong]);
    expect([w.code, lines(w.err)[0]?.file, (lines(w.err)[0]?.error as { messageEn: string }).messageEn]).toEqual([1, wrong,
      "records is 5 but the rows hold 1 (each record is counted or excluded once)"]);
  });

  test("sql: the query for a province and dialect; a bad dialect is a usage error", async () => {
    const r = await run(["orders", "sql", "--province", "zhejiang", "--dialect", "postgres", "--table", "wh.orders"]);
    expect([r.code, r.out.includes("FROM wh.orders"), r.out.includes(`COLLATE "C"`), r.out.startsWith("-- zhishang: counted orders")]).toEqual([0, true, true, true]);
    expect((await run(["orders", "sql", "--province", "zhejiang", "--dialect", "oracle"])).code).toBe(2);
    expect((await run(["orders", "sql", "--province", "zhejiang", "--table", "a b"])).code).toBe(2);
    expect((await run(["orders", "frobnicate"])).code).toBe(2);
  });
});
