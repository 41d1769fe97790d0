/**
 * The runner of the documentation examples: README.md (test/readme.test.ts), the TSDoc of the public API
 * (test/tsdoc.test.ts) and of the modules (test/premium/examples.test.ts, test/calendar/examples.test.ts).
 *
 * An example is TypeScript (a fenced `ts` block, or the text of a one-line `@example`). It may import from
 * "zhishang"; the names of the `lib` object it is run with are in scope anyway. A statement followed by a comment
 * states its value:
 *
 *   expression; // <JSON>            the expression equals the JSON value (deep equality; awaited if a promise)
 *   expression; // <JSON> (remark)   a remark in parentheses may follow any value
 *   expression; // "2026-10-08" the next working day
 *                                    after a string, an array or an object, any remark may follow
 *   expression; // false, a holiday  after a number, true, false or null, a remark set off by punctuation
 *                                    (, ; : or a dash); "// 1 April, China time" or "// 3 working days later" is prose
 *   expression; // "a…b"             a string where "…" stands for elided text: starts with "a", ends with "b"
 *   expression; // throws CODE       evaluating it throws a ZhishangError with that code
 *
 * Any other comment is prose. The callers require every example to state at least one value.
 */
import ts from "typescript";
import { expect } from "vitest";
import { isZhishangError, type ZhishangError } from "../../src/index.js";

/** The code of the fenced `ts` blocks of a Markdown text (README.md, the text of an `@example` tag). */
export function codeOf(text: string): string[] {
  return [...text.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

/** An example found in a source file; `line` is the 1-based line of its first line of code. */
export interface SourceExample {
  readonly line: number;
  readonly code: string;
}

const FENCE_OPEN = /^```(?:ts|typescript)\s*$/;
const FENCE_CLOSE = /^```\s*$/;

/**
 * The `@example`s of the doc comments (`/** … *\/`) of a source file: the fenced `ts` blocks of each `@example`
 * tag, or, when the tag has no fence, its own text (`@example BUNDLED_CALENDAR.years(); // [2024, 2025, 2026]`).
 */
export function examplesInSource(source: string): SourceExample[] {
  const out: SourceExample[] = [];
  for (const comment of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const firstLine = source.slice(0, comment.index).split("\n").length;
    const lines = (comment[1] as string).split("\n").map((l, i) => ({
      line: firstLine + i,
      text: (i === 0 ? l : l.replace(/^\s*\*(?: |$)/, "")).replace(/\s+$/, ""),
    }));
    let tag: { line: number; text: string }[] | undefined;
    const tags: { line: number; text: string }[][] = [];
    let inFence = false;
    for (const l of lines) {
      const trimmed = l.text.trim();
      if (inFence) {
        if (FENCE_CLOSE.test(trimmed)) inFence = false;
        tag?.push(l);
        continue;
      }
      if (/^@\w+/.test(trimmed)) {
        tag = undefined;
        const example = /^@example\b\s*(.*)$/.exec(trimmed);
        if (example !== null) {
          tag = [{ line: l.line, text: example[1] as string }];
          tags.push(tag);
        }
        continue;
      }
      if (FENCE_OPEN.test(trimmed) || FENCE_CLOSE.test(trimmed)) inFence = FENCE_OPEN.test(trimmed);
      tag?.push(l);
    }
    for (const t of tags) out.push(...examplesOfTag(t));
  }
  return out;
}

function examplesOfTag(tag: readonly { line: number; text: string }[]): SourceExample[] {
  const out: SourceExample[] = [];
  let block: { line: number; code: string[] } | undefined;
  let fenced = false;
  for (const [i, l] of tag.entries()) {
    const trimmed = l.text.trim();
    if (block === undefined && FENCE_OPEN.test(trimmed)) {
      fenced = true;
      block = { line: (tag[i + 1] ?? l).line, code: [] };
    } else if (block !== undefined && FENCE_CLOSE.test(trimmed)) {
      out.push({ line: block.line, code: block.code.join("\n") });
      block = undefined;
    } else {
      block?.code.push(l.text);
    }
  }
  if (fenced) return out;
  const first = tag.findIndex((l) => l.text.trim() !== "");
  const text = tag.slice(Math.max(first, 0)).map((l) => l.text).join("\n").trim();
  return first < 0 || text === "" ? [] : [{ line: (tag[first] as { line: number }).line, code: text }];
}

export type Expectation =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "pattern"; readonly pattern: string }
  | { readonly kind: "throws"; readonly code: string };

/** Whether `rest` may follow the stated `value` as a remark (see the module comment). */
function isRemark(value: unknown, rest: string): boolean {
  if (rest === "" || /^\s+\(/.test(rest)) return true;
  if (typeof value === "string" || (value !== null && typeof value === "object")) return /^\s+\S/.test(rest);
  return /^\s*[,;:]\s/.test(rest) || /^\s+[—–-]\s/.test(rest);
}

/** The JSON value a comment begins with, when what follows it is a remark. */
export function leadingJson(text: string): { value: unknown } | undefined {
  for (let end = text.length; end > 0; end--) {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(0, end)) as unknown;
    } catch {
      continue; // shorter
    }
    if (isRemark(value, text.slice(end))) return { value };
  }
  return undefined;
}

/** What a comment after a statement states about its value, or undefined for prose. */
export function expectationOf(comment: string): Expectation | undefined {
  const text = comment.replace(/^\/\/\s*/, "").trim();
  const thrown = /^throws ([A-Z][A-Z0-9_]+)\b/.exec(text);
  if (thrown) return { kind: "throws", code: thrown[1] as string };
  const json = leadingJson(text);
  if (json === undefined) return undefined;
  if (typeof json.value === "string" && json.value.includes("…")) return { kind: "pattern", pattern: json.value };
  return { kind: "value", value: json.value };
}

/** A string with "…" for elided text: the pieces appear in order, the first at the start, the last at the end. */
export function matchesPattern(actual: string, pattern: string): boolean {
  const source = pattern.split("…").map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*");
  return new RegExp(`^${source}$`).test(actual);
}

/** The example as the body of an async function, each stated value turned into a check; and how many. */
export function toRunnable(code: string): { body: string; checks: number } {
  const sf = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  let checks = 0;
  const parts: string[] = [];
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt)) {
      const from = (stmt.moduleSpecifier as ts.StringLiteral).text;
      if (from !== "zhishang") parts.push(`throw new Error(${JSON.stringify(`examples import only from "zhishang", not ${from}`)});`);
      continue;
    }
    const comment = ts.getTrailingCommentRanges(code, stmt.end)?.[0];
    const expectation = comment === undefined ? undefined : expectationOf(code.slice(comment.pos, comment.end));
    if (ts.isExpressionStatement(stmt) && expectation !== undefined) {
      checks += 1;
      const src = JSON.stringify(stmt.getText(sf));
      parts.push(`await __check(async () => (${stmt.expression.getText(sf)}), ${JSON.stringify(expectation)}, ${src});`);
    } else {
      parts.push(stmt.getText(sf));
    }
  }
  const out = ts.transpileModule(parts.join("\n"), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: true,
  });
  const errors = (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  if (errors.length > 0) throw new SyntaxError(`the example does not parse: ${errors.join("; ")}\n${code}`);
  return { body: out.outputText, checks };
}

async function check(run: () => Promise<unknown>, expectation: Expectation, src: string): Promise<void> {
  if (expectation.kind === "throws") {
    let thrown: unknown;
    try {
      await run();
    } catch (e) {
      thrown = e;
    }
    expect(isZhishangError(thrown), `${src} throws a ZhishangError`).toBe(true);
    expect((thrown as ZhishangError).code, src).toBe(expectation.code);
    return;
  }
  const actual = await run();
  if (expectation.kind === "pattern") {
    expect(typeof actual, src).toBe("string");
    expect(matchesPattern(actual as string, expectation.pattern), `${src} matches ${JSON.stringify(expectation.pattern)}`).toBe(true);
  } else {
    expect(actual, src).toEqual(expectation.value);
  }
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;

/**
 * Runs an example with the names of `lib` in scope and checks its stated values; returns how many it checked
 * (callers fail an example with none).
 */
export async function runExample(code: string, lib: Readonly<Record<string, unknown>>): Promise<number> {
  const { body, checks } = toRunnable(code);
  const names = Object.keys(lib);
  const invalid = names.filter((n) => !/^[A-Za-z_$][\w$]*$/.test(n) || n === "lib" || n === "__check");
  if (invalid.length > 0) throw new TypeError(`names that cannot be put in scope: ${invalid.join(", ")}`);
  // The example runs in its own block so that it may reuse a name of the library.
  await new AsyncFunction("lib", "__check", `const { ${names.join(", ")} } = lib;\n{\n${body}\n}`)(lib, check);
  return checks;
}
