/**
 * Date-times across the API are ISO 8601 with an explicit offset (`2026-08-03T21:15:00+08:00`, `…Z`). They are
 * converted to China Standard Time (UTC+08:00, docs/decisions.md#C5) without ever reading the host's time zone.
 */
import { invalidInput, type ErrorPath } from "./errors.js";
import { dayNumberOf, daysInMonth, FIRST_YEAR, formatIsoDate, fromDayNumber, LAST_YEAR, MS_PER_DAY, type CivilDate } from "./dates.js";

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** China Standard Time offset in minutes. */
export const CST_OFFSET_MINUTES = 8 * 60;
const MS_PER_MINUTE = 60_000;
/** China Standard Time, UTC+08:00, in milliseconds. */
export const CST_MS = CST_OFFSET_MINUTES * MS_PER_MINUTE;

/** The China-time day number (days since 1970-01-01) of an instant in epoch milliseconds. */
export function chinaDayOf(ms: number): number {
  return Math.floor((ms + CST_MS) / MS_PER_DAY);
}

/** The first instant (epoch milliseconds) of China-time day `day` (00:00+08:00): the inverse of {@link chinaDayOf}. */
export function chinaDayStartMs(day: number): number {
  return day * MS_PER_DAY - CST_MS;
}

/** The first accepted instant, 1900-01-01T00:00+08:00, and the first refused one, 2200-01-01T00:00+08:00. */
export const MIN_MS = chinaDayStartMs(dayNumberOf(FIRST_YEAR, 1, 1));
export const MAX_MS = chinaDayStartMs(dayNumberOf(LAST_YEAR + 1, 1, 1));

export interface Instant {
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  readonly epochMs: number;
  /** The input string, unchanged. */
  readonly text: string;
}

function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:mm[:ss[.fff…]](Z|±HH:MM)` (years 1900–2199), or NaN when the text is not in
 * that form. Hand-written without a regex or a `Date` (the order tally reads one per order; date-fns `parseISO`
 * would also read a date-time without an offset in the host's zone); {@link parseInstant} says what is wrong.
 */
export function fastInstantMs(s: string): number {
  const n = s.length;
  if (n < 17 || n > 40) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return NaN;
  const c = d2(s, 0);
  const yl = d2(s, 2);
  const mo = d2(s, 5);
  const da = d2(s, 8);
  const hh = d2(s, 11);
  const mi = d2(s, 14);
  if (c < 0 || yl < 0 || mo < 1 || mo > 12 || da < 1 || hh < 0 || hh > 23 || mi < 0 || mi > 59) return NaN;
  const y = c * 100 + yl;
  if (y < FIRST_YEAR || y > LAST_YEAR || da > daysInMonth(y, mo)) return NaN;
  let p = 16;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(p) === 58) {
    sec = d2(s, p + 1);
    if (sec < 0 || sec > 59) return NaN;
    p += 3;
    if (s.charCodeAt(p) === 46) {
      p++;
      const f0 = p;
      let frac = 0;
      while (p < n) {
        const k = s.charCodeAt(p) - 48;
        if (k < 0 || k > 9) break;
        if (p - f0 < 3) frac = frac * 10 + k;
        p++;
      }
      const digits = p - f0;
      if (digits < 1 || digits > 9) return NaN;
      ms = digits === 1 ? frac * 100 : digits === 2 ? frac * 10 : frac;
    }
  }
  let offsetMin = 0;
  const z = s.charCodeAt(p);
  if (z === 90) {
    if (p + 1 !== n) return NaN;
  } else if (z === 43 || z === 45) {
    if (p + 6 !== n || s.charCodeAt(p + 3) !== 58) return NaN;
    const oh = d2(s, p + 1);
    const om = d2(s, p + 4);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return NaN;
    offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return NaN;
  }
  return dayNumberOf(y, mo, da) * MS_PER_DAY + ((hh * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
}

/**
 * Parses an ISO 8601 date-time that carries an offset; a date-time without one is refused (its meaning would
 * depend on the host), as is any impossible date or time.
 *
 * @example parseInstant("2026-08-03T21:15:00+08:00", ["accidentAt"]).epochMs // 1785762900000
 */
export function parseInstant(value: unknown, path: ErrorPath): Instant {
  const ms = typeof value === "string" ? fastInstantMs(value) : NaN;
  if (!Number.isNaN(ms)) return { epochMs: ms, text: value as string };
  // not a valid instant: the pattern tells a malformed text from an impossible date, time or offset
  const m = typeof value === "string" && value.length <= 40 ? DATETIME_RE.exec(value) : null;
  if (m === null) {
    throw invalidInput(path, "expected an ISO 8601 date-time with an offset, e.g. 2026-08-03T21:15:00+08:00",
      "日期时间应为带时区偏移的 ISO 8601 格式，如 2026-08-03T21:15:00+08:00");
  }
  const zone = m[8] as string;
  const oh = Number(zone.slice(1, 3));
  const om = Number(zone.slice(4, 6));
  const validTime = Number(m[4]) <= 23 && Number(m[5]) <= 59 && (m[6] === undefined || Number(m[6]) <= 59);
  if (zone !== "Z" && (oh > 14 || om > 59) && validDate(m) && validTime) throw invalidInput(path, "invalid time-zone offset", "时区偏移无效");
  throw invalidInput(path, `${String(value)} is not a valid date-time`, `${String(value)} 不是有效的日期时间`);
}

function validDate(m: RegExpExecArray): boolean {
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= FIRST_YEAR && y <= LAST_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The China Standard Time calendar date of an instant. */
export function chinaDate(instant: Instant): CivilDate {
  return fromDayNumber(chinaDayOf(instant.epochMs));
}

/** The China Standard Time date of an instant as `YYYY-MM-DD`. */
export function chinaDateString(instant: Instant): string {
  return formatIsoDate(chinaDate(instant));
}

/** Formats an instant in China Standard Time: `YYYY-MM-DDTHH:mm:ss+08:00`. */
export function formatChinaTime(instant: Instant): string {
  const shifted = instant.epochMs + CST_MS;
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
