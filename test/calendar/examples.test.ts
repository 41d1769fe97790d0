/**
 * The TSDoc examples of src/calendar and src/deadlines are executed: every example line of the form
 * `expression; // <JSON value> (comment)` becomes a check that the expression equals the value, and
 * `expression; // throws CODE` a check that it throws that code (the conventions and the runner:
 * test/support/examples.ts). Examples cannot drift from the code: one that states no value fails, unless it is
 * one of the few ILLUSTRATIONS below.
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
import { examplesInSource, runExample, toRunnable } from "../support/examples.js";

/** The public API plus the modules' own exports (some helpers are not re-exported from the index). */
const lib: Record<string, unknown> = { ...index, ...calendar, ...data, ...periods, ...catalogue, ...claim, ...declaration };

const ROOT = join(import.meta.dirname, "..", "..", "src");
const files = ["calendar", "deadlines"].flatMap((dir) =>
  readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f)),
);

/**
 * Examples that show a call in the context of a rule module (its `ctx`, its inputs) and state no value: not run.
 * Named by file and first line of code.
 */
const ILLUSTRATIONS = ["calendar/periods.ts: const p = calendarDayPeriod(accidentDate, 30);"];

const all = files.flatMap((file) =>
  examplesInSource(readFileSync(join(ROOT, file), "utf8")).map((e) => {
    // named by its first line of code (comments above it left out) and that line's number in the file
    const lines = e.code.split("\n");
    const at = Math.max(0, lines.findIndex((l) => l.trim() !== "" && !l.trim().startsWith("//")));
    const first = (lines[at] ?? "").trim();
    return { name: `${file}:${e.line + at} ${first}`, key: `${file}: ${first}`, code: e.code };
  }),
);
const runnable = all.filter((e) => !ILLUSTRATIONS.includes(e.key));

test("the examples were found", () => {
  expect(runnable.length).toBeGreaterThanOrEqual(30);
  // All their checks together: 61 when the runners were merged (the old one here skipped array values, 55).
  expect(runnable.reduce((n, e) => n + toRunnable(e.code).checks, 0)).toBeGreaterThanOrEqual(61);
});

test("the illustrations exist and state no value", () => {
  const found = all.filter((e) => ILLUSTRATIONS.includes(e.key));
  expect(found.map((e) => e.key)).toEqual(ILLUSTRATIONS);
  for (const e of found) expect(toRunnable(e.code).checks, e.name).toBe(0);
});

test.each(runnable.map((e) => [e.name, e.code] as const))("%s", async (_name, code) => {
  expect(await runExample(code, lib)).toBeGreaterThan(0);
});
