/**
 * What every command of the `zhishang` CLI shares: the I/O it is given, argument parsing (`node:util`
 * `parseArgs`, strict), reading JSON files and stdin within a size limit, typed error lines, and the rule-set
 * registry built from `--rule-set <file>` options.
 */
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { isZhishangError, ZhishangError, type ZhishangErrorJSON } from "../core/errors.js";
import type { RuleSetRegistry } from "../provinces/registry.js";
import type { ProcessData } from "../scenario/batch.js";
import { processDataPaths, readProcessData, type ProcessDataValues } from "./process-data.js";

/** Where a command writes and what it reads: the process's streams, or a test's strings. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** Whether stdout is a terminal (`zhishang run` then reports for people, `--reporter pretty`); absent: it is not. */
  readonly isTTY?: boolean;
  /** Stdin as a stream of chunks, for commands that read it line by line (`zhishang orders count`); absent: {@link readStdin}. */
  readonly stdinStream?: () => AsyncIterable<Buffer | string>;
  /** Whether stderr is a terminal (`zhishang orders count` then shows its progress); absent: it is not. */
  readonly stderrIsTTY?: boolean;
  /**
   * Writes to stdout with backpressure (`eval --ndjson`): a returned promise resolves once the stream can take more
   * (its `drain`); absent: {@link stdout}.
   */
  readonly write?: (text: string) => void | Promise<void>;
}

/** A command: its arguments (after the command name) in, the exit code out. */
export type Command = (args: readonly string[], io: CliIO) => number | Promise<number>;

export { collectFiles, MAX_SCENARIO_BYTES, MAX_SCENARIO_SIZE, parseJson, readJsonFile, readTextFile, type JsonErrorCode, type ParsedJson } from "./files.js";

/** Replaced at build time by package.json's version (tsup.config.ts `define`); undefined when running from src. */
declare const __ZHISHANG_VERSION__: string | undefined;

/**
 * The package's version, as `zhishang --version` prints it and every result carries it: package.json's `version`,
 * injected by the build (tsup.config.ts) and by vitest.config.ts, or read from package.json (two folders up from
 * this module) when the source runs without either.
 */
export const VERSION: string = typeof __ZHISHANG_VERSION__ === "string" ? __ZHISHANG_VERSION__ : versionFromPackageJson();

function versionFromPackageJson(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}

/** The `--rule-set <file>` option (repeatable), shared by the commands that evaluate scenarios or show rule sets. */
export const RULE_SET_OPTION = { "rule-set": { type: "string", multiple: true } } as const;
/** `--help` / `-h`, accepted by every command. */
export const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

/** Text of the `--rule-set` option in each command's help. */
export const RULE_SET_HELP = `  --rule-set <file>   load a rule-set file (JSON, schemas/rule-set.json) for this command; repeatable,
                      loaded in order (a later file may extend an earlier one)`;

/** A usage error: the message and the command's usage on stderr; exit code 2. */
export function usageError(io: CliIO, command: string, message: string, usage: string): number {
  io.stderr(`zhishang ${command}: ${message}\n${usage}`);
  return 2;
}

/**
 * The command's arguments parsed strictly (unknown options, missing values and unexpected positionals refused), or
 * the exit code the command ends with: 2 after a usage error was written, 0 after `--help` ({@link HELP_OPTION})
 * printed `usage` on stdout. Every command opens with it: `if (typeof parsed === "number") return parsed;`.
 */
export function parseCommand<const T extends ParseArgsConfig>(
  io: CliIO,
  command: string,
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T & { strict: true }>> | number {
  let parsed: ReturnType<typeof parseArgs<T & { strict: true }>>;
  try {
    parsed = parseArgs({ ...config, strict: true });
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) return usageError(io, command, (e as Error).message, usage);
    throw e;
  }
  if ((parsed.values as Record<string, unknown>).help === true) {
    io.stdout(usage);
    return 0;
  }
  return parsed;
}

/** The value of an option limited to `allowed` (or `fallback` when absent), or null after a usage error was written. */
export function choice<const A extends string>(
  io: CliIO,
  command: string,
  usage: string,
  option: string,
  value: string | undefined,
  allowed: readonly A[],
  fallback: A,
): A | null {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as A;
  const list = allowed.length === 2 ? `${allowed[0]} or ${allowed[1]}` : `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`;
  usageError(io, command, `--${option} takes ${list}, not ${JSON.stringify(value)}`, usage);
  return null;
}

/** One line of JSON. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** A typed error as the CLI prints it: `{ "error": … }`, with `file` first when it concerns a file. */
export function errorLine(error: ZhishangError, file?: string): string {
  const json: ZhishangErrorJSON = error.toJSON();
  return jsonLine(file === undefined ? { error: json } : { file, error: json });
}

/**
 * The process data of the `--rule-set`, `--calendar` and `--statistics` files (src/cli/process-data.ts), or null
 * after the typed error naming the file refused was written to stderr as a `{ "file", "error" }` line.
 */
export function processDataOf(io: CliIO, values: ProcessDataValues): ProcessData | null {
  const read = readProcessData(processDataPaths(values));
  if (read.ok) return read.data;
  io.stderr(errorLine(read.error, read.file));
  return null;
}

/**
 * The bundled rule sets with each `--rule-set` file loaded in order (so a later file may extend an earlier one),
 * or null after the typed error of the first file refused was written to stderr as a `{ "file", "error" }` line
 * (its defects in one error naming the file).
 */
export function ruleSetRegistry(io: CliIO, files: string[] | undefined): RuleSetRegistry | null {
  return processDataOf(io, { "rule-set": files })?.registry ?? null;
}

/** Runs `f`; a typed error it throws is given to `onError` and gives `{ ok: false }` (other errors propagate). */
export function typed<T>(f: () => T, onError: (e: ZhishangError) => void): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!isZhishangError(e)) throw e;
    onError(e);
    return { ok: false };
  }
}
