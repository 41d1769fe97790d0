/**
 * Every fixture evaluated (expectations dropped): its explanation or its error, shared by the tests of
 * test/texts/ (citations into the shipped docs, Chinese without English).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { safeEvaluateScenario } from "../../src/index.js";
import type { Explanation } from "../../src/core/explain.js";
import type { ZhishangError } from "../../src/core/errors.js";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface FixtureRun {
  readonly file: string;
  /** The scenario as read, without its expectations. */
  readonly scenario: Record<string, unknown>;
  readonly explanation?: Explanation;
  readonly error?: ZhishangError;
}

let cache: FixtureRun[] | undefined;

/** Each fixture of fixtures/<province>/*.json, evaluated once. */
export function fixtureRuns(): FixtureRun[] {
  if (cache !== undefined) return cache;
  const out: FixtureRun[] = [];
  const dir = join(ROOT, "fixtures");
  for (const p of readdirSync(dir).filter((d) => !d.startsWith(".")).sort()) {
    for (const f of readdirSync(join(dir, p)).filter((x) => x.endsWith(".json")).sort()) {
      const s = JSON.parse(readFileSync(join(dir, p, f), "utf8")) as Record<string, unknown>;
      delete s.expect;
      delete s.expectError;
      const r = safeEvaluateScenario(s);
      const file = `${p}/${f}`;
      out.push(r.ok ? { file, scenario: s, explanation: r.value.explanation } : { file, scenario: s, error: r.error });
    }
  }
  cache = out;
  return out;
}
