/**
 * Summarises StrykerJS reports (reports/mutation/<module>.json, written by `npm run mutate`) as the Markdown table
 * of docs/quality.md: per module and per file, mutants killed, timed out, survived and without coverage, and the
 * mutation score = (killed + timed out) ÷ (killed + timed out + survived + no coverage), as Stryker computes it.
 *
 *   node scripts/mutation-summary.mjs            # every report found
 *   node scripts/mutation-summary.mjs --files    # with a row per file
 *   node scripts/mutation-summary.mjs --survivors benefits   # the survivors of one module, file:line mutator
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIR = join(ROOT, "reports", "mutation");
const MODULES = ["benefits", "premium", "fund", "deadlines", "eligibility", "liability", "calendar"];
const args = process.argv.slice(2);

function load(module) {
  const file = join(DIR, `${module}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

function tally(mutants) {
  const t = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const m of mutants) {
    if (m.status === "Killed") t.killed += 1;
    else if (m.status === "Timeout") t.timeout += 1;
    else if (m.status === "Survived") t.survived += 1;
    else if (m.status === "NoCoverage") t.noCoverage += 1;
    else if (m.status === "Ignored") t.ignored += 1;
    else t.errors += 1; // CompileError, RuntimeError: not counted in the score
  }
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return { ...t, valid, score: valid === 0 ? NaN : (100 * (t.killed + t.timeout)) / valid };
}

const pct = (x) => (Number.isNaN(x) ? "—" : `${x.toFixed(2)}%`);
const row = (name, t) =>
  `| ${name} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.valid} | **${pct(t.score)}** |`;

const survivorsOf = args[args.indexOf("--survivors") + 1];
if (args.includes("--survivors") && survivorsOf !== undefined) {
  const report = load(survivorsOf);
  if (report === null) throw new Error(`no report for ${survivorsOf}`);
  for (const [file, f] of Object.entries(report.files)) {
    for (const m of f.mutants) {
      if (m.status !== "Survived" && m.status !== "NoCoverage") continue;
      console.log(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? "")}`);
    }
  }
  process.exit(0);
}

const lines = ["| module / file | killed | timed out | survived | no coverage | mutants | score |", "|---|---:|---:|---:|---:|---:|---:|"];
const all = [];
const missing = [];
for (const module of MODULES) {
  const report = load(module);
  if (report === null) {
    missing.push(module);
    continue;
  }
  const mutants = Object.values(report.files).flatMap((f) => f.mutants);
  all.push(...mutants);
  lines.push(row(`\`src/${module}\``, tally(mutants)));
  if (args.includes("--files")) {
    for (const [file, f] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(row(`&nbsp;&nbsp;${file.replace(/^src\//, "")}`, tally(f.mutants)));
    }
  }
}
lines.push(row("**all rule modules**", tally(all)));
console.log(lines.join("\n"));
if (missing.length > 0) console.log(`\n(no report yet for: ${missing.join(", ")})`);
