/**
 * The one error type of zhishang. Every failure the library reports is a {@link ZhishangError} with a
 * stable `code`, a `path` into the input where the input is at fault, and a message in Chinese and English.
 *
 * @example
 * ```ts
 * try { computeDisabilityBenefits("qinghai", { grade: 11, avgMonthlyWage: "6000" }); }
 * catch (e) { if (e instanceof ZhishangError) console.log(e.code, e.path); } // INVALID_INPUT ["grade"]
 * ```
 */
export const ERROR_CODES = [
  /** The input does not match the documented shape or range. `path` points at the offending field. */
  "INVALID_INPUT",
  /** A date lies outside the holiday calendars loaded (never a weekday-only fallback). */
  "CALENDAR_NOT_COVERED",
  /** The date of the case lies before the province's rules are in force. */
  "RULE_NOT_IN_FORCE",
  /** A premium float tier the rules refuse at that date. */
  "FLOAT_NOT_ALLOWED",
  /** `strict` was requested and the computation needs a parameter whose provenance is `assumed`. */
  "ASSUMED_PARAMETER_REFUSED",
  /** The province's sources define no such rule (e.g. Shanghai's third-party medical offset elsewhere). */
  "RULE_NOT_DEFINED",
  /** A statistic the computation needs is not in the bundled table and was not supplied. */
  "STATISTIC_NOT_AVAILABLE",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorPath = ReadonlyArray<string | number>;

export interface ZhishangErrorJSON {
  code: ErrorCode;
  message: string;
  messageZh: string;
  messageEn: string;
  path: Array<string | number>;
}

export class ZhishangError extends Error {
  override readonly name = "ZhishangError";
  readonly code: ErrorCode;
  readonly path: ErrorPath;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(code: ErrorCode, messages: { zh: string; en: string }, path: ErrorPath = []) {
    super(`${messages.en} / ${messages.zh}`);
    this.code = code;
    this.path = Object.freeze([...path]);
    this.messageZh = messages.zh;
    this.messageEn = messages.en;
  }

  /** Returns a copy of this error with `prefix` prepended to its path (used when nesting inputs). */
  withPathPrefix(prefix: ErrorPath): ZhishangError {
    return new ZhishangError(this.code, { zh: this.messageZh, en: this.messageEn }, [...prefix, ...this.path]);
  }

  toJSON(): ZhishangErrorJSON {
    return {
      code: this.code,
      message: this.message,
      messageZh: this.messageZh,
      messageEn: this.messageEn,
      path: [...this.path],
    };
  }
}

/** Shorthand for an `INVALID_INPUT` error at `path`. */
export function invalidInput(path: ErrorPath, en: string, zh: string): ZhishangError {
  return new ZhishangError("INVALID_INPUT", { en, zh }, path);
}

export function isZhishangError(e: unknown): e is ZhishangError {
  return e instanceof ZhishangError;
}

/** A result union for the `safe` variants: never throws for a typed failure. */
export type SafeResult<T> = { ok: true; value: T } | { ok: false; error: ZhishangError };
