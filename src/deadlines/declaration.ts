/**
 * The monthly declaration deadline of the occupational-injury premium (docs/sources.md#B3).
 *
 * - Qinghai 实施办法 第八条第一款: "每月15日前（最后一日是法定节假日的，以休假日期满的次日为申报期限的最后一日；
 *   在申报期内有连续3日以上法定节假日的，按节假日天数顺延）";
 * - Shanghai 规程 第十四条第一款: "于月份终了之日起15日内（最后一日是法定假日的，以休假日期满的次日为申报期限
 *   的最后一日；在申报期内有连续3日以上法定假日的，按休假日天数顺延）";
 * - Guangxi, Inner Mongolia, Zhejiang: no text; the premium is collected by the tax authority under the same words
 *   of 《税收征收管理法实施细则》第一百零九条, so the national rule applies.
 *
 * The rule, as the tax authority applies it in its published yearly calendars (checked against all 36 months of
 * 2024–2026 in test/deadlines/declaration.test.ts):
 *
 * 1. Rest days are the official days off plus the Saturdays and Sundays that are not adjusted working days.
 *    A **rest period** is a maximal run of consecutive rest days containing at least one official day off
 *    (weekend days contiguous with the holiday belong to it — "与周末连休"; an ordinary weekend alone is none).
 * 2. In the declaration period (the 1st to the 15th), N = the days of the rest periods whose run *inside the
 *    period* is 3 days or more.
 * 3. If N ≥ 3, the deadline is the 15th plus N working days, counted after the 15th (even when the 15th is itself
 *    a rest day). Otherwise, if the 15th is a rest day, the first working day after it; otherwise the 15th.
 *
 * The due day (the 15th above) is the parameter `timeLimit.monthlyDeclaration`; with `holiday: "next-working-day"`
 * (a rule set's or a caller's) only a due day on a rest day moves, to the next working day. The province's own
 * article is its rule text `declaration.monthly`.
 *
 * `declarationMonth` is the month in which the declaration falls: "2026-01" declares December 2025's orders and is
 * due on 2026-01-20.
 */
import { z } from "zod";
import { cite, type Citation } from "../core/citation.js";
import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, daysInMonth } from "../core/dates.js";
import { addMonths, formatYearMonth, monthSchema, parseYearMonth } from "../core/months.js";

import { invalidInput, type ErrorPath } from "../core/errors.js";
import type { Bilingual } from "../core/params.js";
import { RuleSetRegistry, resolveRuleSetInput, type RuleContext, type RuleSet, type RuleSetInput } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { asCalendar, calendarFromOptions, workingDayFrom, type CalendarYearSource, type WorkingDayCalendar } from "../calendar/calendar.js";
import { describeTimeLimitValue, TIME_LIMITS } from "./limits.js";

/** The declaration month's schema: the library's one month schema (core/months). */
export { monthSchema };


export const declarationInputSchema = z.lazy(() => z.strictObject({
  /** The month in which the declaration falls (`YYYY-MM`); it declares the previous month's orders. */
  declarationMonth: monthSchema,
}));
/** The input of {@link computeDeclarationDeadline} (JSON Schema: schemas/declaration-deadline.json, `input`). */
export type DeclarationInput = z.input<typeof declarationInputSchema>;

/** A rest period that overlaps the declaration period. */
export interface DeclarationRestPeriod {
  /** First and last day of the run as far as it lies in the month (and the loaded calendar). */
  readonly from: string;
  readonly to: string;
  /** Days of the run inside the declaration period (1st to the due day). */
  readonly daysInPeriod: number;
  /** Whether the run counts towards the deferral (3 days or more inside the period). */
  readonly counted: boolean;
}

/** How the deadline was reached. */
export type DeclarationRule =
  /** The due day itself. */
  | "due-day"
  /** The due day is a rest day: the first working day after it. */
  | "last-day-rest"
  /** 3 or more holiday days in the period: the due day plus that many working days. */
  | "holiday-deferral";

/** The monthly declaration deadline, how it was reached, and the rest periods that deferred it. */
export interface DeclarationDeadline {
  /** The last day to declare and pay. */
  readonly deadline: string;
  readonly declarationMonth: string;
  /** The month whose orders are declared (the month before). */
  readonly orderMonth: string;
  /** The first day of the declaration period. */
  readonly periodStart: string;
  /** The due day before any deferral (the 15th). */
  readonly nominalDeadline: string;
  /** N: days of rest periods of 3 days or more inside the period. */
  readonly holidayDaysInPeriod: number;
  readonly restPeriods: readonly DeclarationRestPeriod[];
  readonly rule: DeclarationRule;
}

/** The pure calendar part of the rule, without province or explanation. */
export interface TaxDeadlineDetail {
  readonly deadline: string;
  readonly periodStart: string;
  readonly nominalDeadline: string;
  readonly holidayDaysInPeriod: number;
  readonly restPeriods: readonly DeclarationRestPeriod[];
  readonly rule: DeclarationRule;
  readonly calendarSources: readonly CalendarYearSource[];
}

function iso(n: number): string {
  return formatIsoDate(fromDayNumber(n));
}

/** The arguments of a monthly due-date rule: a calendar, a year from 1900 to 2199, a month, a day of that month. */
function checkDueDay(year: number, month: number, dueDay: number, calendar: WorkingDayCalendar, path: ErrorPath): void {
  asCalendar(calendar);
  if (!Number.isInteger(year) || year < 1900 || year > 2199 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw invalidInput(path, "expected a year from 1900 to 2199 and a month from 1 to 12", "年份应为1900至2199，月份应为1至12");
  }
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > daysInMonth(year, month)) {
    throw invalidInput(["dueDay"], "the due day must be a day of the month", "申报期限日应为当月的某一日");
  }
}

/**
 * The tax authority's deadline rule (《税收征收管理法实施细则》第一百零九条 as published each year) for a period
 * running from the 1st to `dueDay` of `year`-`month`. Needs the calendar of the month (and of the next month when
 * the deferral runs past its end); otherwise `CALENDAR_NOT_COVERED` at `path`.
 *
 * @example
 * ```ts
 * taxDeclarationDeadline(2026, 10, 15, BUNDLED_CALENDAR).deadline; // "2026-10-26" (1–7 October off: 7 days)
 * taxDeclarationDeadline(2024, 6, 15, BUNDLED_CALENDAR).deadline;  // "2024-06-19" (8–10 June: 3 days)
 * ```
 */
export function taxDeclarationDeadline(
  year: number,
  month: number,
  dueDay: number,
  calendar: WorkingDayCalendar,
  path: ErrorPath = ["declarationMonth"],
): TaxDeadlineDetail {
  checkDueDay(year, month, dueDay, calendar, path);
  const first = toDayNumber({ year, month, day: 1 });
  const due = first + dueDay - 1;
  const monthEnd = first + daysInMonth(year, month) - 1;
  const isRest = (d: number) => !calendar.isWorkingDayNumber(d, path);
  const isOff = (d: number) => calendar.kindOfDay(d, path) === "official-day-off";
  const covered = (d: number) => calendar.years().includes(fromDayNumber(d).year);

  // Runs of rest days that touch the declaration period.
  const restPeriods: DeclarationRestPeriod[] = [];
  let d = first;
  while (d <= due) {
    if (!isRest(d)) {
      d++;
      continue;
    }
    let a = d;
    while (a - 1 >= first - 31 && covered(a - 1) && isRest(a - 1)) a--;
    let b = d;
    while (b + 1 <= monthEnd && isRest(b + 1)) b++;
    let hasOff = false;
    for (let x = a; x <= b; x++) if (isOff(x)) hasOff = true;
    const inPeriod = Math.min(b, due) - Math.max(a, first) + 1;
    if (hasOff) restPeriods.push({ from: iso(a), to: iso(b), daysInPeriod: inPeriod, counted: inPeriod >= 3 });
    d = b + 1;
  }
  const n = restPeriods.filter((r) => r.counted).reduce((s, r) => s + r.daysInPeriod, 0);
  let deadline: number;
  let rule: DeclarationRule;
  if (n >= 3) {
    rule = "holiday-deferral";
    deadline = due;
    let left = n;
    while (left > 0) {
      deadline++;
      if (!isRest(deadline)) left--;
    }
  } else if (isRest(due)) {
    rule = "last-day-rest";
    deadline = workingDayFrom(calendar, due + 1, path);
  } else {
    rule = "due-day";
    deadline = due;
  }
  return {
    deadline: iso(deadline),
    periodStart: iso(first),
    nominalDeadline: iso(due),
    holidayDaysInPeriod: n,
    restPeriods,
    rule,
    calendarSources: calendar.sourcesBetween(first, deadline),
  };
}

/**
 * A monthly due day moved only over rest days (`holiday: "next-working-day"`): the `dueDay` of `year`-`month`,
 * or the first working day after it. No rest period defers it (`holidayDaysInPeriod` 0). Needs the calendar from
 * the due day to the deadline; otherwise `CALENDAR_NOT_COVERED` at `path`.
 *
 * @example
 * ```ts
 * nextWorkingDayDeadline(2026, 10, 5, BUNDLED_CALENDAR).deadline; // "2026-10-08" (1–7 October off)
 * nextWorkingDayDeadline(2026, 8, 5, BUNDLED_CALENDAR).rule;      // "due-day"
 * ```
 */
export function nextWorkingDayDeadline(
  year: number,
  month: number,
  dueDay: number,
  calendar: WorkingDayCalendar,
  path: ErrorPath = ["declarationMonth"],
): TaxDeadlineDetail {
  checkDueDay(year, month, dueDay, calendar, path);
  const first = toDayNumber({ year, month, day: 1 });
  const due = first + dueDay - 1;
  const deadline = workingDayFrom(calendar, due, path);
  return {
    deadline: iso(deadline),
    periodStart: iso(first),
    nominalDeadline: iso(due),
    holidayDaysInPeriod: 0,
    restPeriods: [],
    rule: deadline === due ? "due-day" : "last-day-rest",
    calendarSources: calendar.sourcesBetween(due, deadline),
  };
}

const TAX_RULES: Citation = cite("tax-collection-rules", { article: 109 });

/**
 * The rule set's own article on the monthly declaration (its rule text `declaration.monthly`; none for the
 * provinces without text), in the version in force on `asOf` or the newest. In a rule,
 * `ctx.text("declaration.monthly").citations` gives the same for the version in use.
 *
 * @example
 * ```ts
 * declarationCitations("qinghai").map((c) => c.article); // [8]
 * declarationCitations("guangxi"); // []
 * ```
 */
export function declarationCitations(rules: RuleSetInput, asOf?: string): Citation[] {
  const versions = resolveRuleSetInput(rules);
  let rs = versions[versions.length - 1] as RuleSet;
  if (asOf !== undefined) {
    parseIsoDate(asOf, ["asOf"]);
    rs = RuleSetRegistry.empty().with(...versions).select(rs.province, asOf, ["asOf"]);
  }
  return [...(rs.rules["declaration.monthly"]?.citations ?? [])];
}

type ParsedDeclaration = z.output<typeof declarationInputSchema>;

/**
 * The deadline of the monthly premium declaration that falls in `declarationMonth` (docs/sources.md#B3). The version
 * used is the one in force on the last day of the order month (the month before; `RULE_NOT_IN_FORCE` before the
 * rules' start); the declaration month must be covered by the holiday calendars (`CALENDAR_NOT_COVERED`; add
 * years through `options.calendars`). The due day and how a rest day moves it are the parameter
 * `timeLimit.monthlyDeclaration` (the tax rule, or `next-working-day` where a rule set says so).
 *
 * @example
 * ```ts
 * computeDeclarationDeadline("shanghai", { declarationMonth: "2026-01" }).value.deadline; // "2026-01-20"
 * computeDeclarationDeadline("qinghai", { declarationMonth: "2026-10" }).value.deadline;  // "2026-10-26"
 * ```
 */
export const computeDeclarationDeadline: RuleFunction<DeclarationInput, DeclarationDeadline> = defineRule({
  kind: "declaration-deadline",
  title: { zh: "按月申报缴纳期限", en: "monthly declaration deadline" },
  functionName: "computeDeclarationDeadline",
  input: declarationInputSchema,
  caseDate: (i) => {
    const m = parseYearMonth(i.declarationMonth, ["declarationMonth"]);
    // 1900-01 declares 1899-12, before the supported dates: refuse it as the caller's field, with the range
    if (m.year === 1900 && m.month === 1) {
      throw invalidInput(
        ["declarationMonth"],
        `declarationMonth ${i.declarationMonth} is out of the supported range 1900-02 – 2199-12 (it declares the orders of the month before, from 1900-01)`,
        `declarationMonth ${i.declarationMonth} 超出支持范围 1900-02 至 2199-12（申报的是上月的订单，最早为 1900-01）`,
      );
    }
    const lastOrderDay = toDayNumber({ year: m.year, month: m.month, day: 1 }) - 1;
    return { date: iso(lastOrderDay), path: ["declarationMonth"], label: { zh: "申报所属月份（上月）末日", en: "last day of the order month declared" } };
  },
  compute: declarationDeadline,
});

function declarationDeadline(ctx: RuleContext, i: ParsedDeclaration): DeclarationDeadline {
  const { year, month } = parseYearMonth(i.declarationMonth, ["declarationMonth"]);
  const orderMonth = formatYearMonth(addMonths({ year, month }, -1));

  const calendar = calendarFromOptions(ctx.options);
  const due = ctx.param("timeLimit.monthlyDeclaration");
  const taxRule = due.value.holiday === "tax-declaration";
  // The rule-set schema bounds the day to 1–28 (every month has it), so the due day cannot be refused here.
  const detail: TaxDeadlineDetail = taxRule
    ? taxDeclarationDeadline(year, month, due.value.day, calendar)
    : nextWorkingDayDeadline(year, month, due.value.day, calendar);
  const own = ctx.text("declaration.monthly").citations;
  const basis = taxRule ? [...own, TAX_RULES] : [...own];
  const dueText = describeTimeLimitValue(TIME_LIMITS["monthly-declaration"], due.value);

  const period = `${detail.periodStart} – ${detail.nominalDeadline}`;
  ctx.explainer.add({
    rule: "declaration.period",
    title: { zh: "按月申报缴纳：申报期", en: "monthly declaration: the declaration period" },
    citations: basis,
    inputs: { declarationMonth: i.declarationMonth },
    parameters: [due.used],
    result: { orderMonth, periodStart: detail.periodStart, nominalDeadline: detail.nominalDeadline },
    notes: [{
      zh: `${i.declarationMonth} 申报 ${orderMonth} 的订单；申报期限为${dueText.zh}，申报期为 ${period}`,
      en: `the declaration in ${i.declarationMonth} covers the orders of ${orderMonth}; it is due on ${dueText.en}, the declaration period is ${period}`,
    }],
  });

  // a caller's year has the notice "caller": each language says so in its own words
  const sourcesIn = (zh: boolean): string => detail.calendarSources
    .map((s) => `${s.year}: ${s.notice === "caller" ? (zh ? "调用方提供" : "supplied by the caller") : s.notice}`).join(zh ? "；" : "; ");
  const sourceCitations = detail.calendarSources.flatMap((s) => (s.document === null ? [] : [cite(s.document)]));
  if (taxRule) {
    const runs = detail.restPeriods.map((r) => `${r.from}…${r.to}: ${r.daysInPeriod}${r.counted ? "" : " (<3)"}`);
    ctx.explainer.add({
      rule: "declaration.holiday-days",
      title: { zh: "申报期内连续3日以上的法定休假日", en: "runs of 3 or more holiday days in the period" },
      citations: [TAX_RULES, ...sourceCitations],
      inputs: { period },
      result: { restPeriods: runs, holidayDaysInPeriod: detail.holidayDaysInPeriod },
      notes: [
        {
          zh: "休息日为法定放假日及非调休上班的周六、周日；含至少一个法定放假日的连续休息日为一个休假期（与周末连休的周末计入），单纯的周末不构成休假期；只计算申报期内连续3日以上的部分",
          en: "rest days are official days off and Saturdays/Sundays that are not adjusted working days; a run of rest days containing an official day off is a rest period (weekend days joined to it count); an ordinary weekend is none; only runs of 3 or more days inside the period count",
        },
        { zh: `节假日安排：${sourcesIn(true)}`, en: `holiday schedules: ${sourcesIn(false)}` },
      ],
    });
  }

  const how: Record<DeclarationRule, Bilingual> = {
    "holiday-deferral": {
      zh: `申报期内有连续3日以上法定休假日共 ${detail.holidayDaysInPeriod} 天，自 ${detail.nominalDeadline} 之后顺延 ${detail.holidayDaysInPeriod} 个工作日至 ${detail.deadline}`,
      en: `${detail.holidayDaysInPeriod} holiday days in runs of 3 or more lie in the period: ${detail.holidayDaysInPeriod} working days after ${detail.nominalDeadline}, i.e. ${detail.deadline}`,
    },
    "last-day-rest": taxRule
      ? {
        zh: `最后一日 ${detail.nominalDeadline} 为休息日，以休假日期满的次日 ${detail.deadline} 为最后一日`,
        en: `the last day ${detail.nominalDeadline} is a rest day: the first working day after it, ${detail.deadline}`,
      }
      : {
        zh: `最后一日 ${detail.nominalDeadline} 为休息日，顺延至其后第一个工作日 ${detail.deadline}`,
        en: `the last day ${detail.nominalDeadline} is a rest day: moved to the first working day after it, ${detail.deadline}`,
      },
    "due-day": taxRule
      ? {
        zh: `申报期内无连续3日以上法定休假日，最后一日 ${detail.nominalDeadline} 为工作日`,
        en: `no run of 3 or more holiday days in the period and ${detail.nominalDeadline} is a working day`,
      }
      : { zh: `最后一日 ${detail.nominalDeadline} 为工作日`, en: `the last day ${detail.nominalDeadline} is a working day` },
  };
  ctx.explainer.add({
    rule: "declaration.deadline",
    title: { zh: "申报缴纳期限", en: "declaration deadline" },
    citations: taxRule ? basis : [...basis, ...sourceCitations],
    inputs: { nominalDeadline: detail.nominalDeadline, holidayDaysInPeriod: detail.holidayDaysInPeriod },
    result: detail.deadline,
    notes: taxRule ? [how[detail.rule]] : [how[detail.rule], { zh: `节假日安排：${sourcesIn(true)}`, en: `holiday schedules: ${sourcesIn(false)}` }],
  });

  return {
    deadline: detail.deadline,
    declarationMonth: i.declarationMonth,
    orderMonth,
    periodStart: detail.periodStart,
    nominalDeadline: detail.nominalDeadline,
    holidayDaysInPeriod: detail.holidayDaysInPeriod,
    restPeriods: detail.restPeriods,
    rule: detail.rule,
  };
}
