/**
 * The codes of {@link ZhishangError}, the one error type of zhishang: every failure the library reports
 * carries one of these stable codes.
 *
 * @example
 * ```ts
 * ERROR_CODES.includes("INVALID_INPUT"); // true
 * computeDisabilityBenefits("qinghai", { grade: 11, avgMonthlyWage: "6000" }); // throws INVALID_INPUT
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
  /** A rule-set file (docs/rule-sets.md) is malformed or inconsistent; `path` points into the file. */
  "RULE_SET_INVALID",
  /**
   * The scenario document itself is defective (场景文件本身有误): an unknown kind or province, an unknown envelope
   * field, both or neither of `expect` / `expectError`, an `expect` field the kind never outputs
   * (docs/scenarios.md, "Running"). The runner fails such a scenario whatever it expects; `path` points into the
   * document.
   */
  "SCENARIO_INVALID",
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where in the input an error lies: property names and array indexes, outermost first (`["dependants", 0, "relation"]`). */
export type ErrorPath = ReadonlyArray<string | number>;

/** A {@link ZhishangError} as plain JSON (`error.toJSON()`, what the CLI prints). */
export interface ZhishangErrorJSON {
  code: ErrorCode;
  message: string;
  messageZh: string;
  messageEn: string;
  path: Array<string | number>;
}

/**
 * The one error type of zhishang. Every failure the library reports is a `ZhishangError` with a stable
 * `code` (one of {@link ERROR_CODES}), a `path` into the input where the input is at fault, and a message in
 * Chinese and English (`message` holds both).
 *
 * @example
 * ```ts
 * let error: unknown;
 * try {
 *   computeDisabilityBenefits("qinghai", { grade: 11, avgMonthlyWage: "6000" });
 * } catch (e) {
 *   error = e;
 * }
 * error instanceof ZhishangError; // true
 * (error as ZhishangError).code;  // "INVALID_INPUT"
 * (error as ZhishangError).path;  // ["grade"]
 * ```
 */
export class ZhishangError extends Error {
  override readonly name = "ZhishangError";
  readonly code: ErrorCode;
  readonly path: ErrorPath;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(code: ErrorCode, messages: { zh: string; en: string }, path: ErrorPath = []) {
    super(`${messages.en} / ${messages.zh}`);
    this.code = code;
    // A path from a JavaScript caller may be anything: keep the strings and numbers of an array, else no path.
    this.path = Object.freeze(Array.isArray(path) ? Array.from(path, (p: unknown) => (typeof p === "number" || typeof p === "string" ? p : typeof p)) : []);
    this.messageZh = messages.zh;
    this.messageEn = messages.en;
  }

  /** Returns a copy of this error with `prefix` prepended to its path (used when nesting inputs). */
  withPathPrefix(prefix: ErrorPath): ZhishangError {
    return new ZhishangError(this.code, { zh: this.messageZh, en: this.messageEn }, [...(Array.isArray(prefix) ? prefix : []), ...this.path]);
  }

  /** The error as plain JSON: code, both messages and path (`JSON.stringify` uses it). */
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

/**
 * Whether `e` is a {@link ZhishangError} (a failure the library reports, as opposed to a bug).
 *
 * @example
 * ```ts
 * isZhishangError(new ZhishangError("RULE_NOT_DEFINED", { zh: "无此规则", en: "no such rule" })); // true
 * isZhishangError(new TypeError("x")); // false
 * ```
 */
export function isZhishangError(e: unknown): e is ZhishangError {
  return e instanceof ZhishangError;
}

/** A result union for the `safe` variants: never throws for a typed failure. */
export type SafeResult<T> = { ok: true; value: T } | { ok: false; error: ZhishangError };
