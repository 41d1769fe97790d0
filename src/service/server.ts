/**
 * The HTTP service of `zhishang serve` (docs/scenarios.md, "The HTTP service"): JSON over HTTP on fastify 5, built
 * around {@link evaluateDocument} with the process data loaded once. fastify is an optional peer dependency: this
 * module never imports it, its caller passes the factory in (`(await import("fastify")).default`), so that the
 * library and the CLI load without it.
 *
 * What it answers (docs/decisions.md, "The HTTP service"):
 * - `POST /v1/evaluate` one scenario → 200 with the `eval` result; 400 when the body is not a scenario envelope
 *   (not JSON, not UTF-8, too deep, an envelope field wrong); 422 when the evaluation refuses it ({@link statusOf}).
 * - `POST /v1/batch` a JSON array → an array in order; NDJSON (`content-type: application/x-ndjson`) → NDJSON back,
 *   each line with `line`. 200 whatever the lines hold; 400 when the body is not an array / not UTF-8.
 * - `GET /v1/kinds`, `/v1/schemas/{kind}`, `/v1/rule-sets`, `/v1/rule-sets/{province}?asOf=`, `/healthz`,
 *   `/openapi.json`.
 * - 404 unknown path, 405 a known path with another method (with `Allow`), 413 a body over the limit, 408 a body
 *   not received within the request timeout, 503 past the bound on requests evaluating at once. Every answer
 *   carries `x-zhishang-version`; every error is `{ "error": { code, message, messageZh, messageEn, path } }`.
 */
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { fastify as fastifyFactory, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  evaluateDocument,
  getRuleSet,
  isZhishangError,
  LIBRARY_VERSION,
  outputJsonSchema,
  parameterNames,
  renderCitation,
  ruleSetToFile,
  scenarioJsonSchema,
  scenarioKinds,
  type EvaluationLine,
  type ProcessData,
  type Provenance,
  type RenderedCitation,
  type RuleSet,
  type ZhishangErrorJSON,
} from "zhishang";
import {
  badRequest,
  decodeUtf8,
  parseJsonText,
  readBody,
  ServiceError,
  type ServiceErrorJSON,
} from "./body.js";
import { LOG_LEVELS, SERVICE_DEFAULTS, type LogLevel } from "./defaults.js";
import { openApiDocument } from "./openapi.js";

export { LOG_LEVELS, SERVICE_DEFAULTS, type LogLevel };

/** The fastify factory: the default export of the `fastify` package. */
export type FastifyFactory = typeof fastifyFactory;

/** How the service is built: the process data and its limits. */
export interface ServiceOptions {
  /** The rule sets, holiday years and statistics every evaluation uses ({@link loadProcessData}). */
  readonly data: ProcessData;
  /** Largest request body in bytes (default 10 MiB); a larger one is 413. */
  readonly bodyLimit?: number;
  /** Most evaluation requests (`/v1/evaluate`, `/v1/batch`) in progress at once (default 64); one more is 503. */
  readonly maxConcurrent?: number;
  /** Milliseconds a client has to send its whole request (default 30000); then 408 and the connection closed. */
  readonly requestTimeout?: number;
  /** The log level (default `info`: a JSON line per request received and completed); `silent` logs nothing. */
  readonly logLevel?: LogLevel;
  /** Where the JSON log lines go (default: stderr). */
  readonly logStream?: { write(line: string): unknown };
}

/** `application/x-ndjson`, the content type of a streamed batch (and of its answer). */
const NDJSON = "application/x-ndjson";
const JSON_TYPE = "application/json; charset=utf-8";
const VERSION_HEADER = "x-zhishang-version";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Documents evaluated before a batch lets other requests run (a batch never holds the process for long). */
const BATCH_SLICE = 64;

/** The envelope fields whose errors are the request's content (422), not its form (400): see {@link statusOf}. */
const CONTENT_ROOTS = new Set<unknown>(["input", "ruleSet", "calendars", "overrides"]);

/**
 * The HTTP status of a typed evaluation error: 400 when the document is not a well-formed scenario envelope —
 * `INVALID_INPUT` or `SCENARIO_INVALID` at the root or at an envelope field other than `input`, `ruleSet`,
 * `calendars` and `overrides` (the body not an object, an unknown field, a missing or unknown `kind`, `province`,
 * a bad `options`) — and 422 for every other error: the kind's input refused, the scenario's own rule set,
 * holiday years or overrides refused, and every evaluation code (`RULE_NOT_IN_FORCE`, `CALENDAR_NOT_COVERED`,
 * `FLOAT_NOT_ALLOWED`, `ASSUMED_PARAMETER_REFUSED`, `RULE_NOT_DEFINED`, `STATISTIC_NOT_AVAILABLE`,
 * `RULE_SET_INVALID`).
 *
 * @example
 * ```ts
 * statusOf({ code: "INVALID_INPUT", path: ["kind"] }); // 400
 * statusOf({ code: "INVALID_INPUT", path: ["input", "grade"] }); // 422
 * statusOf({ code: "RULE_NOT_IN_FORCE", path: ["input", "accidentDate"] }); // 422
 * ```
 */
export function statusOf(error: { readonly code: ZhishangErrorJSON["code"]; readonly path: ReadonlyArray<string | number> }): 400 | 422 {
  if (error.code !== "INVALID_INPUT" && error.code !== "SCENARIO_INVALID") return 422;
  return error.path.length > 0 && CONTENT_ROOTS.has(error.path[0]) ? 422 : 400;
}

/** The methods a path answers to; every other method is 405. */
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

/** The `?explain=` of evaluate and batch: `full` (the default) or `none` (decision only, no explanation). */
function explainOf(query: unknown): boolean | ServiceError {
  const explain = (query as { explain?: unknown } | undefined)?.explain;
  if (explain === undefined || explain === "full") return true;
  if (explain === "none") return false;
  return badRequest(`explain takes "full" or "none", not ${JSON.stringify(explain)}`, `explain 只能为 "full" 或 "none"，而非 ${JSON.stringify(explain)}`, ["explain"]);
}

/** A parameter of a rule set as the service shows it: its value, provenance and rendered citations. */
interface ShownParameter {
  readonly name: string;
  readonly value: unknown;
  readonly provenance: { readonly kind: Provenance["kind"]; readonly reason?: { readonly zh: string; readonly en: string } };
  readonly citations: readonly RenderedCitation[];
}

function shownParameters(ruleSet: RuleSet): ShownParameter[] {
  const params = ruleSet.params as unknown as Readonly<Record<string, { value: unknown; provenance: Provenance } | undefined>>;
  const out: ShownParameter[] = [];
  for (const name of parameterNames()) {
    const p = params[name];
    if (p === undefined) continue;
    const pv = p.provenance;
    const citations = pv.kind === "caller" ? [] : pv.citations.map((c) => renderCitation(c, ruleSet.documents));
    const provenance = pv.kind === "national" || pv.kind === "assumed" ? { kind: pv.kind, reason: pv.reason } : { kind: pv.kind };
    out.push({ name, value: p.value, provenance, citations });
  }
  return out;
}

/** What the service keeps while it runs: the requests evaluating now. */
interface Load {
  inFlight: number;
}

/**
 * The fastify instance of the service, its routes registered and ready (not listening: call `listen`). `fastify`
 * is the factory of the `fastify` package, loaded by the caller.
 *
 * @example
 * ```ts
 * import fastify from "fastify";
 * import { loadProcessData } from "zhishang";
 *
 * const app = await buildService(fastify, { data: loadProcessData(), logLevel: "warn" });
 * (await app.inject("/healthz")).json().status; // "ok"
 * await app.listen({ host: "127.0.0.1", port: 8080 });
 * ```
 */
export async function buildService(fastify: FastifyFactory, options: ServiceOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? SERVICE_DEFAULTS.bodyLimit;
  const maxConcurrent = options.maxConcurrent ?? SERVICE_DEFAULTS.maxConcurrent;
  const requestTimeout = options.requestTimeout ?? SERVICE_DEFAULTS.requestTimeout;
  const logLevel = options.logLevel ?? SERVICE_DEFAULTS.logLevel;
  const { data } = options;
  const load: Load = { inFlight: 0 };
  const kinds = scenarioKinds();

  const app = fastify({
    logger: logLevel === "silent" ? false : { level: logLevel, stream: options.logStream ?? process.stderr },
    bodyLimit,
    // Node's own limits behind the service's: the headers within the request timeout, the whole request within
    // twice it (the body's own timer answers 408 first), checked every second at most.
    requestTimeout: requestTimeout * 2,
    http: { headersTimeout: requestTimeout, requestTimeout: requestTimeout * 2, connectionsCheckingInterval: Math.min(1000, requestTimeout) },
    // While closing, requests already on an open connection are answered (with `connection: close`), not 503.
    return503OnClosing: false,
    forceCloseConnections: "idle",
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => clientError(error, socket),
    // fastify's refusals before routing (a URL that does not decode), as typed errors with the version header
    frameworkErrors: (error, _request, reply) => {
      const refusal = (error as { code?: unknown }).code === "FST_ERR_BAD_URL"
        ? badRequest("the URL is not valid: a malformed percent-encoding", "网址无效：百分号编码有误")
        : badRequest("the request was refused: it is malformed", "请求被拒绝：请求格式有误");
      reply.header(VERSION_HEADER, LIBRARY_VERSION);
      void (reply as FastifyReply).send(sendError(reply as FastifyReply, refusal));
    },
  });

  // Bodies are read by the service itself: the limit, the timeout and the UTF-8 check are its own, whatever the
  // content type (a curl `-d` sends `application/x-www-form-urlencoded`).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request: FastifyRequest, payload: IncomingMessage) => readBody(payload, bodyLimit, requestTimeout));

  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header(VERSION_HEADER, LIBRARY_VERSION);
    return payload;
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof ServiceError) {
      if (error.statusCode === 408) reply.header("connection", "close");
      if (error.statusCode >= 500) request.log.error({ err: error.toJSON() }, "request refused");
      return sendError(reply, error);
    }
    if (isZhishangError(error)) return sendError(reply, ServiceError.of(statusOf(error), error));
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      // fastify's own refusals (a malformed URL, an empty body with a JSON content type …)
      return sendError(reply, badRequest(`the request was refused: ${(error as Error).message}`, "请求被拒绝：请求格式有误"));
    }
    request.log.error({ err: error }, "internal error");
    return sendError(reply, new ServiceError(500, "INTERNAL_ERROR", { en: "internal error", zh: "内部错误" }));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? request.url;
    return sendError(reply, new ServiceError(404, "NOT_FOUND", { en: `no such path: ${path}`, zh: `路径不存在：${path}` }, []));
  });

  /** 405 (with `Allow`) for every method of {@link METHODS} on `url` but `allowed`. */
  const refuseOthers = (url: string, allowed: readonly string[]): void => {
    app.route({
      method: METHODS.filter((m) => !allowed.includes(m)),
      url,
      handler: (request, reply) => {
        reply.header("allow", allowed.join(", "));
        return sendError(reply, new ServiceError(405, "METHOD_NOT_ALLOWED", {
          en: `${request.method} is not allowed on ${url}; allowed: ${allowed.join(", ")}`,
          zh: `${url} 不接受 ${request.method} 方法；可用方法：${allowed.join("、")}`,
        }));
      },
    });
  };

  /** A GET route (HEAD too, which fastify adds), whose handler returns the payload; other methods 405. */
  const route = (url: string, handler: (request: FastifyRequest, reply: FastifyReply) => unknown): void => {
    app.route({ method: "GET", url, handler: handler as never });
    refuseOthers(url, ["GET", "HEAD"]);
  };

  /** Counts an evaluation request from its arrival to the end of its answer; past the bound it is refused, 503. */
  const admit = (_request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (load.inFlight >= maxConcurrent) {
      reply.header("retry-after", "1");
      reply.send(sendError(reply, new ServiceError(503, "OVERLOADED", {
        en: `the service is evaluating ${maxConcurrent} requests already; retry later`,
        zh: `服务已在处理 ${maxConcurrent} 个请求，请稍后重试`,
      })));
      return;
    }
    load.inFlight++;
    reply.raw.once("close", () => {
      load.inFlight--;
    });
    done();
  };

  /** A POST route of evaluations, counted by {@link admit}; other methods 405. */
  const evaluateRoute = (url: string, handler: (request: FastifyRequest, reply: FastifyReply) => unknown): void => {
    app.route({ method: "POST", url, onRequest: admit as never, handler: handler as never });
    refuseOthers(url, ["POST"]);
  };

  evaluateRoute("/v1/evaluate", (request, reply) => {
    const explain = explainOf(request.query);
    if (explain instanceof ServiceError) return sendError(reply, explain);
    const doc = documentOf(request.body);
    if (doc instanceof ServiceError) return sendError(reply, doc);
    const result = evaluateDocument(doc, data, { explain });
    return json(reply, "error" in result ? statusOf(result.error) : 200, JSON.stringify(result));
  });

  evaluateRoute("/v1/batch", async (request, reply) => {
    const explain = explainOf(request.query);
    if (explain instanceof ServiceError) return sendError(reply, explain);
    const body = request.body;
    if (!(body instanceof Buffer)) return sendError(reply, badRequest("the request body is empty: send a JSON array of scenarios, or NDJSON", "请求体为空：请发送场景的 JSON 数组或 NDJSON"));
    const type = String(request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    if (type === NDJSON) {
      const lines = await ndjsonBatch(body, data, explain);
      reply.code(200).type(`${NDJSON}; charset=utf-8`);
      return lines;
    }
    const docs = documentOf(body);
    if (docs instanceof ServiceError) return sendError(reply, docs);
    if (!Array.isArray(docs)) return sendError(reply, badRequest("the request body is not a JSON array of scenarios (for NDJSON, send content-type: application/x-ndjson)", "请求体不是场景的 JSON 数组（发送 NDJSON 时请设置 \"content-type: application/x-ndjson\"）"));
    const results: EvaluationLine[] = [];
    for (let k = 0; k < docs.length; k++) {
      if (k > 0 && k % BATCH_SLICE === 0) await nextTurn();
      results.push(evaluateDocument(docs[k], data, { explain }));
    }
    return json(reply, 200, JSON.stringify(results));
  });

  route("/v1/kinds", () => ({
      kinds: kinds.map((k) => ({ ...k, schemas: `/v1/schemas/${k.kind}` })),
  }));

  route("/v1/schemas/:kind", (request, reply) => {
    const { kind } = request.params as { kind: string };
    if (!kinds.some((k) => k.kind === kind)) {
      return sendError(reply, new ServiceError(404, "NOT_FOUND", {
        en: `unknown scenario kind "${kind}"; known kinds: ${kinds.map((k) => k.kind).join(", ")}`,
        zh: `未知场景类型“${kind}”，可用类型：${kinds.map((k) => k.kind).join("、")}`,
      }, ["kind"]));
    }
    return { kind, input: scenarioJsonSchema(kind), output: outputJsonSchema(kind) };
  });

  route("/v1/rule-sets", () => ({
      ruleSets: data.registry.provinces().map((province) => ({
        province,
        versions: data.registry.versions(province).map((v) => ({ id: v.id, name: v.name, validFrom: v.validFrom, validTo: v.validTo, extends: v.extends })),
      })),
  }));

  route("/v1/rule-sets/:province", (request, reply) => {
    const { province } = request.params as { province: string };
    const asOf = (request.query as { asOf?: unknown }).asOf;
    if (asOf !== undefined && (typeof asOf !== "string" || !ISO_DATE.test(asOf))) {
      return sendError(reply, badRequest(`asOf takes a date YYYY-MM-DD, not ${JSON.stringify(asOf)}`, `asOf 须为日期 YYYY-MM-DD，而非 ${JSON.stringify(asOf)}`, ["asOf"]));
    }
    if (!data.registry.provinces().includes(province as never)) {
      return sendError(reply, new ServiceError(404, "NOT_FOUND", {
        en: `no rule set for province "${province}"; loaded: ${data.registry.provinces().join(", ")}`,
        zh: `没有省份“${province}”的规则集；已加载：${data.registry.provinces().join("、")}`,
      }, ["province"]));
    }
    let ruleSet: RuleSet;
    try {
      ruleSet = getRuleSet(province as never, asOf, data.registry);
    } catch (e) {
      if (!isZhishangError(e)) throw e;
      // a date before the first version, or in a gap: no rule set is in force then
      return sendError(reply, ServiceError.of(e.code === "RULE_NOT_IN_FORCE" ? 404 : 400, e));
    }
    return {
      ruleSet: ruleSetToFile(ruleSet),
      extends: ruleSet.extends,
      versions: data.registry.versions(ruleSet.province).map((v) => v.id),
      parameters: shownParameters(ruleSet),
    };
  });

  route("/healthz", () => ({ status: "ok", version: LIBRARY_VERSION, inFlight: load.inFlight, maxConcurrent }));

  let openApi: string | undefined;
  route("/openapi.json", (_request, reply) => {
    openApi ??= JSON.stringify(openApiDocument({ provinces: data.registry.provinces(), bodyLimit, maxConcurrent }));
    return json(reply, 200, openApi);
  });

  await app.ready();
  return app;
}

/** The error body of `error` (returned by a handler, which fastify sends), its status and type set on `reply`. */
function sendError(reply: FastifyReply, error: ServiceError): string {
  const body: { error: ServiceErrorJSON } = { error: error.toJSON() };
  reply.code(error.statusCode).type(JSON_TYPE);
  return JSON.stringify(body);
}

/** `payload` (JSON text) with status `status`, to be returned by a handler. */
function json(reply: FastifyReply, status: number, payload: string): string {
  reply.code(status).type(JSON_TYPE);
  return payload;
}

const BODY = { en: "the request body", zh: "请求体" };

/** The JSON document of a body (a Buffer from the service's parser), or the 400 that refuses it. */
function documentOf(body: unknown): unknown {
  if (!(body instanceof Buffer)) return badRequest("the request body is empty: send a scenario as JSON", "请求体为空：请以 JSON 发送场景");
  const text = decodeUtf8(body, BODY);
  if (text instanceof ServiceError) return text;
  const parsed = parseJsonText(text, BODY);
  return parsed.ok ? parsed.value : parsed.error;
}

/** An NDJSON batch: one result line per non-blank input line, in order, each starting with `line` (1-based). */
async function ndjsonBatch(body: Buffer, data: ProcessData, explain: boolean): Promise<string> {
  const out: string[] = [];
  let start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  let line = 0;
  let done = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    line++;
    const bytes = body.subarray(start, end > start && body[end - 1] === 0x0d ? end - 1 : end);
    start = end + 1;
    if (bytes.length === 0 || /^\s*$/.test(bytes.toString("latin1"))) continue;
    if (done > 0 && done % BATCH_SLICE === 0) await nextTurn();
    done++;
    const what = { en: `line ${line}`, zh: `第 ${line} 行` };
    const text = decodeUtf8(bytes, what);
    const parsed = text instanceof ServiceError ? { ok: false as const, error: text } : parseJsonText(text, what);
    const result = parsed.ok ? evaluateDocument(parsed.value, data, { explain }) : { error: parsed.error.toJSON() };
    out.push(`${JSON.stringify({ line, ...result })}\n`);
  }
  return out.join("");
}

/** A request Node could not parse as HTTP (or whose headers came too slowly): a raw answer, then the socket closed. */
function clientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, e] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "Request Timeout", new ServiceError(408, "REQUEST_TIMEOUT", { en: "the request did not arrive in time", zh: "请求未在规定时间内传送完毕" })]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "Request Header Fields Too Large", new ServiceError(431, "BODY_TOO_LARGE", { en: "the request headers are too large", zh: "请求头过大" })]
        : [400, "Bad Request", badRequest("the request is not valid HTTP", "请求不是有效的 HTTP 请求")];
  const body = JSON.stringify({ error: e.toJSON() });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: ${JSON_TYPE}\r\n${VERSION_HEADER}: ${LIBRARY_VERSION}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
