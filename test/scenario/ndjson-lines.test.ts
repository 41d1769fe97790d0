/**
 * `eval --ndjson` in process: the line splitter (src/cli/lines.ts) on chunk boundaries, and the answering loop of
 * src/cli/eval.ts through `main` with a stdin stream and a `write` that takes its time (backpressure). The same
 * command as a real process, under 10,000 lines and with a slow reader, is in ndjson.test.ts; these tests pin the
 * edge cases one by one, where a wrong line number or a lost line would show.
 */
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import { MAX_SCENARIO_BYTES } from "../../src/cli/files.js";
import { lineBatches, textChunks, type InputLine } from "../../src/cli/lines.js";

async function* chunksOf(parts: ReadonlyArray<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  for (const p of parts) yield p;
}

async function linesOf(parts: ReadonlyArray<string | Uint8Array>, max = 1000): Promise<{ batches: InputLine[][]; lines: InputLine[] }> {
  const batches: InputLine[][] = [];
  for await (const b of lineBatches(chunksOf(parts), max)) batches.push(b);
  return { batches, lines: batches.flat() };
}

describe("lineBatches: the lines of a stream of chunks", () => {
  test("a line split across chunks is one line; each chunk's complete lines come as one batch", async () => {
    // chunk 1 holds line 1 whole and the start of line 2; chunk 2 ends line 2 and holds line 3 without its end
    const { batches, lines } = await linesOf(['{"a":1}\n{"b"', ':2}\n{"c":3}']);
    expect(lines).toEqual([
      { text: '{"a":1}', number: 1 },
      { text: '{"b":2}', number: 2 },
      { text: '{"c":3}', number: 3 },
    ]);
    // batches: [line 1] after chunk 1, [line 2] after chunk 2, [line 3] at the end (no "\n" after it)
    expect(batches.map((b) => b.map((l) => l.number))).toEqual([[1], [2], [3]]);
  });

  test("a UTF-8 character split between two byte chunks is decoded whole", async () => {
    // "伤" is E4 BC A4 in UTF-8: the first chunk ends after its first byte
    const bytes = Buffer.from('{"t":"职伤"}\n', "utf8");
    const cut = bytes.indexOf(0xe4);
    const { lines } = await linesOf([bytes.subarray(0, cut + 1), bytes.subarray(cut + 1)]);
    expect(lines).toEqual([{ text: '{"t":"职伤"}', number: 1 }]);
  });

  test("\\r\\n ends a line like \\n; blank lines keep their numbers", async () => {
    const { lines } = await linesOf(["a\r\n\r\nb\n"]);
    expect(lines).toEqual([
      { text: "a", number: 1 },
      { text: "", number: 2 },
      { text: "b", number: 3 },
    ]);
  });

  test("empty input has no line; a lone newline is one empty line", async () => {
    expect((await linesOf([])).lines).toEqual([]);
    expect((await linesOf([""])).lines).toEqual([]);
    expect((await linesOf(["\n"])).lines).toEqual([{ text: "", number: 1 }]);
  });

  test("a line over the limit is given as null, also when it spans chunks, and the next line keeps its number", async () => {
    // limit 5: "123456" (6) is too long; "abcdefgh" arrives in three chunks and is too long from the second
    const { lines } = await linesOf(["ok\n123456\nab", "cdef", "gh\nlast"], 5);
    expect(lines).toEqual([
      { text: "ok", number: 1 },
      { text: null, number: 2, problem: "too-long" },
      { text: null, number: 3, problem: "too-long" },
      { text: "last", number: 4 },
    ]);
    // exactly at the limit is kept
    expect((await linesOf(["12345\n"], 5)).lines).toEqual([{ text: "12345", number: 1 }]);
    // a last line over the limit without an end is still answered (as null)
    expect((await linesOf(["ok\n1234567"], 5)).lines).toEqual([{ text: "ok", number: 1 }, { text: null, number: 2, problem: "too-long" }]);
    // the limit is in bytes of UTF-8: "职伤" is 2 characters and 6 bytes — over a limit of 5, within one of 6
    expect((await linesOf(["职伤\nx\n"], 5)).lines).toEqual([{ text: null, number: 1, problem: "too-long" }, { text: "x", number: 2 }]);
    expect((await linesOf(["a\n职伤\n"], 5)).lines).toEqual([{ text: "a", number: 1 }, { text: null, number: 2, problem: "too-long" }]);
    expect((await linesOf(["a\n职伤\n"], 6)).lines).toEqual([{ text: "a", number: 1 }, { text: "职伤", number: 2 }]);
  });

  test("a line that is not valid UTF-8 has no text (problem not-utf8); the lines around it are read", async () => {
    // line 2 holds a lone 0xFF byte; line 4 ends in the first two bytes of "伤" (E4 BC A4) cut off by its end
    const bad = Buffer.concat([
      Buffer.from('{"a":1}\n{"b":"'), Buffer.from([0xff]), Buffer.from('"}\n{"c":3}\n{"d":"'),
      Buffer.from([0xe4, 0xbc]), Buffer.from('"}\n{"e":5}'),
    ]);
    const expected = [
      { text: '{"a":1}', number: 1 },
      { text: null, number: 2, problem: "not-utf8" },
      { text: '{"c":3}', number: 3 },
      { text: null, number: 4, problem: "not-utf8" },
      { text: '{"e":5}', number: 5 },
    ];
    expect((await linesOf([bad])).lines).toEqual(expected);
    // the same bytes in chunks of every size from 1 to 8: the same lines
    for (let size = 1; size <= 8; size++) {
      const parts: Buffer[] = [];
      for (let k = 0; k < bad.length; k += size) parts.push(bad.subarray(k, k + size));
      expect((await linesOf(parts)).lines, `chunks of ${size}`).toEqual(expected);
    }
    // a first line that is not UTF-8, and a last line without an end that is not
    expect((await linesOf([Buffer.from([0xc3, 0x0a, 0x41, 0x0a, 0xc3])])).lines).toEqual([
      { text: null, number: 1, problem: "not-utf8" },
      { text: "A", number: 2 },
      { text: null, number: 3, problem: "not-utf8" },
    ]);
  });

  test("textChunks gives a whole text as one chunk", async () => {
    const out: Array<string> = [];
    for await (const c of textChunks("x\ny")) out.push(c);
    expect(out).toEqual(["x\ny"]);
  });
});

/** A dependant-qualification scenario (青海, 劳社部令第18号第三条): a child of 10 who relied on the deceased. */
function scenario(id: string, birthDate = "2016-05-20"): string {
  return JSON.stringify({
    id, province: "qinghai", kind: "dependant-qualification",
    input: { relation: "child", sex: "female", birthDate, asOf: "2026-09-01", reliedOnDeceased: true },
  });
}

interface Ran {
  code: number;
  lines: Array<Record<string, unknown>>;
  err: string;
  writes: number;
  maxInFlight: number;
}

/** Runs `zhishang eval --ndjson …` in process over `parts` as stdin chunks; `write` resolves on a later tick. */
async function ndjson(parts: ReadonlyArray<string | Buffer>, args: string[] = [], failAfter?: number): Promise<Ran> {
  let out = "";
  let err = "";
  let writes = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const code = await main(["eval", "--ndjson", ...args], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: async () => "",
    stdinStream: async function* () {
      let k = 0;
      for (const p of parts) {
        if (failAfter !== undefined && k === failAfter) throw new Error("the pipe broke");
        k += 1;
        yield p;
      }
    },
    // a slow stream: each write is taken on a later tick; the loop must wait for it before writing again
    write: (t) => {
      writes += 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<void>((resolve) => setImmediate(() => {
        out += t;
        inFlight -= 1;
        resolve();
      }));
    },
  });
  const lines = out.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, err, writes, maxInFlight };
}

describe("eval --ndjson in process", () => {
  test("one answer per scenario line in input order, with its line number; blank lines skipped but counted", async () => {
    // lines: 1 a, 2 blank, 3 b, 4 c — split mid-line across chunks
    const text = `${scenario("a")}\n\n${scenario("b")}\n${scenario("c")}\n`;
    const r = await ndjson([text.slice(0, 50), text.slice(50, 130), text.slice(130)]);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.line, l.id])).toEqual([[1, "a"], [3, "b"], [4, "c"]]);
    // 青海 child born 2016-05-20, as of 2026-09-01: age 10 (劳社部令第18号第三条第（三）项: under 18)
    expect(r.lines.map((l) => (l.output as { age: number; qualifies: boolean }).age)).toEqual([10, 10, 10]);
    expect(r.lines.every((l) => (l.output as { qualifies: boolean }).qualifies)).toBe(true);
    expect(r.maxInFlight).toBe(1);
  });

  test("a bad line in the middle gets a typed error line and the stream goes on; exit 1", async () => {
    const long = `{"id":"${"x".repeat(MAX_SCENARIO_BYTES)}"}`;
    const text = [scenario("a"), "{not json", long, scenario("d", "2099-01-01"), scenario("e")].join("\n");
    const r = await ndjson([text]);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
    expect(r.lines[0]).toMatchObject({ id: "a", output: { qualifies: true } });
    // line 2: not JSON, in both languages, no id
    expect(r.lines[1]).toMatchObject({ error: { code: "INVALID_INPUT", messageZh: "第 2 行不是有效的 JSON" } });
    expect(r.lines[1]).not.toHaveProperty("id");
    // line 3: over the limit, refused without being kept
    expect((r.lines[2] as { error: { code: string; messageEn: string } }).error.code).toBe("INVALID_INPUT");
    expect((r.lines[2] as { error: { messageEn: string } }).error.messageEn).toBe("line 3: larger than 10 MiB");
    // line 4: born after asOf — an input error of the rule, with the scenario's id
    expect(r.lines[3]).toMatchObject({ id: "d", error: { code: "INVALID_INPUT" } });
    expect(r.lines[4]).toMatchObject({ id: "e", output: { qualifies: true } });
  });

  test("a line that is not UTF-8 gets the service's error line and the stream goes on; exit 1", async () => {
    const bytes = Buffer.concat([Buffer.from(`${scenario("a")}\n{"id":"`), Buffer.from([0xfe, 0xff]), Buffer.from(`"}\n${scenario("c")}\n`)]);
    const r = await ndjson([bytes]);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(r.lines[1]).toEqual({
      line: 2,
      error: expect.objectContaining({ code: "INVALID_INPUT", messageEn: "line 2: not valid UTF-8", messageZh: "第 2 行不是有效的 UTF-8 编码" }),
    });
    expect(r.lines[2]).toMatchObject({ id: "c", output: { qualifies: true } });
  });

  test("a BOM before the first line is accepted", async () => {
    const r = await ndjson([`\uFEFF${scenario("a")}\n`]);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatchObject({ line: 1, id: "a", output: { age: 10 } });
  });

  test("--explain none leaves the explanation out; json keeps it", async () => {
    const none = await ndjson([`${scenario("a")}\n`], ["--explain", "none"]);
    const json = await ndjson([`${scenario("a")}\n`], ["--explain", "json"]);
    expect(none.lines[0]).not.toHaveProperty("explanation");
    expect(json.lines[0]?.explanation).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "dependants.qualification" })]));
    expect(none.lines[0]?.output).toEqual(json.lines[0]?.output);
  });

  test("--progress reports every 1000 lines and at the end on stderr", async () => {
    const text = `${Array.from({ length: 1001 }, (_, k) => scenario(`s${k}`)).join("\n")}\n`;
    const r = await ndjson([text], ["--explain", "none", "--progress"]);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1001);
    expect(r.lines[1000]).toMatchObject({ line: 1001, id: "s1000" });
    expect(r.err).toBe("zhishang eval: 1000 lines, 0 errors\nzhishang eval: 1001 lines, 0 errors (done)\n");
    // 1001 answers of about 300 bytes: more than one 64 kB write, never two at once
    expect(r.writes).toBeGreaterThan(1);
    expect(r.maxInFlight).toBe(1);
  });

  test("stdin that fails mid-stream: the lines answered stay written, exit 2", async () => {
    const r = await ndjson([`${scenario("a")}\n`, `${scenario("b")}\n`], [], 1);
    expect(r.code).toBe(2);
    expect(r.lines.map((l) => l.id)).toEqual(["a"]);
    expect(r.err).toBe("zhishang eval: cannot read stdin: the pipe broke\n");
  });

  test("--ndjson with a file is a usage error (exit 2)", async () => {
    const r = await ndjson([], ["some.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--ndjson reads stdin");
  });
});
