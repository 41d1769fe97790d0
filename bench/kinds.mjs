/**
 * Benchmark: throughput of every scenario kind through the public API (tinybench), with and without input
 * validation (npm run bench; this part alone: npm run bench:kinds).
 *
 * For each kind, the valid fixtures of that kind (every province, every variant: strict mode, overrides, extra
 * calendars) are evaluated in turn:
 *
 * - `evaluateScenario`: the whole public path from a JSON document — the envelope and the kind's input validated
 *   with zod, then the rules, the explanation and its citations;
 * - `function`: the kind's own function (e.g. `computeDisabilityBenefits(province, input, options)`), which
 *   validates its input itself;
 * - `validation only`: the envelope and input schemas alone (the library's own zod schemas, bundled from src/,
 *   through the compiled parsers that `parseInput` runs);
 * - `rules without validation`: derived, 1 / (time of evaluateScenario − time of validation only). Every public
 *   function validates its input, so there is no public path without validation to time directly.
 *
 * A script, not a timed test. It checks that every fixture still evaluates (so nothing is timed on an error path).
 *
 *   npm run bench:kinds                 # 1 s per task
 *   node bench/kinds.mjs --time 3000    # longer runs
 *   node bench/kinds.mjs --json         # the figures as JSON (for docs/performance.md)
 *   node bench/kinds.mjs --lib DIR      # another build's dist/ (bench/compare.mjs times two builds in one run)
 */
import { args, argValue, fixtures, fmt, internals, libraryUnderTest, machine, printMachine, runTasks } from "./support.mjs";

const lib = await libraryUnderTest();

const TIME = argValue("--time", 1000);

const BENEFITS = ["disability-benefits", "death-benefits", "living-guarantee"];

// validation as the library runs it: zod's compiled parser of each schema (parseInput, src/core/validate.ts)
const { SCENARIO_KINDS, scenarioSchema: envelopeSchema, compiled } = await internals();
const scenarioSchema = compiled(envelopeSchema);
const FUNCTIONS = Object.fromEntries(SCENARIO_KINDS.map((k) => [k.kind, k.functionName]));
const schemaOf = new Map(SCENARIO_KINDS.map((k) => [k.kind, compiled(k.input)]));


function optionsOf(s) {
  return {
    ...(s.options?.strict === undefined ? {} : { strict: s.options.strict }),
    ...(s.overrides === undefined ? {} : { overrides: s.overrides }),
    ...(s.calendars === undefined ? {} : { calendars: s.calendars }),
  };
}

let sink = 0;
const rows = [];
// The headline: one full benefit computation (a grade-4 disability with nursing, Qinghai) through the public API —
// the document through evaluateScenario, and the same input through computeDisabilityBenefits. Timed twice: first,
// in a fresh process (the code paths see one shape of input), and again after every kind has run (shared code such
// as the explanation builder has then seen every kind's shapes, as in a service computing all kinds).
const headline = { id: "h", province: "qinghai", kind: "disability-benefits", input: { grade: 4, avgMonthlyWage: "6000.00", nursingLevel: "partial" } };
async function timeHeadline() {
  return runTasks([
    { name: "headline", batch: 100, fn: () => { for (let k = 0; k < 100; k++) sink += lib.evaluateScenario(headline).explanation.length; } },
    { name: "headline function", batch: 100, fn: () => { for (let k = 0; k < 100; k++) sink += lib.computeDisabilityBenefits("qinghai", headline.input).explanation.length; } },
  ], { time: TIME });
}
const [freshOne, freshFn] = await timeHeadline();

const valid = fixtures().filter((f) => f.scenario.expectError === undefined);
for (const f of valid) lib.evaluateScenario(f.scenario); // every fixture evaluates (throws otherwise)

if (!args.includes("--json")) printMachine("zhishang scenario kinds");
for (const kind of lib.kindNames()) {
  const docs = valid.filter((f) => f.scenario.kind === kind).map((f) => f.scenario);
  if (docs.length === 0) {
    rows.push({ kind, fixtures: 0 });
    continue;
  }
  const fn = lib[FUNCTIONS[kind]];
  if (typeof fn !== "function") throw new Error(`no function for ${kind}`);
  const calls = docs.map((s) =>
    kind === "dependant-qualification" ? () => fn(s.input) : () => fn(s.province, s.input, optionsOf(s)),
  );
  const input = schemaOf.get(kind);
  const [full, direct, validation] = await runTasks(
    [
      { name: "evaluateScenario", batch: docs.length, fn: () => { for (const d of docs) sink += lib.evaluateScenario(d).explanation.length; } },
      { name: "function", batch: docs.length, fn: () => { for (const c of calls) sink += c() === undefined ? 0 : 1; } },
      {
        name: "validation only",
        batch: docs.length,
        fn: () => {
          for (const d of docs) sink += scenarioSchema.safeParse(d).success && input.safeParse(d.input).success ? 1 : 0;
        },
      },
    ],
    { time: TIME },
  );
  const rulesOnly = 1 / (1 / full.opsPerSecond - 1 / validation.opsPerSecond);
  rows.push({
    kind,
    fixtures: docs.length,
    evaluateScenario: full.opsPerSecond,
    function: direct.opsPerSecond,
    validationOnly: validation.opsPerSecond,
    rulesWithoutValidation: rulesOnly,
    validationShare: full.opsPerSecond / validation.opsPerSecond,
    rme: Math.max(full.rme, direct.rme, validation.rme),
  });
  if (!args.includes("--json")) {
    console.log(
      `${kind.padEnd(28)} ${String(docs.length).padStart(3)} fixtures  evaluateScenario ${fmt(full.opsPerSecond).padStart(9)}/s  ` +
        `function ${fmt(direct.opsPerSecond).padStart(9)}/s  validation only ${fmt(validation.opsPerSecond).padStart(10)}/s  ` +
        `rules without validation ≈ ${fmt(rulesOnly).padStart(9)}/s  (±${Math.max(full.rme, direct.rme, validation.rme).toFixed(1)}%)`,
    );
  }
}

const [one, oneFn] = await timeHeadline();
const benefitMin = Math.min(...rows.filter((r) => BENEFITS.includes(r.kind)).map((r) => r.evaluateScenario));

if (args.includes("--json")) {
  console.log(JSON.stringify({ machine: machine(), time: TIME, rows, headline: { fresh: { evaluateScenario: freshOne.opsPerSecond, function: freshFn.opsPerSecond }, afterAllKinds: { evaluateScenario: one.opsPerSecond, function: oneFn.opsPerSecond } }, benefitMin }, null, 2));
} else {
  const verdict = (x) => (x >= 200_000 ? "met" : "NOT met");
  console.log(`\nfull benefit computation (disability grade 4 + nursing, Qinghai) — target ≥ 200,000/s on one core`);
  for (const [when, e, f] of [["in a fresh process", freshOne, freshFn], ["after all kinds", one, oneFn]]) {
    console.log(`  ${when}:`);
    console.log(`    computeDisabilityBenefits: ${fmt(f.opsPerSecond)}/s (±${f.rme.toFixed(1)}%) — ${verdict(f.opsPerSecond)}`);
    console.log(`    evaluateScenario:          ${fmt(e.opsPerSecond)}/s (±${e.rme.toFixed(1)}%) — ${verdict(e.opsPerSecond)}`);
  }
  console.log(`slowest benefit kind over its fixtures (evaluateScenario): ${fmt(benefitMin)}/s`);
}
if (sink < 0) console.log(sink);
