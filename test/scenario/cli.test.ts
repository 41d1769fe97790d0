import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";

async function run(argv: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => stdin });
  return { code, out, err };
}

const scenario = {
  id: "qinghai-grade4",
  title: "青海四级：21 × 3600 = 75600",
  province: "qinghai",
  kind: "disability-benefits",
  input: { grade: 4, avgMonthlyWage: "6000.00" },
  expect: { oneTimeDisabilitySubsidy: "75600.00" },
};

describe("zhishang CLI", () => {
  test("eval prints { output, explanation }", async () => {
    const r = await run(["eval"], JSON.stringify(scenario));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { output: Record<string, unknown>; explanation: unknown[] };
    expect(json.output.oneTimeDisabilitySubsidy).toBe("75600.00");
    expect(json.explanation.length).toBeGreaterThan(2);
  });

  test("eval prints { error } and exits non-zero", async () => {
    const r = await run(["eval"], JSON.stringify({ ...scenario, input: { grade: 0, avgMonthlyWage: "6000" } }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: "INVALID_INPUT", path: ["input", "grade"] } });
    const bad = await run(["eval"], "{not json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error.code).toBe("INVALID_INPUT");
  });

  test("eval --explain zh renders the steps with citations", async () => {
    const r = await run(["eval", "--explain", "zh"], JSON.stringify(scenario));
    expect(r.out).toContain("一次性伤残补助金（4级）");
    expect(r.out).toContain("第二十六条第二款");
    expect((await run(["eval", "--explain", "fr"], "{}")).code).toBe(2);
  });

  test("run prints a JSON line per scenario and fails when one fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "a.json"), JSON.stringify(scenario));
    writeFileSync(join(dir, "sub", "b.json"), JSON.stringify({ ...scenario, id: "wrong", expect: { oneTimeDisabilitySubsidy: "1.00" } }));
    writeFileSync(join(dir, "notes.txt"), "ignored");
    const r = await run(["run", dir]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l) as { id: string; pass: boolean });
    expect(lines.map((l) => [l.id, l.pass])).toEqual([["qinghai-grade4", true], ["wrong", false]]);
    expect(r.err).toContain("1 passed, 1 failed");
    const ok = await run(["run", join(dir, "a.json")]);
    expect(ok.code).toBe(0);
    expect((await run(["run", join(dir, "missing.json")])).code).toBe(2);
  });

  test("schema lists kinds and prints a kind's JSON Schema", async () => {
    expect((await run(["schema"])).out).toContain("disability-benefits");
    const s = await run(["schema", "death-benefits"]);
    expect(JSON.parse(s.out).properties.kind.const).toBe("death-benefits");
    expect((await run(["schema", "nope"])).code).toBe(2);
  });

  test("demo runs the worked cases of all five provinces", async () => {
    const r = await run(["demo"]);
    expect(r.code).toBe(0);
    for (const p of ["qinghai", "shanghai", "guangxi", "inner-mongolia", "zhejiang"]) expect(r.out).toContain(`(${p},`);
    expect(r.out).toContain("75600.00");
    expect(r.out.match(/✓ 与手算一致/g)).toHaveLength(5);
    const en = await run(["demo", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.out.match(/✓ matches the hand calculation/g)).toHaveLength(5);
    expect(en.out).toContain("by hand: base 6000 × 60% = 3600;");
  });

  test("timeline: a file that is not JSON is a typed error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    writeFileSync(join(dir, "broken.json"), "{");
    const r = await run(["timeline", join(dir, "broken.json")]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: "INVALID_INPUT", path: [] } });
  });

  test("help, version and unknown commands", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    for (const c of ["run", "eval", "schema", "demo", "timeline", "rule-set show", "rule-set validate", "--rule-set <file>"]) expect(help.out).toContain(c);
    expect((await run([])).code).toBe(2);
    expect((await run(["--version"])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await run(["frobnicate"])).code).toBe(2);
    // A command name is looked up as an own key only.
    expect((await run(["toString"])).code).toBe(2);
  });

  test.each(["run", "eval", "schema", "demo", "timeline"])("%s --help prints its usage", async (command) => {
    const r = await run([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: zhishang ${command}`));
    expect((await run([command, "-h"])).out).toBe(r.out);
  });

  test.each([
    ["run", ["run", "--frobnicate", "x.json"], "Unknown option '--frobnicate'"],
    ["eval", ["eval", "--lang", "zh"], "Unknown option '--lang'"],
    ["eval", ["eval", "scenario.json"], "Unexpected argument 'scenario.json'"],
    ["eval", ["eval", "--explain"], "Option '--explain <value>' argument missing"],
    ["eval", ["eval", "--explain", "zh", "--format", "html"], "--format takes text, markdown or json, not \"html\""],
    ["eval", ["eval", "--rule-set"], "Option '--rule-set <value>' argument missing"],
    ["schema", ["schema", "death-benefits", "disability-benefits"], "give at most one kind"],
    ["schema", ["schema", "--all"], "Unknown option '--all'"],
    ["demo", ["demo", "--lang", "fr"], "--lang takes zh or en, not \"fr\""],
    ["demo", ["demo", "extra"], "Unexpected argument 'extra'"],
    ["timeline", ["timeline", "a.json", "b.json"], "give one claim-deadlines scenario file"],
    ["timeline", ["timeline", "--explain", "zh", "a.json"], "Unknown option '--explain'"],
  ])("%s: a usage error exits 2 with the message on stderr (%j)", async (command, argv, message) => {
    const r = await run(argv, JSON.stringify(scenario));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.startsWith(`zhishang ${command}: ${message}`)).toBe(true);
    expect(r.err).toContain(`Usage: zhishang ${command}`);
  });

  test("errors before evaluation are typed errors in both languages", async () => {
    const bad = await run(["eval"], "{not json");
    expect(JSON.parse(bad.out)).toMatchObject({ error: { code: "INVALID_INPUT", path: [], messageEn: expect.stringMatching(/^scenario on stdin: not valid JSON: /), messageZh: expect.stringMatching(/^scenario on stdin：不是有效的 JSON：/) } });
    const big = await run(["eval"], " ".repeat(10 * 1024 * 1024 + 1));
    expect(JSON.parse(big.out)).toMatchObject({ error: { code: "INVALID_INPUT", messageEn: "scenario on stdin: larger than 10 MiB" } });
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    writeFileSync(join(dir, "broken.json"), "{");
    const r = await run(["run", dir]);
    expect(r.code).toBe(1);
    const line = JSON.parse(r.out) as Record<string, unknown>;
    expect(line).toMatchObject({ id: join(dir, "broken.json"), pass: false, output: null, mismatches: [], file: join(dir, "broken.json"), error: { code: "INVALID_INPUT" } });
  });

  test("eval --explain en --format markdown renders Markdown", async () => {
    const r = await run(["eval", "--explain", "en", "--format", "markdown"], JSON.stringify(scenario));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\{\n {2}"benefitBase": "3600.00",/);
    expect(r.out).toContain("one-time disability subsidy (grade 4)");
  });
});
