/**
 * The monthly declaration deadline (docs/sources.md#B3) against the tax authority's published calendars.
 *
 * Published figures (the deadline of the monthly "15 days after the period" declarations, by month):
 *
 * 2024 — the State Taxation Administration's 2024 schedule as reproduced at crsrw.com/dianzishuiwu/1586.html
 *   (the notice's own number was not found): 1月、3月、7月、8月、11月 the 15th; "2月10日至17日放假8天 … 2月23日";
 *   "4月4日至6日放假3天 … 4月18日"; "5月1日至5日放假5天 … 5月22日"; "6月8日至10日放假3天 … 6月19日";
 *   "9月15日至17日放假3天 … 9月18日"; "10月1日至7日放假7天 … 10月24日"; "12月15日为星期日 … 12月16日".
 * 2025 — 《2025年国家税务总局广东省税务局征期日历》 (2024-12-30), issued under 税总办征科函〔2024〕71号
 *   《国家税务总局办公厅关于明确2025年度申报纳税期限的通知》 (cjtax.cn/a/202501/15wujby1fnit4.shtml):
 *   1-15, 2-20 ("2月1日至4日放假4天"), 3-17, 4-18, 5-22, 6-16 ("6月15日为星期日"), 7-15, 8-15, 9-15,
 *   10-27 ("10月1日至8日放假8天"), 11-17, 12-15.
 * 2026 — 税总办征科函〔2025〕64号 《国家税务总局办公厅关于明确2026年度申报纳税期限的通知》 (2025-12-10; text
 *   reproduced by 中新网 2025-12-12): 6月、7月、9月、12月 the 15th; 1-20, 2-24, 3-16, 4-20, 5-22, 8-17, 10-26,
 *   11-16.
 * 2023 (a year the caller adds) — 税总办征科函〔2022〕245号 (2022-12-27): 2月、3月、6月、8月、9月、11月、12月 the
 *   15th; 1-16, 4-17, 5-18 ("5月1日至3日放假3天"), 7-17, 10-23 ("10月1日至6日放假6天"); holidays from
 *   国办发明电〔2022〕16号 (2022-12-08).
 *
 * Hand check of the edges: 2024-06: 8 (Sat), 9 (Sun) and 10 June (Mon, Dragon Boat, "与周末连休") form one rest
 * period of 3 days, so the 15th (a Saturday) plus 3 working days counted after it: 17, 18, 19 → 06-19 (not
 * 06-17). 2025-06: 31 May–2 June is a 3-day rest period but only 1–2 June (2 days) lie in the period, so no
 * deferral; the 15th is a Sunday → 06-16. 2024-02: 10–15 February (6 days) lie in the period; the 15th is a
 * holiday; 6 working days after the 15th: 18 (Sunday, 调休上班), 19, 20, 21, 22, 23 → 02-23.
 */
import { describe, expect, test } from "vitest";
import { loadCalendar, BUNDLED_CALENDAR } from "../../src/calendar/calendar.js";
import { computeDeclarationDeadline, taxDeclarationDeadline } from "../../src/deadlines/declaration.js";
import { PROVINCES } from "../../src/provinces/index.js";
import { PUBLISHED, PUBLISHED_2023, YEAR_2023 } from "./published-calendars.js";
import { invalidJson, thrown } from "../support/errors.js";


describe("declaration deadline reproduces the tax authority's published calendars", () => {
  for (const year of [2024, 2025, 2026] as const) {
    test.each((PUBLISHED[year] as string[]).map((d, k) => [k + 1, d] as const))(`${year}-%i → ${year}-%s`, (month, expected) => {
      expect(taxDeclarationDeadline(year, month, 15, BUNDLED_CALENDAR).deadline).toBe(`${year}-${expected}`);
    });
  }

  test("2023, a year supplied by the caller, matches 税总办征科函〔2022〕245号", () => {
    const cal = loadCalendar([YEAR_2023]);
    const got = PUBLISHED_2023.map((_, k) => taxDeclarationDeadline(2023, k + 1, 15, cal).deadline.slice(5));
    expect(got).toEqual(PUBLISHED_2023);
  });

  test("the edge months explain themselves", () => {
    const jun24 = taxDeclarationDeadline(2024, 6, 15, BUNDLED_CALENDAR);
    expect(jun24.restPeriods).toEqual([{ from: "2024-06-08", to: "2024-06-10", daysInPeriod: 3, counted: true }]);
    expect(jun24.holidayDaysInPeriod).toBe(3);
    expect(jun24.rule).toBe("holiday-deferral");

    const jun25 = taxDeclarationDeadline(2025, 6, 15, BUNDLED_CALENDAR);
    expect(jun25.restPeriods).toEqual([{ from: "2025-05-31", to: "2025-06-02", daysInPeriod: 2, counted: false }]);
    expect(jun25.holidayDaysInPeriod).toBe(0);
    expect(jun25.rule).toBe("last-day-rest");

    // 2026-02: only 15 February (the first day of the 9-day holiday) lies in the period.
    const feb26 = taxDeclarationDeadline(2026, 2, 15, BUNDLED_CALENDAR);
    expect(feb26.restPeriods).toEqual([{ from: "2026-02-15", to: "2026-02-23", daysInPeriod: 1, counted: false }]);
    expect(feb26.rule).toBe("last-day-rest");

    // 2026-03: the 15th is a Sunday; an ordinary weekend is no rest period.
    const mar26 = taxDeclarationDeadline(2026, 3, 15, BUNDLED_CALENDAR);
    expect(mar26.restPeriods).toEqual([]);
    expect(mar26.deadline).toBe("2026-03-16");
  });
});

describe("computeDeclarationDeadline", () => {
  test("the same rule in every province; the explanation cites the province and the tax rules", () => {
    // 2026-10 declares September's orders: every province's rules are in force by then.
    for (const p of PROVINCES) {
      const c = computeDeclarationDeadline(p, { declarationMonth: "2026-10" });
      expect(c.value.deadline).toBe("2026-10-26");
      expect(c.value.orderMonth).toBe("2026-09");
      expect(c.explanation.map((s) => s.rule)).toEqual([
        "coverage.in-force", "declaration.period", "declaration.holiday-days", "declaration.deadline",
      ]);
      const ids = c.explanation.flatMap((s) => s.citations.map((x) => x.id));
      expect(ids).toContain("tax-collection-rules#art109");
      expect(ids).toContain("holiday-notice-2026");
    }
    const q = computeDeclarationDeadline("qinghai", { declarationMonth: "2026-10" });
    expect(q.explanation[1]?.citations.map((x) => x.id)).toContain("qinghai-measures#art8.p1");
    expect(q.explanation[1]?.parameters[0]?.provenance).toBe("seed");
    const g = computeDeclarationDeadline("guangxi", { declarationMonth: "2026-10" });
    expect(g.explanation[1]?.parameters[0]?.provenance).toBe("national");
  });

  test("across New Year: 2026-01 → 2026-01-20 (1–3 January off: 3 working days after the 15th: 16, 19, 20)", () => {
    expect(computeDeclarationDeadline("shanghai", { declarationMonth: "2026-01" }).value).toMatchObject({
      deadline: "2026-01-20",
      orderMonth: "2025-12",
      holidayDaysInPeriod: 3,
      rule: "holiday-deferral",
    });
  });

  test("the order month must be covered by the province's rules", () => {
    // Qinghai starts 2026-07-01: the declaration of 2026-07 covers June's orders, before the start.
    expect(() => computeDeclarationDeadline("qinghai", { declarationMonth: "2026-07" })).toThrow(
      expect.objectContaining({ code: "RULE_NOT_IN_FORCE", path: ["declarationMonth"] }),
    );
    expect(computeDeclarationDeadline("qinghai", { declarationMonth: "2026-08" }).value.deadline).toBe("2026-08-17");
  });

  test("outside the loaded calendars: CALENDAR_NOT_COVERED; a caller year fixes it", () => {
    expect(() => computeDeclarationDeadline("zhejiang", { declarationMonth: "2027-03" })).toThrow(
      expect.objectContaining({ code: "CALENDAR_NOT_COVERED", path: ["declarationMonth"] }),
    );
    // A hypothetical 2027 schedule with nothing in March: 2027-03-15 is a Monday → the 15th.
    const c = computeDeclarationDeadline("zhejiang", { declarationMonth: "2027-03" }, {
      calendars: [{ year: 2027, off: [["2027-01-01", "2027-01-01"]], work: [] }],
    });
    expect(c.value.deadline).toBe("2027-03-15");
    // December's deferral may run into the next year: 2026-12-15 is a Tuesday, no deferral, so 2027 is not needed.
    expect(computeDeclarationDeadline("guangxi", { declarationMonth: "2026-12" }).value.deadline).toBe("2026-12-15");
  });

  test("bad input and a bad override are INVALID_INPUT with a path", () => {
    expect(() => computeDeclarationDeadline("guangxi", { declarationMonth: "2026-13" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", path: ["declarationMonth"] }),
    );
    expect(() => computeDeclarationDeadline("guangxi", { declarationMonth: "2026-1" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    expect(() => computeDeclarationDeadline("guangxi", { declarationMonth: "2026-01", extra: 1 } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
  });

  test("an override of the due day is recorded as caller", () => {
    // Due on the 10th of 2026-10: 1–7 October (7 days) lie in 1–10 October → 10 October (Saturday, 调休上班) + 7
    // working days: 12, 13, 14, 15, 16, 19, 20 → 2026-10-20.
    const c = computeDeclarationDeadline("guangxi", { declarationMonth: "2026-10" }, {
      overrides: { "timeLimit.monthlyDeclaration": { day: 10, holiday: "tax-declaration" } },
    });
    expect(c.value.deadline).toBe("2026-10-20");
    expect(c.explanation[1]?.parameters[0]?.provenance).toBe("caller");
  });
});

describe("range edges: a refusal names the caller's field and the supported range", () => {
  test("1900-01 declares 1899-12, before the supported dates: INVALID_INPUT at declarationMonth with 1900-02 – 2199-12", () => {
    // before: "1899-12-31 is not a valid calendar date" (the derived last order day, not the caller's month)
    expect(thrown(() => computeDeclarationDeadline("qinghai", { declarationMonth: "1900-01" }))).toEqual(invalidJson(
      ["declarationMonth"],
      "declarationMonth 1900-01 is out of the supported range 1900-02 – 2199-12 (it declares the orders of the month before, from 1900-01)",
      "declarationMonth 1900-01 超出支持范围 1900-02 至 2199-12（申报的是上月的订单，最早为 1900-01）",
    ));
  });
});
