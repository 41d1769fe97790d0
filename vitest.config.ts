import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** package.json's version, defined as in the build (tsup.config.ts): the results the tests see carry it. */
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

/**
 * Under StrykerJS (npm run mutate) every mutant re-runs the tests that cover it. The fuzzers of test/properties/
 * cover the whole public API with thousands of random cases (and one spawns child processes under other time
 * zones): they would multiply the run time, so mutation testing leaves them out. It keeps everything else,
 * test/properties/golden.test.ts included. Stryker sets STRYKER_MUTATOR_WORKER in its worker processes.
 */
const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined;
const FUZZERS = ["public-api", "scenario-kinds", "hostile", "determinism"].map((f) => `test/properties/${f}.test.ts`);

export default defineConfig({
  define: { __ZHISHANG_VERSION__: JSON.stringify(version) },
  // src/vitest.ts (the zhishang/vitest entry) imports the library by its package name; in the tests that is src/.
  resolve: { alias: [{ find: /^zhishang$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) }] },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: underStryker ? [...FUZZERS, "node_modules/**"] : ["node_modules/**"],
    environment: "node",
    // instrumented code (mutation testing) runs several times slower: the 300,000-order tally test needs more than 5 s
    ...(underStryker ? { testTimeout: 60_000 } : {}),
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary", "json-summary", "html"],
      reportsDirectory: "coverage",
      thresholds: { lines: 95, branches: 90 },
    },
  },
});
