import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";

async function run(argv: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => stdin });
  return { code, out, err };
}

const ROOT = join(import.meta.dirname, "..", "..");
/** package.json's version: every run and result carries it. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const JIANGSU = join(ROOT, "docs", "examples", "rule-sets", "jiangsu.json");
/** A claim-deadlines scenario with a caller calendar (`calendars`). */
const CALENDAR_SCENARIO = join(ROOT, "fixtures", "inner-mongolia", "claim-deadlines-caller-calendar.json");
const BOM = "\uFEFF";

/** `{ error }` of a JSON parse failure: typed, in both languages, like every other error. */
function parseError(code: string, what: string): unknown {
  const w = what.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    code,
    path: [],
    message: expect.stringMatching(new RegExp(`^${w}: not valid JSON: .* / ${w}：不是有效的 JSON`)),
    messageEn: expect.stringMatching(new RegExp(`^${w}: not valid JSON: `)),
    // the Chinese message has no English parser text: only where the parser stopped, when it says
    messageZh: expect.stringMatching(new RegExp(`^${w}：不是有效的 JSON(（第 \\d+ 个字符处）)?$`)),
  };
}

const scenario = {
  id: "qinghai-grade4",
  title: "青海四级：21 × 3600 = 75600",
  province: "qinghai",
  kind: "disability-benefits",
  input: { grade: 4, avgMonthlyWage: "6000.00" },
  expect: { oneTimeDisabilitySubsidy: "75600.00" },
};

describe("zhishang CLI", () => {
  test("eval prints { output, explanation }", async () => {
    const r = await run(["eval"], JSON.stringify(scenario));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { output: Record<string, unknown>; explanation: unknown[] };
    expect(json.output.oneTimeDisabilitySubsidy).toBe("75600.00");
    expect(json.explanation.length).toBeGreaterThan(2);
  });

  test("eval prints { error } and exits non-zero", async () => {
    const r = await run(["eval"], JSON.stringify({ ...scenario, input: { grade: 0, avgMonthlyWage: "6000" } }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: "INVALID_INPUT", path: ["input", "grade"] } });
    const bad = await run(["eval"], "{not json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error.code).toBe("INVALID_INPUT");
  });

  test("eval --explain zh renders the steps with citations", async () => {
    const r = await run(["eval", "--explain", "zh"], JSON.stringify(scenario));
    expect(r.out).toContain("一次性伤残补助金（4级）");
    expect(r.out).toContain("第二十六条第二款");
    expect((await run(["eval", "--explain", "fr"], "{}")).code).toBe(2);
  });

  test("run prints a JSON line per scenario and fails when one fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "a.json"), JSON.stringify(scenario));
    writeFileSync(join(dir, "sub", "b.json"), JSON.stringify({ ...scenario, id: "wrong", expect: { oneTimeDisabilitySubsidy: "1.00" } }));
    writeFileSync(join(dir, "notes.txt"), "ignored");
    const r = await run(["run", dir]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l) as { id: string; pass: boolean });
    expect(lines.map((l) => [l.id, l.pass])).toEqual([["qinghai-grade4", true], ["wrong", false]]);
    expect(r.err).toContain("1 passed, 1 failed");
    const ok = await run(["run", join(dir, "a.json")]);
    expect(ok.code).toBe(0);
    expect((await run(["run", join(dir, "missing.json")])).code).toBe(2);
  });

  // Before the fix an empty folder printed "0 passed, 0 failed" and exited 0, and defective scenarios that expected
  // INVALID_INPUT (a misspelled kind, both expect and expectError) passed: this checks the exit codes 0, 1 and 2.
  test("run exits 0 when all pass, 1 when any fails or is defective, 2 when no scenario is found", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    mkdirSync(join(dir, "empty"));
    writeFileSync(join(dir, "empty", "notes.txt"), "no scenario here");
    const empty = await run(["run", join(dir, "empty")]);
    expect(empty).toEqual({ code: 2, out: "", err: `zhishang run: no scenario found (no .json file in ${join(dir, "empty")})\n` });
    for (const [name, doc] of [
      ["typo-kind", { ...scenario, kind: "disability-benefit", expect: undefined, expectError: { code: "INVALID_INPUT" } }],
      ["both", { ...scenario, expectError: { code: "INVALID_INPUT" } }],
      ["neither", { ...scenario, expect: undefined }],
      ["never-output", { ...scenario, expect: { oneTimeDisabilitySubsid: "75600.00" } }],
    ] as const) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(doc));
      const r = await run(["run", file]);
      expect(r.code, name).toBe(1);
      expect(JSON.parse(r.out), name).toMatchObject({ pass: false, error: { code: "SCENARIO_INVALID" }, file });
      expect(r.err, name).toBe("0 passed, 1 failed\n");
    }
    writeFileSync(join(dir, "ok.json"), JSON.stringify(scenario));
    expect((await run(["run", join(dir, "ok.json"), join(dir, "empty")])).code).toBe(0);
    expect((await run(["run", "--reporter", "xml", join(dir, "ok.json")])).code).toBe(2);
    expect((await run(["run", "--lang", "fr", join(dir, "ok.json")])).code).toBe(2);
  });

  test("run: a warning (expectError without path) is on stderr and in the line; the default reporter follows the terminal", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    const file = join(dir, "grade11.json");
    writeFileSync(file, JSON.stringify({ ...scenario, input: { grade: 11, avgMonthlyWage: "6000.00" }, expect: undefined, expectError: { code: "INVALID_INPUT" } }));
    const r = await run(["run", file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ pass: true, warnings: [{ code: "EXPECT_ERROR_WITHOUT_PATH" }] });
    expect(r.err).toMatch(/^zhishang run: warning: qinghai-grade4 \(.*grade11\.json\): expectError gives no path: any INVALID_INPUT error passes, .*\n1 passed, 0 failed\n$/);
    let out = "";
    const code = await main(["run", file], { stdout: (t) => (out += t), stderr: () => undefined, readStdin: async () => "", isTTY: true });
    expect(code).toBe(0);
    expect(out.startsWith("✓ qinghai-grade4  (")).toBe(true);
    expect(out).toContain("⚠ 警告：expectError 未给出 path");
    expect(out.endsWith("共 1 个场景：1 个通过，0 个失败，1 个有警告\n")).toBe(true);
  });

  test("schema lists kinds and prints a kind's JSON Schema", async () => {
    expect((await run(["schema"])).out).toContain("disability-benefits");
    const s = await run(["schema", "death-benefits"]);
    expect(JSON.parse(s.out).properties.kind.const).toBe("death-benefits");
    expect((await run(["schema", "nope"])).code).toBe(2);
  });

  test("demo runs the worked cases of all five provinces", async () => {
    const r = await run(["demo"]);
    expect(r.code).toBe(0);
    for (const p of ["qinghai", "shanghai", "guangxi", "inner-mongolia", "zhejiang"]) expect(r.out).toContain(`(${p},`);
    expect(r.out).toContain("75600.00");
    expect(r.out.match(/✓ 与手算一致/g)).toHaveLength(5);
    const en = await run(["demo", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.out.match(/✓ matches the hand calculation/g)).toHaveLength(5);
    expect(en.out).toContain("by hand: base 6000 × 60% = 3600;");
  });

  test("timeline: a file that is not JSON is a typed error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    writeFileSync(join(dir, "broken.json"), "{");
    const r = await run(["timeline", join(dir, "broken.json")]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: "INVALID_INPUT", path: [] } });
  });

  test("help, version and unknown commands", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    for (const c of ["run", "eval", "schema", "demo", "timeline", "rule-set show", "rule-set validate", "--rule-set <file>"]) expect(help.out).toContain(c);
    expect((await run([])).code).toBe(2);
    expect((await run(["--version"])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await run(["frobnicate"])).code).toBe(2);
    // A command name is looked up as an own key only.
    expect((await run(["toString"])).code).toBe(2);
  });

  test.each(["run", "eval", "schema", "demo", "timeline"])("%s --help prints its usage", async (command) => {
    const r = await run([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: zhishang ${command}`));
    expect((await run([command, "-h"])).out).toBe(r.out);
  });

  test.each([
    ["run", ["run", "--frobnicate", "x.json"], "Unknown option '--frobnicate'"],
    ["eval", ["eval", "--lang", "zh"], "Unknown option '--lang'"],
    ["eval", ["eval", "a.json", "b.json"], "give at most one scenario file (none: read stdin)"],
    ["run", ["run", "--explain", "zh", "x.json"], "Unknown option '--explain'"],
    ["run", ["run", "--explain"], "Unknown option '--explain'"],
    ["eval", ["eval", "--explain"], "Option '--explain <value>' argument missing"],
    ["eval", ["eval", "--explain", "zh", "--format", "html"], "--format takes text, markdown or json, not \"html\""],
    ["eval", ["eval", "--rule-set"], "Option '--rule-set <value>' argument missing"],
    ["schema", ["schema", "death-benefits", "disability-benefits"], "give at most one kind"],
    ["schema", ["schema", "--all"], "Unknown option '--all'"],
    ["demo", ["demo", "--lang", "fr"], "--lang takes zh or en, not \"fr\""],
    ["demo", ["demo", "extra"], "Unexpected argument 'extra'"],
    ["demo", ["demo", "--lang"], "Option '--lang <value>' argument missing"],
    ["timeline", ["timeline", "a.json", "b.json"], "give one scenario file"],
    ["timeline", ["timeline", "--explain", "zh", "a.json"], "Unknown option '--explain'"],
  ])("%s: a usage error exits 2 with the message on stderr (%j)", async (command, argv, message) => {
    const r = await run(argv, JSON.stringify(scenario));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.startsWith(`zhishang ${command}: ${message}`)).toBe(true);
    expect(r.err).toContain(`Usage: zhishang ${command}`);
  });

  test("errors before evaluation are typed errors in both languages", async () => {
    const bad = await run(["eval"], "{not json");
    expect(JSON.parse(bad.out)).toMatchObject({ error: { code: "INVALID_INPUT", path: [], messageEn: expect.stringMatching(/^scenario on stdin: not valid JSON: /), messageZh: "scenario on stdin：不是有效的 JSON（第 2 个字符处）" } });
    const big = await run(["eval"], " ".repeat(10 * 1024 * 1024 + 1));
    expect(JSON.parse(big.out)).toMatchObject({ error: { code: "INVALID_INPUT", messageEn: "scenario on stdin: larger than 10 MiB" } });
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    writeFileSync(join(dir, "broken.json"), "{");
    const r = await run(["run", dir]);
    expect(r.code).toBe(1);
    const line = JSON.parse(r.out) as Record<string, unknown>;
    // a file that is not JSON is a defective scenario
    expect(line).toMatchObject({
      id: join(dir, "broken.json"), pass: false, output: null, mismatches: [{ path: "error", expected: null, actual: "SCENARIO_INVALID" }],
      file: join(dir, "broken.json"), error: { code: "SCENARIO_INVALID" },
    });
  });

  test("eval --explain en --format markdown renders Markdown", async () => {
    const r = await run(["eval", "--explain", "en", "--format", "markdown"], JSON.stringify(scenario));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\{\n {2}"benefitBase": "3600.00",/);
    expect(r.out).toContain("one-time disability subsidy (grade 4)");
  });

  // Before the fix `eval` allowed no positional ("Unexpected argument 'one.json'", exit 2): this checks that
  // `eval FILE` reads the scenario from FILE, not stdin, and that a FILE that cannot be read exits 2.
  test("eval FILE reads the scenario from the file; no FILE reads stdin", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    const file = join(dir, "one.json");
    writeFileSync(file, JSON.stringify(scenario));
    const r = await run(["eval", file], "{not json");
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { output: Record<string, unknown> }).output.oneTimeDisabilitySubsidy).toBe("75600.00");
    const explained = await run(["eval", "--explain", "en", file]);
    expect(explained.code).toBe(0);
    expect(explained.out).toContain("one-time disability subsidy (grade 4)");
    const missing = await run(["eval", join(dir, "missing.json")], JSON.stringify(scenario));
    expect(missing).toMatchObject({ code: 2, out: "" });
    expect(missing.err).toBe(`zhishang eval: cannot read ${join(dir, "missing.json")}: no such file\n`);
    expect((await run(["eval", dir])).code).toBe(2);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{");
    const bad = await run(["eval", broken]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toEqual({ error: parseError("INVALID_INPUT", broken) });
  });

  // Before the fix JSON.parse saw the byte-order mark and every command refused the file ("not valid JSON"): this
  // checks that a UTF-8 BOM is accepted at the start of a scenario (stdin and FILE, run, timeline with a caller
  // calendar) and of a rule-set file (--rule-set and rule-set validate).
  test("a UTF-8 byte-order mark at the start of any JSON read is accepted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    const file = join(dir, "bom.json");
    writeFileSync(file, BOM + JSON.stringify(scenario));
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const stdin = await run(["eval"], BOM + JSON.stringify(scenario));
    expect(stdin.code, stdin.out).toBe(0);
    expect((await run(["eval", file])).code).toBe(0);
    const ran = await run(["run", file]);
    expect(ran.code, ran.out).toBe(0);
    expect(JSON.parse(ran.out)).toMatchObject({ id: "qinghai-grade4", pass: true });
    const calendarFile = join(dir, "calendar.json");
    writeFileSync(calendarFile, BOM + readFileSync(CALENDAR_SCENARIO, "utf8"));
    const timeline = await run(["timeline", calendarFile]);
    expect(timeline.code, timeline.out).toBe(0);
    expect(timeline.out).toContain("```mermaid\n");
    expect((await run(["run", calendarFile])).code).toBe(0);
    const ruleSet = join(dir, "jiangsu.json");
    writeFileSync(ruleSet, BOM + readFileSync(JIANGSU, "utf8"));
    expect(await run(["rule-set", "validate", ruleSet])).toMatchObject({ code: 0, out: `ok ${ruleSet}: jiangsu@2027-01-01 (extends national)\n` });
    const jiangsu = await run(["eval", "--rule-set", ruleSet], JSON.stringify({ ...scenario, province: "jiangsu", expect: undefined }));
    expect(jiangsu.code, jiangsu.err + jiangsu.out).toBe(0);
    expect((JSON.parse(jiangsu.out) as { ruleSet: string }).ruleSet).toBe("jiangsu@2027-01-01");
    // Only a leading mark: one inside the text is still not JSON.
    expect((await run(["eval"], `{${BOM}}`)).code).toBe(1);
  });

  // Checks that a JSON parse failure is reported like every other error, { code, message, messageZh, messageEn,
  // path }, by every command that reads JSON: eval (stdin and FILE), run, timeline, --rule-set, rule-set validate.
  test("a JSON parse error carries messageZh and messageEn in every command", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-"));
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ \"id\": ");
    expect(JSON.parse((await run(["eval"], "{not json")).out)).toEqual({ error: parseError("INVALID_INPUT", "scenario on stdin") });
    expect(JSON.parse((await run(["eval", broken])).out)).toEqual({ error: parseError("INVALID_INPUT", broken) });
    const ran = await run(["run", broken]);
    expect(ran.code).toBe(1);
    expect(JSON.parse(ran.out)).toEqual({
      id: broken, pass: false, output: null, mismatches: [{ path: "error", expected: null, actual: "SCENARIO_INVALID" }],
      error: parseError("SCENARIO_INVALID", broken), version: PACKAGE_VERSION, file: broken,
    });
    const timeline = await run(["timeline", broken]);
    expect(timeline.code).toBe(1);
    expect(JSON.parse(timeline.out)).toEqual({ error: parseError("INVALID_INPUT", broken) });
    const validate = await run(["rule-set", "validate", broken]);
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.out)).toEqual({ file: broken, error: parseError("RULE_SET_INVALID", broken) });
    for (const argv of [["eval", "--rule-set", broken], ["run", "--rule-set", broken, broken], ["timeline", "--rule-set", broken, broken], ["rule-set", "show", "qinghai", "--rule-set", broken]]) {
      const r = await run(argv, JSON.stringify(scenario));
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.out).toBe("");
      expect(JSON.parse(r.err)).toEqual({ file: broken, error: parseError("RULE_SET_INVALID", broken) });
    }
  });

  // Checks that --version prints package.json's version (read from package.json when running from src; the
  // build injects it, see test/package.test.ts), not a copy kept by hand.
  test("--version prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: 0, out: `${version}\n`, err: "" });
    expect((await run(["--help"])).out.startsWith(`zhishang ${version} — `)).toBe(true);
  });
});
