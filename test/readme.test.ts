/**
 * The README's TypeScript examples are executed: every `expression; // <JSON>` line becomes a check that the
 * expression equals the JSON value in the comment (the conventions and the runner: test/support/examples.ts).
 * An example with no check fails, so no example can rot unnoticed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import * as lib from "../src/index.js";
import { codeOf, runExample } from "./support/examples.js";

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const blocks = codeOf(readme);

test("the README has TypeScript examples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(4);
});

test.each(blocks.map((b, k) => [k + 1, b] as const))("README example %i runs and its commented values hold", async (_k, block) => {
  expect(await runExample(block, lib)).toBeGreaterThan(0);
});
