/**
 * Every export of src/index.ts is documented (the API reference, `npm run docs`, is generated from these
 * comments), and every exported value — function, class, constant — has an `@example` that is executed here.
 *
 * An example is a fenced `ts` block. It may import from "zhishang" (every export of src/index.ts is in scope
 * anyway). A statement followed by a comment states its value — `expression; // <JSON>`, `// "a…b"`,
 * `// throws CODE` — as test/support/examples.ts describes; that runner is shared with test/readme.test.ts,
 * test/premium/examples.test.ts and test/calendar/examples.test.ts. Each example must state at least one value.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import * as lib from "../src/index.js";
import { codeOf, expectationOf, matchesPattern, runExample, toRunnable } from "./support/examples.js";

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
    expect(await runExample(code, lib)).toBeGreaterThan(0);
  });
});

describe("the example runner (test/support/examples.ts)", () => {
  test("stated values, patterns and error codes are checks; prose is not", () => {
    expect(expectationOf("// 4")).toEqual({ kind: "value", value: 4 });
    expect(expectationOf('// ["a", 1]')).toEqual({ kind: "value", value: ["a", 1] });
    expect(expectationOf("// true  (Thursday after National Day)")).toEqual({ kind: "value", value: true });
    expect(expectationOf('// "2026-10-08" the next working day')).toEqual({ kind: "value", value: "2026-10-08" });
    expect(expectationOf("// false, a holiday")).toEqual({ kind: "value", value: false });
    expect(expectationOf("// 7 — a week of working days")).toEqual({ kind: "value", value: 7 });
    expect(expectationOf('// "## 时间线…|"')).toEqual({ kind: "pattern", pattern: "## 时间线…|" });
    expect(expectationOf("// throws CALENDAR_NOT_COVERED")).toEqual({ kind: "throws", code: "CALENDAR_NOT_COVERED" });
    for (const prose of ["// 1 April, China time", "// 3 working days later", "// 2026-10-08", "// true if it is a working day",
      "// the next working day", "// throws an error", "// truey", "//"]) {
      expect(expectationOf(prose), prose).toBeUndefined();
    }
    expect(matchesPattern("ab\ncd", "a…d")).toBe(true);
    expect(matchesPattern("xab", "a…b")).toBe(false);
  });

  test("every stated value is counted, and a wrong one fails", async () => {
    const code = 'const x = 1 + 1; // 2 (a declaration is not a check)\nx; // 2\nx * 2; // 4 (twice)\nx + 1; // 3 working days';
    expect(toRunnable(code).checks).toBe(2);
    expect(await runExample(code, {})).toBe(2);
    await expect(runExample("1 + 1; // 3", {})).rejects.toThrow();
    await expect(runExample('"ab"; // "b…"', {})).rejects.toThrow();
    await expect(runExample('isZhishangError(1); // throws INVALID_INPUT', lib)).rejects.toThrow();
    await expect(runExample("1 + ; // 1", {})).rejects.toThrow(SyntaxError);
  });
});
