/**
 * Computing one time limit of the catalogue (the `time-limit` scenario kind): a `period` or `duration` from the
 * day of its event, a `monthly` limit in a month, an `annual` limit in a year. What each limit is lives in
 * src/deadlines/limits.ts; the value is the rule set's parameter (overrides included), and every text states the
 * value actually used.
 */
import { z } from "zod";
import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber } from "../core/dates.js";
import { invalidInput } from "../core/errors.js";
import type { Bilingual } from "../core/params.js";
import { dateSchema } from "../core/validate.js";
import { RuleContext, type ParamValue, type RuleSet } from "../provinces/index.js";
import { appliesOn } from "../provinces/registry.js";
import { defineRule, type CaseDateOf, type RuleFunction } from "../provinces/rule.js";
import { calendarFromOptions, workingDayFrom } from "../calendar/calendar.js";
import { computePeriod, periodStepSpec, type PeriodResult, type PeriodSpec } from "../calendar/periods.js";
import type { Json, UsedParameter } from "../core/explain.js";
import { nextWorkingDayDeadline, taxDeclarationDeadline } from "./declaration.js";
import { monthSchema, parseYearMonth } from "../core/months.js";
import { TIME_LIMIT_IDS, TIME_LIMITS, type TimeLimitDefinition, type TimeLimitId } from "./limits.js";

export const timeLimitInputSchema = z.lazy(() => z.strictObject({
  limit: z.enum(TIME_LIMIT_IDS),
  /** For a `period` or `duration`: the day of the event it runs from. */
  from: dateSchema.optional(),
  /** For a `monthly` limit: the month (`YYYY-MM`) it falls in. */
  month: monthSchema.optional(),
  /** For an `annual` limit: the year it falls in. */
  year: z.number().int().min(1900).max(2199).optional(),
}));
/** The input of {@link computeTimeLimit} (JSON Schema: schemas/time-limit.json, `input`). */
export type TimeLimitInput = z.input<typeof timeLimitInputSchema>;
type ParsedInput = z.output<typeof timeLimitInputSchema>;

/** One time limit computed: its last day, and whether it was extended past rest days or deferred. */
export interface TimeLimitResult {
  readonly limit: TimeLimitId;
  readonly deadline: string;
  /** The nominal last day before any extension or deferral. */
  readonly nominalDeadline: string;
  readonly extended: boolean;
}

function iso(n: number): string {
  return formatIsoDate(fromDayNumber(n));
}

/** The step notes every limit run from an event carries: its start, the definition's note, the rule set's words. */
export function limitNotes(ctx: RuleContext, def: TimeLimitDefinition): Bilingual[] {
  return [
    { zh: `起算：${def.from.zh}`, en: `runs from: ${def.from.en}` },
    ...(def.note === undefined ? [] : [def.note]),
    ...ctx.text(def.param).notes,
  ];
}

/**
 * The step of a time limit computed by `computePeriod`: the period's step with the limit's notes (then `extra`),
 * its parameter and the rule set's own citations of it — built only when explaining (`addLazily`).
 */
export function addPeriodStep(
  ctx: RuleContext, def: TimeLimitDefinition, period: Omit<PeriodResult, "explanation">, rule: string, used: UsedParameter,
  extra: { inputs?: Record<string, Json>; notes?: readonly Bilingual[] } = {},
): void {
  ctx.explainer.addLazily([used], () => {
    const spec = periodStepSpec(period, rule, def.title, {
      ...(extra.inputs === undefined ? {} : { inputs: extra.inputs }),
      notes: [...limitNotes(ctx, def), ...(extra.notes ?? [])],
    });
    const own = ctx.text(def.param).citations;
    return own.length === 0 ? spec : { ...spec, citations: [...(spec.citations ?? []), ...own] };
  });
}

/**
 * Before a version is chosen: a limit that no version defines (and no override supplies) is `RULE_NOT_DEFINED`,
 * as reading the parameter would say — the first check, as it always was.
 */
function requireDefined(ctx: RuleContext, def: TimeLimitDefinition): void {
  if (ctx.options.overrides[def.param] !== undefined || ctx.versions.some((v) => v.params[def.param] !== undefined)) return;
  new RuleContext([ctx.versions[ctx.versions.length - 1] as RuleSet], ctx.options).param(def.param);
}

type AnnualValue = ParamValue<"timeLimit.rateNotice">;

function dueDateIn(year: number, v: AnnualValue): string {
  return formatIsoDate({ year, month: v.month, day: v.day });
}

/**
 * The due date of an annual limit in `year`: from the override, or from the version in force on the due date its
 * own value gives (newest first); when none is, the newest version's (choosing the version then says why).
 */
function annualDueDate(ctx: RuleContext, def: TimeLimitDefinition, year: number): string {
  const override = ctx.options.overrides[def.param] as AnnualValue | undefined;
  if (override !== undefined) return dueDateIn(year, override);
  const versions = ctx.versions;
  let newest: string | undefined;
  for (let k = versions.length - 1; k >= 0; k--) {
    const v = versions[k] as RuleSet;
    const p = v.params[def.param];
    if (p === undefined) continue;
    const due = dueDateIn(year, p.value as AnnualValue);
    newest ??= due;
    if (appliesOn(versions, k, due)) return due;
  }
  return newest as string;
}

/** The case date of a limit: the day of the event, the last day of the month before, or the due date. */
function caseDate(i: ParsedInput, ctx: RuleContext): CaseDateOf {
  const def = TIME_LIMITS[i.limit];
  requireDefined(ctx, def);
  if (def.kind === "period" || def.kind === "duration") {
    if (i.from === undefined) throw invalidInput(["from"], `"${def.id}" runs from a date: give "from"`, `“${def.id}”自某日起算，请提供 from`);
    return { date: i.from, path: ["from"], label: { zh: "起算事件日期", en: "date of the starting event" } };
  }
  if (def.kind === "monthly") {
    if (i.month === undefined) throw invalidInput(["month"], `"${def.id}" recurs monthly: give "month"`, `“${def.id}”按月发生，请提供 month`);
    const lastOfPrevious = toDayNumber({ year: Number(i.month.slice(0, 4)), month: Number(i.month.slice(5, 7)), day: 1 }) - 1;
    return { date: iso(lastOfPrevious), path: ["month"], label: { zh: "所涉上月末日", en: "last day of the month concerned" } };
  }
  if (i.year === undefined) throw invalidInput(["year"], `"${def.id}" recurs yearly: give "year"`, `“${def.id}”按年发生，请提供 year`);
  const due = parseIsoDate(annualDueDate(ctx, def, i.year), ["overrides", def.param]);
  return { date: formatIsoDate(due), path: ["year"], label: { zh: "期限日", en: "due date" } };
}

/**
 * Computes one time limit: a `period` or `duration` from `from`, a `monthly` limit in `month`, an `annual` limit
 * in `year`. The version used is the one in force on the day of the event, on the last day of the month before
 * `month`, or on the due date. A limit the rule set does not define is `RULE_NOT_DEFINED`; a date outside the
 * loaded calendars is `CALENDAR_NOT_COVERED` (except for durations and `annual` limits without deferral, which
 * need no calendar).
 *
 * @example
 * ```ts
 * // 3 working days after 2026-09-30: 8, 9 and 10 October (a Saturday made a working day)
 * computeTimeLimit("shanghai", { limit: "conclusion-delivery", from: "2026-09-30" }).value.deadline; // "2026-10-10"
 * computeTimeLimit("qinghai", { limit: "monthly-data-handover", month: "2026-10" }).value.deadline;  // "2026-10-08"
 * computeTimeLimit("shanghai", { limit: "rate-notice", year: 2026 }).value.deadline;                 // "2026-01-05"
 * ```
 */
export const computeTimeLimit: RuleFunction<TimeLimitInput, TimeLimitResult> = defineRule({
  kind: "time-limit",
  title: { zh: "任一期限（期限目录）", en: "any time limit of the catalogue" },
  functionName: "computeTimeLimit",
  input: timeLimitInputSchema,
  caseDate,
  compute: timeLimit,
});

function timeLimit(ctx: RuleContext, i: ParsedInput): TimeLimitResult {
  const def = TIME_LIMITS[i.limit];
  const param = ctx.param(def.param);
  const title = def.title;

  if (def.kind === "period" || def.kind === "duration") {
    const from = i.from as string;
    const period = computePeriod(from, param.value as PeriodSpec, {
      restDayExtension: def.kind === "period",
      path: ["from"],
      explain: ctx.explainer.enabled,
      ...(ctx.options.calendars === undefined ? {} : { calendars: ctx.options.calendars }),
    });
    addPeriodStep(ctx, def, period, `time-limit.${def.id}`, param.used);
    return { limit: def.id, deadline: period.deadline, nominalDeadline: period.nominalEnd, extended: period.extension !== null };
  }

  if (def.kind === "monthly") {
    const month = i.month as string;
    const { year, month: m } = parseYearMonth(month, ["month"]);
    const v = param.value as ParamValue<"timeLimit.monthlyDataHandover">;
    const cal = calendarFromOptions(ctx.options);
    const due = toDayNumber({ year, month: m, day: v.day });
    let deadline: number;
    let notes: Bilingual[];
    if (v.holiday === "tax-declaration") {
      const d = taxDeclarationDeadline(year, m, v.day, cal, ["month"]);
      deadline = toDayNumber(parseIsoDate(d.deadline, ["month"]));
      notes = [{ zh: `申报期内连续3日以上法定休假日 ${d.holidayDaysInPeriod} 天（规则：${d.rule}）`, en: `${d.holidayDaysInPeriod} holiday days in runs of 3+ in the period (rule: ${d.rule})` }];
    } else {
      deadline = toDayNumber(parseIsoDate(nextWorkingDayDeadline(year, m, v.day, cal, ["month"]).deadline, ["month"]));
      notes = [deadline === due
        ? { zh: `${iso(due)} 为工作日`, en: `${iso(due)} is a working day` }
        : { zh: `${iso(due)} 为休息日，顺延至其后第一个工作日 ${iso(deadline)}`, en: `${iso(due)} is a rest day: moved to the first working day after it, ${iso(deadline)}` }];
    }
    const sources = cal.sourcesBetween(due, deadline);
    ctx.explainer.add({
      rule: `time-limit.${def.id}`,
      title,
      citations: [...sources.flatMap((s) => (s.document === null ? [] : [{ doc: s.document }])), ...ctx.text(def.param).citations],
      inputs: { month },
      parameters: [param.used],
      result: { deadline: iso(deadline), nominalDeadline: iso(due) },
      notes: [...notes, { zh: `节假日安排：${sources.map((s) => (s.notice === "caller" ? "调用方提供" : s.notice)).join("；")}`, en: `holiday schedules: ${sources.map((s) => (s.notice === "caller" ? "supplied by the caller" : s.notice)).join("; ")}` }, ...ctx.text(def.param).notes],
    });
    return { limit: def.id, deadline: iso(deadline), nominalDeadline: iso(due), extended: deadline !== due };
  }

  // annual: the due date was the case date, from the value of the version now in use
  const v = param.value as AnnualValue;
  const due = toDayNumber(parseIsoDate(dueDateIn(i.year as number, v), ["overrides", def.param]));
  let deadline = due;
  const notes: Bilingual[] = [];
  if (v.holiday === "next-working-day") {
    deadline = workingDayFrom(calendarFromOptions(ctx.options), due, ["year"]);
    notes.push(deadline === due
      ? { zh: `${iso(due)} 为工作日`, en: `${iso(due)} is a working day` }
      : { zh: `${iso(due)} 为休息日，顺延至 ${iso(deadline)}`, en: `${iso(due)} is a rest day: deferred to ${iso(deadline)}` });
  } else {
    notes.push({ zh: "来源未规定顺延", en: "the source provides no deferral" });
  }
  ctx.explainer.add({
    rule: `time-limit.${def.id}`,
    title,
    citations: ctx.text(def.param).citations,
    inputs: { year: i.year as number },
    parameters: [param.used],
    result: { deadline: iso(deadline), nominalDeadline: iso(due) },
    notes: [...notes, ...ctx.text(def.param).notes],
  });
  return { limit: def.id, deadline: iso(deadline), nominalDeadline: iso(due), extended: deadline !== due };
}
