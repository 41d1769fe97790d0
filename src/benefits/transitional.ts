/**
 * Which wage figure each benefit is computed on.
 *
 * Normally every item uses the one base (docs/decisions.md#C3). Shanghai 规程第四十五条 adds a transition for
 * injuries or deaths before Shanghai's 实施办法: one-time items on the previous-year Shanghai figure at the
 * time of the injury (the caller's `avgMonthlyWage`), periodic items (伤残津贴, 供养亲属抚恤金, 生活护理费) on
 * the 2024 figure; and after the 实施办法 a periodic benefit above the current standard is kept, one below it
 * is raised to it (第二款) — so a periodic item is the larger of the two when the current figure is given.
 */
import { cite } from "../core/citation.js";
import { compareDates, parseIsoDate } from "../core/dates.js";
import { invalidInput, ZhishangError } from "../core/errors.js";
import { formatExact, parseMoney } from "../core/money.js";
import type { UsedParameter } from "../core/explain.js";
import type { RuleContext } from "../provinces/index.js";
import { benefitBase, type BaseResult } from "./base.js";
import type { Item } from "./items.js";

export interface WageInputs {
  readonly avgMonthlyWage: string;
  readonly accidentDate?: string | undefined;
  /** Death benefits: the date of death, which decides the transition when no accident date is given. */
  readonly deathDate?: string | undefined;
  /** Shanghai 第四十五条: the 2024 Shanghai urban private-sector average monthly wage. */
  readonly avgMonthlyWage2024?: string | undefined;
  /** Shanghai 第四十五条第二款: the current year's figure, to compare periodic benefits with. */
  readonly currentAvgMonthlyWage?: string | undefined;
}

export interface Bases {
  readonly oneTime: BaseResult;
  /**
   * The bases of periodic items: the one base normally; under the transition the 2024 base and, when given, the
   * current base (resolved on first use, so cases without periodic items need no 2024 figure).
   */
  readonly periodicBases: () => readonly BaseResult[];
  readonly transitional: boolean;
}

export function resolveBases(ctx: RuleContext, input: WageInputs): Bases {
  const wage = parseMoney(input.avgMonthlyWage, ["avgMonthlyWage"], { positive: true });
  const transitionInputs = (["avgMonthlyWage2024", "currentAvgMonthlyWage"] as const).filter(
    (k) => input[k] !== undefined,
  );
  if (!ctx.has("transitional.implementationMeasuresFrom")) {
    const first = transitionInputs[0];
    if (first !== undefined) {
      throw new ZhishangError(
        "RULE_NOT_DEFINED",
        {
          en: `${first} belongs to Shanghai's transitional rule (规程第四十五条); ${ctx.ruleSet.name.en}'s sources define no such rule`,
          zh: `${first} 属于上海规程第四十五条的过渡规定，${ctx.ruleSet.name.zh}的来源文件未作此规定`,
        },
        [first],
      );
    }
    const oneTime = benefitBase(ctx, wage);
    return { oneTime, periodicBases: () => [oneTime], transitional: false };
  }
  // 第四十五条: "实施前遭受职业伤害或因职业伤害死亡的" — the injury date decides; without it, a death before the
  // 实施办法 implies an injury before it too.
  const caseField = input.accidentDate !== undefined ? "accidentDate" : input.deathDate !== undefined ? "deathDate" : undefined;
  const caseDate = input.accidentDate ?? input.deathDate;
  if (caseField === undefined || caseDate === undefined) {
    if (transitionInputs.length > 0) {
      throw invalidInput(["accidentDate"], "the transitional bases (规程第四十五条) need the accident date",
        "适用规程第四十五条过渡计发基数须提供事故发生日期");
    }
    const oneTime = benefitBase(ctx, wage);
    return { oneTime, periodicBases: () => [oneTime], transitional: false };
  }
  const from = ctx.param("transitional.implementationMeasuresFrom");
  const accident = parseIsoDate(caseDate, [caseField]);
  const before = compareDates(accident, parseIsoDate(from.value, ["overrides", "transitional.implementationMeasuresFrom"])) < 0;
  ctx.explainer.add({
    rule: "shanghai.transitional.applies",
    title: { zh: "是否适用《实施办法》实施前的过渡计发基数", en: "whether the transitional bases for injuries before the 实施办法 apply" },
    citations: [cite("shanghai-rules", { article: 45, paragraph: 1 })],
    inputs: { [caseField]: caseDate },
    parameters: [from.used],
    result: before,
  });
  if (!before) {
    const oneTime = benefitBase(ctx, wage);
    return { oneTime, periodicBases: () => [oneTime], transitional: false };
  }
  const oneTime = benefitBase(ctx, wage, {
    zh: "遭受职业伤害时的上年度本市城镇私营单位就业人员月平均工资",
    en: "Shanghai figure of the year before the injury",
    input: "avgMonthlyWage",
  });
  // The 2024 figure is needed only when a periodic item is computed (a grade 7 case has none).
  let periodic: BaseResult[] | undefined;
  const periodicBases = (): readonly BaseResult[] => {
    if (periodic !== undefined) return periodic;
    const year = ctx.param("transitional.periodicBaseYear");
    if (input.avgMonthlyWage2024 === undefined) {
      throw invalidInput(["avgMonthlyWage2024"],
        `an injury before Shanghai's 实施办法 needs the ${year.value} Shanghai average monthly wage for its periodic benefits (规程第四十五条)`,
        `《实施办法》实施前的职业伤害，定期待遇须按${year.value}年本市城镇私营单位就业人员月平均工资计发，请提供 avgMonthlyWage2024`);
    }
    const wage2024 = parseMoney(input.avgMonthlyWage2024, ["avgMonthlyWage2024"], { positive: true });
    periodic = [
      benefitBase(ctx, wage2024, {
        zh: `${year.value}年本市城镇私营单位就业人员月平均工资（定期待遇）`,
        en: `${year.value} Shanghai figure (periodic benefits)`,
        input: "avgMonthlyWage2024",
      }),
    ];
    if (input.currentAvgMonthlyWage !== undefined) {
      const current = parseMoney(input.currentAvgMonthlyWage, ["currentAvgMonthlyWage"], { positive: true });
      periodic.push(
        benefitBase(ctx, current, { zh: "当年计发标准所用月平均工资", en: "figure of the current standard", input: "currentAvgMonthlyWage" }),
      );
    }
    return periodic;
  };
  return { oneTime, periodicBases, transitional: true };
}

/** For a periodic item computed on each candidate base: the larger one, with a step when there are two. */
export function largestPeriodic(ctx: RuleContext, rule: string, amounts: readonly Item[], used: UsedParameter): Item {
  const [first, ...rest] = amounts;
  if (first === undefined) throw new ZhishangError("INVALID_INPUT", { en: "no base", zh: "无计发基数" });
  if (rest.length === 0) return first;
  const best = amounts.reduce((a, b) => (b.amount.greaterThan(a.amount) ? b : a));
  ctx.explainer.add({
    rule: `${rule}.transitional-max`,
    title: { zh: "定期待遇不低于当年计发标准（取较高者）", en: "periodic benefit: the higher of the original and the current standard" },
    citations: [cite("shanghai-rules", { article: 45, paragraph: 2 })],
    inputs: { candidates: amounts.map((a) => formatExact(a.amount)) },
    parameters: [used],
    result: formatExact(best.amount),
  });
  return best;
}
