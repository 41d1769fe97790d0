import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

/**
 * package.json's version, injected as `__ZHISHANG_VERSION__` (src/core/version.ts) into the library and the CLI:
 * `zhishang --version` prints it and every result of `eval`, `run` and the service carries it (`version`).
 */
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };
const define = { __ZHISHANG_VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    define,
  },
  {
    // zhishang/vitest (src/vitest.ts): it imports the library as "zhishang" (tsconfig.json `paths` maps that to
    // src/index.ts while developing), kept external here with vitest, so that the package's one copy of the
    // library is what it runs (a RuleSetRegistry from "zhishang" is the same class) and the main entry never
    // loads vitest.
    entry: { vitest: "src/vitest.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "node20",
    external: ["vitest", "zhishang"],
  },
  {
    // zhishang/service (src/service.ts): the HTTP service as a fastify instance, built like zhishang/vitest — the
    // library imported as "zhishang" and kept external with fastify (which it never imports: the caller passes
    // the factory in), so that the main entry never loads fastify.
    entry: { service: "src/service.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "node20",
    external: ["fastify", "zhishang"],
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    define,
  },
]);
