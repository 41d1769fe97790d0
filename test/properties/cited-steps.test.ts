/**
 * Every explanation step of every fixture cites its law: a step that uses a rule-set figure (it lists
 * parameters) or applies a rule has at least one citation (citations follow the parameters, Explainer#add).
 *
 * Exempt are only the steps below, which apply no rule of their own, each with its reason; and a step whose
 * every parameter the caller supplied where the rule set has no value (provenance `caller`, nothing replaced):
 * there is no article behind such a figure (e.g. Shanghai's service-fee percentages, set by the service
 * agreement, 规程第五十四条, passed through `overrides`).
 */
import { describe, expect, test } from "vitest";
import type { ExplanationStep } from "../../src/core/explain.js";
import { safeEvaluateScenario } from "../../src/index.js";
import { FIXTURES } from "./arbitraries.js";

const UNCITED_ALLOWED: Readonly<Record<string, string>> = {
  "rule-set.version": "metadata: which rule-set version was used, no rule applied",
  "explanation.assumptions": "summary: lists the assumed parameters of the other steps, which cite their own law",
  "eligibility.decision": "summary of the checks before it (each cites); cites the situation's articles when one is recognised",
  "coverage.platform-in-pilot": "the caller states the platform takes part (platformInPilot: true): a fact given, no rule-set figure used",
  "disability.first-payment-month.not-stated": "the province's sources state no first payment month (Shanghai 规程第三十八条 does): no rule applied, nothing to cite",
};

function callerOnly(s: ExplanationStep): boolean {
  return s.parameters.length > 0 && s.parameters.every((p) => p.provenance === "caller" && p.replaced === undefined);
}

describe("every step that uses a figure or applies a rule cites it", () => {
  test("the allowlist's steps use no rule-set parameter", () => {
    for (const f of FIXTURES) {
      const r = safeEvaluateScenario(f.scenario);
      if (!r.ok) continue;
      for (const s of r.value.explanation) {
        if (s.rule in UNCITED_ALLOWED && s.citations.length === 0) expect(s.parameters, `${f.file} step ${s.step} ${s.rule}`).toEqual([]);
      }
    }
  });

  test.each(FIXTURES.map((f) => [f.file, f] as const))("%s", (_file, f) => {
    const r = safeEvaluateScenario(f.scenario);
    if (!r.ok) return; // expectError fixtures: no explanation
    const uncited = r.value.explanation
      .filter((s) => s.citations.length === 0)
      .filter((s) => s.parameters.length > 0 || !(s.rule in UNCITED_ALLOWED))
      .filter((s) => !callerOnly(s))
      .map((s) => `step ${s.step} ${s.rule} (${s.title.zh}) parameters: ${s.parameters.map((p) => p.name).join(", ") || "none"}`);
    expect(uncited).toEqual([]);
  });
});
