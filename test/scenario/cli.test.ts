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
  });

  test("help, version and unknown commands", async () => {
    expect((await run(["--help"])).code).toBe(0);
    expect((await run(["--version"])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await run(["frobnicate"])).code).toBe(2);
  });
});
