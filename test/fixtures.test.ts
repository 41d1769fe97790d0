/**
 * Runs every scenario in fixtures/<province>/*.json through the public runner. Each fixture states its hand
 * calculation in `title` or `note`; a fixture passes only when every expected field matches.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runScenario } from "../src/index.js";

const ROOT = join(import.meta.dirname, "..", "fixtures");
const provinces = readdirSync(ROOT).filter((d) => !d.startsWith(".")).sort();

describe.each(provinces)("fixtures/%s", (province) => {
  const files = readdirSync(join(ROOT, province)).filter((f) => f.endsWith(".json")).sort();
  test.each(files)("%s", (file) => {
    const scenario = JSON.parse(readFileSync(join(ROOT, province, file), "utf8")) as Record<string, unknown>;
    expect(scenario.province, "fixture folder and province agree").toBe(province);
    expect(typeof scenario.title === "string" || typeof scenario.note === "string", "hand calculation stated").toBe(true);
    expect(scenario.expect !== undefined || scenario.expectError !== undefined, "fixture asserts something").toBe(true);
    const run = runScenario(scenario);
    expect(run.mismatches).toEqual([]);
    expect(run.pass).toBe(true);
  });
});
