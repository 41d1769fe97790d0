/**
 * Citations: every parameter and every rule names its source as data, so that explanations and the rules
 * catalogue are generated rather than retyped.
 */
import { invalidInput } from "./errors.js";

/**
 * The documents the library cites, by id: title in Chinese and English, document number, province, and the
 * seed text it was read from. Seeds are the primary law; the rest are named in docs/sources.md and docs/decisions.md.
 *
 * @example
 * ```ts
 * DOCUMENTS["qinghai-measures"].zh; // "青海省新就业形态人员职业伤害保障实施办法（试行）"
 * DOCUMENTS["qinghai-measures"].province; // "qinghai"
 * ```
 */
export const DOCUMENTS = {
  "qinghai-notice": {
    zh: "青海省关于开展新就业形态人员职业伤害保障试点工作的通知（征求意见稿）",
    en: "Qinghai notice on the occupational-injury protection pilot (draft for comment)",
    number: null,
    province: "qinghai",
    seed: "qinghai-draft-measures.txt",
  },
  "qinghai-measures": {
    zh: "青海省新就业形态人员职业伤害保障实施办法（试行）",
    en: "Qinghai implementing measures (trial), annex 1",
    number: null,
    province: "qinghai",
    seed: "qinghai-draft-measures.txt",
  },
  "qinghai-commission": {
    zh: "青海省新就业形态人员职业伤害保障委托承办管理实施办法（试行）",
    en: "Qinghai measures on commissioned insurers (trial), annex 2",
    number: null,
    province: "qinghai",
    seed: "qinghai-draft-measures.txt",
  },
  "shanghai-rules": {
    zh: "上海市新就业形态人员职业伤害保障业务经办和征收管理规程",
    en: "Shanghai operating and collection rules",
    number: "沪人社福〔2025〕373号",
    province: "shanghai",
    seed: "shanghai-operating-rules.txt",
  },
  "guangxi-plan": {
    zh: "广西壮族自治区新就业形态人员职业伤害保障试点工作实施方案",
    en: "Guangxi pilot implementation plan",
    number: "桂人社发〔2025〕24号",
    province: "guangxi",
    seed: "guangxi-pilot-plan.txt",
  },
  "inner-mongolia-notice": {
    zh: "内蒙古自治区关于开展新就业形态人员职业伤害保障试点工作的通知（2026年2月26日）",
    en: "Inner Mongolia pilot notice of 2026-02-26",
    number: null,
    province: "inner-mongolia",
    seed: "inner-mongolia-pilot-notice.txt",
  },
  "zhejiang-opinions": {
    zh: "浙江省人力资源和社会保障厅等九部门关于开展新就业形态人员职业伤害保障试点工作的实施意见",
    en: "Zhejiang implementing opinions on the pilot",
    number: "浙人社发〔2025〕44号",
    province: "zhejiang",
    seed: "zhejiang-pilot-opinions.txt",
  },
  "national-measures": {
    zh: "新就业形态人员职业伤害保障办法（试行）",
    en: "National measures on occupational-injury protection for platform workers (trial)",
    number: "人社部发〔2021〕110号附件，人社部发〔2025〕24号修订",
    province: null,
    seed: null,
  },
  "work-injury-regulations": {
    zh: "工伤保险条例",
    en: "Regulations on Work-Related Injury Insurance",
    number: null,
    province: null,
    seed: null,
  },
  "dependants-order-18": {
    zh: "因工死亡职工供养亲属范围规定",
    en: "Provisions on the scope of dependants of workers who died of work injury",
    number: "劳动和社会保障部令第18号",
    province: null,
    seed: null,
  },
  "civil-code": {
    zh: "中华人民共和国民法典",
    en: "Civil Code of the People's Republic of China",
    number: null,
    province: null,
    seed: null,
  },
  "tax-collection-rules": {
    zh: "中华人民共和国税收征收管理法实施细则",
    en: "Implementing Rules of the Law on the Administration of Tax Collection",
    number: "国务院令第362号",
    province: null,
    seed: null,
  },
  "holiday-notice-2024": {
    zh: "国务院办公厅关于2024年部分节假日安排的通知",
    en: "State Council General Office notice on the 2024 holiday arrangements",
    number: "国办发明电〔2023〕7号",
    province: null,
    seed: null,
  },
  "holiday-notice-2025": {
    zh: "国务院办公厅关于2025年部分节假日安排的通知",
    en: "State Council General Office notice on the 2025 holiday arrangements",
    number: "国办发明电〔2024〕12号",
    province: null,
    seed: null,
  },
  "holiday-notice-2026": {
    zh: "国务院办公厅关于2026年部分节假日安排的通知",
    en: "State Council General Office notice on the 2026 holiday arrangements",
    number: "国办发明电〔2025〕7号",
    province: null,
    seed: null,
  },
  "nbs-release-2025-01": {
    zh: "国家统计局 2024年居民收入和消费支出情况（2025年1月发布）",
    en: "National Bureau of Statistics release of January 2025 (2024 income)",
    number: null,
    province: null,
    seed: null,
  },
  "nbs-release-2026-01": {
    zh: "国家统计局 2025年居民收入和消费支出情况（2026年1月发布）",
    en: "National Bureau of Statistics release of January 2026 (2025 income)",
    number: null,
    province: null,
    seed: null,
  },
  "zhishang-decisions": {
    zh: "zhishang 对来源未明确之处的决定（docs/decisions.md）",
    en: "zhishang decisions on points the sources leave open (docs/decisions.md)",
    number: null,
    province: null,
    seed: null,
  },
} as const satisfies Record<
  string,
  { zh: string; en: string; number: string | null; province: string | null; seed: string | null }
>;

/** The id of a document in {@link DOCUMENTS}, e.g. `"qinghai-measures"`. */
export type DocumentId = keyof typeof DOCUMENTS;

/** A document a citation can name: its title in Chinese and English and its number (文号), if any. */
export interface DocumentInfo {
  readonly zh: string;
  readonly en: string;
  readonly number: string | null;
}

/**
 * The documents a rule set adds to the library's {@link DOCUMENTS}, by id (a rule-set file's `documents`): a
 * citation's `doc` is looked up there first, then in {@link DOCUMENTS}.
 */
export type DocumentTable = Readonly<Record<string, DocumentInfo>>;

const NO_DOCUMENTS: DocumentTable = Object.freeze({});

/** The document `id` names in `documents` or in the library's {@link DOCUMENTS}; undefined when neither has it. */
export function findDocument(id: string, documents: DocumentTable = NO_DOCUMENTS): DocumentInfo | undefined {
  if (Object.hasOwn(documents, id)) return documents[id];
  return Object.hasOwn(DOCUMENTS, id) ? DOCUMENTS[id as DocumentId] : undefined;
}

/**
 * A pointer into a document. `article` is the 条 number; `paragraph` the 款 (1-based); `item` the 项 (1-based);
 * `section` a heading path for documents without articles (e.g. Zhejiang "二（三）"); `decision` the id of
 * a decision (`"C4"`) when `doc` is `zhishang-decisions`: a heading anchor of docs/decisions.md (`docs/decisions.md#C4`),
 * shipped with the package.
 */
export interface Citation {
  /** A document id: one of {@link DOCUMENTS} or of the rule set's own `documents`. */
  readonly doc: string;
  readonly article?: number;
  readonly paragraph?: number;
  readonly item?: number;
  readonly section?: string;
  readonly decision?: string;
  /**
   * Free note, e.g. which part of an article is used. A note in both languages is written `"中文 / English"`:
   * the Chinese rendering shows the part before the first `" / "`, the English one the part after it.
   */
  readonly note?: string;
}

/** A rendered citation as it appears in explanations: the machine-readable id and the text in both languages. */
export interface RenderedCitation extends Citation {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** Chinese numeral for 1–999, as used in article numbers (第二十六条, 第一百零九条). */
export function chineseNumeral(n: number): string {
  if (Number.isInteger(n) && n >= 100 && n <= 999) {
    // 第一百零九条, 第二百零一条, 第一百一十条 (the tens keep their 一 after a hundred).
    const rest = n % 100;
    const head = `${DIGITS[Math.floor(n / 100)] as string}百`;
    if (rest === 0) return head;
    return rest < 10 ? `${head}零${DIGITS[rest] as string}` : `${head}${rest < 20 ? "一" : ""}${chineseNumeral(rest)}`;
  }
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

/** A citation from a JavaScript caller, checked: a known document, positive whole numbers, strings. */
function checkCitation(c: Citation, documents: DocumentTable = NO_DOCUMENTS): Citation {
  const o = c as unknown as Record<string, unknown> | null;
  const ok = typeof o === "object" && o !== null && typeof o.doc === "string" && findDocument(o.doc, documents) !== undefined &&
    (["article", "paragraph", "item"] as const).every((k) => o[k] === undefined || (Number.isSafeInteger(o[k]) && (o[k] as number) > 0)) &&
    (["section", "decision", "note"] as const).every((k) => o[k] === undefined || typeof o[k] === "string");
  if (!ok) {
    throw invalidInput([], "not a citation: { doc, article?, paragraph?, item?, section?, decision?, note? } of a known document",
      "不是有效的引用：应为已知文件的 { doc, article?, paragraph?, item?, section?, decision?, note? }");
  }
  return c;
}

/**
 * A stable id such as `qinghai-measures#art26.p1.i2`, `zhejiang-opinions#s二（三）`, `zhishang-decisions#C6`.
 *
 * @example
 * ```ts
 * citationId({ doc: "qinghai-measures", article: 26, paragraph: 2 }); // "qinghai-measures#art26.p2"
 * ```
 */
export function citationId(c: Citation, documents?: DocumentTable): string {
  checkCitation(c, documents);
  let id: string = c.doc;
  const parts: string[] = [];
  if (c.article !== undefined) parts.push(`art${c.article}`);
  if (c.section !== undefined) parts.push(`s${c.section}`);
  if (c.decision !== undefined) parts.push(c.decision);
  if (c.paragraph !== undefined) parts.push(`p${c.paragraph}`);
  if (c.item !== undefined) parts.push(`i${c.item}`);
  if (parts.length > 0) id += `#${parts.join(".")}`;
  return id;
}

/**
 * A citation as it appears in explanations: its {@link citationId} and its text in Chinese and English.
 *
 * @example
 * ```ts
 * const c = renderCitation({ doc: "qinghai-measures", article: 26, paragraph: 2 });
 * c.id; // "qinghai-measures#art26.p2"
 * c.zh; // "《青海省新就业形态人员职业伤害保障实施办法（试行）》 第二十六条第二款"
 * c.en; // "Qinghai implementing measures (trial), annex 1, art. 26 para. 2"
 * ```
 */
export function renderCitation(c: Citation, documents?: DocumentTable): RenderedCitation {
  // The library's own citations are frozen constants: each is rendered once and the frozen result shared. A rule
  // set's citations are its own frozen objects, so the cache never mixes two rule sets' documents.
  const cached = RENDERED.get(c);
  if (cached !== undefined) return cached;
  const doc = findDocument(checkCitation(c, documents).doc, documents) as DocumentInfo;
  let zh = `《${doc.zh}》`;
  if (doc.number !== null) zh += `（${doc.number}）`;
  let en = doc.en;
  if (doc.number !== null) en += ` (${doc.number})`;
  if (c.section !== undefined) {
    zh += ` ${c.section}`;
    en += `, section ${c.section}`;
  }
  if (c.decision !== undefined) {
    zh += ` ${c.decision}`;
    en += ` ${c.decision}`;
  }
  if (c.article !== undefined) {
    zh += ` 第${chineseNumeral(c.article)}条`;
    en += `, art. ${c.article}`;
  }
  if (c.paragraph !== undefined) {
    zh += `第${chineseNumeral(c.paragraph)}款`;
    en += ` para. ${c.paragraph}`;
  }
  if (c.item !== undefined) {
    zh += `第（${chineseNumeral(c.item)}）项`;
    en += ` item (${c.item})`;
  }
  if (c.note !== undefined) {
    // A note in both languages is written "中文 / English": each rendering takes its own half.
    const split = c.note.indexOf(" / ");
    zh += `（${split < 0 ? c.note : c.note.slice(0, split)}）`;
    en += ` (${split < 0 ? c.note : c.note.slice(split + 3)})`;
  }
  const rendered: RenderedCitation = { ...c, id: citationId(c, documents), zh, en };
  if (Object.isFrozen(c)) RENDERED.set(c, Object.freeze(rendered));
  return rendered;
}

/** Rendered frozen citations (a cache: rendering is pure, and a frozen citation cannot change). */
const RENDERED = new WeakMap<Citation, RenderedCitation>();

/** Convenience constructor that keeps citations readable in rule-set data. */
export function cite(doc: string, where: Omit<Citation, "doc"> = {}): Citation {
  // Rules cite the same articles on every call: one frozen object per citation, so its rendering is cached too.
  const key = `${doc}|${where.article ?? ""}|${where.paragraph ?? ""}|${where.item ?? ""}|${where.section ?? ""}|${where.decision ?? ""}|${where.note ?? ""}`;
  const known = CITED.get(key);
  if (known !== undefined) return known;
  const c = Object.freeze({ doc, ...where });
  if (CITED.size < 10_000) CITED.set(key, c); // bounded, whatever a caller does
  return c;
}

/** The citations made by {@link cite}, by content. */
const CITED = new Map<string, Citation>();
