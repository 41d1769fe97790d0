/**
 * `zhishang eval [FILE]`: one scenario read from FILE (stdin without one) → `{ id?, output, explanation, ruleSet,
 * assumptions, version }`, or a rendered explanation; `zhishang eval --ndjson`: one scenario per stdin line → one
 * result line each, in order, in constant memory (docs/scenarios.md, "Streaming many scenarios").
 */
import { ZhishangError } from "../core/errors.js";
import { explain } from "../scenario/render.js";
import { evaluateDocument, type EvaluationLine, type ProcessData } from "../scenario/batch.js";
import {
  choice,
  errorLine,
  HELP_OPTION,
  jsonLine,
  MAX_SCENARIO_BYTES,
  MAX_SCENARIO_SIZE,
  parseCommand,
  parseJson,
  processDataOf,
  readTextFile,
  usageError,
  type CliIO,
} from "./io.js";
import { lineBatches, textChunks, type InputLine } from "./lines.js";
import { PROCESS_DATA_HELP, PROCESS_DATA_OPTIONS } from "./process-data.js";

export const EVAL_USAGE = `Usage: zhishang eval [--explain none|json|zh|en [--format text|markdown|json]] [data options] [FILE]
       zhishang eval --ndjson [--explain none|json] [--progress] [data options] < scenarios.ndjson
  Evaluates one scenario read from FILE, or from stdin when no FILE is given (its expect ignored), and prints
  { id, output, explanation, ruleSet, assumptions, version } as one JSON line (--explain none: without the
  explanation, which is then not built), or with --explain zh|en the output and the explanation rendered in that
  language. A failure (the JSON not parsing included) prints { "id", "error": { code, message, messageZh,
  messageEn, path } } and exits 1; a FILE that cannot be read exits 2.
  --ndjson            one scenario per stdin line (blank lines skipped): one JSON line per scenario line, in
                      order, { "line", "id", … } with the fields above or "error"; a malformed line is an error
                      line and the stream goes on. Exit 0 when every line succeeded, 1 when any failed, 2 on a
                      usage error or when stdin cannot be read
  --progress          with --ndjson: "N lines, M errors" on stderr every 1000 lines (the default when stderr is
                      a terminal)
${PROCESS_DATA_HELP}
`;

/** Lines between two progress reports of `eval --ndjson`. */
const PROGRESS_EVERY = 1000;
/** Output gathered before it is written (the lines answered are written at once before more input is awaited). */
const FLUSH_AT = 64 * 1024;

export async function evalCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(io, "eval", EVAL_USAGE, {
    args: [...args],
    options: {
      explain: { type: "string" },
      format: { type: "string" },
      ndjson: { type: "boolean" },
      progress: { type: "boolean" },
      ...PROCESS_DATA_OPTIONS,
      ...HELP_OPTION,
    },
    allowPositionals: true,
  });
  if (typeof parsed === "number") return parsed;
  const ndjson = parsed.values.ndjson === true;
  const [file, ...more] = parsed.positionals;
  if (ndjson && file !== undefined) return usageError(io, "eval", "--ndjson reads stdin: give no scenario file", EVAL_USAGE);
  if (more.length > 0) return usageError(io, "eval", "give at most one scenario file (none: read stdin)", EVAL_USAGE);
  const mode = choice(io, "eval", EVAL_USAGE, "explain", parsed.values.explain, ndjson ? ["none", "json"] : ["none", "json", "zh", "en"], "json");
  if (mode === null) return 2;
  const format = choice(io, "eval", EVAL_USAGE, "format", parsed.values.format, ["text", "markdown", "json"], "text");
  if (format === null) return 2;
  if (parsed.values.progress === true && !ndjson) return usageError(io, "eval", "--progress applies to --ndjson", EVAL_USAGE);
  const data = processDataOf(io, parsed.values);
  if (data === null) return 2;
  if (ndjson) return evalNdjson(io, data, { explain: mode === "json", progress: parsed.values.progress === true || io.stderrIsTTY === true });

  let text: string;
  if (file === undefined) text = await io.readStdin();
  else {
    const read = readTextFile(file);
    if (!read.ok) {
      io.stderr(`zhishang eval: ${read.error.messageEn}\n`);
      return 2;
    }
    text = read.text;
  }
  const input = parseJson(text, file ?? "scenario on stdin");
  if (!input.ok) {
    io.stdout(errorLine(input.error));
    return 1;
  }
  const r = evaluateDocument(input.value, data, { explain: mode !== "none" });
  if ("error" in r || (mode !== "zh" && mode !== "en")) {
    io.stdout(jsonLine(r));
    return "error" in r ? 1 : 0;
  }
  io.stdout(`${JSON.stringify(r.output, null, 2)}\n\n${explain(r.explanation ?? [], { lang: mode, format })}\n`);
  return 0;
}


/**
 * `eval --ndjson`: each non-blank stdin line evaluated with {@link evaluateDocument}, its result line written in
 * input order. The lines answered are written before more input is awaited, with backpressure (`io.write`).
 */
async function evalNdjson(io: CliIO, data: ProcessData, options: { explain: boolean; progress: boolean }): Promise<number> {
  const write = io.write ?? io.stdout;
  const chunks = io.stdinStream !== undefined ? io.stdinStream() : textChunks(await io.readStdin());
  let lines = 0;
  let errors = 0;
  let out = "";
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    const text = out;
    out = "";
    await write(text);
  };
  try {
    for await (const batch of lineBatches(chunks, MAX_SCENARIO_BYTES)) {
      for (const line of batch) {
        const { text, number } = line;
        if (text !== null && text.trim().length === 0) continue;
        const r = resultOf(line, data, options);
        lines += 1;
        if ("error" in r) errors += 1;
        // `{ "line": N, …result }` written as text: the result's JSON with the line number put first
        out += `{"line":${number},${JSON.stringify(r).slice(1)}\n`;
        if (out.length >= FLUSH_AT) await flush();
        if (options.progress && lines % PROGRESS_EVERY === 0) io.stderr(`zhishang eval: ${lines} lines, ${errors} errors\n`);
      }
      await flush();
    }
  } catch (e) {
    // stdin could not be read (a stream error): what was answered stays written
    await flush();
    io.stderr(`zhishang eval: cannot read stdin: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (options.progress) io.stderr(`zhishang eval: ${lines} lines, ${errors} errors (done)\n`);
  return errors === 0 ? 0 : 1;
}

/** The result of one input line (one without its text: above the size limit, or not UTF-8). */
function resultOf({ text, number, problem }: InputLine, data: ProcessData, options: { explain: boolean }): EvaluationLine {
  if (text === null) {
    // the UTF-8 message is the service's (its NDJSON batch), so both answer a broken line alike
    const message = problem === "not-utf8"
      ? { en: `line ${number}: not valid UTF-8`, zh: `第 ${number} 行不是有效的 UTF-8 编码` }
      : { en: `line ${number}: larger than ${MAX_SCENARIO_SIZE}`, zh: `第 ${number} 行：超过 ${MAX_SCENARIO_SIZE}` };
    return { error: new ZhishangError("INVALID_INPUT", message).toJSON() };
  }
  let value: unknown;
  try {
    value = JSON.parse(number === 1 && text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (e) {
    return { error: new ZhishangError("INVALID_INPUT", { en: `line ${number}: not valid JSON: ${(e as Error).message}`, zh: `第 ${number} 行不是有效的 JSON` }).toJSON() };
  }
  return evaluateDocument(value, data, options);
}
