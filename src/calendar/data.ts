/**
 * The official working-day calendars bundled with zhishang (docs/sources.md#B1): the State Council General Office's
 * yearly notices on holiday arrangements (国务院办公厅关于XXXX年部分节假日安排的通知). `off` lists the official
 * days off (放假 / 放假调休) as inclusive ranges; `work` lists the weekend days made working days (调休上班).
 * Every other Saturday and Sunday is a rest day; every other weekday is a working day.
 *
 * Issue dates are the dates signed at the foot of each notice, as published by Xinhua (新华社) and reproduced by
 * 人民日报 / 光明网; they are recorded only where confirmed.
 */
import type { CalendarYearInput } from "../core/explain.js";

/** Where a year's schedule comes from. */
export interface CalendarSource {
  /** The notice's number, e.g. `国办发明电〔2025〕7号`, or `caller` for a year supplied by the caller. */
  readonly notice: string;
  /** The notice's title. */
  readonly title: string;
  /** The date signed on the notice (`YYYY-MM-DD`), or null when not confirmed. */
  readonly issued: string | null;
  readonly note?: string;
}

/** One year's holiday schedule with its source. */
export interface HolidayYear {
  readonly year: number;
  readonly off: ReadonlyArray<readonly [string, string]>;
  readonly work: readonly string[];
  readonly source: CalendarSource;
}

/**
 * The bundled years, oldest first: the official days off and adjusted working days (调休) of each year, as
 * published by the State Council's General Office.
 *
 * @example
 * ```ts
 * OFFICIAL_HOLIDAY_YEARS.map((y) => y.year); // [2024, 2025, 2026]
 * OFFICIAL_HOLIDAY_YEARS[2]?.source.notice; // "国办发明电〔2025〕7号"
 * ```
 */
export const OFFICIAL_HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2024,
    off: [
      ["2024-01-01", "2024-01-01"],
      ["2024-02-10", "2024-02-17"],
      ["2024-04-04", "2024-04-06"],
      ["2024-05-01", "2024-05-05"],
      ["2024-06-10", "2024-06-10"],
      ["2024-09-15", "2024-09-17"],
      ["2024-10-01", "2024-10-07"],
    ],
    work: ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"],
    source: {
      notice: "国办发明电〔2023〕7号",
      title: "国务院办公厅关于2024年部分节假日安排的通知",
      issued: "2023-10-25",
      note: "元旦、端午节“与周末连休” (New Year's Day and the Dragon Boat Festival join the weekend)",
    },
  },
  {
    year: 2025,
    off: [
      ["2025-01-01", "2025-01-01"],
      ["2025-01-28", "2025-02-04"],
      ["2025-04-04", "2025-04-06"],
      ["2025-05-01", "2025-05-05"],
      ["2025-05-31", "2025-06-02"],
      ["2025-10-01", "2025-10-08"],
    ],
    work: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    source: {
      notice: "国办发明电〔2024〕12号",
      title: "国务院办公厅关于2025年部分节假日安排的通知",
      issued: "2024-11-12",
    },
  },
  {
    year: 2026,
    off: [
      ["2026-01-01", "2026-01-03"],
      ["2026-02-15", "2026-02-23"],
      ["2026-04-04", "2026-04-06"],
      ["2026-05-01", "2026-05-05"],
      ["2026-06-19", "2026-06-21"],
      ["2026-09-25", "2026-09-27"],
      ["2026-10-01", "2026-10-07"],
    ],
    work: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    source: {
      notice: "国办发明电〔2025〕7号",
      title: "国务院办公厅关于2026年部分节假日安排的通知",
      issued: "2025-11-04",
    },
  },
];

/**
 * The bundled years in the caller's input shape (e.g. to copy one into a scenario).
 *
 * @example
 * ```ts
 * bundledCalendarInputs()[0]?.work.length; // 8 (2024's adjusted working days)
 * ```
 */
export function bundledCalendarInputs(): CalendarYearInput[] {
  return OFFICIAL_HOLIDAY_YEARS.map((y) => ({
    year: y.year,
    off: y.off.map(([a, b]) => [a, b] as const),
    work: [...y.work],
    source: `${y.source.title}（${y.source.notice}）`,
  }));
}
