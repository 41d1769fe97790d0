/**
 * The HTTP service on a real socket (127.0.0.1, a free port): a 20 MB body, a client that sends slowly, a client
 * that goes away mid-body, the bound on concurrent evaluations, and 50 concurrent clients each getting its own
 * answer. SIGTERM on a real process: process.test.ts.
 */
import { request, Agent } from "node:http";
import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LIBRARY_VERSION } from "../../src/core/version.js";
import { loadProcessData } from "../../src/scenario/batch.js";
import { buildService } from "../../src/service/server.js";

let app: FastifyInstance;
let port = 0;
beforeAll(async () => {
  app = await buildService(fastify, { data: loadProcessData(), logLevel: "silent", maxConcurrent: 60, requestTimeout: 400 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
});

const grade4 = (id: string, wage: string): string => JSON.stringify({ id, province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: wage } });

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** One request over `agent` (default: a new connection); the whole answer. */
function send(path: string, body: string | Buffer | undefined, method = "POST", agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, agent: agent ?? false, headers: body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A raw connection that sends `head` (and the start of a body), then waits: what the server writes back, and when it closes. */
function rawClient(head: string): { socket: Socket; received: Promise<{ text: string; closedAfterMs: number }> } {
  const socket = connect(port, "127.0.0.1");
  const started = performance.now();
  socket.write(head);
  const received = new Promise<{ text: string; closedAfterMs: number }>((resolve) => {
    let text = "";
    socket.on("data", (d: Buffer) => { text += d.toString("utf8"); });
    socket.on("error", () => undefined);
    socket.on("close", () => resolve({ text, closedAfterMs: performance.now() - started }));
  });
  return { socket, received };
}

const health = async (): Promise<{ inFlight: number }> => JSON.parse((await send("/healthz", undefined, "GET")).body);

describe("hostile clients", () => {
  test("a 20 MB body is 413 (refused on its content-length, the rest discarded), and the service goes on", async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const r = await send("/v1/evaluate", big);
    expect(r.status).toBe(413);
    expect(r.headers["x-zhishang-version"]).toBe(LIBRARY_VERSION);
    expect(JSON.parse(r.body).error.code).toBe("BODY_TOO_LARGE");
    expect((await send("/v1/evaluate", grade4("after", "1000.00"))).status).toBe(200);
  });

  test("a chunked body that grows past the limit is 413 too", async () => {
    const { socket, received } = rawClient("POST /v1/evaluate HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n");
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    for (let k = 0; k < 11 && !socket.destroyed; k++) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString("latin1")}\r\n`);
    socket.end("0\r\n\r\n");
    const { text } = await received;
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain(`x-zhishang-version: ${LIBRARY_VERSION}`);
  });

  test("a client that sends its body too slowly gets 408 REQUEST_TIMEOUT and the connection is closed", async () => {
    const { socket, received } = rawClient("POST /v1/evaluate HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{\"id\":");
    const { text, closedAfterMs } = await received;
    socket.destroy();
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text.toLowerCase()).toContain("connection: close");
    expect(text).toContain('"code":"REQUEST_TIMEOUT"');
    // the timeout is 400 ms: answered after it, and well before Node's own limit (twice it) would act
    expect(closedAfterMs).toBeGreaterThanOrEqual(390);
    expect(closedAfterMs).toBeLessThan(790);
    expect((await health()).inFlight).toBe(0);
  });

  test("a client that goes away mid-body frees its slot; the service goes on", async () => {
    const { socket } = rawClient("POST /v1/evaluate HTTP/1.1\r\nhost: x\r\ncontent-length: 500\r\n\r\n{\"id\":\"gone\"");
    await sleep(50);
    expect((await health()).inFlight).toBe(1);
    socket.destroy();
    await sleep(50);
    expect((await health()).inFlight).toBe(0);
    expect((await send("/v1/evaluate", grade4("next", "1000.00"))).status).toBe(200);
  });
});

describe("requests Node refuses before fastify sees them", () => {
  test("not HTTP: 400 with the version header, the connection closed", async () => {
    const { received } = rawClient("HELLO THERE\r\n\r\n");
    const { text } = await received;
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain(`x-zhishang-version: ${LIBRARY_VERSION}`);
    expect(text).toContain('"code":"INVALID_INPUT"');
  });

  test("headers over Node's limit (16 KiB): 431", async () => {
    const { received } = rawClient(`GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${"a".repeat(20_000)}\r\n\r\n`);
    const { text } = await received;
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(text).toContain(`x-zhishang-version: ${LIBRARY_VERSION}`);
  });
});

describe("concurrency", () => {
  test("50 concurrent clients on keep-alive connections each get their own answer", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    // client k sends wage 1000 + k: its base is (1000 + k) × 0.6, its id "c<k>"
    const answers = await Promise.all(Array.from({ length: 50 }, async (_, k) => {
      const out: Array<{ id: string; base: string; expected: string }> = [];
      for (let round = 0; round < 4; round++) {
        const wage = 1000 + k * 10 + round;
        const r = await send("/v1/evaluate?explain=none", grade4(`c${k}-${round}`, `${wage}.00`), "POST", agent);
        expect(r.status).toBe(200);
        const body = JSON.parse(r.body);
        out.push({ id: body.id, base: body.output.benefitBase, expected: `c${k}-${round} ${(wage * 6 / 10).toFixed(2)}` });
      }
      return out;
    }));
    agent.destroy();
    const all = answers.flat();
    expect(all).toHaveLength(200);
    for (const a of all) expect(`${a.id} ${a.base}`).toBe(a.expected);
  });

  test("past --max-concurrent an evaluation is 503 OVERLOADED with Retry-After, and admitted again once a slot frees", async () => {
    const small = await buildService(fastify, { data: loadProcessData(), logLevel: "silent", maxConcurrent: 1, requestTimeout: 2000 });
    await small.listen({ host: "127.0.0.1", port: 0 });
    const smallPort = (small.server.address() as { port: number }).port;
    try {
      const holder = connect(smallPort, "127.0.0.1");
      holder.on("error", () => undefined);
      const body = grade4("held", "1000.00");
      holder.write(`POST /v1/evaluate HTTP/1.1\r\nhost: x\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body.slice(0, 10)}`);
      await sleep(50);
      const refused = await fetch(`http://127.0.0.1:${smallPort}/v1/evaluate`, { method: "POST", body: grade4("second", "1000.00") });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(refused.headers.get("x-zhishang-version")).toBe(LIBRARY_VERSION);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("OVERLOADED");
      // GET endpoints are not counted
      expect((await fetch(`http://127.0.0.1:${smallPort}/healthz`)).status).toBe(200);
      const answer = new Promise<string>((resolve) => {
        let text = "";
        holder.on("data", (d: Buffer) => { text += d.toString("utf8"); });
        holder.on("close", () => resolve(text));
      });
      holder.end(body.slice(10));
      expect(await answer).toMatch(/^HTTP\/1\.1 200 /);
      const again = await fetch(`http://127.0.0.1:${smallPort}/v1/evaluate`, { method: "POST", body: grade4("third", "1000.00") });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { id: string }).id).toBe("third");
    } finally {
      await small.close();
    }
  });
});
