/**
 * Rule-set files through the CLI: `zhishang rule-set validate` (every defect a typed error line with its path),
 * `zhishang rule-set show` (JSON that loads back unchanged, Markdown for a reader), and `--rule-set <file>` on
 * `eval`, `run`, `timeline` and `rule-set show`: a province no rule set is bundled for (Jiangsu, the example of
 * docs/examples/rule-sets/jiangsu.json), a later version of a bundled one (qinghai-2028.json), files extending
 * earlier files, and files that cannot be used (exit 2, naming the file, before any scenario runs).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import { bundledRuleSets, loadRuleSet, parameterNames, PROVINCES, ruleSetToFile } from "../../src/index.js";

const ROOT = join(import.meta.dirname, "..", "..");
const JIANGSU = join(ROOT, "docs", "examples", "rule-sets", "jiangsu.json");
const QINGHAI_2028 = join(ROOT, "docs", "examples", "rule-sets", "qinghai-2028.json");
const JIANGSU_2028 = join(import.meta.dirname, "files", "jiangsu-2028.json");
const INVALID = join(import.meta.dirname, "files", "invalid.json");

interface Run {
  code: number;
  out: string;
  err: string;
  /** Whether the command read stdin. */
  readStdin: boolean;
}

async function run(argv: string[], stdin = ""): Promise<Run> {
  let out = "";
  let err = "";
  let readStdin = false;
  const code = await main(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: async () => {
      readStdin = true;
      return stdin;
    },
  });
  return { code, out, err, readStdin };
}

interface ErrorLine {
  file?: string;
  error: { code: string; message: string; messageZh: string; messageEn: string; path: Array<string | number> };
}
const lines = (text: string): ErrorLine[] => text.trim().split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as ErrorLine);

let dir: string;
const jiangsu = JSON.parse(readFileSync(JIANGSU, "utf8")) as Record<string, unknown> & { params: Record<string, { provenance: { citations: unknown[] } }> };

/** A variant of the Jiangsu example written to the temporary folder. */
function variant(name: string, change: (file: typeof jiangsu) => unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(change(structuredClone(jiangsu))));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "zhishang-rule-sets-"));
});

const disability = (province: string, accidentDate: string) => ({
  id: `${province}-grade4-${accidentDate}`,
  province,
  kind: "disability-benefits",
  input: { grade: 4, avgMonthlyWage: "6000.00", accidentDate },
});

describe("zhishang rule-set validate", () => {
  test("a valid file prints one ok line and exits 0", async () => {
    const r = await run(["rule-set", "validate", JIANGSU, QINGHAI_2028]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe(`ok ${JIANGSU}: jiangsu@2027-01-01 (extends national)\nok ${QINGHAI_2028}: qinghai@2028-01-01 (extends qinghai@2026-07-01)\n`);
  });

  test("shape errors: every defect a typed error line with the file and the path of the bad value", async () => {
    const r = await run(["rule-set", "validate", INVALID]);
    expect(r.code).toBe(1);
    const errors = lines(r.out);
    expect(errors.map((e) => [e.file, e.error.code, e.error.path])).toEqual([
      [INVALID, "RULE_SET_INVALID", ["params", "benefit.baseFactor", "value"]],
      [INVALID, "RULE_SET_INVALID", ["params", "benefit.baseFactor", "value"]],
      [INVALID, "RULE_SET_INVALID", ["params", "benefit.bonusFactor"]],
    ]);
    expect(errors[0]?.error.messageEn).toBe('rule set, params.benefit.baseFactor.value: expected a decimal string such as "0.6"');
    expect(errors[2]?.error.messageEn).toBe('rule set, params.benefit.bonusFactor: unknown field "benefit.bonusFactor"');
    for (const e of errors) {
      expect(Object.keys(e.error)).toEqual(["code", "message", "messageZh", "messageEn", "path"]);
      expect(e.error.message).toBe(`${e.error.messageEn} / ${e.error.messageZh}`);
    }
  });

  test("a citation to an unknown document and extends of an unknown id, with their paths", async () => {
    const file = variant("unknown-doc-and-base.json", (f) => {
      f.params["coverage.pilotPlatforms"]!.provenance.citations = [{ doc: "jiangsu-notice" }];
      return { ...f, extends: "jiangsu@2020-01-01" };
    });
    const r = await run(["rule-set", "validate", file]);
    expect(r.code).toBe(1);
    const errors = lines(r.out);
    expect(errors[0]).toMatchObject({ file, error: { code: "RULE_SET_INVALID", path: ["extends"] } });
    expect(errors[0]?.error.messageEn).toMatch(/^extends "jiangsu@2020-01-01": no such rule set; known: national, qinghai@2026-07-01, /);
    expect(errors.map((e) => e.error.path)).toContainEqual(["params", "coverage.pilotPlatforms", "provenance", "citations", 0, "doc"]);
    const doc = errors.find((e) => e.error.path.at(-1) === "doc");
    expect(doc?.error.messageEn).toBe('citation names document "jiangsu-notice", which neither the library nor the file\'s documents define');
  });

  test("an id that is not province@validFrom", async () => {
    const file = variant("bad-id.json", (f) => ({ ...f, id: "jiangsu-2027" }));
    const r = await run(["rule-set", "validate", file]);
    expect(r.code).toBe(1);
    expect(lines(r.out).map((e) => e.error.path)).toEqual([["id"]]);
  });

  test("a file extending another file validates with that file given by --rule-set", async () => {
    const alone = await run(["rule-set", "validate", JIANGSU_2028]);
    expect(alone.code).toBe(1);
    expect(lines(alone.out)[0]?.error.path).toEqual(["extends"]);
    const withBase = await run(["rule-set", "validate", "--rule-set", JIANGSU, JIANGSU_2028]);
    expect(withBase).toMatchObject({ code: 0, out: `ok ${JIANGSU_2028}: jiangsu@2028-01-01 (extends jiangsu@2027-01-01)\n` });
  });

  test("not JSON is a typed error (exit 1); a file that cannot be read exits 2; valid files are still reported", async () => {
    const notJson = join(dir, "not-json.json");
    writeFileSync(notJson, "{ \"id\": ");
    const r = await run(["rule-set", "validate", notJson, JIANGSU]);
    expect(r.code).toBe(1);
    const [first, second] = r.out.split("\n");
    expect(JSON.parse(first as string)).toMatchObject({ file: notJson, error: { code: "RULE_SET_INVALID", path: [] } });
    expect((JSON.parse(first as string) as ErrorLine).error.messageEn).toMatch(new RegExp(`^${notJson.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON: `));
    expect(second).toBe(`ok ${JIANGSU}: jiangsu@2027-01-01 (extends national)`);
    const missing = join(dir, "missing.json");
    const m = await run(["rule-set", "validate", missing]);
    expect(m).toMatchObject({ code: 2, out: "" });
    expect(lines(m.err)[0]).toMatchObject({ file: missing, error: { code: "INVALID_INPUT", messageEn: `cannot read ${missing}: no such file` } });
    expect((await run(["rule-set", "validate", dir])).code).toBe(2);
  });

  test("usage errors", async () => {
    expect((await run(["rule-set", "validate"])).code).toBe(2);
    const unknown = await run(["rule-set", "validate", "--strict", JIANGSU]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^zhishang rule-set validate: Unknown option '--strict'/);
    expect((await run(["rule-set", "validate", "--help"])).out).toMatch(/^Usage: zhishang rule-set validate /);
  });
});

describe("zhishang rule-set show --format json", () => {
  test.each([...PROVINCES])("%s: the rule-set file loads back unchanged and validates", async (province) => {
    const r = await run(["rule-set", "show", province, "--format", "json"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    const file = JSON.parse(r.out) as Record<string, unknown>;
    expect(file).toEqual(JSON.parse(JSON.stringify(ruleSetToFile(bundledRuleSets().versions(province).at(-1)!))));
    expect(file.extends).toBeUndefined();
    // load(show), then show again: byte-identical.
    expect(`${JSON.stringify(ruleSetToFile(loadRuleSet(file)), null, 2)}\n`).toBe(r.out);
    const saved = join(dir, `${province}.json`);
    writeFileSync(saved, r.out);
    expect(await run(["rule-set", "validate", saved])).toMatchObject({ code: 0, out: `ok ${saved}: ${String(file.id)}\n` });
  });

  test("a file-defined province: show → --rule-set → show is byte-identical", async () => {
    const first = await run(["rule-set", "show", "jiangsu", "--rule-set", JIANGSU, "--format", "json"]);
    expect(first.code).toBe(0);
    const file = JSON.parse(first.out) as { id: string; documents: Record<string, unknown>; params: Record<string, unknown> };
    expect(file.id).toBe("jiangsu@2027-01-01");
    expect(Object.keys(file.documents)).toEqual(["jiangsu-measures"]);
    // Resolved: the national parameters the file did not state are there.
    expect(Object.keys(file.params)).toEqual(expect.arrayContaining(["death.funeralMonths", "timeLimit.confirmation"]));
    const saved = join(dir, "jiangsu-shown.json");
    writeFileSync(saved, first.out);
    const second = await run(["rule-set", "show", "jiangsu", "--rule-set", saved, "--format", "json"]);
    expect(second).toMatchObject({ code: 0, out: first.out });
  });

  test("--as-of picks the version in force; without it the newest", async () => {
    const newest = await run(["rule-set", "show", "qinghai", "--rule-set", QINGHAI_2028, "--format", "json"]);
    expect(JSON.parse(newest.out)).toMatchObject({ id: "qinghai@2028-01-01", params: { "benefit.baseFactor": { value: "0.7" } } });
    const before = await run(["rule-set", "show", "qinghai", "--rule-set", QINGHAI_2028, "--as-of", "2027-12-31", "--format", "json"]);
    expect(JSON.parse(before.out)).toMatchObject({ id: "qinghai@2026-07-01", params: { "benefit.baseFactor": { value: "0.6" } } });
    const chained = await run(["rule-set", "show", "jiangsu", "--rule-set", JIANGSU, "--rule-set", JIANGSU_2028, "--as-of", "2028-01-01", "--format", "json"]);
    expect(JSON.parse(chained.out)).toMatchObject({ id: "jiangsu@2028-01-01", name: { zh: "江苏省" }, params: { "benefit.baseFactor": { value: "0.8" } } });
  });

  test("a bundled rule set given again by --rule-set is refused (its id is loaded already)", async () => {
    const shown = await run(["rule-set", "show", "qinghai", "--format", "json"]);
    const saved = join(dir, "qinghai-again.json");
    writeFileSync(saved, shown.out);
    const r = await run(["rule-set", "show", "qinghai", "--rule-set", saved]);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(lines(r.err)).toEqual([
      expect.objectContaining({ file: saved, error: expect.objectContaining({ code: "RULE_SET_INVALID", path: ["id"], messageEn: `${saved}: rule set qinghai@2026-07-01 is already loaded` }) }),
    ]);
  });
});

describe("zhishang rule-set show (markdown)", () => {
  test("every parameter with its value, provenance and rendered citations, then the rule texts", async () => {
    const r = await run(["rule-set", "show", "qinghai"]);
    expect(r.code).toBe(0);
    const ruleSet = bundledRuleSets().versions("qinghai")[0]!;
    expect(r.out).toMatch(/^# 青海省规则集 qinghai@2026-07-01\n\n- 施行期间：2026-07-01 起，未定终止日期\n- 所扩展的规则集：`national`\n/);
    expect(r.out).toContain("| `benefit.baseFactor` | `\"0.6\"` | seed（本省文件） | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十五条；");
    expect(r.out).toContain("| `death.funeralMonths` | `6` | seed（本省文件） | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十九条第一款第（一）项 |");
    // national and assumed: with their reason.
    const national = r.out.split("\n").find((l) => l.startsWith("| `premium.orderCounting` |"));
    expect(national).toContain("| national（适用国家规定）：青海实施办法第二条、第七条规定");
    const params = Object.keys(ruleSet.params);
    const shown = r.out.split("\n").filter((l) => /^\| `[a-zA-Z.]+` \| `/.test(l)).map((l) => l.slice(3, l.indexOf("`", 3)));
    expect(shown.sort()).toEqual(params.sort());
    expect(r.out).toContain(`## 参数（${params.length} 项）`);
    // The optional parameters Qinghai does not define are named.
    const notDefined = parameterNames().filter((n) => !params.includes(n));
    expect(r.out).toContain(`本规则集未规定的可选参数：${notDefined.map((n) => `\`${n}\``).join("、")}`);
    const rules = Object.keys(ruleSet.rules);
    expect(r.out).toContain(`## 规则文本（${rules.length} 项）`);
    for (const id of rules) expect(r.out).toContain(`| \`${id}\` | `);
    expect(r.out).toContain("| `disability.pension-top-up` | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十六条第三款 | — |");
  });

  test("in English, with an assumed parameter's reason and a file's own documents", async () => {
    const r = await run(["rule-set", "show", "jiangsu", "--rule-set", JIANGSU, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Jiangsu rule set jiangsu@2027-01-01\n\n- In force: from 2027-01-01, no end date\n- Extends: `national`\n/);
    expect(r.out).toContain("- Documents the rule set defines: `jiangsu-measures` Jiangsu implementing measures (worked example; text not in hand)");
    expect(r.out).toContain("| `benefit.baseFactor` | `\"1\"` | assumed: worked example: 100% of the provincial figure until Jiangsu's own rule is confirmed |");
    const platforms = r.out.split("\n").find((l) => l.startsWith("| `coverage.pilotPlatforms` |"));
    expect(platforms).toContain("| Jiangsu implementing measures (worked example; text not in hand) |");
    expect(r.out).toContain("## Parameters (");
    expect(r.out).toContain("## Rule texts (");
  });

  test("a version followed by another says until when it applies", async () => {
    const r = await run(["rule-set", "show", "qinghai", "--rule-set", QINGHAI_2028, "--as-of", "2027-06-01"]);
    expect(r.out).toContain("- 施行期间：2026-07-01 起，至下一版本 qinghai@2028-01-01 施行前一日\n");
    expect(r.out).toContain("- 本省各版本：`qinghai@2026-07-01`、`qinghai@2028-01-01`\n");
    const en = await run(["rule-set", "show", "qinghai", "--rule-set", QINGHAI_2028, "--lang", "en"]);
    expect(en.out).toContain("- Extends: `qinghai@2026-07-01`\n");
    expect(en.out).toContain("| `benefit.baseFactor` | `\"0.7\"` | assumed: worked example: assume Qinghai's final measures raise the base");
  });

  test("an end date, and texts with pipes and backticks kept readable in the table", async () => {
    const file = variant("jiangsu-odd.json", (f) => {
      const platforms = f.params["coverage.pilotPlatforms"] as unknown as { value: Array<{ nameZh: string }> };
      (platforms.value[2] as { nameZh: string }).nameZh = "苏鉴|跑腿`示例`";
      return { ...f, validTo: "2027-12-31" };
    });
    const r = await run(["rule-set", "show", "jiangsu", "--rule-set", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("- 施行期间：2027-01-01 起，至 2027-12-31\n");
    const row = r.out.split("\n").find((l) => l.startsWith("| `coverage.pilotPlatforms` |")) as string;
    expect(row).toContain('"nameZh":"苏鉴\\|跑腿`示例`"');
    expect(row.startsWith("| `coverage.pilotPlatforms` | `` [")).toBe(true);
    // Every unescaped pipe is a column border: four columns.
    expect(row.replace(/\\\|/g, "").split("|").length).toBe(6);
    const en = await run(["rule-set", "show", "jiangsu", "--rule-set", file, "--lang", "en"]);
    expect(en.out).toContain("- In force: from 2027-01-01, to 2027-12-31\n");
  });

  test("errors: unknown province, a date before the rules, bad options", async () => {
    const beijing = await run(["rule-set", "show", "beijing"]);
    expect(beijing).toMatchObject({ code: 1, out: "" });
    expect(lines(beijing.err)[0]?.error).toMatchObject({ code: "INVALID_INPUT", path: ["province"] });
    const early = await run(["rule-set", "show", "qinghai", "--as-of", "2026-06-30"]);
    expect(early.code).toBe(1);
    expect(lines(early.err)[0]?.error).toMatchObject({ code: "RULE_NOT_IN_FORCE", path: ["asOf"] });
    const impossible = await run(["rule-set", "show", "qinghai", "--as-of", "2026-02-30"]);
    expect(lines(impossible.err)[0]?.error).toMatchObject({ code: "INVALID_INPUT", path: ["asOf"] });
    for (const argv of [
      ["rule-set", "show"],
      ["rule-set", "show", "qinghai", "shanghai"],
      ["rule-set", "show", "qinghai", "--as-of", "2026/08/01"],
      ["rule-set", "show", "qinghai", "--as-of"],
      ["rule-set", "show", "qinghai", "--format", "yaml"],
      ["rule-set", "show", "qinghai", "--lang", "fr"],
      ["rule-set", "show", "qinghai", "--verbose"],
      ["rule-set"],
      ["rule-set", "list"],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.out, argv.join(" ")).toBe("");
      expect(r.err, argv.join(" ")).toMatch(/^zhishang rule-set( show)?: .+\nUsage: zhishang rule-set /);
    }
    expect((await run(["rule-set", "show", "qinghai", "--format", "yaml"])).err).toMatch(/^zhishang rule-set show: --format takes markdown or json, not "yaml"\n/);
    expect((await run(["rule-set", "show"])).err).toMatch(/^zhishang rule-set show: give one province \(qinghai, shanghai, guangxi, inner-mongolia, zhejiang\)\n/);
    expect((await run(["rule-set", "--help"])).code).toBe(0);
    expect((await run(["rule-set", "show", "-h"])).out).toMatch(/^Usage: zhishang rule-set show <province>/);
  });
});

describe("--rule-set on eval, run and timeline", () => {
  test("eval: a province defined by a file is used; without the file it is unknown", async () => {
    const scenario = JSON.stringify(disability("jiangsu", "2027-03-01"));
    const r = await run(["eval", "--rule-set", JIANGSU], scenario);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { output: Record<string, unknown>; ruleSet: string; assumptions: Array<{ name: string }> };
    // 6000 × 100% = 6000; 21 months (national) = 126000; 75% = 4500.
    expect(json.output).toMatchObject({ benefitBase: "6000.00", oneTimeDisabilitySubsidy: "126000.00", monthlyDisabilityAllowance: "4500.00" });
    expect(json.ruleSet).toBe("jiangsu@2027-01-01");
    expect(json.assumptions.map((a) => a.name)).toContain("benefit.baseFactor");
    const without = await run(["eval"], scenario);
    expect(without.code).toBe(1);
    expect(lines(without.out)[0]?.error).toMatchObject({ code: "INVALID_INPUT", path: ["province"] });
    expect(lines(without.out)[0]?.error.messageEn).toContain("(or load its rule set)");
    const explained = await run(["eval", "--rule-set", JIANGSU, "--explain", "en"], scenario);
    expect(explained.out).toContain("note: benefit.baseFactor: worked example: 100% of the provincial figure until Jiangsu's own rule is confirmed");
  });

  test("eval: a later version of a bundled province applies from its validFrom", async () => {
    const after = await run(["eval", "--rule-set", QINGHAI_2028], JSON.stringify(disability("qinghai", "2028-03-01")));
    // 6000 × 70% = 4200; × 21 = 88200.
    expect(JSON.parse(after.out)).toMatchObject({ output: { benefitBase: "4200.00", oneTimeDisabilitySubsidy: "88200.00" }, ruleSet: "qinghai@2028-01-01" });
    const before = await run(["eval", "--rule-set", QINGHAI_2028], JSON.stringify(disability("qinghai", "2027-12-31")));
    expect(JSON.parse(before.out)).toMatchObject({ output: { benefitBase: "3600.00" }, ruleSet: "qinghai@2026-07-01" });
  });

  test("run: files load in order, so a later file extends an earlier one", async () => {
    const scenarios = join(dir, "jiangsu-scenarios");
    mkdirSync(scenarios, { recursive: true });
    writeFileSync(join(scenarios, "a-2027.json"), JSON.stringify({ ...disability("jiangsu", "2027-03-01"), expect: { benefitBase: "6000.00" } }));
    // 6000 × 80% = 4800; × 21 = 100800.
    writeFileSync(join(scenarios, "b-2028.json"), JSON.stringify({ ...disability("jiangsu", "2028-03-01"), expect: { benefitBase: "4800.00", oneTimeDisabilitySubsidy: "100800.00" } }));
    const r = await run(["run", "--rule-set", JIANGSU, "--rule-set", JIANGSU_2028, scenarios]);
    expect(r.err).toBe("2 passed, 0 failed\n");
    expect(r.code).toBe(0);
    expect(lines(r.out).map((l) => (l as unknown as { pass: boolean }).pass)).toEqual([true, true]);
    // The other order: the 2028 file extends a rule set not loaded yet.
    const reversed = await run(["run", "--rule-set", JIANGSU_2028, "--rule-set", JIANGSU, scenarios]);
    expect(reversed).toMatchObject({ code: 2, out: "" });
    expect(lines(reversed.err)[0]).toMatchObject({ file: JIANGSU_2028, error: { code: "RULE_SET_INVALID", path: ["extends"] } });
    // Without the files the scenarios fail (unknown province), they do not stop the run.
    const without = await run(["run", scenarios]);
    expect(without.code).toBe(1);
    expect(without.err).toBe("0 passed, 2 failed\n");
  });

  /** 2027's official schedule is not bundled: for these tests, a year without holidays (only March matters). */
  const calendars = [{ year: 2027, off: [], work: [], source: "test: no holiday assumed" }];

  test("timeline: a claim-deadlines scenario of a file-defined province, its heading naming the version", async () => {
    const file = join(dir, "jiangsu-claim.json");
    writeFileSync(file, JSON.stringify({ id: "js-claim", province: "jiangsu", kind: "claim-deadlines", calendars, input: { accidentDate: "2027-03-01" } }));
    const r = await run(["timeline", "--rule-set", JIANGSU, file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("（江苏省，jiangsu@2027-01-01）");
    // National 30 days from 2027-03-01.
    expect(r.out).toContain("| 2027-03-31 |");
    const overridden = join(dir, "jiangsu-claim-overrides.json");
    writeFileSync(overridden, JSON.stringify({ id: "js-claim", province: "jiangsu", kind: "claim-deadlines", calendars, input: { accidentDate: "2027-03-01" },
      overrides: { "timeLimit.platformApplication": { count: 20, unit: "day" } } }));
    const o = await run(["timeline", "--rule-set", JIANGSU, overridden, "--lang", "en"]);
    expect(o.code).toBe(0);
    expect(o.out).toContain("(Jiangsu, jiangsu@2027-01-01+overrides)");
    expect(o.out).toContain("| 2027-03-22 |");
    const without = await run(["timeline", file]);
    expect(without.code).toBe(1);
    expect(lines(without.out)[0]?.error).toMatchObject({ code: "INVALID_INPUT", path: ["province"] });
  });

  test("timeline: a scenario carrying its rule set in ruleSet", async () => {
    const file = join(dir, "inline-claim.json");
    writeFileSync(file, JSON.stringify({ id: "inline", kind: "claim-deadlines", calendars, input: { accidentDate: "2027-03-01" }, ruleSet: jiangsu }));
    const r = await run(["timeline", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("（江苏省，jiangsu@2027-01-01）");
  });

  describe.each([
    ["eval", (f: string[]) => ["eval", ...f]],
    ["run", (f: string[]) => ["run", ...f, join(ROOT, "fixtures", "qinghai")]],
    ["timeline", (f: string[]) => ["timeline", ...f, join(ROOT, "fixtures", "shanghai", "claim-deadlines-full-timeline.json")]],
    ["rule-set show", (f: string[]) => ["rule-set", "show", "qinghai", ...f]],
  ] as const)("%s: a rule-set file that cannot be used stops the command (exit 2) before any scenario runs", (_name, argv) => {
    test.each([
      ["missing", () => join(dir, "no-such-rule-set.json"), "INVALID_INPUT", /^cannot read .*no-such-rule-set\.json: no such file$/],
      ["a folder", () => dir, "INVALID_INPUT", /^cannot read .*: a folder, not a file$/],
      ["not JSON", () => {
        const file = join(dir, "broken.json");
        writeFileSync(file, "{ not json");
        return file;
      }, "RULE_SET_INVALID", /: not valid JSON: /],
      // the defects of the file in one error, its message naming the file first
      ["invalid", () => INVALID, "RULE_SET_INVALID", /^[^ ]*invalid[^ ]*\.json: rule set, params\.benefit\.baseFactor\.value: /],
    ] as const)("%s", async (_what, fileOf, code, message) => {
      const file = fileOf();
      const r = await run(argv(["--rule-set", JIANGSU, "--rule-set", file]), JSON.stringify(disability("qinghai", "2026-08-01")));
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.readStdin).toBe(false);
      const errors = lines(r.err);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e).toMatchObject({ file, error: { code } });
      expect(errors[0]?.error.messageEn).toMatch(message);
    });
  });
});
