// @ts-check
/**
 * Mutation testing of the rule modules with StrykerJS (docs/quality.md).
 *
 *   npm run mutate                          # every rule module (hours on 2 cores)
 *   MUTATE_MODULE=fund npm run mutate       # one module: benefits, premium, fund, deadlines, eligibility, liability, calendar
 *
 * Not part of .ci/run: too slow. Reports go to reports/mutation/<module>.{json,html}; the incremental file next to
 * them lets a re-run test only the mutants whose code or covering tests changed.
 */
const MODULES = ["benefits", "premium", "fund", "deadlines", "eligibility", "liability", "calendar"];
const only = process.env.MUTATE_MODULE;
if (only !== undefined && !MODULES.includes(only)) {
  throw new TypeError(`MUTATE_MODULE must be one of ${MODULES.join(", ")}`);
}
const modules = only === undefined ? MODULES : [only];
const name = only ?? "all";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts", related: false },
  coverageAnalysis: "perTest",
  // Module-level code (zod schemas, constant tables) runs when a test file imports it, so each of its ~1,450
  // "static" mutants needs the whole suite (~30 s): together 80% of the run time. They are left out of the score
  // and counted in docs/quality.md; `npx stryker run --ignoreStatic false` includes them (many hours on 2 cores).
  ignoreStatic: true,
  concurrency: 2,
  mutate: modules.map((m) => `src/${m}/**/*.ts`),
  ignorePatterns: ["dist", "coverage", "reports", "bench", ".stryker-tmp", "docs/api"],
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  timeoutMS: 10000,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
