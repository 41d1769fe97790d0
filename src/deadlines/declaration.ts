/**
 * The monthly declaration deadline of the occupational-injury premium (REFERENCE B3).
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
 * `declarationMonth` is the month in which the declaration falls: "2026-01" declares December 2025's orders and is
 * due on 2026-01-20.
 */
import { z } from "zod";
import { cite, type Citation } from "../core/citation.js";
import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, daysInMonth } from "../core/dates.js";
import { invalidInput, type ErrorPath } from "../core/errors.js";
import type { Bilingual } from "../core/params.js";
import { RuleSetRegistry, resolveRuleSetInput, type RuleContext, type RuleSet, type RuleSetInput } from "../provinces/index.js";
import { defineRule, type RuleFunction } from "../provinces/rule.js";
import { asCalendar, calendarFromOptions, type CalendarYearSource, type WorkingDayCalendar } from "../calendar/calendar.js";
import { describeTimeLimitValue, TIME_LIMITS } from "./limits.js";

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month `YYYY-MM` (years 1900–2199). */
export const monthSchema = z
  .string()
  .max(7)
  .regex(MONTH_RE, "expected a month as YYYY-MM")
  .refine((s) => Number(s.slice(0, 4)) >= 1900 && Number(s.slice(0, 4)) <= 2199, "year out of range 1900–2199");

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
  asCalendar(calendar);
  if (!Number.isInteger(year) || year < 1900 || year > 2199 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw invalidInput(path, "expected a year from 1900 to 2199 and a month from 1 to 12", "年份应为1900至2199，月份应为1至12");
  }
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > daysInMonth(year, month)) {
    throw invalidInput(["dueDay"], "the due day must be a day of the month", "申报期限日应为当月的某一日");
  }
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
    deadline = due + 1;
    while (isRest(deadline)) deadline++;
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

