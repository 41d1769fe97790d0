/**
 * `zhishang timeline` and `renderClaimTimeline` on a real Shanghai case with every deadline of a claim.
 *
 * The case (fixtures/shanghai/claim-deadlines-full-timeline.json), checked by hand against the 2025 and 2026
 * holiday notices (2025: 10-01…10-08 off, 09-28 Sun and 10-11 Sat work; 2026: 01-01…01-03 off, 01-04 Sun work):
 *
 * | deadline | hand calculation | date | weekday |
 * |---|---|---|---|
 * | platform, 30 days (规程第二十一条第一款) | 09-05 + 30 = 10-05, National Day → first working day | 2025-10-09 | Thu |
 * | delivery, 3 working days (第二十七条第一款) | from 10-30: 10-31, 11-03, 11-04 | 2025-11-04 | Tue |
 * | confirmation, 30 working days (第二十六条第一款) | from 09-22: 23–26 (4), 28 Sun work (5), 29–30 (7), 10-09–10 (9), 10-11 Sat work (10), 13–17, 20–24, 27–31 (25), 11-03–07 (30) | 2025-11-07 | Fri |
 * | worker, 90 days (第二十一条第三款) | 25 (Sep) + 31 + 30 = 86, + 4 | 2025-12-04 | Thu |
 * | re-assessment, 15 days (national) | 12-10 + 15 | 2025-12-25 | Thu |
 * | benefit review, 20 working days (第四十四条第三款) | from 12-01: 12-02–05 (4), 08–12, 15–19, 22–26 (19), 29 (20) | 2025-12-29 | Mon |
 * | supplement, 5 working days (第四十四条第三款) | from 12-26: 29, 30, 31, 2026-01-04 Sun work, 01-05 | 2026-01-05 | Mon |
 * | treatment period, 12 months (a duration) | 2025-09-05 + 12 months | 2026-09-05 | Sat |
 * | extension cap, 1 year (第二十二条第一款) | 2026-09-05 is a Saturday → next working day | 2026-09-07 | Mon |
 * | treatment extension, 12 months (a duration) | 2026-09-05 + 12 months | 2027-09-05 | Sun |
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import {
  claimTimelineEntries, computeClaimDeadlines, evaluateScenario, isZhishangError, renderClaimTimeline, type ClaimDeadlines,
} from "../../src/index.js";

const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "shanghai", "claim-deadlines-full-timeline.json");
const scenario = JSON.parse(readFileSync(FIXTURE, "utf8")) as { input: Record<string, unknown> };

function computation() {
  return computeClaimDeadlines("shanghai", scenario.input as never);
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => "" });
  return { code, out, err };
}

describe("claimTimelineEntries", () => {
  test("every deadline in date order, with the weekday worked out by hand", () => {
    const entries = claimTimelineEntries(computation());
    expect(entries.map((e) => [e.date, e.weekday, e.limit])).toEqual([
      ["2025-10-09", 4, "platform-application"],
      ["2025-11-04", 2, "conclusion-delivery"],
      ["2025-11-07", 5, "confirmation"],
      ["2025-12-04", 4, "worker-application"],
      ["2025-12-25", 4, "reassessment-request"],
      ["2025-12-29", 1, "benefit-review"],
      ["2026-01-05", 1, "supplement-materials"],
      ["2026-09-05", 6, "treatment-period"],
      ["2026-09-07", 1, "application-extension-cap"],
      ["2027-09-05", 0, "treatment-period-extension"],
    ]);
  });

  test("start, period, the moved last day and the province's citations come from the explanation", () => {
    const entries = claimTimelineEntries(computation());
    const platform = entries[0];
    expect(platform).toMatchObject({
      start: "2025-09-05", period: { count: 30, unit: "day" }, extendedFrom: "2025-10-05", provenance: "seed",
    });
    expect(platform?.citations.map((c) => c.id)).toEqual(["shanghai-rules#art21.p1", "shanghai-rules#art22.p2"]);
    const confirmation = entries.find((e) => e.limit === "confirmation");
    // 30 working days never move: the count itself skips rest days.
    expect(confirmation).toMatchObject({ start: "2025-09-22", period: { count: 30, unit: "working-day" }, extendedFrom: null });
    const extension = entries.find((e) => e.limit === "treatment-period-extension");
    expect(extension).toMatchObject({ start: "2026-09-05", provenance: "national" });
  });

  test("facts clear: the 7-working-day limit is the one shown", () => {
    // Qinghai, received 2026-09-21 (Mon): 22, 23, 24 (3), 25–27 off, 28, 29, 30 (6), 10-01…07 off, 10-08 (7).
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-21", factsClear: true });
    const e = claimTimelineEntries(c).find((x) => x.field === "confirmationDeadline");
    expect(e).toMatchObject({ limit: "confirmation-facts-clear", date: "2026-10-08", weekday: 4 });
  });

  test("the same date keeps the order of the output fields", () => {
    // Qinghai: platform 30 days from 2026-09-03 → 10-03 in the holiday → 10-08; the confirmation (facts clear)
    // from 09-21 also ends on 10-08 (above): the platform's application comes first.
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", applicationReceivedDate: "2026-09-21", factsClear: true });
    expect(claimTimelineEntries(c).slice(0, 2).map((e) => e.field)).toEqual(["platformApplicationDeadline", "confirmationDeadline"]);
  });
});

describe("renderClaimTimeline", () => {
  test("Markdown: heading, the accident day and a row per deadline in date order (zh)", () => {
    const { markdown } = renderClaimTimeline(computation());
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("## 职业伤害保障待遇给付期限时间线（上海市，shanghai@2022-07-01）");
    expect(markdown).toContain("事故伤害发生之日：2025-09-05（星期五）。");
    const rows = lines.filter((l) => /^\| \d{4}-/.test(l));
    expect(rows.map((r) => r.split(" | ").slice(0, 2).join(" "))).toEqual([
      "| 2025-10-09 星期四", "| 2025-11-04 星期二", "| 2025-11-07 星期五", "| 2025-12-04 星期四", "| 2025-12-25 星期四",
      "| 2025-12-29 星期一", "| 2026-01-05 星期一", "| 2026-09-05 星期六", "| 2026-09-07 星期一", "| 2027-09-05 星期日",
    ]);
    expect(rows[0]).toBe(
      "| 2025-10-09 | 星期四 | 平台企业提出职业伤害保障待遇给付申请（自 2025-09-05 起30日）；原到期日 2025-10-05，遇休息日顺延 | " +
        "《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第二十一条第一款、第二十二条第二款 " +
        "`shanghai-rules#art21.p1` `shanghai-rules#art22.p2` |",
    );
    // A national limit is marked as such.
    expect(rows[4]).toContain("第十九条第二款");
    expect(rows[4]).toMatch(/\[国家规定\] \|$/);
  });

  test("Markdown in English", () => {
    const { markdown } = renderClaimTimeline(computation(), { lang: "en" });
    expect(markdown).toContain("Day of the accident: 2025-09-05 (Friday).");
    expect(markdown).toContain("| date | weekday | time limit | source |");
    expect(markdown).toContain("| 2026-09-07 | Monday | cap on an extended application period (Work-Injury Regulations art. 17) (from 2025-09-05, 1 year); nominal last day 2026-09-05");
  });

  test("Mermaid gantt: milestones for deadlines, bars for the treatment period and its extension", () => {
    const { mermaid } = renderClaimTimeline(computation());
    const lines = mermaid.split("\n").map((l) => l.trim());
    expect(lines[0]).toBe("gantt");
    expect(lines).toContain("dateFormat YYYY-MM-DD");
    expect(lines).toContain("事故伤害发生之日 :milestone, accident, 2025-09-05, 0d");
    expect(lines).toContain("平台企业提出职业伤害保障待遇给付申请 30日 :milestone, m1, 2025-10-09, 0d");
    expect(lines).toContain("申请劳动能力再次鉴定 15日 :milestone, m8, 2025-12-25, 0d");
    // Bars end the day after their last day: 2026-09-05 → 2026-09-06; 2027-09-05 → 2027-09-06; the extension starts
    // the day after the period ends.
    expect(lines).toContain("治疗职业伤害期（一般不超过） 12个月 :active, t1, 2025-09-05, 2026-09-06");
    expect(lines).toContain("治疗职业伤害期的延长（不得超过） 12个月 :t2, 2026-09-06, 2027-09-06");
    expect(lines.filter((l) => l.includes(":milestone")).length).toBe(9); // the accident + 8 deadlines
    expect(lines.filter((l) => l.startsWith("section ")).length).toBe(4);
    // No Mermaid separator survives in a label.
    for (const l of lines.filter((x) => x.includes(" :"))) expect(l.split(" :")[0]).not.toMatch(/[:;#]/);
  });

  test("a limit the province does not define is listed under the table; an overridden one says so", () => {
    // Qinghai has no delivery limit (Shanghai 第二十七条 only); the platform's period overridden to 60 days:
    // 2026-09-03 + 60 = 11-02 (Monday).
    const c = computeClaimDeadlines("qinghai", { accidentDate: "2026-09-03", confirmationDecisionDate: "2026-09-10" },
      { overrides: { "timeLimit.platformApplication": { count: 60, unit: "day" } } });
    const { markdown } = renderClaimTimeline(c);
    expect(markdown).toContain("| 2026-11-02 | 星期一 | 平台企业提出职业伤害保障待遇给付申请（自 2026-09-03 起60日） | 调用方提供（overrides） |");
    expect(markdown).toContain("- 青海省来源未规定：确认结论送达期限");
  });

  test("malformed sources and options are typed errors", () => {
    const c = computation();
    const codeAndPath = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isZhishangError(e) ? [e.code, e.path] : ["untyped", String(e)];
      }
      return ["no error"];
    };
    expect(codeAndPath(() => renderClaimTimeline({ ...c, explanation: "x" } as never))).toEqual(["INVALID_INPUT", ["explanation"]]);
    expect(codeAndPath(() => claimTimelineEntries({ ...c, value: { ...c.value, treatmentPeriodEnd: "2026-02-30" } }))).toEqual(["INVALID_INPUT", ["value", "treatmentPeriodEnd"]]);
    expect(codeAndPath(() => renderClaimTimeline(c, { lang: "fr" } as never))).toEqual(["INVALID_INPUT", ["options", "lang"]]);
    expect(codeAndPath(() => claimTimelineEntries(null as never))).toEqual(["INVALID_INPUT", []]);
  });

  test("a scenario's { output, explanation } renders the same as the computation", () => {
    const r = evaluateScenario(scenario);
    const fromScenario = renderClaimTimeline({ value: r.output as unknown as ClaimDeadlines, explanation: r.explanation, ruleSet: "shanghai@2022-07-01" });
    expect(fromScenario).toEqual(renderClaimTimeline(computation()));
  });
});

describe("zhishang timeline", () => {
  test("prints the table and a fenced Mermaid chart", async () => {
    const r = await run(["timeline", FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("| 2025-11-07 | 星期五 | 作出职业伤害确认结论（自 2025-09-22 起30个工作日） |");
    expect(r.out).toMatch(/\n```mermaid\ngantt\n[\s\S]*:t2, 2026-09-06, 2027-09-06\n```\n$/);
    const en = await run(["timeline", "--lang", "en", FIXTURE]);
    expect(en.code).toBe(0);
    expect(en.out).toContain("| 2025-12-29 | Monday | review of a benefit application (from 2025-12-01, 20 working days) |");
  });

  test("refuses other kinds, bad options and unreadable files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhishang-timeline-"));
    const other = join(dir, "disability.json");
    writeFileSync(other, JSON.stringify({ id: "x", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000" } }));
    const wrongKind = await run(["timeline", other]);
    expect(wrongKind.code).toBe(1);
    expect(JSON.parse(wrongKind.out)).toMatchObject({ error: { code: "INVALID_INPUT", path: ["kind"] } });
    const early = join(dir, "early.json");
    writeFileSync(early, JSON.stringify({ id: "y", province: "qinghai", kind: "claim-deadlines", input: { accidentDate: "2026-06-30" } }));
    const notInForce = await run(["timeline", early]);
    expect(notInForce.code).toBe(1);
    expect(JSON.parse(notInForce.out)).toMatchObject({ error: { code: "RULE_NOT_IN_FORCE", path: ["input", "accidentDate"] } });
    expect((await run(["timeline", FIXTURE, "--lang", "fr"])).code).toBe(2);
    expect((await run(["timeline"])).code).toBe(2);
    expect((await run(["timeline", join(dir, "missing.json")])).code).toBe(2);
  });
});
