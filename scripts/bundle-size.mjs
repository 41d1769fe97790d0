#!/usr/bin/env node
/**
 * Bundle size of the built library (run `npm run build` first), as recorded in the README:
 *
 * - dist/index.js, the ESM build, minified with esbuild and gzipped with zlib (level 9): the library's own code,
 *   its dependencies (decimal.js, zod, date-fns, @date-fns/utc) left as imports;
 * - the same entry bundled with its dependencies, minified and gzipped: what an application that imports
 *   everything from zhishang ships at most (a bundler tree-shakes unused exports away).
 *
 *   npm run size            a table
 *   npm run size -- --json  the figures as JSON
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "index.js");

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

const source = readFileSync(entry, "utf8");
const own = (await transform(source, { minify: true, format: "esm", target: "node20", loader: "js" })).code;
const bundled = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "neutral",
  target: "node20",
  mainFields: ["module", "main"],
  write: false,
  logLevel: "silent",
});
const all = bundled.outputFiles[0].text;

const sizes = {
  "dist/index.js": { raw: Buffer.byteLength(source), min: Buffer.byteLength(own), minGzip: gz(own) },
  "dist/index.js + dependencies": { raw: null, min: Buffer.byteLength(all), minGzip: gz(all) },
};

if (process.argv.includes("--json")) {
  process.stdout.write(`${JSON.stringify(sizes, null, 2)}\n`);
} else {
  for (const [name, s] of Object.entries(sizes)) {
    const raw = s.raw === null ? "" : `${kib(s.raw)} raw, `;
    process.stdout.write(`${name}: ${raw}${kib(s.min)} minified, ${kib(s.minGzip)} min+gzip\n`);
  }
}
