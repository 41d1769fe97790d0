/**
 * What the code says about the articles: the citations of every fixture's explanation (with the rule ids and the
 * scenario kinds that produced them), of every rule-set parameter, of the eligibility citation tables and of every
 * literal `cite(…)` in src/ — and docs/rules.md rendered from that and the hand-kept catalogue
 * (test/support/rules-catalogue.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { chineseNumeral, DOCUMENTS, renderCitation, type Citation, type DocumentId } from "../../src/core/citation.js";
import { EXCLUSIONS, SITUATIONS } from "../../src/core/vocabulary.js";
import { exclusionCitations, orderTaskCitations, situationCitations } from "../../src/eligibility/citations.js";
import { getRuleSet, parameterNames, PROVINCES, safeEvaluateScenario, type ProvinceId } from "../../src/index.js";
import { articleLevel, EXTERNAL_USE, REASON_TEXT, RULES_CATALOGUE, type CatalogueArticle } from "./rules-catalogue.js";
import { SCENARIO_KINDS } from "../../src/scenario/kinds.js";

export const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(ROOT, "fixtures");

/** The exported function behind each scenario kind (the kinds table's `functionName`; checked against the exports). */
export const KIND_FUNCTION: Readonly<Record<string, string>> = Object.fromEntries(
  SCENARIO_KINDS.map((k) => [k.kind, k.functionName]),
);

/** One fixture run: the article-level ids its explanation cites, and for each the rule ids that cited it. */
export interface FixtureCitations {
  readonly province: string;
  readonly file: string;
  readonly kind: string;
  /** Full citation ids (paragraph and item kept). */
  readonly ids: ReadonlySet<string>;
  /** Article-level id → rule ids of the steps citing it. */
  readonly rules: ReadonlyMap<string, ReadonlySet<string>>;
}

let fixtureCache: FixtureCitations[] | undefined;

/** Runs every fixture through `safeEvaluateScenario` and gathers the citations of its explanation. */
export function fixtureCitations(): FixtureCitations[] {
  if (fixtureCache !== undefined) return fixtureCache;
  const out: FixtureCitations[] = [];
  for (const province of readdirSync(FIXTURES).filter((d) => !d.startsWith(".")).sort()) {
    for (const file of readdirSync(join(FIXTURES, province)).filter((f) => f.endsWith(".json")).sort()) {
      const scenario = JSON.parse(readFileSync(join(FIXTURES, province, file), "utf8")) as { kind: string };
      const ids = new Set<string>();
      const rules = new Map<string, Set<string>>();
      const r = safeEvaluateScenario(scenario);
      if (r.ok) {
        for (const step of r.value.explanation) {
          for (const c of [...step.citations, ...step.parameters.flatMap((p) => p.citations)]) {
            ids.add(c.id);
            const a = articleLevel(c.id);
            rules.set(a, (rules.get(a) ?? new Set()).add(step.rule));
          }
        }
      }
      out.push({ province, file, kind: scenario.kind, ids, rules });
    }
  }
  fixtureCache = out;
  return out;
}

/** Rule-set parameters citing each article-level id: `province:parameter`. */
export function parameterCitations(): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const p of PROVINCES) {
    const rs = getRuleSet(p);
    for (const name of parameterNames()) {
      const param = rs.params[name];
      if (param === undefined || param.provenance.kind === "caller") continue;
      for (const c of param.provenance.citations) {
        const a = articleLevel(renderCitation(c).id);
        m.set(a, (m.get(a) ?? new Set()).add(`${p}:${name}`));
      }
    }
  }
  return m;
}

/** The eligibility citation tables for every province, situation and exclusion. */
export function eligibilityTableCitations(): Citation[] {
  const out: Citation[] = [];
  for (const p of PROVINCES) {
    for (const s of SITUATIONS) out.push(...situationCitations(p, s));
    for (const e of EXCLUSIONS) out.push(...exclusionCitations(p, e));
    out.push(...orderTaskCitations(p));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : []);
}

/**
 * Every literal citation in src/: `cite("doc", { article: N…` / `{ section: "…"…` as an article-level id, and a bare
 * `cite("doc")` (no article, no section) as the document id. A call whose article or section is a variable (the
 * helpers of the rule-set files) is left to the runtime collections (parameters, fixtures, eligibility tables).
 */
export function literalCitations(): Array<{ id: string; file: string }> {
  const out: Array<{ id: string; file: string }> = [];
  const re = /cite\("([a-z0-9-]+)"\s*(?:\)|,\s*\{([^}]*)\})/g;
  for (const file of sourceFiles(join(ROOT, "src"))) {
    for (const m of readFileSync(file, "utf8").matchAll(re)) {
      const doc = m[1] as string;
      const args = m[2] ?? "";
      const literal = /\b(article|section):\s*(\d+|"[^"]+")/.exec(args);
      if (literal !== null) {
        const v = literal[2] as string;
        out.push({ id: `${doc}#${literal[1] === "article" ? `art${v}` : `s${v.slice(1, -1)}`}`, file: relative(ROOT, file) });
      } else if (!/\b(article|section)\b/.test(args)) {
        out.push({ id: doc, file: relative(ROOT, file) });
      }
    }
  }
  return out;
}

/** The province a seed document belongs to. */
export function provinceOf(doc: DocumentId): ProvinceId | null {
  const p = DOCUMENTS[doc].province;
  return p === null ? null : (p as ProvinceId);
}

/** Own-province fixtures citing each article-level id. */
export function fixturesCiting(): Map<string, FixtureCitations[]> {
  const m = new Map<string, FixtureCitations[]>();
  for (const f of fixtureCitations()) {
    for (const a of f.rules.keys()) m.set(a, [...(m.get(a) ?? []), f]);
  }
  return m;
}

const esc = (t: string) => t.replace(/\|/g, "\\|").replace(/\n/g, " ");

function list(items: readonly string[], max: number, code = true): string {
  const shown = items.slice(0, max).map((t) => (code ? `\`${t}\`` : t));
  return items.length > max ? `${shown.join(", ")} … (${items.length} in all)` : shown.join(", ");
}

function articleLabel(a: CatalogueArticle): string {
  const where = a.id.split("#")[1] ?? "";
  return where.startsWith("art") ? `第${chineseNumeral(Number(where.slice(3)))}条` : where.slice(1);
}

/** Renders docs/rules.md. */
export function renderRulesDoc(): string {
  const byArticle = fixturesCiting();
  const params = parameterCitations();
  const out: string[] = [];
  out.push("# The rules catalogue");
  out.push("");
  out.push("Every article (条) or section of the five seeds, and what the library does with it. Generated by");
  out.push("`test/rules-catalogue.test.ts` from the hand-kept catalogue (`test/support/rules-catalogue.ts`: title, summary,");
  out.push("status, reason) and from the code itself: the **functions**, **rule ids** and **fixtures** columns list what");
  out.push("cites the article when every fixture is run through `evaluateScenario`, the **parameters** column the");
  out.push("rule-set parameters (`getRuleSet(p).params`) whose provenance cites it. `UPDATE_DOCS=1 npx vitest run");
  out.push("test/rules-catalogue.test.ts` rewrites this page; the test fails when it drifts, when the code cites an article");
  out.push("that is not in the catalogue, and when an article marked encoded is cited by no fixture of its province.");
  out.push("");
  out.push("Ids are citation ids at article level (`qinghai-measures#art26`; a citation `qinghai-measures#art26.p2` —");
  out.push("paragraph 2 — belongs to it). Not encoded means: **organisational** (who does what, budgets, accounts, IT),");
  out.push("**procedural** (steps and materials without a time limit, amount or condition to compute), **left to the");
  out.push("agency** (set by the agency, an agreement or rules not among the seeds), **no computable content** (purpose,");
  out.push("principles, definitions, duties without a consequence), **reference clause** (basis or fall-back to other law),");
  out.push("**gap** (computable, not implemented).");
  out.push("");

  out.push("## Summary");
  out.push("");
  out.push(`| province | document | articles | encoded | not encoded | of which ${Object.values(REASON_TEXT).join(" / ")} |`);
  out.push(`|---|---|---|---|---|---|`);
  const totals = new Map<string, { n: number; enc: number }>();
  for (const d of RULES_CATALOGUE) {
    const enc = d.articles.filter((a) => a.status === "encoded").length;
    const reasons = Object.keys(REASON_TEXT).map((r) => d.articles.filter((a) => a.status === "not-encoded" && a.reason === r).length);
    const province = DOCUMENTS[d.doc].province ?? "";
    const t = totals.get(province) ?? { n: 0, enc: 0 };
    totals.set(province, { n: t.n + d.articles.length, enc: t.enc + enc });
    out.push(`| ${province} | \`${d.doc}\` ${DOCUMENTS[d.doc].zh} | ${d.articles.length} | ${enc} | ${d.articles.length - enc} | ${reasons.join(" / ")} |`);
  }
  out.push("");
  out.push("| province | articles | encoded | not encoded |");
  out.push("|---|---|---|---|");
  for (const [p, t] of totals) out.push(`| ${p} | ${t.n} | ${t.enc} | ${t.n - t.enc} |`);
  out.push("");

  for (const d of RULES_CATALOGUE) {
    const doc = DOCUMENTS[d.doc];
    out.push(`## ${doc.zh}${doc.number === null ? "" : `（${doc.number}）`} — \`${d.doc}\``);
    out.push("");
    out.push(`${doc.en}; seed \`${doc.seed ?? ""}\`; ${d.structure}.`);
    out.push("");
    out.push("| article | title | summary | status | encoded as / why not | functions | rule ids | parameters | fixtures |");
    out.push("|---|---|---|---|---|---|---|---|---|");
    const province = provinceOf(d.doc);
    for (const a of d.articles) {
      const own = (byArticle.get(a.id) ?? []).filter((f) => f.province === province);
      const fns = [...new Set(own.map((f) => KIND_FUNCTION[f.kind] ?? f.kind))].sort();
      if (a.status === "encoded" && a.withoutFixture !== undefined) fns.push(a.withoutFixture.fn);
      const rules = [...new Set(own.flatMap((f) => [...(f.rules.get(a.id) ?? [])]))].sort();
      const ps = [...new Set([...(params.get(a.id) ?? [])].map((x) => x.split(":")[1] as string))].sort();
      const status = a.status === "encoded" ? "**encoded**" : `not encoded: ${REASON_TEXT[a.reason]}`;
      const text = a.status === "encoded"
        ? a.encodes + (a.withoutFixture === undefined ? "" : ` Tested by \`${a.withoutFixture.test}\` (${a.withoutFixture.why}).`)
        : a.why;
      const fixtures = own.length === 0 ? "—" : `${own.length}: ${list(own.map((f) => f.file.replace(/\.json$/, "")), 3)}`;
      out.push(`| \`${a.id}\` ${articleLabel(a)} | ${esc(a.title)} | ${esc(a.summary)} | ${status} | ${esc(text)} | ${fns.length === 0 ? "—" : list(fns, 6)} | ${rules.length === 0 ? "—" : list(rules, 6)} | ${ps.length === 0 ? "—" : list(ps, 6)} | ${fixtures} |`);
    }
    out.push("");
  }

  out.push("## Fixtures by province and kind");
  out.push("");
  out.push("Every fixture states its hand calculation in `title` and `note`; `test/fixtures.test.ts` runs them all.");
  out.push("");
  const runs = fixtureCitations();
  const provinces = [...new Set(runs.map((f) => f.province))];
  out.push(`| kind | ${provinces.join(" | ")} |`);
  out.push(`|---|${provinces.map(() => "---").join("|")}|`);
  for (const kind of Object.keys(KIND_FUNCTION).sort()) {
    out.push(`| \`${kind}\` | ${provinces.map((p) => runs.filter((f) => f.province === p && f.kind === kind).length).join(" | ")} |`);
  }
  out.push(`| all | ${provinces.map((p) => runs.filter((f) => f.province === p).length).join(" | ")} |`);
  out.push("");

  out.push("## External sources");
  out.push("");
  out.push("Documents outside the seeds that the code cites ([sources.md](sources.md) and [decisions.md](decisions.md)). The articles column lists what the");
  out.push("rule sets, the eligibility tables, the literal citations in `src/` and the fixtures' explanations cite.");
  out.push("");
  out.push("| id | document | number | used for | cited | fixtures citing |");
  out.push("|---|---|---|---|---|---|");
  const cited = new Map<string, Set<string>>();
  const add = (id: string) => {
    const doc = id.split("#")[0] as string;
    const set = cited.get(doc) ?? new Set<string>();
    if (id.includes("#")) set.add(id.split("#")[1] as string);
    cited.set(doc, set);
  };
  for (const f of fixtureCitations()) for (const a of f.rules.keys()) add(a);
  for (const a of params.keys()) add(a);
  for (const c of eligibilityTableCitations()) add(articleLevel(renderCitation(c).id));
  for (const l of literalCitations()) add(l.id);
  for (const [id, doc] of Object.entries(DOCUMENTS) as Array<[DocumentId, (typeof DOCUMENTS)[DocumentId]]>) {
    if (doc.seed !== null) continue;
    const where = [...(cited.get(id) ?? [])].sort((x, y) => x.localeCompare(y, "en", { numeric: true }));
    const n = fixtureCitations().filter((f) => [...f.rules.keys()].some((a) => a.split("#")[0] === id)).length;
    out.push(`| \`${id}\` | ${doc.zh} | ${doc.number ?? "—"} | ${esc(EXTERNAL_USE[id] ?? "")} | ${where.length === 0 ? (cited.has(id) ? "the document" : "—") : where.map((w) => `\`${w}\``).join(", ")} | ${n} |`);
  }
  out.push("");
  return out.join("\n");
}
