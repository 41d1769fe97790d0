/**
 * The `zhishang` command: a thin shell over the scenario functions.
 *
 *   zhishang run <file-or-folder>...   one JSON line per scenario; exit 1 when any fails
 *   zhishang eval [--explain zh|en]    one scenario on stdin → { output, explanation } or { error }
 *   zhishang schema [<kind>]           JSON Schema of a scenario kind (no kind: the list of kinds)
 *   zhishang demo [--lang zh|en]       worked cases for all five provinces
 *   zhishang timeline <file> [--lang zh|en]  a claim-deadlines scenario as a dated table and a Mermaid gantt chart
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEMO_CASES } from "./demo.js";
import { isZhishangError } from "./core/errors.js";
import { explain, explanationToText } from "./scenario/render.js";
import { evaluateScenario, kindNames, runScenario, scenarioJsonSchema } from "./scenario/scenario.js";
import { renderClaimTimeline } from "./deadlines/timeline.js";
import type { ClaimDeadlines } from "./deadlines/claim.js";
import { getRuleSet, isProvinceId } from "./provinces/index.js";

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
}

/** Largest scenario document read: 10 MiB. */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;

const VERSION = "0.1.0";

const HELP = `zhishang ${VERSION} — 新就业形态人员职业伤害保障 rules engine

Usage:
  zhishang run <file-or-folder>...   run scenario files; one JSON line each; exit 1 if any fails
  zhishang eval [--explain zh|en [--format text|markdown|json]]
                                     evaluate one scenario read from stdin
  zhishang schema [<kind>]           print the JSON Schema of a scenario kind (no kind: list kinds)
  zhishang demo [--lang zh|en]       worked cases for all five provinces
  zhishang timeline <scenario-file> [--lang zh|en]
                                     the deadlines of a claim-deadlines scenario in date order
                                     (Markdown table and Mermaid gantt chart)
  zhishang --version | --help
`;

function collectFiles(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (statSync(child).isDirectory() || name.endsWith(".json")) collectFiles(child, out);
    }
  } else {
    out.push(path);
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (Buffer.byteLength(text) > MAX_SCENARIO_BYTES) return { ok: false, message: "scenario larger than 10 MiB" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
  }
}

function errorLine(code: string, message: string, path: Array<string | number> = []): string {
  return JSON.stringify({ error: { code, message, path } });
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "run": {
      if (rest.length === 0) {
        io.stderr("zhishang run: give at least one scenario file or folder\n");
        return 2;
      }
      const files: string[] = [];
      for (const p of rest) {
        try {
          collectFiles(p, files);
        } catch {
          io.stderr(`zhishang run: cannot read ${p}\n`);
          return 2;
        }
      }
      let failed = 0;
      for (const file of files) {
        const parsed = parseJson(readFileSync(file, "utf8"));
        if (!parsed.ok) {
          failed += 1;
          io.stdout(`${JSON.stringify({ id: file, pass: false, output: null, mismatches: [], error: { code: "INVALID_INPUT", message: parsed.message, path: [] } })}\n`);
          continue;
        }
        const r = runScenario(parsed.value);
        if (!r.pass) failed += 1;
        io.stdout(`${JSON.stringify({ ...r, file })}\n`);
      }
      io.stderr(`${files.length - failed} passed, ${failed} failed\n`);
      return failed === 0 ? 0 : 1;
    }
    case "eval": {
      const langIdx = rest.indexOf("--explain");
      const lang = langIdx >= 0 ? rest[langIdx + 1] : undefined;
      if (langIdx >= 0 && lang !== "zh" && lang !== "en") {
        io.stderr("zhishang eval: --explain takes zh or en\n");
        return 2;
      }
      const formatIdx = rest.indexOf("--format");
      const format = formatIdx >= 0 ? rest[formatIdx + 1] : "text";
      if (format !== "text" && format !== "markdown" && format !== "json") {
        io.stderr("zhishang eval: --format takes text, markdown or json\n");
        return 2;
      }
      const parsed = parseJson(await io.readStdin());
      if (!parsed.ok) {
        io.stdout(`${errorLine("INVALID_INPUT", parsed.message)}\n`);
        return 1;
      }
      try {
        const r = evaluateScenario(parsed.value);
        if (lang === "zh" || lang === "en") {
          io.stdout(`${JSON.stringify(r.output, null, 2)}\n\n${explain(r, { lang, format })}\n`);
        } else {
          io.stdout(`${JSON.stringify(r)}\n`);
        }
        return 0;
      } catch (e) {
        if (isZhishangError(e)) {
          io.stdout(`${JSON.stringify({ error: e.toJSON() })}\n`);
          return 1;
        }
        throw e;
      }
    }
    case "schema": {
      const kind = rest[0];
      if (kind === undefined) {
        io.stdout(`${kindNames().join("\n")}\n`);
        return 0;
      }
      try {
        io.stdout(`${JSON.stringify(scenarioJsonSchema(kind), null, 2)}\n`);
        return 0;
      } catch (e) {
        if (isZhishangError(e)) {
          io.stderr(`${e.message}\n`);
          return 2;
        }
        throw e;
      }
    }
    case "timeline": {
      const langIdx = rest.indexOf("--lang");
      const lang = langIdx >= 0 ? rest[langIdx + 1] : "zh";
      if (lang !== "zh" && lang !== "en") {
        io.stderr("zhishang timeline: --lang takes zh or en\n");
        return 2;
      }
      const files = rest.filter((_, k) => langIdx < 0 || (k !== langIdx && k !== langIdx + 1));
      const file = files[0];
      if (file === undefined || files.length !== 1) {
        io.stderr("zhishang timeline: give one claim-deadlines scenario file\n");
        return 2;
      }
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        io.stderr(`zhishang timeline: cannot read ${file}\n`);
        return 2;
      }
      const parsed = parseJson(text);
      if (!parsed.ok) {
        io.stdout(`${errorLine("INVALID_INPUT", parsed.message)}\n`);
        return 1;
      }
      const scenario = parsed.value as { kind?: unknown; province?: unknown } | null;
      if (scenario === null || typeof scenario !== "object" || scenario.kind !== "claim-deadlines") {
        const kind = scenario !== null && typeof scenario === "object" ? scenario.kind : undefined;
        io.stdout(`${errorLine("INVALID_INPUT", `timeline needs a claim-deadlines scenario, not kind ${JSON.stringify(kind ?? null)}`, ["kind"])}\n`);
        return 1;
      }
      try {
        const r = evaluateScenario(parsed.value);
        const province = scenario.province;
        const t = renderClaimTimeline(
          {
            value: r.output as unknown as ClaimDeadlines,
            explanation: r.explanation,
            ...(typeof province === "string" && isProvinceId(province) ? { ruleSet: getRuleSet(province).id } : {}),
          },
          { lang },
        );
        io.stdout(`${t.markdown}\n\`\`\`mermaid\n${t.mermaid}\`\`\`\n`);
        return 0;
      } catch (e) {
        if (isZhishangError(e)) {
          io.stdout(`${JSON.stringify({ error: e.toJSON() })}\n`);
          return 1;
        }
        throw e;
      }
    }
    case "demo": {
      const lang = rest[rest.indexOf("--lang") + 1] === "en" && rest.includes("--lang") ? "en" : "zh";
      let failed = 0;
      for (const c of DEMO_CASES) {
        const s = c.scenario;
        const r = evaluateScenario(s);
        const check = runScenario(s);
        if (!check.pass) failed += 1;
        io.stdout(`\n=== ${s.id} (${s.province}, ${s.kind}) ===\n`);
        io.stdout(`${lang === "zh" ? "手算" : "by hand"}: ${c.hand[lang]}\n`);
        io.stdout(`${lang === "zh" ? "结果" : "result"}: ${JSON.stringify(r.output)}\n`);
        io.stdout(`${check.pass ? "✓" : "✗"} ${lang === "zh" ? (check.pass ? "与手算一致" : "与手算不一致") : check.pass ? "matches the hand calculation" : "differs from the hand calculation"}\n`);
        io.stdout(`${explanationToText(r.explanation, lang)}\n`);
      }
      return failed === 0 ? 0 : 1;
    }
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
