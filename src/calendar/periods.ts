/**
 * Statutory periods (docs/sources.md#B2), per 《民法典》第二百零一条–第二百零四条:
 *
 * - 第二百零一条: a period in years, months or days excludes the starting day and starts the next day;
 * - 第二百零二条: a period in months or years ends on the corresponding day of the last month, or on that
 *   month's last day when it has no such day;
 * - 第二百零三条: when the last day is a statutory rest day (an official day off, or a Saturday or Sunday that
 *   is not an adjusted working day), the period ends on the first working day after it; the last day ends at
 *   24:00.
 *
 * A period in working days (工作日) counts working days only, starting the day after the event; it always ends
 * on a working day. A **duration** (the treatment period) is computed by the month rule without the rest-day
 * extension (`restDayExtension: false`), so it needs no holiday calendar.
 *
 * Every function returns the deadline with a one-step explanation: the start, the days counted, the nominal
 * last day, and any extension with the rest days skipped and why.
 */
import { cite, type Citation } from "../core/citation.js";
import { addDays, addMonths, addYears, formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, type CivilDate } from "../core/dates.js";
import { invalidInput, type ErrorPath } from "../core/errors.js";
import { Explainer, type CalendarYearInput, type Explanation, type Json, type StepSpec } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import { asCalendar, calendarFromOptions, type CalendarYearSource, type DayKind, type WorkingDayCalendar } from "./calendar.js";

/** The unit of a period: calendar days (日), working days (工作日), months (月) or years (年). */
export type PeriodUnit = "day" | "working-day" | "month" | "year";

/**
 * The units of {@link PeriodUnit}.
 *
 * @example
 * ```ts
 * PERIOD_UNITS; // ["day", "working-day", "month", "year"]
 * ```
 */
export const PERIOD_UNITS: readonly PeriodUnit[] = ["day", "working-day", "month", "year"];

/** A period: a count and its unit. */
export interface PeriodSpec {
  readonly count: number;
  readonly unit: PeriodUnit;
}

/** Options of the period functions: the calendar to use and whether a last day on a rest day is extended. */
export interface PeriodOptions {
  /** A calendar built with `loadCalendar`; wins over `calendars`. */
  readonly calendar?: WorkingDayCalendar;
  /** Extra holiday years (as in the scenario `calendars` field). */
  readonly calendars?: readonly CalendarYearInput[];
  /**
   * Whether a last day that is a rest day moves to the next working day (民法典第二百零三条). Default `true` —
   * a time limit for doing something. `false` for a duration (e.g. the treatment period), which then needs no
   * holiday calendar. Ignored for working-day periods.
   */
  readonly restDayExtension?: boolean;
  /** Path of the start date in the caller's input, for errors (default `["start"]`). */
  readonly path?: ErrorPath;
  /**
   * `false`: decision only — the result's `citations`, `notes` and `explanation` are left empty and their texts
   * are not built (a rule computing with `explain: false` passes it); every other field is the same. Default `true`.
   */
  readonly explain?: boolean;
}

/** A rest day skipped by an extension. */
export interface SkippedRestDay {
  readonly date: string;
  readonly kind: Exclude<DayKind, "weekday" | "adjusted-working-day">;
}

/** The extension of a period whose last day was a rest day. */
export interface PeriodExtension {
  /** The nominal last day (a rest day). */
  readonly from: string;
  /** The first working day after it: the deadline. */
  readonly to: string;
  /** Every rest day from the nominal last day up to the deadline. */
  readonly restDays: readonly SkippedRestDay[];
  readonly reason: Bilingual;
}

/** The result of a period computation. */
export interface PeriodResult {
  /** The last day of the period (24:00), after any extension. */
  readonly deadline: string;
  /** The day of the event; not counted. */
  readonly start: string;
  /** The first day counted (the day after `start`). */
  readonly firstDay: string;
  readonly count: number;
  readonly unit: PeriodUnit;
  /** The last day before any extension (for working days: the deadline itself). */
  readonly nominalEnd: string;
  /** Whether the rest-day extension applied to this computation. */
  readonly restDayExtension: boolean;
  readonly extension: PeriodExtension | null;
  /** Working-day periods: the rest days passed over while counting. */
  readonly restDaysSkipped: readonly SkippedRestDay[];
  /** The holiday schedules consulted (empty when no calendar was needed). */
  readonly calendarSources: readonly CalendarYearSource[];
  readonly citations: readonly Citation[];
  readonly notes: readonly Bilingual[];
  /** One step: `period.<unit>`. */
  readonly explanation: Explanation;
}

const CC = (article: number, paragraph?: number) =>
  cite("civil-code", paragraph === undefined ? { article } : { article, paragraph });

/** The articles each kind of period applies (民法典第二百零一至二百零三条), made once. */
const DAY_CITATIONS: readonly Citation[] = Object.freeze([CC(201), CC(203, 1)]);
const MONTH_YEAR_CITATIONS: readonly Citation[] = Object.freeze([CC(201), CC(202), CC(203, 1)]);
const WORKING_DAY_CITATIONS: readonly Citation[] = Object.freeze([cite("civil-code", { article: 201, note: "自次日开始计算 / counting starts the next day" })]);

const KIND_TEXT: Record<SkippedRestDay["kind"], Bilingual> = {
  "official-day-off": { zh: "法定放假日", en: "an official day off" },
  weekend: { zh: "周末休息日", en: "a weekend rest day" },
};

const UNIT_TEXT: Record<PeriodUnit, Bilingual> = {
  day: { zh: "日", en: "calendar days" },
  "working-day": { zh: "个工作日", en: "working days" },
  month: { zh: "个月", en: "months" },
  year: { zh: "年", en: "years" },
};

/** `count` and its English unit, singular for 1 ("1 month", "2 months"). */
function unitCount(count: number, unit: PeriodUnit): string {
  return `${count} ${count === 1 ? UNIT_TEXT[unit].en.replace(/s$/, "") : UNIT_TEXT[unit].en}`;
}

const MAX_COUNT: Record<PeriodUnit, number> = { day: 3660, "working-day": 2500, month: 120, year: 10 };

function checkCount(count: number, unit: PeriodUnit): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT[unit]) {
    throw invalidInput(["count"], `the period must be a whole number of ${UNIT_TEXT[unit].en} from 1 to ${MAX_COUNT[unit]}`,
      `期间应为1至${MAX_COUNT[unit]}之间的整数（单位：${UNIT_TEXT[unit].zh}）`);
  }
}

/**
 * The corresponding day `months` months after `d` (民法典第二百零二条): the same day, or the month's last day —
 * the civil-date module's `addMonths` (date-fns), under the name the period functions have always exported.
 *
 * @example addMonthsCorresponding({ year: 2026, month: 1, day: 31 }, 1).day; // 28
 */
export const addMonthsCorresponding: (d: CivilDate, months: number) => CivilDate = addMonths;

function restKind(k: DayKind): SkippedRestDay["kind"] | null {
  return k === "official-day-off" || k === "weekend" ? k : null;
}

function listDays(days: readonly SkippedRestDay[]): string {
  return days.map((d) => d.date).join(", ");
}

/** Extends `end` over rest days (民法典第二百零三条): returns the first working day on or after `end`. */
function extend(end: number, calendar: WorkingDayCalendar, path: ErrorPath): { deadline: number; extension: PeriodExtension | null } {
  const skipped: SkippedRestDay[] = [];
  let d = end;
  for (;;) {
    const kind = restKind(calendar.kindOfDay(d, path));
    if (kind === null) break;
    skipped.push({ date: formatIsoDate(fromDayNumber(d)), kind });
    d++;
  }
  if (skipped.length === 0) return { deadline: d, extension: null };
  const first = skipped[0] as SkippedRestDay;
  const to = formatIsoDate(fromDayNumber(d));
  return {
    deadline: d,
    extension: {
      from: first.date,
      to,
      restDays: skipped,
      reason: {
        zh: `期间最后一日 ${first.date} 为${KIND_TEXT[first.kind].zh}；休息日 ${listDays(skipped)} 届满后的次日 ${to} 为期间最后一日（民法典第二百零三条）`,
        en: `the last day ${first.date} is ${KIND_TEXT[first.kind].en}; the period ends on ${to}, the first working day after the rest days ${listDays(skipped)} (Civil Code art. 203)`,
      },
    },
  };
}

function sourceCitations(sources: readonly CalendarYearSource[]): Citation[] {
  return sources.flatMap((s) => (s.document === null ? [] : [cite(s.document)]));
}

function sourceNotes(sources: readonly CalendarYearSource[]): Bilingual[] {
  if (sources.length === 0) return [];
  // a caller's year without a source of its own is titled "<en> / <zh>": each language takes its half
  const text = (zh: boolean): string[] => sources.map((s) => {
    if (s.bundled) return `${s.year}: ${s.notice}${s.issued === null ? "" : ` (${s.issued})`}`;
    const split = s.title.indexOf(" / ");
    const title = split < 0 ? s.title : zh ? s.title.slice(split + 3) : s.title.slice(0, split);
    return `${s.year}: ${title}`;
  });
  return [{ zh: `节假日安排：${text(true).join("；")}`, en: `holiday schedules: ${text(false).join("; ")}` }];
}

function finishPeriod(p: Omit<PeriodResult, "explanation" | "citations" | "notes"> & { citations: readonly Citation[]; notes: Bilingual[] }, explain: boolean): PeriodResult {
  // decision only: the same fields, the texts left empty (see PeriodOptions.explain)
  if (!explain) return Object.freeze(Object.assign({}, p, { citations: [], notes: [], explanation: [] }));
  const citations = [...p.citations, ...sourceCitations(p.calendarSources)];
  const notes = [...p.notes, ...(p.extension === null ? [] : [p.extension.reason]), ...sourceNotes(p.calendarSources)];
  // Object.assign, not `{ ...p, citations, notes }`: V8 (Node 20) takes a slow path, microseconds per object, for
  // an object spread followed by more properties. Same keys, same order.
  const result: Omit<PeriodResult, "explanation"> = Object.assign({}, p, { citations, notes });
  const explainer = new Explainer();
  explainer.add(periodStepSpec(result, `period.${p.unit}`, {
    zh: `期间：${p.start} 起 ${p.count} ${UNIT_TEXT[p.unit].zh}`,
    en: `period: ${unitCount(p.count, p.unit)} from ${p.start}`,
  }));
  return Object.freeze(Object.assign({}, result, { explanation: explainer.toExplanation() }));
}

/**
 * The explanation step of a period, for a rule that embeds it in its own explanation: the inputs (start, count,
 * unit), the result (deadline, first day, nominal end, extension) and the citations and notes.
 *
 * @example
 * ```ts
 * const p = calendarDayPeriod(accidentDate, 30);
 * ctx.explainer.add(periodStepSpec(p, "liability.platform-period", { zh: "平台申请期限", en: "platform's period" },
 *   { parameters: [ctx.param("timeLimit.platformApplication").used] }));
 * ```
 */
export function periodStepSpec(p: Omit<PeriodResult, "explanation">, rule: string, title: Bilingual, extra: { parameters?: StepSpec["parameters"]; notes?: readonly Bilingual[]; inputs?: Record<string, Json> } = {}): StepSpec {
  const result: { [k: string]: Json } = {
    deadline: p.deadline,
    firstDay: p.firstDay,
    nominalEnd: p.nominalEnd,
    extendedFrom: p.extension === null ? null : p.extension.from,
  };
  if (p.unit === "working-day") result.restDaysSkipped = p.restDaysSkipped.length;
  if (p.extension !== null) result.restDaysPassed = p.extension.restDays.map((d) => d.date);
  return {
    rule,
    title,
    citations: p.citations,
    inputs: { start: p.start, count: p.count, unit: p.unit, ...(extra.inputs ?? {}) },
    ...(extra.parameters === undefined ? {} : { parameters: extra.parameters }),
    result,
    notes: [...(extra.notes ?? []), ...p.notes],
  };
}

function start(startDate: string, options: PeriodOptions): { d: CivilDate; n: number; path: ErrorPath } {
  if (typeof options !== "object" || options === null) throw invalidInput(["options"], "options must be an object", "options 应为对象");
  const path = options.path ?? ["start"];
  const d = parseIsoDate(startDate, path);
  return { d, n: toDayNumber(d), path };
}

function calendarOf(options: PeriodOptions): WorkingDayCalendar {
  return options.calendar === undefined ? calendarFromOptions(options) : asCalendar(options.calendar);
}

/**
 * A period of `days` calendar days (日) from the event on `startDate`: the start is excluded, the period ends
 * `days` days later, and a last day that is a rest day moves to the first working day after it.
 *
 * @example
 * ```ts
 * // accident 2026-09-03; the platform applies within 30 days: 30 days end on 2026-10-03, a National Day
 * // holiday, so the period ends on 2026-10-08 (the holiday runs 1–7 October).
 * calendarDayPeriod("2026-09-03", 30).deadline; // "2026-10-08"
 * ```
 */
export function calendarDayPeriod(startDate: string, days: number, options: PeriodOptions = {}): PeriodResult {
  const s = start(startDate, options);
  checkCount(days, "day");
  const nominal = s.n + days;
  return closeByEnd(s, nominal, days, "day", DAY_CITATIONS, options, () => ({
    zh: `开始当日 ${startDate} 不计入，自次日起算 ${days} 日，至 ${formatIsoDate(fromDayNumber(nominal))}`,
    en: `the starting day ${startDate} is not counted; the period of ${unitCount(days, "day")} counted from the next day ends on ${formatIsoDate(fromDayNumber(nominal))}`,
  }));
}

/**
 * A period of `months` months from the event on `startDate`: it ends on the corresponding day of the last month
 * (that month's last day where it has none), then the rest-day extension unless `restDayExtension: false`.
 *
 * @example
 * ```ts
 * monthPeriod("2026-08-31", 1).deadline;                               // "2026-09-30"
 * monthPeriod("2026-07-15", 12, { restDayExtension: false }).deadline; // "2027-07-15" (no calendar needed)
 * ```
 */
export function monthPeriod(startDate: string, months: number, options: PeriodOptions = {}): PeriodResult {
  const s = start(startDate, options);
  checkCount(months, "month");
  const end = addMonths(s.d, months);
  const corresponding = end.day === s.d.day;
  return closeByEnd(s, toDayNumber(end), months, "month", MONTH_YEAR_CITATIONS, options, () => ({
    zh: corresponding
      ? `开始当日 ${startDate} 不计入；${months} 个月的到期月对应日为 ${formatIsoDate(end)}`
      : `开始当日 ${startDate} 不计入；到期月没有对应日，以月末日 ${formatIsoDate(end)} 为最后一日`,
    en: corresponding
      ? `the starting day ${startDate} is not counted; the period of ${unitCount(months, "month")} ends on the corresponding day ${formatIsoDate(end)}`
      : `the starting day ${startDate} is not counted; the last month has no corresponding day, so the period ends on its last day ${formatIsoDate(end)}`,
  }));
}

/**
 * A period of `years` years from the event on `startDate`: the corresponding day (28 February for a 29 February
 * start in a common year), then the rest-day extension unless `restDayExtension: false`.
 *
 * @example
 * ```ts
 * // Shanghai's cap on an extended application (工伤保险条例第十七条): one year from a 2025-10-04 accident
 * // ends on 2026-10-04, a National Day holiday, so on 2026-10-08.
 * yearPeriod("2025-10-04", 1).deadline; // "2026-10-08"
 * ```
 */
export function yearPeriod(startDate: string, years: number, options: PeriodOptions = {}): PeriodResult {
  const s = start(startDate, options);
  checkCount(years, "year");
  const end = addYears(s.d, years);
  const corresponding = end.day === s.d.day;
  return closeByEnd(s, toDayNumber(end), years, "year", MONTH_YEAR_CITATIONS, options, () => ({
    zh: corresponding
      ? `开始当日 ${startDate} 不计入；${years} 年的到期月对应日为 ${formatIsoDate(end)}`
      : `开始当日 ${startDate} 不计入；到期月没有对应日，以月末日 ${formatIsoDate(end)} 为最后一日`,
    en: corresponding
      ? `the starting day ${startDate} is not counted; the period of ${unitCount(years, "year")} ends on the corresponding day ${formatIsoDate(end)}`
      : `the starting day ${startDate} is not counted; no corresponding day, so the period ends on the month's last day ${formatIsoDate(end)}`,
  }));
}

function closeByEnd(
  s: { d: CivilDate; n: number; path: ErrorPath },
  nominal: number,
  count: number,
  unit: PeriodUnit,
  citations: readonly Citation[],
  options: PeriodOptions,
  counted: () => Bilingual,
): PeriodResult {
  const extendOverRest = options.restDayExtension ?? true;
  const explain = options.explain !== false;
  const base = {
    start: formatIsoDate(s.d),
    firstDay: formatIsoDate(addDays(s.d, 1)),
    count,
    unit,
    nominalEnd: formatIsoDate(fromDayNumber(nominal)),
    restDayExtension: extendOverRest,
    restDaysSkipped: [] as SkippedRestDay[],
  };
  if (!extendOverRest) {
    return finishPeriod(Object.assign({}, base, { // not a spread: see finishPeriod
      deadline: base.nominalEnd,
      extension: null,
      calendarSources: [],
      citations: explain ? citations.filter((c) => c.article !== 203) : [],
      notes: explain ? [counted(), {
        zh: "本期间为持续期间而非行为期限，不适用最后一日遇休息日顺延的规定，无需节假日安排",
        en: "a duration, not a time limit for an act: no rest-day extension, so no holiday calendar is needed",
      }] : [],
    }), explain);
  }
  const calendar = calendarOf(options);
  const { deadline, extension } = extend(nominal, calendar, s.path);
  return finishPeriod(Object.assign({}, base, {
    deadline: formatIsoDate(fromDayNumber(deadline)),
    extension,
    calendarSources: calendar.sourcesBetween(nominal, deadline),
    citations,
    notes: !explain ? [] : [counted(), ...(extension === null ? [{
      zh: `最后一日 ${base.nominalEnd} 为工作日，不顺延`,
      en: `the last day ${base.nominalEnd} is a working day: no extension`,
    }] : [])],
  }), explain);
}

/**
 * A period of `days` working days (工作日) from the event on `startDate`: counting starts the day after and
 * counts working days only (adjusted weekend working days included, official days off and ordinary weekends
 * excluded); the deadline is the last working day counted.
 *
 * @example
 * ```ts
 * // application received 2026-09-28; confirmation within 7 working days: 29, 30 September, then National
 * // Day (1–7 October), 8, 9, 10 (Saturday, 调休上班), 12, 13 October.
 * workingDayPeriod("2026-09-28", 7).deadline; // "2026-10-13"
 * ```
 */
export function workingDayPeriod(startDate: string, days: number, options: PeriodOptions = {}): PeriodResult {
  const s = start(startDate, options);
  checkCount(days, "working-day");
  const calendar = calendarOf(options);
  const skipped: SkippedRestDay[] = [];
  let d = s.n;
  let left = days;
  while (left > 0) {
    d++;
    const kind = restKind(calendar.kindOfDay(d, s.path));
    if (kind === null) left--;
    else skipped.push({ date: formatIsoDate(fromDayNumber(d)), kind });
  }
  const deadline = formatIsoDate(fromDayNumber(d));
  const explain = options.explain !== false;
  const official = explain ? skipped.filter((x) => x.kind === "official-day-off") : [];
  const notes: Bilingual[] = !explain ? [] : [{
    zh: `自 ${formatIsoDate(addDays(s.d, 1))} 起计算 ${days} 个工作日，至 ${deadline}；其间跳过休息日 ${skipped.length} 天${official.length === 0 ? "" : `（其中法定放假日：${listDays(official)}）`}`,
    en: `the period of ${unitCount(days, "working-day")} counted from ${formatIsoDate(addDays(s.d, 1))} ends on ${deadline}; ${skipped.length} rest day${skipped.length === 1 ? "" : "s"} passed over${official.length === 0 ? "" : ` (official days off: ${listDays(official)})`}`,
  }];
  return finishPeriod({
    start: formatIsoDate(s.d),
    firstDay: formatIsoDate(addDays(s.d, 1)),
    count: days,
    unit: "working-day",
    nominalEnd: deadline,
    restDayExtension: false,
    deadline,
    extension: null,
    restDaysSkipped: skipped,
    calendarSources: calendar.sourcesBetween(s.n + 1, d),
    citations: WORKING_DAY_CITATIONS,
    notes,
  }, explain);
}

/**
 * Any period by its spec: dispatches to {@link calendarDayPeriod}, {@link workingDayPeriod},
 * {@link monthPeriod} or {@link yearPeriod}.
 *
 * @example
 * ```ts
 * computePeriod("2026-08-03", { count: 30, unit: "day" }).deadline; // "2026-09-02"
 * ```
 */
export function computePeriod(startDate: string, spec: PeriodSpec, options: PeriodOptions = {}): PeriodResult {
  switch (checkSpec(spec).unit) {
    case "day":
      return calendarDayPeriod(startDate, spec.count, options);
    case "working-day":
      return workingDayPeriod(startDate, spec.count, options);
    case "month":
      return monthPeriod(startDate, spec.count, options);
    case "year":
      return yearPeriod(startDate, spec.count, options);
    default:
      throw invalidInput(["unit"], `unknown period unit; expected one of ${PERIOD_UNITS.join(", ")}`, `未知期间单位，应为 ${PERIOD_UNITS.join("、")} 之一`);
  }
}

/** A period spec from a JavaScript caller is an object (`INVALID_INPUT` otherwise). */
function checkSpec(spec: PeriodSpec): PeriodSpec {
  if (typeof spec !== "object" || spec === null) throw invalidInput([], "a period is { count, unit }", "期间应为 { count, unit }");
  return spec;
}

/**
 * Renders a period spec in both languages.
 *
 * @example
 * ```ts
 * describePeriod({ count: 30, unit: "day" }).en; // "30 calendar days"
 * describePeriod({ count: 15, unit: "working-day" }).zh; // "15个工作日"
 * ```
 */
export function describePeriod(spec: PeriodSpec): Bilingual {
  checkSpec(spec);
  if (!(PERIOD_UNITS as readonly unknown[]).includes(spec.unit)) {
    throw invalidInput(["unit"], `unknown period unit; expected one of ${PERIOD_UNITS.join(", ")}`, `未知期间单位，应为 ${PERIOD_UNITS.join("、")} 之一`);
  }
  if (!Number.isSafeInteger(spec.count) || spec.count < 0) throw invalidInput(["count"], "the count is a whole number", "期间数应为整数");
  return { zh: `${spec.count}${UNIT_TEXT[spec.unit].zh}`, en: unitCount(spec.count, spec.unit) };
}

