/**
 * The service's log levels and default limits, in a module of their own with no import: the HTTP service
 * (src/service/server.ts) and `zhishang serve`'s option parsing (src/cli/serve.ts, which must not load the service
 * before the command runs) read the same values.
 */

/** The log levels of `--log-level` (pino's). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The defaults of the service's options (`ServiceOptions` of `buildService`), also those of `zhishang serve`. */
export const SERVICE_DEFAULTS = {
  /** 10 MiB, the size of the largest scenario document the CLI reads. */
  bodyLimit: 10 * 1024 * 1024,
  maxConcurrent: 64,
  requestTimeout: 30_000,
  logLevel: "info",
} as const;
