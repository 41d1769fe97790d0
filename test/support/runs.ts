/**
 * How many cases a property test runs: the number it states, or a tenth of it (at least 20) under mutation testing.
 *
 * StrykerJS (npm run mutate; it sets STRYKER_MUTATOR_WORKER in its workers) re-runs every test that covers a mutant,
 * on instrumented code, and a surviving mutant runs all of them to the end: the property tests of the premium,
 * deadline and calendar modules dominated those runs (a module took over an hour on 2 cores). A mutant that a
 * property can catch is nearly always caught in the first cases of the fixed seed; the full counts run in .ci/run.
 */
export function propertyRuns(n: number): number {
  return process.env.STRYKER_MUTATOR_WORKER === undefined ? n : Math.max(20, Math.ceil(n / 10));
}
