/**
 * `renderClaimTimeline` and `claimTimelineEntries` (src/deadlines/timeline.ts) pinned to the character: the whole
 * Markdown and Mermaid text in both languages, every heading, label, weekday and source string, and the typed
 * errors of malformed explanations. test/scenario/timeline.test.ts checks the real Shanghai case piece by piece;
 * this file compares whole outputs (`toEqual` on the lines) so that any changed word, space or separator fails.
 *
 * Where the expected values come from:
 * - the dates of real computations are those worked out by hand in test/scenario/timeline.test.ts (Shanghai,
 *   fixtures/shanghai/claim-deadlines-full-timeline.json) and in the TSDoc of computeClaimDeadlines (Qinghai,
 *   accident 2026-09-03: 30 days → 10-03, National Day 10-01…10-07 → 10-08; 90 days → 12-02);
 * - the hand-built sources state their dates in the comment above each; weekdays by counting from a known day
 *   (2026-09-03 is a Thursday; 2027-09-03 is 365 days = 52 weeks + 1 day later, a Friday; 2028-09-03 is 366 days
 *   later because of 2028-02-29, 52 weeks + 2 days: a Sunday);
 * - the words (headings, column names, 原到期日 …, [国家规定] …) are the WORDS and WEEKDAYS tables of timeline.ts,
 *   the limit titles those of src/deadlines/limits.ts and the period texts those of describePeriod
 *   (30日 / 30 calendar days, 3个工作日 / 3 working days, 12个月 / 12 months, 1年 / 1 year);
 * - a citation is rendered as the document's head (once per document), its articles (the text after the head,
 *   a leading ", " dropped; zh joined by 、, en by "; "), then the ids in backticks; documents joined by ；/ "; ".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  claimTimelineEntries, computeClaimDeadlines, getRuleSet, renderClaimTimeline, renderTimeline, ruleSetToFile, type ClaimTimelineSource,
} from "../../src/index.js";
import { thrown } from "../support/errors.js";

// ---- hand-built sources ------------------------------------------------------------------------------------
// A timeline reads only `value` (the dates) and a few parts of each `deadline.<limit>` step of the explanation:
// `inputs.start/count/unit`, `result.extendedFrom`, `parameters[0].provenance/citations`. The builders below
// make such steps directly so every branch can be reached, including inputs a computation never produces.

type Cit = { doc: string; id: string; zh: string; en: string };
type Param = { provenance: string; citations: Cit[] };

/** The document heads renderCitation({ doc }) gives (src/core/citation.ts); a citation's text starts with it. */
const HEAD = {
  "qinghai-measures": { zh: "《青海省新就业形态人员职业伤害保障实施办法（试行）》", en: "Qinghai implementing measures (trial), annex 1" },
  "national-measures": {
    zh: "《新就业形态人员职业伤害保障办法（试行）》（人社部发〔2021〕110号附件，人社部发〔2025〕24号修订）",
    en: "National measures on occupational-injury protection for platform workers (trial) (人社部发〔2021〕110号附件，人社部发〔2025〕24号修订)",
  },
  "work-injury-regulations": { zh: "《工伤保险条例》", en: "Regulations on Work-Related Injury Insurance" },
} as const;

function cite(doc: keyof typeof HEAD, id: string, zh: string, en: string): Cit {
  return { doc, id, zh: `${HEAD[doc].zh}${zh}`, en: `${HEAD[doc].en}${en}` };
}

function step(limit: string, inputs: Record<string, unknown>, result: unknown, parameters: Param[] = []) {
  return { rule: `deadline.${limit}`, title: { zh: "（步骤标题）", en: "(step title)" }, inputs, parameters, result };
}

function notDefinedStep(zh: string, en: string) {
  return { rule: "deadline.not-defined", title: { zh, en }, inputs: {}, parameters: [], result: null };
}

function source(value: Record<string, string | null>, explanation: unknown[], ruleSet?: string): ClaimTimelineSource {
  return (ruleSet === undefined ? { value, explanation } : { value, explanation, ruleSet }) as unknown as ClaimTimelineSource;
}

/** The typed error of `f` as { code, path, message } (a test fails when `f` throws something else or nothing). */
function errorOf(f: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  const { code, path, message } = thrown(f) as { code: string; path: Array<string | number>; message: string };
  return { code, path, message };
}

const Q15_1 = cite("qinghai-measures", "qinghai-measures#art15.p1", " 第十五条第一款", ", art. 15 para. 1");
const Q19_2 = cite("qinghai-measures", "qinghai-measures#art19.p2", " 第十九条第二款", ", art. 19 para. 2");

/**
 * Qinghai, accident 2026-09-03 (Thursday), hand-built with every provenance:
 * - platform, 30 days (seed): 09-03 + 30 = 10-03, in the National Day holiday (10-01…10-07) → 10-08 (Thursday);
 * - worker, 90 days (supplied by the caller): 27 (Sep) + 31 (Oct) + 30 (Nov) = 88, + 2 → 12-02 (Wednesday);
 * - re-assessment, 15 days (marked assumed): conclusion received 09-10 + 15 = 09-25 (Friday);
 * - a limit the province does not define (a `deadline.not-defined` step).
 */
function provenanceCase(): ClaimTimelineSource {
  return source(
    { platformApplicationDeadline: "2026-10-08", workerApplicationDeadline: "2026-12-02", reassessmentRequestDeadline: "2026-09-25" },
    [
      step("platform-application", { start: "2026-09-03", count: 30, unit: "day" }, { deadline: "2026-10-08", extendedFrom: "2026-10-03" },
        [{ provenance: "seed", citations: [Q15_1] }]),
      step("worker-application", { start: "2026-09-03", count: 90, unit: "day" }, { deadline: "2026-12-02", extendedFrom: null },
        [{ provenance: "caller", citations: [] }]),
      step("reassessment-request", { start: "2026-09-10", count: 15, unit: "day" }, { deadline: "2026-09-25", extendedFrom: null },
        [{ provenance: "assumed", citations: [Q19_2] }]),
      notDefinedStep("青海省来源未规定：确认结论送达期限", "Qinghai's sources define no time limit for delivering the confirmation decision"),
    ],
    "qinghai@2026-07-01",
  );
}

/** A function and an array that carry an `extendedFrom`: neither is a step result the timeline reads. */
const fnResult = Object.assign(() => null, { extendedFrom: "2026-01-01" });
const arrayResult = Object.assign(["2026-01-01"], { extendedFrom: "2026-01-01" });

/**
 * Every odd shape of a step, one per output field (hand-built; dates chosen so the weekdays are easy to check):
 * - platform 2026-10-08 (Thu): a full step (start 2026-09-03, 30 days, moved from 10-03), listed AFTER the
 *   worker's step, whose start (09-04) differs: the accident day is the platform step's start all the same;
 * - worker 2026-12-02 (Wed): count "90" is a string → no period; result null; no parameter → no source;
 * - extension cap 2027-09-03 (Fri): 1 year (singular in English), start 2026-09-03, result an array → not read;
 * - confirmation 2026-10-16 (Fri): no step → the limit is the field's last one (`confirmation`), nothing else;
 * - delivery 2026-09-23 (Wed): unit "week" is no period unit → no period; no start; result a function → not read;
 * - supplement 2026-09-14 (Mon): start given as a number → no start; unit 5 → no period: the row is the title only;
 * - benefit review 2026-10-20 (Tue): two steps of the same rule → the first (start 09-22, 20 working days) counts;
 * - re-assessment: null → no row;
 * - treatment period 2027-09-03 (Fri): no step → no start → a milestone, not a bar;
 * - treatment extension 2028-09-03 (Sun): start 2027-09-03, 12 months → the only bar: from 2027-09-04 (the day
 *   after the start) to 2028-09-04 (the day after the last day; Mermaid end dates are exclusive).
 */
function oddCase(ruleSet?: string): ClaimTimelineSource {
  const NATIONAL: Param = {
    provenance: "national",
    citations: [
      // a pipe and a line break in a cell are escaped; an English article after a comma-less head keeps its comma
      cite("national-measures", "national-measures#art10|draft", " 第十条\n第二款", " art. 10, para. 2"),
      cite("national-measures", "national-measures#art11", " 第十一条", ",  art. 11"),
      cite("work-injury-regulations", "work-injury-regulations", "", ""),
    ],
  };
  return source(
    {
      platformApplicationDeadline: "2026-10-08",
      workerApplicationDeadline: "2026-12-02",
      applicationExtensionLimit: "2027-09-03",
      confirmationDeadline: "2026-10-16",
      confirmationDeliveryDeadline: "2026-09-23",
      supplementDeadline: "2026-09-14",
      benefitReviewDeadline: "2026-10-20",
      reassessmentRequestDeadline: null,
      treatmentPeriodEnd: "2027-09-03",
      treatmentPeriodMaxEnd: "2028-09-03",
    },
    [
      step("worker-application", { start: "2026-09-04", count: "90", unit: "day" }, null, []),
      step("platform-application", { start: "2026-09-03", count: 30, unit: "day" }, { extendedFrom: "2026-10-03" },
        [{ provenance: "seed", citations: [Q15_1] }]),
      step("application-extension-cap", { start: "2026-09-03", count: 1, unit: "year" }, arrayResult, [NATIONAL]),
      step("conclusion-delivery", { count: 3, unit: "week" }, fnResult, [{ provenance: "assumed", citations: [] }]),
      step("supplement-materials", { start: 20260905, count: 5, unit: 5 }, "2026-09-14", [{ provenance: "seed", citations: [Q19_2] }]),
      step("benefit-review", { start: "2026-09-22", count: 20, unit: "working-day" }, { extendedFrom: null }, [{ provenance: "caller", citations: [] }]),
      step("benefit-review", { start: "2026-09-01", count: 2, unit: "month" }, { extendedFrom: "2026-11-01" }, [{ provenance: "seed", citations: [] }]),
      step("treatment-period-extension", { start: "2027-09-03", count: 12, unit: "month" }, { extendedFrom: null }, [NATIONAL]),
    ],
    ruleSet,
  );
}

/** No deadline at all (every date null or absent) and no explanation. */
const emptyCase = (ruleSet?: string) => source({ platformApplicationDeadline: null, treatmentPeriodEnd: null }, [], ruleSet);

const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "shanghai", "claim-deadlines-full-timeline.json");
/** Shanghai, accident 2025-09-05 with every deadline (the hand calculation is in test/scenario/timeline.test.ts). */
const shanghai = () => computeClaimDeadlines("shanghai", (JSON.parse(readFileSync(FIXTURE, "utf8")) as { input: never }).input);
/** Qinghai, accident 2026-09-03; it defines no extension, no delivery limit and no review limit (three notes). */
const qinghai = () => computeClaimDeadlines("qinghai", {
  accidentDate: "2026-09-03", extensionRequested: true, confirmationDecisionDate: "2026-09-10", benefitApplicationAcceptedDate: "2026-09-10",
});
const lines = (t: string) => t.split("\n");

// The first test of this file to render a timeline builds the lazy input schemas (z.lazy); under StrykerJS only that
// test covers the mutants inside them, so it checks everything those schemas decide: each provenance accepted,
// titles and citations kept, and malformed parameters refused.
describe("the parts of the explanation a timeline reads", () => {
  test("every provenance, the step titles and the citations are kept; malformed ones are INVALID_INPUT", () => {
    // 09-25 (Fri) < 10-08 (Thu) < 12-02 (Wed): the re-assessment comes first although its field comes last.
    expect(lines(renderClaimTimeline(provenanceCase()).markdown)).toEqual([
      "## 职业伤害保障待遇给付期限时间线（青海省，qinghai@2026-07-01）",
      "",
      "事故伤害发生之日：2026-09-03（星期四）。期限的最后一日以24时为止；治疗职业伤害期为持续期间，不顺延。",
      "",
      "| 日期 | 星期 | 期限 | 依据 |",
      "|---|---|---|---|",
      "| 2026-09-25 | 星期五 | 申请劳动能力再次鉴定（自 2026-09-10 起15日） | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十九条第二款 `qinghai-measures#art19.p2` [推定] |",
      "| 2026-10-08 | 星期四 | 平台企业提出职业伤害保障待遇给付申请（自 2026-09-03 起30日）；原到期日 2026-10-03，遇休息日顺延 | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十五条第一款 `qinghai-measures#art15.p1` |",
      "| 2026-12-02 | 星期三 | 新就业形态人员或其近亲属、工会组织直接提出申请（自 2026-09-03 起90日） | 调用方提供（overrides） |",
      "",
      "- 青海省来源未规定：确认结论送达期限",
      "",
    ]);
    expect(lines(renderClaimTimeline(provenanceCase(), { lang: "en" }).markdown)).toEqual([
      "## Time limits of the benefit claim (Qinghai, qinghai@2026-07-01)",
      "",
      "Day of the accident: 2026-09-03 (Thursday). A last day ends at 24:00; the treatment period is a duration and is not moved over rest days.",
      "",
      "| date | weekday | time limit | source |",
      "|---|---|---|---|",
      "| 2026-09-25 | Friday | request for a work-capacity re-assessment (from 2026-09-10, 15 calendar days) | Qinghai implementing measures (trial), annex 1, art. 19 para. 2 `qinghai-measures#art19.p2` [assumed] |",
      "| 2026-10-08 | Thursday | platform's application for benefits (from 2026-09-03, 30 calendar days); nominal last day 2026-10-03, a rest day: moved to the next working day | Qinghai implementing measures (trial), annex 1, art. 15 para. 1 `qinghai-measures#art15.p1` |",
      "| 2026-12-02 | Wednesday | worker's (relatives', union's) own application (from 2026-09-03, 90 calendar days) | supplied by the caller (overrides) |",
      "",
      "- Qinghai's sources define no time limit for delivering the confirmation decision",
      "",
    ]);

    const base = provenanceCase() as unknown as { value: Record<string, string>; explanation: Array<Record<string, unknown>>; ruleSet: string };
    type StepCopy = { title: Record<string, unknown>; parameters: Array<{ provenance: string; citations?: Array<Record<string, unknown>> }> };
    /** The provenance case with a copy of step `i` changed by `patch`. */
    const patched = (i: number, patch: (s: StepCopy) => void) =>
      source(base.value, base.explanation.map((s, k) => {
        if (k !== i) return s;
        const copy = structuredClone(s) as unknown as StepCopy;
        patch(copy);
        return copy;
      }), base.ruleSet);
    expect(errorOf(() => renderClaimTimeline(patched(0, (s) => { s.parameters[0]!.citations![0]!.doc = "nowhere"; })))).toMatchObject({
      code: "INVALID_INPUT",
      path: ["explanation", 0, "parameters", 0, "citations", 0, "doc"],
      message: expect.stringMatching(/^explanation\.0\.parameters\.0\.citations\.0\.doc: Invalid option: expected one of "qinghai-notice"\|"qinghai-measures"\|/) as unknown,
    });
    expect(errorOf(() => renderClaimTimeline(patched(0, (s) => { s.parameters[0]!.citations![0]!.id = "x".repeat(501); })))).toEqual({
      code: "INVALID_INPUT",
      path: ["explanation", 0, "parameters", 0, "citations", 0, "id"],
      message: "explanation.0.parameters.0.citations.0.id: Too big: expected string to have <=500 characters / " +
        "explanation.0.parameters.0.citations.0.id：输入无效（长度应至多为500个字符）",
    });
    expect(errorOf(() => renderClaimTimeline(patched(1, (s) => { s.parameters[0]!.provenance = "bogus"; })))).toEqual({
      code: "INVALID_INPUT",
      path: ["explanation", 1, "parameters", 0, "provenance"],
      message: 'explanation.1.parameters.0.provenance: Invalid option: expected one of "seed"|"national"|"assumed"|"caller" / ' +
        'explanation.1.parameters.0.provenance：输入无效（应为以下之一："seed"、"national"、"assumed"、"caller"）',
    });
    expect(errorOf(() => renderClaimTimeline(patched(2, (s) => { delete s.parameters[0]!.citations; })))).toEqual({
      code: "INVALID_INPUT",
      path: ["explanation", 2, "parameters", 0, "citations"],
      message: "explanation.2.parameters.0.citations: Invalid input: expected array, received undefined / " +
        "explanation.2.parameters.0.citations：输入无效（应为数组，实际为缺失）",
    });
    expect(errorOf(() => renderClaimTimeline(patched(3, (s) => { s.title = { zh: "x" }; })))).toEqual({
      code: "INVALID_INPUT",
      path: ["explanation", 3, "title", "en"],
      message: "explanation.3.title.en: Invalid input: expected string, received undefined / " +
        "explanation.3.title.en：输入无效（应为字符串，实际为缺失）",
    });
  });

  test("the Mermaid chart of the same source: a milestone per deadline, sections without deadlines left out", () => {
    expect(lines(renderClaimTimeline(provenanceCase()).mermaid)).toEqual([
      "gantt",
      "  title 职业伤害保障待遇给付期限时间线（青海省，qinghai@2026-07-01）",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% 条形的结束日期为最后一日的次日（Mermaid 的结束日期不含当日）",
      "  section 待遇给付申请",
      "  事故伤害发生之日 :milestone, accident, 2026-09-03, 0d",
      "  平台企业提出职业伤害保障待遇给付申请 30日 :milestone, m1, 2026-10-08, 0d",
      "  新就业形态人员或其近亲属、工会组织直接提出申请 90日 :milestone, m2, 2026-12-02, 0d",
      "  section 劳动能力鉴定",
      "  申请劳动能力再次鉴定 15日 :milestone, m3, 2026-09-25, 0d",
      "",
    ]);
    expect(lines(renderClaimTimeline(provenanceCase(), { lang: "en" }).mermaid)).toEqual([
      "gantt",
      "  title Time limits of the benefit claim (Qinghai, qinghai@2026-07-01)",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% a bar's end date is the day after its last day (Mermaid end dates are exclusive)",
      "  section application",
      "  day of the accident :milestone, accident, 2026-09-03, 0d",
      "  platform's application for benefits 30 calendar days :milestone, m1, 2026-10-08, 0d",
      "  worker's (relatives', union's) own application 90 calendar days :milestone, m2, 2026-12-02, 0d",
      "  section work-capacity assessment",
      "  request for a work-capacity re-assessment 15 calendar days :milestone, m3, 2026-09-25, 0d",
      "",
    ]);
  });
});

describe("a real computation, whole outputs", () => {
  test("Shanghai, every deadline: the Markdown table (zh)", () => {
    // Citations: one document named once, its articles joined by 、; several documents joined by ；. A document cited
    // without an article (national-measures) is the head and the id only. National limits end in [国家规定].
    expect(lines(renderClaimTimeline(shanghai()).markdown)).toEqual([
      "## 职业伤害保障待遇给付期限时间线（上海市，shanghai@2022-07-01）",
      "",
      "事故伤害发生之日：2025-09-05（星期五）。期限的最后一日以24时为止；治疗职业伤害期为持续期间，不顺延。",
      "",
      "| 日期 | 星期 | 期限 | 依据 |",
      "|---|---|---|---|",
      "| 2025-10-09 | 星期四 | 平台企业提出职业伤害保障待遇给付申请（自 2025-09-05 起30日）；原到期日 2025-10-05，遇休息日顺延 | 《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第二十一条第一款、第二十二条第二款 `shanghai-rules#art21.p1` `shanghai-rules#art22.p2` |",
      "| 2025-11-04 | 星期二 | 送达职业伤害确认结论（自 2025-10-30 起3个工作日） | 《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第二十七条第一款 `shanghai-rules#art27.p1` |",
      "| 2025-11-07 | 星期五 | 作出职业伤害确认结论（自 2025-09-22 起30个工作日） | 《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第二十六条第一款 `shanghai-rules#art26.p1` |",
      "| 2025-12-04 | 星期四 | 新就业形态人员或其近亲属、工会组织直接提出申请（自 2025-09-05 起90日） | 《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第二十一条第三款 `shanghai-rules#art21.p3` |",
      "| 2025-12-25 | 星期四 | 申请劳动能力再次鉴定（自 2025-12-10 起15日） | 《新就业形态人员职业伤害保障办法（试行）》（人社部发〔2021〕110号附件，人社部发〔2025〕24号修订） `national-measures`；《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十九条第二款（同国家办法结构） `qinghai-measures#art19.p2`；《工伤保险条例》 第二十六条 `work-injury-regulations#art26` [国家规定] |",
      "| 2025-12-29 | 星期一 | 作出职业伤害保障待遇审核意见（自 2025-12-01 起20个工作日） | 《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第四十四条第三款 `shanghai-rules#art44.p3` |",
      "| 2026-01-05 | 星期一 | 提交补正材料（自 2025-12-26 起5个工作日） | 《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第四十四条第三款 `shanghai-rules#art44.p3` |",
      "| 2026-09-05 | 星期六 | 治疗职业伤害期（一般不超过）（自 2025-09-05 起12个月） | 《新就业形态人员职业伤害保障办法（试行）》（人社部发〔2021〕110号附件，人社部发〔2025〕24号修订） `national-measures`；《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十四条第二款（同国家办法结构） `qinghai-measures#art24.p2` [国家规定] |",
      "| 2026-09-07 | 星期一 | 特殊情况延长申请时限的上限（工伤保险条例第十七条）（自 2025-09-05 起1年）；原到期日 2026-09-05，遇休息日顺延 | 《上海市新就业形态人员职业伤害保障业务经办和征收管理规程》（沪人社福〔2025〕373号） 第二十二条第一款 `shanghai-rules#art22.p1`；《工伤保险条例》 第十七条第二款 `work-injury-regulations#art17.p2` |",
      "| 2027-09-05 | 星期日 | 治疗职业伤害期的延长（不得超过）（自 2026-09-05 起12个月） | 《新就业形态人员职业伤害保障办法（试行）》（人社部发〔2021〕110号附件，人社部发〔2025〕24号修订） `national-measures`；《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十四条第二款（同国家办法结构） `qinghai-measures#art24.p2` [国家规定] |",
      "",
    ]);
  });

  test("Shanghai, every deadline: the Markdown table (en)", () => {
    // English citations: the head, ", " and the articles joined by "; "; documents joined by "; ".
    expect(lines(renderClaimTimeline(shanghai(), { lang: "en" }).markdown)).toEqual([
      "## Time limits of the benefit claim (Shanghai, shanghai@2022-07-01)",
      "",
      "Day of the accident: 2025-09-05 (Friday). A last day ends at 24:00; the treatment period is a duration and is not moved over rest days.",
      "",
      "| date | weekday | time limit | source |",
      "|---|---|---|---|",
      "| 2025-10-09 | Thursday | platform's application for benefits (from 2025-09-05, 30 calendar days); nominal last day 2025-10-05, a rest day: moved to the next working day | Shanghai operating and collection rules (沪人社福〔2025〕373号), art. 21 para. 1; art. 22 para. 2 `shanghai-rules#art21.p1` `shanghai-rules#art22.p2` |",
      "| 2025-11-04 | Tuesday | delivery of the confirmation decision (from 2025-10-30, 3 working days) | Shanghai operating and collection rules (沪人社福〔2025〕373号), art. 27 para. 1 `shanghai-rules#art27.p1` |",
      "| 2025-11-07 | Friday | injury confirmation decision (from 2025-09-22, 30 working days) | Shanghai operating and collection rules (沪人社福〔2025〕373号), art. 26 para. 1 `shanghai-rules#art26.p1` |",
      "| 2025-12-04 | Thursday | worker's (relatives', union's) own application (from 2025-09-05, 90 calendar days) | Shanghai operating and collection rules (沪人社福〔2025〕373号), art. 21 para. 3 `shanghai-rules#art21.p3` |",
      "| 2025-12-25 | Thursday | request for a work-capacity re-assessment (from 2025-12-10, 15 calendar days) | National measures on occupational-injury protection for platform workers (trial) (人社部发〔2021〕110号附件，人社部发〔2025〕24号修订) `national-measures`; Qinghai implementing measures (trial), annex 1, art. 19 para. 2 (national structure) `qinghai-measures#art19.p2`; Regulations on Work-Related Injury Insurance, art. 26 `work-injury-regulations#art26` [national rule] |",
      "| 2025-12-29 | Monday | review of a benefit application (from 2025-12-01, 20 working days) | Shanghai operating and collection rules (沪人社福〔2025〕373号), art. 44 para. 3 `shanghai-rules#art44.p3` |",
      "| 2026-01-05 | Monday | supplementary materials (from 2025-12-26, 5 working days) | Shanghai operating and collection rules (沪人社福〔2025〕373号), art. 44 para. 3 `shanghai-rules#art44.p3` |",
      "| 2026-09-05 | Saturday | treatment period (as a rule, at most) (from 2025-09-05, 12 months) | National measures on occupational-injury protection for platform workers (trial) (人社部发〔2021〕110号附件，人社部发〔2025〕24号修订) `national-measures`; Qinghai implementing measures (trial), annex 1, art. 24 para. 2 (national structure) `qinghai-measures#art24.p2` [national rule] |",
      "| 2026-09-07 | Monday | cap on an extended application period (Work-Injury Regulations art. 17) (from 2025-09-05, 1 year); nominal last day 2026-09-05, a rest day: moved to the next working day | Shanghai operating and collection rules (沪人社福〔2025〕373号), art. 22 para. 1 `shanghai-rules#art22.p1`; Regulations on Work-Related Injury Insurance, art. 17 para. 2 `work-injury-regulations#art17.p2` |",
      "| 2027-09-05 | Sunday | extension of the treatment period (at most) (from 2026-09-05, 12 months) | National measures on occupational-injury protection for platform workers (trial) (人社部发〔2021〕110号附件，人社部发〔2025〕24号修订) `national-measures`; Qinghai implementing measures (trial), annex 1, art. 24 para. 2 (national structure) `qinghai-measures#art24.p2` [national rule] |",
      "",
    ]);
  });

  test("Shanghai, every deadline: the Mermaid chart (zh and en)", () => {
    // Milestones are numbered m1… in section order, bars t1 (active), t2; a bar ends the day after its last day:
    // 2026-09-05 → 2026-09-06, 2027-09-05 → 2027-09-06; the extension starts the day after the period's end.
    expect(lines(renderClaimTimeline(shanghai()).mermaid)).toEqual([
      "gantt",
      "  title 职业伤害保障待遇给付期限时间线（上海市，shanghai@2022-07-01）",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% 条形的结束日期为最后一日的次日（Mermaid 的结束日期不含当日）",
      "  section 待遇给付申请",
      "  事故伤害发生之日 :milestone, accident, 2025-09-05, 0d",
      "  平台企业提出职业伤害保障待遇给付申请 30日 :milestone, m1, 2025-10-09, 0d",
      "  新就业形态人员或其近亲属、工会组织直接提出申请 90日 :milestone, m2, 2025-12-04, 0d",
      "  提交补正材料 5个工作日 :milestone, m3, 2026-01-05, 0d",
      "  特殊情况延长申请时限的上限（工伤保险条例第十七条） 1年 :milestone, m4, 2026-09-07, 0d",
      "  section 职业伤害确认与待遇审核",
      "  送达职业伤害确认结论 3个工作日 :milestone, m5, 2025-11-04, 0d",
      "  作出职业伤害确认结论 30个工作日 :milestone, m6, 2025-11-07, 0d",
      "  作出职业伤害保障待遇审核意见 20个工作日 :milestone, m7, 2025-12-29, 0d",
      "  section 劳动能力鉴定",
      "  申请劳动能力再次鉴定 15日 :milestone, m8, 2025-12-25, 0d",
      "  section 治疗职业伤害期",
      "  治疗职业伤害期（一般不超过） 12个月 :active, t1, 2025-09-05, 2026-09-06",
      "  治疗职业伤害期的延长（不得超过） 12个月 :t2, 2026-09-06, 2027-09-06",
      "",
    ]);
    expect(lines(renderClaimTimeline(shanghai(), { lang: "en" }).mermaid)).toEqual([
      "gantt",
      "  title Time limits of the benefit claim (Shanghai, shanghai@2022-07-01)",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% a bar's end date is the day after its last day (Mermaid end dates are exclusive)",
      "  section application",
      "  day of the accident :milestone, accident, 2025-09-05, 0d",
      "  platform's application for benefits 30 calendar days :milestone, m1, 2025-10-09, 0d",
      "  worker's (relatives', union's) own application 90 calendar days :milestone, m2, 2025-12-04, 0d",
      "  supplementary materials 5 working days :milestone, m3, 2026-01-05, 0d",
      "  cap on an extended application period (Work-Injury Regulations art. 17) 1 year :milestone, m4, 2026-09-07, 0d",
      "  section confirmation and review",
      "  delivery of the confirmation decision 3 working days :milestone, m5, 2025-11-04, 0d",
      "  injury confirmation decision 30 working days :milestone, m6, 2025-11-07, 0d",
      "  review of a benefit application 20 working days :milestone, m7, 2025-12-29, 0d",
      "  section work-capacity assessment",
      "  request for a work-capacity re-assessment 15 calendar days :milestone, m8, 2025-12-25, 0d",
      "  section treatment period",
      "  treatment period (as a rule, at most) 12 months :active, t1, 2025-09-05, 2026-09-06",
      "  extension of the treatment period (at most) 12 months :t2, 2026-09-06, 2027-09-06",
      "",
    ]);
  });

  test("Qinghai: the limits it does not define are listed under the table, and only the first section is charted", () => {
    expect(lines(renderClaimTimeline(qinghai()).markdown)).toEqual([
      "## 职业伤害保障待遇给付期限时间线（青海省，qinghai@2026-07-01）",
      "",
      "事故伤害发生之日：2026-09-03（星期四）。期限的最后一日以24时为止；治疗职业伤害期为持续期间，不顺延。",
      "",
      "| 日期 | 星期 | 期限 | 依据 |",
      "|---|---|---|---|",
      "| 2026-10-08 | 星期四 | 平台企业提出职业伤害保障待遇给付申请（自 2026-09-03 起30日）；原到期日 2026-10-03，遇休息日顺延 | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十五条第一款 `qinghai-measures#art15.p1` |",
      "| 2026-12-02 | 星期三 | 新就业形态人员或其近亲属、工会组织直接提出申请（自 2026-09-03 起90日） | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十五条第二款 `qinghai-measures#art15.p2` |",
      "",
      "- 青海省来源未规定：申请期限的延长",
      "- 青海省来源未规定：确认结论送达期限",
      "- 青海省来源未规定：待遇申请审核期限",
      "",
    ]);
    expect(lines(renderClaimTimeline(qinghai(), { lang: "en" }).markdown)).toEqual([
      "## Time limits of the benefit claim (Qinghai, qinghai@2026-07-01)",
      "",
      "Day of the accident: 2026-09-03 (Thursday). A last day ends at 24:00; the treatment period is a duration and is not moved over rest days.",
      "",
      "| date | weekday | time limit | source |",
      "|---|---|---|---|",
      "| 2026-10-08 | Thursday | platform's application for benefits (from 2026-09-03, 30 calendar days); nominal last day 2026-10-03, a rest day: moved to the next working day | Qinghai implementing measures (trial), annex 1, art. 15 para. 1 `qinghai-measures#art15.p1` |",
      "| 2026-12-02 | Wednesday | worker's (relatives', union's) own application (from 2026-09-03, 90 calendar days) | Qinghai implementing measures (trial), annex 1, art. 15 para. 2 `qinghai-measures#art15.p2` |",
      "",
      "- Qinghai's sources define no extension of the application period",
      "- Qinghai's sources define no time limit for delivering the confirmation decision",
      "- Qinghai's sources define no time limit for reviewing a benefit application",
      "",
    ]);
    expect(lines(renderClaimTimeline(qinghai()).mermaid)).toEqual([
      "gantt",
      "  title 职业伤害保障待遇给付期限时间线（青海省，qinghai@2026-07-01）",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% 条形的结束日期为最后一日的次日（Mermaid 的结束日期不含当日）",
      "  section 待遇给付申请",
      "  事故伤害发生之日 :milestone, accident, 2026-09-03, 0d",
      "  平台企业提出职业伤害保障待遇给付申请 30日 :milestone, m1, 2026-10-08, 0d",
      "  新就业形态人员或其近亲属、工会组织直接提出申请 90日 :milestone, m2, 2026-12-02, 0d",
      "",
    ]);
    expect(lines(renderClaimTimeline(qinghai(), { lang: "en" }).mermaid)).toEqual([
      "gantt",
      "  title Time limits of the benefit claim (Qinghai, qinghai@2026-07-01)",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% a bar's end date is the day after its last day (Mermaid end dates are exclusive)",
      "  section application",
      "  day of the accident :milestone, accident, 2026-09-03, 0d",
      "  platform's application for benefits 30 calendar days :milestone, m1, 2026-10-08, 0d",
      "  worker's (relatives', union's) own application 90 calendar days :milestone, m2, 2026-12-02, 0d",
      "",
    ]);
  });

  test("the language defaults to zh", () => {
    const c = qinghai();
    const zh = renderClaimTimeline(c, { lang: "zh" });
    expect(renderClaimTimeline(c)).toEqual(zh);
    expect(renderClaimTimeline(c, {})).toEqual(zh);
    expect(renderClaimTimeline(c, { lang: "en" })).not.toEqual(zh);
  });
});

describe("odd steps: missing, partial and unreadable parts", () => {
  test("claimTimelineEntries: what each step gives, in date order", () => {
    const title = (zh: string, en: string) => ({ zh, en });
    const NATIONAL_CITATIONS = [
      { doc: "national-measures", id: "national-measures#art10|draft", zh: `${HEAD["national-measures"].zh} 第十条\n第二款`, en: `${HEAD["national-measures"].en} art. 10, para. 2` },
      { doc: "national-measures", id: "national-measures#art11", zh: `${HEAD["national-measures"].zh} 第十一条`, en: `${HEAD["national-measures"].en},  art. 11` },
      { doc: "work-injury-regulations", id: "work-injury-regulations", zh: "《工伤保险条例》", en: "Regulations on Work-Related Injury Insurance" },
    ];
    expect(claimTimelineEntries(oddCase())).toEqual([
      // the start is a number and the unit a number: neither is read
      { field: "supplementDeadline", limit: "supplement-materials", date: "2026-09-14", weekday: 1, title: title("提交补正材料", "supplementary materials"),
        start: null, period: null, extendedFrom: null, citations: [Q19_2], provenance: "seed" },
      // no start, unit "week", a function result
      { field: "confirmationDeliveryDeadline", limit: "conclusion-delivery", date: "2026-09-23", weekday: 3, title: title("送达职业伤害确认结论", "delivery of the confirmation decision"),
        start: null, period: null, extendedFrom: null, citations: [], provenance: "assumed" },
      { field: "platformApplicationDeadline", limit: "platform-application", date: "2026-10-08", weekday: 4,
        title: title("平台企业提出职业伤害保障待遇给付申请", "platform's application for benefits"),
        start: "2026-09-03", period: { count: 30, unit: "day" }, extendedFrom: "2026-10-03", citations: [Q15_1], provenance: "seed" },
      // no step at all: the field's last limit, and nothing else
      { field: "confirmationDeadline", limit: "confirmation", date: "2026-10-16", weekday: 5, title: title("作出职业伤害确认结论", "injury confirmation decision"),
        start: null, period: null, extendedFrom: null, citations: [], provenance: null },
      // the first of two steps of the same rule (the second would give 09-01, 2 months, moved from 11-01, seed)
      { field: "benefitReviewDeadline", limit: "benefit-review", date: "2026-10-20", weekday: 2, title: title("作出职业伤害保障待遇审核意见", "review of a benefit application"),
        start: "2026-09-22", period: { count: 20, unit: "working-day" }, extendedFrom: null, citations: [], provenance: "caller" },
      // count "90" is a string; result null; no parameter
      { field: "workerApplicationDeadline", limit: "worker-application", date: "2026-12-02", weekday: 3,
        title: title("新就业形态人员或其近亲属、工会组织直接提出申请", "worker's (relatives', union's) own application"),
        start: "2026-09-04", period: null, extendedFrom: null, citations: [], provenance: null },
      // same date as the treatment period's end: the output fields' order (extension cap first)
      { field: "applicationExtensionLimit", limit: "application-extension-cap", date: "2027-09-03", weekday: 5,
        title: title("特殊情况延长申请时限的上限（工伤保险条例第十七条）", "cap on an extended application period (Work-Injury Regulations art. 17)"),
        start: "2026-09-03", period: { count: 1, unit: "year" }, extendedFrom: null, citations: NATIONAL_CITATIONS, provenance: "national" },
      { field: "treatmentPeriodEnd", limit: "treatment-period", date: "2027-09-03", weekday: 5, title: title("治疗职业伤害期（一般不超过）", "treatment period (as a rule, at most)"),
        start: null, period: null, extendedFrom: null, citations: [], provenance: null },
      { field: "treatmentPeriodMaxEnd", limit: "treatment-period-extension", date: "2028-09-03", weekday: 0,
        title: title("治疗职业伤害期的延长（不得超过）", "extension of the treatment period (at most)"),
        start: "2027-09-03", period: { count: 12, unit: "month" }, extendedFrom: null, citations: NATIONAL_CITATIONS, provenance: "national" },
    ]);
  });

  test("the Markdown rows: a title alone, a start alone, an empty source, escaped pipes and line breaks (zh)", () => {
    // The supplement row is the title only (no start, no period); the worker's has 自 … 起 without a count; an
    // assumed limit without citations is "[推定]" alone; a pipe in an id is escaped (\|) and a line break is a space.
    expect(lines(renderClaimTimeline(oddCase()).markdown)).toEqual([
      "## 职业伤害保障待遇给付期限时间线",
      "",
      "事故伤害发生之日：2026-09-03（星期四）。期限的最后一日以24时为止；治疗职业伤害期为持续期间，不顺延。",
      "",
      "| 日期 | 星期 | 期限 | 依据 |",
      "|---|---|---|---|",
      "| 2026-09-14 | 星期一 | 提交补正材料 | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十九条第二款 `qinghai-measures#art19.p2` |",
      "| 2026-09-23 | 星期三 | 送达职业伤害确认结论 | [推定] |",
      "| 2026-10-08 | 星期四 | 平台企业提出职业伤害保障待遇给付申请（自 2026-09-03 起30日）；原到期日 2026-10-03，遇休息日顺延 | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十五条第一款 `qinghai-measures#art15.p1` |",
      "| 2026-10-16 | 星期五 | 作出职业伤害确认结论 |  |",
      "| 2026-10-20 | 星期二 | 作出职业伤害保障待遇审核意见（自 2026-09-22 起20个工作日） | 调用方提供（overrides） |",
      "| 2026-12-02 | 星期三 | 新就业形态人员或其近亲属、工会组织直接提出申请（自 2026-09-04 起） |  |",
      "| 2027-09-03 | 星期五 | 特殊情况延长申请时限的上限（工伤保险条例第十七条）（自 2026-09-03 起1年） | 《新就业形态人员职业伤害保障办法（试行）》（人社部发〔2021〕110号附件，人社部发〔2025〕24号修订） 第十条 第二款、第十一条 `national-measures#art10\\|draft` `national-measures#art11`；《工伤保险条例》 `work-injury-regulations` [国家规定] |",
      "| 2027-09-03 | 星期五 | 治疗职业伤害期（一般不超过） |  |",
      "| 2028-09-03 | 星期日 | 治疗职业伤害期的延长（不得超过）（自 2027-09-03 起12个月） | 《新就业形态人员职业伤害保障办法（试行）》（人社部发〔2021〕110号附件，人社部发〔2025〕24号修订） 第十条 第二款、第十一条 `national-measures#art10\\|draft` `national-measures#art11`；《工伤保险条例》 `work-injury-regulations` [国家规定] |",
      "",
    ]);
  });

  test("the Markdown rows (en)", () => {
    // "1 year" in the singular; an article not after a comma keeps its own comma ("art. 10, para. 2"); ",  art. 11"
    // loses the leading comma and both spaces.
    expect(lines(renderClaimTimeline(oddCase(), { lang: "en" }).markdown)).toEqual([
      "## Time limits of the benefit claim",
      "",
      "Day of the accident: 2026-09-03 (Thursday). A last day ends at 24:00; the treatment period is a duration and is not moved over rest days.",
      "",
      "| date | weekday | time limit | source |",
      "|---|---|---|---|",
      "| 2026-09-14 | Monday | supplementary materials | Qinghai implementing measures (trial), annex 1, art. 19 para. 2 `qinghai-measures#art19.p2` |",
      "| 2026-09-23 | Wednesday | delivery of the confirmation decision | [assumed] |",
      "| 2026-10-08 | Thursday | platform's application for benefits (from 2026-09-03, 30 calendar days); nominal last day 2026-10-03, a rest day: moved to the next working day | Qinghai implementing measures (trial), annex 1, art. 15 para. 1 `qinghai-measures#art15.p1` |",
      "| 2026-10-16 | Friday | injury confirmation decision |  |",
      "| 2026-10-20 | Tuesday | review of a benefit application (from 2026-09-22, 20 working days) | supplied by the caller (overrides) |",
      "| 2026-12-02 | Wednesday | worker's (relatives', union's) own application (from 2026-09-04) |  |",
      "| 2027-09-03 | Friday | cap on an extended application period (Work-Injury Regulations art. 17) (from 2026-09-03, 1 year) | National measures on occupational-injury protection for platform workers (trial) (人社部发〔2021〕110号附件，人社部发〔2025〕24号修订), art. 10, para. 2; art. 11 `national-measures#art10\\|draft` `national-measures#art11`; Regulations on Work-Related Injury Insurance `work-injury-regulations` [national rule] |",
      "| 2027-09-03 | Friday | treatment period (as a rule, at most) |  |",
      "| 2028-09-03 | Sunday | extension of the treatment period (at most) (from 2027-09-03, 12 months) | National measures on occupational-injury protection for platform workers (trial) (人社部发〔2021〕110号附件，人社部发〔2025〕24号修订), art. 10, para. 2; art. 11 `national-measures#art10\\|draft` `national-measures#art11`; Regulations on Work-Related Injury Insurance `work-injury-regulations` [national rule] |",
      "",
    ]);
  });

  test("the chart: a limit without a period is its title alone; the treatment period without a start is a milestone", () => {
    // The extension (start 2027-09-03, the period's last day) is the only bar, so t1 and active: 2027-09-04 to
    // 2028-09-04 (2028-09-03 + 1). The treatment period itself has no step, hence no start: milestone m8.
    expect(lines(renderClaimTimeline(oddCase()).mermaid)).toEqual([
      "gantt",
      "  title 职业伤害保障待遇给付期限时间线",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% 条形的结束日期为最后一日的次日（Mermaid 的结束日期不含当日）",
      "  section 待遇给付申请",
      "  事故伤害发生之日 :milestone, accident, 2026-09-03, 0d",
      "  提交补正材料 :milestone, m1, 2026-09-14, 0d",
      "  平台企业提出职业伤害保障待遇给付申请 30日 :milestone, m2, 2026-10-08, 0d",
      "  新就业形态人员或其近亲属、工会组织直接提出申请 :milestone, m3, 2026-12-02, 0d",
      "  特殊情况延长申请时限的上限（工伤保险条例第十七条） 1年 :milestone, m4, 2027-09-03, 0d",
      "  section 职业伤害确认与待遇审核",
      "  送达职业伤害确认结论 :milestone, m5, 2026-09-23, 0d",
      "  作出职业伤害确认结论 :milestone, m6, 2026-10-16, 0d",
      "  作出职业伤害保障待遇审核意见 20个工作日 :milestone, m7, 2026-10-20, 0d",
      "  section 治疗职业伤害期",
      "  治疗职业伤害期（一般不超过） :milestone, m8, 2027-09-03, 0d",
      "  治疗职业伤害期的延长（不得超过） 12个月 :active, t1, 2027-09-04, 2028-09-04",
      "",
    ]);
    expect(lines(renderClaimTimeline(oddCase(), { lang: "en" }).mermaid)).toEqual([
      "gantt",
      "  title Time limits of the benefit claim",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% a bar's end date is the day after its last day (Mermaid end dates are exclusive)",
      "  section application",
      "  day of the accident :milestone, accident, 2026-09-03, 0d",
      "  supplementary materials :milestone, m1, 2026-09-14, 0d",
      "  platform's application for benefits 30 calendar days :milestone, m2, 2026-10-08, 0d",
      "  worker's (relatives', union's) own application :milestone, m3, 2026-12-02, 0d",
      "  cap on an extended application period (Work-Injury Regulations art. 17) 1 year :milestone, m4, 2027-09-03, 0d",
      "  section confirmation and review",
      "  delivery of the confirmation decision :milestone, m5, 2026-09-23, 0d",
      "  injury confirmation decision :milestone, m6, 2026-10-16, 0d",
      "  review of a benefit application 20 working days :milestone, m7, 2026-10-20, 0d",
      "  section treatment period",
      "  treatment period (as a rule, at most) :milestone, m8, 2027-09-03, 0d",
      "  extension of the treatment period (at most) 12 months :active, t1, 2027-09-04, 2028-09-04",
      "",
    ]);
  });

  test("a rule-set id with Mermaid separators: kept in the Markdown heading, replaced by one space in the chart title", () => {
    // No rule set has this id, so the heading shows the id alone (no province name is guessed from it).
    // "#" → " ", ";:" → "  " → " ": shanghai@2022-07-01#draft;:v2 → "shanghai@2022-07-01 draft v2".
    for (const lang of ["zh", "en"] as const) {
      const plain = renderClaimTimeline(oddCase(), { lang });
      const t = renderClaimTimeline(oddCase("shanghai@2022-07-01#draft;:v2"), { lang });
      expect(lines(t.markdown).slice(1)).toEqual(lines(plain.markdown).slice(1));
      expect(lines(t.mermaid).filter((_, i) => i !== 1)).toEqual(lines(plain.mermaid).filter((_, i) => i !== 1));
    }
    expect(lines(renderClaimTimeline(oddCase("shanghai@2022-07-01#draft;:v2")).markdown)[0]).toBe("## 职业伤害保障待遇给付期限时间线（shanghai@2022-07-01#draft;:v2）");
    expect(lines(renderClaimTimeline(oddCase("shanghai@2022-07-01#draft;:v2")).mermaid)[1]).toBe("  title 职业伤害保障待遇给付期限时间线（shanghai@2022-07-01 draft v2）");
    expect(lines(renderClaimTimeline(oddCase("shanghai@2022-07-01#draft;:v2"), { lang: "en" }).markdown)[0]).toBe("## Time limits of the benefit claim (shanghai@2022-07-01#draft;:v2)");
    expect(lines(renderClaimTimeline(oddCase("shanghai@2022-07-01#draft;:v2"), { lang: "en" }).mermaid)[1]).toBe("  title Time limits of the benefit claim (shanghai@2022-07-01 draft v2)");
  });

  test("the accident day is the platform step's start, wherever that step is", () => {
    // Without a platform date the platform step is not an entry, but its start is still the accident day.
    const t = renderClaimTimeline(source({ workerApplicationDeadline: "2026-12-02" }, [
      step("worker-application", { start: "2026-09-04", count: 90, unit: "day" }, { extendedFrom: null }),
      step("platform-application", { start: "2026-09-03", count: 30, unit: "day" }, { extendedFrom: "2026-10-03" }),
    ]), { lang: "en" });
    expect(lines(t.markdown).slice(2, 3)).toEqual([
      "Day of the accident: 2026-09-03 (Thursday). A last day ends at 24:00; the treatment period is a duration and is not moved over rest days.",
    ]);
    expect(lines(t.mermaid).slice(5, 8)).toEqual([
      "  section application",
      "  day of the accident :milestone, accident, 2026-09-03, 0d",
      "  worker's (relatives', union's) own application 90 calendar days :milestone, m1, 2026-12-02, 0d",
    ]);
  });

  test("without a platform step there is no accident day: no sentence, no accident milestone, no empty section", () => {
    // Only a treatment period (no step): one row, one section with one milestone. 2027-09-03 is a Friday.
    const t = renderClaimTimeline(source({ treatmentPeriodEnd: "2027-09-03" }, [
      step("worker-application", { start: "2026-09-04", count: 90, unit: "day" }, null),
    ]));
    expect(lines(t.markdown)).toEqual([
      "## 职业伤害保障待遇给付期限时间线",
      "",
      "| 日期 | 星期 | 期限 | 依据 |",
      "|---|---|---|---|",
      "| 2027-09-03 | 星期五 | 治疗职业伤害期（一般不超过） |  |",
      "",
    ]);
    expect(lines(t.mermaid)).toEqual([
      "gantt",
      "  title 职业伤害保障待遇给付期限时间线",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% 条形的结束日期为最后一日的次日（Mermaid 的结束日期不含当日）",
      "  section 治疗职业伤害期",
      "  治疗职业伤害期（一般不超过） :milestone, m1, 2027-09-03, 0d",
      "",
    ]);
  });

  test("no deadline at all: a placeholder row and a chart with no section, with or without a known rule set", () => {
    // Without a rule-set id the heading is the title alone; an id no rule set has is shown as given, without a name.
    for (const ruleSet of [undefined, "nowhere@2020-01-01", "@2020-01-01"]) {
      const zh = ruleSet === undefined ? "职业伤害保障待遇给付期限时间线" : `职业伤害保障待遇给付期限时间线（${ruleSet}）`;
      const en = ruleSet === undefined ? "Time limits of the benefit claim" : `Time limits of the benefit claim (${ruleSet})`;
      expect(lines(renderClaimTimeline(emptyCase(ruleSet)).markdown)).toEqual([
        `## ${zh}`,
        "",
        "| 日期 | 星期 | 期限 | 依据 |",
        "|---|---|---|---|",
        "| — | — | （未计算任何期限） | — |",
        "",
      ]);
      expect(lines(renderClaimTimeline(emptyCase(ruleSet)).mermaid)).toEqual([
        "gantt",
        `  title ${zh}`,
        "  dateFormat YYYY-MM-DD",
        "  axisFormat %Y-%m-%d",
        "  %% 条形的结束日期为最后一日的次日（Mermaid 的结束日期不含当日）",
        "",
      ]);
      expect(lines(renderClaimTimeline(emptyCase(ruleSet), { lang: "en" }).markdown)).toEqual([
        `## ${en}`,
        "",
        "| date | weekday | time limit | source |",
        "|---|---|---|---|",
        "| — | — | (no time limit computed) | — |",
        "",
      ]);
      expect(lines(renderClaimTimeline(emptyCase(ruleSet), { lang: "en" }).mermaid)).toEqual([
        "gantt",
        `  title ${en}`,
        "  dateFormat YYYY-MM-DD",
        "  axisFormat %Y-%m-%d",
        "  %% a bar's end date is the day after its last day (Mermaid end dates are exclusive)",
        "",
      ]);
    }
    expect(claimTimelineEntries(emptyCase())).toEqual([]);
  });

  test("the name is that of the version with the source's id: bundled, or in the rule set passed", () => {
    // A bundled version's id (with or without "+overrides") gives its name; the id is printed as given.
    expect(lines(renderClaimTimeline(emptyCase("qinghai@2026-07-01+overrides")).markdown)[0]).toBe("## 职业伤害保障待遇给付期限时间线（青海省，qinghai@2026-07-01+overrides）");
    expect(lines(renderClaimTimeline(emptyCase("shanghai@2022-07-01"), { lang: "en" }).mermaid)[1]).toBe("  title Time limits of the benefit claim (Shanghai, shanghai@2022-07-01)");
    // No version has the id (a province id alone, or a date no version starts on): no name is guessed from it.
    expect(lines(renderClaimTimeline(emptyCase("qinghai@1999-01-01")).markdown)[0]).toBe("## 职业伤害保障待遇给付期限时间线（qinghai@1999-01-01）");
    expect(lines(renderClaimTimeline(emptyCase("shanghai"), { lang: "en" }).markdown)[0]).toBe("## Time limits of the benefit claim (shanghai)");
    // A rule set that is not bundled: its name when it is passed, the id alone otherwise.
    const beijing = { ...ruleSetToFile(getRuleSet("qinghai")), id: "beijing@2026-07-01", province: "beijing", name: { zh: "北京市", en: "Beijing" } };
    expect(lines(renderClaimTimeline(emptyCase("beijing@2026-07-01"), { rules: beijing }).markdown)[0]).toBe("## 职业伤害保障待遇给付期限时间线（北京市，beijing@2026-07-01）");
    expect(lines(renderClaimTimeline(emptyCase("beijing@2026-07-01"), { lang: "en", rules: beijing }).markdown)[0]).toBe("## Time limits of the benefit claim (Beijing, beijing@2026-07-01)");
    expect(lines(renderClaimTimeline(emptyCase("beijing@2026-07-01")).markdown)[0]).toBe("## 职业伤害保障待遇给付期限时间线（beijing@2026-07-01）");
    // The rule set passed is the one looked in: a bundled id not in it is shown alone.
    expect(lines(renderClaimTimeline(emptyCase("qinghai@2026-07-01"), { rules: beijing }).markdown)[0]).toBe("## 职业伤害保障待遇给付期限时间线（qinghai@2026-07-01）");
  });
});

describe("malformed dates in the explanation", () => {
  const base = () => provenanceCase() as unknown as { value: Record<string, string>; explanation: Array<{ inputs: Record<string, unknown>; result: unknown }>; ruleSet: string };

  test("a start that is no calendar date", () => {
    const b = base();
    b.explanation[1]!.inputs.start = "2026-02-30"; // the worker's step
    const s = source(b.value, b.explanation, b.ruleSet);
    const expected = {
      code: "INVALID_INPUT",
      path: ["explanation", 1, "inputs", "start"], // the index of the step in the explanation
      message: "explanation.1.inputs.start: not a valid calendar date / explanation.1.inputs.start：输入无效（不是有效的日历日期）",
    };
    expect(errorOf(() => claimTimelineEntries(s))).toEqual(expected);
    expect(errorOf(() => renderClaimTimeline(s))).toEqual(expected);
  });

  test("a moved-from day that is not YYYY-MM-DD", () => {
    const b = base();
    b.explanation[0]!.result = { extendedFrom: "20261003" }; // the platform's step
    expect(errorOf(() => claimTimelineEntries(source(b.value, b.explanation, b.ruleSet)))).toEqual({
      code: "INVALID_INPUT",
      path: ["explanation", 0, "result", "extendedFrom"],
      message: "explanation.0.result.extendedFrom: expected a date as YYYY-MM-DD / explanation.0.result.extendedFrom：输入无效（应为 YYYY-MM-DD 格式的日期）",
    });
  });

  test("the platform step's start is checked as the accident day even when the platform date is absent", () => {
    const s = source({ workerApplicationDeadline: "2026-12-02" }, [step("platform-application", { start: "2026-9-3" }, null)]);
    // The entries do not read that step (no platform date) …
    expect(claimTimelineEntries(s).map((e) => e.limit)).toEqual(["worker-application"]);
    // … the rendering does, for the accident day.
    expect(errorOf(() => renderClaimTimeline(s))).toEqual({
      code: "INVALID_INPUT",
      path: ["explanation", 0, "inputs", "start"],
      message: "explanation.0.inputs.start: expected a date as YYYY-MM-DD / explanation.0.inputs.start：输入无效（应为 YYYY-MM-DD 格式的日期）",
    });
  });
});

// ---- renderTimeline: every kind's timeline, pinned to the character ------------------------------------------
// A hand-built Timeline reaching every branch of the renderer: a date-time, a month and a year supplied (a month
// and a year show as given, with no weekday, and stand on their first day in the chart); deadlines met 1 day early
// and on the last day, missed by 1 and 2 days (singular and plural), not yet known with and without an answering
// field; a last day moved without a reason and with one; each provenance (caller: the override text; national and
// assumed: the mark after the citations; seed: the citations alone); a citation of a document the package does not
// know (its text as given) and one whose text does not start with the document's head; the ends of the treatment
// period (a bar from its start), of its extension (a bar from the day after its start) and one without a start (a
// milestone); an open-ended and a closed period (the bar's end the day after its last day: 09-30 → 10-01); a
// limit not defined; Mermaid separators in a title (each becomes a space). Weekdays from 2026-09-03, a Thursday.
// Rows sort by date, then supplied < deadline < period; the chart keeps the timeline's own order. The words are the
// TL_WORDS, WORDS and WEEKDAYS tables of src/deadlines/timeline.ts.
const cit = (doc: string, id: string, zh: string, en: string) => ({ id, doc, zh, en });
const Q = { zh: "《青海省新就业形态人员职业伤害保障实施办法（试行）》", en: "Qinghai implementing measures (trial), annex 1" };
const none = { status: "unknown", answeredBy: null, answeredOn: null, daysLate: null, daysToSpare: null };
const base = { type: "deadline", limit: null, start: null, period: null, movedFrom: null, movedBecause: null, citations: [], provenance: null, compliance: none };
const HAND = {
  kind: "claim-deadlines",
  ruleSet: "qinghai@2026-07-01+overrides",
  ruleSetName: null,
  supplied: [
    { field: "accidentAt", value: "2026-09-03T23:30:00+08:00", precision: "instant", date: "2026-09-03", weekday: 4, label: { zh: "事故：发生", en: "accident: happened" } },
    { field: "orderMonth", value: "2026-09", precision: "month", date: "2026-09-01", weekday: null, label: { zh: "月份", en: "month" } },
    { field: "year", value: 2026, precision: "year", date: "2026-01-01", weekday: null, label: { zh: "年度", en: "year" } },
  ],
  deadlines: [
    { ...base, field: "a", date: "2026-09-10", weekday: 4, title: { zh: "早一日", en: "one day early" }, compliance: { status: "met", answeredBy: "x", answeredOn: "2026-09-09", daysLate: null, daysToSpare: 1 } },
    { ...base, field: "b", date: "2026-09-10", weekday: 4, title: { zh: "当日", en: "on the day" }, compliance: { status: "met", answeredBy: "y", answeredOn: "2026-09-10", daysLate: null, daysToSpare: 0 },
      start: "2026-09-03", period: { count: 5, unit: "working-day" }, provenance: "caller" },
    { ...base, field: "c", date: "2026-09-14", weekday: 1, title: { zh: "逾期一日", en: "late by one" }, compliance: { status: "missed", answeredBy: "z", answeredOn: "2026-09-15", daysLate: 1, daysToSpare: null },
      movedFrom: "2026-09-12", provenance: "national" },
    { ...base, field: "d", date: "2026-10-08", weekday: 4, title: { zh: "逾期两日", en: "late by two" }, compliance: { status: "missed", answeredBy: "z", answeredOn: "2026-10-10", daysLate: 2, daysToSpare: null },
      movedFrom: "2026-10-03", movedBecause: { zh: "遇休息日顺延", en: "a rest day: moved to the next working day" }, provenance: "assumed",
      citations: [cit("qinghai-measures", "qinghai-measures#art15.p1", `${Q.zh} 第十五条第一款`, `${Q.en}, art. 15 para. 1`), cit("jiangsu-measures", "jiangsu-measures#art3", "《江苏省办法》 第三条", "Jiangsu measures, art. 3")] },
    { ...base, field: "e", date: "2026-10-09", weekday: 5, title: { zh: "未提供", en: "not supplied" }, compliance: { ...none, answeredBy: "w" }, start: "2026-09-09", period: { count: 1, unit: "month" } },
    { ...base, field: "f", date: "2026-10-09", weekday: 5, title: { zh: "无对应;日期#", en: "no field;#" }, provenance: "seed",
      citations: [cit("qinghai-measures", "qinghai-measures#art19.p2", "第十九条第二款（文本不以文件名开头）", "art. 19 para. 2 (text without the head)")] },
    { ...base, field: "treatmentPeriodEnd", type: "end", date: "2027-09-03", weekday: 5, title: { zh: "治疗期", en: "treatment" }, limit: "treatment-period", start: "2026-09-03", period: { count: 12, unit: "month" }, compliance: null },
    { ...base, field: "treatmentPeriodMaxEnd", type: "end", date: "2028-09-03", weekday: 0, title: { zh: "延长", en: "extension" }, limit: "treatment-period-extension", start: "2027-09-03", period: { count: 12, unit: "month" }, compliance: null },
    { ...base, field: "payableUntil", type: "end", date: "2033-02-28", weekday: 1, title: { zh: "最后一日", en: "last day" }, compliance: null },
  ],
  periods: [
    { field: "p", title: { zh: "开放", en: "open" }, from: "2026-09-03", until: null, citations: [] },
    { field: "q", title: { zh: "封闭", en: "closed" }, from: "2026-09-04", until: "2026-09-30", citations: [cit("zhishang-decisions", "zhishang-decisions#C10", "《zhishang 对来源未明确之处的决定（docs/decisions.md）》 C10", "zhishang decisions on points the sources leave open (docs/decisions.md) C10")] },
  ],
  notDefined: [{ zh: "未规定甲", en: "no A" }],
};
const EMPTY = { kind: "rate-review", ruleSet: null, ruleSetName: null, supplied: [], deadlines: [], periods: [], notDefined: [] };

describe("renderTimeline, pinned", () => {
  const TABLE_ZH = [
    "## 时间线：职业伤害保障待遇给付期限（qinghai@2026-07-01+overrides）",
    "",
    "期限的最后一日以24时为止；“结果”以场景提供的相应日期判断期限是否遵守：已遵守 2 项，逾期 2 项，尚不可知 2 项。",
    "",
    "| 日期 | 星期 | 类别 | 事项 | 结果 | 依据 |",
    "|---|---|---|---|---|---|",
    "| 2026 | — | 场景提供 | 年度 `year` | — | — |",
    "| 2026-09 | — | 场景提供 | 月份 `orderMonth` | — | — |",
    "| 2026-09-03 | 星期四 | 场景提供 | 事故：发生 `accidentAt`（2026-09-03T23:30:00+08:00） | — | — |",
    "| 2026-09-03 | 星期四 | 期间 | 开放：自 2026-09-03 起 | — | — |",
    "| 2026-09-04 | 星期五 | 期间 | 封闭：2026-09-04 至 2026-09-30 | — | 《zhishang 对来源未明确之处的决定（docs/decisions.md）》 C10 `zhishang-decisions#C10` |",
    "| 2026-09-10 | 星期四 | 期限 | 早一日 | 已遵守：`x` 2026-09-09，早 1 日 | — |",
    "| 2026-09-10 | 星期四 | 期限 | 当日（自 2026-09-03 起5个工作日） | 已遵守：`y` 2026-09-10，期限当日 | 调用方提供（overrides） |",
    "| 2026-09-14 | 星期一 | 期限 | 逾期一日；原到期日 2026-09-12 | 逾期 1 日：`z` 2026-09-15 | [国家规定] |",
    "| 2026-10-08 | 星期四 | 期限 | 逾期两日；原到期日 2026-10-03，遇休息日顺延 | 逾期 2 日：`z` 2026-10-10 | 《青海省新就业形态人员职业伤害保障实施办法（试行）》 第十五条第一款 `qinghai-measures#art15.p1`；《江苏省办法》 第三条 `jiangsu-measures#art3` [推定] |",
    "| 2026-10-09 | 星期五 | 期限 | 未提供（自 2026-09-09 起1个月） | 尚不可知：未提供 `w` | — |",
    "| 2026-10-09 | 星期五 | 期限 | 无对应;日期# | 尚不可知：场景输入中没有回应此期限的日期 | 第十九条第二款（文本不以文件名开头） `qinghai-measures#art19.p2` |",
    "| 2027-09-03 | 星期五 | 期间届满 | 治疗期（自 2026-09-03 起12个月） | — | — |",
    "| 2028-09-03 | 星期日 | 期间届满 | 延长（自 2027-09-03 起12个月） | — | — |",
    "| 2033-02-28 | 星期一 | 期间届满 | 最后一日 | — | — |",
    "",
    "- 未规定甲",
    "",
  ];
  const CHART_ZH = [
    "gantt",
    "  title 时间线：职业伤害保障待遇给付期限（qinghai@2026-07-01+overrides）",
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %Y-%m-%d",
    "  %% 条形的结束日期为最后一日的次日（图表的结束日期不含当日）；已遵守的期限显示为已完成，逾期的显示为关键任务",
    "  section 场景提供的日期",
    "  事故：发生 :milestone, s1, 2026-09-03, 0d",
    "  月份 2026-09 :milestone, s2, 2026-09-01, 0d",
    "  年度 2026 :milestone, s3, 2026-01-01, 0d",
    "  section 期限",
    "  早一日 已遵守 :done, milestone, d1, 2026-09-10, 0d",
    "  当日 5个工作日 已遵守 :done, milestone, d2, 2026-09-10, 0d",
    "  逾期一日 逾期 1 日 :crit, milestone, d3, 2026-09-14, 0d",
    "  逾期两日 逾期 2 日 :crit, milestone, d4, 2026-10-08, 0d",
    "  未提供 1个月 尚不可知 :milestone, d5, 2026-10-09, 0d",
    "  无对应 日期 尚不可知 :milestone, d6, 2026-10-09, 0d",
    "  section 期间",
    "  治疗期 12个月 :e1, 2026-09-03, 2027-09-04",
    "  延长 12个月 :e2, 2027-09-04, 2028-09-04",
    "  最后一日 :milestone, e3, 2033-02-28, 0d",
    "  开放 :milestone, p1, 2026-09-03, 0d",
    "  封闭 :p2, 2026-09-04, 2026-10-01",
    "",
  ];
  const TABLE_EN = [
    "## Timeline of the time limits of the benefit claim (qinghai@2026-07-01+overrides)",
    "",
    "A last day ends at 24:00; the result compares each deadline with the date the scenario supplied for it: met 2, missed 2, not yet known 2.",
    "",
    "| date | weekday | type | what | result | source |",
    "|---|---|---|---|---|---|",
    "| 2026 | — | supplied | year `year` | — | — |",
    "| 2026-09 | — | supplied | month `orderMonth` | — | — |",
    "| 2026-09-03 | Thursday | supplied | accident: happened `accidentAt` (2026-09-03T23:30:00+08:00) | — | — |",
    "| 2026-09-03 | Thursday | period | open: from 2026-09-03 | — | — |",
    "| 2026-09-04 | Friday | period | closed: 2026-09-04 to 2026-09-30 | — | zhishang decisions on points the sources leave open (docs/decisions.md), C10 `zhishang-decisions#C10` |",
    "| 2026-09-10 | Thursday | deadline | one day early | met: `x` 2026-09-09, 1 day early | — |",
    "| 2026-09-10 | Thursday | deadline | on the day (from 2026-09-03, 5 working days) | met: `y` 2026-09-10, on the last day | supplied by the caller (overrides) |",
    "| 2026-09-14 | Monday | deadline | late by one; nominal last day 2026-09-12 | missed by 1 day: `z` 2026-09-15 | [national rule] |",
    "| 2026-10-08 | Thursday | deadline | late by two; nominal last day 2026-10-03, a rest day: moved to the next working day | missed by 2 days: `z` 2026-10-10 | Qinghai implementing measures (trial), annex 1, art. 15 para. 1 `qinghai-measures#art15.p1`; Jiangsu measures, art. 3 `jiangsu-measures#art3` [assumed] |",
    "| 2026-10-09 | Friday | deadline | not supplied (from 2026-09-09, 1 month) | not yet known: `w` not supplied | — |",
    "| 2026-10-09 | Friday | deadline | no field;# | not yet known: the scenario's input has no date that answers it | art. 19 para. 2 (text without the head) `qinghai-measures#art19.p2` |",
    "| 2027-09-03 | Friday | end | treatment (from 2026-09-03, 12 months) | — | — |",
    "| 2028-09-03 | Sunday | end | extension (from 2027-09-03, 12 months) | — | — |",
    "| 2033-02-28 | Monday | end | last day | — | — |",
    "",
    "- no A",
    "",
  ];
  const CHART_EN = [
    "gantt",
    "  title Timeline of the time limits of the benefit claim (qinghai@2026-07-01+overrides)",
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %Y-%m-%d",
    "  %% a bar's end date is the day after its last day (Mermaid end dates are exclusive); a deadline met is shown done, one missed critical",
    "  section dates supplied",
    "  accident happened :milestone, s1, 2026-09-03, 0d",
    "  month 2026-09 :milestone, s2, 2026-09-01, 0d",
    "  year 2026 :milestone, s3, 2026-01-01, 0d",
    "  section deadlines",
    "  one day early met :done, milestone, d1, 2026-09-10, 0d",
    "  on the day 5 working days met :done, milestone, d2, 2026-09-10, 0d",
    "  late by one missed by 1 day :crit, milestone, d3, 2026-09-14, 0d",
    "  late by two missed by 2 days :crit, milestone, d4, 2026-10-08, 0d",
    "  not supplied 1 month not yet known :milestone, d5, 2026-10-09, 0d",
    "  no field not yet known :milestone, d6, 2026-10-09, 0d",
    "  section periods",
    "  treatment 12 months :e1, 2026-09-03, 2027-09-04",
    "  extension 12 months :e2, 2027-09-04, 2028-09-04",
    "  last day :milestone, e3, 2033-02-28, 0d",
    "  open :milestone, p1, 2026-09-03, 0d",
    "  closed :p2, 2026-09-04, 2026-10-01",
    "",
  ];

  test("markdown and mermaid in Chinese", () => {
    expect(renderTimeline(HAND as never, { format: "mermaid" }).split("\n")).toEqual(CHART_ZH);
    expect(renderTimeline(HAND as never).split("\n")).toEqual([...TABLE_ZH, "```mermaid", ...CHART_ZH.slice(0, -1), "```", ""]);
    expect(renderTimeline(HAND as never, { format: "markdown", lang: "zh" })).toBe(renderTimeline(HAND as never));
  });

  test("markdown and mermaid in English", () => {
    expect(renderTimeline(HAND as never, { format: "mermaid", lang: "en" }).split("\n")).toEqual(CHART_EN);
    expect(renderTimeline(HAND as never, { lang: "en" }).split("\n")).toEqual([...TABLE_EN, "```mermaid", ...CHART_EN.slice(0, -1), "```", ""]);
  });

  test("an empty timeline: a placeholder row, no count, a chart without sections", () => {
    expect(renderTimeline(EMPTY as never).split("\n")).toEqual([
      "## 时间线：年度费率浮动评估",
      "",
      "| 日期 | 星期 | 类别 | 事项 | 结果 | 依据 |",
      "|---|---|---|---|---|---|",
      "| — | — | — | （无日期） | — | — |",
      "",
      "```mermaid",
      "gantt",
      "  title 时间线：年度费率浮动评估",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% 条形的结束日期为最后一日的次日（图表的结束日期不含当日）；已遵守的期限显示为已完成，逾期的显示为关键任务",
      "```",
      "",
    ]);
    expect(renderTimeline(EMPTY as never, { lang: "en" }).split("\n")).toEqual([
      "## Timeline of the annual rate review",
      "",
      "| date | weekday | type | what | result | source |",
      "|---|---|---|---|---|---|",
      "| — | — | — | (no date) | — | — |",
      "",
      "```mermaid",
      "gantt",
      "  title Timeline of the annual rate review",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m-%d",
      "  %% a bar's end date is the day after its last day (Mermaid end dates are exclusive); a deadline met is shown done, one missed critical",
      "```",
      "",
    ]);
  });

  test("json: the timeline as parsed, two-space indented; what a Timeline is not is INVALID_INPUT", () => {
    // the fields in the order of the Timeline type (the hand-built objects list theirs otherwise)
    const json = renderTimeline(HAND as never, { format: "json" });
    expect(JSON.parse(json)).toEqual(HAND);
    expect(json.startsWith('{\n  "kind": "claim-deadlines",\n  "ruleSet": "qinghai@2026-07-01+overrides",\n  "ruleSetName": null,\n  "supplied": [\n    {\n      "field": "accidentAt",')).toBe(true);
    expect(json.endsWith('\n  "notDefined": [\n    {\n      "zh": "未规定甲",\n      "en": "no A"\n    }\n  ]\n}\n')).toBe(true);
    expect(Object.keys((JSON.parse(json) as { deadlines: object[] }).deadlines[0] as object)).toEqual([
      "field", "type", "date", "weekday", "title", "limit", "start", "period", "movedFrom", "movedBecause", "citations", "provenance", "compliance",
    ]);
    expect(errorOf(() => renderTimeline({ ...HAND, supplied: [{ ...HAND.supplied[0], precision: "week" }] } as never)).path).toEqual(["supplied", 0, "precision"]);
    expect(errorOf(() => renderTimeline({ ...HAND, deadlines: [{ ...HAND.deadlines[0], date: "2026-02-30" }] } as never)).path).toEqual(["deadlines", 0, "date"]);
    expect(errorOf(() => renderTimeline(HAND as never, { lang: "fr" } as never)).path).toEqual(["options", "lang"]);
    expect(errorOf(() => renderTimeline(null as never)).path).toEqual([]);
  });
});
