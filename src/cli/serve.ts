/**
 * `zhishang serve`: the HTTP service (src/service/server.ts) on a host and port, with the process data loaded once.
 * fastify is an optional peer dependency, loaded here by a dynamic import only when the command runs: without it
 * the command says how to install it and exits 2. SIGTERM (or SIGINT) stops accepting connections, lets the
 * requests in flight finish and exits 0.
 */
import { LIBRARY_VERSION } from "../core/version.js";
import { LOG_LEVELS, SERVICE_DEFAULTS } from "../service/defaults.js";
import type { FastifyFactory, LogLevel } from "../service/server.js";
import { HELP_OPTION, jsonLine, parseCommand, processDataOf, usageError, type CliIO } from "./io.js";
import { PROCESS_DATA_HELP, PROCESS_DATA_OPTIONS } from "./process-data.js";

export const SERVE_USAGE = `Usage: zhishang serve [--host 127.0.0.1] [--port 8080] [--body-limit BYTES] [--max-concurrent N]
                      [--request-timeout MS] [--log-level info] [--rule-set <file>]... [--calendar <file>]...
                      [--statistics <file>]...
  Serves the scenario functions as JSON over HTTP (needs the fastify package: npm install fastify@5):
  POST /v1/evaluate, POST /v1/batch (a JSON array, or NDJSON with content-type: application/x-ndjson),
  GET /v1/kinds, /v1/schemas/{kind}, /v1/rule-sets, /v1/rule-sets/{province}?asOf=YYYY-MM-DD, /healthz,
  /openapi.json (OpenAPI 3.1). ?explain=none on evaluate and batch leaves the explanations out.
  Once listening it prints one JSON line on stdout: { "listening": "http://HOST:PORT", "host", "port", "version" }
  (--port 0: a free port). Logs are JSON lines on stderr. SIGTERM finishes the requests in flight, then exits 0.
  --host <address>        the address to listen on (default 127.0.0.1)
  --port <n>              the port (default 8080; 0: any free port)
  --body-limit <bytes>    largest request body (default ${SERVICE_DEFAULTS.bodyLimit}, ${SERVICE_DEFAULTS.bodyLimit / (1024 * 1024)} MiB); a larger one is 413
  --max-concurrent <n>    most evaluate and batch requests in progress at once (default ${SERVICE_DEFAULTS.maxConcurrent}); one more is 503
  --request-timeout <ms>  time a client has to send its request (default ${SERVICE_DEFAULTS.requestTimeout}); then 408
  --log-level <level>     fatal, error, warn, info (the default: a line per request), debug, trace or silent
${PROCESS_DATA_HELP}
`;

/** How the server module and fastify are loaded (a test gives a loader that fails, as when fastify is absent). */
export type FastifyLoader = () => Promise<{ default: FastifyFactory }>;

/** What `serveCommand` is given besides its arguments: by default the `fastify` package and the process's signals. */
export interface ServeDependencies {
  readonly loadFastify?: FastifyLoader;
  /** Resolves when the service is to stop (by default on the first SIGTERM or SIGINT). */
  readonly stop?: Promise<unknown>;
}

const importFastify: FastifyLoader = async () => (await import("fastify")) as unknown as { default: FastifyFactory };

/** The integer of option `name` within [min, max], `fallback` when absent, or null after a usage error. */
function integer(io: CliIO, name: string, value: string | undefined, min: number, max: number, fallback: number): number | null {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  usageError(io, "serve", `--${name} takes an integer from ${min} to ${max}, not ${JSON.stringify(value)}`, SERVE_USAGE);
  return null;
}

/** Whether `e` says that the `fastify` package itself could not be found. */
function fastifyMissing(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  const message = String((e as { message?: unknown } | null)?.message ?? "");
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && message.includes("fastify");
}

/** A promise of the first SIGTERM or SIGINT, and `cancel`, which removes the listeners. */
function stopSignal(): { stopped: Promise<NodeJS.Signals>; cancel: () => void } {
  let on: (signal: NodeJS.Signals) => void = () => undefined;
  const cancel = (): void => {
    process.off("SIGTERM", on);
    process.off("SIGINT", on);
  };
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    on = (signal) => {
      cancel();
      resolve(signal);
    };
    process.on("SIGTERM", on);
    process.on("SIGINT", on);
  });
  return { stopped, cancel };
}

export async function serveCommand(args: readonly string[], io: CliIO, deps: ServeDependencies = {}): Promise<number> {
  const loadFastify = deps.loadFastify ?? importFastify;
  const parsed = parseCommand(io, "serve", SERVE_USAGE, {
    args: [...args],
    options: {
      host: { type: "string" },
      port: { type: "string" },
      "body-limit": { type: "string" },
      "max-concurrent": { type: "string" },
      "request-timeout": { type: "string" },
      "log-level": { type: "string" },
      ...PROCESS_DATA_OPTIONS,
      ...HELP_OPTION,
    },
    allowPositionals: false,
  });
  if (typeof parsed === "number") return parsed;
  const v = parsed.values;
  const port = integer(io, "port", v.port, 0, 65535, 8080);
  const bodyLimit = integer(io, "body-limit", v["body-limit"], 1, 1024 * 1024 * 1024, SERVICE_DEFAULTS.bodyLimit);
  const maxConcurrent = integer(io, "max-concurrent", v["max-concurrent"], 1, 100_000, SERVICE_DEFAULTS.maxConcurrent);
  const requestTimeout = integer(io, "request-timeout", v["request-timeout"], 1, 3_600_000, SERVICE_DEFAULTS.requestTimeout);
  if (port === null || bodyLimit === null || maxConcurrent === null || requestTimeout === null) return 2;
  const logLevel = v["log-level"] ?? SERVICE_DEFAULTS.logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    return usageError(io, "serve", `--log-level takes ${LOG_LEVELS.join(", ")}, not ${JSON.stringify(logLevel)}`, SERVE_USAGE);
  }
  const host = v.host ?? "127.0.0.1";

  const data = processDataOf(io, v);
  if (data === null) return 2;

  let fastify: FastifyFactory;
  try {
    fastify = (await loadFastify()).default;
  } catch (e) {
    if (!fastifyMissing(e)) throw e;
    io.stderr(
      "zhishang serve: the HTTP service needs the fastify package, an optional peer dependency that is not installed.\n" +
        "  Install it beside zhishang:  npm install fastify@5\n" +
        "zhishang serve：HTTP 服务需要 fastify 包（可选的对等依赖），当前未安装。请在 zhishang 旁安装：npm install fastify@5\n",
    );
    return 2;
  }
  const { buildService } = await import("../service/server.js");
  const app = await buildService(fastify, { data, bodyLimit, maxConcurrent, requestTimeout, logLevel: logLevel as LogLevel });
  const { stopped, cancel } = deps.stop === undefined ? stopSignal() : { stopped: deps.stop, cancel: () => undefined };
  try {
    await app.listen({ host, port });
  } catch (e) {
    cancel();
    const code = (e as { code?: unknown }).code;
    io.stderr(`zhishang serve: cannot listen on ${host}:${port}: ${String(code ?? (e as Error).message)}\n`);
    await app.close();
    return 2;
  }
  const address = app.server.address();
  const actualPort = typeof address === "object" && address !== null ? address.port : port;
  const shown = host.includes(":") ? `[${host}]` : host;
  io.stdout(jsonLine({ listening: `http://${shown}:${actualPort}`, host, port: actualPort, version: LIBRARY_VERSION }));
  const signal = await stopped;
  app.log.info({ signal: typeof signal === "string" ? signal : "stop" }, "closing: no new connections; finishing the requests in flight");
  await app.close();
  app.log.info("closed");
  return 0;
}
