/**
 * The deadlines of one claim as a timeline for people (`zhishang timeline`): every deadline of a
 * `claim-deadlines` computation in date order, as a Markdown table (date, weekday, what, citation), and a Mermaid
 * `gantt` chart with a milestone for each deadline and bars for the treatment period and its extension.
 *
 * Pure: it reads the computation's value (the dates) and its explanation (what each limit is, where it starts,
 * how it was counted, and the article behind it) and returns strings; it computes no date itself except the
 * weekday and the exclusive end of a chart bar.
 */
import { z } from "zod";
import { DOCUMENTS, renderCitation, type DocumentId, type RenderedCitation } from "../core/citation.js";
import { addDays, dayOfWeek, formatIsoDate, parseIsoDate } from "../core/dates.js";
import type { Explanation } from "../core/explain.js";
import type { Bilingual, ProvenanceKind } from "../core/params.js";
import { dateSchema, parseInput } from "../core/validate.js";
import { describePeriod, PERIOD_UNITS, type PeriodSpec, type PeriodUnit } from "../calendar/periods.js";
import { bundledRuleSets, resolveRuleSetInput, type RuleSet, type RuleSetInput } from "../provinces/index.js";
import { TIME_LIMITS, type TimeLimitId } from "./limits.js";
import type { ClaimDeadlines } from "./claim.js";

/** The language of a timeline's labels: Chinese (`zh`) or English (`en`). */
export type TimelineLang = "zh" | "en";

/** Options of {@link renderClaimTimeline}. */
export interface TimelineOptions {
  /** Language of the labels (default `zh`). */
  readonly lang?: TimelineLang;
  /**
   * The rule set the computation used (a province id, a rule set, a rule-set file or versions): the heading
   * names the version whose id is the source's `ruleSet`. Without it, that id is looked up among the bundled
   * rule sets.
   */
  readonly rules?: RuleSetInput;
}

/** What the timeline reads: a `claim-deadlines` {@link Computation} (its `ruleSet` is optional). */
export interface ClaimTimelineSource {
  readonly value: ClaimDeadlines;
  readonly explanation: Explanation;
  /** The id of the rule set used (`province@validFrom`, `+overrides` when overridden), for the heading. */
  readonly ruleSet?: string;
}

/** One deadline of the claim. */
export interface TimelineEntry {
  /** The output field of `claim-deadlines` that holds the date. */
  readonly field: keyof ClaimDeadlines;
  readonly limit: TimeLimitId;
  /** The last day (24:00). */
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly title: Bilingual;
  /** The day the limit runs from (not counted), when the explanation states it. */
  readonly start: string | null;
  readonly period: PeriodSpec | null;
  /** The nominal last day, when a rest day moved the deadline. */
  readonly extendedFrom: string | null;
  /** The province parameter's citations (empty when the caller overrode the limit). */
  readonly citations: readonly RenderedCitation[];
  readonly provenance: ProvenanceKind | null;
}

/** A rendered timeline: the Markdown table and the Mermaid chart. */
export interface ClaimTimeline {
  /** A heading, the accident date and a table `| date | weekday | what | citation |` in date order. */
  readonly markdown: string;
  /** A Mermaid `gantt` chart (without the code fence). */
  readonly mermaid: string;
}

/** The output fields in a fixed order (ties on the same date keep it) and the limits that compute them. */
const FIELDS: ReadonlyArray<{ readonly field: keyof ClaimDeadlines; readonly limits: readonly TimeLimitId[] }> = [
  { field: "platformApplicationDeadline", limits: ["platform-application"] },
  { field: "workerApplicationDeadline", limits: ["worker-application"] },
  { field: "applicationExtensionLimit", limits: ["application-extension-cap"] },
  { field: "confirmationDeadline", limits: ["confirmation-facts-clear", "confirmation"] },
  { field: "confirmationDeliveryDeadline", limits: ["conclusion-delivery"] },
  { field: "supplementDeadline", limits: ["supplement-materials"] },
  { field: "benefitReviewDeadline", limits: ["benefit-review"] },
  { field: "reassessmentRequestDeadline", limits: ["reassessment-request"] },
  { field: "treatmentPeriodEnd", limits: ["treatment-period"] },
  { field: "treatmentPeriodMaxEnd", limits: ["treatment-period-extension"] },
];

const bilingualSchema = z.lazy(() => z.object({ zh: z.string(), en: z.string() }));
const renderedCitationSchema = z.lazy(() => z.looseObject({
  doc: z.enum(Object.keys(DOCUMENTS) as [DocumentId, ...DocumentId[]]),
  id: z.string().max(500),
  zh: z.string().max(2000),
  en: z.string().max(2000),
}));
const stepSchema = z.lazy(() => z.object({
  rule: z.string().max(200),
  title: bilingualSchema,
  inputs: z.record(z.string(), z.unknown()),
  parameters: z.array(z.object({
    provenance: z.enum(["seed", "national", "assumed", "caller"]),
    citations: z.array(renderedCitationSchema).max(50),
  })).max(50),
  result: z.unknown(),
}));
const maybeDate = dateSchema.nullable().optional();
/** The parts of a claim-deadlines computation the timeline reads (anything else is ignored). */
const sourceSchema = z.lazy(() => z.object({
  value: z.object({
    platformApplicationDeadline: maybeDate,
    workerApplicationDeadline: maybeDate,
    applicationExtensionLimit: maybeDate,
    confirmationDeadline: maybeDate,
    confirmationDeliveryDeadline: maybeDate,
    supplementDeadline: maybeDate,
    benefitReviewDeadline: maybeDate,
    reassessmentRequestDeadline: maybeDate,
    treatmentPeriodEnd: maybeDate,
    treatmentPeriodMaxEnd: maybeDate,
  }),
  explanation: z.array(stepSchema).max(1000),
  ruleSet: z.string().max(200).optional(),
}));
const optionsSchema = z.lazy(() => z.object({ lang: z.enum(["zh", "en"]).optional(), rules: z.unknown().optional() }).optional());

type ParsedSource = z.infer<typeof sourceSchema>;
type ParsedStep = z.infer<typeof stepSchema>;

/** Chart sections, in order. */
const SECTIONS: ReadonlyArray<{ readonly title: Bilingual; readonly limits: readonly TimeLimitId[] }> = [
  { title: { zh: "待遇给付申请", en: "application" }, limits: ["platform-application", "worker-application", "application-extension-cap", "supplement-materials"] },
  { title: { zh: "职业伤害确认与待遇审核", en: "confirmation and review" }, limits: ["confirmation", "confirmation-facts-clear", "conclusion-delivery", "benefit-review"] },
  { title: { zh: "劳动能力鉴定", en: "work-capacity assessment" }, limits: ["reassessment-request"] },
  { title: { zh: "治疗职业伤害期", en: "treatment period" }, limits: ["treatment-period", "treatment-period-extension"] },
];

const WEEKDAYS: Record<TimelineLang, readonly string[]> = {
  zh: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

const WORDS = {
  zh: {
    heading: "职业伤害保障待遇给付期限时间线",
    accident: "事故伤害发生之日",
    date: "日期", weekday: "星期", what: "期限", source: "依据",
    from: "自", runs: "起", moved: "原到期日", movedTail: "遇休息日顺延",
    national: "国家规定", assumed: "推定", caller: "调用方提供（overrides）",
    none: "（未计算任何期限）",
    endOfDay: "期限的最后一日以24时为止；治疗职业伤害期为持续期间，不顺延。",
    barNote: "条形的结束日期为最后一日的次日（Mermaid 的结束日期不含当日）",
  },
  en: {
    heading: "Time limits of the benefit claim",
    accident: "day of the accident",
    date: "date", weekday: "weekday", what: "time limit", source: "source",
    from: "from", runs: "", moved: "nominal last day", movedTail: "a rest day: moved to the next working day",
    national: "national rule", assumed: "assumed", caller: "supplied by the caller (overrides)",
    none: "(no time limit computed)",
    endOfDay: "A last day ends at 24:00; the treatment period is a duration and is not moved over rest days.",
    barNote: "a bar's end date is the day after its last day (Mermaid end dates are exclusive)",
  },
} as const;

function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

function periodOf(step: ParsedStep): PeriodSpec | null {
  const count = step.inputs.count;
  const unit = step.inputs.unit;
  if (typeof count !== "number" || typeof unit !== "string" || !(PERIOD_UNITS as readonly string[]).includes(unit)) return null;
  return { count, unit: unit as PeriodUnit };
}

function weekdayOf(date: string): number {
  return dayOfWeek(parseIsoDate(date, []));
}

/**
 * The deadlines of a `claim-deadlines` computation, in date order (ties in the order of the output fields), with
 * what each is, where it runs from, whether a rest day moved it, and the citations of the province's parameter.
 *
 * @example
 * ```ts
 * // Qinghai, accident 2026-09-03: 30 days end on 10-03 (National Day) → 10-08; 90 days → 12-02.
 * const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03" });
 * claimTimelineEntries(c).map((e) => [e.date, e.weekday, e.limit]); // [["2026-10-08", 4, "platform-application"], ["2026-12-02", 3, "worker-application"]]
 * claimTimelineEntries(c)[0]?.extendedFrom; // "2026-10-03"
 * ```
 */
export function claimTimelineEntries(source: ClaimTimelineSource): TimelineEntry[] {
  return entriesOf(parseInput(sourceSchema, source));
}

function entriesOf(source: ParsedSource): TimelineEntry[] {
  const steps = new Map<string, ParsedStep>();
  const indexOf = new Map<ParsedStep, number>(); // for error paths: ["explanation", index, …]
  source.explanation.forEach((s, i) => {
    if (!steps.has(s.rule)) {
      steps.set(s.rule, s);
      indexOf.set(s, i);
    }
  });
  const out: Array<TimelineEntry & { order: number }> = [];
  FIELDS.forEach(({ field, limits }, order) => {
    const date = source.value[field];
    if (typeof date !== "string") return;
    const limit = limits.find((l) => steps.has(`deadline.${l}`)) ?? (limits[limits.length - 1] as TimeLimitId);
    const step = steps.get(`deadline.${limit}`);
    const result = step !== undefined && step.result !== null && typeof step.result === "object" && !Array.isArray(step.result)
      ? (step.result as Record<string, unknown>)
      : {};
    const param = step?.parameters[0];
    const start = step === undefined ? null : str(step.inputs.start);
    const extendedFrom = str(result.extendedFrom);
    const at = step === undefined ? -1 : (indexOf.get(step) as number);
    out.push({
      order,
      field,
      limit,
      date,
      weekday: weekdayOf(date),
      title: TIME_LIMITS[limit].title,
      // Dates read from the explanation are checked like the value's (a malformed one is INVALID_INPUT).
      start: start === null ? null : parseInput(dateSchema, start, ["explanation", at, "inputs", "start"]),
      period: step === undefined ? null : periodOf(step),
      extendedFrom: extendedFrom === null ? null : parseInput(dateSchema, extendedFrom, ["explanation", at, "result", "extendedFrom"]),
      citations: (param?.citations ?? []) as RenderedCitation[],
      provenance: param?.provenance ?? null,
    });
  });
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  return out.map(({ order: _order, ...e }) => e);
}

const cell = (t: string) => t.replace(/\|/g, "\\|").replace(/\n/g, " ");
const chartText = (t: string) => t.replace(/[:;#]/g, " ").replace(/\s+/g, " ").trim();

function describeEntry(e: TimelineEntry, lang: TimelineLang): string {
  const w = WORDS[lang];
  const parts: string[] = [e.title[lang]];
  const span: string[] = [];
  if (e.start !== null) span.push(lang === "zh" ? `${w.from} ${e.start} ${w.runs}` : `${w.from} ${e.start}`);
  if (e.period !== null) span.push(describePeriod(e.period)[lang]);
  if (span.length > 0) parts.push(lang === "zh" ? `（${span.join("")}）` : ` (${span.join(", ")})`);
  if (e.extendedFrom !== null) {
    parts.push(lang === "zh" ? `；${w.moved} ${e.extendedFrom}，${w.movedTail}` : `; ${w.moved} ${e.extendedFrom}, ${w.movedTail}`);
  }
  return parts.join("");
}

/** The citations grouped by document: the document named once, then its articles, then the ids. */
function citationText(citations: readonly RenderedCitation[], lang: TimelineLang): string {
  const groups = new Map<string, RenderedCitation[]>();
  for (const c of citations) groups.set(c.doc, [...(groups.get(c.doc) ?? []), c]);
  return [...groups.values()].map((cs) => {
    const head = renderCitation({ doc: (cs[0] as RenderedCitation).doc })[lang];
    const rest = cs.map((c) => c[lang].slice(head.length).trim().replace(/^,\s*/, "")).filter((t) => t !== "");
    const where = rest.length === 0 ? "" : lang === "zh" ? ` ${rest.join("、")}` : `, ${rest.join("; ")}`;
    return `${head}${where} ${cs.map((c) => `\`${c.id}\``).join(" ")}`;
  }).join(lang === "zh" ? "；" : "; ");
}

function describeSource(e: TimelineEntry, lang: TimelineLang): string {
  const w = WORDS[lang];
  if (e.provenance === "caller") return w.caller;
  const text = citationText(e.citations, lang);
  if (e.provenance === "national" || e.provenance === "assumed") return `${text === "" ? "" : `${text} `}[${w[e.provenance]}]`;
  return text;
}

/**
 * The heading: the rule set's name and the source's `ruleSet` id. The version is found by that id (without
 * `+overrides`) in the rule set passed, or else among the bundled rule sets; an id found in neither is shown alone.
 */
function heading(source: ParsedSource, rules: RuleSetInput | undefined, lang: TimelineLang): string {
  const w = WORDS[lang];
  const id = source.ruleSet;
  if (id === undefined) return w.heading;
  const base = id.endsWith("+overrides") ? id.slice(0, -"+overrides".length) : id;
  const version: RuleSet | undefined = rules === undefined
    ? bundledRuleSets().byId(base)
    : resolveRuleSetInput(rules).find((v) => v.id === base);
  if (version === undefined) return lang === "zh" ? `${w.heading}（${id}）` : `${w.heading} (${id})`;
  const name = version.name[lang];
  return lang === "zh" ? `${w.heading}（${name}，${id}）` : `${w.heading} (${name}, ${id})`;
}

function accidentDate(source: ParsedSource): string | null {
  for (const [i, s] of source.explanation.entries()) {
    const start = s.rule === "deadline.platform-application" ? str(s.inputs.start) : null;
    if (start !== null) return parseInput(dateSchema, start, ["explanation", i, "inputs", "start"]);
  }
  return null;
}

function notDefined(source: ParsedSource, lang: TimelineLang): string[] {
  return source.explanation.filter((s) => s.rule === "deadline.not-defined").map((s) => `- ${s.title[lang]}`);
}

/**
 * Renders the deadlines of a claim as a Markdown table in date order and a Mermaid `gantt` chart. The input is
 * the result of {@link computeClaimDeadlines} (or a `claim-deadlines` scenario's `{ output, explanation }` as
 * `{ value: output, explanation }`). The heading names the rule set by the result's `ruleSet` id: the version
 * with that id in `options.rules` when given, else among the bundled rule sets.
 *
 * @example
 * ```ts
 * // Qinghai, accident 2026-09-03, treatment from the same day: 12 months to 2027-09-03, at most 12 more to 2028-09-03.
 * const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", treatmentStartDate: "2026-09-03" });
 * const t = renderClaimTimeline(c, { lang: "zh" });
 * t.markdown.startsWith("## 职业伤害保障待遇给付期限时间线（青海省，qinghai@2026-07-01）"); // true
 * t.markdown.includes("| 2026-10-08 | 星期四 | 平台企业提出职业伤害保障待遇给付申请（自 2026-09-03 起30日）；原到期日 2026-10-03，遇休息日顺延 |"); // true
 * t.mermaid.startsWith("gantt"); // true
 * t.mermaid.includes("治疗职业伤害期（一般不超过） 12个月 :active, t1, 2026-09-03, 2027-09-04"); // true
 * renderClaimTimeline(c, { lang: "en" }).markdown.includes("| 2028-09-03 | Sunday | extension of the treatment period (at most)"); // true
 * // the heading's name is that of the version with the source's id (bundled, or in `options.rules`); else the id alone
 * renderClaimTimeline({ ...c, ruleSet: "jiangsu@2026-01-01" }).markdown.startsWith("## 职业伤害保障待遇给付期限时间线（jiangsu@2026-01-01）"); // true
 * ```
 */
export function renderClaimTimeline(source: ClaimTimelineSource, options?: TimelineOptions): ClaimTimeline {
  const parsed = parseInput(sourceSchema, source);
  const parsedOptions = parseInput(optionsSchema, options, ["options"]);
  const lang = parsedOptions?.lang ?? "zh";
  const w = WORDS[lang];
  const entries = entriesOf(parsed);
  const accident = accidentDate(parsed);
  const title = heading(parsed, parsedOptions?.rules as RuleSetInput | undefined, lang);

  const md: string[] = [`## ${title}`, ""];
  if (accident !== null) {
    const day = WEEKDAYS[lang][weekdayOf(accident)] ?? "";
    md.push(lang === "zh"
      ? `${w.accident}：${accident}（${day}）。${w.endOfDay}`
      : `Day of the accident: ${accident} (${day}). ${w.endOfDay}`);
    md.push("");
  }
  md.push(`| ${w.date} | ${w.weekday} | ${w.what} | ${w.source} |`, "|---|---|---|---|");
  for (const e of entries) {
    md.push(`| ${e.date} | ${WEEKDAYS[lang][e.weekday] ?? ""} | ${cell(describeEntry(e, lang))} | ${cell(describeSource(e, lang))} |`);
  }
  if (entries.length === 0) md.push(`| — | — | ${w.none} | — |`);
  const missing = notDefined(parsed, lang);
  if (missing.length > 0) md.push("", ...missing);
  md.push("");

  const chart: string[] = [
    "gantt",
    `  title ${chartText(title)}`,
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %Y-%m-%d",
    `  %% ${w.barNote}`,
  ];
  const nextDay = (d: string) => formatIsoDate(addDays(parseIsoDate(d, []), 1));
  let milestone = 0;
  let bar = 0;
  SECTIONS.forEach((section, k) => {
    const inSection = entries.filter((e) => section.limits.includes(e.limit));
    const withAccident = k === 0 && accident !== null;
    if (inSection.length === 0 && !withAccident) return;
    chart.push(`  section ${chartText(section.title[lang])}`);
    if (withAccident) chart.push(`  ${chartText(w.accident)} :milestone, accident, ${accident}, 0d`);
    for (const e of inSection) {
      const label = chartText(`${e.title[lang]} ${e.period === null ? "" : describePeriod(e.period)[lang]}`);
      if ((e.limit === "treatment-period" || e.limit === "treatment-period-extension") && e.start !== null) {
        bar += 1;
        // The treatment period runs from its start; the extension from the day after the period's last day.
        const from = e.limit === "treatment-period" ? e.start : nextDay(e.start);
        chart.push(`  ${label} :${bar === 1 ? "active, " : ""}t${bar}, ${from}, ${nextDay(e.date)}`);
      } else {
        milestone += 1;
        chart.push(`  ${label} :milestone, m${milestone}, ${e.date}, 0d`);
      }
    }
  });
  chart.push("");
  return { markdown: md.join("\n"), mermaid: chart.join("\n") };
}
