/**
 * The README's TypeScript examples are executed: every `expression; // <JSON>` line becomes an assertion that
 * the expression equals the JSON value in the comment.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import * as lib from "../src/index.js";

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);

function toRunnable(block: string): { code: string; assertions: number } {
  let assertions = 0;
  const lines = block.split("\n").map((line) => {
    const imp = /^import \{([^}]+)\} from "zhishang";$/.exec(line.trim());
    if (imp) return `const {${imp[1]}} = lib;`;
    const m = /^(.+?);\s*\/\/\s*(.+)$/.exec(line);
    if (m) {
      try {
        JSON.parse(m[2] as string);
        assertions += 1;
        return `expect(${m[1]}).toEqual(${m[2]});`;
      } catch {
        return line;
      }
    }
    return line;
  });
  return { code: lines.join("\n"), assertions };
}

test("the README has TypeScript examples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(4);
});

test.each(blocks.map((b, k) => [k + 1, b] as const))("README example %i runs and its commented values hold", (_k, block) => {
  const { code, assertions } = toRunnable(block);
  expect(assertions).toBeGreaterThan(0);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function("lib", "expect", code)(lib, expect);
});
