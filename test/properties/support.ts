/**
 * The invariants every property of test/properties/ checks:
 *
 * - a call ends in a value or a {@link ZhishangError} with a known code, a path of strings and numbers and messages in
 *   both languages — any other exception fails the property (it is rethrown with the call that raised it);
 * - the value holds no `NaN` or infinite number, no `"NaN"`/`"Infinity"` decimal, no negative decimal string, no
 *   invalid calendar date, month or date-time, no `undefined`, no function and no cycle;
 * - the input is untouched: inputs are deep-frozen before the call (a write throws a TypeError, which fails the
 *   property) and their fingerprint — a canonical rendering that tells NaN, -0, undefined, prototypes and own
 *   `__proto__` keys apart — is compared before and after (typed arrays cannot be frozen, so for them the
 *   fingerprint is the check).
 */
import { createHash } from "node:crypto";
import { expect } from "vitest";
import { ERROR_CODES, isZhishangError, type ZhishangError } from "../../src/index.js";

export type Outcome<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ZhishangError };

/** Runs `f`: its value, or its ZhishangError; anything else thrown is a property failure. */
export async function outcomeOf<T>(f: () => T | Promise<T>): Promise<Outcome<Awaited<T>>> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    if (isZhishangError(e)) {
      checkError(e);
      return { ok: false, error: e };
    }
    throw e;
  }
}

/** Synchronous {@link outcomeOf}. */
export function outcomeOfSync<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (isZhishangError(e)) {
      checkError(e);
      return { ok: false, error: e };
    }
    throw e;
  }
}

/** A typed error is well formed: a known code, a path of strings and numbers, both messages, JSON-safe. */
export function checkError(e: ZhishangError): void {
  expect(ERROR_CODES).toContain(e.code);
  expect(Array.isArray(e.path)).toBe(true);
  for (const p of e.path) {
    expect(typeof p === "string" || typeof p === "number", `path element ${String(p)}`).toBe(true);
  }
  expect(e.messageZh.length).toBeGreaterThan(0);
  expect(e.messageEn.length).toBeGreaterThan(0);
  expect(e.messageEn.length + e.messageZh.length).toBeLessThan(20_000); // a 10 MB input is never echoed back
  const json = e.toJSON();
  expect(JSON.parse(JSON.stringify(json))).toEqual(json);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
/** Keys whose strings are the caller's free text, echoed back (a region named "-1" is not a negative amount). */
const FREE_TEXT = new Set(["name", "label", "id", "orderId", "responsibleOrderId", "routeKey", "accidentRouteKey", "title", "note", "source", "notice", "zh", "en", "message", "messageZh", "messageEn", "text", "platform", "section", "decision"]);

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

/**
 * Checks a result recursively; returns the list of problems (empty when the value is sound). `inputs` of an
 * explanation step echo the caller's input and are checked for NaN/cycles only.
 */
export function outputProblems(value: unknown): string[] {
  const problems: string[] = [];
  const seen = new Set<object>();
  const walk = (x: unknown, path: string, key: string, echo: boolean, depth: number): void => {
    if (depth > 64) {
      problems.push(`${path}: nested deeper than 64 levels`);
      return;
    }
    if (echo && typeof x !== "object") return; // the caller's own data, echoed back
    switch (typeof x) {
      case "number":
        if (!echo && !Number.isFinite(x)) problems.push(`${path}: ${String(x)}`);
        return;
      case "string": {
        if (echo || FREE_TEXT.has(key)) return;
        if (/^-?(NaN|Infinity)$/.test(x)) problems.push(`${path}: "${x}"`);
        if (DECIMAL.test(x) && x.startsWith("-")) problems.push(`${path}: negative "${x}"`);
        let m = DATE.exec(x);
        if (m && !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) problems.push(`${path}: invalid date "${x}"`);
        m = MONTH.exec(x);
        if (m && (Number(m[2]) < 1 || Number(m[2]) > 12)) problems.push(`${path}: invalid month "${x}"`);
        m = DATE_TIME.exec(x);
        if (m && (!validDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59 || Number.isNaN(Date.parse(x)))) {
          problems.push(`${path}: invalid date-time "${x}"`);
        }
        return;
      }
      case "boolean":
        return;
      case "undefined":
        problems.push(`${path}: undefined`);
        return;
      case "object": {
        if (x === null) return;
        if (seen.has(x)) {
          problems.push(`${path}: cycle or shared reference`);
          return;
        }
        seen.add(x);
        if (Array.isArray(x)) {
          x.forEach((v, k) => walk(v, `${path}[${k}]`, key, echo, depth + 1));
        } else {
          for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`, k, echo || k === "inputs" || k === "expected", depth + 1);
        }
        seen.delete(x);
        return;
      }
      default:
        problems.push(`${path}: a ${typeof x}`);
    }
  };
  walk(value, "$", "", false, 0);
  return problems;
}

/** Asserts that a result is sound (see {@link outputProblems}). */
export function expectSound(value: unknown, what: string): void {
  expect(outputProblems(value), what).toEqual([]);
}

function isView(x: object): x is ArrayBufferView {
  return ArrayBuffer.isView(x);
}

/**
 * Freezes `x` and everything reachable from it (typed arrays and iterators excepted: they cannot be frozen).
 * Iterative, so a value nested 100,000 deep does not exhaust the stack. Only for values the tests build.
 */
export function deepFreeze<T>(x: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [x];
  while (stack.length > 0) {
    const v = stack.pop();
    // an already frozen object is taken as deep-frozen (by an earlier call): big shared values are walked once
    if ((typeof v !== "object" && typeof v !== "function") || v === null || seen.has(v) || Object.isFrozen(v)) continue;
    seen.add(v);
    if (isView(v)) continue;
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d !== undefined && "value" in d) stack.push(d.value);
    }
    Object.freeze(v);
  }
  return x;
}

/**
 * A canonical rendering of a value that tells apart what JSON.stringify conflates: NaN, ±Infinity, -0, undefined,
 * bigint, symbols, sparse arrays, null prototypes, own `__proto__` keys, typed arrays (by content). Long strings
 * are rendered by length and digest. Iterative (deep values do not exhaust the stack).
 */
export function fingerprint(x: unknown): string {
  const seen = new Map<object, number>();
  const out: string[] = [];
  type Task = { readonly text: string } | { readonly value: unknown };
  const stack: Task[] = [{ value: x }];
  while (stack.length > 0) {
    const task = stack.pop() as Task;
    if ("text" in task) {
      out.push(task.text);
      continue;
    }
    const v = task.value;
    switch (typeof v) {
      case "number":
        out.push(Object.is(v, -0) ? "-0" : String(v));
        continue;
      case "string":
        out.push(v.length > 4096 ? `string(${v.length}, ${createHash("sha1").update(v).digest("hex")})` : JSON.stringify(v));
        continue;
      case "bigint":
        out.push(`${v}n`);
        continue;
      case "undefined":
        out.push("undefined");
        continue;
      case "boolean":
        out.push(String(v));
        continue;
      case "symbol":
        out.push(`Symbol(${v.description ?? ""})`);
        continue;
      case "function":
        out.push(`function ${v.name}`);
        continue;
      default: {
        if (v === null) {
          out.push("null");
          continue;
        }
        const o = v as object;
        const id = seen.get(o);
        if (id !== undefined) {
          out.push(`#${id}`);
          continue;
        }
        seen.set(o, seen.size);
        if (isView(o)) {
          out.push(`${o.constructor.name}[${Array.from(o as unknown as ArrayLike<number>, (n) => (Object.is(n, -0) ? "-0" : String(n))).join(",")}]`);
          continue;
        }
        const proto = Object.getPrototypeOf(o) as object | null;
        const tag = proto === null ? "null-proto" : proto === Object.prototype ? "" : proto === Array.prototype ? "array" : ((proto.constructor as { name?: string } | undefined)?.name ?? "?");
        const keys = Reflect.ownKeys(o).filter((k) => !(Array.isArray(o) && k === "length"));
        out.push(`${tag}{`);
        stack.push({ text: "}" });
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i] as string | symbol;
          const d = Object.getOwnPropertyDescriptor(o, k) as PropertyDescriptor;
          const name = `${i > 0 ? "," : ""}${typeof k === "symbol" ? `[${String(k)}]` : JSON.stringify(k)}:`;
          if ("value" in d) {
            stack.push({ value: d.value });
            stack.push({ text: name });
          } else {
            stack.push({ text: `${name}accessor` });
          }
        }
      }
    }
  }
  return out.join("");
}

/** Object.prototype and Array.prototype, fingerprinted: a pollution check. */
export function prototypesFingerprint(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(","))
    .join("|");
}
