/**
 * The reporters of `zhishang run --reporter ndjson|pretty|junit|tap` (src/scenario/report.ts): every fixture passes
 * under each of them with the right counts; failures are reported with what was expected, what came out and the
 * explanation steps and citations behind it; the JUnit XML conforms to the Jenkins / Ant JUnit schema and the TAP to
 * TAP version 14 (checkers in test/support/report-formats.ts); hostile ids cannot break either format.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import { formatReport, formatRun, REPORTERS, runScenario, type ReportedRun } from "../../src/index.js";
import { checkJunit, elements, parseTap, parseXml } from "../support/report-formats.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(ROOT, "fixtures");
const JUNIT_REQUIRED = { testsuite: ["name", "tests", "failures", "errors", "skipped", "time"], testcase: ["name", "classname", "time"], failure: ["message", "type"] };

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsonFiles(p) : name.endsWith(".json") ? [p] : [];
  });
}
const FIXTURE_FILES = jsonFiles(FIXTURES);
const PROVINCE_FOLDERS = readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory()).sort();

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => "" });
  return { code, out, err };
}

describe("every fixture passes under every reporter", { timeout: 60_000 }, () => {
  const N = FIXTURE_FILES.length;

  test("there are fixtures in every province folder", () => {
    expect(N).toBeGreaterThanOrEqual(200);
    expect(PROVINCE_FOLDERS).toEqual(["guangxi", "inner-mongolia", "qinghai", "shanghai", "zhejiang"]);
    expect(REPORTERS).toEqual(["ndjson", "pretty", "junit", "tap"]);
  });

  test("ndjson: one passing line per file, in file order, without warnings", async () => {
    const r = await cli(["run", "--reporter", "ndjson", FIXTURES]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${N} passed, 0 failed\n`);
    const lines = r.out.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(FIXTURE_FILES);
    expect(lines.filter((l) => l.pass !== true || l.warnings !== undefined || "explanation" in l)).toEqual([]);
  });

  test.each(["zh", "en"] as const)("pretty (%s): a ✓ line per file and the summary", async (lang) => {
    const r = await cli(["run", "--reporter", "pretty", "--lang", lang, FIXTURES]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out.split("\n");
    expect(lines.filter((l) => l.startsWith("✓ "))).toHaveLength(N);
    expect(lines.filter((l) => l.startsWith("✗ "))).toEqual([]);
    expect(r.out.endsWith(lang === "zh" ? `\n共 ${N} 个场景：${N} 个通过，0 个失败\n` : `\n${N} scenarios: ${N} passed, 0 failed\n`)).toBe(true);
  });

  test("junit: conforms to the JUnit schema, one suite per folder, N cases, no failure", async () => {
    const r = await cli(["run", "--reporter", "junit", FIXTURES]);
    expect(r.code).toBe(0);
    expect(checkJunit(r.out, JUNIT_REQUIRED)).toEqual([]);
    const root = parseXml(r.out);
    expect(root.attributes).toEqual({ name: "zhishang", tests: String(N), failures: "0", errors: "0", skipped: "0", time: "0" });
    expect(root.children.map((s) => s.attributes.name)).toEqual(PROVINCE_FOLDERS.map((p) => join(FIXTURES, p)));
    expect(elements(root, "testcase")).toHaveLength(N);
    expect(elements(root, "failure")).toEqual([]);
    expect(elements(root, "testcase")[0]?.attributes.classname?.endsWith("fixtures.guangxi")).toBe(true);
  });

  test("tap: TAP version 14, plan 1..N, N ok points without diagnostics", async () => {
    const r = await cli(["run", "--reporter", "tap", "--lang", "en", FIXTURES]);
    expect(r.code).toBe(0);
    const tap = parseTap(r.out);
    expect(tap.plan).toBe(N);
    expect(tap.points.filter((p) => !p.ok || p.diagnostics !== undefined)).toEqual([]);
    expect(tap.comments).toEqual([`${N} scenarios: ${N} passed, 0 failed`]);
  });
});

describe("failures under each reporter", () => {
  /** Qinghai grade 4: base 6000 × 60% = 3600; allowance 75% × 3600 = 2700 (第二十六条第三款), not 2800. */
  const base = { id: "g4", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00" } };
  const hostileId = "a<b & \"c\" 'd' #1 \\ \u0001 ]]>";
  const runs: ReportedRun[] = [
    { ...runScenario({ ...base, expect: { oneTimeDisabilitySubsidy: "75600.00" } }), file: "a/ok.json" },
    { ...runScenario({ ...base, id: "wrong", expect: { monthlyDisabilityAllowance: "2800.00", benefitBase: "3600" } }), file: "a/wrong.json" },
    { ...runScenario({ ...base, id: "typo", kind: "disability-benefit", expectError: { code: "INVALID_INPUT" } }), file: "b/typo.json" },
    { ...runScenario({ ...base, id: "warn", input: { grade: 11, avgMonthlyWage: "6000" }, expectError: { code: "INVALID_INPUT" } }), file: "b/warn.json" },
    runScenario({ ...base, id: hostileId, expect: { benefitBase: "1" } }),
  ];
  const wrong = runs[1] as ReportedRun;

  test("pretty: the mismatch, the step that produced the value and its citation, in English", () => {
    expect(formatRun(wrong, { lang: "en" })).toBe(
      [
        "✗ wrong  (a/wrong.json)",
        "    output.monthlyDisabilityAllowance",
        '      expected  "2800.00"',
        '      actual    "2700.00"',
        "      steps that produced it:",
        "        4. monthly disability allowance (grade 4) → formula=3600 × 75%; exact=2700; amount=2700.00",
        "           input: benefitBase=3600; grade=4",
        "           parameter disability.monthlyAllowancePercent = 1=90; 2=85; 3=80; 4=75 [province's own article]",
        "           rounding: half-up to 0.01 yuan (docs/decisions.md#C4)",
        "           source: Qinghai implementing measures (trial), annex 1, art. 26 para. 3",
      ].join("\n"),
    );
  });

  test("pretty: in Chinese (the default), with the error of a defective scenario and a warning", () => {
    const text = formatReport(runs, { reporter: "pretty" });
    const lines = text.split("\n");
    expect(lines).toContain("      期望  \"2800.00\"");
    expect(lines).toContain("        4. 伤残津贴（4级，按月） → formula=3600 × 75%; exact=2700; amount=2700.00");
    expect(lines).toContain("           依据: 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十六条第三款");
    expect(lines.find((l) => l.startsWith("    错误 SCENARIO_INVALID"))).toMatch(/^ {4}错误 SCENARIO_INVALID（位置 \["kind"\]）：未知场景类型 "disability-benefit"（是否应为“disability-benefits”？）；/);
    expect(lines).toContain('    ⚠ 警告：expectError 未给出 path：任何 INVALID_INPUT 错误都会通过，包括输入字段拼写错误引起的错误；请写明 path（本次的错误位于 ["input","grade"]）');
    // the benefit base step (2) gave 3600.00: exact=3600; display=3600.00
    expect(lines).toContain("        2. 计发基数（上年度全省城镇私营单位就业人员月平均工资 × 比例） → exact=3600; display=3600.00");
    // a control character of an id is not written to a terminal
    expect(lines).toContain("✗ a<b & \"c\" 'd' #1 \\ \uFFFD ]]>");
    expect(lines.at(-2)).toBe("共 5 个场景：2 个通过，3 个失败，1 个有警告");
  });

  test("junit: conforms to the schema; names, messages and types read back exactly", () => {
    const xml = formatReport(runs, { reporter: "junit", lang: "en" });
    expect(checkJunit(xml, JUNIT_REQUIRED)).toEqual([]);
    const root = parseXml(xml);
    expect(root.attributes).toMatchObject({ tests: "5", failures: "3" });
    expect(root.children.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([["a", "2", "1"], ["b", "2", "1"], ["zhishang", "1", "1"]]);
    const cases = elements(root, "testcase");
    expect(cases.map((c) => c.attributes.name)).toEqual(["g4", "wrong", "typo", "warn", hostileId.replace("\u0001", "\uFFFD")]);
    const failures = elements(root, "failure").map((f) => f.attributes);
    expect(failures).toEqual([
      { message: 'output.monthlyDisabilityAllowance: expected "2800.00", actual "2700.00"', type: "mismatch" },
      { message: 'error.code: expected "INVALID_INPUT", actual "SCENARIO_INVALID"', type: "SCENARIO_INVALID" },
      { message: 'output.benefitBase: expected "1", actual "3600.00"', type: "mismatch" },
    ]);
    const body = elements(root, "failure")[0]?.text ?? "";
    expect(body.startsWith("file: a/wrong.json\noutput.monthlyDisabilityAllowance\n")).toBe(true);
    expect(body).toContain("source: Qinghai implementing measures (trial), annex 1, art. 26 para. 3");
    expect(elements(cases[3] as never, "system-err").map((e) => e.text)).toEqual([
      'warning: expectError gives no path: any INVALID_INPUT error passes, one caused by a misspelled input field too; state the path (this run\'s error is at ["input","grade"])',
    ]);
    // the checker refuses what is not JUnit XML: it can fail
    expect(checkJunit(xml.replace('tests="5"', 'tests="6"'), JUNIT_REQUIRED)).toEqual(["testsuites: tests=6, 5 cases"]);
    expect(checkJunit(xml.replace('classname="a"', 'klass="a"'), JUNIT_REQUIRED)).toEqual([
      "testsuites/testsuite[0]/testcase[0]: attribute klass not in the schema",
      "testsuites/testsuite[0]/testcase[0]: attribute classname missing",
    ]);
    expect(checkJunit(xml.replace("a&lt;b", "a<b"), JUNIT_REQUIRED)[0]).toMatch(/^not well-formed: /);
  });

  test("tap: version 14, plan, points, YAML diagnostics indented by two spaces", () => {
    const text = formatReport(runs, { reporter: "tap", lang: "en" });
    expect(text.startsWith("TAP version 14\n1..5\nok 1 - g4\nnot ok 2 - wrong\n  ---\n  message: ")).toBe(true);
    const tap = parseTap(text);
    expect(tap.points.map((p) => [p.ok, p.number, p.description])).toEqual([
      [true, 1, "g4"], [false, 2, "wrong"], [false, 3, "typo"], [true, 4, "warn"], [false, 5, hostileId.replace("\u0001", "\uFFFD")],
    ]);
    expect(tap.points[1]?.diagnostics).toEqual({
      message: 'output.monthlyDisabilityAllowance: expected "2800.00", actual "2700.00"',
      severity: "fail",
      file: "a/wrong.json",
      mismatches: [{ path: "output.monthlyDisabilityAllowance", expected: "2800.00", actual: "2700.00" }],
    });
    expect(tap.points[2]?.diagnostics?.error).toEqual({ code: "SCENARIO_INVALID", path: ["kind"], message: runs[2]?.error?.messageEn });
    expect(tap.points[3]?.diagnostics).toMatchObject({ file: "b/warn.json", warnings: [expect.stringMatching(/^EXPECT_ERROR_WITHOUT_PATH: expectError gives no path: /)] });
    expect(tap.points[0]?.diagnostics).toBeUndefined();
    expect(tap.comments).toEqual(["5 scenarios: 2 passed, 3 failed, 1 with warnings"]);
    // the checker refuses what is not TAP 14: it can fail
    expect(() => parseTap(text.replace("1..5", "1..4"))).toThrow("plan 1..4, 5 test points");
    expect(() => parseTap(text.replace("  ---\n  message:", "  ---\n message:"))).toThrow("a YAML line not indented by two spaces");
    expect(() => parseTap(text.replace("\\#1", "#1"))).toThrow("an unescaped # in a description");
  });

  test("ndjson: the runs without their explanations, file last", () => {
    const lines = formatReport(runs).trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    // the last run has no file: its last field is the assumptions (of an evaluated scenario: none in Qinghai)
    expect(lines.map((l) => Object.keys(l).at(-1))).toEqual(["file", "file", "file", "file", "assumptions"]);
    expect(lines[1]).toEqual({ id: "wrong", pass: false, output: runs[1]?.output, mismatches: [{ path: "output.monthlyDisabilityAllowance", expected: "2800.00", actual: "2700.00" }], ruleSet: "qinghai@2026-07-01", assumptions: [], file: "a/wrong.json" });
  });

  test("no run: each format still well formed", () => {
    expect(formatReport([], { reporter: "tap", lang: "en" })).toBe("TAP version 14\n1..0\n# 0 scenarios: 0 passed, 0 failed\n");
    expect(checkJunit(formatReport([], { reporter: "junit" }), JUNIT_REQUIRED)).toEqual([]);
    expect(formatReport([])).toBe("");
  });

  test("what is not a run, a reporter or a language is a typed error", () => {
    expect(() => formatReport([{ id: "x" } as never])).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["runs", 0] }));
    expect(() => formatReport("runs" as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["runs"] }));
    expect(() => formatReport(runs, { reporter: "xml" as never })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["options", "reporter"] }));
    expect(() => formatRun(wrong, { lang: "fr" as never })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["options", "lang"] }));
    expect(() => formatRun(null as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", path: ["run"] }));
  });
});
