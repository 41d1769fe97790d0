/**
 * Generates docs/time-limits.md from the code itself: the calendars' sources, the catalogue of every province
 * (values, provenance, citations), an example of every limit computed by the library (and checked against the
 * hand value written here), and the declaration rule's check against the published calendars.
 */
import { BUNDLED_CALENDAR, loadCalendar } from "../../src/calendar/calendar.js";
import { OFFICIAL_HOLIDAY_YEARS } from "../../src/calendar/data.js";
import { computeTimeLimit, TIME_LIMIT_IDS, TIME_LIMITS, timeLimitCatalogue, type TimeLimitId, type TimeLimitInput } from "../../src/deadlines/catalogue.js";
import { taxDeclarationDeadline } from "../../src/deadlines/declaration.js";
import { getRuleSet, PROVINCES, type ProvinceId } from "../../src/provinces/index.js";
import { PUBLISHED, PUBLISHED_2023, PUBLISHED_SOURCES, YEAR_2023 } from "./published-calendars.js";

interface DocExample {
  readonly province: ProvinceId;
  readonly input: Omit<TimeLimitInput, "limit">;
  readonly expected: string;
  readonly how: string;
}

/** One worked example per limit; the generator fails when the library disagrees with `expected`. */
const EXAMPLES: Record<TimeLimitId, DocExample> = {
  "platform-application": { province: "qinghai", input: { from: "2026-09-03" }, expected: "2026-10-08", how: "3 Sep + 30 days = 3 Oct, inside National Day (1–7 Oct) → 8 Oct" },
  "worker-application": { province: "qinghai", input: { from: "2026-09-03" }, expected: "2026-12-02", how: "3 Sep + 90 days = 2 Dec (27 + 31 + 30 + 2), a Wednesday" },
  "application-extension-cap": { province: "shanghai", input: { from: "2025-10-04" }, expected: "2026-10-08", how: "one year: 4 Oct 2026, National Day → 8 Oct" },
  "supplement-materials": { province: "shanghai", input: { from: "2025-12-29" }, expected: "2026-01-06", how: "5 working days: 30, 31 Dec, (1–3 Jan off) 4 Jan (Sunday, 调休上班), 5, 6 Jan (Qinghai: 24 Sep 2026 + 10 days = 4 Oct → 8 Oct)" },
  confirmation: { province: "guangxi", input: { from: "2026-09-28" }, expected: "2026-11-13", how: "30 working days: 29, 30 Sep, 8, 9, 10 (Saturday, 调休上班) Oct … 13 Nov" },
  "confirmation-facts-clear": { province: "qinghai", input: { from: "2026-09-21" }, expected: "2026-10-08", how: "7 working days: 22, 23, 24, (25–27 off) 28, 29, 30 Sep, (1–7 Oct off) 8 Oct" },
  "conclusion-delivery": { province: "shanghai", input: { from: "2026-02-12" }, expected: "2026-02-24", how: "3 working days: 13, 14 (Saturday, 调休上班), (15–23 off) 24 Feb" },
  "reassessment-request": { province: "zhejiang", input: { from: "2026-09-16" }, expected: "2026-10-08", how: "16 Sep + 15 days = 1 Oct, National Day → 8 Oct" },
  "treatment-period": { province: "qinghai", input: { from: "2026-09-03" }, expected: "2027-09-03", how: "12 months to the corresponding day; a duration: no extension, no 2027 calendar needed" },
  "treatment-period-extension": { province: "qinghai", input: { from: "2027-09-03" }, expected: "2028-09-03", how: "at most 12 more months from the end of the treatment period" },
  "sporadic-medical-reimbursement": { province: "qinghai", input: { from: "2026-09-28" }, expected: "2026-10-13", how: "7 working days: 29, 30 Sep, 8, 9, 10 (Saturday), 12, 13 Oct" },
  "benefit-review": { province: "shanghai", input: { from: "2026-09-15" }, expected: "2026-10-19", how: "20 working days: 16, 17, 18, 20 (Sunday, 调休上班), 21–24, 28–30 Sep, 8, 9, 10, 12–16, 19 Oct" },
  "monthly-data-handover": { province: "qinghai", input: { month: "2026-10" }, expected: "2026-10-08", how: "5 Oct is a National Day holiday → the first working day after it" },
  "data-correction": { province: "qinghai", input: { from: "2026-09-30" }, expected: "2026-10-13", how: "5 working days: 8, 9, 10 (Saturday), 12, 13 Oct" },
  "monthly-declaration": { province: "guangxi", input: { month: "2026-02" }, expected: "2026-02-24", how: "only 15 Feb of the 15–23 Feb holiday lies in the period (no deferral); the 15th is a rest day → 24 Feb" },
  "fee-registration": { province: "shanghai", input: { from: "2026-04-30" }, expected: "2026-05-18", how: "10 working days: (1–5 May off) 6, 7, 8, 9 (Saturday, 调休上班), 11–15, 18 May" },
  "rate-determination": { province: "shanghai", input: { year: 2026 }, expected: "2026-12-31", how: "by the end of December; the source provides no deferral" },
  "rate-notice": { province: "shanghai", input: { year: 2025 }, expected: "2025-01-06", how: "5 Jan 2025 is a Sunday → Monday 6 Jan" },
  "prepayment-settlement": { province: "qinghai", input: { from: "2026-07-31" }, expected: "2026-11-02", how: "3 months: 31 Oct, a Saturday → Monday 2 Nov" },
};

const KIND_TEXT = { period: "time limit", duration: "duration (no rest-day extension)", monthly: "monthly", annual: "yearly" } as const;

function cell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

export function renderTimeLimitsDoc(): string {
  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines);
  p(
    "# Time limits",
    "",
    "Generated from the code by `test/deadlines/docs.test.ts` (`UPDATE_DOCS=1 npx vitest run test/deadlines/docs.test.ts`",
    "rewrites it); the test fails when this page and the library disagree, and every example below is computed by the",
    "library and checked against the hand result written beside it.",
    "",
    "Users ask *by which date must this be filed, decided or paid?* The answer depends on China's working-day",
    "calendar, including the weekend days made working days (调休上班), and zhishang refuses to guess outside the",
    "calendars it has.",
    "",
    "API (all named exports of `zhishang`):",
    "",
    "| function | what |",
    "|---|---|",
    "| `isWorkingDay`, `dayKind`, `nextWorkingDay`, `addWorkingDays`, `countWorkingDays` | the working-day calendar |",
    "| `loadCalendar(years)` | the bundled years plus the caller's (the scenario `calendars` field does the same) |",
    "| `calendarDayPeriod`, `workingDayPeriod`, `monthPeriod`, `yearPeriod`, `computePeriod` | periods, each with its explanation |",
    "| `computeDeclarationDeadline` (kind `declaration-deadline`) | the monthly premium declaration |",
    "| `computeClaimDeadlines` (kind `claim-deadlines`) | application, supplement, confirmation, re-assessment, treatment period |",
    "| `computeTimeLimit` (kind `time-limit`), `timeLimitCatalogue` | any limit below, by id |",
    "| `scenarioTimeline`, `renderTimeline` (`zhishang timeline`) | a scenario's dates in order: those supplied, each deadline met, missed or not yet known ([scenarios.md](scenarios.md#timeline-zhishang-timeline)) |",
    "",
    "## The calendar",
    "",
    "Bundled official schedules ([sources B1](sources.md#B1)). A day is a **rest day** when it is an official day off, or a Saturday",
    "or Sunday that is not listed as a working day; every other day is a working day.",
    "",
    "| year | notice | issued | days off | adjusted working days |",
    "|---|---|---|---|---|",
  );
  for (const s of BUNDLED_CALENDAR.sources()) {
    const yearData = getYear(s.year);
    p(`| ${s.year} | ${s.title}（${s.notice}） | ${s.issued ?? "not confirmed"} | ${yearData.off} | ${yearData.work} |`);
  }
  p(
    "",
    "Issue dates are the dates signed on the notices as published by Xinhua (新华社) and reproduced by 人民日报 / 光明网",
    "(2024: 2023-10-25; 2025: 2024-11-12; 2026: 2025-11-04).",
    "",
    "- **Validated when loaded**: dates valid and inside their year; ranges run forwards and do not overlap; adjusted",
    "  working days fall on Saturdays or Sundays, are not days off and do not repeat. A bundled-data defect fails the",
    "  test suite; a caller's mistake is `INVALID_INPUT` with its path (`calendars.0.work.1`).",
    "- **Caller years**: `calendars: [{ \"year\": 2027, \"off\": [[\"2027-01-01\", \"2027-01-01\"]], \"work\": [] }]` in a",
    "  scenario, or `loadCalendar([...])` / `options.calendars` in code. A year given twice is refused; a year that is",
    "  bundled is accepted only when identical to the bundled schedule. Each date is entered under its own year (the",
    "  2023 notice's 2022-12-31 belongs to 2022).",
    "- **Outside the loaded years**: `CALENDAR_NOT_COVERED`, never a weekday-only fallback. Only the days a rule",
    "  actually inspects must be covered: a 30-day period from 2023-12-20 ends on Friday 2024-01-19 and needs no 2023",
    "  schedule; a working-day period from 2026-12-30 needs 2027.",
    "",
    "## Periods ([sources B2](sources.md#B2), 《民法典》第二百零一–二百零四条)",
    "",
    "- **Days, months, years** (第二百零一条): the starting day is not counted; counting starts the next day.",
    "- **Months and years** (第二百零二条): the period ends on the corresponding day of the last month, or on that",
    "  month's last day when it has none (31 January + 1 month → 28 February; 29 February + 1 year → 28 February).",
    "- **Rest-day extension** (第二百零三条): when the last day is a rest day, the period ends on the first working day",
    "  after it (24:00). An adjusted working day is a working day: 30 days from 2026-08-21 end on Sunday",
    "  2026-09-20, a 调休 working day, with no extension.",
    "- **Working days**: counted from the day after the event, working days only; the deadline is always a working day.",
    "- **Durations** — the treatment period (治疗职业伤害期) is how long treatment may last, not a time limit for an",
    "  act: it ends on the corresponding day by the month rule *without* the rest-day extension, so it needs no holiday",
    "  calendar (treatment from 2025-10-04 ends 2026-10-04 although that is a National Day holiday). Its explanation",
    "  says so.",
    "",
    "Every result carries one explanation step: the start, the first day counted, the nominal last day, and any",
    "extension with the rest days passed and why, citing 民法典 and the holiday notice used.",
    "",
    "## The monthly declaration deadline ([sources B3](sources.md#B3))",
    "",
    "Qinghai 实施办法第八条 (\"每月15日前…\") and Shanghai 规程第十四条 (\"月份终了之日起15日内…\") use the words of",
    "《税收征收管理法实施细则》第一百零九条: \"最后一日是法定休假日的，以休假日期满的次日为期限的最后一日；在期限内有",
    "连续3日以上法定休假日的，按休假日天数顺延\". Guangxi, Inner Mongolia and Zhejiang have no text; the premium is",
    "collected by the tax authority under the same rule (provenance `national`).",
    "",
    "The rule zhishang applies — the one that reproduces every published month below:",
    "",
    "1. Rest days are the official days off plus the Saturdays and Sundays that are not adjusted working days. A",
    "   **rest period** is a maximal run of consecutive rest days containing at least one official day off (weekend",
    "   days contiguous with the holiday belong to it, \"与周末连休\"); an ordinary weekend alone is none.",
    "2. In the declaration period (the 1st to the 15th), N = the days of the rest periods whose run **inside the",
    "   period** is 3 days or more.",
    "3. If N ≥ 3, the deadline is the 15th plus N working days, counted after the 15th — even when the 15th is",
    "   itself a rest day. Otherwise, if the 15th is a rest day, the first working day after it; otherwise the 15th.",
    "",
    "`declarationMonth` is the month in which the declaration falls: `2026-01` declares December 2025's orders and is",
    "due on 2026-01-20 (`monthly-premium` calls it with the order month + 1). The rules must be in force on the last",
    "day of the order month (`RULE_NOT_IN_FORCE` otherwise).",
    "",
    "Readings rejected by the published calendars:",
    "",
    "- counting official days off only: 2024-06 would give 06-17 (published 06-19: \"6月8日至10日放假3天\", the",
    "  weekend joined to 10 June counts);",
    "- counting a holiday's days outside the period: 2025-06 would give 06-18 (31 May–2 June; published 06-16, only 1–2",
    "  June lie in the period), 2026-02 would defer by 9 days (published 02-24: only 15 February lies in the period);",
    "- moving the 15th to the next working day first and then deferring: 2024-02 would give 02-26 (published 02-23).",
    "",
    "Checked against all 36 months of 2024–2026, and 2023 supplied as a caller year:",
    "",
  );
  p("| month | " + [2023, 2024, 2025, 2026].join(" | ") + " |", "|---|---|---|---|---|");
  const cal2023 = loadCalendar([YEAR_2023]);
  for (let m = 1; m <= 12; m++) {
    const cells = [2023, 2024, 2025, 2026].map((y) => {
      const published = y === 2023 ? PUBLISHED_2023[m - 1] : (PUBLISHED[y] as string[])[m - 1];
      const r = taxDeclarationDeadline(y, m, 15, y === 2023 ? cal2023 : BUNDLED_CALENDAR);
      const ok = r.deadline.slice(5) === published;
      if (!ok) throw new Error(`declaration ${y}-${m}: computed ${r.deadline}, published ${published}`);
      return `${r.deadline.slice(5)}${r.holidayDaysInPeriod > 0 ? ` (N=${r.holidayDaysInPeriod})` : ""} ✓`;
    });
    p(`| ${m} | ${cells.join(" | ")} |`);
  }
  p("", "Sources of the published figures:", "");
  for (const y of [2023, 2024, 2025, 2026]) p(`- ${y}: ${PUBLISHED_SOURCES[y] ?? ""}`);
  p(
    "",
    "## The catalogue",
    "",
    "Every time limit is a rule-set parameter (the name in the second column; override it with `overrides`). Values",
    "by province (`seed`: the province's own article; `national`: the province is silent and the national measures",
    "apply, as reproduced in the Qinghai measures; — : not in the province's sources, `RULE_NOT_DEFINED`):",
    "",
    `| limit | parameter | kind | ${PROVINCES.map((x) => getRuleSet(x).name.en).join(" | ")} |`,
    `|---|---|---|${PROVINCES.map(() => "---").join("|")}|`,
  );
  const cats = Object.fromEntries(PROVINCES.map((x) => [x, timeLimitCatalogue(x)]));
  for (const id of TIME_LIMIT_IDS) {
    const def = TIME_LIMITS[id];
    const cells = PROVINCES.map((x) => {
      const e = (cats[x] ?? []).find((c) => c.id === id);
      return e === undefined ? "—" : `${e.text.zh} (${e.provenance})`;
    });
    p(`| \`${id}\` ${def.title.zh} | \`${def.param}\` | ${KIND_TEXT[def.kind]} | ${cells.map(cell).join(" | ")} |`);
  }
  p("", "### Each limit: source and example", "");
  for (const id of TIME_LIMIT_IDS) {
    const def = TIME_LIMITS[id];
    const ex = EXAMPLES[id];
    const got = computeTimeLimit(ex.province, { limit: id, ...ex.input } as TimeLimitInput).value.deadline;
    if (got !== ex.expected) throw new Error(`example ${id}: computed ${got}, expected ${ex.expected}`);
    p(`#### \`${id}\` — ${def.title.zh} / ${def.title.en}`, "");
    p(`- Who: ${def.actor.zh} / ${def.actor.en}. From: ${def.from.zh} / ${def.from.en}.`);
    if (def.note !== undefined) p(`- Note: ${def.note.zh} / ${def.note.en}`);
    const groups = new Map<string, { names: string[]; line: string }>();
    for (const x of PROVINCES) {
      const e = (cats[x] ?? []).find((c) => c.id === id);
      if (e === undefined) continue;
      // the rule set's own words on the limit (its rule text named by the parameter), after the citations
      const notes = e.notes.map((n) => `${n.zh} / ${n.en}`).join("; ");
      const line = `${e.text.zh} (${e.text.en}), ${e.provenance} — ${e.citations.map((c) => c.zh).join("；")}${notes === "" ? "" : `. Note: ${notes}`}`;
      const g = groups.get(line) ?? { names: [], line };
      g.names.push(getRuleSet(x).name.en);
      groups.set(line, g);
    }
    for (const g of groups.values()) p(`- ${g.names.join(", ")}: ${g.line}`);
    const what = "from" in ex.input && ex.input.from !== undefined ? `from ${ex.input.from}` : "month" in ex.input && ex.input.month !== undefined ? `in ${ex.input.month}` : `in ${String(ex.input.year)}`;
    p(`- Example (${getRuleSet(ex.province).name.en}, ${what}): **${ex.expected}** — ${ex.how}.`, "");
  }
  p(
    "## Decisions on points the sources leave open",
    "",
    "- **\"X日前\" includes day X** (\"每月15日前\", \"每月5日前\", \"1月5日前\"), as the tax authority reads \"15日前\".",
    "- **Supplementary materials** differ in stage as well as length: Qinghai's 10 days (第十五条) follow the one-time",
    "  notice on the benefit application (the confirmation stage); Shanghai's 5 working days (第四十四条第三款) belong",
    "  to the municipal agency's benefit review. Both run from the notice the applicant receives (`supplementNoticeDate`).",
    "  The silent provinces take Qinghai's 10 days as the national structure.",
    "- **Confirmation** runs from the day the application was received (Qinghai \"收到…之日起\"; Shanghai \"受理…后\":",
    "  the caller passes the acceptance day). When `factsClear` is not given, the general 30 working days apply and the",
    "  explanation says so.",
    "- **Shanghai's extension** (规程第二十二条) is given only when `extensionRequested` is true: it is the latest an agreed",
    "  extension may reach — one year from the accident (《工伤保险条例》第十七条第二款, the individual's limit) with the",
    "  rest-day extension. It needs next year's calendar, so it is not computed unasked.",
    "- **The treatment period** runs from `treatmentStartDate`; the maximum end is 12 more months from its end.",
    "- **Monthly hand-over** (\"如遇到法定假日顺延\") and **Shanghai's rate notice** (\"如遇到法定休假日顺延\") move a rest day",
    "  to the next working day; they do not take the tax rule's \"3 days or more\" deferral. **Shanghai's rate",
    "  determination** (\"12月底前\") has no deferral in the source and is not moved.",
    "- **Prepayment settlement** (委托承办管理实施办法第二十五条, \"3个月内\") is a month period with the rest-day extension.",
    "- **Re-assessment** (15 days): Shanghai's 规程 refers to the national and municipal assessment rules (第三十条);",
    "  the value is national (Qinghai 第十九条第二款; 《工伤保险条例》第二十六条 states the same 15 days).",
    "",
    "## Time words in the seeds that are not catalogued",
    "",
    "Not time limits for an act, or handled elsewhere: 48 hours of sudden death (eligibility, Qinghai 第十一条);",
    "benefits paid from the month after the assessment (Shanghai 第三十八条) and cover from the month the premium is",
    "paid (第四十三条); the insurer paid the month after (Shanghai 第五十七条, \"次月\"); the commission agreement's",
    "3-year term and the 3-year ban (Qinghai 委托承办 第十条、第二十九条); prepayments of 1 and 2 months and the",
    "quarterly transfer of interest (第二十四条, amounts and rhythms, not deadlines); the first float on 2028-01-01",
    "(Qinghai 第九条) and Zhejiang's cover of 单项工伤保险 to 2025-06-30 (二（七）), which are dates, not periods.",
    "",
  );
  return out.join("\n");
}

function getYear(year: number): { off: string; work: string } {
  const y = OFFICIAL_HOLIDAY_YEARS.find((x) => x.year === year);
  if (y === undefined) return { off: "", work: "" };
  const md = (s: string) => s.slice(5);
  return {
    off: y.off.map(([a, b]) => (a === b ? md(a) : `${md(a)}…${md(b)}`)).join(", "),
    work: y.work.map(md).join(", "),
  };
}
