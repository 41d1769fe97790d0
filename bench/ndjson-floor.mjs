/**
 * The floor of `zhishang eval --ndjson` (spawned by bench/ndjson.mjs, not run alone): a process that does the
 * stream's work except the evaluation. It reads stdin in chunks as the CLI does (UTF-8 decoded across chunk
 * boundaries, split at "\n"), parses each line with `JSON.parse`, and writes the line's result — the result of
 * the same scenario, computed once at start-up — as `{"line":N,…}` with `JSON.stringify`, gathered to 64 kB and
 * written with backpressure. Its rate is what any line-by-line JSON process in Node reaches on this machine with
 * an evaluation that costs nothing: the ceiling of `eval --ndjson`.
 *
 *   node bench/ndjson-floor.mjs --explain json|none < lines.ndjson > /dev/null
 */
import { StringDecoder } from "node:string_decoder";
import * as lib from "../dist/index.js";
import { args, fixtures } from "./support.mjs";

const explain = args[args.indexOf("--explain") + 1] !== "none";
// the mix of bench/ndjson.mjs, in its order: line N of its input is scenario (N − 1) mod the mix's length
const data = lib.loadProcessData();
const results = fixtures()
  .map((f) => f.scenario)
  .filter((s) => s.expect !== undefined && lib.safeEvaluateScenario(s).ok)
  .map((s) => lib.evaluateDocument(s, data, { explain }));

const FLUSH_AT = 64 * 1024;
let out = "";
let number = 0;
let parsed = 0;
const write = (text) => (process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once("drain", resolve)));
const decoder = new StringDecoder("utf8");
let pending = "";
const answer = (line) => {
  number += 1;
  if (line.trim().length === 0) return;
  parsed += JSON.parse(line) === null ? 0 : 1;
  out += `{"line":${number},${JSON.stringify(results[(number - 1) % results.length]).slice(1)}\n`;
};
for await (const chunk of process.stdin) {
  const text = decoder.write(chunk);
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
    answer(pending.length === 0 ? text.slice(start, end) : pending + text.slice(start, end));
    pending = "";
    start = end + 1;
    if (out.length >= FLUSH_AT) {
      const p = write(out);
      out = "";
      if (p !== undefined) await p;
    }
  }
  pending += text.slice(start);
}
if (pending.length > 0) answer(pending);
if (out.length > 0) await write(out);
if (parsed < 0) console.error(parsed);
