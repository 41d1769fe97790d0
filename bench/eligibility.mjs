/**
 * Benchmark: the eligibility rules (`assessEligibility`) beside the same rules written for json-rules-engine
 * (a dev dependency, used here only), on the same cases (npm run bench; alone: npm run bench:eligibility).
 *
 * The json-rules-engine version states the decision of src/eligibility/eligibility.ts as JSON rules, one engine per
 * province, built from the province's own rule set (`getRuleSet(p).params`): the coverage checks (rules in force,
 * industry, the dated list of pilot platforms, all platforms of the industries from a date, other industries from
 * a date, place of acceptance, no double claim, Shanghai's premium month, Zhejiang's hand-over), the six situations
 * in item order with the sudden-death hours, and the three exclusions. Facts derived from the input (the accident's
 * China date, the industry, whether the platform is listed on that date, the hours from onset to death) are
 * dynamic facts, computed inside the engine like the rest of its work.
 *
 * The cases: a fixed-seed generator over the eligibility input (the features both versions cover; no order
 * records, no `deathAt`). Before timing, every case is decided by both and the decisions compared — recognised,
 * covered, situation, first exclusion; cases zhishang refuses with a typed error are left out of both. Any
 * disagreement stops the benchmark, so the ratio is between equal rule sets.
 *
 * What each side does per case: zhishang validates the input (zod), decides, and builds the full explanation
 * (every check with its citations) — or, decision only (`explain: false`), the decision and the failed checks by rule
 * id (`failedChecks`), no explanation and no `checks`; json-rules-engine evaluates the rules (async, one `engine.run`
 * per case).
 *
 *   npm run bench:eligibility
 *   node bench/eligibility.mjs --cases 2000 --time 2000 --rounds 5
 *
 * Each round times the three in turn (tinybench, `--time` ms each); the ratios are each round's own, and their
 * median is the figure (`--rounds`, default 3).
 */
import jre from "json-rules-engine";
import * as lib from "../dist/index.js";
import { args, argValue, fmt, printMachine, rng, runTasks } from "./support.mjs";

const { Engine } = jre;
const CASES = argValue("--cases", 1000);
const TIME = argValue("--time", 1500);
const ROUNDS = argValue("--rounds", 3);

const ON_TASK_EVENTS = ["accident", "violence", "missing", "traffic-accident", "rail-ferry-train-accident"];
const WAY_EVENTS = ["traffic-accident", "rail-ferry-train-accident"];

// ---------------------------------------------------------------------------------------------------------------
// The rules, for json-rules-engine

function chinaDate(iso) {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

function engineFor(province) {
  const params = lib.getRuleSet(province).params;
  const v = (name) => params[name]?.value;
  const engine = new Engine([], { allowUndefinedFacts: true });
  const inForceFrom = v("coverage.inForceFrom");
  const list = v("coverage.pilotPlatforms");
  engine.addFact("accidentDate", (_p, almanac) => almanac.factValue("accidentAt").then(chinaDate), { cache: true });
  engine.addFact("accidentMonth", (_p, almanac) => almanac.factValue("accidentDate").then((d) => d.slice(0, 7)));
  engine.addFact("industryOf", async (_p, almanac) => {
    const [industry, platform] = await Promise.all([almanac.factValue("industry"), almanac.factValue("platform")]);
    return industry ?? (platform === "other" ? null : lib.PLATFORMS[platform].industry);
  });
  engine.addFact("platformListed", async (_p, almanac) => {
    const [platform, date] = await Promise.all([almanac.factValue("platform"), almanac.factValue("accidentDate")]);
    return list.some((e) => e.platform === platform && e.from <= date && (e.until === null || date <= e.until));
  });
  engine.addFact("deathHours", async (_p, almanac) => {
    const [hours, died] = await Promise.all([almanac.factValue("hoursFromOnsetToDeath"), almanac.factValue("died")]);
    return hours !== undefined ? Number(hours) : died === true ? 0 : null;
  });
  engine.addOperator("onOrAfter", (a, b) => typeof a === "string" && a >= b);
  engine.addOperator("before", (a, b) => typeof a === "string" && a < b);

  const is = (fact, value) => ({ fact, operator: "equal", value });
  const isNot = (fact, value) => ({ fact, operator: "notEqual", value });
  const failure = (name, conditions) => engine.addRule({ name, conditions, event: { type: "coverage-fail", params: { check: name } } });

  // coverage (a case before the start is RULE_NOT_IN_FORCE in zhishang: left out of the cases)
  failure("in-force", { all: [{ fact: "accidentDate", operator: "before", value: inForceFrom }] });
  const industries = v("coverage.industries");
  const otherFrom = v("coverage.otherIndustriesFrom");
  failure("industry", {
    all: [
      { fact: "industryOf", operator: "notIn", value: industries },
      {
        not: otherFrom === undefined
          ? is("industryOf", "__never__")
          : { all: [is("industryOf", "other"), is("platformInPilot", true), { fact: "accidentDate", operator: "onOrAfter", value: otherFrom }] },
      },
    ],
  });
  const allFrom = v("coverage.allPlatformsOfIndustriesFrom");
  failure("platform", {
    all: [
      isNot("platformInPilot", true),
      {
        any: [
          is("platform", "other"),
          {
            all: [
              is("platformListed", false),
              {
                not: allFrom === undefined
                  ? is("platform", "__never__")
                  : { all: [{ fact: "industryOf", operator: "in", value: lib.PILOT_INDUSTRIES }, { fact: "accidentDate", operator: "onOrAfter", value: allFrom }] },
              },
            ],
          },
        ],
      },
    ],
  });
  if (v("coverage.byPlaceOfAcceptance") === true) failure("place", { all: [is("orderAcceptedInProvince", false)] });
  if (v("coverage.noDoubleClaim") === true) failure("double-claim", { all: [is("workInjuryClaimFiled", true)] });
  if (v("coverage.fromPremiumPaidMonth") === true) {
    failure("premium-month", { all: [isNot("premiumPaidMonth", undefined), { fact: "premiumPaidMonth", operator: "greaterThan", value: { fact: "accidentMonth" } }] });
  }
  const handOver = v("coverage.singleWorkInjuryInsuranceUntil");
  if (handOver !== undefined) failure("hand-over", { all: [{ fact: "accidentDate", operator: "lessThanInclusive", value: handOver }] });

  // the situations, item order (priority: higher runs first; the first met wins)
  const listed = new Set(v("eligibility.situations"));
  const maxHours = v("eligibility.suddenDeathMaxHours");
  const situations = [
    ["on-task-injury", { all: [is("activity", "on-order"), { fact: "event", operator: "in", value: ON_TASK_EVENTS }, isNot("performingPlatformService", false)] }],
    ["commute", {
      all: [
        { fact: "activity", operator: "in", value: ["designated-place", "commute-home"] },
        { fact: "event", operator: "in", value: WAY_EVENTS },
        is("ownPrimaryResponsibility", false),
        { any: [is("activity", "designated-place"), isNot("reasonableRoute", false)] },
      ],
    }],
    ["sudden-death", {
      all: [is("event", "sudden-illness"), is("activity", "on-order"), isNot("died", false), isNot("deathHours", null), { fact: "deathHours", operator: "lessThanInclusive", value: maxHours }],
    }],
    ["public-interest", { all: [is("activity", "public-interest"), { fact: "event", operator: "notIn", value: ["old-injury-relapse", "sudden-illness"] }] }],
    ["veteran-relapse", { all: [is("event", "old-injury-relapse"), is("veteranDisabilityCertificate", true)] }],
    ["statutory-other", { all: [is("statutoryOtherCase", true)] }],
  ];
  situations.forEach(([name, conditions], k) => {
    if (listed.has(name)) engine.addRule({ name, priority: 100 - k, conditions, event: { type: "situation", params: { situation: name, order: k } } });
  });

  // the exclusions
  const excl = new Set(v("eligibility.exclusions"));
  const exclusions = [
    ["intentional-crime", { all: [is("intentionalCrime", true)] }],
    ["intoxication-or-drugs", { any: [is("intoxicated", true), is("drugUse", true)] }],
    ["self-harm", { all: [is("selfHarm", true)] }],
  ];
  exclusions.forEach(([name, conditions], k) => {
    if (excl.has(name)) engine.addRule({ name, conditions, event: { type: "exclusion", params: { exclusion: name, order: k } } });
  });
  return engine;
}

async function decideJre(engine, input) {
  const { events } = await engine.run(input);
  let covered = true;
  let situation = null;
  let sOrder = Infinity;
  let exclusion = null;
  let xOrder = Infinity;
  for (const e of events) {
    if (e.type === "coverage-fail") covered = false;
    else if (e.type === "situation" && e.params.order < sOrder) [situation, sOrder] = [e.params.situation, e.params.order];
    else if (e.type === "exclusion" && e.params.order < xOrder) [exclusion, xOrder] = [e.params.exclusion, e.params.order];
  }
  return { recognized: covered && situation !== null && exclusion === null, covered, situation, exclusion };
}

// ---------------------------------------------------------------------------------------------------------------
// The cases (fixed seed)


function makeCase(r) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const maybe = (p, value) => (r() < p ? value : undefined);
  const day = Date.UTC(2025, 5, 1) + Math.floor(r() * 900) * 86_400_000;
  const hours = ["00:30:00", "09:15:00", "12:10:00", "16:30:00", "23:45:00"];
  const input = {
    accidentAt: `${new Date(day).toISOString().slice(0, 10)}T${pick(hours)}${pick(["+08:00", "+08:00", "Z"])}`,
    platform: pick([...lib.PLATFORM_IDS, "other"]),
    industry: maybe(0.25, pick(lib.INDUSTRY_VALUES)),
    activity: pick(lib.ACTIVITIES),
    event: pick(lib.EVENTS),
    ownPrimaryResponsibility: maybe(0.8, r() < 0.3),
    hoursFromOnsetToDeath: maybe(0.3, pick([0, 12, 47.5, 48, 48.5, 72])),
    died: maybe(0.5, r() < 0.8),
    veteranDisabilityCertificate: maybe(0.3, r() < 0.5),
    intentionalCrime: maybe(0.2, r() < 0.2),
    intoxicated: maybe(0.2, r() < 0.2),
    drugUse: maybe(0.1, r() < 0.2),
    selfHarm: maybe(0.1, r() < 0.2),
    workInjuryClaimFiled: maybe(0.2, r() < 0.3),
    statutoryOtherCase: maybe(0.1, r() < 0.5),
    platformInPilot: maybe(0.2, r() < 0.5),
    orderAcceptedInProvince: maybe(0.3, r() < 0.8),
    performingPlatformService: maybe(0.3, r() < 0.8),
    reasonableRoute: maybe(0.3, r() < 0.8),
  };
  if (input.industry === undefined && input.platform === "other") input.industry = "other";
  if (input.died === false) delete input.hoursFromOnsetToDeath;
  for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
  return input;
}

function decideLib(province, input) {
  try {
    const v = lib.assessEligibility(province, input).value;
    return { recognized: v.recognized, covered: v.covered, situation: v.situation, exclusion: v.exclusion };
  } catch (e) {
    if (lib.isZhishangError(e)) return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------------

printMachine("zhishang eligibility vs json-rules-engine");
const engines = Object.fromEntries(lib.PROVINCES.map((p) => [p, engineFor(p)]));
const r = rng(2026);
const cases = [];
let refused = 0;
let attempts = 0;
while (cases.length < CASES && attempts < CASES * 20) {
  attempts += 1;
  const province = lib.PROVINCES[attempts % lib.PROVINCES.length];
  const input = makeCase(r);
  const ours = decideLib(province, input);
  if (ours === null) {
    refused += 1;
    continue;
  }
  const theirs = await decideJre(engines[province], input);
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
    console.error("the two rule sets disagree:", province, JSON.stringify(input), "\nzhishang:", ours, "\njson-rules-engine:", theirs);
    process.exit(1);
  }
  cases.push({ province, input });
}
const recognized = cases.filter((c) => decideLib(c.province, c.input).recognized).length;
console.log(`${cases.length} cases (${recognized} recognised; ${refused} others refused by zhishang with a typed error and left out); both rule sets agree on every case\n`);

let sink = 0;
const DECISION_ONLY = { explain: false };
const TASKS = [
  { name: "zhishang assessEligibility", batch: cases.length, fn: () => { for (const c of cases) sink += lib.assessEligibility(c.province, c.input).value.checks.length; } },
  { name: "zhishang assessEligibility, explain: false", batch: cases.length, fn: () => { for (const c of cases) sink += lib.assessEligibility(c.province, c.input, DECISION_ONLY).value.failedChecks.length; } },
  { name: "json-rules-engine", batch: cases.length, fn: async () => { for (const c of cases) sink += (await engines[c.province].run(c.input)).events.length; } },
];
// Rounds: the three tasks in turn, ROUNDS times, each round's ratios its own — so that a drift of the machine during
// the run (or the order of the tasks) shows as a spread between rounds rather than as one ratio off.
const rounds = [];
for (let k = 0; k < ROUNDS; k++) {
  const [ours, decided, theirs] = await runTasks(TASKS, { time: TIME });
  rounds.push({ ours, decided, theirs, ratio: ours.opsPerSecond / theirs.opsPerSecond, decisionRatio: decided.opsPerSecond / theirs.opsPerSecond });
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[(xs.length - 1) >> 1];
const ratio = median(rounds.map((r) => r.ratio));
const decisionRatio = median(rounds.map((r) => r.decisionRatio));
const met = rounds.filter((r) => r.decisionRatio >= 20).length;
if (args.includes("--json")) {
  console.log(JSON.stringify({
    cases: cases.length,
    rounds: rounds.map((r) => ({ zhishang: r.ours.opsPerSecond, decisionOnly: r.decided.opsPerSecond, jsonRulesEngine: r.theirs.opsPerSecond, ratio: r.ratio, decisionRatio: r.decisionRatio })),
    ratio,
    decisionRatio,
  }));
} else {
  for (const [k, { ours, decided, theirs, ratio: x, decisionRatio: y }] of rounds.entries()) {
    console.log(`round ${k + 1} of ${ROUNDS}`);
    console.log(`  zhishang assessEligibility   ${fmt(ours.opsPerSecond).padStart(9)} cases/s (±${ours.rme.toFixed(1)}%)  — validation, decision, explanation with citations`);
    console.log(`    explain: false             ${fmt(decided.opsPerSecond).padStart(9)} cases/s (±${decided.rme.toFixed(1)}%)  — validation, decision, failed checks by rule id (no explanation)`);
    console.log(`  json-rules-engine            ${fmt(theirs.opsPerSecond).padStart(9)} cases/s (±${theirs.rme.toFixed(1)}%)  — the decision only`);
    console.log(`  ratio ${x.toFixed(1)}× explained, ${y.toFixed(1)}× decision only`);
  }
  console.log(`median of ${ROUNDS} rounds: ${ratio.toFixed(1)}× explained, ${decisionRatio.toFixed(1)}× decision only — target ≥ 20× (decision only): met in ${met} of ${ROUNDS} rounds`);
}
if (sink < 0) console.log(sink);
