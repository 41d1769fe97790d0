/**
 * The `zhishang` command: a thin shell over the scenario functions, one handler per command in src/cli/.
 *
 *   zhishang run [--reporter ndjson|pretty|junit|tap] <file-or-folder>...   a report per scenario; exit 1 when any fails
 *   zhishang eval [--explain none|json|zh|en] [FILE]   one scenario from FILE (stdin without one) → { id, output, explanation, ruleSet, assumptions, version } or { error }
 *   zhishang eval --ndjson [--explain none|json]   one scenario per stdin line → one result line each, in order
 *   zhishang schema [<kind> [--output] | scenario | explanation]   JSON Schema of a kind's scenario or output, the envelope, the explanation
 *   zhishang demo [--lang zh|en]       worked cases for all five provinces
 *   zhishang timeline <file> [--format markdown|mermaid|json] [--lang zh|en]  a scenario's dates, deadlines met or missed, periods
 *   zhishang rule-set show <province> | validate <file>...   a rule set as JSON or Markdown; rule-set files checked
 *   zhishang orders count | merge | sql   order files counted line by line, counts of shards merged, the counting rule as SQL
 *   zhishang serve [--host H] [--port P] …   the HTTP service (src/service/; fastify, an optional peer dependency, loaded only then)
 *
 * `run`, `eval`, `timeline` and `rule-set` take `--rule-set <file>` (repeatable): rule-set files loaded on top of
 * the bundled ones for that process.
 */
import { realpathSync } from "node:fs";
import { demoCommand } from "./cli/demo.js";
import { evalCommand } from "./cli/eval.js";
import { MAX_SCENARIO_BYTES, VERSION, type CliIO, type Command } from "./cli/io.js";
import { ruleSetCommand } from "./cli/rule-set.js";
import { ordersCommand } from "./cli/orders.js";
import { runCommand } from "./cli/run.js";
import { schemaCommand } from "./cli/schema.js";
import { serveCommand } from "./cli/serve.js";
import { timelineCommand } from "./cli/timeline.js";

export { MAX_SCENARIO_BYTES };
export type { CliIO };

const HELP = `zhishang ${VERSION} — 新就业形态人员职业伤害保障 rules engine

Usage:
  zhishang run [--reporter ndjson|pretty|junit|tap] [--lang zh|en] [data options] <file-or-folder>...
                                     run scenario files: one JSON line each (pretty on a terminal), JUnit XML
                                     or TAP 14; exit 1 if any fails, 2 if none is found
  zhishang eval [--explain none|json|zh|en [--format text|markdown|json]] [data options] [FILE]
                                     evaluate one scenario read from FILE (no FILE: from stdin)
  zhishang eval --ndjson [--explain none|json] [--progress] [data options] < scenarios.ndjson
                                     one scenario per line: one result line each, in order, in
                                     constant memory; exit 1 if any line failed
  zhishang schema [<kind> [--output] | scenario | explanation]
                                     print a JSON Schema: a kind's scenario or (--output) its output, the
                                     envelope every scenario shares, or the explanation (no argument: list kinds)
  zhishang demo [--lang zh|en]       worked cases for all five provinces
  zhishang timeline [--rule-set <file>]... <scenario-file> [--format markdown|mermaid|json] [--lang zh|en]
                                     a scenario's dates in order: those supplied, each deadline met,
                                     missed or not yet known, the periods (Markdown table with a Mermaid
                                     gantt chart, the chart alone, or JSON)
  zhishang rule-set show <province> [--as-of YYYY-MM-DD] [--format markdown|json] [--lang zh|en] [--rule-set <file>]...
                                     a rule set: a Markdown table of its parameters (value, provenance,
                                     citations) and rule texts, or the rule-set file (JSON) that loads back unchanged
  zhishang rule-set validate [--rule-set <file>]... <file>...
                                     check rule-set files: "ok" per valid file, else one JSON error line per
                                     defect (exit 1)
  zhishang orders count [FILE]... --province <p> [--format ndjson|csv] [--month YYYY-MM --price]
                                     count order records line by line in constant memory (no FILE: stdin);
                                     refused records on stderr with file and line, exit 1 if any
  zhishang orders merge <counts-file>...   merge the counts of shards
  zhishang orders sql --province <p> [--dialect duckdb|postgres] [--table <name>]
                                     the counting rule as one SQL query over a table of orders
  zhishang serve [--host 127.0.0.1] [--port 8080] [--body-limit BYTES] [--max-concurrent N] [--request-timeout MS]
                 [--log-level info] [--rule-set <file>]... [--calendar <file>]... [--statistics <file>]...
                                     the HTTP service: POST /v1/evaluate, /v1/batch; GET /v1/kinds, /v1/schemas/{kind},
                                     /v1/rule-sets[/{province}], /healthz, /openapi.json (needs: npm install fastify@5)
  zhishang <command> --help          the options of one command
  zhishang --version | --help

  --rule-set <file>   load a rule-set file (JSON, schemas/rule-set.json) on top of the bundled rule sets;
                      repeatable, loaded in order (a later file may extend an earlier one). A file that
                      cannot be read or is invalid stops the command (exit 2) before any scenario runs.
  data options (run, eval, serve): --rule-set <file>..., --calendar <file>... (extra holiday years),
                      --statistics <file>... (dated statistics, schemas/statistics.json)
`;

const COMMANDS: Readonly<Record<string, Command>> = {
  run: runCommand,
  eval: evalCommand,
  schema: schemaCommand,
  demo: demoCommand,
  timeline: timelineCommand,
  "rule-set": ruleSetCommand,
  orders: ordersCommand,
  serve: (args, io) => serveCommand(args, io),
};

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && Object.hasOwn(COMMANDS, command)) return (COMMANDS[command] as Command)(rest, io);
  switch (command) {
    case "--version":
    case "-v":
      io.stdout(`${VERSION}\n`);
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      io.stdout(HELP);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`zhishang: unknown command ${JSON.stringify(command)}\n${HELP}`);
      return 2;
  }
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_SCENARIO_BYTES) return "\u0000too-large".repeat(MAX_SCENARIO_BYTES);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The script node was started with, symlinks resolved: the installed bin (`node_modules/.bin/zhishang`) links to dist/cli.js. */
function entryPath(argv1: string): string {
  try {
    return realpathSync(argv1);
  } catch {
    return argv1;
  }
}

const isEntry = typeof process !== "undefined" && process.argv[1] !== undefined && /cli\.(c?js|ts)$/.test(entryPath(process.argv[1]));
if (isEntry) {
  // A closed pipe (`zhishang demo | head`) ends the output quietly.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: readAll,
    stdinStream: () => process.stdin,
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    // backpressure: a write the stream could not take at once resolves on its 'drain'
    write: (t) => (process.stdout.write(t) ? undefined : new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()))),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`zhishang: internal error: ${String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
