import { describe, expect, test } from "vitest";
import { chineseNumeral, citationId, cite, renderCitation } from "../../src/core/citation.js";

describe("citations", () => {
  test("Chinese article numerals", () => {
    expect([1, 10, 11, 20, 26, 42, 81, 99].map(chineseNumeral)).toEqual(["一", "十", "十一", "二十", "二十六", "四十二", "八十一", "九十九"]);
  });

  test("renders article, paragraph and item in both languages with a stable id", () => {
    const c = renderCitation(cite("qinghai-measures", { article: 29, paragraph: 1, item: 2 }));
    expect(c.id).toBe("qinghai-measures#art29.p1.i2");
    expect(c.zh).toBe("《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十九条第一款第（二）项");
    expect(c.en).toBe("Qinghai implementing measures (trial), annex 1, art. 29 para. 1 item (2)");
    const s = renderCitation(cite("shanghai-rules", { article: 45 }));
    expect(s.zh).toContain("（沪人社福〔2025〕373号） 第四十五条");
    expect(citationId(cite("zhejiang-opinions", { section: "二（三）" }))).toBe("zhejiang-opinions#s二（三）");
    expect(citationId(cite("zhishang-decisions", { decision: "C6" }))).toBe("zhishang-decisions#C6");
  });
});
