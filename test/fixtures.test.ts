/**
 * Runs every scenario in fixtures/<province>/*.json through the runner with the zhishang/vitest helper
 * (src/vitest.ts): one test per file, failing with the `pretty` report (expected, actual, the explanation steps
 * and citations). Each fixture states its hand calculation in `title` or `note`, and lies in its province's folder.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { scenarioTests } from "../src/vitest.js";

const ROOT = join(import.meta.dirname, "..", "fixtures");
const provinces = readdirSync(ROOT).filter((d) => !d.startsWith(".")).sort();

scenarioTests(provinces.map((p) => join(ROOT, p)));

describe.each(provinces)("fixtures/%s is a folder of stated cases", (province) => {
  const files = readdirSync(join(ROOT, province)).filter((f) => f.endsWith(".json")).sort();
  test.each(files)("%s", (file) => {
    const scenario = JSON.parse(readFileSync(join(ROOT, province, file), "utf8")) as Record<string, unknown>;
    expect(scenario.province, "fixture folder and province agree").toBe(province);
    expect(typeof scenario.title === "string" || typeof scenario.note === "string", "hand calculation stated").toBe(true);
  });
});
