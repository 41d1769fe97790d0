/**
 * Reading a request body for the HTTP service (docs/scenarios.md, "The HTTP service"): the bytes within the body
 * limit and the request timeout, then the text as strict UTF-8 (a leading byte-order mark ignored), refused
 * when nested deeper than {@link MAX_JSON_DEPTH}, parsed as JSON. Every refusal is a {@link ServiceError} with its
 * HTTP status and a message in both languages. Node's own modules only: no fastify here.
 */
import type { IncomingMessage } from "node:http";
import type { Bilingual, ErrorCode, ErrorPath, ZhishangError, ZhishangErrorJSON } from "zhishang";

/** The deepest nesting of arrays and objects a request document may have (a scenario needs fewer than 10 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * The codes of errors about the HTTP request itself rather than the scenario (the library's own codes, such as
 * `INVALID_INPUT`, are used for what the body says).
 */
export const SERVICE_ERROR_CODES = [
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "BODY_TOO_LARGE",
  "REQUEST_TIMEOUT",
  "OVERLOADED",
  "INTERNAL_ERROR",
] as const;

/** One of {@link SERVICE_ERROR_CODES}. */
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

/** The JSON of an error as the service sends it: the library's error JSON, or the same fields with a service code. */
export type ServiceErrorJSON = Omit<ZhishangErrorJSON, "code"> & { code: ErrorCode | ServiceErrorCode };

/** A refusal of the service: the HTTP status, a code (the library's or the service's) and a message in both languages. */
export class ServiceError {
  readonly statusCode: number;
  readonly code: ErrorCode | ServiceErrorCode;
  readonly messageEn: string;
  readonly messageZh: string;
  readonly path: ErrorPath;

  constructor(statusCode: number, code: ErrorCode | ServiceErrorCode, messages: { en: string; zh: string }, path: ErrorPath = []) {
    this.statusCode = statusCode;
    this.code = code;
    this.messageEn = messages.en;
    this.messageZh = messages.zh;
    this.path = path;
  }

  /** A typed error of the library with the status it is answered with. */
  static of(statusCode: number, e: ZhishangError): ServiceError {
    return new ServiceError(statusCode, e.code, { en: e.messageEn, zh: e.messageZh }, e.path);
  }

  /** The error as the body's `error` field: code, both messages, path. */
  toJSON(): ServiceErrorJSON {
    return { code: this.code, message: `${this.messageEn} / ${this.messageZh}`, messageZh: this.messageZh, messageEn: this.messageEn, path: [...this.path] };
  }
}

/** `INVALID_INPUT` at the request's root, answered 400. */
export function badRequest(en: string, zh: string, path: ErrorPath = []): ServiceError {
  return new ServiceError(400, "INVALID_INPUT", { en, zh }, path);
}

/** How many bytes `limit` is, for a message (`10 MiB`, `512 KiB`, `100 bytes` / `100 字节`). */
export function bytesText(limit: number, lang: "zh" | "en" = "en"): string {
  if (limit >= 1024 * 1024 && limit % (1024 * 1024) === 0) return `${limit / (1024 * 1024)} MiB`;
  if (limit >= 1024 && limit % 1024 === 0) return `${limit / 1024} KiB`;
  return lang === "zh" ? `${limit} 字节` : `${limit} bytes`;
}

/** 413 `BODY_TOO_LARGE`: the body is over `limit` bytes. */
export function tooLarge(limit: number): ServiceError {
  return new ServiceError(413, "BODY_TOO_LARGE", { en: `the request body is larger than ${bytesText(limit)}`, zh: `请求体超过 ${bytesText(limit, "zh")}` });
}

/** 408 `REQUEST_TIMEOUT`: the body did not arrive within `ms` milliseconds. */
export function timedOut(ms: number): ServiceError {
  return new ServiceError(408, "REQUEST_TIMEOUT", {
    en: `the request body did not arrive within ${ms} ms`,
    zh: `请求体未在 ${ms} 毫秒内传送完毕`,
  });
}

/**
 * The body of `payload`: at most `limit` bytes (a `content-length` above it is refused before anything is read),
 * received within `timeoutMs` of the start of reading (else a 408). A client that goes away first rejects with a
 * 400 that cannot be answered (the socket is gone) and frees the request.
 */
export function readBody(payload: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = payload.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      payload.off("data", onData);
      payload.off("end", onEnd);
      payload.off("error", onError);
      payload.off("close", onClose);
      f();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish(() => reject(tooLarge(limit)));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(() => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    const gone = (): void => finish(() => reject(badRequest("the client closed the connection before the body was complete", "客户端在请求体传送完毕前断开了连接")));
    const onError = gone;
    const onClose = (): void => {
      if (!payload.complete) gone();
    };
    const timer = setTimeout(() => finish(() => reject(timedOut(timeoutMs))), timeoutMs);
    payload.on("data", onData);
    payload.on("end", onEnd);
    payload.on("error", onError);
    payload.on("close", onClose);
  });
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** `bytes` as strict UTF-8, or a 400 naming what they are (`what`, in both languages). */
export function decodeUtf8(bytes: Uint8Array, what: Bilingual, path: ErrorPath = []): string | ServiceError {
  try {
    return UTF8.decode(bytes);
  } catch {
    return badRequest(`${what.en}: not valid UTF-8`, `${what.zh}不是有效的 UTF-8 编码`, path);
  }
}

/**
 * The deepest nesting of arrays and objects in a JSON text (brackets inside strings not counted), stopping as soon
 * as it passes `max`.
 */
export function jsonDepth(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * `text` parsed as JSON (a leading byte-order mark ignored), or a 400 `INVALID_INPUT` naming what it is (`what`):
 * not JSON, or nested deeper than {@link MAX_JSON_DEPTH}.
 */
export function parseJsonText(text: string, what: Bilingual, path: ErrorPath = []): { ok: true; value: unknown } | { ok: false; error: ServiceError } {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (jsonDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ok: false, error: badRequest(`${what.en}: nested deeper than ${MAX_JSON_DEPTH} levels`, `${what.zh}嵌套超过 ${MAX_JSON_DEPTH} 层`, path) };
  }
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (e) {
    return { ok: false, error: badRequest(`${what.en}: not valid JSON: ${(e as Error).message}`, `${what.zh}不是有效的 JSON`, path) };
  }
}
