/**
 * The TSDoc examples of src/premium and src/fund are executed: every `expression; // <JSON>` line becomes a check
 * that the expression equals the JSON value, and `expression; // throws CODE` a check that it throws a
 * ZhishangError with that code (the conventions and the runner: test/support/examples.ts). An example with no
 * check fails, so no example can rot unnoticed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import * as lib from "../../src/index.js";
import { examplesInSource, runExample } from "../support/examples.js";

const SRC = join(import.meta.dirname, "..", "..", "src");
const files = ["premium", "fund"].flatMap((dir) =>
  readdirSync(join(SRC, dir)).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f)),
);

const examples = files.flatMap((file) =>
  examplesInSource(readFileSync(join(SRC, file), "utf8")).map((e, k) => ({ name: `${file} #${k + 1} (line ${e.line})`, code: e.code })),
);

test("every exported function of src/premium and src/fund has an example", () => {
  expect(examples.length).toBeGreaterThanOrEqual(12);
});

test.each(examples.map((e) => [e.name, e.code] as const))("%s runs and its commented values hold", async (_name, code) => {
  expect(await runExample(code, lib)).toBeGreaterThan(0);
});
