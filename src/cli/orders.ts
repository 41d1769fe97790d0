/**
 * `zhishang orders count | merge | sql`: order files counted in constant memory (NDJSON or CSV, read line by line
 * and fed to an `OrderTally` one record at a time), counts of shards merged, and the counting rule printed as
 * SQL for a platform's warehouse (src/premium/order-sql.ts).
 *
 * A refused record does not stop the count (a stream goes on): each is one JSON line on stderr with its file, its
 * line number and the typed error, the output says how many were refused, and the exit code is 1.
 */
import { createReadStream } from "node:fs";
import { invalidInput, isZhishangError, type ZhishangError } from "../core/errors.js";
import { computeMonthlyContributions } from "../premium/contribution.js";
import { mergeOrderCounts, type OrderCounts } from "../premium/order-counts.js";
import type { OrderRecord } from "../premium/order-record.js";
import { ORDER_SQL_DIALECTS, orderCountsSql } from "../premium/order-sql.js";
import { OrderTally } from "../premium/order-tally.js";
import type { RuleSetRegistry } from "../provinces/registry.js";
import {
  choice,
  errorLine,
  HELP_OPTION,
  jsonLine,
  parseCommand,
  readJsonFile,
  RULE_SET_HELP,
  RULE_SET_OPTION,
  ruleSetRegistry,
  typed,
  usageError,
  type CliIO,
} from "./io.js";
import { lineBatches, textChunks } from "./lines.js";

export const ORDERS_USAGE = `Usage:
  zhishang orders count [FILE]... --province <p> [--format ndjson|csv] [--progress] [--month YYYY-MM --price [--rates <file>]]
                                     count order records (no FILE: stdin), one per line (NDJSON) or row (CSV with
                                     a header of the OrderRecord field names); prints { counts, refused } and, with
                                     --price, the month's contributions with the declaration deadline
  zhishang orders merge <counts-file>...
                                     merge counts (the output of orders count, or OrderCounts JSON) of shards
  zhishang orders sql --province <p> [--dialect duckdb|postgres] [--table <name>]
                                     the counting rule as one SQL query whose rows are the tally's rows
  A refused record is one JSON line on stderr ({ file, line, error }); the count goes on and exits 1.
  --progress          lines read on stderr every million lines and at the end (the default when stderr is a terminal)
  --rates <file>      JSON array of rates for --price (platform, industry, floatPercent, baseAmount, ...)
${RULE_SET_HELP}
`;

/** Lines between two progress reports. */
const PROGRESS_EVERY = 1_000_000;

/**
 * The fields of one CSV line (RFC 4180: comma-separated, a field in double quotes may hold commas and `""` for a
 * quote), or null when a quote is not closed on the line or text follows a closing quote. A record spans one line.
 */
export function parseCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let k = 0;
  const n = line.length;
  for (;;) {
    if (k < n && line.charCodeAt(k) === 34) {
      let v = "";
      let from = k + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q < 0) return null;
        v += line.slice(from, q);
        if (line.charCodeAt(q + 1) === 34) {
          v += '"';
          from = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      out.push(v);
      if (k === n) return out;
      if (line.charCodeAt(k) !== 44) return null;
      k += 1;
    } else {
      const c = line.indexOf(",", k);
      const end = c < 0 ? n : c;
      const v = line.slice(k, end);
      if (v.includes('"')) return null;
      out.push(v);
      if (c < 0) return out;
      k = c + 1;
    }
  }
}

const FIELDS = ["platform", "industry", "status", "endedAt", "workerRegistered", "workerInScope", "startedInProvince"] as const;
const FLAGS = new Set<string>(["workerRegistered", "workerInScope", "startedInProvince"]);

/** A CSV flag: true/false/1/0 as a boolean; anything else as given (the tally refuses it with its own message). */
function csvFlag(v: string): boolean | string {
  return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v;
}

/** A CSV end time: empty is none, an integer is epoch milliseconds, anything else an ISO 8601 text. */
function csvEndedAt(v: string): string | number | null {
  return v === "" ? null : /^-?\d+$/.test(v) ? Number(v) : v;
}

/** The record of a CSV row, by the column of each field in the header. */
function csvRecord(cells: readonly string[], columns: readonly number[]): OrderRecord {
  const r: Record<string, unknown> = {};
  FIELDS.forEach((f, j) => {
    const v = cells[columns[j] as number] ?? "";
    r[f] = f === "endedAt" ? csvEndedAt(v) : FLAGS.has(f) ? csvFlag(v) : v;
  });
  return r as unknown as OrderRecord;
}

interface CountRun {
  refused: number;
  lines: number;
}

/** Reads one source (a file, or stdin as "-") into the tally; a refused record is reported and skipped. Null: the source could not be read (reported). */
async function countSource(io: CliIO, tally: OrderTally, file: string, format: "ndjson" | "csv", progress: boolean, run: CountRun): Promise<boolean> {
  const refuse = (line: number, error: ZhishangError) => {
    run.refused += 1;
    io.stderr(jsonLine({ file, line, error: error.toJSON() }));
  };
  let columns: number[] | null = null;
  let headerError: ZhishangError | null = null;
  // `text` null: a line that is not UTF-8 (there is no length limit), refused as the service's NDJSON batch refuses it
  const onLine = (text: string | null, line: number) => {
    run.lines += 1;
    if (progress && run.lines % PROGRESS_EVERY === 0) io.stderr(`zhishang orders: ${run.lines} lines read (${file})${io.stderrIsTTY === true ? "\r" : "\n"}`);
    if (headerError !== null) return;
    if (text === null) {
      const error = invalidInput([line], `line ${line}: not valid UTF-8`, `第 ${line} 行不是有效的 UTF-8 编码`);
      if (format === "csv" && columns === null) headerError = error;
      else refuse(line, error);
      return;
    }
    if (text.trim() === "") return;
    let record: OrderRecord;
    if (format === "csv") {
      const cells = parseCsvLine(text);
      if (columns === null) {
        const header = cells?.map((c) => c.trim()) ?? [];
        const missing = FIELDS.filter((f) => !header.includes(f));
        if (cells === null || missing.length > 0) {
          headerError = invalidInput([line], `the CSV header must name the fields ${FIELDS.join(", ")} (missing: ${missing.join(", ") || "a malformed header"})`,
            `CSV 表头须列出字段 ${FIELDS.join("、")}（缺少：${missing.join("、") || "表头格式错误"}）`);
          return;
        }
        columns = FIELDS.map((f) => header.indexOf(f));
        return;
      }
      if (cells === null) {
        refuse(line, invalidInput([line], `line ${line}: not a CSV row (a quote is not closed, or text follows a closing quote)`, `第 ${line} 行：不是有效的 CSV 行（引号未闭合，或闭合引号后有多余字符）`));
        return;
      }
      record = csvRecord(cells, columns);
    } else {
      try {
        record = JSON.parse(text) as OrderRecord;
      } catch {
        refuse(line, invalidInput([line], `line ${line}: not valid JSON`, `第 ${line} 行不是有效的 JSON`));
        return;
      }
    }
    try {
      tally.add(record, line);
    } catch (e) {
      if (!isZhishangError(e)) throw e;
      refuse(line, e);
    }
  };
  try {
    const source = file === "-" ? (io.stdinStream?.() ?? textChunks(await io.readStdin())) : createReadStream(file, { highWaterMark: 1 << 20 });
    // no length limit (Infinity): a line is given without its text only when it is not UTF-8
    for await (const batch of lineBatches(source as AsyncIterable<Buffer | string>, Infinity)) {
      for (const { text, number } of batch) onLine(text, number);
    }
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code !== "string" || !code.startsWith("E")) throw e;
    const reason = code === "ENOENT" ? "no such file" : "not readable";
    io.stderr(`zhishang orders count: ${file}: ${reason}\n`);
    return false;
  }
  if (headerError !== null) {
    io.stderr(errorLine(headerError, file));
    return false;
  }
  return true;
}

async function countCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(io, "orders count", ORDERS_USAGE, {
    args: [...args],
    options: {
      province: { type: "string" }, format: { type: "string" }, progress: { type: "boolean" }, month: { type: "string" },
      price: { type: "boolean" }, rates: { type: "string" }, ...RULE_SET_OPTION, ...HELP_OPTION,
    },
    allowPositionals: true,
  });
  if (typeof parsed === "number") return parsed;
  const v = parsed.values;
  const format = choice(io, "orders count", ORDERS_USAGE, "format", v.format, ["ndjson", "csv"], "ndjson");
  if (format === null) return 2;
  if (v.province === undefined) return usageError(io, "orders count", "--province is required", ORDERS_USAGE);
  if ((v.price === true) !== (v.month !== undefined) || (v.rates !== undefined && v.price !== true)) {
    return usageError(io, "orders count", "--price takes --month YYYY-MM (and --rates only with --price)", ORDERS_USAGE);
  }
  const registry = ruleSetRegistry(io, v["rule-set"]);
  if (registry === null) return 2;
  let rates: unknown = undefined;
  if (v.rates !== undefined) {
    const read = readJsonFile(v.rates);
    if (!read.ok) {
      io.stderr(errorLine(read.error, v.rates));
      return 2;
    }
    rates = read.value;
  }
  const made = typed(() => new OrderTally(v.province as string, { registry }), (e) => io.stderr(errorLine(e)));
  if (!made.ok) return 2;
  const tally = made.value;
  const files = parsed.positionals.length === 0 ? ["-"] : parsed.positionals;
  const run: CountRun = { refused: 0, lines: 0 };
  const progress = v.progress === true || io.stderrIsTTY === true;
  for (const file of files) {
    if (!(await countSource(io, tally, file, format, progress, run))) return 2;
  }
  if (progress) io.stderr(`zhishang orders: ${run.lines} lines read, ${run.refused} refused${io.stderrIsTTY === true ? "\u001b[K" : ""}\n`);
  const counts = tally.counts();
  if (v.price !== true) {
    io.stdout(jsonLine({ counts, refused: run.refused }));
    return run.refused > 0 ? 1 : 0;
  }
  const priced = typed(() => computeMonthlyContributions(v.province as string, counts, {
    orderMonth: v.month as string, ...(rates === undefined ? {} : { rates: rates as never }),
  }, { registry }).value, (e) => io.stderr(errorLine(e)));
  io.stdout(jsonLine(priced.ok ? { counts, refused: run.refused, contributions: priced.value } : { counts, refused: run.refused }));
  return run.refused > 0 || !priced.ok ? 1 : 0;
}

/** The counts in a file: the output of `orders count` (`{ counts, refused }`) or plain OrderCounts. */
function countsIn(value: unknown): { counts: unknown; refused: number } {
  if (value !== null && typeof value === "object" && "counts" in value) {
    const r = (value as { refused?: unknown }).refused;
    return { counts: (value as { counts: unknown }).counts, refused: typeof r === "number" && Number.isSafeInteger(r) && r >= 0 ? r : 0 };
  }
  return { counts: value, refused: 0 };
}

function mergeCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "orders merge", ORDERS_USAGE, { args: [...args], options: { ...HELP_OPTION }, allowPositionals: true });
  if (typeof parsed === "number") return parsed;
  if (parsed.positionals.length === 0) return usageError(io, "orders merge", "give at least one counts file", ORDERS_USAGE);
  const parts: unknown[] = [];
  let refused = 0;
  for (const file of parsed.positionals) {
    const read = readJsonFile(file);
    if (!read.ok) {
      io.stderr(errorLine(read.error, file));
      return read.unreadable === true ? 2 : 1;
    }
    const c = countsIn(read.value);
    parts.push(c.counts);
    refused += c.refused;
  }
  const merged = typed(() => mergeOrderCounts(...(parts as OrderCounts[])), (e) => {
    const k = typeof e.path[0] === "number" ? e.path[0] : -1;
    io.stderr(errorLine(e, parsed.positionals[k]));
  });
  if (!merged.ok) return 1;
  io.stdout(jsonLine({ counts: merged.value, refused }));
  return 0;
}

function sqlCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "orders sql", ORDERS_USAGE, {
    args: [...args],
    options: { province: { type: "string" }, dialect: { type: "string" }, table: { type: "string" }, ...RULE_SET_OPTION, ...HELP_OPTION },
    allowPositionals: false,
  });
  if (typeof parsed === "number") return parsed;
  const v = parsed.values;
  const dialect = choice(io, "orders sql", ORDERS_USAGE, "dialect", v.dialect, ORDER_SQL_DIALECTS, "duckdb");
  if (dialect === null) return 2;
  if (v.province === undefined) return usageError(io, "orders sql", "--province is required", ORDERS_USAGE);
  const registry: RuleSetRegistry | null = ruleSetRegistry(io, v["rule-set"]);
  if (registry === null) return 2;
  const sql = typed(() => orderCountsSql(v.province as string, { dialect, registry, ...(v.table === undefined ? {} : { table: v.table }) }), (e) => io.stderr(errorLine(e)));
  if (!sql.ok) return 2;
  io.stdout(sql.value);
  return 0;
}

/** `zhishang orders count | merge | sql`. */
export async function ordersCommand(args: readonly string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "count":
      return countCommand(rest, io);
    case "merge":
      return mergeCommand(rest, io);
    case "sql":
      return sqlCommand(rest, io);
    case "--help":
    case "-h":
      io.stdout(ORDERS_USAGE);
      return 0;
    default:
      return usageError(io, "orders", sub === undefined ? "give count, merge or sql" : `unknown subcommand ${JSON.stringify(sub)}`, ORDERS_USAGE);
  }
}
