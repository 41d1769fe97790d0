/**
 * `zhishang/service`: the HTTP service of `zhishang serve` as a fastify instance, to embed it in a program of
 * one's own (docs/scenarios.md, "The HTTP service"). A separate entry of the package: the main entry (`zhishang`)
 * never loads fastify, an optional peer dependency needed only here. This entry does not import fastify either:
 * the caller passes the factory in, so that the instance is built with the caller's copy of fastify.
 *
 * ```ts
 * import fastify from "fastify";
 * import { loadProcessData } from "zhishang";
 * import { buildService } from "zhishang/service";
 *
 * const app = await buildService(fastify, { data: loadProcessData(), logLevel: "warn" });
 * await app.listen({ host: "127.0.0.1", port: 8080 });
 * ```
 */
export { buildService, statusOf, LOG_LEVELS, SERVICE_DEFAULTS } from "./service/server.js";
export type { FastifyFactory, LogLevel, ServiceOptions } from "./service/server.js";
export { openApiDocument } from "./service/openapi.js";
export type { OpenApiContext } from "./service/openapi.js";
export { MAX_JSON_DEPTH, SERVICE_ERROR_CODES } from "./service/body.js";
export type { ServiceErrorCode, ServiceErrorJSON } from "./service/body.js";
