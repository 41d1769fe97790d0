/**
 * Whether a relative qualifies as a dependant (供养亲属) for a dependant pension.
 *
 * Qinghai 实施办法 第二十九条第一款第（二）项 refers to 《因工死亡职工供养亲属范围规定》(劳动和社会保障部令
 * 第18号, docs/sources.md#B5): the relative relied on the deceased for the main livelihood, and is fully unable to
 * work; or is a spouse or parent — man 60+ / woman 55+; or a child under 18; or a grandparent (man 60+ /
 * woman 55+) whose children (the deceased's parents) are all dead; or a grandchild under 18 whose parents (the
 * deceased's children) are dead or fully unable to work; or a sibling under 18 whose parents are dead or fully
 * unable to work. Payment ends at 18 (unless fully unable to work), on employment or enlistment, on a spouse's
 * remarriage, on adoption, or on death.
 */
import { z } from "zod";
import { cite, renderCitation, type RenderedCitation } from "../core/citation.js";
import { addDays, compareDates, daysInMonth, formatIsoDate, parseIsoDate, type CivilDate } from "../core/dates.js";
import { invalidInput } from "../core/errors.js";
import type { Bilingual } from "../core/params.js";
import { dateSchema, parseInput } from "../core/validate.js";
import { DEPENDANT_RELATIONS } from "./death.js";

export const dependantInputSchema = z.lazy(() => z.strictObject({
  relation: z.enum(DEPENDANT_RELATIONS),
  sex: z.enum(["male", "female"]),
  birthDate: dateSchema,
  /** The date to judge on, normally the date of death. */
  asOf: dateSchema,
  /** The deceased provided the relative's main livelihood (依靠其生前提供主要生活来源). */
  reliedOnDeceased: z.boolean(),
  /** 完全丧失劳动能力. */
  fullyUnableToWork: z.boolean().optional(),
  /** Grandparent: all the deceased's parents have died. */
  deceasedParentsDead: z.boolean().optional(),
  /** Grandchild: its parents (the deceased's children) are dead or fully unable to work. */
  grandchildParentsDeadOrUnable: z.boolean().optional(),
  /** Sibling: the deceased's parents are dead or fully unable to work. */
  siblingParentsDeadOrUnable: z.boolean().optional(),
  employedOrEnlisted: z.boolean().optional(),
  /** Spouse: has remarried. */
  remarried: z.boolean().optional(),
  adopted: z.boolean().optional(),
  deceased: z.boolean().optional(),
}));
/** The input of {@link qualifiesAsDependant} (JSON Schema: schemas/dependant-qualification.json, `input`). */
export type DependantInput = z.input<typeof dependantInputSchema>;

/** On which ground of 劳动和社会保障部令第18号 a relative qualifies as a dependant. */
export type DependantBasis =
  | "fully-unable-to-work"
  | "spouse-elderly"
  | "parent-elderly"
  | "child-under-18"
  | "grandparent-elderly-parents-dead"
  | "grandchild-under-18-parents-dead-or-unable"
  | "sibling-under-18-parents-dead-or-unable";

/** Whether a relative qualifies as a dependant, on which ground, until when, and why. */
export interface DependantQualification {
  qualifies: boolean;
  basis: DependantBasis | null;
  /** Age in whole years on `asOf`. */
  age: number;
  /** For a qualification by age under 18: the day before the 18th birthday, the last day paid. */
  payableUntil: string | null;
  reasons: Bilingual[];
  citations: RenderedCitation[];
}

const ORDER18 = (article: number, item?: number) =>
  cite("dependants-order-18", { article, ...(item === undefined ? {} : { item }) });

/**
 * The day a person completes `years` years: the corresponding day `years` years after birth, or the last day of
 * the month when there is none (29 February → 28 February), per 民法典 第二百零二条 (docs/sources.md#B2).
 */
function anniversary(birth: CivilDate, years: number): CivilDate {
  const year = birth.year + years;
  return { year, month: birth.month, day: Math.min(birth.day, daysInMonth(year, birth.month)) };
}

/**
 * Age in whole years on `on`: a person is N years old from the Nth birthday (年满N周岁 as social insurance reads
 * it, e.g. for retirement ages; docs/decisions.md, "Ages"). Hand-written, as {@link anniversary}: date-fns
 * `differenceInYears` counts a 29 February birthday as reached on 1 March in a common year, not on 28 February.
 */
function ageOn(birth: CivilDate, on: CivilDate): number {
  let age = on.year - birth.year;
  if (compareDates(anniversary(birth, age), on) > 0) age -= 1;
  return Math.max(age, 0);
}

/**
 * Decides whether a relative of a deceased worker is a dependant (供养亲属) under 劳动和社会保障部令第18号,
 * and for a child until when the pension is paid.
 *
 * @example
 * ```ts
 * qualifiesAsDependant({ relation: "child", sex: "female", birthDate: "2015-03-01", asOf: "2026-09-10",
 *   reliedOnDeceased: true }).payableUntil; // "2033-02-28"
 * ```
 */
export function qualifiesAsDependant(input: DependantInput): DependantQualification {
  const i = parseInput(dependantInputSchema, input);
  const birth = parseIsoDate(i.birthDate, ["birthDate"]);
  const asOf = parseIsoDate(i.asOf, ["asOf"]);
  if (compareDates(birth, asOf) > 0) {
    throw invalidInput(["birthDate"], "the birth date is after the date judged on", "出生日期晚于判断日期");
  }
  const age = ageOn(birth, asOf);
  const elderly = i.sex === "male" ? age >= 60 : age >= 55;
  const minor = age < 18;
  const reasons: Bilingual[] = [];
  const citations = [ORDER18(2), ORDER18(3)];
  const no = (zh: string, en: string, ...extra: ReturnType<typeof ORDER18>[]): DependantQualification => {
    reasons.push({ zh, en });
    return { qualifies: false, basis: null, age, payableUntil: null, reasons, citations: [...citations, ...extra].map((c) => renderCitation(c)) };
  };

  // Ending events (第四条) first: they exclude whatever the basis.
  if (i.deceased === true) return no("已死亡", "has died", ORDER18(4, 5));
  if (i.adopted === true) return no("被他人或组织收养", "adopted by another person or organisation", ORDER18(4, 4));
  if (i.relation === "spouse" && i.remarried === true) return no("配偶再婚", "the spouse has remarried", ORDER18(4, 3));
  if (i.employedOrEnlisted === true) return no("就业或参军", "employed or enlisted", ORDER18(4, 2));
  if (!i.reliedOnDeceased) return no("未依靠死者生前提供主要生活来源", "did not rely on the deceased for the main livelihood");

  let basis: DependantBasis | null = null;
  let item = 0;
  if (i.fullyUnableToWork === true) {
    basis = "fully-unable-to-work";
    item = 1;
  } else if (i.relation === "spouse" && elderly) {
    basis = "spouse-elderly";
    item = 2;
  } else if (i.relation === "parent" && elderly) {
    basis = "parent-elderly";
    item = 3;
  } else if (i.relation === "child" && minor) {
    basis = "child-under-18";
    item = 4;
  } else if (i.relation === "grandparent" && elderly && i.deceasedParentsDead === true) {
    basis = "grandparent-elderly-parents-dead";
    item = 5;
  } else if (i.relation === "grandchild" && minor && i.grandchildParentsDeadOrUnable === true) {
    basis = "grandchild-under-18-parents-dead-or-unable";
    item = 6;
  } else if (i.relation === "sibling" && minor && i.siblingParentsDeadOrUnable === true) {
    basis = "sibling-under-18-parents-dead-or-unable";
    item = 7;
  }
  if (basis === null) {
    return no(
      `不符合第三条所列任何情形（关系：${i.relation}，${age}岁）`,
      `meets none of the conditions (relation ${i.relation}, age ${age})`,
    );
  }
  const byAge = basis === "child-under-18" || basis.endsWith("under-18-parents-dead-or-unable");
  // 年满18周岁 on the 18th birthday: the day before it is the last day paid.
  const payableUntil = byAge ? formatIsoDate(addDays(anniversary(birth, 18), -1)) : null;
  reasons.push({ zh: `符合条件：${basis}`, en: `qualifies: ${basis}` });
  if (payableUntil !== null) {
    reasons.push({ zh: `年满18周岁时停止（${payableUntil} 为最后一日）`, en: `ends at 18 (last day ${payableUntil})` });
  }
  return {
    qualifies: true,
    basis,
    age,
    payableUntil,
    reasons,
    citations: [ORDER18(2), ORDER18(3, item), ...(byAge ? [ORDER18(4, 1)] : [])].map((c) => renderCitation(c)),
  };
}
