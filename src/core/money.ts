/**
 * Money and exact decimals.
 *
 * Rounding policy (docs/decisions.md#C4, docs/decisions.md): amounts stay exact decimals until the final figure of an
 * item, which is rounded half-up to the fen (0.01 yuan). Totals are sums of rounded items. Per-order rates
 * keep their exact value. JS numbers are never used for money; the public API takes and returns strings.
 *
 * The library uses a private `Decimal.clone` so it never touches the caller's global decimal.js settings.
 */
import DecimalJs from "decimal.js";
import { invalidInput, type ErrorPath } from "./errors.js";

/** Private decimal constructor: 60 significant digits, half-up, no exponent notation in normal ranges. */
export const Dec = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

/**
 * The name of the one rounding rule applied to money items, as it appears in explanations.
 *
 * @example
 * ```ts
 * const r = computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" });
 * r.explanation[2]?.rounding === FEN_ROUNDING; // true
 * ```
 */
export const FEN_ROUNDING = "half-up to 0.01 yuan (docs/decisions.md#C4)";

const DECIMAL_RE = /^-?(0|[1-9]\d{0,17})(\.\d{1,12})?$/;
const PLAIN_MONEY_RE = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** Largest amount accepted for a money input: 10^12 yuan. Larger values are refused as input errors. */
export const MAX_MONEY = new Dec("1000000000000");

/**
 * Parses a plain decimal string (`"1234.56"`, `"-3"`, `"0.077"`). Exponents, signs other than a leading
 * minus, leading zeros, and non-strings are refused with `INVALID_INPUT` at `path`.
 */
export function parseDecimal(value: unknown, path: ErrorPath): Dec {
  if (typeof value !== "string" || !DECIMAL_RE.test(value)) {
    throw invalidInput(
      path,
      `expected a decimal string such as "1234.56", got ${describe(value)}`,
      `应为十进制数字字符串（如 "1234.56"），实际为 ${describe(value)}`,
    );
  }
  return new Dec(value);
}

/**
 * Parses a non-negative money amount with at most two decimal places, at most {@link MAX_MONEY}.
 * @example parseMoney("6000.00", ["avgMonthlyWage"]).toString() // "6000"
 */
export function parseMoney(value: unknown, path: ErrorPath, opts: { positive?: boolean } = {}): Dec {
  // The usual case, decided by the text alone: at most 12 integer digits (< 10^12), at most two places, no sign.
  if (typeof value === "string" && PLAIN_MONEY_RE.test(value)) {
    const plain = new Dec(value);
    if (opts.positive !== true || !plain.isZero()) return plain;
  }
  const d = parseDecimal(value, path);
  if (d.decimalPlaces() > 2) {
    throw invalidInput(path, "a money amount has at most two decimal places (fen)", "金额最多保留两位小数（分）");
  }
  if (d.isNegative() || (opts.positive === true && d.isZero())) {
    throw invalidInput(
      path,
      opts.positive === true ? "the amount must be greater than zero" : "the amount must not be negative",
      opts.positive === true ? "金额必须大于零" : "金额不得为负数",
    );
  }
  if (d.greaterThan(MAX_MONEY)) {
    throw invalidInput(path, "the amount exceeds 10^12 yuan", "金额超过 10^12 元");
  }
  return d;
}

/** Rounds half-up to the fen. */
export function roundFen(amount: Dec): Dec {
  return amount.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/**
 * Formats a money figure: rounded half-up to the fen, always two places (Decimal#toFixed with ROUND_HALF_UP, not
 * Number#toFixed) — the same figure as `roundFen(amount).toFixed(2)` in one operation.
 */
export function formatMoney(amount: Dec): string {
  return amount.toFixed(2, Dec.ROUND_HALF_UP); // Decimal#toFixed on a Decimal
}

/**
 * A decimal for a constant of the rules — a factor, a percentage, a number of months read from a rule set (or an
 * override) — parsed once and shared: Decimals are immutable. Bounded: the cache is emptied past 1,024 entries.
 */
export function constantDec(value: string | number): Dec {
  let d = CONSTANTS.get(value);
  if (d === undefined) {
    d = new Dec(value);
    if (CONSTANTS.size >= 1024) CONSTANTS.clear();
    CONSTANTS.set(value, d);
  }
  return d;
}

/** `value` / 100 as a decimal, for percentages of the rules (cached like {@link constantDec}). */
export function percentDec(value: string | number): Dec {
  let d = PERCENTS.get(value);
  if (d === undefined) {
    d = new Dec(value).dividedBy(100);
    if (PERCENTS.size >= 1024) PERCENTS.clear();
    PERCENTS.set(value, d);
  }
  return d;
}

const CONSTANTS = new Map<string | number, Dec>();
const PERCENTS = new Map<string | number, Dec>();

/** Formats an exact decimal (a rate, a ratio, an unrounded intermediate) without exponent notation. */
export function formatExact(value: Dec): string {
  return value.toFixed(); // Decimal#toFixed() without places keeps every digit of the Decimal
}

/** Sums decimals exactly. */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(v), new Dec(0));
}

/**
 * Splits `total` (a fen amount) into parts proportional to `weights`, each a whole number of fen, so that the
 * parts add up to `total` exactly. Each part is first floored to the fen; the fen left over go one by one to
 * the largest remainders (ties: the earlier position). docs/decisions.md#C6.
 *
 * @example allocateFen(new Dec("100.00"), [new Dec(1), new Dec(1), new Dec(1)]).map(String) // ["33.34","33.33","33.33"]
 */
export function allocateFen(total: Dec, weights: readonly Dec[]): Dec[] {
  const totalFen = total.times(100);
  if (!totalFen.isInteger()) {
    throw invalidInput([], "the total to allocate must be a whole number of fen", "分配总额必须精确到分");
  }
  const weightSum = sum(weights);
  if (weights.length === 0 || weightSum.isZero()) {
    throw invalidInput([], "allocation weights must not all be zero", "分配权重不能全部为零");
  }
  const exact = weights.map((w) => totalFen.times(w).dividedBy(weightSum));
  const floors = exact.map((e) => e.floor());
  let left = totalFen.minus(sum(floors)).toNumber(); // a count of fen, bounded by weights.length
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(floors[i] as Dec) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const result = floors.slice();
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] = (result[i] as Dec).plus(1);
    left -= 1;
  }
  return result.map((fen) => fen.dividedBy(100));
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return "null";
  return typeof value;
}
