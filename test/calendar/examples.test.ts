/**
 * The TSDoc examples of src/calendar and src/deadlines are executed: every example line of the form
 * `expression; // <JSON value> (comment)` becomes an assertion that the expression equals the value, and
 * `expression; // throws CODE` an assertion that it throws that code. Examples cannot drift from the code.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import * as calendar from "../../src/calendar/calendar.js";
import * as data from "../../src/calendar/data.js";
import * as periods from "../../src/calendar/periods.js";
import * as catalogue from "../../src/deadlines/catalogue.js";
import * as claim from "../../src/deadlines/claim.js";
import * as declaration from "../../src/deadlines/declaration.js";
import * as index from "../../src/index.js";

/** The public API plus the modules' own exports (some helpers are not re-exported from the index). */
const lib: Record<string, unknown> = { ...index, ...calendar, ...data, ...periods, ...catalogue, ...claim, ...declaration };

const ROOT = join(import.meta.dirname, "..", "..", "src");
const files = ["calendar", "deadlines"].flatMap((dir) =>
  readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f)),
);

interface Example {
  readonly file: string;
  readonly expr: string;
  readonly expected: { value: unknown } | { throws: string };
}

function examples(file: string): Example[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const out: Example[] = [];
  for (const block of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = block[1] as string;
    const at = body.indexOf("@example");
    if (at < 0) continue;
    const lines = body.slice(at + "@example".length).split("\n").map((l) => l.replace(/^\s*\*\s?/, ""));
    let pending = "";
    for (const raw of lines) {
      const line = raw.replace(/^@example\s*/, "");
      if (line.startsWith("```") || line.trim() === "" || line.trim().startsWith("//")) continue;
      const m = /^(.*?);\s*\/\/\s*(.*)$/.exec(line);
      if (m === null) {
        pending += `${line}\n`;
        continue;
      }
      const expr = `${pending}${m[1] as string}`; // earlier statements of the block stay in scope
      const comment = (m[2] as string).trim();
      const t = /^throws (\w+)/.exec(comment);
      if (t) {
        out.push({ file, expr, expected: { throws: t[1] as string } });
        continue;
      }
      const v = /^("(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?)/.exec(comment);
      if (v) out.push({ file, expr, expected: { value: JSON.parse(v[1] as string) } });
    }
  }
  return out;
}

const all = files.flatMap(examples);

test("the examples were found", () => {
  expect(all.length).toBeGreaterThanOrEqual(30);
});

test.each(all.map((e) => [`${e.file}: ${e.expr.split("\n").pop() ?? ""}`, e] as const))("%s", (_name, e) => {
  const names = Object.keys(lib);
  const statements = e.expr.split("\n");
  const last = statements.pop() as string;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function(...names, `${statements.join("\n")}\nreturn (${last});`) as (...args: unknown[]) => unknown;
  const args = names.map((n) => lib[n]);
  if ("throws" in e.expected) {
    expect(() => run(...args)).toThrow(expect.objectContaining({ code: e.expected.throws }));
  } else {
    expect(run(...args)).toEqual(e.expected.value);
  }
});
