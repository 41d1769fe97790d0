/**
 * The vocabulary of eligibility and liability: industries (docs/decisions.md#C1), the platform catalogue, activities,
 * events, the six recognised situations and the three exclusions (Qinghai 实施办法 第十一条、第十二条).
 *
 * Pure data with no imports, so that the province rule-set schema can use the same enums.
 */

/**
 * The pilot's industries: 出行 / 即时配送 / 同城货运 (docs/decisions.md#C1).
 *
 * @example
 * ```ts
 * PILOT_INDUSTRIES; // ["ride-hailing", "instant-delivery", "intra-city-freight"]
 * ```
 */
export const PILOT_INDUSTRIES = ["ride-hailing", "instant-delivery", "intra-city-freight"] as const;
/** One of {@link PILOT_INDUSTRIES}. */
export type PilotIndustry = (typeof PILOT_INDUSTRIES)[number];
/**
 * An industry input: one of the {@link PILOT_INDUSTRIES}, or `other` for a platform of another industry.
 *
 * @example
 * ```ts
 * INDUSTRY_VALUES; // ["ride-hailing", "instant-delivery", "intra-city-freight", "other"]
 * ```
 */
export const INDUSTRY_VALUES = [...PILOT_INDUSTRIES, "other"] as const;
/** One of {@link INDUSTRY_VALUES}. */
export type IndustryValue = (typeof INDUSTRY_VALUES)[number];

export const INDUSTRY_NAMES: Readonly<Record<IndustryValue, { readonly zh: string; readonly en: string }>> = {
  "ride-hailing": { zh: "出行", en: "ride-hailing" },
  "instant-delivery": { zh: "即时配送", en: "instant delivery" },
  "intra-city-freight": { zh: "同城货运", en: "intra-city freight" },
  other: { zh: "其他行业", en: "another industry" },
};

/**
 * Platform ids of docs/scenarios.md: the pilot's platforms (names and industries in {@link PLATFORMS}).
 *
 * @example
 * ```ts
 * PLATFORM_IDS.includes("meituan"); // true
 * ```
 */
export const PLATFORM_IDS = [
  "didi", "caocao", "meituan", "eleme", "jd-miaosong", "dada", "shansong", "sf-tongcheng",
  "huolala", "kuaigou", "didi-freight", "manbang",
] as const;
/** One of {@link PLATFORM_IDS}. */
export type PlatformId = (typeof PLATFORM_IDS)[number];

/**
 * The platform catalogue: the Chinese name the pilot documents use and the industry under which they list the
 * platform (Qinghai notice 一, Guangxi plan 二（一）, Inner Mongolia notice 二 group them by industry; Zhejiang
 * 二（一） names the same platforms without grouping). 达达 and 京东秒送 are kept apart, as the provinces name
 * them: Guangxi and Zhejiang list 达达, Qinghai and Inner Mongolia list 京东秒送.
 *
 * @example
 * ```ts
 * PLATFORMS.meituan; // { "zh": "美团", "industry": "instant-delivery" }
 * ```
 */
export const PLATFORMS: Readonly<Record<PlatformId, { readonly zh: string; readonly industry: PilotIndustry }>> = {
  didi: { zh: "滴滴出行", industry: "ride-hailing" },
  caocao: { zh: "曹操出行", industry: "ride-hailing" },
  meituan: { zh: "美团", industry: "instant-delivery" },
  eleme: { zh: "饿了么", industry: "instant-delivery" },
  "jd-miaosong": { zh: "京东秒送", industry: "instant-delivery" },
  dada: { zh: "达达", industry: "instant-delivery" },
  shansong: { zh: "闪送", industry: "instant-delivery" },
  "sf-tongcheng": { zh: "顺丰同城", industry: "instant-delivery" },
  huolala: { zh: "货拉拉", industry: "intra-city-freight" },
  kuaigou: { zh: "快狗打车", industry: "intra-city-freight" },
  "didi-freight": { zh: "滴滴货运", industry: "intra-city-freight" },
  manbang: { zh: "满帮省省", industry: "intra-city-freight" },
};

/** A platform input: a catalogue id, or `other` for a platform the catalogue does not name. */
export const PLATFORM_VALUES = [...PLATFORM_IDS, "other"] as const;
/** A platform input: one of {@link PLATFORM_IDS}, or `other`. */
export type PlatformValue = (typeof PLATFORM_VALUES)[number];

/**
 * What the worker was doing (docs/scenarios.md): the `activity` input of eligibility and liability.
 *
 * @example
 * ```ts
 * ACTIVITIES; // ["on-order", "designated-place", "commute-home", "public-interest", "off-duty"]
 * ```
 */
export const ACTIVITIES = ["on-order", "designated-place", "commute-home", "public-interest", "off-duty"] as const;
/** One of {@link ACTIVITIES}. */
export type Activity = (typeof ACTIVITIES)[number];

/**
 * What happened (docs/scenarios.md): the `event` input of eligibility.
 *
 * @example
 * ```ts
 * EVENTS.includes("traffic-accident"); // true
 * ```
 */
export const EVENTS = [
  "accident", "violence", "missing", "traffic-accident", "rail-ferry-train-accident", "sudden-illness",
  "old-injury-relapse", "other",
] as const;
/** One of {@link EVENTS}. */
export type InjuryEvent = (typeof EVENTS)[number];

/**
 * The situations recognised as occupational injury (Qinghai 第十一条第一款 (一)–(六)). `commute` is item (二):
 * both the way to a designated place and the way home after orders. `statutory-other` is item (六).
 *
 * @example
 * ```ts
 * SITUATIONS[0]; // "on-task-injury"
 * ```
 */
export const SITUATIONS = [
  "on-task-injury", "commute", "sudden-death", "public-interest", "veteran-relapse", "statutory-other",
] as const;
/** One of {@link SITUATIONS}. */
export type Situation = (typeof SITUATIONS)[number];

/**
 * The exclusions (Qinghai 第十二条 (一)–(三)).
 *
 * @example
 * ```ts
 * EXCLUSIONS; // ["intentional-crime", "intoxication-or-drugs", "self-harm"]
 * ```
 */
export const EXCLUSIONS = ["intentional-crime", "intoxication-or-drugs", "self-harm"] as const;
/** One of {@link EXCLUSIONS}. */
export type Exclusion = (typeof EXCLUSIONS)[number];

/** Item number of each situation in 第十一条第一款 and of each exclusion in 第十二条. */
export const SITUATION_ITEM: Readonly<Record<Situation, number>> = {
  "on-task-injury": 1, commute: 2, "sudden-death": 3, "public-interest": 4, "veteran-relapse": 5, "statutory-other": 6,
};
export const EXCLUSION_ITEM: Readonly<Record<Exclusion, number>> = {
  "intentional-crime": 1, "intoxication-or-drugs": 2, "self-harm": 3,
};

/** One entry of a province's list of pilot platforms, dated. */
export interface PilotPlatformEntry {
  /** A platform id: one of {@link PLATFORM_IDS} or any other lowercase id a rule-set file lists. */
  readonly platform: string;
  /** The name the province's document uses. */
  readonly nameZh: string;
  /** The industry under which the platform takes part (from the catalogue where a list is not grouped). */
  readonly industry: PilotIndustry;
  readonly from: string;
  readonly until: string | null;
}

/**
 * Builds a province's dated list of pilot platforms from `[id, name as the province writes it]` pairs; the
 * industry comes from the catalogue.
 *
 * @example pilotPlatforms("2026-07-01", [["jd-miaosong", "京东秒送"]])[0].industry // "instant-delivery"
 */
export function pilotPlatforms(
  from: string,
  names: ReadonlyArray<readonly [PlatformId, string]>,
  until: string | null = null,
): PilotPlatformEntry[] {
  return names.map(([platform, nameZh]) => ({ platform, nameZh, industry: PLATFORMS[platform].industry, from, until }));
}
