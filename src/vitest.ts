/**
 * `zhishang/vitest`: scenario files and folders as vitest tests — one test per file, named by its path, whose
 * failure message is the `pretty` report of the run (what was expected, what came out, and the explanation steps
 * and citations that produced it). A separate entry of the package: the main entry (`zhishang`) never loads
 * vitest, an optional peer dependency needed only here.
 *
 * ```ts
 * import { scenarioTests } from "zhishang/vitest";
 *
 * scenarioTests(["fixtures"]); // one describe per folder, one test per .json file under it
 * ```
 */
import { isAbsolute, relative } from "node:path";
import { assert, describe, test } from "vitest";
import { collectFiles, readScenarioFile } from "./cli/files.js";
import { formatRun, runScenario, type ExplainLang, type ReportedRun, type RuleSetRegistry } from "zhishang";

/** A path as a test title: an absolute path inside the working directory relative to it (stable across machines). */
function title(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel || ".";
}

/** Options of {@link scenarioTests}. */
export interface ScenarioTestOptions {
  /** Where the scenarios' provinces are looked up (by default the bundled rule sets), as `runScenario`'s option. */
  readonly registry?: RuleSetRegistry;
  /** The language of the failure messages: `zh` (the default) or `en`. */
  readonly lang?: ExplainLang;
}

/**
 * Declares one vitest test per scenario file: for each path, a `describe` named by it (an absolute path inside the
 * working directory: relative to it) holding a `test` per `.json`
 * file under it (a folder: every file below it, in name order; a file: that file), each named by its path relative
 * to the folder. A test passes when the scenario passes; a failing one fails with the `pretty` text of the run as
 * its message, and a warning (an `expectError` without `path`) is added to the test as an annotation. A path that
 * cannot be read, or a folder without any scenario, is one failing test. Call it at the top level of a test file
 * (or inside a `describe`).
 *
 * @example
 * ```ts
 * // test/scenarios.test.ts
 * import { scenarioTests } from "zhishang/vitest";
 * scenarioTests(["fixtures"], { lang: "en" });
 * ```
 */
export function scenarioTests(paths: readonly string[], options: ScenarioTestOptions = {}): void {
  const lang = options.lang ?? "zh";
  for (const path of paths) {
    describe(title(path), () => {
      const files: string[] = [];
      try {
        collectFiles(path, files);
      } catch {
        test(title(path), () => assert.fail(lang === "zh" ? `无法读取 ${path}` : `cannot read ${path}`));
        return;
      }
      if (files.length === 0) {
        test(title(path), () => assert.fail(lang === "zh" ? `${path} 中没有场景文件（.json）` : `no scenario (.json file) in ${path}`));
        return;
      }
      for (const file of files) {
        test(relative(path, file) || file, async ({ annotate }) => {
          const read = readScenarioFile(file);
          const run: ReportedRun = read.ok ? { ...runScenario(read.value, options.registry === undefined ? {} : { registry: options.registry }), file } : read.run;
          for (const w of run.warnings ?? []) await annotate(lang === "zh" ? w.messageZh : w.messageEn, "warning");
          if (!run.pass) assert.fail(formatRun(run, { lang }));
        });
      }
    });
  }
}
