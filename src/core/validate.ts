/**
 * Input validation with zod. Every public function validates its input with a schema from here or built on
 * these pieces; the same schemas produce the published JSON Schema of each scenario kind.
 */
import { z } from "zod";
import { invalidInput, type ErrorPath } from "./errors.js";
import { parseIsoDate } from "./dates.js";

/** A money amount: a non-negative decimal string with at most two places, at most 10^12. */
export const moneySchema = z
  .string()
  .max(20)
  .regex(/^(0|[1-9]\d{0,12})(\.\d{1,2})?$/, 'expected a money amount such as "1234.56" (yuan, at most two decimals)');

/** A calendar date `YYYY-MM-DD` (checked to exist). */
export const dateSchema = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((s) => {
    try {
      parseIsoDate(s, []);
      return true;
    } catch {
      return false;
    }
  }, "not a valid calendar date");

/**
 * Parses `value` with `schema`; a failure becomes `INVALID_INPUT` whose path is `prefix` followed by the
 * path of the first issue.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix: ErrorPath = []): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [...prefix, ...((issue?.path ?? []) as Array<string | number>)];
  // An unknown field: point at the field itself, not at the object holding it.
  if (issue?.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  // Messages stay short whatever the input: one unknown key named (not 100,000), long keys and messages clipped.
  const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);
  const where = path.length === 0 ? "input" : clip(path.map((p) => clip(String(p), 40)).join("."), 200);
  const message = clip(issue?.code === "unrecognized_keys"
    ? `unknown field${issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : ""}`
    : issue?.message ?? "invalid input", 300);
  throw invalidInput(path, `${where}: ${message}`, `${where}：输入无效（${message}）`);
}
