/** The library's version, as every result of `eval`, `run` and the service carries it (`version`). */

/** Replaced at build time by package.json's version (tsup.config.ts and vitest.config.ts `define`). */
declare const __ZHISHANG_VERSION__: string | undefined;

/**
 * The package's version (package.json's `version`), injected by the build; `"0.0.0-source"` when the source is run
 * without the build's define (the library reads no file to find it).
 *
 * @example
 * ```ts
 * /^\d+\.\d+\.\d+/.test(LIBRARY_VERSION); // true
 * ```
 */
export const LIBRARY_VERSION: string = typeof __ZHISHANG_VERSION__ === "string" ? __ZHISHANG_VERSION__ : "0.0.0-source";
