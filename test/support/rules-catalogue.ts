/**
 * The rules catalogue as data: every article (条) or section of the five seeds, marked **encoded** (what the code
 * takes from it) or **not encoded** (why not). docs/rules.md is rendered from this data together with what the
 * code itself says — the exported functions, rule ids, parameters and fixtures that cite each article are
 * gathered by running the fixtures, not typed here (test/support/rules-doc.ts, test/rules-catalogue.test.ts).
 *
 * Ids are citation ids at article / section level (`citationId` without paragraph and item):
 * `qinghai-measures#art26`, `shanghai-rules#art45`, `zhejiang-opinions#s二（三）`, `guangxi-plan#s通知正文`.
 * Section entries carry `heading`, a phrase the test finds in the seed text; numbered articles are checked
 * against the article headings of the seed (第N条).
 */
import type { DocumentId } from "../../src/core/citation.js";

/** Why an article is not encoded. */
export type NotEncodedReason =
  /** Who does what among departments, agencies and insurers; budgets, accounts, IT systems, publicity. */
  | "organisational"
  /** Steps, materials, channels of a procedure that state no time limit, amount or condition the library computes. */
  | "procedural"
  /** The content is set by the agency, a service agreement or rules not among the seeds (catalogues, standards). */
  | "left-to-agency"
  /** Purpose, principles, definitions or duties without a consequence that can be computed. */
  | "no-computable-content"
  /** A basis or fall-back clause pointing to other law. */
  | "reference"
  /** Computable, but not implemented (reported as a gap). */
  | "gap";

export const REASON_TEXT: Record<NotEncodedReason, string> = {
  organisational: "organisational",
  procedural: "procedural",
  "left-to-agency": "left to the agency",
  "no-computable-content": "no computable content",
  reference: "reference clause",
  gap: "gap (computable, not implemented)",
};

interface Base {
  /** Citation id at article / section level. */
  readonly id: string;
  /** Short Chinese title (the seed's own 【title】 where it has one). */
  readonly title: string;
  /** What the article says, in Chinese. */
  readonly summary: string;
  /** Section entries: a phrase of the seed's heading, found in the seed text (whitespace ignored). */
  readonly heading?: string;
}

export interface EncodedArticle extends Base {
  readonly status: "encoded";
  /** What the code takes from it. */
  readonly encodes: string;
  /**
   * An article encoded by a function that no scenario kind reaches, so no fixture can cite it: the unit test that
   * checks it instead (the catalogue test runs `probe` and checks its explanation cites the article).
   */
  readonly withoutFixture?: { readonly why: string; readonly test: string; readonly fn: string };
}

export interface NotEncodedArticle extends Base {
  readonly status: "not-encoded";
  readonly reason: NotEncodedReason;
  readonly why: string;
}

export type CatalogueArticle = EncodedArticle | NotEncodedArticle;

export interface CatalogueDocument {
  readonly doc: DocumentId;
  /** How the document is divided (for the page). */
  readonly structure: string;
  readonly articles: readonly CatalogueArticle[];
}

const enc = (encodes: string, withoutFixture?: EncodedArticle["withoutFixture"]) =>
  ({ status: "encoded", encodes, ...(withoutFixture === undefined ? {} : { withoutFixture }) }) as const;
const not = (reason: NotEncodedReason, why: string) => ({ status: "not-encoded", reason, why }) as const;

// ── Qinghai: the notice ─────────────────────────────────────────────────────────────────────────────────────────
const QINGHAI_NOTICE: CatalogueDocument = {
  doc: "qinghai-notice",
  structure: "notice text and sections 一–四",
  articles: [
    { id: "qinghai-notice#s通知正文", heading: "现将试点工作有关事项通知如下", title: "通知正文（导语）", summary: "依据人社部发〔2025〕24号制定实施办法和委托承办管理实施办法，印发试点事项。", ...not("no-computable-content", "Purpose and legal basis only; the annexes carry the rules.") },
    { id: "qinghai-notice#s一", heading: "一、试点安排", title: "试点安排", summary: "出行、即时配送、同城货运为重点；2026年7月1日正式启动；滴滴出行、曹操出行、美团、饿了么、京东秒送、闪送、顺丰同城、货拉拉、快狗打车、滴滴货运、满帮省省等11家平台纳入；探索纳入其他行业平台。", ...enc("Start date 2026-07-01, the three industries, the 11 pilot platforms, other industries only by admission (coverage checks of eligibility).") },
    { id: "qinghai-notice#s二", heading: "二、管理服务", title: "管理服务", summary: "引入商业保险机构；“三件事”集约办理；事实清楚的原则上7个工作日内作出确认结论；零星报销材料齐全的原则上7个工作日内完成审核报销；基金风险防控。", ...enc("The 7-working-day limits: confirmation when the facts are clear, and sporadic medical reimbursement (time limits). The rest is organisational.") },
    { id: "qinghai-notice#s三", heading: "三、运行监测", title: "运行监测", summary: "部门协调、压实平台参保缴费责任、运行分析与事故数据分析、信息共享。", ...not("organisational", "Monitoring and data analysis by the departments.") },
    { id: "qinghai-notice#s四", heading: "四、组织保障", title: "组织保障", summary: "组织领导、部门职责、西宁市为重点联系城市、工会监督、宣传引导。", ...not("organisational", "Who leads and coordinates the pilot.") },
  ],
};

// ── Qinghai: 附件1 实施办法 ──────────────────────────────────────────────────────────────────────────────────────
const qm = (n: number) => `qinghai-measures#art${n}`;
const QINGHAI_MEASURES: CatalogueDocument = {
  doc: "qinghai-measures",
  structure: "附件1, articles 第一–四十二条",
  articles: [
    { id: qm(1), title: "制定目的和依据", summary: "保障遭受职业伤害的新就业形态人员获得救治和补偿，分散平台风险；依据人社部发〔2025〕24号。", ...not("no-computable-content", "Purpose and basis.") },
    { id: qm(2), title: "适用范围", summary: "平台为在本省行政区域内接单、从事出行、即时配送、同城货运的新就业形态人员缴纳职业伤害保障费，每单必保、每人必保；适用《工伤保险条例》的劳动者参加工伤保险，不适用本办法。", ...enc("The industries covered and cover by the place where the order was accepted (coverage.industries, coverage.byPlaceOfAcceptance).") },
    { id: qm(3), title: "管理模式", summary: "省级统一管理，业务分级办理与委托承办相结合。", ...not("organisational", "Management model.") },
    { id: qm(4), title: "部门职责", summary: "省人社厅等组织实施；省级经办机构、劳动能力鉴定委员会（省级承办再次鉴定）、信息部门、税务局及市县部门的分工。", ...not("organisational", "Division of duties (the provincial committee hears re-assessments; the library computes only the request period, art. 19).") },
    { id: qm(5), title: "平台企业责任", summary: "如实申报、及时足额缴费；落实预防主体责任；发生职业伤害时保障及时救治；在本省设平台服务机构协助办理。", ...not("no-computable-content", "Duties without a computable consequence; the consequences are in arts. 15, 34 and 35.") },
    { id: qm(6), title: "信息平台", summary: "依托金保工程建设青海职业伤害信息平台，与全国信息平台对接，实现网上经办。", ...not("organisational", "IT system.") },
    { id: qm(7), title: "参保登记与数据传递", summary: "平台按日报送单量和接单人员；省级经办机构每月5日前（遇法定假日顺延）将总单量及缴费标准传递税务机关；数据有误的平台应在5个工作日内核对完毕。", ...enc("The monthly hand-over by the 5th, deferred over holidays, and the 5-working-day data correction (time limits).") },
    { id: qm(8), title: "按月申报缴纳", summary: "平台总部每月15日前申报缴纳（法定节假日顺延规则）；应缴费额为上月总单量与每单缴费标准之积；个人不缴费。", ...enc("The declaration deadline (docs/sources.md#B3) and the amount due = last month's orders × rate (monthly premium, declaration deadline).") },
    { id: qm(9), title: "缴费基准额与浮动", summary: "出行0.01元、即时配送0.07元、同城货运0.18元每单；每年以10%为一档浮动，上下不超过50%，首次浮动2028年1月1日；即时配送0.07元与0.25元基准额的双向切换。", ...enc("Base amounts, tiers 50–150%, the first float on 2028-01-01, the 0.07 ↔ 0.25 switch (rates, monthly premium, rate review).") },
    { id: qm(10), title: "基金管理与退费", summary: "费款及利息纳入工伤保险基金统一管理，单设科目；收不抵支由工伤保险基金先行垫付并启动费率浮动；多缴可申请退费。", ...enc("The refund of an overpayment (second paragraph) in the monthly premium; the fund's accounts are organisational.") },
    { id: qm(11), title: "职业伤害确认情形", summary: "六种情形：执行订单期间受伤或下落不明；前往指定场所或返回居所途中非本人主要责任的交通等事故；突发疾病死亡或48小时内抢救无效死亡；抢险救灾；残疾军人旧伤复发（不享受一次性伤残补助金）；法律法规规定的其他情形；“执行平台订单任务期间”自接单至完成。", ...enc("The six situations, the 48 hours, the order-task window and the veteran's excluded one-time subsidy (eligibility, disability benefits).") },
    { id: qm(12), title: "不得确认的情形", summary: "故意犯罪、醉酒或吸毒、自残或自杀导致伤亡的，不得确认为职业伤害（条文“符合第十二条的规定”应为第十一条）。", ...enc("The three exclusions (eligibility).") },
    { id: qm(13), title: "一键报案", summary: "平台设置“一键报案”，核实后报送全国信息平台备案；伤重无法报案的由平台主动备案。", ...not("procedural", "A reporting channel; no time limit or consequence stated.") },
    { id: qm(14), title: "职业伤害发生地", summary: "由职业伤害发生地的委托承办机构协助受理；省外发生的，以接单地为发生地。", ...enc("Cover by the place of acceptance for accidents outside the province (coverage.byPlaceOfAcceptance).") },
    { id: qm(15), title: "待遇给付申请与逾期责任", summary: "平台30日内提出申请；申请人收到一次性补正告知后10日内补正；平台未申请的，本人、近亲属或工会90日内可直接申请；平台逾期的，事故发生之日至收到申请之日的待遇等费用由平台承担。", ...enc("The 30- and 90-day periods, the 10-day supplement and the late-filing costs (claim deadlines, time limits, liability; docs/decisions.md#C10).") },
    { id: qm(16), title: "调查核实与举证责任", summary: "委托承办机构协助调查核实，各方配合；本人认为是职业伤害而平台不认为的，由平台承担举证责任。", ...not("procedural", "Investigation and the burden of proof: evidentiary, nothing to compute.") },
    { id: qm(17), title: "确认时限", summary: "收到申请之日起30个工作日内作出确认结论；事实清楚、证据充分、权利义务明确的7个工作日内；委托承办机构协助送达。", ...enc("The 30- and 7-working-day confirmation limits (claim deadlines, time limits).") },
    { id: qm(18), title: "不得重复申请与平台责任", summary: "同一事故不得同时申请工伤认定和职业伤害保障；多平台注册的均应参保，由正在执行订单所属平台承担责任；同时执行多平台订单且难以确定的，以同一路程首接单认定。", ...enc("No double claim (eligibility) and the responsible platform, first-accepted-same-route (liability; docs/decisions.md#C9).") },
    { id: qm(19), title: "劳动能力鉴定与再次鉴定", summary: "伤情稳定后或治疗期满应进行劳动能力鉴定；对初次（复查）鉴定结论不服的，收到结论之日起15日内申请再次鉴定；鉴定费从职业伤害保障支出科目列支。", ...enc("The 15-day re-assessment request (claim deadlines, time limits).") },
    { id: qm(20), title: "委托承办机构协助鉴定", summary: "委托承办机构协助鉴定的申请、受理、送达，组织医学检查、专家评审并支付劳务费。", ...not("organisational", "The insurer's assistance.") },
    { id: qm(21), title: "待遇项目", summary: "医疗待遇、伤残待遇、死亡待遇；医疗康复费、辅助器具费、生活护理费、丧葬补助金、供养亲属抚恤金、一次性死亡补助金、一次性伤残补助金、伤残津贴、一次性津贴从工伤保险基金列支。", ...enc("The items are the outputs of the benefit kinds; the fund pays them (liability.benefitCostsPayer).") },
    { id: qm(22), title: "医疗与康复待遇", summary: "在工伤保险协议医疗机构就医，紧急时可就近急救；符合诊疗项目目录、药品目录、住院服务标准的费用列支；异地就医备案；工伤康复。", ...not("left-to-agency", "Medical and rehabilitation costs follow the work-injury catalogues and standards, which are not among the seeds.") },
    { id: qm(23), title: "辅助器具", summary: "经劳动能力鉴定委员会确认，配置假肢、矫形器等辅助器具，按青海工伤保险辅助器具规定列支。", ...not("left-to-agency", "Amounts follow Qinghai's work-injury assistive-device rules, not among the seeds.") },
    { id: qm(24), title: "生活保障费与治疗期", summary: "治疗期内享受生活保障费，由平台承担，标准为事故发生城市月最低生活保障标准，按实际天数折算，鉴定结论作出次月起不再享受；治疗期内生活不能自理需要护理的由平台或平台服务机构承担；治疗期一般不超过12个月，经确认可延长但不超过12个月；鼓励商业保险补充。", ...enc("The living guarantee (docs/decisions.md#C7), its payer, nursing during treatment, the 12 + 12-month treatment period (living guarantee, liability, claim deadlines, time limits).") },
    { id: qm(25), title: "生活护理费", summary: "按生活完全、大部分、部分不能自理三个等级，以上年度全省城镇私营单位就业人员月平均工资的60%为基数，分别按50%、40%、30%计发。", ...enc("The nursing allowance and the 60% benefit base (disability benefits).") },
    { id: qm(26), title: "一至四级伤残待遇", summary: "一次性伤残补助金27、25、23、21个月；伤残津贴90%、85%、80%、75%；符合领取基本养老金条件的停发伤残津贴，低于伤残津贴的由基金补足差额。", ...enc("Grades 1–4: one-time subsidy, monthly allowance, pension top-up (disability benefits).") },
    { id: qm(27), title: "五至六级伤残待遇", summary: "一次性伤残补助金18、16个月；一次性津贴30、25个月。", ...enc("Grades 5–6: one-time subsidy and one-time allowance (disability benefits).") },
    { id: qm(28), title: "七至十级伤残待遇", summary: "一次性伤残补助金13、11、9、7个月。", ...enc("Grades 7–10: one-time subsidy (disability benefits).") },
    { id: qm(29), title: "死亡待遇", summary: "丧葬补助金6个月；供养亲属抚恤金配偶40%、其他亲属30%、孤寡老人或孤儿加10%，合计不高于基数，范围按劳社部令第18号；一次性死亡补助金为上年度全国城镇居民人均可支配收入的20倍；治疗期内因伤死亡享受全部；一至四级治疗期满后死亡享受丧葬补助金和抚恤金。", ...enc("Funeral subsidy, dependant pensions with the cap (docs/decisions.md#C6), one-time death subsidy, the grade 1–4 rule after treatment (death benefits; dependants per order no. 18).") },
    { id: qm(30), title: "死亡待遇不得重复领取", summary: "近亲属同时符合职业伤害保障死亡待遇和工伤保险、基本养老保险等其他社会保险死亡待遇条件的，不得重复领取。", ...enc("Death benefits not drawn twice: with `otherDeathBenefits` (work-injury or basic pension insurance, or another) the items are listed in `excludedBenefits` (death benefits).") },
    { id: qm(31), title: "资金拨付", summary: "省级经办机构核定用款计划，财政审核拨付，再拨委托经办机构支付待遇。", ...not("organisational", "Fund disbursement.") },
    { id: qm(32), title: "资金存放与列支", summary: "资金存入省级社会保障基金财政专户；待遇、鉴定费和委托承办服务费从工伤保险基金列支。", ...enc("The fund bears the benefits (liability.benefitCostsPayer, second paragraph); the accounts are organisational.") },
    { id: qm(33), title: "监督", summary: "人社、财政、税务等按职责监督；工会监督；省级经办机构按年度公开参保、收支情况。", ...not("organisational", "Supervision and disclosure.") },
    { id: qm(34), title: "平台服务机构", summary: "平台总部报告服务机构信息并备案；服务机构按委托权限办理；因服务机构不配合调查、不协助送医救治、推诿推脱致权益受损的，由平台企业承担责任。", ...enc("The platform's liability for its service organisation's failures (liability, third paragraph).") },
    { id: qm(35), title: "平台违规责任", summary: "未按规定缴费的依社会保险法律处理；因平台漏报、瞒报、未按时限报送信息致无法享受待遇的，由平台承担待遇支付责任；骗取待遇依法处理。", ...enc("The platform pays benefits lost through unreported information (liability, second paragraph); an underpayment is to be topped up (monthly premium).") },
    { id: qm(36), title: "委托承办", summary: "公开招标统一委托商业保险机构协助确认、鉴定、待遇核发；委托承办服务费按比例从支出科目支付，具体办法见附件2。", ...not("organisational", "Commissioning by tender; the fee formula is 附件2 第六条 (encoded there).") },
    { id: qm(37), title: "对委托承办机构的监督考核", summary: "数据监控、抽查、投诉受理；年度考核；考核不合格的提前终止协议，3年内不得参与招标。", ...not("organisational", "Supervision of the insurer.") },
    { id: qm(38), title: "终止委托", summary: "服务能力严重不足、挪用截留资金、泄露信息、违法等情形终止协议，责令退回资金。", ...not("organisational", "Termination of the agreement.") },
    { id: qm(39), title: "复议与诉讼", summary: "对费款征收、确认、待遇支付等行政行为不服的，可依法申请行政复议或提起诉讼。", ...not("procedural", "Remedies; the periods are those of general administrative law, not stated here.") },
    { id: qm(40), title: "社会保障卡", summary: "推行社会保障卡在职业伤害保障领域的应用，持卡结算和社会化发放。", ...not("organisational", "Payment channel.") },
    { id: qm(41), title: "未尽事宜", summary: "未尽事宜参照《工伤保险条例》《青海省实施〈工伤保险条例〉办法》，劳动关系有关规定除外。", ...not("reference", "Fall-back to the Work-Injury Regulations; no Qinghai rule in the library rests on it.") },
    { id: qm(42), title: "施行日期", summary: "自2026年7月1日起实施；国家有新规定的按新规定执行。", ...enc("The rule set's start, 2026-07-01 (every kind: RULE_NOT_IN_FORCE before it).") },
  ],
};

// ── Qinghai: 附件2 委托承办管理实施办法 ─────────────────────────────────────────────────────────────────────────────
const qc = (n: number) => `qinghai-commission#art${n}`;
const ORG = (why: string) => not("organisational", why);
const QINGHAI_COMMISSION: CatalogueDocument = {
  doc: "qinghai-commission",
  structure: "附件2, articles 第一–三十条 (each with its 【title】)",
  articles: [
    { id: qc(1), title: "宗旨依据", summary: "依据人社部发〔2025〕24号、实施办法、政府采购法等制定。", ...not("no-computable-content", "Purpose and basis.") },
    { id: qc(2), title: "范围界定", summary: "委托承办机构指通过公开招标委托协助确认、鉴定、待遇核定发放的商业保险机构。", ...not("no-computable-content", "Definition.") },
    { id: qc(3), title: "管理职责", summary: "人社部门组织实施和监管；省级经办机构负责遴选、协议、资金管理、指导和监管。", ...ORG("Duties.") },
    { id: qc(4), title: "委托承办机构职责", summary: "按协议协助各级人社部门做好全部经办工作，提升服务。", ...ORG("Duties.") },
    { id: qc(5), title: "委托原则", summary: "政府主导、积极稳妥、按需有序。", ...not("no-computable-content", "Principles.") },
    { id: qc(6), title: "经费列支", summary: "服务费从职业伤害保障支出科目列支；固定部分按年度筹资金额的3%和待遇支出金额的1%合并计算；浮动部分按年度考核结果确定，原则上不超过待遇支出的2%；税费由承办机构负责。", ...enc("The service fee: fixed 3% of funding + 1% of benefit spending, floating 0–2% of spending (service fee).") },
    { id: qc(7), title: "机构资质", summary: "保险资质、无严重违法失信记录、政策性项目经验、信息系统、专业人员。", ...ORG("Qualification for the tender.") },
    { id: qc(8), title: "委托方式", summary: "全省1个服务区域，统一委托，公开招标确定1个委托承办机构。", ...ORG("Tender.") },
    { id: qc(9), title: "协议签订", summary: "签订书面服务协议并报人社部备案。", ...ORG("Agreement.") },
    { id: qc(10), title: "协议期限", summary: "委托服务合作协议期限原则为3年。", ...ORG("Term of the agreement; nothing the library computes depends on it.") },
    { id: qc(11), title: "职业伤害确认", summary: "协助受理申请、调查核实、出具和送达确认结论、档案整理。", ...ORG("Services.") },
    { id: qc(12), title: "劳动能力鉴定", summary: "协助鉴定申请、资料收集、会议组织、结论送达。", ...ORG("Services.") },
    { id: qc(13), title: "待遇核定发放", summary: "协助审核待遇资格与标准、发放、疑点核实、多发追回。", ...ORG("Services.") },
    { id: qc(14), title: "争议处理及复议诉讼", summary: "协助政策解答、途径指引和复议诉讼资料整理。", ...ORG("Services.") },
    { id: qc(15), title: "部门及人员配备要求", summary: "完善组织架构，明确专业部门，加强人员配备。", ...ORG("Insurer's organisation.") },
    { id: qc(16), title: "业务管理要求", summary: "规范承办服务，开展培训。", ...ORG("Insurer's organisation.") },
    { id: qc(17), title: "经费管理要求", summary: "待遇支付资金专款专用、单独核算。", ...ORG("Accounts.") },
    { id: qc(18), title: "信息系统要求", summary: "完善信息系统并与人社系统对接。", ...ORG("IT system.") },
    { id: qc(19), title: "宣传要求", summary: "协同做好政策宣传。", ...ORG("Publicity.") },
    { id: qc(20), title: "便民服务要求", summary: "便民高效，及时处理争议投诉。", ...ORG("Service quality.") },
    { id: qc(21), title: "主动报告要求", summary: "定期提交运行报告，重大问题及时报告。", ...ORG("Reporting.") },
    { id: qc(22), title: "信息安全", summary: "按数据安全要求确保资料和数据安全。", ...ORG("Data security.") },
    { id: qc(23), title: "预算决算", summary: "服务费纳入工伤保险基金预算草案和决算。", ...ORG("Budget.") },
    {
      id: qc(24), title: "预付金发放模式", summary: "开设资金专用账户；基金财政专户提前将2个月支出预付金拨付省级经办机构，首年按当年筹资金额预算的1/6确定；省级经办机构提前将1个月预付金拨付委托承办机构；年末未支出部分退回。",
      ...enc("The prepayment levels: 2 months to the agency (first year 1/6 of the funding budget), 1 month to the insurer, top-ups (prepayment)."),
    },
    { id: qc(25), title: "预付金清算", summary: "协议终止后3个月内完成预付金清算，结余交回工伤保险基金支出户。", ...enc("The 3-month settlement after the agreement ends (time limits).") },
    { id: qc(26), title: "日常管理", summary: "省级经办机构通过数据监控、抽查、投诉渠道日常监管。", ...ORG("Supervision.") },
    { id: qc(27), title: "年度管理", summary: "制定年度考核指标；考核结果与服务费浮动和退出机制挂钩。", ...not("left-to-agency", "The assessment sets the floating part of the fee; the library takes its result as the input `floatingPercent` (art. 6).") },
    { id: qc(28), title: "协议到期评估管理", summary: "协议到期前综合评估，作为下一周期依据。", ...ORG("Evaluation.") },
    { id: qc(29), title: "处罚措施", summary: "服务能力严重不足、挪用截留、骗取套取资金、泄露信息、违法的，终止协议，3年内禁止承办。", ...ORG("Sanctions.") },
    { id: qc(30), title: "托底条款", summary: "由省人社厅、省财政厅、青海省金融监管局负责解释。", ...ORG("Interpretation.") },
  ],
};

// ── Shanghai: 规程 ────────────────────────────────────────────────────────────────────────────────────────────────
const sh = (n: number) => `shanghai-rules#art${n}`;
const SHANGHAI: CatalogueDocument = {
  doc: "shanghai-rules",
  structure: "沪人社福〔2025〕373号, articles 第一–八十一条",
  articles: [
    { id: sh(1), title: "制定依据", summary: "依据国家职业伤害保障办法、国家经办和征收管理规程、上海实施办法制定。", ...not("reference", "Basis; cited only to show that art. 10's order counting follows the national operating rules (the model for the provinces without one).") },
    { id: sh(2), title: "适用范围", summary: "适用于各部门、协议机构、商业保险机构、试点平台企业及其服务机构、新就业形态人员的职业伤害保障业务活动。", ...not("no-computable-content", "Scope of the rules; cited only where the library notes that Shanghai names no pilot platforms (coverage.pilotPlatforms is assumed).") },
    { id: sh(3), title: "参保范围", summary: "平台为通过平台注册接单、从事出行、即时配送、同城货运的新就业形态人员缴费，每单必保、每人必保。", ...enc("The three industries and cover of orders taken in Shanghai (coverage.industries, coverage.byPlaceOfAcceptance).") },
    { id: sh(4), title: "基金管理", summary: "费款及利息纳入本市工伤保险基金，单设收入和支出科目，统一归集使用。", ...not("organisational", "Fund accounts.") },
    { id: sh(5), title: "部门职责", summary: "市人社局、财政局、税务局分工；市区劳动能力鉴定委员会负责鉴定、康复、治疗期延长、辅助器具的确认。", ...not("organisational", "Division of duties.") },
    { id: sh(6), title: "市级集中系统", summary: "建立市级集中系统，对接全国信息平台。", ...not("organisational", "IT system.") },
    { id: sh(7), title: "数字化经办", summary: "推行线上服务，优化流程，精简材料。", ...not("organisational", "Service principles.") },
    { id: sh(8), title: "平台参保登记", summary: "根据全国信息平台推送信息为平台办理参保登记或变更，推送税务局。", ...not("procedural", "Registration of platforms.") },
    { id: sh(9), title: "人员参保登记与数据传递", summary: "按日为人员办理参保登记；每月5日前（遇法定节假日顺延）比对后将总单量及缴费标准推送税务局；数据有误的平台配合核实修正。", ...enc("The monthly hand-over by the 5th, deferred over holidays (time limits).") },
    { id: sh(10), title: "应缴费订单", summary: "每日24时前执行结束的订单计入当日；接单人员已注册并在参保范围、在本市接单并开始执行、已实际执行结束（送达、中途转出）。", ...enc("Which orders count (premium.orderCounting; countOrders) and cover by the place where the order started (coverage.byPlaceOfAcceptance).") },
    { id: sh(11), title: "缴费基准额", summary: "出行0.01元、即时配送0.07元和0.25元、同城货运0.18元；新参加试点的平台首年按国家基准额缴费，即时配送0.07元；调整的按调整后标准。", ...enc("Base amounts and the new platform's first year on 0.07 (rates, monthly premium, rate review).") },
    { id: sh(12), title: "浮动管理", summary: "市社保经办机构核定浮动档次；原则上每年浮动1次，自当年1月1日起执行；首次参保缴费不满1年的累计至下一年度浮动；12月底前核定，次年1月5日前（遇法定休假日顺延）传递税务局。", ...enc("Floats once a year from 1 January, the 12-month accumulation, the 31 December and 5 January limits (rate review, monthly premium, time limits).") },
    { id: sh(13), title: "缴费登记", summary: "税务局确定主管税务机关并通知平台总部；平台总部收到通知后10个工作日内申报办理缴费登记。", ...enc("The 10-working-day premium registration (time limits).") },
    { id: sh(14), title: "按月申报缴纳", summary: "应缴费额为上月总单量与每单缴费标准之积；月份终了之日起15日内申报（法定假日顺延规则）；日单量核对和对账单。", ...enc("Amount due and the declaration deadline (monthly premium, declaration deadline; docs/sources.md#B3).") },
    { id: sh(15), title: "缴费渠道", summary: "通过税务机关渠道缴费，先缴入国库再划转财政专户；跨省异地缴费。", ...not("procedural", "Payment channels.") },
    { id: sh(16), title: "退费与补缴", summary: "因操作错误、系统故障多缴的可申请退还，少缴的应补足；税务机关受理核验后推送经办机构退还。", ...enc("Refund of an overpayment and top-up of an underpayment (monthly premium).") },
    { id: sh(17), title: "对账", summary: "参照社会保险费对账规则，单列职业伤害保障项目。", ...not("organisational", "Reconciliation.") },
    { id: sh(18), title: "记账", summary: "对账后比对实缴与订单汇总信息，完成记账。", ...not("organisational", "Bookkeeping.") },
    { id: sh(19), title: "情形的含义", summary: "“履行平台服务内容”指驾乘、配送、货运及搬运；第二项指受常规管理的人员（含已注册当日未接单）在指定时间前往指定场所考勤、培训，或执行订单后返回日常居所途中受非本人主要责任的交通等事故伤害。", ...enc("The meaning of situations (一) and (二) (eligibility).") },
    { id: sh(20), title: "一键报案", summary: "通过“一键报案”报送事故信息；伤重无法自行报案的，平台通过技术手段识别异常订单并主动报案。", ...not("procedural", "A reporting channel.") },
    { id: sh(21), title: "待遇给付申请", summary: "平台在事故发生之日起30日内向区人社局提出申请，可委托平台服务机构；平台未申请的，本人、近亲属或工会90日内可直接申请。", ...enc("The 30- and 90-day periods (claim deadlines, time limits, liability).") },
    { id: sh(22), title: "申请期限延长与逾期责任", summary: "特殊情况在期限到期前说明理由、经区人社局同意可延长，最长不超过《工伤保险条例》第十七条的期限；平台未在30日内申请的，此期间的待遇等费用由平台承担。", ...enc("The extension capped at one year and the late-filing costs (claim deadlines, time limits, liability; docs/decisions.md#C10).") },
    { id: sh(23), title: "申请材料", summary: "申请表、身份证件、事故现场材料、平台提交的当日接单数据（订单开始时间、出发地点、结束时间、结束地点）和行程轨迹、诊断证明、支付账号、垫付材料、知情同意书。", ...enc("Item (四), the order's start and end times, is the evidence of the order-task window checked against order times (eligibility); the rest is procedural.") },
    { id: sh(24), title: "分情形材料", summary: "按五种情形分别提交公安、交通、抢救及死亡、民政、残疾军人证等证明（含48小时内抢救无效死亡）；确认结论出具前可撤销申请。", ...enc("The five situations as Shanghai states them, with the 48 hours (eligibility).") },
    { id: sh(25), title: "容缺受理", summary: "关键材料齐全的可先行受理，受理后补齐其他材料。", ...not("procedural", "Acceptance with missing materials; no time limit stated.") },
    { id: sh(26), title: "确认时限", summary: "受理后30个工作日内作出确认结论；事实清楚、证据充分、权利义务明确的7个工作日内。", ...enc("The 30- and 7-working-day confirmation limits (claim deadlines, time limits).") },
    { id: sh(27), title: "结论送达", summary: "作出确认结论之日起3个工作日内送达并推送；线上查询下载的结论书同等效力。", ...enc("The 3-working-day delivery (claim deadlines, time limits).") },
    { id: sh(28), title: "一次确认与首单平台责任", summary: "同一事故只能进行一次确认；多平台订单路程相同或重合难以区分的，以同一路程首接单确认平台责任；平台应主动申报配合调查；可查询接单数据确认首单平台。", ...enc("The responsible platform, first-accepted-same-route (liability; docs/decisions.md#C9).") },
    { id: sh(29), title: "确认后衔接", summary: "确认结论作出后提醒、告知鉴定申请、医疗费报销、待遇享受等安排。", ...not("procedural", "Guidance after the decision.") },
    { id: sh(30), title: "劳动能力鉴定申请", summary: "伤情相对稳定或治疗期满（含确认的延长期限）的，应及时向区劳动能力鉴定委员会申请鉴定。", ...not("procedural", "No time limit stated (\"及时\"); the re-assessment request period is national.") },
    { id: sh(31), title: "鉴定结论送达", summary: "区劳动能力鉴定委员会按约定方式送达鉴定结论并推送。", ...not("procedural", "Delivery; no time limit stated.") },
    { id: sh(32), title: "医疗待遇", summary: "在工伤保险定点医疗机构就医，紧急时就近急救；按诊疗项目目录、药品目录、住院服务标准执行。", ...not("left-to-agency", "Medical costs follow the work-injury catalogues, not among the seeds.") },
    { id: sh(33), title: "异地就医", summary: "长期居住或需到外地就医的，办理异地就医备案，联网结算或回本市申领。", ...not("procedural", "Out-of-area treatment.") },
    { id: sh(34), title: "医疗待遇申领与第三人责任", summary: "申领材料（票据、病史、法律文书、垫付凭证）；涉及第三人责任的，以民事赔偿法律文书确定的医疗费与职业伤害医疗费比较，不足部分予以补足，不得重复享受。", ...enc("The third-party medical offset: the fund pays the shortfall only (third-party medical offset).") },
    { id: sh(35), title: "联网结算", summary: "实现联网结算后可持社会保障卡直接结算（涉及第三人责任的除外）。", ...not("procedural", "Settlement channel.") },
    { id: sh(36), title: "职业伤害康复", summary: "经市劳动能力鉴定委员会确认，在本市工伤康复定点机构进行住院康复，按本市工伤康复规定执行。", ...not("left-to-agency", "Rehabilitation follows Shanghai's work-injury rehabilitation rules.") },
    { id: sh(37), title: "辅助器具配置", summary: "到辅助器具配置协议机构或定点医疗机构配置，按本市工伤保险辅助器具规定执行。", ...not("left-to-agency", "Assistive devices follow Shanghai's work-injury rules.") },
    { id: sh(38), title: "伤残待遇发放", summary: "对鉴定结论无异议的，自作出鉴定结论后的次月起按实施办法标准发放一次性伤残补助金、伤残津贴、一次性津贴及生活护理费。", ...enc("Payment from the month after the assessment conclusion: `firstPaymentMonth` from `assessmentConclusionDate` (disability benefits).") },
    { id: sh(39), title: "鉴定费用", summary: "劳动能力鉴定费用按《上海市工伤保险实施办法》执行。", ...not("left-to-agency", "Set by Shanghai's work-injury rules.") },
    { id: sh(40), title: "死亡待遇支付", summary: "收到死亡信息后核验近亲属材料，按实施办法标准支付丧葬补助金、供养亲属抚恤金和一次性死亡补助金。", ...not("procedural", "Payment procedure; the amounts follow Shanghai's 实施办法 (not in hand: national structure, docs/decisions.md#C3).") },
    { id: sh(41), title: "治疗期内死亡", summary: "治疗期内因职业伤害死亡的，近亲属可申请死亡待遇，提交死亡时间、死因和病历材料；可听取区鉴定委员会意见。", ...not("procedural", "Materials; the entitlement is the death-from-injury context of the death benefits (national structure).") },
    { id: sh(42), title: "残疾军人旧伤复发", summary: "残疾军人在平台就业期间旧伤复发的，享受除一次性伤残补助金以外的待遇。", ...enc("The veteran's relapse without the one-time disability subsidy (eligibility, disability benefits).") },
    { id: sh(43), title: "缴费当月享受待遇", summary: "平台按规定缴费的当月，人员发生事故伤害的可享受待遇。", ...enc("Cover from the month the premium is paid (eligibility, premiumPaidMonth).") },
    { id: sh(44), title: "待遇申请审核", summary: "经办机构核对材料；受理之日起20个工作日内作出审核意见；需补正的申请人5个工作日内补正全部材料。", ...enc("The 20-working-day review and the 5-working-day supplement (claim deadlines, time limits).") },
    { id: sh(45), title: "过渡计发基数", summary: "实施办法实施前遭受职业伤害或死亡的，待遇以当时上年度本市城镇私营单位月平均工资为基数，定期待遇按2024年本市数据；实施后定期待遇高于当年标准的按原标准，低于的按当年标准。", ...enc("The Shanghai benefit base (docs/decisions.md#C3) and the transitional bases (disability and death benefits).") },
    { id: sh(46), title: "生活保障费与护理", summary: "治疗期内由所在平台支付生活保障费；生活不能自理需要护理的由平台负责；可购买商业保险。", ...enc("The platform pays the living guarantee and nursing during treatment (living guarantee, liability).") },
    { id: sh(47), title: "资金专户", summary: "资金存入市级社会保障基金财政专户，按社会保险基金财务和会计制度管理。", ...not("organisational", "Fund accounts.") },
    { id: sh(48), title: "预算", summary: "纳入工伤保险基金预算草案统一编制。", ...not("organisational", "Budget.") },
    { id: sh(49), title: "收入核算", summary: "单设职业伤害保障费收入科目，按国库入库报表记账。", ...not("organisational", "Accounting.") },
    { id: sh(50), title: "支出核算", summary: "各项待遇、鉴定费、委托承办服务费从工伤保险基金列支，单设支出科目核算。", ...enc("The fund bears the benefits (liability.benefitCostsPayer).") },
    { id: sh(51), title: "用款计划", summary: "支出需求纳入工伤保险基金用款计划，向财政请款。", ...not("organisational", "Disbursement.") },
    { id: sh(52), title: "决算", summary: "纳入工伤保险基金决算统一编制。", ...not("organisational", "Accounts.") },
    { id: sh(53), title: "委托服务协议", summary: "协议约定服务内容、时限、资金结算、权利义务和违约责任。", ...not("organisational", "Agreement.") },
    { id: sh(54), title: "承办服务费", summary: "服务费包括固定部分和浮动部分，固定部分综合参保规模、运行成本、绩效确定，浮动部分按年度考核确定，具体在协议中约定。", ...not("left-to-agency", "No formula: the service-fee kind is RULE_NOT_DEFINED in Shanghai unless the caller supplies the agreement's percentages (overrides).") },
    { id: sh(55), title: "商业保险机构服务内容", summary: "协助确认、鉴定、待遇核定发放、争议处理与复议诉讼、档案管理。", ...not("organisational", "Services.") },
    { id: sh(56), title: "待遇发放校验", summary: "自有渠道发放时做好实名制校验；超过预警限额的按规定审核后支付。", ...not("procedural", "Payment checks.") },
    { id: sh(57), title: "资金结算", summary: "根据实际待遇支出次月与商业保险机构结算。", ...not("organisational", "Settlement between agency and insurer.") },
    { id: sh(58), title: "操作权限", summary: "授予经办人员系统操作权限，加强权限管理。", ...not("organisational", "IT permissions.") },
    { id: sh(59), title: "便民服务", summary: "“三件事”集约为“一件事”办理，优化服务流程。", ...not("organisational", "Service quality.") },
    { id: sh(60), title: "运行分析报告", summary: "定期提交项目运行分析报告，重大情况及时报告。", ...not("organisational", "Reporting.") },
    { id: sh(61), title: "内部控制", summary: "建立健全内部控制和风险防控机制。", ...not("organisational", "Internal control.") },
    { id: sh(62), title: "日常监管", summary: "人社部门、区人社局、鉴定委员会、市社保经办机构分别监督检查商业保险机构的服务。", ...not("organisational", "Supervision.") },
    { id: sh(63), title: "年度考核", summary: "制定考核办法，年度考核。", ...not("organisational", "Assessment of the insurer.") },
    { id: sh(64), title: "提前终止", summary: "考核不合格、服务能力严重不足、挪用截留骗取资金、违反信息安全、违法的，提前终止协议，3年内不得参与。", ...not("organisational", "Sanctions.") },
    { id: sh(65), title: "及时救治", summary: "发生职业伤害时平台应采取措施使人员得到及时救治。", ...not("no-computable-content", "A duty without a computable consequence.") },
    { id: sh(66), title: "信息系统对接", summary: "平台按技术要求改造信息系统，对接全国信息平台，提供“一键报案”。", ...not("organisational", "IT system.") },
    { id: sh(67), title: "职业伤害预防", summary: "平台落实预防主体责任；申报工伤预防项目参照工伤预防费规定。", ...not("no-computable-content", "Prevention duty.") },
    { id: sh(68), title: "平台服务机构", summary: "平台在本市应有服务能力或服务机构（分支机构、加盟商、配送公司、人力资源服务公司等）。", ...not("no-computable-content", "Definition of the service organisation.") },
    { id: sh(69), title: "属地管理与身份核验", summary: "服务机构对在本市招募注册的人员属地管理，注册接单前完成身份核验、健康检查、安全培训；未进行身份核验致权益受损的由平台承担责任。", ...enc("The platform's liability when no identity check was done (liability, second paragraph).") },
    { id: sh(70), title: "平台服务机构职责", summary: "服务机构配合参保登记核实、数据传递、征缴、调查取证、争议处理等，协助申请和申领；人员可直接联系服务机构，服务机构不得推诿推脱。", ...not("no-computable-content", "Duties without a stated liability; cited only as the context of the national rule on service-organisation failures (liability.serviceOrganisationFailurePayer, provenance national).") },
    { id: sh(71), title: "平台对服务机构的管理", summary: "平台明确服务区域、内容、权限并公布服务机构名单；服务机构备案后按委托权限办理并接受监管。", ...not("no-computable-content", "As art. 70: cited only as the context of the national rule on service-organisation failures.") },
    { id: sh(72), title: "系统建设", summary: "完善市级集中系统和社税平台。", ...not("organisational", "IT system.") },
    { id: sh(73), title: "数据对接与更正", summary: "接收全国信息平台数据并保持一致，推送全流程业务信息；按约定频次向税务局传递参保和单量信息，税务局回传缴费信息。", ...not("organisational", "Data exchange.") },
    { id: sh(74), title: "无纸化经办", summary: "实施无纸化经办，电子印章与实体印章同等效力。", ...not("organisational", "Electronic documents.") },
    { id: sh(75), title: "对接人员", summary: "各部门设立业务、系统对接人员处理故障。", ...not("organisational", "Staffing.") },
    { id: sh(76), title: "统计分析", summary: "建立统计台账，监测运行，开展专项测算分析。", ...not("organisational", "Statistics.") },
    { id: sh(77), title: "信息公开", summary: "按年度向社会公开参保、收支情况。", ...not("organisational", "Disclosure.") },
    { id: sh(78), title: "档案管理", summary: "按档案管理规定收集、归档、保存、移交档案，推进电子化。", ...not("organisational", "Archives.") },
    { id: sh(79), title: "信息保密", summary: "依法为平台、服务机构和人员的信息保密。", ...not("organisational", "Confidentiality.") },
    { id: sh(80), title: "未尽事宜", summary: "未尽事宜参照《工伤保险条例》，劳动关系有关规定除外。", ...not("reference", "Fall-back to the Work-Injury Regulations; where Shanghai is silent the library applies the national measures (provenance national).") },
    { id: sh(81), title: "施行日期", summary: "自印发之日（2025年12月29日）起施行。", ...enc("In force on issue (2025-12-29): the date taken for the transitional rule; the rule set itself runs from the pilot's start, 2022-07-01 (coverage.inForceFrom).") },
  ],
};

// ── Guangxi: the notice and the 实施方案 ─────────────────────────────────────────────────────────────────────────────
const gx = (s: string) => `guangxi-plan#s${s}`;
const GUANGXI: CatalogueDocument = {
  doc: "guangxi-plan",
  structure: "notice text, the plan's preamble, sections 一, 二（一）–（六）, 三（一）–（五）, 四（一）–（四）",
  articles: [
    { id: gx("通知正文"), heading: "我区纳入国家新就业形态人员职业伤害保障试点范围，自2025年7月1日起实施", title: "通知正文", summary: "广西纳入国家试点范围，自2025年7月1日起实施，印发实施方案。", ...enc("The rule set's start, 2025-07-01 (coverage.inForceFrom).") },
    { id: gx("序言"), heading: "为平稳有序开展我区新就业形态人员职业伤害保障试点工作", title: "实施方案序言", summary: "试点是党中央、国务院的重要部署；依据人社部发〔2025〕24号制定本实施方案。", ...not("no-computable-content", "Purpose and basis.") },
    { id: gx("一"), heading: "一、总体要求", title: "总体要求", summary: "指导思想和原则；以工伤保险制度为框架，以出行、即时配送、同城货运为试点重点。", ...not("no-computable-content", "Principles; the industries are taken from 二（一）.") },
    { id: gx("二（一）"), heading: "（一）明确试点平台企业对象范围", title: "明确试点平台企业对象范围", summary: "2025年7月1日起将曹操出行、滴滴出行、美团、饿了么、达达、闪送、顺丰同城、货拉拉、快狗打车、滴滴货运、满帮省省纳入；其他有意愿平台经申请评估纳入；2026年三个行业平台总体纳入；2027年探索纳入其他行业。", ...enc("The pilot platforms (达达, not 京东秒送), every platform of the three industries from 2026 (assumed 1 January), other industries from 2027 (assumed, by admission) (eligibility).") },
    { id: gx("二（二）"), heading: "（二）加强待遇保障和经办管理服务", title: "加强待遇保障和经办管理服务", summary: "按自治区规定的待遇项目和标准执行；自治区管理文件出台前，缴费基准额执行国家标准；“一件事”办理。", ...enc("The national base amounts until regional rules exist (premium.baseAmounts); benefits on the national structure (docs/decisions.md#C3).") },
    { id: gx("二（三）"), heading: "（三）加强职业伤害保障基金管理", title: "加强职业伤害保障基金管理", summary: "费款纳入工伤保险基金，单设科目；预决算管理；待遇等费用从工伤保险基金支出户列支；基金监督。", ...enc("The fund bears the benefits (liability.benefitCostsPayer).") },
    { id: gx("二（四）"), heading: "（四）加强试点工作运行管理和监测", title: "加强试点工作运行管理和监测", summary: "部门联动、运行监测、事故数据分析、风险防控机制。", ...not("organisational", "Monitoring.") },
    { id: gx("二（五）"), heading: "（五）引入社会力量参与承办服务", title: "引入社会力量参与承办服务", summary: "公开招标选定商业保险机构承办服务，签订委托服务协议。", ...not("organisational", "Commissioning; no service-fee formula (the service-fee kind is RULE_NOT_DEFINED).") },
    { id: gx("二（六）"), heading: "（六）建设开发职业伤害保障信息系统", title: "建设开发职业伤害保障信息系统", summary: "建设自治区级集中的职业伤害保障信息平台，对接全国平台。", ...not("organisational", "IT system.") },
    { id: gx("三（一）"), heading: "（一）人力资源社会保障部门", title: "人力资源社会保障部门", summary: "自治区人社厅、市县人社局、自治区社保中心（含缴费基准额具体标准确定、按年度公开）、市县社保经办机构的职责。", ...not("organisational", "Duties; the concrete base amounts are left to the regional centre (until then 二（二）: national).") },
    { id: gx("三（二）"), heading: "（二）财政部门", title: "财政部门", summary: "财政专户管理、预决算、拨付和监督。", ...not("organisational", "Duties.") },
    { id: gx("三（三）"), heading: "（三）税务机关", title: "税务机关", summary: "广西税务局组织征收职业伤害保障费。", ...not("organisational", "Duties (the declaration rule is national: tax-collection rules art. 109).") },
    { id: gx("三（四）"), heading: "（四）金融监管部门", title: "金融监管部门", summary: "对参与试点的商业保险公司协调监督。", ...not("organisational", "Duties.") },
    { id: gx("三（五）"), heading: "（五）平台企业监管部门", title: "平台企业监管部门", summary: "交通运输、商务、市场监管部门及工会的职责。", ...not("organisational", "Duties.") },
    { id: gx("四（一）"), heading: "（一）加强组织领导", title: "加强组织领导", summary: "建立工作协调机制，统筹推进。", ...not("organisational", "Leadership.") },
    { id: gx("四（二）"), heading: "（二）加强工作协同", title: "加强工作协同", summary: "部门协作、系统对接、信息共享。", ...not("organisational", "Coordination.") },
    { id: gx("四（三）"), heading: "（三）加强风险防控", title: "加强风险防控", summary: "按职责加强监督管理，确保资金安全。", ...not("organisational", "Risk control.") },
    { id: gx("四（四）"), heading: "（四）加强宣传引导", title: "加强宣传引导", summary: "加强宣传、回应关切；遇新问题及时报告。", ...not("organisational", "Publicity and reporting.") },
  ],
};

// ── Inner Mongolia: the notice ────────────────────────────────────────────────────────────────────────────────────
const im = (s: string) => `inner-mongolia-notice#s${s}`;
const INNER_MONGOLIA: CatalogueDocument = {
  doc: "inner-mongolia-notice",
  structure: "preamble and closing text (通知正文), sections 一–九 (一 printed as “1、”)",
  articles: [
    { id: im("通知正文"), heading: "自2026年7月1日起，在我区开展新就业形态人员职业伤害保障试点工作", title: "通知正文（导语与结语）", summary: "自2026年7月1日起开展试点；未尽事宜严格按人社部发〔2025〕24号执行，国家有新规定的从其规定。", ...enc("The rule set's start, 2026-07-01 (coverage.inForceFrom); the closing clause is why silent points take the national rules.") },
    { id: im("一"), heading: "目标任务", title: "目标任务", summary: "以出行、即时配送、同城货运为重点，分行业先行；三年内分步推进；政府主导、社会力量承办。", ...enc("The three industries (coverage.industries).") },
    { id: im("二"), heading: "二、试点范围", title: "试点范围", summary: "曹操出行、滴滴出行、美团、饿了么、京东秒送、闪送、顺丰同城、货拉拉、快狗打车、滴滴货运、满帮省省11家纳入；逐步探索其他行业。", ...enc("The 11 pilot platforms and other industries by admission (eligibility).") },
    { id: im("三"), heading: "三、缴费标准", title: "缴费标准", summary: "基准额0.01、0.07/0.25、0.18元；每年以10%为一档浮动，上下不超过50%；即时配送0.07元与0.25元的双向切换（未规定首次浮动日期）。", ...enc("Base amounts, tiers, the instant-delivery switch (rates, monthly premium, rate review).") },
    { id: im("四"), heading: "四、经办服务", title: "经办服务", summary: "部门协调，引入商业保险机构，“一件事”办理；经办规程另行印发；自治区统一管理；服务费综合考虑参保规模等因素按比例支付。", ...not("organisational", "Commissioning; the fee is \"in proportion\" without a ratio (the service-fee kind is RULE_NOT_DEFINED); the operating rules are to be issued separately.") },
    { id: im("五"), heading: "五、基金管理", title: "基金管理", summary: "纳入自治区级工伤保险基金统一管理，单设科目，统一归集使用；待遇等费用从支出科目列支。", ...enc("The fund bears the benefits (liability.benefitCostsPayer).") },
    { id: im("六"), heading: "六、信息系统", title: "信息系统", summary: "依托金保工程建设自治区职业伤害保障信息平台。", ...not("organisational", "IT system.") },
    { id: im("七"), heading: "七、风险防控", title: "风险防控", summary: "风险自查、疑点核查、全流程风险防控、风控规则库。", ...not("organisational", "Risk control.") },
    { id: im("八"), heading: "八、组织保障", title: "组织保障", summary: "组织实施的部门；自治区鉴定委员会承办再次鉴定；盟市、旗县的确认、初次鉴定和经办职责。", ...not("organisational", "Duties.") },
    { id: im("九"), heading: "九、宣传引导", title: "宣传引导", summary: "加强宣传引导，督促平台参加试点。", ...not("organisational", "Publicity.") },
  ],
};

// ── Zhejiang: 实施意见 ─────────────────────────────────────────────────────────────────────────────────────────────
const zj = (s: string) => `zhejiang-opinions#s${s}`;
const ZHEJIANG: CatalogueDocument = {
  doc: "zhejiang-opinions",
  structure: "preamble (通知正文), sections 一, 二（一）–（七）, 三",
  articles: [
    { id: zj("通知正文"), heading: "经省政府同意，现就我省贯彻落实新就业形态人员职业伤害保障试点工作提出如下意见", title: "导语", summary: "依据人社部发〔2025〕24号，经省政府同意提出实施意见。", ...not("no-computable-content", "Purpose and basis.") },
    { id: zj("一"), heading: "一、总体要求", title: "总体要求", summary: "在工伤保险制度框架下，政府主导、社会力量承办，探索覆盖群体、参保缴费、保障情形、待遇支付标准。", ...not("no-computable-content", "Principles.") },
    { id: zj("二（一）"), heading: "（一）推进新就业形态职业伤害保障广覆盖", title: "推进新就业形态职业伤害保障广覆盖", summary: "应参加试点的平台主要包括曹操出行、美团、饿了么、达达、闪送、货拉拉、快狗打车、滴滴出行、顺丰同城、滴滴货运、满帮省省；每单必保、每人必保；其他平台经申请纳入。", ...enc("The pilot platforms and industries (eligibility).") },
    { id: zj("二（二）"), heading: "（二）维护职业伤害保障资金收支平衡", title: "维护职业伤害保障资金收支平衡", summary: "以支定收、收支平衡，以即时配送为重点；根据支缴率、职业伤害发生率在行业基准额基础上浮动，原则上每年一次；工伤预防。", ...enc("The float driven by the payout ratio, once a year (rate review, monthly premium).") },
    { id: zj("二（三）"), heading: "（三）建立职业伤害保障资金缺口分担机制", title: "建立职业伤害保障资金缺口分担机制", summary: "全省年度收支出现缺口的，各地收入数据不明确时按各地待遇支出占全省比例计算缺口额；收入数据明确的按实际收支计算；缺口额计入各地工伤保险基金待遇支出。", ...enc("Gap sharing by spending share or own balance (gap sharing).") },
    { id: zj("二（四）"), heading: "（四）严格开展职业伤害确认和劳动能力鉴定", title: "严格开展职业伤害确认和劳动能力鉴定", summary: "及时作出确认结论；鉴定程序和标准参照《劳动能力鉴定管理办法》、GB/T16180-2014和《浙江省工伤保险条例》。", ...not("procedural", "No time limit stated; the confirmation and re-assessment periods are national.") },
    { id: zj("二（五）"), heading: "（五）加强新就业形态职业伤害人员待遇保障", title: "加强新就业形态职业伤害人员待遇保障", summary: "按国家办法规定的项目和标准由市级社保经办机构支付待遇；平台或服务机构垫付的部分支付给平台或服务机构。", ...enc("Benefits on the national items and standards, paid by the fund (liability.benefitCostsPayer); the payee of advances is procedural.") },
    { id: zj("二（六）"), heading: "（六）着力提升职业伤害保障经办服务水平", title: "着力提升职业伤害保障经办服务水平", summary: "委托承办与分级负责相结合；商业保险机构协助；督促平台及时救治；社会保障卡应用。", ...not("organisational", "Service model; no service-fee formula (RULE_NOT_DEFINED).") },
    { id: zj("二（七）"), heading: "（七）加强与特定人员工伤保险政策的衔接", title: "加强与特定人员工伤保险政策的衔接", summary: "试点自2025年7月1日起实施；已参加单项工伤保险的试点平台人员转入职业伤害保障，不得重复参保、重复领取；单项工伤保险参保期限至2025年6月30日止（一至四级、认定或停工留薪期、鉴定未完成等除外）；未尽事宜参照《工伤保险条例》《浙江省工伤保险条例》。", ...enc("The start date, cover from 2025-07-01 with the single-insurance hand-over and its exceptions, no double cover (eligibility).") },
    { id: zj("三"), heading: "三、组织实施", title: "组织实施", summary: "部门组织实施、信息共享、防止转嫁成本、运行监测、宣传引导、报告重大问题。", ...not("organisational", "Organisation.") },
  ],
};

/** What each document outside the seeds is used for (docs/sources.md, docs/decisions.md); the test checks the keys against `DOCUMENTS`. */
export const EXTERNAL_USE: Readonly<Record<string, string>> = {
  "national-measures": "where a province is silent: benefit structure, time limits, eligibility and liability rules, floating (provenance national, with the Qinghai article that reproduces the text)",
  "work-injury-regulations": "art. 16 (the three exclusions, as national), art. 17 (the one-year cap on Shanghai's extension), art. 26 (re-assessment)",
  "dependants-order-18": "who is a dependant and when payment ends (dependant qualification; Qinghai art. 29(1)(2))",
  "civil-code": "how periods are counted: start excluded, month ends, rest-day extension (arts. 201–203; docs/sources.md#B2)",
  "tax-collection-rules": "art. 109: the declaration deadline's holiday deferral (docs/sources.md#B3), national where the province is silent",
  "holiday-notice-2024": "the 2024 holiday calendar (docs/sources.md#B1)",
  "holiday-notice-2025": "the 2025 holiday calendar (docs/sources.md#B1)",
  "holiday-notice-2026": "the 2026 holiday calendar (docs/sources.md#B1)",
  "nbs-release-2025-01": "2024 national urban per-capita disposable income, 54,188 (one-time death subsidy for deaths in 2025; docs/sources.md#B4)",
  "nbs-release-2026-01": "2025 national urban per-capita disposable income, 56,502 (one-time death subsidy for deaths in 2026; docs/sources.md#B4)",
  "zhishang-decisions": "decisions where the sources leave a gap (docs/decisions.md)",
};

/** The catalogue, by seed document. */
export const RULES_CATALOGUE: readonly CatalogueDocument[] = [
  QINGHAI_NOTICE, QINGHAI_MEASURES, QINGHAI_COMMISSION, SHANGHAI, GUANGXI, INNER_MONGOLIA, ZHEJIANG,
];

/** Every article of the catalogue, by id. */
export function catalogueArticles(): Map<string, CatalogueArticle & { readonly doc: DocumentId }> {
  const m = new Map<string, CatalogueArticle & { readonly doc: DocumentId }>();
  for (const d of RULES_CATALOGUE) for (const a of d.articles) m.set(a.id, { ...a, doc: d.doc });
  return m;
}

/** A citation id at article / section level: `qinghai-measures#art26.p2.i1` → `qinghai-measures#art26`. */
export function articleLevel(id: string): string {
  const [doc, where] = id.split("#");
  if (where === undefined) return id;
  return `${doc}#${where.split(".")[0] ?? ""}`;
}
