/**
 * `zhishang serve` as a real process on 127.0.0.1: the CLI is bundled once for this file (tsup, the build's own
 * tool, into node_modules/.cache: the tests run before `npm run build` in CI), started with `--port 0`, its address
 * read from the JSON line it prints. SIGTERM under load: the requests in flight finish with their own answers,
 * nothing crashes, the process exits 0. And the same bundle beside the package's dependencies only: without fastify,
 * `serve` says how to install it and exits 2.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { request } from "node:http";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { build } from "tsup";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const outDir = join(root, "node_modules", ".cache", `zhishang-serve-test-${process.pid}`);
const { version, dependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  await build({
    config: false,
    entry: { cli: join(root, "src", "cli.ts") },
    outDir,
    format: ["esm"],
    target: "node20",
    silent: true,
    define: { __ZHISHANG_VERSION__: JSON.stringify(version) },
    external: ["fastify"],
  });
}, 60_000);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

interface Server { child: ChildProcess; port: number; stderr: () => string; exited: Promise<number | null> }

async function start(args: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [join(outDir, "cli.js"), "serve", "--port", "0", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => { stderr += d.toString("utf8"); });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
    });
    child.on("exit", () => reject(new Error(`serve exited before listening: ${stderr}`)));
  });
  const listening = JSON.parse(line) as { listening: string; host: string; port: number; version: string };
  expect(listening).toEqual({ listening: `http://127.0.0.1:${listening.port}`, host: "127.0.0.1", port: listening.port, version });
  return { child, port: listening.port, stderr: () => stderr, exited };
}

const scenario = (id: string, wage: number): string => JSON.stringify({ id, province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: `${wage}.00` } });

/** POST /v1/evaluate on a new connection: the status and body, or the connection error's code. */
function evaluate(port: number, body: string): Promise<{ status: number; body: string } | { failed: string }> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/v1/evaluate?explain=none", method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => { text += d.toString("utf8"); });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on("error", (e: NodeJS.ErrnoException) => resolve({ failed: e.code ?? e.message }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ failed: e.code ?? e.message }));
    req.end(body);
  });
}

describe("zhishang serve, a real process", () => {
  test("without fastify installed: how to install it, exit 2 (the other commands still work)", () => {
    // the bundled CLI beside the package's dependencies only, outside the repository (whose node_modules has fastify)
    const dir = mkdtempSync(join(tmpdir(), "zhishang-no-fastify-"));
    try {
      cpSync(outDir, join(dir, "dist"), { recursive: true });
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "zhishang", version, type: "module" }));
      for (const dep of Object.keys(dependencies)) {
        mkdirSync(dirname(join(dir, "node_modules", dep)), { recursive: true });
        symlinkSync(join(root, "node_modules", dep), join(dir, "node_modules", dep), "junction");
      }
      const cli = join(dir, "dist", "cli.js");
      const serve = spawnSync(process.execPath, [cli, "serve", "--port", "0"], { cwd: dir, encoding: "utf8" });
      expect(serve.status).toBe(2);
      expect(serve.stdout).toBe("");
      expect(serve.stderr).toContain("npm install fastify@5");
      expect(serve.stderr).toContain("HTTP 服务需要 fastify 包");
      expect(spawnSync(process.execPath, [cli, "--version"], { cwd: dir, encoding: "utf8" }).stdout).toBe(`${version}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("serves, logs JSON lines on stderr, and exits 0 on SIGTERM", async () => {
    const s = await start();
    const r = await fetch(`http://127.0.0.1:${s.port}/v1/evaluate`, { method: "POST", body: scenario("one", 6000) });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-zhishang-version")).toBe(version);
    expect(((await r.json()) as { output: { benefitBase: string } }).output.benefitBase).toBe("3600.00"); // 6000 × 0.6
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    const logs = s.stderr().trim().split("\n").map((l) => JSON.parse(l) as { level: number; msg: string; res?: { statusCode: number } });
    expect(logs.some((l) => l.msg === "request completed" && l.res?.statusCode === 200)).toBe(true);
    expect(logs.at(-1)?.msg).toBe("closed");
    expect(logs.every((l) => l.level < 50)).toBe(true);
  });

  test("SIGTERM under load: requests in flight finish with their own answers, none lost or misrouted, exit 0", async () => {
    const s = await start();
    // 10 requests in flight at the signal: headers and half the body sent, the rest after it
    const held = Array.from({ length: 10 }, (_, k) => {
      const body = scenario(`held-${k}`, 2000 + k);
      const socket = connect(s.port, "127.0.0.1");
      socket.on("error", () => undefined);
      socket.write(`POST /v1/evaluate?explain=none HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 20)}`);
      const answer = new Promise<string>((resolve) => {
        let text = "";
        socket.on("data", (d: Buffer) => { text += d.toString("utf8"); });
        socket.on("close", () => resolve(text));
      });
      return { k, rest: body.slice(20), socket, answer };
    });
    // 40 clients sending requests back to back on new connections, before, during and after the signal
    let stop = false;
    const results: Array<{ id: string; wage: number; r: { status: number; body: string } | { failed: string } }> = [];
    const clients = Array.from({ length: 40 }, async (_, c) => {
      for (let n = 0; !stop; n++) {
        const id = `load-${c}-${n}`;
        const wage = 3000 + c * 100 + n;
        const r = await evaluate(s.port, scenario(id, wage));
        results.push({ id, wage, r });
        if ("failed" in r) break; // the server no longer accepts connections
      }
    });
    await sleep(300);
    s.child.kill("SIGTERM");
    await sleep(100);
    for (const h of held) h.socket.end(h.rest);
    const answers = await Promise.all(held.map((h) => h.answer));
    stop = true;
    await Promise.all(clients);
    expect(await s.exited).toBe(0);

    answers.forEach((text, k) => {
      expect(text).toMatch(/^HTTP\/1\.1 200 /);
      const body = JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4)) as { id: string; output: { benefitBase: string } };
      // wage 2000 + k → base (2000 + k) × 0.6
      expect(`${body.id} ${body.output.benefitBase}`).toBe(`held-${k} ${((2000 + k) * 0.6).toFixed(2)}`);
    });
    const answered = results.filter((x) => !("failed" in x.r));
    expect(answered.length).toBeGreaterThan(40);
    for (const x of answered) {
      const r = x.r as { status: number; body: string };
      expect(r.status).toBe(200);
      const body = JSON.parse(r.body) as { id: string; output: { benefitBase: string } };
      expect(`${body.id} ${body.output.benefitBase}`).toBe(`${x.id} ${(x.wage * 0.6).toFixed(2)}`);
    }
    // each answer once: the ids answered are distinct
    expect(new Set(answered.map((x) => x.id)).size).toBe(answered.length);
    // a request that got no answer was refused at the connection (the listener closed, or an idle connection
    // closed before its request was read): the server never started it — every request it logged as received it
    // logged as completed, one per answer
    for (const x of results.filter((y) => "failed" in y.r)) expect(["ECONNREFUSED", "ECONNRESET"]).toContain((x.r as { failed: string }).failed);
    const logs = s.stderr().trim().split("\n").map((l) => JSON.parse(l) as { level: number; msg: string; reqId?: string; res?: { statusCode: number } });
    const received = logs.filter((l) => l.msg === "incoming request").map((l) => l.reqId);
    const completed = logs.filter((l) => l.msg === "request completed");
    expect(completed.map((l) => l.reqId).sort()).toEqual(received.sort());
    expect(completed.length).toBe(answered.length + held.length);
    expect(completed.every((l) => l.res?.statusCode === 200)).toBe(true);
    expect(logs.every((l) => l.level < 50)).toBe(true);
  });
});
