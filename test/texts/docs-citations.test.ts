/**
 * Issue 18, item 2: the library cites only documents it ships. Every decision a citation names
 * (`zhishang-decisions#C4`) and every `docs/<page>.md#<id>` in a source file, a message or an explanation is an
 * anchor of a docs page in the package's `files`; nothing points at a document outside the package
 * ("REFERENCE C4", "SCENARIOS.md").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { fixtureRuns, ROOT } from "./fixture-texts.js";

/** The anchors of a Markdown page: explicit `<a id="…">` and GitHub's slugs of its headings. */
function anchorsOf(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(/<a id="([^"]+)"><\/a>/g)) ids.add(m[1] as string);
  for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) {
    ids.add((m[1] as string).trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-"));
  }
  return ids;
}

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] };
const docs = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md"));
const anchors = new Map(docs.map((f) => [f, anchorsOf(readFileSync(join(ROOT, "docs", f), "utf8"))]));

function* sourceFiles(dir: string): Generator<string> {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yield* sourceFiles(p);
    else if (f.endsWith(".ts")) yield p;
  }
}

/** Every `docs/<page>.md#<id>` in `text` that does not resolve, as "page#id". */
function unresolved(text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(/docs\/([a-z-]+\.md)#([A-Za-z0-9-]+)/g)) {
    if (!anchors.get(m[1] as string)?.has(m[2] as string)) bad.push(`${m[1] as string}#${m[2] as string}`);
  }
  return bad;
}

describe("citations point into the shipped docs", () => {
  test("the package ships docs/*.md: the pages cited hold every decision C1–C10 and the sources A, B1–B5", () => {
    expect(pkg.files).toContain("docs/*.md");
    for (const id of ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"]) expect(anchors.get("decisions.md")?.has(id), id).toBe(true);
    for (const id of ["A", "B1", "B2", "B3", "B4", "B5"]) expect(anchors.get("sources.md")?.has(id), id).toBe(true);
  });

  test("every fixture's citation of a decision resolves to an anchor of docs/decisions.md", () => {
    const bad: string[] = [];
    let decisions = 0;
    for (const run of fixtureRuns()) {
      for (const s of run.explanation ?? []) {
        const cited = [...s.citations, ...s.parameters.flatMap((p) => p.citations)];
        for (const c of cited) {
          if (c.doc !== "zhishang-decisions") continue;
          decisions++;
          if (c.decision === undefined || !anchors.get("decisions.md")?.has(c.decision)) bad.push(`${run.file}: ${c.id}`);
        }
        bad.push(...unresolved(JSON.stringify(s)).map((x) => `${run.file}: ${x}`));
      }
      if (run.error !== undefined) bad.push(...unresolved(run.error.message).map((x) => `${run.file}: ${x}`));
    }
    expect(decisions).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });

  test("src/ names no document outside the package, and each docs/…#id it names exists", () => {
    const stale: string[] = [];
    const bad: string[] = [];
    for (const file of sourceFiles(join(ROOT, "src"))) {
      const rel = relative(ROOT, file).replace(/\\/g, "/");
      const text = readFileSync(file, "utf8");
      if (/REFERENCE [A-C]|SCENARIOS\.md/.test(text)) stale.push(rel);
      bad.push(...unresolved(text).map((x) => `${rel}: ${x}`));
    }
    expect(stale).toEqual([]);
    expect(bad).toEqual([]);
  });

  test("no result or message of a fixture says REFERENCE or SCENARIOS.md", () => {
    const bad = fixtureRuns().filter((r) => /REFERENCE |SCENARIOS\.md/.test(JSON.stringify(r.explanation ?? r.error?.message)));
    expect(bad.map((r) => r.file)).toEqual([]);
  });
});
