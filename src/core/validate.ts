/**
 * Input validation with zod. Every public function validates its input with a schema from here or built on
 * these pieces; the same schemas produce the published JSON Schema of each scenario kind.
 */
import { z } from "zod";
import { invalidInput, type ErrorPath } from "./errors.js";
import { parseIsoDate } from "./dates.js";

/**
 * A schema piece that several input schemas share (a date-time, a platform id, an order…), built on first use and
 * then the same object for each: every kind's input schema is one `z.lazy` (built when first parsed, so importing
 * the library builds none), and its pieces are built with it. A piece is a function rather than a `z.lazy` of its
 * own because `z.compile` cannot compile a `z.lazy` inside another (it reads as a reference cycle): see
 * {@link parseInput}.
 */
export function sharedSchema<T extends z.ZodType>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}

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
 * The Chinese of the library's own schema messages (the English text given to zod), so that a Chinese message
 * never carries an English one. A schema message missing here falls back to the Chinese of its issue code.
 */
const MESSAGES_ZH: Readonly<Record<string, string>> = {
  'expected a money amount such as "1234.56" (yuan, at most two decimals)': "应为金额，如 \"1234.56\"（元，最多两位小数）",
  "expected a date as YYYY-MM-DD": "应为 YYYY-MM-DD 格式的日期",
  "not a valid calendar date": "不是有效的日历日期",
  "expected YYYY-MM-DD": "应为 YYYY-MM-DD 格式的日期",
  "expected a month as YYYY-MM": "应为 YYYY-MM 格式的月份",
  "year out of range 1900–2199": "年份超出1900–2199的范围",
  "expected hours from 0 to 1000000, as a number or a decimal string (at most 6 decimals)": "应为0至1000000的小时数，数字或十进制字符串（最多6位小数）",
  'expected a lowercase platform id such as "meituan", or "other"': "应为小写的平台标识，如 \"meituan\"，或 \"other\"",
  'expected a platform id such as "meituan"': "应为平台标识，如 \"meituan\"",
  'expected a percentage such as "1.5"': "应为百分数，如 \"1.5\"",
  'expected a percentage such as "3" or "1.5"': "应为百分数，如 \"3\" 或 \"1.5\"",
  "at most 4 decimal places": "最多4位小数",
  'expected a per-order amount such as "0.07"': "应为每单金额，如 \"0.07\"",
  "a per-order amount must be greater than zero": "每单金额应大于零",
  'expected a lowercase province id such as "qinghai"': "应为小写的省份标识，如 \"qinghai\"",
  'expected a lowercase province id such as "jiangsu"': "应为小写的省份标识，如 \"jiangsu\"",
  'expected a decimal string such as "0.6"': "应为十进制字符串，如 \"0.6\"",
  "factor must be in (0, 10]": "系数应大于0且不大于10",
  "entries must be in increasing order of from": "各条目应按 from 递增排列",
  "tiers run from min to max through 100 in steps of step": "档次应自 min 经100至 max，步长为 step",
  'expected a document id such as "jiangsu-measures"': "应为文件标识，如 \"jiangsu-measures\"",
  'expected a rule text id such as "disability.pension-top-up"': "应为规则文本标识，如 \"disability.pension-top-up\"",
  "a scenario has expect or expectError, not both": "场景只能有 expect 或 expectError 之一，不能两者都有",
  "a scenario names its province, or carries its rule set in ruleSet": "场景须写明 province，或在 ruleSet 中附带规则集",
};

/** JSON types in Chinese, as zod names them (`expected`) and as `typeof` gives them. */
const TYPES_ZH: Readonly<Record<string, string>> = {
  string: "字符串", number: "数字", int: "整数", boolean: "布尔值", object: "对象", array: "数组", null: "null",
  undefined: "缺失", bigint: "大整数", symbol: "符号", function: "函数", date: "日期", record: "对象", map: "映射",
  set: "集合", nan: "NaN", never: "无（不应出现）", literal: "字面量",
};

const typeZh = (t: unknown): string => TYPES_ZH[String(t)] ?? String(t);
const shown = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

/** The value at `path` inside `value` (for the type a wrong value has), or undefined. */
function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v !== "object" || v === null || typeof k === "symbol" || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k as string | number];
  }
  return v;
}

/** The JSON type of `v` as zod reports it: `array` and `null` apart from `object`. */
const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * A zod issue in Chinese: the library's own schema messages by {@link MESSAGES_ZH}, zod's by issue code
 * (wrong type, too small or too big, format, unknown field, options, union, key, multiple). `input` is the value
 * parsed, for the type of a wrong value.
 */
export function zodIssueZh(issue: z.core.$ZodIssue, input: unknown): string {
  const own = MESSAGES_ZH[issue.message];
  if (own !== undefined) return own;
  switch (issue.code) {
    case "invalid_type": {
      const v = valueAt(input, issue.path);
      const got = v === undefined ? "缺失" : kindOf(v) === "number" && !Number.isFinite(v) ? "非有限数" : typeZh(kindOf(v));
      return `应为${typeZh(issue.expected)}，实际为${got}`;
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
      const strict = issue.inclusive === false;
      const rel = small ? (strict ? "大于" : "不小于") : (strict ? "小于" : "不大于");
      switch (issue.origin) {
        case "string": return small ? `长度应${strict ? "超过" : "至少为"}${String(bound)}个字符` : `长度应${strict ? "少于" : "至多为"}${String(bound)}个字符`;
        case "array": case "set": return small ? `应${strict ? "多于" : "至少有"}${String(bound)}项` : `应${strict ? "少于" : "至多有"}${String(bound)}项`;
        default: return `应${rel}${String(bound)}`;
      }
    }
    case "invalid_format":
      return issue.format === "regex" ? `格式不符（应匹配 ${String((issue as { pattern?: unknown }).pattern ?? "")}）` : `格式不符（${issue.format}）`;
    case "not_multiple_of":
      return `应为${String(issue.divisor)}的整数倍`;
    case "unrecognized_keys":
      return "未知字段";
    case "invalid_value":
      return issue.values.length === 1 ? `应为 ${shown(issue.values[0])}` : `应为以下之一：${issue.values.map(shown).join("、")}`;
    case "invalid_union": {
      const u = issue as { options?: unknown[]; discriminator?: string };
      if (Array.isArray(u.options) && u.discriminator !== undefined) return `${u.discriminator} 应为以下之一：${u.options.map(shown).join("、")}`;
      return "不符合任何一种可接受的形式";
    }
    case "invalid_key":
      return "对象的键无效";
    case "invalid_element":
      return "集合中的元素无效";
    default:
      return "取值无效";
  }
}

/** The schema a `z.lazy` yields (built on this first call), or `schema` itself when it is not one. */
export function withoutLazy(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodLazy ? (schema.unwrap() as z.ZodType) : schema;
}

/** Each schema's compiled parser (or the schema itself where z.compile cannot take it), built on first use. */
const COMPILED = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema `parseInput` runs: zod's ahead-of-time compiled parser of `schema` (`z.compile`: one generated function
 * for the whole tree instead of zod's walk over it, 5–10 times faster on a valid input). On an invalid input the
 * compiled parser hands the value to zod's own parser, so the issues — and so every error — are zod's. A kind's
 * input schema is a `z.lazy` (built on first use); the object it yields is what is compiled, since a lazy node
 * would make the generated code call back into zod. A schema z.compile refuses (a reference cycle, an async
 * check) keeps zod's parser; test/validate-compiled.test.ts checks that every kind's input is compiled and that
 * both parsers agree.
 */
export function compiled<S extends z.ZodType>(schema: S): S {
  let c = COMPILED.get(schema);
  if (c === undefined) {
    try {
      c = z.compile(withoutLazy(schema), { strict: true });
    } catch {
      c = schema;
    }
    COMPILED.set(schema, c);
  }
  return c as S;
}

/**
 * A copier of parsed objects of `schema` (a `z.strictObject`, or a `z.lazy` of one) into one layout: every key of
 * the schema, in its order, `undefined` where the input left an optional field out. Parsed inputs have as many
 * layouts as combinations of optional fields given, and a rule that reads dozens of fields of inputs of hundreds
 * of layouts has V8 look each read up (a megamorphic access); the copy is read at the speed of one layout. Only
 * for a rule's own reads: the copy has keys the input did not.
 */
export function fixedLayout<T extends object>(schema: z.ZodType<T>): (parsed: T) => T {
  let template: Record<string, undefined> | undefined;
  return (parsed) => {
    if (template === undefined) {
      template = {};
      for (const key of Object.keys((withoutLazy(schema) as z.ZodObject).shape)) template[key] = undefined;
    }
    // a copy of the template (one layout), then the fields given, found by walking the parsed object's own keys
    // (each of which the schema has: it is a strict object)
    const out: Record<string, unknown> = { ...template };
    for (const key in parsed) out[key] = (parsed as Record<string, unknown>)[key];
    return out as T;
  };
}

/**
 * Parses `value` with `schema`; a failure becomes `INVALID_INPUT` whose path is `prefix` followed by the
 * path of the first issue. The English message is zod's (or the schema's own); the Chinese one is
 * {@link zodIssueZh}.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix: ErrorPath = []): z.infer<S> {
  const result = compiled(schema).safeParse(value);
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
  const zh = issue === undefined ? "取值无效" : issue.code === "unrecognized_keys" && issue.keys.length > 1
    ? `未知字段（另有${issue.keys.length - 1}个）` : clip(zodIssueZh(issue, value), 300);
  throw invalidInput(path, `${where}: ${message}`, `${path.length === 0 ? "输入" : where}：输入无效（${zh}）`);
}
