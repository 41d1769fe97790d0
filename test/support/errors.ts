/**
 * Expected errors for the tests that pin messages exactly: the JSON of a thrown `ZhishangError` (its `toJSON()`:
 * code, both messages, path) and builders of the expected value, so every file states an error the same way.
 */
import type { ExplanationStep } from "../../src/core/explain.js";
import { ZhishangError } from "../../src/core/errors.js";

export type ErrorPathJson = Array<string | number>;

/** The JSON of the `ZhishangError` that `f` throws; anything else (or nothing thrown) fails the test. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    if (e instanceof ZhishangError) return e.toJSON();
    throw e;
  }
  throw new Error("expected an error");
}

/** An error as `toJSON()` gives it; `message` is the English and Chinese messages joined by " / ". */
export function errorJson(code: string, path: ErrorPathJson, en: string, zh: string) {
  return { code, message: `${en} / ${zh}`, messageEn: en, messageZh: zh, path };
}

export function invalidJson(path: ErrorPathJson, en: string, zh: string) {
  return errorJson("INVALID_INPUT", path, en, zh);
}

/** `CALENDAR_NOT_COVERED` for `date`, naming the years loaded (the bundled 2024–2026 unless told). */
export function notCoveredJson(date: string, path: ErrorPathJson, years = "2024, 2025, 2026") {
  return errorJson("CALENDAR_NOT_COVERED", path,
    `${date} lies outside the holiday calendars loaded (years: ${years}); add that year's official schedule in "calendars" — zhishang never falls back to plain weekends`,
    `${date} 不在已载入的节假日安排年度内（已载入：${years}）；请通过 calendars 提供该年度的官方放假调休安排——本库不以普通周末代替`);
}

/** One explanation step reduced to what a reader checks: citation ids, parameters as [name, value, provenance]. */
export function stepSummary(s: ExplanationStep | undefined) {
  return {
    rule: s?.rule,
    title: s?.title,
    citations: s?.citations.map((c) => c.id),
    inputs: s?.inputs,
    parameters: s?.parameters.map((p) => [p.name, p.value, p.provenance]),
    result: s?.result,
    notes: s?.notes,
  };
}
