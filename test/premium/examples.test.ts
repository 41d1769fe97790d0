/**
 * The TSDoc examples of src/premium and src/fund are executed: every `expression; // <JSON>` line becomes an
 * assertion that the expression equals the JSON value, and `expression; // throws CODE` an assertion that it throws
 * a ZhishangError with that code. An example with no assertion fails, so no example can rot unnoticed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import * as lib from "../../src/index.js";

const SRC = join(import.meta.dirname, "..", "..", "src");
const files = ["premium", "fund"].flatMap((dir) =>
  readdirSync(join(SRC, dir)).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f)),
);

interface Example { file: string; code: string; assertions: number }

function examplesOf(file: string): Example[] {
  const text = readFileSync(join(SRC, file), "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => {
    let assertions = 0;
    const lines = (m[1] as string).split("\n").map((raw) => {
      const line = raw.replace(/^\s*\* ?/, "");
      const throws = /^(.+?);\s*\/\/\s*throws ([A-Z_]+)\s*$/.exec(line);
      if (throws) {
        assertions += 1;
        return `expect(() => { ${throws[1]}; }).toThrow(expect.objectContaining({ code: ${JSON.stringify(throws[2])} }));`;
      }
      const value = /^(.+?);\s*\/\/\s*(.+)$/.exec(line);
      if (value) {
        try {
          JSON.parse(value[2] as string);
          assertions += 1;
          return `expect(${value[1]}).toEqual(${value[2]});`;
        } catch {
          return line;
        }
      }
      return line;
    });
    return { file, code: lines.join("\n"), assertions };
  });
}

const examples = files.flatMap(examplesOf);

test("every exported function of src/premium and src/fund has an example", () => {
  expect(examples.length).toBeGreaterThanOrEqual(12);
});

test.each(examples.map((e, k) => [`${e.file} #${k + 1}`, e] as const))("%s runs and its commented values hold", async (_name, e) => {
  expect(e.assertions).toBeGreaterThan(0);
  const names = Object.keys(lib);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function("lib", "expect", `return (async () => { const { ${names.join(", ")} } = lib;\n${e.code}\n })();`);
  await run(lib, expect);
});
