/**
 * Date-times across the API are ISO 8601 with an explicit offset (`2026-08-03T21:15:00+08:00`, `…Z`). They are
 * converted to China Standard Time (UTC+08:00, REFERENCE C5) without ever reading the host's time zone.
 */
import { invalidInput, type ErrorPath } from "./errors.js";
import { daysInMonth, formatIsoDate, fromDayNumber, type CivilDate } from "./dates.js";

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** China Standard Time offset in minutes. */
export const CST_OFFSET_MINUTES = 8 * 60;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface Instant {
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  readonly epochMs: number;
  /** The input string, unchanged. */
  readonly text: string;
}

/**
 * Parses an ISO 8601 date-time that carries an offset; a date-time without one is refused (its meaning would
 * depend on the host), as is any impossible date or time.
 *
 * @example parseInstant("2026-08-03T21:15:00+08:00", ["accidentAt"]).epochMs // 1785762900000
 */
export function parseInstant(value: unknown, path: ErrorPath): Instant {
  const m = typeof value === "string" && value.length <= 40 ? DATETIME_RE.exec(value) : null;
  if (m === null) {
    throw invalidInput(path, "expected an ISO 8601 date-time with an offset, e.g. 2026-08-03T21:15:00+08:00",
      "日期时间应为带时区偏移的 ISO 8601 格式，如 2026-08-03T21:15:00+08:00");
  }
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((k) => Number(m[k]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const zone = m[8] as string;
  const y = year as number;
  const mo = month as number;
  if (
    y < 1900 || y > 2199 || mo < 1 || mo > 12 || (day as number) < 1 || (day as number) > daysInMonth(y, mo) ||
    (hour as number) > 23 || (minute as number) > 59 || second > 59
  ) {
    throw invalidInput(path, `${String(value)} is not a valid date-time`, `${String(value)} 不是有效的日期时间`);
  }
  let offset = 0;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) throw invalidInput(path, "invalid time-zone offset", "时区偏移无效");
    offset = sign * (oh * 60 + om);
  }
  const local = Date.UTC(y, mo - 1, day as number, hour as number, minute as number, second, ms);
  return { epochMs: local - offset * MS_PER_MINUTE, text: value as string };
}

/** The China Standard Time calendar date of an instant. */
export function chinaDate(instant: Instant): CivilDate {
  return fromDayNumber(Math.floor((instant.epochMs + CST_OFFSET_MINUTES * MS_PER_MINUTE) / MS_PER_DAY));
}

/** The China Standard Time date of an instant as `YYYY-MM-DD`. */
export function chinaDateString(instant: Instant): string {
  return formatIsoDate(chinaDate(instant));
}

/** Formats an instant in China Standard Time: `YYYY-MM-DDTHH:mm:ss+08:00`. */
export function formatChinaTime(instant: Instant): string {
  const shifted = instant.epochMs + CST_OFFSET_MINUTES * MS_PER_MINUTE;
  const dayMs = ((shifted % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const hh = Math.floor(dayMs / 3_600_000);
  const mm = Math.floor((dayMs % 3_600_000) / 60_000);
  const ss = Math.floor((dayMs % 60_000) / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${chinaDateString(instant)}T${pad(hh)}:${pad(mm)}:${pad(ss)}+08:00`;
}

/** Hours between two instants (b − a), as an exact fraction of milliseconds. */
export function hoursBetween(a: Instant, b: Instant): number {
  return (b.epochMs - a.epochMs) / 3_600_000;
}
