/**
 * Parameters and their provenance. Every number a rule uses comes from a province rule set (or a caller
 * override) and carries where it came from: the province's own seed article (`seed`), the national measures
 * applied where the province is silent (`national`), a documented assumption (`assumed`, with its reason), or
 * the caller (`caller`, from `overrides`).
 */
import type { Citation } from "./citation.js";

/** A text in Chinese and English. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/**
 * Where a parameter's value comes from: the province's own article (`seed`), the national measures where the
 * province is silent (`national`, with the reason), a documented assumption (`assumed`, with the reason), or
 * the caller's `overrides` (`caller`).
 */
export type Provenance =
  | { readonly kind: "seed"; readonly citations: readonly Citation[] }
  | { readonly kind: "national"; readonly citations: readonly Citation[]; readonly reason: Bilingual }
  | { readonly kind: "assumed"; readonly citations: readonly Citation[]; readonly reason: Bilingual }
  | { readonly kind: "caller" };

/** `"seed"`, `"national"`, `"assumed"` or `"caller"`: see {@link Provenance}. */
export type ProvenanceKind = Provenance["kind"];

/** A rule-set parameter: its value and its {@link Provenance}. */
export interface Param<T> {
  readonly value: T;
  readonly provenance: Provenance;
}

export function seed<T>(value: T, ...citations: Citation[]): Param<T> {
  return { value, provenance: { kind: "seed", citations } };
}

export function national<T>(value: T, reason: Bilingual, ...citations: Citation[]): Param<T> {
  return { value, provenance: { kind: "national", citations, reason } };
}

export function assumed<T>(value: T, reason: Bilingual, ...citations: Citation[]): Param<T> {
  return { value, provenance: { kind: "assumed", citations, reason } };
}

/** Recursively freezes plain data (rule sets, calendars) so shared data cannot be mutated by a caller. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
