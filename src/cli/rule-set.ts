/**
 * `zhishang rule-set show <province>`: a rule set as a rule-set file (`--format json`, which loads back unchanged)
 * or as a readable Markdown table of its parameters and rule texts; `zhishang rule-set validate <file>...`: every
 * defect of rule-set files, each a typed error line.
 */
import { findDocument, renderCitation, type Citation } from "../core/citation.js";
import type { Bilingual, Provenance } from "../core/params.js";
import { getRuleSet, parameterNames } from "../provinces/index.js";
import { ruleSetToFile, validateRuleSet, type RuleSetRegistry } from "../provinces/registry.js";
import type { RuleSet } from "../provinces/schema.js";
import {
  choice,
  errorLine,
  HELP_OPTION,
  parseCommand,
  readJsonFile,
  RULE_SET_HELP,
  RULE_SET_OPTION,
  ruleSetRegistry,
  typed,
  usageError,
  type CliIO,
} from "./io.js";

export const SHOW_USAGE = `Usage: zhishang rule-set show <province> [--as-of YYYY-MM-DD] [--format markdown|json] [--lang zh|en] [--rule-set <file>]...
  Prints the rule set of <province> in force on --as-of (default: its newest version). --format json prints it
  as a complete rule-set file (no extends), which loads back unchanged; markdown (the default) prints every
  parameter with its value, provenance and citations, then the rule texts, in --lang (default zh).
${RULE_SET_HELP}
`;

export const VALIDATE_USAGE = `Usage: zhishang rule-set validate [--rule-set <file>]... <file>...
  Checks rule-set files (schemas/rule-set.json; extends resolved against the bundled rule sets and --rule-set
  files). A valid file prints one "ok" line; an invalid one prints each defect as a JSON line
  { "file", "error": { code, message, messageZh, messageEn, path } }. Exit 0 when all are valid, 1 when any is
  invalid, 2 when a file cannot be read.
${RULE_SET_HELP}
`;

export const RULE_SET_USAGE = `Usage: zhishang rule-set show <province> [--as-of YYYY-MM-DD] [--format markdown|json] [--lang zh|en] [--rule-set <file>]...
       zhishang rule-set validate [--rule-set <file>]... <file>...
  (zhishang rule-set show --help, zhishang rule-set validate --help)
`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function ruleSetCommand(args: readonly string[], io: CliIO): number {
  const [sub, ...rest] = args;
  switch (sub) {
    case "show":
      return show(rest, io);
    case "validate":
      return validate(rest, io);
    case "--help":
    case "-h":
    case "help":
      io.stdout(RULE_SET_USAGE);
      return 0;
    case undefined:
      return usageError(io, "rule-set", "give a subcommand: show or validate", RULE_SET_USAGE);
    default:
      return usageError(io, "rule-set", `unknown subcommand ${JSON.stringify(sub)}`, RULE_SET_USAGE);
  }
}

function show(args: readonly string[], io: CliIO): number {
  const command = "rule-set show";
  const parsed = parseCommand(io, command, SHOW_USAGE, {
    args: [...args],
    options: { "as-of": { type: "string" }, format: { type: "string" }, lang: { type: "string" }, ...RULE_SET_OPTION, ...HELP_OPTION },
    allowPositionals: true,
  });
  if (typeof parsed === "number") return parsed;
  const format = choice(io, command, SHOW_USAGE, "format", parsed.values.format, ["markdown", "json"], "markdown");
  if (format === null) return 2;
  const lang = choice(io, command, SHOW_USAGE, "lang", parsed.values.lang, ["zh", "en"], "zh");
  if (lang === null) return 2;
  const asOf = parsed.values["as-of"];
  if (asOf !== undefined && !ISO_DATE.test(asOf)) return usageError(io, command, `--as-of takes a date YYYY-MM-DD, not ${JSON.stringify(asOf)}`, SHOW_USAGE);
  const registry = ruleSetRegistry(io, parsed.values["rule-set"]);
  if (registry === null) return 2;
  const [province] = parsed.positionals;
  if (parsed.positionals.length !== 1 || typeof province !== "string") {
    return usageError(io, command, `give one province (${registry.provinces().join(", ")})`, SHOW_USAGE);
  }
  const r = typed(() => getRuleSet(province, asOf, registry), (e) => io.stderr(errorLine(e)));
  if (!r.ok) return 1;
  io.stdout(format === "json" ? `${JSON.stringify(ruleSetToFile(r.value), null, 2)}\n` : ruleSetMarkdown(r.value, registry, lang));
  return 0;
}

function validate(args: readonly string[], io: CliIO): number {
  const command = "rule-set validate";
  const parsed = parseCommand(io, command, VALIDATE_USAGE, { args: [...args], options: { ...RULE_SET_OPTION, ...HELP_OPTION }, allowPositionals: true });
  if (typeof parsed === "number") return parsed;
  if (parsed.positionals.length === 0) return usageError(io, command, "give at least one rule-set file", VALIDATE_USAGE);
  const registry = ruleSetRegistry(io, parsed.values["rule-set"]);
  if (registry === null) return 2;
  let code = 0;
  for (const file of parsed.positionals) {
    const read = readJsonFile(file, "RULE_SET_INVALID");
    if (!read.ok) {
      if (read.unreadable === true) {
        io.stderr(errorLine(read.error, file));
        code = 2;
      } else {
        io.stdout(errorLine(read.error, file));
        code = Math.max(code, 1);
      }
      continue;
    }
    const errors = validateRuleSet(read.value, registry);
    if (errors.length === 0) {
      const f = read.value as { id: string; extends?: string | null };
      io.stdout(`ok ${file}: ${f.id}${typeof f.extends === "string" ? ` (extends ${f.extends})` : ""}\n`);
      continue;
    }
    for (const e of errors) io.stdout(errorLine(e, file));
    code = Math.max(code, 1);
  }
  return code;
}

type Lang = "zh" | "en";

const WORDS = {
  zh: {
    ruleSet: "规则集",
    validity: "施行期间",
    from: (d: string) => `${d} 起`,
    to: (d: string) => `至 ${d}`,
    untilNext: (id: string) => `至下一版本 ${id} 施行前一日`,
    open: "未定终止日期",
    extends: "所扩展的规则集",
    none: "无（完整规则集）",
    sources: "所依据的文件",
    versions: "本省各版本",
    documents: "规则集自定义的文件",
    params: "参数",
    param: "参数",
    value: "取值",
    provenance: "来源性质",
    citations: "依据",
    notDefined: "本规则集未规定的可选参数",
    rules: "规则文本",
    ruleText: "规则文本",
    notes: "说明",
    noRules: "（无）",
    kinds: { seed: "seed（本省文件）", national: "national（适用国家规定）", assumed: "assumed（推定）", caller: "caller（调用方提供）" },
    sep: "；",
    list: "、",
    colon: "：",
    count: (n: number) => `（${n} 项）`,
  },
  en: {
    ruleSet: "rule set",
    validity: "In force",
    from: (d: string) => `from ${d}`,
    to: (d: string) => `to ${d}`,
    untilNext: (id: string) => `until the day before the next version, ${id}, starts`,
    open: "no end date",
    extends: "Extends",
    none: "nothing (a complete rule set)",
    sources: "Sources",
    versions: "Versions of this province",
    documents: "Documents the rule set defines",
    params: "Parameters",
    param: "parameter",
    value: "value",
    provenance: "provenance",
    citations: "citations",
    notDefined: "Optional parameters this rule set does not define",
    rules: "Rule texts",
    ruleText: "rule text",
    notes: "notes",
    noRules: "(none)",
    kinds: { seed: "seed (the province's own text)", national: "national (the national rule applies)", assumed: "assumed", caller: "caller (supplied by the caller)" },
    sep: "; ",
    list: ", ",
    colon: ": ",
    count: (n: number) => ` (${n})`,
  },
} as const;

/** A table cell: pipes escaped (GFM reads `\|` as a pipe even inside a code span), line breaks as `<br>`. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** `text` as a Markdown code span (a longer fence when it holds backticks). */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}

function citationsText(citations: readonly Citation[] | undefined, ruleSet: RuleSet, lang: Lang): string {
  if (citations === undefined || citations.length === 0) return "—";
  return citations.map((c) => renderCitation(c, ruleSet.documents)[lang]).join(WORDS[lang].sep);
}

function provenanceText(p: Provenance, lang: Lang): string {
  const kind = WORDS[lang].kinds[p.kind];
  return p.kind === "national" || p.kind === "assumed" ? `${kind}${WORDS[lang].colon}${p.reason[lang]}` : kind;
}

function documentTitle(id: string, ruleSet: RuleSet, lang: Lang): string {
  const doc = findDocument(id, ruleSet.documents);
  if (doc === undefined) return id;
  return lang === "zh" ? `《${doc.zh}》${doc.number === null ? "" : `（${doc.number}）`}` : `${doc.en}${doc.number === null ? "" : ` (${doc.number})`}`;
}

/**
 * A rule set for a reader: its validity, base and sources, then a table of every parameter (value, provenance with
 * its reason, rendered citations), the optional parameters it leaves undefined, and its rule texts.
 */
export function ruleSetMarkdown(ruleSet: RuleSet, registry: RuleSetRegistry, lang: Lang): string {
  const w = WORDS[lang];
  const versions = registry.versions(ruleSet.province);
  const next = versions[versions.findIndex((v) => v.id === ruleSet.id) + 1];
  const end = ruleSet.validTo !== null ? w.to(ruleSet.validTo) : next !== undefined ? w.untilNext(next.id) : w.open;
  const name = lang === "zh" ? `${ruleSet.name.zh}${w.ruleSet}` : `${ruleSet.name.en} ${w.ruleSet}`;
  const out: string[] = [
    `# ${name} ${ruleSet.id}`,
    "",
    `- ${w.validity}${w.colon}${w.from(ruleSet.validFrom)}${lang === "zh" ? "，" : ", "}${end}`,
    `- ${w.extends}${w.colon}${ruleSet.extends === null ? w.none : code(ruleSet.extends)}`,
    `- ${w.sources}${w.colon}${ruleSet.sources.map((s) => documentTitle(s, ruleSet, lang)).join(w.list)}`,
    `- ${w.versions}${w.colon}${versions.map((v) => code(v.id)).join(w.list)}`,
  ];
  const docs = Object.keys(ruleSet.documents);
  if (docs.length > 0) out.push(`- ${w.documents}${w.colon}${docs.map((d) => `${code(d)} ${documentTitle(d, ruleSet, lang)}`).join(w.list)}`);

  const params = ruleSet.params as unknown as Readonly<Record<string, { value: unknown; provenance: Provenance } | undefined>>;
  const names = parameterNames();
  const defined = names.filter((n) => params[n] !== undefined);
  out.push("", `## ${w.params}${w.count(defined.length)}`, "", `| ${w.param} | ${w.value} | ${w.provenance} | ${w.citations} |`, "|---|---|---|---|");
  for (const n of defined) {
    const p = params[n] as { value: unknown; provenance: Provenance };
    const citations = p.provenance.kind === "caller" ? undefined : p.provenance.citations;
    out.push(`| ${code(n)} | ${cell(code(JSON.stringify(p.value)))} | ${cell(provenanceText(p.provenance, lang))} | ${cell(citationsText(citations, ruleSet, lang))} |`);
  }
  const undefinedNames = names.filter((n) => params[n] === undefined);
  if (undefinedNames.length > 0) out.push("", `${w.notDefined}${w.colon}${undefinedNames.map(code).join(w.list)}`);

  const rules = Object.entries(ruleSet.rules);
  out.push("", `## ${w.rules}${w.count(rules.length)}`, "");
  if (rules.length === 0) out.push(w.noRules);
  else {
    out.push(`| ${w.ruleText} | ${w.citations} | ${w.notes} |`, "|---|---|---|");
    for (const [id, text] of rules) {
      const notes = (text.notes ?? []).map((n: Bilingual) => n[lang]);
      out.push(`| ${code(id)} | ${cell(citationsText(text.citations, ruleSet, lang))} | ${notes.length === 0 ? "—" : notes.map(cell).join("<br>")} |`);
    }
  }
  return `${out.join("\n")}\n`;
}

