/**
 * The HTTP service (src/service/server.ts) through fastify's inject: every endpoint, the status of each kind of
 * error (docs/decisions.md, "The HTTP service"), the OpenAPI document checked by a third-party OpenAPI 3.1
 * validator, the version header on every answer, and `zhishang serve` without fastify. Real sockets and processes:
 * sockets.test.ts and process.test.ts.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import { serveCommand } from "../../src/cli/serve.js";
import { LIBRARY_VERSION } from "../../src/core/version.js";
import { kindNames, outputJsonSchema, scenarioJsonSchema } from "../../src/index.js";
import { loadProcessData } from "../../src/scenario/batch.js";
import { bytesText, tooLarge } from "../../src/service/body.js";
import { buildService, statusOf } from "../../src/service/server.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildService(fastify, { data: loadProcessData(), logLevel: "silent", bodyLimit: 64 * 1024, maxConcurrent: 4 });
});
afterAll(async () => {
  await app.close();
});

/** Qinghai, grade 4 on a wage of `wage`: base = wage × 0.6 (qinghai's benefit-base factor). */
const grade4 = (id: string, wage = "6000.00"): Record<string, unknown> => ({ id, province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: wage } });

const post = (url: string, payload: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  app.inject({ method: "POST", url, payload: typeof payload === "string" || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload), headers });

describe("POST /v1/evaluate", () => {
  test("one scenario: the eval result, 200, with the version header", async () => {
    const r = await post("/v1/evaluate", grade4("q4"));
    expect(r.statusCode).toBe(200);
    expect(r.headers["x-zhishang-version"]).toBe(LIBRARY_VERSION);
    const body = r.json();
    // base 6000 × 0.6 = 3600; one-time subsidy 21 months × 3600 = 75600; monthly allowance 75% × 3600 = 2700
    expect(body).toMatchObject({ id: "q4", ruleSet: "qinghai@2026-07-01", assumptions: [], version: LIBRARY_VERSION });
    expect(body.output).toMatchObject({ benefitBase: "3600.00", oneTimeDisabilitySubsidy: "75600.00", monthlyDisabilityAllowance: "2700.00" });
    expect(Array.isArray(body.explanation) && body.explanation.length > 0).toBe(true);
  });

  test("?explain=none: the same output, no explanation; another value is 400", async () => {
    const full = (await post("/v1/evaluate", grade4("q4"))).json();
    const none = await post("/v1/evaluate?explain=none", grade4("q4"));
    expect(none.statusCode).toBe(200);
    expect(none.json()).not.toHaveProperty("explanation");
    expect(none.json().output).toEqual(full.output);
    const bad = await post("/v1/evaluate?explain=some", grade4("q4"));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "INVALID_INPUT", path: ["explain"] });
  });

  test("any content type is read as JSON (curl -d sends x-www-form-urlencoded); a byte-order mark is skipped", async () => {
    const r = await post("/v1/evaluate", `\uFEFF${JSON.stringify(grade4("bom"))}`, { "content-type": "application/x-www-form-urlencoded" });
    expect(r.statusCode).toBe(200);
    expect(r.json().id).toBe("bom");
  });

  test("400 when the body is not a scenario envelope", async () => {
    const cases: Array<[string | Buffer, string, unknown[]]> = [
      ["{not json", "not valid JSON", []],
      ["42", "", []],
      [JSON.stringify({ ...grade4("k"), kind: "disability-benefit" }), "unknown scenario kind", ["kind"]],
      [JSON.stringify({ ...grade4("p"), province: "jiangsu" }), "unknown province", ["province"]],
      [JSON.stringify({ ...grade4("f"), extra: 1 }), "", []],
      [Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), "not valid UTF-8", []],
      ["[".repeat(65) + "]".repeat(65), "nested deeper than 64 levels", []],
    ];
    for (const [payload, text, path] of cases) {
      const r = await post("/v1/evaluate", payload);
      expect(r.statusCode, String(payload).slice(0, 40)).toBe(400);
      const { error } = r.json();
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.messageEn).toContain(text);
      if (path.length > 0) expect(error.path).toEqual(path);
    }
    // an unknown field is named in the path
    expect((await post("/v1/evaluate", { ...grade4("f"), extra: 1 })).json().error.path).toEqual(["extra"]);
    // 64 levels are accepted as JSON (then refused as a scenario: an array is no envelope, still 400 but not for depth)
    const deep = await post("/v1/evaluate", "[".repeat(64) + "]".repeat(64));
    expect(deep.json().error.messageEn).not.toContain("nested deeper");
    // an empty body
    const empty = await app.inject({ method: "POST", url: "/v1/evaluate" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.messageEn).toContain("empty");
  });

  test("422 when the evaluation refuses the scenario: its input, or an evaluation code", async () => {
    const grade11 = await post("/v1/evaluate", { ...grade4("g"), input: { grade: 11, avgMonthlyWage: "6000.00" } });
    expect(grade11.statusCode).toBe(422);
    expect(grade11.json()).toMatchObject({ id: "g", error: { code: "INVALID_INPUT", path: ["input", "grade"] } });
    // inner-mongolia's rules start 2026-07-01: an accident on 2026-06-28 is before them
    const early = await post("/v1/evaluate", {
      id: "early", province: "inner-mongolia", kind: "living-guarantee",
      input: { cityMinimumLivingStandardMonthly: "1000.00", treatmentStartDate: "2026-07-02", treatmentEndDate: "2026-07-20", accidentDate: "2026-06-28" },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["input", "accidentDate"] });
    expect(early.json().error.messageZh.length).toBeGreaterThan(0);
  });

  test("statusOf: 400 for the envelope's form, 422 for its content and every evaluation code", () => {
    expect(statusOf({ code: "INVALID_INPUT", path: [] })).toBe(400);
    expect(statusOf({ code: "SCENARIO_INVALID", path: ["expectError"] })).toBe(400);
    expect(statusOf({ code: "INVALID_INPUT", path: ["province"] })).toBe(400);
    expect(statusOf({ code: "INVALID_INPUT", path: ["options", "strict"] })).toBe(400);
    for (const root of ["input", "ruleSet", "calendars", "overrides"]) expect(statusOf({ code: "INVALID_INPUT", path: [root, 0] })).toBe(422);
    for (const code of ["CALENDAR_NOT_COVERED", "RULE_NOT_IN_FORCE", "FLOAT_NOT_ALLOWED", "ASSUMED_PARAMETER_REFUSED", "RULE_NOT_DEFINED", "STATISTIC_NOT_AVAILABLE", "RULE_SET_INVALID"] as const) {
      expect(statusOf({ code, path: [] })).toBe(422);
    }
  });

  test("a body over the limit is 413 BODY_TOO_LARGE, before it is read", async () => {
    const r = await post("/v1/evaluate", JSON.stringify({ ...grade4("big"), note: "x".repeat(70 * 1024) }));
    expect(r.statusCode).toBe(413);
    expect(r.headers["x-zhishang-version"]).toBe(LIBRARY_VERSION);
    expect(r.json().error).toMatchObject({ code: "BODY_TOO_LARGE", messageEn: "the request body is larger than 64 KiB", messageZh: "请求体超过 64 KiB" });
  });

  test("the limit as a message states it: MiB, KiB, else bytes (字节 in Chinese)", () => {
    expect(bytesText(10 * 1024 * 1024)).toBe("10 MiB");
    expect(bytesText(1536)).toBe("1536 bytes"); // 1.5 KiB: not a whole number of KiB, so in bytes
    expect(bytesText(512 * 1024, "zh")).toBe("512 KiB");
    expect(bytesText(100, "zh")).toBe("100 字节");
    expect(tooLarge(100).toJSON()).toMatchObject({ messageEn: "the request body is larger than 100 bytes", messageZh: "请求体超过 100 字节" });
  });
});

describe("POST /v1/batch", () => {
  test("a JSON array: one result per scenario, in order, errors in place", async () => {
    const r = await post("/v1/batch?explain=none", [grade4("a", "1000.00"), grade4("b", "2000.00"), { id: "c", kind: "nope" }, grade4("d", "3000.00")]);
    expect(r.statusCode).toBe(200);
    const out = r.json() as Array<{ id: string; output?: { benefitBase: string }; error?: { code: string } }>;
    expect(out.map((x) => x.id)).toEqual(["a", "b", "c", "d"]);
    // base = wage × 0.6
    expect(out.map((x) => x.output?.benefitBase ?? x.error?.code)).toEqual(["600.00", "1200.00", "INVALID_INPUT", "1800.00"]);
    expect(out[0]).not.toHaveProperty("explanation");
  });

  test("NDJSON: NDJSON back, one line per scenario line with its line number; blank lines skipped; a bad line is an error line", async () => {
    const text = [JSON.stringify(grade4("a", "1000.00")), "", "{oops", JSON.stringify(grade4("b", "5000.00")), ""].join("\r\n");
    const r = await post("/v1/batch", text, { "content-type": "application/x-ndjson" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
    const lines = r.body.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.id ?? null])).toEqual([[1, "a"], [3, null], [4, "b"]]);
    expect(lines[0].output.benefitBase).toBe("600.00");
    expect(lines[1].error).toMatchObject({ code: "INVALID_INPUT" });
    expect(lines[1].error.messageZh).toBe("第 3 行不是有效的 JSON");
    expect(lines[2].output.benefitBase).toBe("3000.00");
    expect(Array.isArray(lines[2].explanation)).toBe(true);
  });

  test("NDJSON: the same lines as eval --ndjson, byte for byte — good lines, a line not JSON, a line not UTF-8", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${JSON.stringify(grade4("a", "1000.00"))}\n{oops\n{"id":"`), Buffer.from([0xc3, 0x28]), Buffer.from(`"}\n\n${JSON.stringify(grade4("b", "5000.00"))}\n`),
    ]);
    const served = await post("/v1/batch", bytes, { "content-type": "application/x-ndjson" });
    let out = "";
    const code = await main(["eval", "--ndjson"], {
      stdout: (t) => (out += t), stderr: () => undefined, readStdin: async () => "",
      stdinStream: async function* () {
        yield bytes;
      },
    });
    expect(code).toBe(1);
    expect(served.statusCode).toBe(200);
    expect(out).toBe(served.body);
    // line 3: C3 28 is a lead byte followed by "(", not UTF-8
    const third = out.split("\n")[2] as string;
    expect(JSON.parse(third)).toEqual({ line: 3, error: { code: "INVALID_INPUT", message: "line 3: not valid UTF-8 / 第 3 行不是有效的 UTF-8 编码", messageZh: "第 3 行不是有效的 UTF-8 编码", messageEn: "line 3: not valid UTF-8", path: [] } });
  });

  test("a JSON body that is not an array is 400", async () => {
    const r = await post("/v1/batch", grade4("x"));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.messageEn).toContain("not a JSON array");
  });
});

describe("the GET endpoints", () => {
  test("/v1/kinds and /v1/schemas/{kind}", async () => {
    const kinds = (await app.inject("/v1/kinds")).json().kinds as Array<{ kind: string; schemas: string; title: { zh: string; en: string } }>;
    expect(kinds.map((k) => k.kind)).toEqual(kindNames());
    const s = await app.inject(kinds.find((k) => k.kind === "service-fee")?.schemas ?? "");
    expect(s.statusCode).toBe(200);
    expect(s.json()).toEqual({ kind: "service-fee", input: scenarioJsonSchema("service-fee"), output: outputJsonSchema("service-fee") });
    const unknown = await app.inject("/v1/schemas/no-such-kind");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: "NOT_FOUND", path: ["kind"] });
  });

  test("/v1/rule-sets and /v1/rule-sets/{province}?asOf=", async () => {
    const list = (await app.inject("/v1/rule-sets")).json().ruleSets as Array<{ province: string; versions: Array<{ id: string }> }>;
    expect(list.map((r) => r.province)).toEqual(["qinghai", "shanghai", "guangxi", "inner-mongolia", "zhejiang"]);
    expect(list[0]?.versions[0]?.id).toBe("qinghai@2026-07-01");
    const one = await app.inject("/v1/rule-sets/qinghai?asOf=2026-08-01");
    expect(one.statusCode).toBe(200);
    const body = one.json();
    expect(body.ruleSet.id).toBe("qinghai@2026-07-01");
    expect(body.versions).toEqual(["qinghai@2026-07-01"]);
    const factor = body.parameters.find((p: { name: string }) => p.name === "benefit.baseFactor");
    // Qinghai's own measures set the benefit base at 60% of the wage
    expect(factor).toMatchObject({ value: "0.6", provenance: { kind: "seed" } });
    expect(factor.citations.length).toBeGreaterThan(0);
    expect(factor.citations[0].zh).toMatch(/青海/);
    expect(body.parameters.every((p: { provenance: { kind: string } }) => ["seed", "national", "assumed"].includes(p.provenance.kind))).toBe(true);

    const early = await app.inject("/v1/rule-sets/qinghai?asOf=2020-01-01");
    expect(early.statusCode).toBe(404);
    expect(early.json().error.code).toBe("RULE_NOT_IN_FORCE");
    const bad = await app.inject("/v1/rule-sets/qinghai?asOf=August");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toEqual(["asOf"]);
    expect((await app.inject("/v1/rule-sets/jiangsu")).statusCode).toBe(404);
  });

  test("/healthz", async () => {
    const r = await app.inject("/healthz");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: "ok", version: LIBRARY_VERSION, inFlight: 0, maxConcurrent: 4 });
  });
});

describe("paths and methods", () => {
  test("an unknown path is 404, a wrong method 405 with Allow, both typed and with the version header", async () => {
    const nf = await app.inject("/v2/evaluate");
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error).toMatchObject({ code: "NOT_FOUND", messageEn: "no such path: /v2/evaluate", messageZh: "路径不存在：/v2/evaluate" });
    expect(nf.headers["x-zhishang-version"]).toBe(LIBRARY_VERSION);
    for (const [method, url, allow] of [["GET", "/v1/evaluate", "POST"], ["PUT", "/v1/batch", "POST"], ["POST", "/healthz", "GET, HEAD"], ["DELETE", "/v1/schemas/service-fee", "GET, HEAD"]] as const) {
      const r = await app.inject({ method, url });
      expect(r.statusCode, `${method} ${url}`).toBe(405);
      expect(r.headers.allow).toBe(allow);
      expect(r.headers["x-zhishang-version"]).toBe(LIBRARY_VERSION);
      expect(r.json().error.code).toBe("METHOD_NOT_ALLOWED");
    }
    expect((await app.inject({ method: "HEAD", url: "/healthz" })).statusCode).toBe(200);
    // a URL that does not decode: 400, typed, with the header
    const badUrl = await app.inject("/v1/schemas/%E0%A4%A");
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.headers["x-zhishang-version"]).toBe(LIBRARY_VERSION);
    expect(badUrl.json().error).toMatchObject({ code: "INVALID_INPUT", messageZh: "网址无效：百分号编码有误" });
  });
});

describe("GET /openapi.json", () => {
  test("a valid OpenAPI 3.1 document (a third-party validator) with every endpoint", async () => {
    const r = await app.inject("/openapi.json");
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths).sort()).toEqual(["/healthz", "/openapi.json", "/v1/batch", "/v1/evaluate", "/v1/kinds", "/v1/rule-sets", "/v1/rule-sets/{province}", "/v1/schemas/{kind}"]);
  });

  test("the answers match the schemas the document gives them", async () => {
    const doc = (await app.inject("/openapi.json")).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: "openapi.json", components: doc.components });
    const check = (name: string, value: unknown): void => {
      const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
      if (validate === undefined) throw new Error(`no schema ${name}`);
      expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    check("EvaluationResult", (await post("/v1/evaluate", grade4("a"))).json());
    check("ErrorBody", (await post("/v1/evaluate", "{")).json());
    check("ErrorBody", (await app.inject("/nope")).json());
    for (const line of (await post("/v1/batch", [grade4("a"), { id: "b" }])).json()) check("EvaluationLine", line);
    check("Kinds", (await app.inject("/v1/kinds")).json());
    check("KindSchemas", (await app.inject("/v1/schemas/eligibility")).json());
    check("RuleSets", (await app.inject("/v1/rule-sets")).json());
    check("RuleSetDetail", (await app.inject("/v1/rule-sets/shanghai")).json());
    check("Health", (await app.inject("/healthz")).json());
    // the request schema of evaluate accepts a fixture and refuses an unknown kind
    check("Scenario", grade4("a"));
    const scenario = ajv.getSchema("openapi.json#/components/schemas/Scenario");
    expect(scenario?.({ ...grade4("a"), kind: "nope" })).toBe(false);
  });
});

describe("zhishang serve without fastify, and its usage errors", () => {
  const io = () => {
    const out = { stdout: "", stderr: "" };
    return { out, io: { stdout: (t: string) => { out.stdout += t; }, stderr: (t: string) => { out.stderr += t; }, readStdin: async () => "" } };
  };

  test("fastify not installed: how to install it, exit 2", async () => {
    const { out, io: cli } = io();
    const missing = Object.assign(new Error("Cannot find package 'fastify' imported from /x/dist/cli.js"), { code: "ERR_MODULE_NOT_FOUND" });
    expect(await serveCommand(["--port", "0"], cli, { loadFastify: () => Promise.reject(missing) })).toBe(2);
    expect(out.stderr).toContain("npm install fastify@5");
    expect(out.stdout).toBe("");
  });

  test("in process: listens, prints its address, answers, stops when told; a port in use is exit 2", async () => {
    const { out, io: cli } = io();
    let stop: (v: unknown) => void = () => undefined;
    const running = serveCommand(["--port", "0", "--log-level", "silent", "--max-concurrent", "3"], cli, { stop: new Promise((resolve) => { stop = resolve; }) });
    for (let k = 0; k < 100 && !out.stdout.includes("\n"); k++) await new Promise((r) => setTimeout(r, 20));
    const listening = JSON.parse(out.stdout) as { listening: string; port: number; version: string };
    expect(listening.listening).toBe(`http://127.0.0.1:${listening.port}`);
    expect(listening.version).toBe(LIBRARY_VERSION);
    const health = await fetch(`${listening.listening}/healthz`);
    expect(((await health.json()) as { maxConcurrent: number }).maxConcurrent).toBe(3);

    const busy = io();
    expect(await serveCommand(["--port", String(listening.port), "--log-level", "silent"], busy.io, { stop: new Promise(() => undefined) })).toBe(2);
    expect(busy.out.stderr).toContain(`cannot listen on 127.0.0.1:${listening.port}: EADDRINUSE`);

    stop("test");
    expect(await running).toBe(0);
    await expect(fetch(`${listening.listening}/healthz`)).rejects.toThrow();
  });

  test("--help prints the usage, exit 0", async () => {
    const { out, io: cli } = io();
    expect(await serveCommand(["--help"], cli, { loadFastify: () => Promise.reject(new Error("must not load")) })).toBe(0);
    expect(out.stdout).toContain("Usage: zhishang serve");
    expect(out.stdout).toContain("npm install fastify@5");
  });

  test("bad options exit 2 before anything is loaded", async () => {
    for (const args of [["--port", "http"], ["--port", "70000"], ["--max-concurrent", "0"], ["--log-level", "loud"], ["--body-limit", "1.5"], ["extra"]]) {
      const { out, io: cli } = io();
      expect(await serveCommand(args, cli, { loadFastify: () => Promise.reject(new Error("must not load")) }), args.join(" ")).toBe(2);
      expect(out.stderr).toContain("zhishang serve");
    }
    const { out, io: cli } = io();
    expect(await serveCommand(["--rule-set", "/no/such/file.json"], cli, { loadFastify: () => Promise.reject(new Error("must not load")) })).toBe(2);
    // a file that cannot be read: named, INVALID_INPUT (as for run and eval)
    expect(JSON.parse(out.stderr)).toMatchObject({ file: "/no/such/file.json", error: { code: "INVALID_INPUT" } });
  });
});
