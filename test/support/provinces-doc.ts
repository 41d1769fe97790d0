/** Generates docs/provinces.md from the rule sets themselves, so the document cannot drift from the data. */
import { renderCitation } from "../../src/core/citation.js";
import { getRuleSet, parameterNames, PROVINCES } from "../../src/provinces/index.js";

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join("; ")}}`;
  }
  return String(value);
}

export function renderProvincesDoc(): string {
  const out: string[] = [];
  out.push("# The province rule sets");
  out.push("");
  out.push("Generated from `src/provinces/*.ts` by `test/docs.test.ts` (`UPDATE_DOCS=1 npx vitest run test/docs.test.ts`");
  out.push("rewrites it); the test fails when this page and the data disagree. Every parameter can be replaced for one");
  out.push("computation through `overrides` by the name in the first column (provenance `caller`).");
  out.push("");
  out.push("Provenance: **seed** — the province's own article; **national** — the province is silent and the national");
  out.push("measures apply (structure as reproduced in the Qinghai draft); **assumed** — our reading, with the reason,");
  out.push("refused by `strict: true`; — — the province's sources define no such rule (`RULE_NOT_DEFINED`).");
  out.push("");
  out.push(`| parameter | ${PROVINCES.map((p) => getRuleSet(p).name.en).join(" | ")} |`);
  out.push(`|---|${PROVINCES.map(() => "---").join("|")}|`);
  for (const name of parameterNames()) {
    const cells = PROVINCES.map((p) => {
      const param = getRuleSet(p).params[name];
      if (param === undefined) return "—";
      return `${show(param.value)} (${param.provenance.kind})`;
    });
    out.push(`| \`${name}\` | ${cells.join(" | ")} |`);
  }
  for (const p of PROVINCES) {
    const rs = getRuleSet(p);
    out.push("");
    out.push(`## ${rs.name.zh} ${rs.name.en} — \`${rs.id}\``);
    out.push("");
    out.push(`Valid from ${rs.validFrom}${rs.validTo === null ? "" : ` to ${rs.validTo}`}. Sources: ${rs.sources.map((d) => renderCitation({ doc: d }).zh).join("；")}.`);
    out.push("");
    out.push("| parameter | value | provenance | source / reason |");
    out.push("|---|---|---|---|");
    for (const name of parameterNames()) {
      const param = rs.params[name];
      if (param === undefined) continue;
      const pv = param.provenance;
      const cites = pv.kind === "caller" ? "" : pv.citations.map((c) => renderCitation(c).zh).join("；");
      const reason = pv.kind === "national" || pv.kind === "assumed" ? ` — ${pv.reason.zh}` : "";
      out.push(`| \`${name}\` | ${show(param.value)} | ${pv.kind} | ${cites}${reason} |`);
    }
  }
  out.push("");
  return out.join("\n");
}
