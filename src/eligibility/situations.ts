/**
 * The situations recognised as occupational injury and the exclusions, as tables: for each, its title, how the
 * facts decide it and which inputs its step shows (Qinghai 实施办法 第十一条第一款 (一)–(六), 第三款; 第十二条;
 * Shanghai 规程 第十九条, 第二十四条, 第四十二条; 《工伤保险条例》第十六条). Also the order-task period that the
 * on-order situations read (第十一条第三款) and the hours from onset to death (item (三)).
 *
 * A title that states a figure reads it from the parameter used (the hours of item (三):
 * `eligibility.suddenDeathMaxHours`).
 */
import { chineseNumeral } from "../core/citation.js";
import { hoursBetween, parseInstant, type Instant } from "../core/datetime.js";
import { invalidInput } from "../core/errors.js";
import type { Json } from "../core/explain.js";
import type { Bilingual } from "../core/params.js";
import type { RuleContext } from "../provinces/index.js";
import {
  SITUATION_ITEM, type Activity, type Exclusion, type InjuryEvent, type Situation,
} from "../core/vocabulary.js";
import type { CheckDetail, CheckOutcome, CheckRecorder } from "./checks.js";
import { orderTaskCitations } from "./citations.js";
import { yesNo } from "./coverage.js";
import type { ParsedEligibilityInput as Parsed } from "./input.js";
import { completedBefore, describeOrder, inProgressAt, type ParsedOrder } from "./orders.js";

/** A check's outcome and its reason. */
export type Verdict = [CheckOutcome, Bilingual];

/** The hours from onset to death (null: no death), and how they were read when not given as hours. */
export interface DeathHours {
  readonly hours: number | null;
  readonly note: Bilingual | null;
}

/** What a situation is decided on: the input, the accident, the orders, the order-task check, the death. */
export interface SituationFacts {
  readonly i: Parsed;
  readonly at: Instant;
  readonly orders: ParsedOrder[] | null;
  /** The outcome of `eligibility.order-task-period`, or null when it was not checked. */
  readonly orderTask: CheckOutcome | null;
  readonly death: DeathHours;
  /** `eligibility.suddenDeathMaxHours` as used. */
  readonly maxHours: number;
}

/** One situation: its title (from the figures used), its verdict, the inputs and notes its step shows. */
export interface SituationRule {
  readonly title: (maxHours: number) => Bilingual;
  readonly verdict: (f: SituationFacts) => Verdict;
  readonly inputs: (f: SituationFacts) => Record<string, Json>;
  readonly notes?: (f: SituationFacts) => readonly Bilingual[];
}

const ON_TASK_EVENTS: readonly InjuryEvent[] = ["accident", "violence", "missing", "traffic-accident", "rail-ferry-train-accident"];
const WAY_EVENTS: readonly InjuryEvent[] = ["traffic-accident", "rail-ferry-train-accident"];

/** Whether the case is one for which "during the order task" is checked (the on-order situations). */
export function isOrderTaskCase(i: Parsed): boolean {
  return i.activity === "on-order" && (ON_TASK_EVENTS.includes(i.event) || i.event === "sudden-illness");
}

const none = (): Record<string, Json> => ({});

/** The six situations of 第十一条第一款, in item order. */
export const SITUATION_RULES: Readonly<Record<Situation, SituationRule>> = {
  "on-task-injury": {
    title: () => ({
      zh: "执行平台订单任务期间因履行平台服务内容受到事故伤害、暴力等意外伤害或者发生事故下落不明",
      en: "injured by an accident or violence, or missing after an accident, while performing an order task",
    }),
    verdict: onTaskInjury,
    inputs: (f) => ({ performingPlatformService: yesNo(f.i.performingPlatformService) }),
  },
  commute: {
    title: () => ({
      zh: "前往指定场所或执行订单任务后返回日常居所途中，受到非本人主要责任的交通事故或者城市轨道交通、客运轮渡、火车事故伤害",
      en: "on the way to a designated place or home after orders, injured in a traffic / rail / ferry / train accident not mainly the worker's fault",
    }),
    verdict: commute,
    inputs: (f) => ({
      ownPrimaryResponsibility: yesNo(f.i.ownPrimaryResponsibility),
      reasonableRoute: yesNo(f.i.reasonableRoute),
      orders: f.orders === null ? null : f.orders.map(describeOrder),
    }),
  },
  "sudden-death": {
    title: (max) => ({
      zh: `执行平台订单任务期间突发疾病死亡或者在${max}小时之内经抢救无效死亡`,
      en: `sudden illness during an order task with death at once or within ${max} hours`,
    }),
    verdict: suddenDeath,
    inputs: (f) => ({ died: yesNo(f.i.died), hoursFromOnsetToDeath: f.death.hours, deathAt: f.i.deathAt ?? null }),
    notes: (f) => (f.death.note === null ? [] : [f.death.note]),
  },
  "public-interest": {
    title: () => ({
      zh: "在抢险救灾等维护国家利益、公共利益活动中受到伤害",
      en: "injured in disaster relief or other activities in the national or public interest",
    }),
    verdict: publicInterest,
    inputs: none,
  },
  "veteran-relapse": {
    title: () => ({
      zh: "持《残疾军人证》的退役军人在平台就业期间旧伤复发",
      en: "a disabled veteran's old war or duty injury relapses during platform work",
    }),
    verdict: veteranRelapse,
    inputs: (f) => ({ veteranDisabilityCertificate: yesNo(f.i.veteranDisabilityCertificate) }),
  },
  "statutory-other": {
    title: () => ({
      zh: "法律、行政法规规定应当确认为职业伤害的其他情形",
      en: "other cases that laws or administrative regulations make occupational injuries",
    }),
    verdict: statutoryOther,
    inputs: (f) => ({ statutoryOtherCase: yesNo(f.i.statutoryOtherCase) }),
  },
};

/** One exclusion: its name, whether the facts show it, and the inputs its step shows. */
export interface ExclusionRule {
  readonly name: Bilingual;
  readonly present: (i: Parsed) => boolean;
  readonly inputs: (i: Parsed) => Record<string, Json>;
}

/** The three exclusions of 第十二条, in item order. */
export const EXCLUSION_RULES: Readonly<Record<Exclusion, ExclusionRule>> = {
  "intentional-crime": {
    name: { zh: "故意犯罪", en: "intentional crime" },
    present: (i) => i.intentionalCrime === true,
    inputs: (i) => ({ intentionalCrime: yesNo(i.intentionalCrime) }),
  },
  "intoxication-or-drugs": {
    name: { zh: "醉酒或者吸毒", en: "drunkenness or drug use" },
    present: (i) => i.intoxicated === true || i.drugUse === true,
    inputs: (i) => ({ intoxicated: yesNo(i.intoxicated), drugUse: yesNo(i.drugUse) }),
  },
  "self-harm": {
    name: { zh: "自残或者自杀", en: "self-harm or suicide" },
    present: (i) => i.selfHarm === true,
    inputs: (i) => ({ selfHarm: yesNo(i.selfHarm) }),
  },
};

/**
 * The hours from onset to death: given, from `deathAt` − `accidentAt`, or 0 when only `died` is stated.
 * Contradictory forms are `INVALID_INPUT` (checked with the input, before the rule set's version is chosen).
 */
export function deathHours(i: Parsed, accidentAt: Instant): DeathHours {
  if (i.hoursFromOnsetToDeath !== undefined && i.deathAt !== undefined) {
    throw invalidInput(["deathAt"], "give hoursFromOnsetToDeath or deathAt, not both", "hoursFromOnsetToDeath 与 deathAt 只能提供其一");
  }
  if (i.died === false && (i.hoursFromOnsetToDeath !== undefined || i.deathAt !== undefined)) {
    throw invalidInput(["died"], "died is false but a time of death is given", "died 为 false 却提供了死亡时间");
  }
  if (i.hoursFromOnsetToDeath !== undefined) return { hours: i.hoursFromOnsetToDeath, note: null };
  if (i.deathAt !== undefined) {
    const at = parseInstant(i.deathAt, ["deathAt"]);
    const hours = hoursBetween(accidentAt, at);
    if (hours < 0) throw invalidInput(["deathAt"], "death cannot precede the onset (accidentAt)", "死亡时间不得早于发病时间（accidentAt）");
    return { hours, note: { zh: `发病至死亡 ${hours} 小时（deathAt − accidentAt）`, en: `${hours} hours from onset to death (deathAt − accidentAt)` } };
  }
  if (i.died === true) {
    return { hours: 0, note: { zh: "未给出发病至死亡的时间：按突发疾病当即死亡理解", en: "no time from onset to death given: read as death at once" } };
  }
  return { hours: null, note: null };
}

/** "执行平台订单任务期间": recorded for the on-order situations; `null` when not relevant. */
export function checkOrderTaskPeriod(
  ctx: RuleContext, rec: CheckRecorder, i: Parsed, at: Instant, orders: ParsedOrder[] | null,
): CheckOutcome | null {
  if (!isOrderTaskCase(i)) return null;
  const rule = "eligibility.order-task-period";
  const detail = (inputs: Record<string, Json>, reason: Bilingual, notes?: readonly Bilingual[]): CheckDetail => {
    const d: CheckDetail = {
      title: { zh: "在执行平台订单任务期间（自接单开始执行之时起至该接单任务完成之时止）", en: "during an order task (from acceptance to completion)" },
      citations: orderTaskCitations(ctx),
      inputs,
      reason,
    };
    if (notes !== undefined) d.notes = notes;
    return d;
  };
  if (orders === null) {
    return rec.record(rule, "not-evaluated", [], () => detail(
      { accidentAt: i.accidentAt, orders: null },
      { zh: "未提供订单时间，按调用方所述“执行订单任务期间”处理", en: "no order times given: the caller's statement that an order was being performed is taken" },
    ));
  }
  const inProgress = orders.filter((o) => inProgressAt(o, at));
  return rec.record(rule, inProgress.length > 0 ? "pass" : "fail", [], () => {
    const other = inProgress.filter((o) => o.platform !== i.platform);
    return detail(
      { accidentAt: i.accidentAt, orders: orders.map(describeOrder) },
      inProgress.length > 0
        ? { zh: `事故发生时订单在执行中：${inProgress.map((o) => o.orderId).join("、")}`, en: `order(s) in progress at the accident: ${inProgress.map((o) => o.orderId).join(", ")}` }
        : { zh: "事故发生时没有处于接单至完成之间的订单", en: "no order was between acceptance and completion at the accident" },
      other.length > 0 && other.length === inProgress.length
        ? [{ zh: "执行中的订单属于其他平台：平台责任见 liability", en: "the order in progress belongs to another platform: see liability for the responsible platform" }]
        : [],
    );
  });
}

function onTaskInjury({ i, orderTask }: SituationFacts): Verdict {
  if (i.activity !== "on-order") {
    return ["not-applicable", { zh: `非执行订单任务期间（${i.activity}）`, en: `not during an order task (${i.activity})` }];
  }
  if (i.event === "sudden-illness" || i.event === "old-injury-relapse") {
    return ["not-applicable", { zh: "突发疾病、旧伤复发另有规定", en: "sudden illness and relapses have their own items" }];
  }
  if (!ON_TASK_EVENTS.includes(i.event)) {
    return ["fail", { zh: "不是事故伤害、暴力等意外伤害或事故下落不明", en: "not an accident, violence or disappearance after an accident" }];
  }
  if (i.performingPlatformService === false) {
    return ["fail", { zh: "伤害并非因履行平台服务内容所致", en: "the injury did not arise from performing the platform's service" }];
  }
  if (orderTask === "fail") {
    return ["fail", { zh: "订单记录显示事故不在执行订单任务期间", en: "the order records show the accident was not during an order task" }];
  }
  return ["pass", { zh: "执行平台订单任务期间因履行平台服务内容受到意外伤害", en: "injured while performing an order task" }];
}

function commute({ i, at, orders }: SituationFacts): Verdict {
  const activity: Activity = i.activity;
  if (activity !== "designated-place" && activity !== "commute-home") {
    return ["not-applicable", { zh: "不在前往指定场所或返回日常居所途中", en: "not on the way to a designated place or home" }];
  }
  if (!WAY_EVENTS.includes(i.event)) {
    return ["fail", {
      zh: "途中仅限交通事故或者城市轨道交通、客运轮渡、火车事故伤害",
      en: "on the way, only traffic, urban rail, passenger ferry or train accidents count",
    }];
  }
  if (i.ownPrimaryResponsibility === undefined) {
    throw invalidInput(["ownPrimaryResponsibility"],
      "ownPrimaryResponsibility is required for a traffic or rail accident on the way (the situation needs an accident not mainly the worker's fault)",
      "途中交通或轨道事故须说明本人是否负主要责任（ownPrimaryResponsibility）");
  }
  if (i.ownPrimaryResponsibility) {
    return ["fail", { zh: "本人负主要责任的事故不属此情形", en: "an accident mainly the worker's fault does not count" }];
  }
  if (activity === "commute-home") {
    if (i.reasonableRoute === false) {
      return ["fail", { zh: "不在返回日常居所的合理路线上", en: "not on a reasonable route home" }];
    }
    if (orders !== null) {
      if (orders.some((o) => inProgressAt(o, at))) {
        return ["fail", { zh: "事故时仍有订单在执行：不是完成订单后返回途中（属执行订单任务期间）", en: "an order was still in progress: not yet on the way home (this is an order task)" }];
      }
      if (!orders.some((o) => completedBefore(o, at))) {
        return ["fail", { zh: "事故前没有已完成的订单：不是执行订单任务后返回途中", en: "no order was completed before the accident: not on the way home after orders" }];
      }
    }
    return ["pass", { zh: "执行订单任务后返回日常居所的合理路线途中，受到非本人主要责任的事故伤害", en: "on a reasonable route home after orders, in an accident not mainly the worker's fault" }];
  }
  const by = i.designatedBy === undefined || i.designatedBy === i.platform ? "" : `（要求方：${i.designatedBy}）`;
  const byEn = i.designatedBy === undefined || i.designatedBy === i.platform ? "" : ` (required by ${i.designatedBy})`;
  return ["pass", {
    zh: `在指定时间前往指定场所途中，受到非本人主要责任的事故伤害${by}`,
    en: `on the way to a designated place at the set time, in an accident not mainly the worker's fault${byEn}`,
  }];
}

function suddenDeath({ i, orderTask, death, maxHours: max }: SituationFacts): Verdict {
  if (i.event !== "sudden-illness") return ["not-applicable", { zh: "非突发疾病", en: "not a sudden illness" }];
  if (i.activity !== "on-order") {
    return ["fail", { zh: "突发疾病仅在执行平台订单任务期间发生的才属此情形", en: "sudden illness counts only during an order task" }];
  }
  if (orderTask === "fail") {
    return ["fail", { zh: "订单记录显示发病不在执行订单任务期间", en: "the order records show the onset was not during an order task" }];
  }
  if (i.died === false || death.hours === null) {
    return ["fail", { zh: "突发疾病未死亡的，不属此情形", en: "a sudden illness without death does not count" }];
  }
  if (death.hours > max) {
    return ["fail", { zh: `发病后 ${death.hours} 小时死亡，超过 ${max} 小时`, en: `death ${death.hours} hours after onset, more than ${max}` }];
  }
  return ["pass", {
    zh: death.hours === 0 ? "执行订单任务期间突发疾病死亡" : `执行订单任务期间突发疾病，${death.hours} 小时内经抢救无效死亡（不超过 ${max} 小时）`,
    en: death.hours === 0 ? "sudden death during an order task" : `died ${death.hours} hours after onset (at most ${max})`,
  }];
}

/** The item of sudden death in 第十一条第一款, as the texts number it: （三） / (3). */
const SUDDEN_DEATH_ITEM = SITUATION_ITEM["sudden-death"];

function publicInterest({ i }: SituationFacts): Verdict {
  if (i.activity !== "public-interest") return ["not-applicable", { zh: "非维护国家利益、公共利益活动", en: "not an activity in the public interest" }];
  if (i.event === "old-injury-relapse") return ["not-applicable", { zh: "旧伤复发另有规定", en: "relapses have their own item" }];
  if (i.event === "sudden-illness") {
    return ["fail", {
      zh: `此情形为“受到伤害”；突发疾病仅在执行订单任务期间按第（${chineseNumeral(SUDDEN_DEATH_ITEM)}）项处理`,
      en: `this item needs an injury; sudden illness counts only under item (${SUDDEN_DEATH_ITEM}), during an order task`,
    }];
  }
  return ["pass", { zh: "在抢险救灾等维护国家利益、公共利益活动中受到伤害", en: "injured in an activity in the public interest" }];
}

function veteranRelapse({ i }: SituationFacts): Verdict {
  if (i.event !== "old-injury-relapse") return ["not-applicable", { zh: "非旧伤复发", en: "not a relapse" }];
  if (i.veteranDisabilityCertificate !== true) {
    return ["fail", { zh: "仅已取得《残疾军人证》者因战、因公旧伤复发的属此情形", en: "only the relapse of a holder of the disabled serviceman's certificate counts" }];
  }
  return ["pass", { zh: "持《残疾军人证》者在平台就业期间旧伤复发", en: "a certificate holder's relapse during platform work" }];
}

function statutoryOther({ i }: SituationFacts): Verdict {
  return i.statutoryOtherCase === true
    ? ["pass", { zh: "调用方声明法律、行政法规规定应当确认为职业伤害", en: "the caller states a law or regulation makes this an occupational injury" }]
    : ["not-applicable", { zh: "未主张法律、行政法规规定的其他情形", en: "no other statutory case claimed" }];
}
