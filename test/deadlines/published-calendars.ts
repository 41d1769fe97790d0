/**
 * The tax authority's published monthly declaration deadlines ("每月或者每季度期满后15日内申报纳税的各税种"),
 * used to check the declaration rule (test/deadlines/declaration.test.ts) and printed in docs/time-limits.md.
 */

/** Where each year's figures come from. */
export const PUBLISHED_SOURCES: Record<number, string> = {
  2023: "税总办征科函〔2022〕245号《国家税务总局办公厅关于明确2023年度申报纳税期限的通知》(2022-12-27)",
  2024: "the State Taxation Administration's 2024 schedule as reproduced at crsrw.com/dianzishuiwu/1586.html (the notice's own number was not found)",
  2025: "《2025年国家税务总局广东省税务局征期日历》(2024-12-30), issued under 税总办征科函〔2024〕71号《国家税务总局办公厅关于明确2025年度申报纳税期限的通知》",
  2026: "税总办征科函〔2025〕64号《国家税务总局办公厅关于明确2026年度申报纳税期限的通知》(2025-12-10)",
};

export const PUBLISHED: Record<number, string[]> = {
  2024: ["01-15", "02-23", "03-15", "04-18", "05-22", "06-19", "07-15", "08-15", "09-18", "10-24", "11-15", "12-16"],
  2025: ["01-15", "02-20", "03-17", "04-18", "05-22", "06-16", "07-15", "08-15", "09-15", "10-27", "11-17", "12-15"],
  2026: ["01-20", "02-24", "03-16", "04-20", "05-22", "06-15", "07-15", "08-17", "09-15", "10-26", "11-16", "12-15"],
};

/** 国办发明电〔2022〕16号: 2022-12-31 to 2023-01-02 off (the 2022 day entered under 2022, a Saturday anyway). */
export const YEAR_2023 = {
  year: 2023,
  off: [
    ["2023-01-01", "2023-01-02"], ["2023-01-21", "2023-01-27"], ["2023-04-05", "2023-04-05"],
    ["2023-04-29", "2023-05-03"], ["2023-06-22", "2023-06-24"], ["2023-09-29", "2023-10-06"],
  ] as Array<[string, string]>,
  work: ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"],
  source: "国办发明电〔2022〕16号",
};
export const PUBLISHED_2023 = ["01-16", "02-15", "03-15", "04-17", "05-18", "06-15", "07-17", "08-15", "09-15", "10-23", "11-15", "12-15"];
