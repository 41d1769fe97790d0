/**
 * Every export of src/index.ts is documented (the API reference, `npm run docs`, is generated from these
 * comments), and every exported value — function, class, constant — has an `@example` that is executed here.
 *
 * An example is a fenced `ts` block. It may import from "zhishang" (every export of src/index.ts is in scope
 * anyway). A statement followed by a comment states its value:
 *
 *   expression; // <JSON> (remark)  the expression equals the JSON value (deep equality; awaited if a promise);
 *                                   a remark in parentheses may follow
 *   expression; // "a…b"           a string where "…" stands for elided text: starts with "a", ends with "b"
 *   expression; // throws CODE      evaluating it throws a ZhishangError with that code
 *
 * (the conventions of test/readme.test.ts and test/calendar/examples.test.ts). Any other comment is prose.
 * Each example must state at least one value.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import * as lib from "../src/index.js";

const ROOT = join(import.meta.dirname, "..");
const INDEX = join(ROOT, "src", "index.ts");

type ExportKind = "function" | "class" | "constant" | "interface" | "type" | "other";

interface ExportDoc {
  readonly name: string;
  readonly kind: ExportKind;
  readonly file: string;
  readonly summary: string;
  readonly examples: readonly string[];
  /** Public members of a class without documentation. */
  readonly undocumentedMembers: readonly string[];
}

function program(): ts.Program {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), (p) => readFileSync(p, "utf8"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram([INDEX], { ...parsed.options, noEmit: true });
}

function kindOf(s: ts.Symbol): ExportKind {
  if (s.flags & ts.SymbolFlags.Function) return "function";
  if (s.flags & ts.SymbolFlags.Class) return "class";
  if (s.flags & ts.SymbolFlags.Variable) return "constant";
  if (s.flags & ts.SymbolFlags.Interface) return "interface";
  if (s.flags & ts.SymbolFlags.TypeAlias) return "type";
  return "other";
}

function tagText(tag: ts.JSDocTagInfo): string {
  return ts.displayPartsToString(tag.text ?? []);
}

function publicMembers(s: ts.Symbol, checker: ts.TypeChecker): ts.Symbol[] {
  const decl = s.declarations?.find(ts.isClassDeclaration);
  if (decl === undefined) return [];
  const out: ts.Symbol[] = [];
  for (const m of decl.members) {
    if (ts.isConstructorDeclaration(m) || ts.isClassStaticBlockDeclaration(m) || ts.isSemicolonClassElement(m)) continue;
    const flags = ts.getCombinedModifierFlags(m);
    if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
    if (m.name !== undefined && ts.isPrivateIdentifier(m.name)) continue;
    if (!ts.isMethodDeclaration(m) && !ts.isGetAccessorDeclaration(m) && !ts.isSetAccessorDeclaration(m)) continue;
    const sym = m.name === undefined ? undefined : checker.getSymbolAtLocation(m.name);
    if (sym === undefined || out.includes(sym)) continue;
    if (sym.getJsDocTags(checker).some((t) => t.name === "internal")) continue; // left out of the API reference
    out.push(sym);
  }
  return out;
}

function collectExports(): ExportDoc[] {
  const p = program();
  const checker = p.getTypeChecker();
  const source = p.getSourceFile(INDEX);
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (module === undefined) return [];
  return checker.getExportsOfModule(module).map((e) => {
    const s = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
    const tags = s.getJsDocTags(checker);
    const members = publicMembers(s, checker);
    return {
      name: e.name,
      kind: kindOf(s),
      file: (s.declarations?.[0]?.getSourceFile().fileName ?? "?").slice(ROOT.length + 1),
      summary: ts.displayPartsToString(s.getDocumentationComment(checker)).trim(),
      examples: tags.filter((t) => t.name === "example").map(tagText),
      undocumentedMembers: members
        .filter((m) => ts.displayPartsToString(m.getDocumentationComment(checker)).trim() === "")
        .map((m) => `${e.name}.${m.name}`),
    };
  });
}

/** The code of an `@example`'s fenced blocks. */
function codeOf(example: string): string[] {
  return [...example.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

type Expectation =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "pattern"; readonly pattern: string }
  | { readonly kind: "throws"; readonly code: string };

/** The JSON value a comment consists of, possibly followed by a remark in parentheses. */
function leadingJson(text: string): { value: unknown } | undefined {
  for (let end = text.length; end > 0; end--) {
    if (end < text.length && !/^\s+\(/.test(text.slice(end))) continue;
    try {
      return { value: JSON.parse(text.slice(0, end)) as unknown };
    } catch {
      // shorter
    }
  }
  return undefined;
}

function expectationOf(comment: string): Expectation | undefined {
  const text = comment.replace(/^\/\/\s*/, "").trim();
  const thrown = /^throws ([A-Z_]+)\b/.exec(text);
  if (thrown) return { kind: "throws", code: thrown[1] as string };
  const json = leadingJson(text);
  if (json === undefined) return undefined;
  if (typeof json.value === "string" && json.value.includes("…")) return { kind: "pattern", pattern: json.value };
  return { kind: "value", value: json.value };
}

/** A string with "…" for elided text: the pieces appear in order, the first at the start, the last at the end. */
function matchesPattern(actual: string, pattern: string): boolean {
  const source = pattern.split("…").map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*");
  return new RegExp(`^${source}$`).test(actual);
}

/** The example as the body of an async function, each stated value turned into a check; and how many. */
function toRunnable(code: string): { body: string; checks: number } {
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
  const body = ts.transpileModule(parts.join("\n"), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return { body, checks };
}

async function check(run: () => Promise<unknown>, expectation: Expectation, src: string): Promise<void> {
  if (expectation.kind === "throws") {
    let thrown: unknown;
    try {
      await run();
    } catch (e) {
      thrown = e;
    }
    expect(lib.isZhishangError(thrown), `${src} throws a ZhishangError`).toBe(true);
    expect((thrown as lib.ZhishangError).code, src).toBe(expectation.code);
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

async function runExample(code: string): Promise<number> {
  const { body, checks } = toRunnable(code);
  const names = Object.keys(lib).join(", ");
  // The example runs in its own block so that it may reuse a name of the library.
  await new AsyncFunction("lib", "__check", `const { ${names} } = lib;\n{\n${body}\n}`)(lib, check);
  return checks;
}

const exportsOfIndex = collectExports();
const values = exportsOfIndex.filter((e) => e.kind === "function" || e.kind === "class" || e.kind === "constant");
const examples = values.flatMap((e) => e.examples.flatMap(codeOf).map((code, i) => [`${e.name} #${i + 1}`, code] as const));

describe("TSDoc on the public API (src/index.ts)", () => {
  test("the exports were found", () => {
    expect(exportsOfIndex.length).toBeGreaterThan(100);
    expect(exportsOfIndex.map((e) => e.name)).toContain("computeDisabilityBenefits");
    // Every runtime export is seen by the compiler walk, and the other way round.
    expect(values.map((e) => e.name).sort()).toEqual(Object.keys(lib).sort());
  });

  test("every export has a TSDoc comment", () => {
    const missing = exportsOfIndex.filter((e) => e.summary === "").map((e) => `${e.kind} ${e.name} (${e.file})`);
    expect(missing).toEqual([]);
  });

  test("every exported function, class and constant has an @example with a ts block", () => {
    const missing = values.filter((e) => e.examples.flatMap(codeOf).length === 0).map((e) => `${e.kind} ${e.name} (${e.file})`);
    expect(missing).toEqual([]);
  });

  test("every public method of an exported class is documented", () => {
    expect(exportsOfIndex.flatMap((e) => e.undocumentedMembers)).toEqual([]);
  });

  test.each(examples)("the example of %s runs and its stated values hold", async (_name, code) => {
    expect(await runExample(code)).toBeGreaterThan(0);
  });
});
