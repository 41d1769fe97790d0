/**
 * `zhishang schema`: each schema it prints is the file shipped in schemas/, byte for byte (the files are checked
 * against the code by test/schemas.test.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import { kindNames } from "../../src/index.js";

const SCHEMAS = join(import.meta.dirname, "..", "..", "schemas");

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => "" });
  return { code, out, err };
}

const file = (name: string): string => readFileSync(join(SCHEMAS, name), "utf8");

describe("zhishang schema", () => {
  test.each([
    [["schema", "scenario"], "scenario.json"],
    [["schema", "explanation"], "explanation.json"],
    [["schema", "disability-benefits"], "disability-benefits.json"],
    [["schema", "disability-benefits", "--output"], "disability-benefits.output.json"],
    [["schema", "--output", "dependant-qualification"], "dependant-qualification.output.json"],
  ])("%j prints schemas/%s", async (argv, name) => {
    const r = await run(argv);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toBe(file(name));
  });

  test("without an argument: the kinds, one a line; no kind is called scenario or explanation", async () => {
    const r = await run(["schema"]);
    expect(r.out).toBe(`${kindNames().join("\n")}\n`);
    expect(kindNames()).not.toContain("scenario");
    expect(kindNames()).not.toContain("explanation");
  });

  test("an unknown kind exits 2 with the known kinds on stderr, with or without --output", async () => {
    for (const argv of [["schema", "nope"], ["schema", "nope", "--output"]]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toContain('unknown scenario kind "nope"');
      expect(r.err).toContain("disability-benefits");
    }
  });

  test.each([
    [["schema", "--output"], "--output needs a kind"],
    [["schema", "scenario", "--output"], '--output is for a kind, not "scenario"'],
    [["schema", "explanation", "--output"], '--output is for a kind, not "explanation"'],
    [["schema", "death-benefits", "scenario"], "give at most one kind"],
  ])("%j is a usage error: %s", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`zhishang schema: ${message}`);
    expect(r.err).toContain("Usage: zhishang schema [<kind> [--output] | scenario | explanation]");
  });

  test("--help lists the forms", async () => {
    const r = await run(["schema", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("--output");
    expect(r.out).toContain("explanation.json");
  });
});
