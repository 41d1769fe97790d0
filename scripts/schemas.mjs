#!/usr/bin/env node
/**
 * The published JSON Schemas (schemas/): per scenario kind, `<kind>.json`, exactly what `scenarioJsonSchema(kind)`
 * returns (and what `zhishang schema <kind>` prints), and `<kind>.output.json`, its output (`outputJsonSchema(kind)`,
 * `zhishang schema <kind> --output`); `scenario.json`, the envelope shared by every kind
 * (`scenarioEnvelopeJsonSchema()`); `explanation.json`, the explanation (`explanationJsonSchema()`); and
 * `rule-set.json`, the rule-set file format (`ruleSetFileSchema()`, docs/rule-sets.md); `statistics.json`, the
 * statistics file format (`statisticsJsonSchema()`, docs/scenarios.md). The output and explanation
 * schemas come from the TypeScript types through src/scenario/output-schemas.ts, which scripts/output-schemas.mjs
 * generates before the build.
 *
 *   node scripts/schemas.mjs           write schemas/ from the built library (dist/index.js); run by `npm run build`
 *   node scripts/schemas.mjs --check   exit 1 when schemas/ differs from what the build would write
 *
 * test/schemas.test.ts renders the same files from src/ and compares them with the committed ones.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";

/** Where the published schemas live, relative to the package root. */
export const SCHEMA_DIR = "schemas";

const RULE_SET_ID = "https://zhishang.dev/schemas/rule-set.json";

function json(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The parts of the rule-set file schema used many times (a citation, a provenance, a time limit…), each named so
 * that the JSON Schema states it once in `$defs` and refers to it: inlined, the provenance of 70 parameters would
 * make the file 600 kB. A part the schema no longer has at its path is simply left inline.
 */
function sharedDefinitions(file) {
  const optional = (s) => (s !== undefined && typeof s.unwrap === "function" ? s.unwrap() : s);
  const params = optional(file.shape.params)?.shape ?? {};
  const paramValue = (name) => optional(params[name])?.shape?.value;
  const parts = [
    ["bilingual", () => optional(file.shape.name)],
    ["provenance", () => optional(params["benefit.baseFactor"])?.shape?.provenance],
    ["citation", () => optional(optional(file.shape.rules)?.valueType?.shape?.citations)?.element],
    ["timeLimitPeriod", () => paramValue("timeLimit.platformApplication")],
    ["monthlyDueDay", () => paramValue("timeLimit.monthlyDeclaration")],
    ["annualDueDate", () => paramValue("timeLimit.rateDetermination")],
    ["baseAmountsFrom", () => paramValue("premium.baseAmounts")?.element],
  ];
  const registry = z.registry();
  for (const [id, find] of parts) {
    const part = find();
    if (part !== undefined) registry.add(part, { id });
  }
  return registry;
}

/**
 * The rule-set file format (docs/rule-sets.md): the shape `ruleSetFileSchema()` checks. What JSON Schema cannot
 * state — the id is `province@validFrom`, `extends` names a known rule set, citations name known documents, every
 * required parameter is present once `extends` is applied — `loadRuleSet` / `zhishang rule-set validate` check.
 */
export function ruleSetSchema(lib) {
  const file = lib.ruleSetFileSchema();
  const schema = z.toJSONSchema(file, { io: "input", unrepresentable: "any", metadata: sharedDefinitions(file) });
  return {
    $id: RULE_SET_ID,
    title: "zhishang rule set",
    description:
      "A rule-set file: one version of a province's rules (parameters with provenance, rule texts), complete or " +
      "extending \"national\" or another rule set's id. Loaded by loadRuleSet / `zhishang --rule-set <file>`, which " +
      "also check what a schema cannot (id = province@validFrom, extends, cited documents, required parameters).",
    ...schema,
  };
}

/** Every file of schemas/, name → text. `lib` is the library (dist/index.js, or src/index.ts in tests). */
export function renderSchemas(lib) {
  const files = new Map();
  for (const kind of lib.kindNames()) {
    files.set(`${kind}.json`, json(lib.scenarioJsonSchema(kind)));
    files.set(`${kind}.output.json`, json(lib.outputJsonSchema(kind)));
  }
  files.set("scenario.json", json(lib.scenarioEnvelopeJsonSchema()));
  files.set("explanation.json", json(lib.explanationJsonSchema()));
  files.set("rule-set.json", json(ruleSetSchema(lib)));
  files.set("statistics.json", json(lib.statisticsJsonSchema()));
  return files;
}

function existing(dir) {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return [];
  }
}

async function main(argv) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const lib = await import(pathToFileURL(join(root, "dist", "index.js")).href);
  const files = renderSchemas(lib);
  const dir = join(root, SCHEMA_DIR);
  if (argv.includes("--check")) {
    const stale = existing(dir).filter((f) => !files.has(f));
    const differ = [...files].filter(([name, text]) => {
      try {
        return readFileSync(join(dir, name), "utf8") !== text;
      } catch {
        return true;
      }
    });
    for (const f of stale) process.stderr.write(`schemas/${f}: not generated any more\n`);
    for (const [f] of differ) process.stderr.write(`schemas/${f}: out of date\n`);
    if (stale.length + differ.length > 0) {
      process.stderr.write("run `npm run build` to regenerate schemas/\n");
      return 1;
    }
    return 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const f of existing(dir)) if (!files.has(f)) rmSync(join(dir, f));
  for (const [name, text] of files) {
    let old = null;
    try {
      old = readFileSync(join(dir, name), "utf8");
    } catch {
      // new file
    }
    if (old !== text) writeFileSync(join(dir, name), text);
  }
  const kinds = lib.kindNames().length;
  process.stdout.write(`schemas/: ${files.size} JSON Schemas (${kinds} kinds' inputs and outputs, scenario.json, explanation.json, rule-set.json and statistics.json)\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
