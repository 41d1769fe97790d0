/**
 * The rules catalogue (test/support/rules-catalogue.ts) against the seeds and the code, and docs/rules.md rendered
 * from it. Each test fails when one side drifts:
 * - the catalogue lists exactly the articles of the seeds (numbered articles against the seed's 第N条 headings,
 *   sections by their heading text);
 * - (a) every citation the code makes — in a fixture's explanation, in a rule-set parameter, in the eligibility
 *   citation tables, in a literal `cite(…)` in src/ — points to an article of the catalogue, or to a document
 *   outside the seeds;
 * - (b) every article marked encoded is cited by the explanation of at least one fixture of its province (or, when
 *   no scenario kind reaches its function, by the function's own explanation, and a unit test names it);
 * - docs/rules.md equals its rendering (`UPDATE_DOCS=1` rewrites it).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { chineseNumeral, DOCUMENTS, renderCitation, type DocumentId } from "../src/core/citation.js";
import type { Explanation } from "../src/core/explain.js";
import * as api from "../src/index.js";
import { articleLevel, catalogueArticles, EXTERNAL_USE, RULES_CATALOGUE } from "./support/rules-catalogue.js";
import {
  eligibilityTableCitations, fixtureCitations, KIND_FUNCTION, literalCitations, parameterCitations, provinceOf, renderRulesDoc, ROOT,
} from "./support/rules-doc.js";

/**
 * The seeds are not part of this package, and the package never reads anything outside itself at build, test or
 * run time. A maintainer can compare the catalogue with the seed texts on demand by naming their folder:
 * `ZHISHANG_SEEDS=/path/to/seeds npx vitest run test/rules-catalogue.test.ts`. Without it those comparisons are
 * skipped (the rest of this file still runs).
 */
const SEEDS = process.env.ZHISHANG_SEEDS ?? "";
const HAVE_SEEDS = SEEDS !== "" && existsSync(join(SEEDS, "qinghai-draft-measures.txt"));
const seedPath = (name: string) => join(SEEDS, name);
const squash = (t: string) => t.replace(/\s+/g, "");

function seedText(doc: DocumentId): string {
  const seed = DOCUMENTS[doc].seed;
  if (seed === null) throw new Error(`${doc} is not a seed`);
  const text = readFileSync(seedPath(seed), "utf8");
  if (doc === "qinghai-commission") return text.slice(text.indexOf("# 青海省新就业形态人员职业伤害保障委托承办管理实施办法"));
  if (doc === "qinghai-measures") {
    return text.slice(text.indexOf("附件 1"), text.indexOf("# 青海省新就业形态人员职业伤害保障委托承办管理实施办法"));
  }
  if (doc === "qinghai-notice") return text.slice(0, text.indexOf("附件 1"));
  return text;
}

/** The article headings of a seed: `**第N条**` (Qinghai, bold) or `第N条 ` at a line start (Shanghai). */
function seedArticleHeadings(doc: DocumentId): string[] {
  const text = seedText(doc);
  const re = doc === "shanghai-rules" ? /^(第[一二三四五六七八九十百零]+条) /gm : /\*\*(第[一二三四五六七八九十百零]+条)/g;
  return [...text.matchAll(re)].map((m) => m[1] as string);
}

const articles = catalogueArticles();

describe("the catalogue's shape", () => {
  test("ids are unique and belong to their document; every seed document is catalogued", () => {
    const ids = RULES_CATALOGUE.flatMap((d) => d.articles.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of RULES_CATALOGUE) {
      expect(DOCUMENTS[d.doc].seed, d.doc).not.toBeNull();
      for (const a of d.articles) expect(a.id.split("#")[0], a.id).toBe(d.doc);
    }
    const seedDocs = (Object.keys(DOCUMENTS) as DocumentId[]).filter((d) => DOCUMENTS[d].seed !== null);
    expect(RULES_CATALOGUE.map((d) => d.doc).sort()).toEqual(seedDocs.sort());
  });

  test("every document outside the seeds says what it is used for", () => {
    const external = (Object.keys(DOCUMENTS) as DocumentId[]).filter((d) => DOCUMENTS[d].seed === null);
    expect(Object.keys(EXTERNAL_USE).sort()).toEqual(external.sort());
  });

  test("every entry says what is encoded or why not", () => {
    for (const a of articles.values()) {
      expect(a.title.length, a.id).toBeGreaterThan(1);
      expect(a.summary.length, a.id).toBeGreaterThan(5);
      expect((a.status === "encoded" ? a.encodes : a.why).length, a.id).toBeGreaterThan(5);
    }
  });
});

describe.skipIf(!HAVE_SEEDS)("the catalogue matches the seeds", () => {
  test.each(["qinghai-measures", "qinghai-commission", "shanghai-rules"] as const)("%s: every numbered article, in order", (doc) => {
    const d = RULES_CATALOGUE.find((x) => x.doc === doc);
    const catalogued = (d?.articles ?? []).map((a) => `第${chineseNumeral(Number(a.id.split("#art")[1]))}条`);
    const seed = seedArticleHeadings(doc);
    expect(seed.length).toBe(doc === "qinghai-measures" ? 42 : doc === "qinghai-commission" ? 30 : 81);
    expect(catalogued).toEqual(seed);
  });

  test("the commission's articles carry the seed's 【titles】", () => {
    const text = seedText("qinghai-commission");
    for (const a of RULES_CATALOGUE.find((x) => x.doc === "qinghai-commission")?.articles ?? []) {
      const heading = `**第${chineseNumeral(Number(a.id.split("#art")[1]))}条【${a.title}】**`;
      expect(text.includes(heading), heading).toBe(true);
    }
  });

  test("section entries name a heading found in their seed, and sections are not numbered articles", () => {
    for (const d of RULES_CATALOGUE) {
      const text = squash(seedText(d.doc));
      for (const a of d.articles) {
        if (a.id.includes("#art")) {
          expect(a.heading, a.id).toBeUndefined();
          continue;
        }
        expect(a.heading, a.id).toBeDefined();
        expect(text.includes(squash(a.heading ?? "")), `${a.id}: ${a.heading ?? ""}`).toBe(true);
      }
    }
  });
});

/** A seed-document citation must name an article or section of the catalogue; others must be external documents. */
function checkCitation(id: string, where: string, problems: string[]): void {
  const doc = id.split("#")[0] as DocumentId;
  const d = DOCUMENTS[doc];
  if (d === undefined) {
    problems.push(`${where}: unknown document ${id}`);
    return;
  }
  if (d.seed === null) return;
  const a = articleLevel(id);
  if (!a.includes("#")) problems.push(`${where}: ${id} cites a seed without an article or section`);
  else if (!articles.has(a)) problems.push(`${where}: ${id} → ${a} is not in the catalogue`);
}

describe("(a) every citation in the code is in the catalogue", () => {
  test("the fixtures' explanations", () => {
    const problems: string[] = [];
    const runs = fixtureCitations();
    expect(runs.length).toBeGreaterThan(200);
    for (const f of runs) for (const id of f.ids) checkCitation(id, `${f.province}/${f.file}`, problems);
    expect(problems).toEqual([]);
  });

  test("the rule-set parameters", () => {
    const problems: string[] = [];
    for (const p of api.PROVINCES) {
      const rs = api.getRuleSet(p);
      for (const name of api.parameterNames()) {
        const param = rs.params[name];
        if (param === undefined || param.provenance.kind === "caller") continue;
        for (const c of param.provenance.citations) checkCitation(renderCitation(c).id, `${p} ${name}`, problems);
      }
    }
    expect(problems).toEqual([]);
    expect(parameterCitations().size).toBeGreaterThan(50);
  });

  test("the eligibility citation tables and every literal cite(…) in src/", () => {
    const problems: string[] = [];
    for (const c of eligibilityTableCitations()) checkCitation(renderCitation(c).id, "eligibility tables", problems);
    const literal = literalCitations();
    expect(literal.length).toBeGreaterThan(50);
    for (const l of literal) checkCitation(l.id, l.file, problems);
    expect(problems).toEqual([]);
  });

  test("the check itself refuses what is not catalogued", () => {
    const problems: string[] = [];
    checkCitation("qinghai-measures#art43.p1", "probe", problems);
    checkCitation("shanghai-rules", "probe", problems);
    checkCitation("zhejiang-opinions#s二（八）", "probe", problems);
    checkCitation("civil-code#art201", "probe", problems);
    expect(problems).toEqual([
      "probe: qinghai-measures#art43.p1 → qinghai-measures#art43 is not in the catalogue",
      "probe: shanghai-rules cites a seed without an article or section",
      "probe: zhejiang-opinions#s二（八） → zhejiang-opinions#s二（八） is not in the catalogue",
    ]);
  });
});

/** Explanations of the functions no scenario kind reaches, for the articles marked `withoutFixture`. */
const PROBES: Readonly<Record<string, () => Explanation>> = {
  // First year, budget 12,000,000: 1/6 = 2,000,000 to the agency; 900,000 a month → 1 month to the insurer.
  computePrepayment: () =>
    api.computePrepayment("qinghai", { firstYear: true, annualFundingBudget: "12000000.00", monthlyBenefitSpend: "900000.00" }).explanation,
};

describe("(b) every encoded article is tested", () => {
  test("by a fixture of its province whose explanation cites it", () => {
    const missing: string[] = [];
    const runs = fixtureCitations();
    for (const a of articles.values()) {
      if (a.status !== "encoded" || a.withoutFixture !== undefined) continue;
      const province = provinceOf(a.doc);
      if (!runs.some((f) => f.province === province && f.rules.has(a.id))) missing.push(a.id);
    }
    expect(missing).toEqual([]);
  });

  test("or, where no scenario kind reaches the function, by the function's explanation and a named unit test", () => {
    const exempt = [...articles.values()].filter((a) => a.status === "encoded" && a.withoutFixture !== undefined);
    // none since the prepayment became a scenario kind (issue 18): every encoded article has a fixture
    expect(exempt.map((a) => a.id)).toEqual([]);
    for (const a of exempt) {
      if (a.status !== "encoded" || a.withoutFixture === undefined) continue;
      const probe = PROBES[a.withoutFixture.fn];
      expect(probe, a.withoutFixture.fn).toBeDefined();
      const cited = (probe?.() ?? []).flatMap((s) => s.citations.map((c) => articleLevel(c.id)));
      expect(cited, a.id).toContain(a.id);
      expect(typeof (api as Record<string, unknown>)[a.withoutFixture.fn]).toBe("function");
      expect(readFileSync(join(ROOT, a.withoutFixture.test), "utf8")).toContain(a.id.split("#")[0]);
      // No fixture could cite it: otherwise it needs no exemption.
      expect(fixtureCitations().some((f) => f.rules.has(a.id)), a.id).toBe(false);
    }
  });

  test("the kind → function table matches the scenario kinds and the exports", () => {
    expect(Object.keys(KIND_FUNCTION).sort()).toEqual(api.kindNames().sort());
    for (const fn of Object.values(KIND_FUNCTION)) expect(typeof (api as Record<string, unknown>)[fn], fn).toBe("function");
  });
});

test("every province has at least 40 fixtures and one of every scenario kind", () => {
  const runs = fixtureCitations();
  for (const p of api.PROVINCES) {
    const mine = runs.filter((f) => f.province === p);
    expect(mine.length, p).toBeGreaterThanOrEqual(40);
    expect([...new Set(mine.map((f) => f.kind))].sort(), p).toEqual(api.kindNames().sort());
  }
});

test("docs/rules.md is generated from the catalogue and the code", () => {
  const generated = renderRulesDoc();
  const path = join(ROOT, "docs", "rules.md");
  if (process.env.UPDATE_DOCS === "1") writeFileSync(path, generated);
  expect(readFileSync(path, "utf8")).toBe(generated);
});
