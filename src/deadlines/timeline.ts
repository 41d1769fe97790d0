/**
 * Timelines for people (`zhishang timeline`, docs/scenarios.md "Timeline").
 *
 * - Every kind whose output holds dates ({@link TIMELINE_KINDS}): {@link timelineOf} (from an evaluation) and
 *   {@link scenarioTimeline} (from a scenario) list the dates the scenario supplied, each deadline with whether the
 *   supplied date that answers it met it (met / missed by N days / not yet known), the ends of durations and the
 *   dated periods; {@link renderTimeline} writes that {@link Timeline} as Markdown (a table in date order and a
 *   Mermaid `gantt` chart), the chart alone, or JSON.
 * - The claim deadlines alone, as before: {@link claimTimelineEntries} and {@link renderClaimTimeline} (every
 *   deadline of a `claim-deadlines` computation in date order, a Markdown table and a gantt chart).
 *
 * Pure: everything is read from the computation's value (the dates), its explanation (what each limit is, where
 * it starts, how it was counted, the article behind it) and the scenario's input; no date is computed here except
 * weekdays, day differences and the exclusive end of a chart bar.
 */
import { z } from "zod";
import { DOCUMENTS, renderCitation, type DocumentId, type RenderedCitation } from "../core/citation.js";
import { addDays, dayOfWeek, formatIsoDate, parseIsoDate, toDayNumber } from "../core/dates.js";
import { chinaDateString, parseInstant } from "../core/datetime.js";
import { invalidInput, type ZhishangError } from "../core/errors.js";
import type { Explanation } from "../core/explain.js";
import type { Bilingual, ProvenanceKind } from "../core/params.js";
import { dateSchema, parseInput } from "../core/validate.js";
import { describePeriod, PERIOD_UNITS, type PeriodSpec, type PeriodUnit } from "../calendar/periods.js";
import { bundledRuleSets, resolveRuleSetInput, type RuleSet, type RuleSetInput } from "../provinces/index.js";
import { loadRuleSet, type RuleSetRegistry } from "../provinces/registry.js";
import { evaluateScenario } from "../scenario/scenario.js";
import { kindNames } from "../scenario/kinds.js";
import { TIME_LIMIT_IDS, TIME_LIMITS, type TimeLimitId } from "./limits.js";
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
/** Where a figure comes from: the caller, or its citations (with the provenance when not the seed's own). */
function sourceText(provenance: string | null, citations: readonly TimelineCitation[], lang: TimelineLang): string {
  const w = WORDS[lang];
  if (provenance === "caller") return w.caller;
  const text = timelineCitationText(citations, lang);
  if (provenance === "national" || provenance === "assumed") return `${text === "" ? "" : `${text} `}[${w[provenance]}]`;
  return text;
}

function describeSource(e: TimelineEntry, lang: TimelineLang): string {
  return sourceText(e.provenance, e.citations, lang);
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

// ---- Every kind with dates: the timeline an auditor reads ---------------------------------------------------

/**
 * The scenario kinds a timeline is drawn for: those whose output holds dates — a deadline (`claim-deadlines`,
 * `declaration-deadline`, `monthly-premium`, `time-limit`, `liability`) or a dated period or last day
 * (`liability`'s costs, `living-guarantee`'s payment, `dependant-qualification`'s last day paid, `rate-review`'s
 * first day), in the order of {@link kindNames}. Any other kind is `INVALID_INPUT` naming these.
 *
 * @example
 * ```ts
 * TIMELINE_KINDS.includes("claim-deadlines");     // true
 * TIMELINE_KINDS.includes("disability-benefits"); // false
 * ```
 */
export const TIMELINE_KINDS = [
  "monthly-premium", "rate-review", "liability", "declaration-deadline", "claim-deadlines", "time-limit", "living-guarantee",
  "dependant-qualification",
] as const;
/** One of {@link TIMELINE_KINDS}. */
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/**
 * The formats {@link renderTimeline} writes: `markdown` (the default: a heading, a table in date order and the
 * Mermaid chart in a `mermaid` code block), `mermaid` (the `gantt` chart alone) and `json` ({@link Timeline}).
 *
 * @example
 * ```ts
 * TIMELINE_FORMATS; // ["markdown", "mermaid", "json"]
 * ```
 */
export const TIMELINE_FORMATS = ["markdown", "mermaid", "json"] as const;
/** One of {@link TIMELINE_FORMATS}. */
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

/** How precise a supplied value is: a day, an instant (its China date is the day), a month or a year. */
export type TimelinePrecision = "day" | "instant" | "month" | "year";

/** A date the scenario supplied in its input. */
export interface TimelineSuppliedDate {
  /** Where it is in the input (`applicationReceivedDate`, `treatment.startDate`). */
  readonly field: string;
  /** The value as supplied: a date, a date-time, a month (`YYYY-MM`) or a year. */
  readonly value: string | number;
  readonly precision: TimelinePrecision;
  /** The day it stands on in the timeline: the date; a date-time's date in China; a month's or a year's first day. */
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday; null for a month or a year. */
  readonly weekday: number | null;
  /** What the date is. */
  readonly label: Bilingual;
}

/** Whether a deadline was met: by the date supplied that answers it, or not yet known. */
export type TimelineStatus = "met" | "missed" | "unknown";

/** A deadline compared with the supplied date that answers it. */
export interface TimelineCompliance {
  /** `met` (on or before the last day), `missed` (after it), `unknown` (no such date supplied). */
  readonly status: TimelineStatus;
  /** The input field whose date answers the deadline; null when the kind's input has none. */
  readonly answeredBy: string | null;
  /** That date, as supplied (null when not supplied). */
  readonly answeredOn: string | null;
  /** Days after the last day, when missed (1 or more). */
  readonly daysLate: number | null;
  /** Days before the last day, when met (0: on the last day). */
  readonly daysToSpare: number | null;
}

/** A citation as a timeline carries it: the id, the document's id and the text in both languages. */
export interface TimelineCitation {
  readonly id: string;
  readonly doc: string;
  readonly zh: string;
  readonly en: string;
}

/** A dated point an output gives: a deadline (a last day for an act), or the last day of a duration or payment. */
export interface TimelineDeadline {
  /** The output field holding the date (`platformApplicationDeadline`, `deadline` …). */
  readonly field: string;
  /** `deadline`: a last day for an act, which is met or missed; `end`: a duration's or a payment's last day. */
  readonly type: "deadline" | "end";
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly title: Bilingual;
  /** The catalogued time limit (docs/time-limits.md), when it is one. */
  readonly limit: TimeLimitId | null;
  /** The day the limit runs from (not counted), when the explanation states it. */
  readonly start: string | null;
  readonly period: PeriodSpec | null;
  /** The last day before it moved (a rest day, holidays, an agreed extension), when it moved. */
  readonly movedFrom: string | null;
  /** Why it moved. */
  readonly movedBecause: Bilingual | null;
  readonly citations: readonly TimelineCitation[];
  /** The provenance of the rule-set parameter behind it, when one is. */
  readonly provenance: ProvenanceKind | null;
  /** For a `deadline`: whether it was met; null for an `end`. */
  readonly compliance: TimelineCompliance | null;
}

/** A dated period an output gives (costs borne, a payment, a declaration period, a rest period). */
export interface TimelinePeriod {
  /** The output field(s) holding the dates (`costs[0]`, `paidFrom…paidUntil`). */
  readonly field: string;
  readonly title: Bilingual;
  /** First day. */
  readonly from: string;
  /** Last day; null when open-ended. */
  readonly until: string | null;
  readonly citations: readonly TimelineCitation[];
}

/**
 * A scenario's timeline (`zhishang timeline --format json`): the dates supplied, the deadlines and last days
 * computed (each deadline with whether it was met), and the dated periods — each list in date order.
 */
export interface Timeline {
  readonly kind: TimelineKind;
  /** The id of the rule-set version used (`+overrides` when overridden), or null. */
  readonly ruleSet: string | null;
  /** That version's name, when the version is known. */
  readonly ruleSetName: Bilingual | null;
  readonly supplied: readonly TimelineSuppliedDate[];
  readonly deadlines: readonly TimelineDeadline[];
  readonly periods: readonly TimelinePeriod[];
  /** The limits the rule set does not define, as the explanation states them. */
  readonly notDefined: readonly Bilingual[];
}

/** What {@link timelineOf} reads: a scenario's kind and input, and its evaluation (as {@link evaluateScenario} gives it). */
export interface TimelineSource {
  readonly kind: string;
  /** The scenario's `input`. */
  readonly input: unknown;
  /** The evaluation's `output`. */
  readonly output: unknown;
  readonly explanation: Explanation;
  /** The id of the rule-set version used. */
  readonly ruleSet?: string | undefined;
}

/** Options of {@link timelineOf}. */
export interface TimelineBuildOptions {
  /** Where the version named by the source's `ruleSet` is looked up for its name (default: the bundled rule sets). */
  readonly rules?: RuleSetInput;
}

/** Options of {@link scenarioTimeline}. */
export interface ScenarioTimelineOptions {
  /** Where the scenario's province is looked up (default: the bundled rule sets), as in {@link evaluateScenario}. */
  readonly registry?: RuleSetRegistry;
}

/** Options of {@link renderTimeline}. */
export interface TimelineRenderOptions {
  /** `markdown` (default), `mermaid` or `json`. */
  readonly format?: TimelineFormat;
  /** Language of the labels (default `zh`); `json` carries both. */
  readonly lang?: TimelineLang;
}

const looseCitationSchema = z.lazy(() => z.object({
  doc: z.string().max(200).optional(),
  id: z.string().max(500),
  zh: z.string().max(2000),
  en: z.string().max(2000),
}));
const anyStepSchema = z.lazy(() => z.object({
  rule: z.string().max(200),
  title: bilingualSchema,
  citations: z.array(looseCitationSchema).max(50).optional(),
  inputs: z.record(z.string(), z.unknown()),
  parameters: z.array(z.object({
    provenance: z.enum(["seed", "national", "assumed", "caller"]),
    citations: z.array(looseCitationSchema).max(50),
  })).max(50),
  result: z.unknown(),
}));
const timelineSourceSchema = z.lazy(() => z.object({
  kind: z.string().max(100),
  input: z.record(z.string(), z.unknown()),
  output: z.record(z.string(), z.unknown()),
  explanation: z.array(anyStepSchema).max(1000),
  ruleSet: z.string().max(200).optional(),
}));
type AnyStep = z.infer<typeof anyStepSchema>;

/** A parsed source with its steps by rule (the first of each) and their positions, for error paths. */
interface Read {
  readonly kind: TimelineKind;
  readonly input: Record<string, unknown>;
  readonly output: Record<string, unknown>;
  readonly explanation: readonly AnyStep[];
  readonly steps: ReadonlyMap<string, { readonly step: AnyStep; readonly at: number }>;
}

const MOVED_REST_DAY: Bilingual = { zh: "遇休息日顺延", en: "a rest day: moved to the next working day" };
const MOVED_HOLIDAYS: Bilingual = { zh: "遇法定节假日或休息日顺延", en: "moved over holidays and rest days" };
const PAYERS: Record<"fund" | "platform", Bilingual> = {
  fund: { zh: "基金", en: "the fund" },
  platform: { zh: "平台企业", en: "the platform" },
};

/** A supplied input field: its path, its precision and what it is. */
interface SuppliedSpec {
  readonly path: readonly string[];
  readonly precision: TimelinePrecision;
  readonly label: Bilingual;
}

const ACCIDENT: Bilingual = { zh: "事故伤害发生之日", en: "day of the accident" };
const TREATMENT_START: Bilingual = { zh: "开始治疗之日", en: "first day of treatment" };
const TREATMENT_END: Bilingual = { zh: "治疗结束之日", en: "last day of treatment" };
const CONCLUSION_MADE: Bilingual = { zh: "作出劳动能力鉴定结论之日", en: "work-capacity assessment conclusion made" };

/** The dates each kind's input may supply, in the order a tie on the same day keeps. */
const SUPPLIED: Record<TimelineKind, readonly SuppliedSpec[]> = {
  "monthly-premium": [{ path: ["orderMonth"], precision: "month", label: { zh: "费款所属月份（申报其单量的月份）", en: "order month (the month whose orders are declared)" } }],
  "rate-review": [{ path: ["reviewYear"], precision: "year", label: { zh: "核定的缴费标准适用的年度", en: "year the reviewed rate applies to" } }],
  liability: [
    { path: ["accidentAt"], precision: "instant", label: { zh: "事故伤害发生之日（北京时间）", en: "day of the accident (China time)" } },
    { path: ["platformApplicationReceivedDate"], precision: "day", label: { zh: "收到平台企业申请之日", en: "platform's application received" } },
    { path: ["applicationReceivedDate"], precision: "day", label: { zh: "首次收到申请之日（任何申请人）", en: "first application received (by anyone)" } },
    { path: ["extensionAgreedUntil"], precision: "day", label: { zh: "经同意延长的申请期限", en: "application period extended by agreement to" } },
    { path: ["treatment", "startDate"], precision: "day", label: TREATMENT_START },
    { path: ["treatment", "endDate"], precision: "day", label: TREATMENT_END },
    { path: ["treatment", "assessmentConclusionDate"], precision: "day", label: CONCLUSION_MADE },
  ],
  "declaration-deadline": [{ path: ["declarationMonth"], precision: "month", label: { zh: "申报月份", en: "declaration month" } }],
  "claim-deadlines": [
    { path: ["accidentDate"], precision: "day", label: ACCIDENT },
    { path: ["applicationReceivedDate"], precision: "day", label: { zh: "收到待遇给付申请之日", en: "application for benefits received" } },
    { path: ["supplementNoticeDate"], precision: "day", label: { zh: "收到补正材料告知之日", en: "notice to supplement the materials received" } },
    { path: ["confirmationDecisionDate"], precision: "day", label: { zh: "作出职业伤害确认结论之日", en: "confirmation decision made" } },
    { path: ["benefitApplicationAcceptedDate"], precision: "day", label: { zh: "受理待遇申请之日", en: "benefit application accepted" } },
    { path: ["assessmentConclusionReceivedDate"], precision: "day", label: { zh: "收到劳动能力鉴定结论之日", en: "work-capacity assessment conclusion received" } },
    { path: ["treatmentStartDate"], precision: "day", label: TREATMENT_START },
  ],
  "time-limit": [
    { path: ["from"], precision: "day", label: { zh: "起算事件之日", en: "day of the starting event" } },
    { path: ["month"], precision: "month", label: { zh: "期限所在月份", en: "month of the limit" } },
    { path: ["year"], precision: "year", label: { zh: "期限所在年度", en: "year of the limit" } },
  ],
  "living-guarantee": [
    { path: ["accidentDate"], precision: "day", label: ACCIDENT },
    { path: ["treatmentStartDate"], precision: "day", label: TREATMENT_START },
    { path: ["treatmentEndDate"], precision: "day", label: TREATMENT_END },
    { path: ["assessmentConclusionDate"], precision: "day", label: CONCLUSION_MADE },
  ],
  "dependant-qualification": [
    { path: ["birthDate"], precision: "day", label: { zh: "出生日期", en: "date of birth" } },
    { path: ["asOf"], precision: "day", label: { zh: "判断供养亲属资格之日", en: "day the qualification is judged" } },
  ],
};

/**
 * The claim deadlines each answered by a supplied date (the others have none in the kind's input): the
 * application received answers the worker's 90 days (and an extension's cap), the decision made the confirmation.
 */
const CLAIM_ANSWERS: Partial<Record<keyof ClaimDeadlines, string>> = {
  workerApplicationDeadline: "applicationReceivedDate",
  applicationExtensionLimit: "applicationReceivedDate",
  confirmationDeadline: "confirmationDecisionDate",
};

function notTimelineKind(kind: string): ZhishangError {
  return invalidInput(["kind"],
    `a timeline needs a kind whose output has deadlines or dates (${TIMELINE_KINDS.join(", ")}); ${JSON.stringify(kind)} has none`,
    `时间线只适用于输出含期限或日期的场景类型（${TIMELINE_KINDS.join("、")}）；${JSON.stringify(kind)} 没有`);
}

/** The own property at `path` of plain objects (undefined when absent or not an object on the way). */
function valueAt(root: Record<string, unknown>, path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A date at `path` of the input or the output, checked; null when absent or null. */
function dateIn(r: Read, where: "input" | "output", path: readonly (string | number)[]): string | null {
  const v = valueAt(where === "input" ? r.input : r.output, path);
  if (v === undefined || v === null) return null;
  return parseInput(dateSchema, v, [where, ...path]);
}

function dayNumber(date: string): number {
  return toDayNumber(parseIsoDate(date, []));
}

function suppliedOf(r: Read): TimelineSuppliedDate[] {
  const out: Array<TimelineSuppliedDate & { order: number }> = [];
  SUPPLIED[r.kind].forEach((spec, order) => {
    const v = valueAt(r.input, spec.path);
    if (v === undefined || v === null) return;
    const path = ["input", ...spec.path];
    const field = spec.path.join(".");
    let date: string;
    let value: string | number;
    if (spec.precision === "day") {
      value = date = parseInput(dateSchema, v, path);
    } else if (spec.precision === "instant") {
      value = parseInput(z.string().max(100), v, path);
      date = chinaDateString(parseInstant(value, path));
    } else if (spec.precision === "month") {
      value = parseInput(z.string().regex(/^\d{4}-\d{2}$/, "expected a month as YYYY-MM"), v, path);
      date = formatIsoDate(parseIsoDate(`${value}-01`, path));
    } else {
      value = parseInput(z.number().int().min(1900).max(2199), v, path);
      date = `${value}-01-01`;
    }
    const weekday = spec.precision === "day" || spec.precision === "instant" ? weekdayOf(date) : null;
    out.push({ order, field, value, precision: spec.precision, date, weekday, label: spec.label });
  });
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  return out.map(({ order: _order, ...s }) => s);
}

function citationOf(c: z.infer<typeof looseCitationSchema>): TimelineCitation {
  return { id: c.id, doc: c.doc ?? (c.id.split("#")[0] as string), zh: c.zh, en: c.en };
}

/** A step's own citations and those of every parameter it used, each id once. */
function stepCitations(step: AnyStep | undefined): TimelineCitation[] {
  if (step === undefined) return [];
  const seen = new Set<string>();
  const out: TimelineCitation[] = [];
  for (const c of [...(step.citations ?? []), ...step.parameters.flatMap((p) => p.citations)]) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(citationOf(c));
  }
  return out;
}

function compliance(r: Read, date: string, answeredBy: string | null): TimelineCompliance {
  if (answeredBy === null) return { status: "unknown", answeredBy: null, answeredOn: null, daysLate: null, daysToSpare: null };
  const on = dateIn(r, "input", [answeredBy]);
  if (on === null) return { status: "unknown", answeredBy, answeredOn: null, daysLate: null, daysToSpare: null };
  const spare = dayNumber(date) - dayNumber(on);
  return spare >= 0
    ? { status: "met", answeredBy, answeredOn: on, daysLate: null, daysToSpare: spare }
    : { status: "missed", answeredBy, answeredOn: on, daysLate: -spare, daysToSpare: null };
}

/** What a `deadline.<limit>`-like step says of a limit: its start, its period, where it moved from, its parameter. */
function limitStep(r: Read, rule: string): {
  start: string | null; period: PeriodSpec | null; extendedFrom: string | null; citations: TimelineCitation[]; provenance: ProvenanceKind | null;
} {
  const found = r.steps.get(rule);
  if (found === undefined) return { start: null, period: null, extendedFrom: null, citations: [], provenance: null };
  const { step, at } = found;
  const result = step.result !== null && typeof step.result === "object" && !Array.isArray(step.result) ? (step.result as Record<string, unknown>) : {};
  const start = str(step.inputs.start);
  const extendedFrom = str(result.extendedFrom);
  const param = step.parameters[0];
  return {
    start: start === null ? null : parseInput(dateSchema, start, ["explanation", at, "inputs", "start"]),
    period: periodOf(step as ParsedStep),
    extendedFrom: extendedFrom === null ? null : parseInput(dateSchema, extendedFrom, ["explanation", at, "result", "extendedFrom"]),
    citations: (param?.citations ?? []).map(citationOf),
    provenance: param?.provenance ?? null,
  };
}

type Built = { deadlines: TimelineDeadline[]; periods: TimelinePeriod[] };

function claimDates(r: Read): Built {
  const value: Record<string, string | null> = {};
  for (const { field } of FIELDS) value[field] = dateIn(r, "output", [field]);
  const entries = entriesOf({ value, explanation: r.explanation as ParsedStep[] } as ParsedSource);
  const deadlines = entries.map((e): TimelineDeadline => {
    const end = e.limit === "treatment-period" || e.limit === "treatment-period-extension";
    return {
      field: e.field, type: end ? "end" : "deadline", date: e.date, weekday: e.weekday, title: e.title, limit: e.limit,
      start: e.start, period: e.period, movedFrom: e.extendedFrom, movedBecause: e.extendedFrom === null ? null : MOVED_REST_DAY,
      citations: e.citations.map(citationOf), provenance: e.provenance,
      compliance: end ? null : compliance(r, e.date, CLAIM_ANSWERS[e.field] ?? null),
    };
  });
  return { deadlines, periods: [] };
}

function liabilityDates(r: Read): Built {
  const deadlines: TimelineDeadline[] = [];
  const date = dateIn(r, "output", ["platformApplicationDeadline"]);
  if (date !== null) {
    const s = limitStep(r, "liability.platform-application-period");
    const extended = r.steps.get("liability.application-period-extended");
    let movedFrom = s.extendedFrom;
    let movedBecause = movedFrom === null ? null : MOVED_REST_DAY;
    if (extended !== undefined) {
      const period = r.steps.get("liability.platform-application-period");
      const result = period?.step.result;
      const before = result !== null && typeof result === "object" && !Array.isArray(result) ? str((result as Record<string, unknown>).deadline) : null;
      movedFrom = before === null ? null : parseInput(dateSchema, before, ["explanation", period?.at ?? 0, "result", "deadline"]);
      movedBecause = movedFrom === null ? null : extended.step.title;
    }
    deadlines.push({
      field: "platformApplicationDeadline", type: "deadline", date, weekday: weekdayOf(date), title: TIME_LIMITS["platform-application"].title,
      limit: "platform-application", start: s.start, period: s.period, movedFrom, movedBecause, citations: s.citations, provenance: s.provenance,
      compliance: compliance(r, date, "platformApplicationReceivedDate"),
    });
  }
  const costs = parseInput(z.array(z.object({
    description: bilingualSchema,
    payer: z.enum(["fund", "platform"]),
    from: dateSchema.nullable(),
    until: dateSchema.nullable(),
    citations: z.array(looseCitationSchema).max(50),
  })).max(100).optional(), valueAt(r.output, ["costs"]), ["output", "costs"]) ?? [];
  const periods: TimelinePeriod[] = [];
  costs.forEach((c, k) => {
    if (c.from === null) return;
    const payer = PAYERS[c.payer];
    periods.push({
      field: `costs[${k}]`,
      title: { zh: `${c.description.zh}（${payer.zh}承担）`, en: `${c.description.en} (borne by ${payer.en})` },
      from: c.from, until: c.until, citations: c.citations.map(citationOf),
    });
  });
  return { deadlines, periods };
}

function declarationDates(r: Read): Built {
  const o = parseInput(z.object({
    deadline: dateSchema,
    periodStart: dateSchema,
    nominalDeadline: dateSchema,
    holidayDaysInPeriod: z.number().int().min(0).max(31),
    rule: z.enum(["due-day", "last-day-rest", "holiday-deferral"]),
    restPeriods: z.array(z.object({ from: dateSchema, to: dateSchema, counted: z.boolean() })).max(31),
  }), r.output, ["output"]);
  const s = limitStep(r, "declaration.period");
  const n = o.holidayDaysInPeriod;
  const movedBecause: Bilingual | null = o.rule === "holiday-deferral"
    ? { zh: `申报期内法定节假日 ${n} 日，顺延 ${n} 个工作日`, en: `${n} holiday days in the declaration period: deferred by ${n} working days` }
    : o.rule === "last-day-rest" ? MOVED_REST_DAY : null;
  const deadline: TimelineDeadline = {
    field: "deadline", type: "deadline", date: o.deadline, weekday: weekdayOf(o.deadline), title: TIME_LIMITS["monthly-declaration"].title,
    limit: "monthly-declaration", start: null, period: null, movedFrom: o.deadline === o.nominalDeadline ? null : o.nominalDeadline,
    movedBecause: o.deadline === o.nominalDeadline ? null : movedBecause, citations: s.citations, provenance: s.provenance,
    compliance: compliance(r, o.deadline, null),
  };
  const periods: TimelinePeriod[] = [{
    field: "periodStart…nominalDeadline", title: { zh: "申报期", en: "declaration period" }, from: o.periodStart, until: o.nominalDeadline,
    citations: s.citations,
  }];
  const holidays = stepCitations(r.steps.get("declaration.holiday-days")?.step);
  o.restPeriods.forEach((p, k) => periods.push({
    field: `restPeriods[${k}]`,
    title: p.counted
      ? { zh: "申报期内的休息期（计入顺延）", en: "rest period in the declaration period (counted for the deferral)" }
      : { zh: "申报期内的休息期（不计入顺延）", en: "rest period in the declaration period (not counted)" },
    from: p.from, until: p.to, citations: holidays,
  }));
  return { deadlines: [deadline], periods };
}

function monthlyPremiumDates(r: Read): Built {
  const date = dateIn(r, "output", ["declarationDeadline"]);
  if (date === null) return { deadlines: [], periods: [] };
  const s = limitStep(r, "declaration.period");
  const period = r.steps.get("declaration.period");
  const result = period?.step.result;
  const nominal = result !== null && typeof result === "object" && !Array.isArray(result) ? str((result as Record<string, unknown>).nominalDeadline) : null;
  const movedFrom = nominal === null ? null : parseInput(dateSchema, nominal, ["explanation", period?.at ?? 0, "result", "nominalDeadline"]);
  const moved = movedFrom !== null && movedFrom !== date;
  return {
    deadlines: [{
      field: "declarationDeadline", type: "deadline", date, weekday: weekdayOf(date), title: TIME_LIMITS["monthly-declaration"].title,
      limit: "monthly-declaration", start: null, period: null, movedFrom: moved ? movedFrom : null, movedBecause: moved ? MOVED_HOLIDAYS : null,
      citations: s.citations, provenance: s.provenance, compliance: compliance(r, date, null),
    }],
    periods: [],
  };
}

function timeLimitDates(r: Read): Built {
  const o = parseInput(z.object({ limit: z.enum(TIME_LIMIT_IDS), deadline: dateSchema, nominalDeadline: dateSchema }), r.output, ["output"]);
  const def = TIME_LIMITS[o.limit];
  const s = limitStep(r, `time-limit.${o.limit}`);
  const end = def.kind === "duration";
  const moved = o.nominalDeadline !== o.deadline;
  return {
    deadlines: [{
      field: "deadline", type: end ? "end" : "deadline", date: o.deadline, weekday: weekdayOf(o.deadline), title: def.title, limit: o.limit,
      start: s.start, period: s.period, movedFrom: moved ? o.nominalDeadline : null,
      movedBecause: moved ? (def.kind === "period" ? MOVED_REST_DAY : MOVED_HOLIDAYS) : null,
      citations: s.citations, provenance: s.provenance, compliance: end ? null : compliance(r, o.deadline, null),
    }],
    periods: [],
  };
}

function livingGuaranteeDates(r: Read): Built {
  const from = dateIn(r, "output", ["paidFrom"]);
  const until = dateIn(r, "output", ["paidUntil"]);
  const payer = PAYERS[parseInput(z.enum(["fund", "platform"]), valueAt(r.output, ["payer"]), ["output", "payer"])];
  if (from === null || until === null) return { deadlines: [], periods: [] };
  return {
    deadlines: [],
    periods: [{
      field: "paidFrom…paidUntil",
      title: { zh: `治疗期生活保障费的支付期间（${payer.zh}支付）`, en: `living guarantee paid during treatment (by ${payer.en})` },
      from, until, citations: stepCitations(r.steps.get("living-guarantee.amount")?.step),
    }],
  };
}

function dependantDates(r: Read): Built {
  const date = dateIn(r, "output", ["payableUntil"]);
  if (date === null) return { deadlines: [], periods: [] };
  return {
    deadlines: [{
      field: "payableUntil", type: "end", date, weekday: weekdayOf(date),
      title: { zh: "按年龄享受的供养亲属抚恤金的最后一日", en: "last day of a dependant's pension paid by age" },
      limit: null, start: null, period: null, movedFrom: null, movedBecause: null,
      citations: stepCitations(r.steps.get("dependants.qualification")?.step), provenance: null, compliance: null,
    }],
    periods: [],
  };
}

function rateReviewDates(r: Read): Built {
  const from = dateIn(r, "output", ["effectiveFrom"]);
  if (from === null) return { deadlines: [], periods: [] };
  return {
    deadlines: [],
    periods: [{
      field: "effectiveFrom", title: { zh: "建议的缴费标准适用", en: "suggested rate applies" }, from, until: null,
      citations: stepCitations(r.steps.get("premium.review.float-window")?.step),
    }],
  };
}

const DATES_OF: Record<TimelineKind, (r: Read) => Built> = {
  "monthly-premium": monthlyPremiumDates,
  "rate-review": rateReviewDates,
  liability: liabilityDates,
  "declaration-deadline": declarationDates,
  "claim-deadlines": claimDates,
  "time-limit": timeLimitDates,
  "living-guarantee": livingGuaranteeDates,
  "dependant-qualification": dependantDates,
};

/** The version with the id `id` (`+overrides` dropped) in `rules`, or else among the bundled rule sets. */
function versionNamed(id: string, rules: RuleSetInput | undefined): RuleSet | undefined {
  const base = id.endsWith("+overrides") ? id.slice(0, -"+overrides".length) : id;
  return rules === undefined ? bundledRuleSets().byId(base) : resolveRuleSetInput(rules).find((v) => v.id === base);
}

/**
 * The timeline of an evaluated scenario: the dates its input supplied, the deadlines and last days its output
 * gives (each deadline compared with the supplied date that answers it, when the kind's input has one: the
 * worker's application deadline with `applicationReceivedDate`, the platform's with
 * `platformApplicationReceivedDate` …) and the dated periods, each in date order. Pure: every date is read from
 * the source (only weekdays and day differences are worked out); a kind whose output has no date (see
 * {@link TIMELINE_KINDS}) is `INVALID_INPUT` at `kind`.
 *
 * @example
 * ```ts
 * // Qinghai, accident 2026-09-03, application received 2026-09-21: the worker's 90 days end on 2026-12-02,
 * // 9 + 31 + 30 + 2 = 72 days after the application; the platform's 30 days (moved to 10-08) have no answer in
 * // this kind's input; the confirmation (30 working days → 11-09) would be answered by confirmationDecisionDate.
 * const s = { id: "q", province: "qinghai", kind: "claim-deadlines", input: { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-21" } };
 * const r = evaluateScenario(s);
 * const t = timelineOf({ kind: s.kind, input: s.input, output: r.output, explanation: r.explanation, ruleSet: r.ruleSet });
 * t.supplied.map((d) => d.date); // ["2026-09-03", "2026-09-21"]
 * t.deadlines.map((d) => [d.date, d.compliance?.status, d.compliance?.answeredBy]); // [["2026-10-08", "unknown", null], ["2026-11-09", "unknown", "confirmationDecisionDate"], ["2026-12-02", "met", "applicationReceivedDate"]]
 * t.deadlines[2]?.compliance?.daysToSpare; // 72
 * timelineOf({ ...r, kind: "disability-benefits", input: {} }); // throws INVALID_INPUT
 * ```
 */
export function timelineOf(source: TimelineSource, options?: TimelineBuildOptions): Timeline {
  const parsed = parseInput(timelineSourceSchema, source);
  const rules = parseInput(z.object({ rules: z.unknown().optional() }).optional(), options, ["options"])?.rules as RuleSetInput | undefined;
  if (!(TIMELINE_KINDS as readonly string[]).includes(parsed.kind)) throw notTimelineKind(parsed.kind);
  const steps = new Map<string, { step: AnyStep; at: number }>();
  parsed.explanation.forEach((step, at) => {
    if (!steps.has(step.rule)) steps.set(step.rule, { step, at });
  });
  const r: Read = { kind: parsed.kind as TimelineKind, input: parsed.input, output: parsed.output, explanation: parsed.explanation, steps };
  const supplied = suppliedOf(r);
  const built = DATES_OF[r.kind](r);
  const periods = built.periods.map((p, order) => ({ p, order }))
    .sort((a, b) => (a.p.from < b.p.from ? -1 : a.p.from > b.p.from ? 1 : a.order - b.order))
    .map(({ p }) => p);
  const deadlines = built.deadlines.map((d, order) => ({ d, order }))
    .sort((a, b) => (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : a.order - b.order))
    .map(({ d }) => d);
  const id = parsed.ruleSet ?? null;
  const version = id === null ? undefined : versionNamed(id, rules);
  return {
    kind: r.kind,
    ruleSet: id,
    ruleSetName: version === undefined ? null : { zh: version.name.zh, en: version.name.en },
    supplied,
    deadlines,
    periods,
    notDefined: parsed.explanation.filter((s) => s.rule === "deadline.not-defined").map((s) => ({ zh: s.title.zh, en: s.title.en })),
  };
}

/** The version an evaluation used (its `ruleSet` id, `+overrides` dropped): in the registry, or the scenario's own `ruleSet`. */
function versionUsed(id: string | undefined, scenario: { ruleSet?: unknown }, registry: RuleSetRegistry): RuleSet | undefined {
  if (id === undefined) return undefined;
  const base = id.endsWith("+overrides") ? id.slice(0, -"+overrides".length) : id;
  const held = registry.byId(base);
  if (held !== undefined || scenario.ruleSet === undefined) return held;
  const inline = loadRuleSet(scenario.ruleSet, registry);
  return inline.id === base ? inline : undefined;
}

/**
 * Evaluates a scenario ({@link evaluateScenario}, its `expect` ignored) and returns its {@link timelineOf timeline};
 * the heading's rule-set name is that of the version used (in `options.registry`, or the scenario's `ruleSet`). A
 * scenario of a kind without dates is `INVALID_INPUT` at `kind` before anything is computed.
 *
 * @example
 * ```ts
 * // Guangxi: platform's period 2025-09-05 + 30 = 10-05, in the National Day holiday (10-01…10-08) → 10-09;
 * // its application was received on 10-10: one day late, so it bears the costs from 09-05 to 10-10.
 * const t = scenarioTimeline({ id: "g", province: "guangxi", kind: "liability", input: {
 *   accidentAt: "2025-09-05T09:40:00+08:00", activity: "on-order",
 *   orders: [{ platform: "dada", orderId: "D-1", acceptedAt: "2025-09-05T09:10:00+08:00", completedAt: null, routeKey: "r" }],
 *   platformApplicationReceivedDate: "2025-10-10", applicationReceivedDate: "2025-10-15" } });
 * t.deadlines[0]?.compliance; // { "status": "missed", "answeredBy": "platformApplicationReceivedDate", "answeredOn": "2025-10-10", "daysLate": 1, "daysToSpare": null }
 * t.periods.map((p) => [p.from, p.until]); // [["2025-09-05", "2025-10-10"], ["2025-10-11", null]]
 * t.ruleSetName?.zh; // "广西壮族自治区"
 * scenarioTimeline({ id: "d", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } }); // throws INVALID_INPUT
 * ```
 */
export function scenarioTimeline(scenario: unknown, options?: ScenarioTimelineOptions): Timeline {
  const s = scenario !== null && typeof scenario === "object" ? (scenario as { kind?: unknown; input?: unknown; ruleSet?: unknown }) : null;
  const kind = s === null ? undefined : s.kind;
  if (typeof kind === "string" && kindNames().includes(kind) && !(TIMELINE_KINDS as readonly string[]).includes(kind)) throw notTimelineKind(kind);
  const evaluated = evaluateScenario(scenario, options);
  const registry = (options as ScenarioTimelineOptions | undefined)?.registry ?? bundledRuleSets();
  const version = versionUsed(evaluated.ruleSet, s as { ruleSet?: unknown }, registry);
  return timelineOf(
    { kind: kind as string, input: (s as { input: unknown }).input, output: evaluated.output, explanation: evaluated.explanation, ruleSet: evaluated.ruleSet },
    version === undefined ? {} : { rules: version },
  );
}

// ---- Rendering a timeline -------------------------------------------------------------------------------------

const timelineCitationSchema = z.lazy(() => z.object({ id: z.string().max(500), doc: z.string().max(200), zh: z.string().max(2000), en: z.string().max(2000) }));
const weekdaySchema = z.number().int().min(0).max(6);
/** The shape of a {@link Timeline} (what {@link renderTimeline} accepts, e.g. the JSON it wrote, parsed back). */
const timelineSchema = z.lazy(() => z.object({
  kind: z.enum(TIMELINE_KINDS),
  ruleSet: z.string().max(200).nullable(),
  ruleSetName: bilingualSchema.nullable(),
  supplied: z.array(z.object({
    field: z.string().max(200),
    value: z.union([z.string().max(100), z.number().int().min(1900).max(2199)]),
    precision: z.enum(["day", "instant", "month", "year"]),
    date: dateSchema,
    weekday: weekdaySchema.nullable(),
    label: bilingualSchema,
  })).max(100),
  deadlines: z.array(z.object({
    field: z.string().max(200),
    type: z.enum(["deadline", "end"]),
    date: dateSchema,
    weekday: weekdaySchema,
    title: bilingualSchema,
    limit: z.enum(TIME_LIMIT_IDS).nullable(),
    start: dateSchema.nullable(),
    period: z.object({ count: z.number().int().min(0).max(100000), unit: z.enum(PERIOD_UNITS) }).nullable(),
    movedFrom: dateSchema.nullable(),
    movedBecause: bilingualSchema.nullable(),
    citations: z.array(timelineCitationSchema).max(50),
    provenance: z.enum(["seed", "national", "assumed", "caller"]).nullable(),
    compliance: z.object({
      status: z.enum(["met", "missed", "unknown"]),
      answeredBy: z.string().max(200).nullable(),
      answeredOn: dateSchema.nullable(),
      daysLate: z.number().int().min(1).max(200000).nullable(),
      daysToSpare: z.number().int().min(0).max(200000).nullable(),
    }).nullable(),
  })).max(100),
  periods: z.array(z.object({
    field: z.string().max(200),
    title: bilingualSchema,
    from: dateSchema,
    until: dateSchema.nullable(),
    citations: z.array(timelineCitationSchema).max(50),
  })).max(200),
  notDefined: z.array(bilingualSchema).max(50),
}));
type ParsedTimeline = z.infer<typeof timelineSchema>;
type ParsedDeadline = ParsedTimeline["deadlines"][number];

const KIND_TITLES: Record<TimelineKind, Bilingual> = {
  "monthly-premium": { zh: "按月应缴职业伤害保障费与申报期限", en: "monthly premium and its declaration deadline" },
  "rate-review": { zh: "年度费率浮动评估", en: "annual rate review" },
  liability: { zh: "平台责任（逾期申请等费用承担）", en: "platform liability (costs borne for a late application)" },
  "declaration-deadline": { zh: "按月申报缴纳期限", en: "monthly declaration deadline" },
  "claim-deadlines": { zh: "职业伤害保障待遇给付期限", en: "time limits of the benefit claim" },
  "time-limit": { zh: "期限", en: "time limit" },
  "living-guarantee": { zh: "治疗期生活保障费", en: "living guarantee during treatment" },
  "dependant-qualification": { zh: "供养亲属资格", en: "dependant qualification" },
};

const TL_WORDS = {
  zh: {
    heading: "时间线", date: "日期", weekday: "星期", type: "类别", what: "事项", result: "结果", source: "依据",
    supplied: "场景提供", deadline: "期限", end: "期间届满", period: "期间",
    sectionSupplied: "场景提供的日期", sectionDeadlines: "期限", sectionPeriods: "期间",
    none: "（无日期）",
    lastDay: "期限的最后一日以24时为止；“结果”以场景提供的相应日期判断期限是否遵守",
    barNote: "条形的结束日期为最后一日的次日（图表的结束日期不含当日）；已遵守的期限显示为已完成，逾期的显示为关键任务",
  },
  en: {
    heading: "Timeline", date: "date", weekday: "weekday", type: "type", what: "what", result: "result", source: "source",
    supplied: "supplied", deadline: "deadline", end: "end", period: "period",
    sectionSupplied: "dates supplied", sectionDeadlines: "deadlines", sectionPeriods: "periods",
    none: "(no date)",
    lastDay: "A last day ends at 24:00; the result compares each deadline with the date the scenario supplied for it",
    barNote: "a bar's end date is the day after its last day (Mermaid end dates are exclusive); a deadline met is shown done, one missed critical",
  },
} as const;

const days = (n: number, lang: TimelineLang) => (lang === "zh" ? `${n} 日` : `${n} ${n === 1 ? "day" : "days"}`);

/** The result of a deadline for the table: met, missed by N days, or not yet known (and why). */
function complianceText(d: ParsedDeadline, lang: TimelineLang): string {
  const c = d.compliance;
  if (c === null) return "—";
  const zh = lang === "zh";
  const by = c.answeredBy === null ? "" : `\`${c.answeredBy}\``;
  if (c.status === "met") {
    const when = c.daysToSpare === 0 ? (zh ? "期限当日" : "on the last day") : zh ? `早 ${days(c.daysToSpare ?? 0, lang)}` : `${days(c.daysToSpare ?? 0, lang)} early`;
    return zh ? `已遵守：${by} ${c.answeredOn ?? ""}，${when}` : `met: ${by} ${c.answeredOn ?? ""}, ${when}`;
  }
  if (c.status === "missed") {
    return zh ? `逾期 ${days(c.daysLate ?? 0, lang)}：${by} ${c.answeredOn ?? ""}` : `missed by ${days(c.daysLate ?? 0, lang)}: ${by} ${c.answeredOn ?? ""}`;
  }
  if (c.answeredBy !== null) return zh ? `尚不可知：未提供 ${by}` : `not yet known: ${by} not supplied`;
  return zh ? "尚不可知：场景输入中没有回应此期限的日期" : "not yet known: the scenario's input has no date that answers it";
}

/** The result of a deadline for the chart label: short, and free of Mermaid separators. */
function complianceWord(d: ParsedDeadline, lang: TimelineLang): string {
  const c = d.compliance;
  if (c === null) return "";
  if (c.status === "met") return lang === "zh" ? "已遵守" : "met";
  if (c.status === "missed") return lang === "zh" ? `逾期 ${days(c.daysLate ?? 0, lang)}` : `missed by ${days(c.daysLate ?? 0, lang)}`;
  return lang === "zh" ? "尚不可知" : "not yet known";
}

function describeDeadline(d: ParsedDeadline, lang: TimelineLang): string {
  const w = WORDS[lang];
  const parts: string[] = [d.title[lang]];
  const span: string[] = [];
  if (d.start !== null) span.push(lang === "zh" ? `${w.from} ${d.start} ${w.runs}` : `${w.from} ${d.start}`);
  if (d.period !== null) span.push(describePeriod(d.period)[lang]);
  if (span.length > 0) parts.push(lang === "zh" ? `（${span.join("")}）` : ` (${span.join(", ")})`);
  if (d.movedFrom !== null) {
    const why = d.movedBecause?.[lang];
    parts.push(lang === "zh"
      ? `；${w.moved} ${d.movedFrom}${why === undefined ? "" : `，${why}`}`
      : `; ${w.moved} ${d.movedFrom}${why === undefined ? "" : `, ${why}`}`);
  }
  return parts.join("");
}

/** Citations grouped by document where the text starts with the document's head; any other citation as given. */
function timelineCitationText(citations: readonly TimelineCitation[], lang: TimelineLang): string {
  const groups = new Map<string, TimelineCitation[]>();
  for (const c of citations) {
    const key = Object.hasOwn(DOCUMENTS, c.doc) && c[lang].startsWith(renderCitation({ doc: c.doc as DocumentId })[lang]) ? c.doc : `\u0000${c.id}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()].map(([key, cs]) => {
    if (key.startsWith("\u0000")) return `${(cs[0] as TimelineCitation)[lang]} \`${(cs[0] as TimelineCitation).id}\``;
    const head = renderCitation({ doc: key as DocumentId })[lang];
    const rest = cs.map((c) => c[lang].slice(head.length).trim().replace(/^,\s*/, "")).filter((t) => t !== "");
    const where = rest.length === 0 ? "" : lang === "zh" ? ` ${rest.join("、")}` : `, ${rest.join("; ")}`;
    return `${head}${where} ${cs.map((c) => `\`${c.id}\``).join(" ")}`;
  }).join(lang === "zh" ? "；" : "; ");
}

function deadlineSource(d: ParsedDeadline, lang: TimelineLang): string {
  const text = sourceText(d.provenance, d.citations, lang);
  return text === "" ? "—" : text;
}

function timelineHeading(t: ParsedTimeline, lang: TimelineLang): string {
  const base = lang === "zh" ? `${TL_WORDS.zh.heading}：${KIND_TITLES[t.kind].zh}` : `${TL_WORDS.en.heading} of the ${KIND_TITLES[t.kind].en}`;
  if (t.ruleSet === null) return base;
  const name = t.ruleSetName?.[lang];
  if (lang === "zh") return `${base}（${name === undefined ? "" : `${name}，`}${t.ruleSet}）`;
  return `${base} (${name === undefined ? "" : `${name}, `}${t.ruleSet})`;
}

function timelineMarkdown(t: ParsedTimeline, lang: TimelineLang): string {
  const w = TL_WORDS[lang];
  const zh = lang === "zh";
  const rows: Array<{ date: string; group: number; order: number; cells: string[] }> = [];
  t.supplied.forEach((s, order) => {
    const shown = s.precision === "month" || s.precision === "year" ? String(s.value) : s.date;
    const weekday = s.precision === "month" || s.precision === "year" ? "—" : WEEKDAYS[lang][weekdayOf(s.date)] ?? "";
    const what = `${s.label[lang]} \`${s.field}\`${s.precision === "instant" ? (zh ? `（${s.value}）` : ` (${s.value})`) : ""}`;
    rows.push({ date: s.date, group: 0, order, cells: [shown, weekday, w.supplied, what, "—", "—"] });
  });
  t.deadlines.forEach((d, order) => {
    rows.push({
      date: d.date, group: 1, order,
      cells: [d.date, WEEKDAYS[lang][weekdayOf(d.date)] ?? "", d.type === "end" ? w.end : w.deadline, describeDeadline(d, lang), complianceText(d, lang), deadlineSource(d, lang)],
    });
  });
  t.periods.forEach((p, order) => {
    const span = p.until === null
      ? (zh ? `：自 ${p.from} 起` : `: from ${p.from}`)
      : (zh ? `：${p.from} 至 ${p.until}` : `: ${p.from} to ${p.until}`);
    const source = timelineCitationText(p.citations, lang);
    rows.push({ date: p.from, group: 2, order, cells: [p.from, WEEKDAYS[lang][weekdayOf(p.from)] ?? "", w.period, `${p.title[lang]}${span}`, "—", source === "" ? "—" : source] });
  });
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.group - b.group || a.order - b.order));

  const md: string[] = [`## ${timelineHeading(t, lang)}`, ""];
  const counted = t.deadlines.filter((d) => d.compliance !== null);
  if (counted.length > 0) {
    const n = (s: TimelineStatus) => counted.filter((d) => d.compliance?.status === s).length;
    md.push(zh
      ? `${w.lastDay}：已遵守 ${n("met")} 项，逾期 ${n("missed")} 项，尚不可知 ${n("unknown")} 项。`
      : `${w.lastDay}: met ${n("met")}, missed ${n("missed")}, not yet known ${n("unknown")}.`, "");
  }
  md.push(`| ${w.date} | ${w.weekday} | ${w.type} | ${w.what} | ${w.result} | ${w.source} |`, "|---|---|---|---|---|---|");
  for (const r of rows) md.push(`| ${r.cells.map(cell).join(" | ")} |`);
  if (rows.length === 0) md.push(`| — | — | — | ${w.none} | — | — |`);
  if (t.notDefined.length > 0) md.push("", ...t.notDefined.map((b) => `- ${b[lang]}`));
  md.push("");
  return md.join("\n");
}

function timelineMermaid(t: ParsedTimeline, lang: TimelineLang): string {
  const w = TL_WORDS[lang];
  const nextDay = (d: string) => formatIsoDate(addDays(parseIsoDate(d, []), 1));
  const chart: string[] = ["gantt", `  title ${chartText(timelineHeading(t, lang))}`, "  dateFormat YYYY-MM-DD", "  axisFormat %Y-%m-%d", `  %% ${w.barNote}`];
  if (t.supplied.length > 0) {
    chart.push(`  section ${chartText(w.sectionSupplied)}`);
    t.supplied.forEach((s, k) => {
      // a month or a year stands on its first day: the label says which it is
      const label = s.precision === "month" || s.precision === "year" ? `${s.label[lang]} ${s.value}` : s.label[lang];
      chart.push(`  ${chartText(label)} :milestone, s${k + 1}, ${s.date}, 0d`);
    });
  }
  const deadlines = t.deadlines.filter((d) => d.type === "deadline");
  if (deadlines.length > 0) {
    chart.push(`  section ${chartText(w.sectionDeadlines)}`);
    deadlines.forEach((d, k) => {
      const label = chartText(`${d.title[lang]} ${d.period === null ? "" : describePeriod(d.period)[lang]} ${complianceWord(d, lang)}`);
      const tag = d.compliance?.status === "met" ? "done, " : d.compliance?.status === "missed" ? "crit, " : "";
      chart.push(`  ${label} :${tag}milestone, d${k + 1}, ${d.date}, 0d`);
    });
  }
  const ends = t.deadlines.filter((d) => d.type === "end");
  if (ends.length > 0 || t.periods.length > 0) {
    chart.push(`  section ${chartText(w.sectionPeriods)}`);
    ends.forEach((d, k) => {
      const label = chartText(`${d.title[lang]} ${d.period === null ? "" : describePeriod(d.period)[lang]}`);
      if (d.start === null) {
        chart.push(`  ${label} :milestone, e${k + 1}, ${d.date}, 0d`);
        return;
      }
      // The treatment period runs from its start; its extension from the day after the period's last day.
      const from = d.limit === "treatment-period-extension" ? nextDay(d.start) : d.start;
      chart.push(`  ${label} :e${k + 1}, ${from}, ${nextDay(d.date)}`);
    });
    t.periods.forEach((p, k) => {
      const label = chartText(p.title[lang]);
      chart.push(p.until === null ? `  ${label} :milestone, p${k + 1}, ${p.from}, 0d` : `  ${label} :p${k + 1}, ${p.from}, ${nextDay(p.until)}`);
    });
  }
  chart.push("");
  return chart.join("\n");
}

/**
 * Writes a {@link Timeline} for people or programs: `markdown` (default) — a heading with the rule set, a count of
 * the deadlines met, missed and not yet known, a table `| date | weekday | type | what | result | source |` in
 * date order (the dates supplied, the deadlines with their results, the periods) and the Mermaid chart in a
 * `mermaid` code block; `mermaid` — the `gantt` chart alone (milestones for the dates supplied and the deadlines,
 * `done` when met and `crit` when missed; bars for durations and periods); `json` — the timeline itself.
 *
 * @example
 * ```ts
 * // Qinghai, accident 2026-09-03, application received 2026-09-21 (a Monday): the worker's deadline is met.
 * const t = scenarioTimeline({ id: "q", province: "qinghai", kind: "claim-deadlines",
 *   input: { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-21" } });
 * const md = renderTimeline(t);
 * md.startsWith("## 时间线：职业伤害保障待遇给付期限（青海省，qinghai@2026-07-01）"); // true
 * md.includes("| 2026-09-21 | 星期一 | 场景提供 | 收到待遇给付申请之日 `applicationReceivedDate` | — | — |"); // true
 * md.includes("| 已遵守：`applicationReceivedDate` 2026-09-21，早 72 日 |"); // true
 * renderTimeline(t, { format: "mermaid", lang: "en" }).split("\n")[0]; // "gantt"
 * JSON.parse(renderTimeline(t, { format: "json" })).deadlines[2].compliance.status; // "met"
 * renderTimeline(t, { format: "html" } as never); // throws INVALID_INPUT
 * ```
 */
export function renderTimeline(timeline: Timeline, options?: TimelineRenderOptions): string {
  const t = parseInput(timelineSchema, timeline);
  const o = parseInput(z.object({ format: z.enum(TIMELINE_FORMATS).optional(), lang: z.enum(["zh", "en"]).optional() }).optional(), options, ["options"]);
  const format = o?.format ?? "markdown";
  const lang = o?.lang ?? "zh";
  if (format === "json") return `${JSON.stringify(t, null, 2)}\n`;
  if (format === "mermaid") return timelineMermaid(t, lang);
  return `${timelineMarkdown(t, lang)}\n\`\`\`mermaid\n${timelineMermaid(t, lang)}\`\`\`\n`;
}
