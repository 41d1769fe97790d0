/**
 * Every function the package exports, fuzzed: arbitrary and malformed arguments, and valid-shaped ones that reach the
 * rules. Each call must end in a sound value or a typed ZhishangError (test/properties/support.ts), leave its
 * deep-frozen arguments untouched, and give the same outcome when repeated.
 *
 * The table below has one entry per exported function (and per method of the exported classes). A new export
 * without an entry fails the first test: add its arbitraries here.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as api from "../../src/index.js";
import {
  BUNDLED_CALENDAR,
  computeDisabilityBenefits,
  countOrders,
  DOCUMENTS,
  evaluateScenario,
  INDUSTRIES,
  kindNames,
  loadCalendar,
  ORDER_STATUSES,
  OrderTally,
  PERIOD_UNITS,
  PLATFORM_IDS,
  PROVINCES,
  TIME_LIMIT_IDS,
  ZhishangError,
  ERROR_CODES,
  type OrderRecord,
} from "../../src/index.js";
import {
  dateArb,
  badDateArb,
  dateTimeArb,
  fromSchema,
  inputSchemaOf,
  junkArb,
  moneyArb,
  monthArb,
  mutatedFixtureArb,
  optionsArb,
  provinceArb,
  schemaInputArb,
  validFixturesOf,
  VALID_FIXTURES,
  weirdNumberArb,
  fieldNames,
  calendarYearArb,
  badMoneyArb,
} from "./arbitraries.js";
import { fcParams } from "./seed.js";
import { deepFreeze, expectSound, fingerprint, outcomeOf, type Outcome } from "./support.js";

type Fn = (...args: unknown[]) => unknown;

interface Entry {
  /** The arguments (plain data: they are deep-frozen before the call). */
  readonly args: fc.Arbitrary<readonly unknown[]>;
  /** How to call it (default: the export with the arguments). */
  readonly call?: (args: readonly unknown[]) => unknown;
  readonly runs?: number;
}

const or = <T,>(valid: fc.Arbitrary<T>, weight = 5): fc.Arbitrary<T | unknown> =>
  fc.oneof({ weight, arbitrary: valid }, { weight: 1, arbitrary: junkArb });

// ---------------------------------------------------------------------------------------------------------------
// Inputs of the functions behind scenario kinds: schema-shaped, fixture-derived (one field changed), named junk.

function kindInputArb(kind: string): fc.Arbitrary<unknown> {
  const fixtures = validFixturesOf(kind);
  const names = fieldNames(kind);
  const arbs: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 6, arbitrary: schemaInputArb(kind) },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...names, "extra", "__proto__"), or(fromSchema({}), 1), { maxKeys: names.length }) },
    { weight: 1, arbitrary: junkArb },
  ];
  if (fixtures.length > 0) {
    arbs.push({ weight: 3, arbitrary: fc.constantFrom(...fixtures).map((f) => f.scenario.input) });
    arbs.push({
      weight: 4,
      arbitrary: mutatedFixtureArb(fixtures).map((m) => (m.scenario as { input?: unknown }).input),
    });
  }
  return fc.oneof(...arbs);
}

/** `(province, input, options)` for the function behind `kind`. */
const kindArgs = (kind: string): fc.Arbitrary<readonly unknown[]> => fc.tuple(provinceArb, kindInputArb(kind), optionsArb);

// ---------------------------------------------------------------------------------------------------------------
// Orders

const platformIdArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLATFORM_IDS, "new.platform_1", "x-y") },
  { weight: 1, arbitrary: fc.constantFrom("", "a b", "x".repeat(65), "美团", "__proto__", "constructor") },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
);
const epochMsArb = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }),
  fc.constantFrom(Date.UTC(2026, 6, 1) - 8 * 3_600_000, Date.UTC(2026, 6, 1) - 8 * 3_600_000 - 1, 0, -1, 8.64e15, 8.64e15 + 1, 1.5),
);
const recordArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        platform: platformIdArb,
        industry: or(fc.constantFrom(...INDUSTRIES), 8),
        status: or(fc.constantFrom(...ORDER_STATUSES), 8),
        endedAt: fc.oneof(dateTimeArb, epochMsArb, fc.constant(null), fc.constant(undefined), junkArb),
        workerRegistered: or(fc.boolean(), 10),
        workerInScope: or(fc.boolean(), 10),
        startedInProvince: or(fc.boolean(), 10),
      },
      { requiredKeys: ["platform", "industry", "status", "workerRegistered", "workerInScope", "startedInProvince"] },
    ),
  },
  { weight: 1, arbitrary: junkArb },
);
const validRecordArb: fc.Arbitrary<OrderRecord> = fc.record({
  platform: fc.constantFrom("meituan", "didi", "huolala", "dada"),
  industry: fc.constantFrom(...INDUSTRIES),
  status: fc.constantFrom(...ORDER_STATUSES),
  endedAt: fc.oneof(dateTimeArb, fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) })),
  workerRegistered: fc.boolean(),
  workerInScope: fc.boolean(),
  startedInProvince: fc.boolean(),
}).map((r): OrderRecord => (r.status === "in-progress" ? { ...r, endedAt: null } : r));

/** Columns: consistent (typed arrays or plain arrays) or broken in one respect. */
const columnsArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.integer({ min: 0, max: 6 }).chain((n) =>
      fc.record({
        length: fc.oneof({ weight: 8, arbitrary: fc.constant(n) }, { weight: 1, arbitrary: weirdNumberArb }),
        platforms: fc.oneof({ weight: 8, arbitrary: fc.constant(["meituan", "didi"]) }, { weight: 1, arbitrary: fc.array(platformIdArb, { maxLength: 3 }) }, { weight: 1, arbitrary: junkArb }),
        platform: fc.array(fc.oneof(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -1, max: 3 })), { minLength: n, maxLength: n }).map((a) => Uint8Array.from(a.map((x) => x & 0xff))),
        industry: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
        status: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }).map((a) => Uint8Array.from(a)),
        endedAtMs: fc.array(fc.oneof(epochMsArb, fc.constant(NaN), fc.constant(Infinity)), { minLength: n, maxLength: n }).map((a) => Float64Array.from(a)),
        workerRegistered: fc.array(fc.oneof(fc.constantFrom(0, 1, true, false), fc.constantFrom(2, -1, "1")), { minLength: n, maxLength: n }),
        workerInScope: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }).map((a) => Uint8Array.from(a)),
        startedInProvince: fc.oneof(fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }), fc.constant(undefined), fc.constant([])),
      }),
    ),
  },
  { weight: 1, arbitrary: junkArb },
);

/** Counts as a tally produces them (maybe of another province), or altered, or junk. */
const countsArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom(...PROVINCES), fc.array(validRecordArb, { maxLength: 10 })).map(([p, rs]) => countOrders(p, rs).value),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...PROVINCES), fc.array(validRecordArb, { minLength: 1, maxLength: 5 }), fc.constantFrom("records", "counted", "province", "rows"), junkArb)
      .map(([p, rs, k, v]) => ({ ...countOrders(p, rs).value, [k]: v })),
  },
  { weight: 1, arbitrary: junkArb },
);

const ratesArb = fc.array(
  fc.record(
    {
      platform: platformIdArb,
      industry: or(fc.constantFrom(...INDUSTRIES), 8),
      floatPercent: fc.oneof(fc.constantFrom(50, 80, 90, 100, 110, 120, 150, 160), weirdNumberArb),
      baseAmount: fc.oneof(fc.constantFrom("0.01", "0.07", "0.18", "0.25", "0.3"), badMoneyArb),
      monthsContributed: fc.oneof(fc.integer({ min: 0, max: 40 }), weirdNumberArb),
      paidAmount: fc.oneof(moneyArb, badMoneyArb),
    },
    { requiredKeys: ["platform", "industry"] },
  ),
  { maxLength: 4 },
);

/** Async sources: an async generator of records or of batches, built fresh for each call. */
async function* asyncFeed(items: readonly unknown[]): AsyncGenerator<unknown> {
  for (const x of items) yield x;
}
function* syncFeed(items: readonly unknown[]): Generator<unknown> {
  for (const x of items) yield x;
}
type Feed = { readonly kind: "array" | "generator" | "async"; readonly items: readonly unknown[] } | { readonly kind: "junk"; readonly value: unknown };
const feedArb = (item: fc.Arbitrary<unknown>): fc.Arbitrary<Feed> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom("array", "generator", "async") as fc.Arbitrary<"array" | "generator" | "async">, items: fc.array(item, { maxLength: 6 }) }) },
    { weight: 1, arbitrary: junkArb.map((value): Feed => ({ kind: "junk", value })) },
  );
function materialise(f: Feed): unknown {
  switch (f.kind) {
    case "array":
      return f.items;
    case "generator":
      return syncFeed(f.items);
    case "async":
      return asyncFeed(f.items);
    default:
      return f.value;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Calendars and periods

/** A calendar spec (built fresh per call): the bundled one, one with extra years, or junk in its place. */
type CalendarSpec = { readonly kind: "bundled" } | { readonly kind: "loaded"; readonly years: readonly unknown[] } | { readonly kind: "junk"; readonly value: unknown } | { readonly kind: "absent" };
const calendarSpecArb: fc.Arbitrary<CalendarSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "absent" } as const) },
  { weight: 3, arbitrary: fc.constant({ kind: "bundled" } as const) },
  { weight: 2, arbitrary: fc.array(calendarYearArb, { maxLength: 2 }).map((years) => ({ kind: "loaded", years }) as const) },
  { weight: 1, arbitrary: junkArb.map((value) => ({ kind: "junk", value }) as const) },
);
function calendarOf(spec: CalendarSpec): unknown {
  switch (spec.kind) {
    case "bundled":
      return BUNDLED_CALENDAR;
    case "loaded":
      try {
        return loadCalendar(spec.years as never);
      } catch {
        return BUNDLED_CALENDAR; // loadCalendar itself is fuzzed below; here we want a calendar
      }
    case "junk":
      return spec.value;
    default:
      return undefined;
  }
}
const dateOrJunk = fc.oneof({ weight: 6, arbitrary: dateArb }, { weight: 1, arbitrary: badDateArb }, { weight: 1, arbitrary: junkArb });
const countArb = (max: number) => fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max }) }, { weight: 1, arbitrary: weirdNumberArb }, { weight: 1, arbitrary: junkArb });
const periodOptionsArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        restDayExtension: or(fc.boolean()),
        calendars: fc.array(calendarYearArb, { maxLength: 2 }),
        path: or(fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.nat(9)), { maxLength: 3 })),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: junkArb },
);
const periodSpecArb: fc.Arbitrary<unknown> = or(fc.record({ count: countArb(400), unit: or(fc.constantFrom(...PERIOD_UNITS), 6) }));
const dayNumberArb = fc.oneof(fc.integer({ min: 19_000, max: 21_500 }), weirdNumberArb, junkArb);

// ---------------------------------------------------------------------------------------------------------------
// Citations and explanations

const citationArb: fc.Arbitrary<unknown> = or(
  fc.record(
    {
      doc: or(fc.constantFrom(...(Object.keys(DOCUMENTS) as Array<keyof typeof DOCUMENTS>)), 8),
      article: or(fc.integer({ min: 1, max: 120 })),
      paragraph: or(fc.integer({ min: 1, max: 9 })),
      item: or(fc.integer({ min: 1, max: 9 })),
      section: or(fc.constantFrom("二（三）", "三", "一")),
      decision: or(fc.constantFrom("C1", "C4", "C6")),
      note: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: ["doc"] },
  ),
);

/** Explanations of real results (every valid fixture), possibly damaged. */
const EXPLANATIONS = VALID_FIXTURES.slice(0, 60).map((f) => evaluateScenario(f.scenario).explanation);
const explanationArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EXPLANATIONS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...EXPLANATIONS), fc.nat(5), fc.constantFrom("title", "inputs", "parameters", "citations", "notes", "result", "step", "rounding"), junkArb)
      .map(([e, k, key, v]) => e.map((s, i) => (i === k % Math.max(1, e.length) ? { ...s, [key]: v } : s))),
  },
  { weight: 1, arbitrary: fc.array(junkArb, { maxLength: 3 }) },
  { weight: 1, arbitrary: junkArb },
);
const explainOptionsArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.record({ lang: or(fc.constantFrom("zh", "en")), format: or(fc.constantFrom("text", "markdown", "json")) }, { requiredKeys: [] }),
  junkArb,
);

/** A claim-deadlines computation (from schema-shaped inputs), damaged in one place, or junk. */
const claimSourceArb: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...PROVINCES), schemaInputArb("claim-deadlines"))
  .map(([p, i]) => {
    try {
      return api.computeClaimDeadlines(p, i as never);
    } catch {
      return api.computeClaimDeadlines("shanghai", { accidentDate: "2026-08-03", applicationReceivedDate: "2026-09-28" });
    }
  })
  .chain((c) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(c) },
      { weight: 1, arbitrary: fc.constant({ value: c.value, explanation: c.explanation }) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom("value", "explanation", "ruleSet"), junkArb).map(([k, v]) => ({ ...c, [k]: v })) },
      { weight: 1, arbitrary: junkArb },
    ),
  );

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

const scenarioArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VALID_FIXTURES.map((f) => f.scenario)) },
  { weight: 5, arbitrary: mutatedFixtureArb(VALID_FIXTURES).map((m) => m.scenario) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...kindNames()).chain((kind) =>
      fc.record({ id: fc.constant("fuzz"), province: provinceArb, kind: fc.constant(kind), input: kindInputArb(kind) }),
    ),
  },
  { weight: 1, arbitrary: junkArb },
);

/** The valid fixtures of the kinds a timeline is drawn for. */
const TIMELINE_FIXTURES = VALID_FIXTURES.filter((f) => (api.TIMELINE_KINDS as readonly unknown[]).includes(f.scenario.kind));
/** A scenario of a timeline kind (as written, or one field changed), or any scenario. */
const timelineScenarioArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TIMELINE_FIXTURES.map((f) => f.scenario)) },
  { weight: 3, arbitrary: mutatedFixtureArb(TIMELINE_FIXTURES).map((m) => m.scenario) },
  { weight: 1, arbitrary: scenarioArb },
);
/** A timeline source (a fixture's kind and input with its evaluation), damaged in one place, or junk. */
const timelineSourceArb: fc.Arbitrary<unknown> = fc
  .constantFrom(...TIMELINE_FIXTURES.map((f) => f.scenario))
  .map((s) => {
    const r = api.evaluateScenario(s);
    return { kind: s.kind, input: s.input as Record<string, unknown>, output: r.output as Record<string, unknown>, explanation: r.explanation, ruleSet: r.ruleSet };
  })
  .chain((src) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(src) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom("kind", "input", "output", "explanation", "ruleSet"), junkArb).map(([k, v]) => ({ ...src, [k]: v })) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(src.output), "extra"), junkArb).map(([k, v]) => ({ ...src, output: { ...src.output, [k]: v } })) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(src.input), "treatment"), junkArb).map(([k, v]) => ({ ...src, input: { ...src.input, [k]: v } })) },
      { weight: 1, arbitrary: fc.constantFrom(...api.kindNames()).map((kind) => ({ ...src, kind })) },
      { weight: 1, arbitrary: junkArb },
    ),
  );
/** A timeline (of a fixture), damaged in one place, or junk. */
const timelineArb: fc.Arbitrary<unknown> = fc
  .constantFrom(...TIMELINE_FIXTURES.map((f) => f.scenario))
  .map((s) => api.scenarioTimeline(s))
  .chain((t) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(t) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(t)), junkArb).map(([k, v]) => ({ ...t, [k]: v })) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom("date", "period", "movedFrom", "compliance", "citations", "start", "type"), junkArb)
          .map(([k, v]) => ({ ...t, deadlines: t.deadlines.map((d, i) => (i === 0 ? { ...d, [k]: v } : d)) })),
      },
      { weight: 1, arbitrary: junkArb },
    ),
  );
const timelineRenderOptionsArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.record({ format: or(fc.constantFrom("markdown", "mermaid", "json")), lang: or(fc.constantFrom("zh", "en")) }, { requiredKeys: [] }),
  junkArb,
);

/** Runs of scenarios (valid, damaged, defective), one field of a run damaged, or junk. */
const runArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scenarioArb.map((s) => api.runScenario(s)) },
  { weight: 2, arbitrary: fc.tuple(scenarioArb, fc.constantFrom("id", "pass", "mismatches", "error", "warnings", "explanation", "file"), junkArb).map(([s, k, v]) => ({ ...api.runScenario(s), [k]: v })) },
  { weight: 1, arbitrary: junkArb },
);
const reportOptionsArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.record({ reporter: or(fc.constantFrom(...api.REPORTERS)), lang: or(fc.constantFrom("zh", "en")) }, { requiredKeys: [] }),
  junkArb,
);

// ---------------------------------------------------------------------------------------------------------------
// The table

const provinceOnly = fc.tuple(provinceArb);
const none = fc.constant([] as const);

/** Runs a sequence of operations on one tally. */
type TallyOp =
  | { readonly op: "add"; readonly record: unknown }
  | { readonly op: "addAll"; readonly feed: Feed }
  | { readonly op: "addColumns"; readonly columns: unknown }
  | { readonly op: "merge"; readonly province: unknown; readonly records: readonly unknown[] }
  | { readonly op: "mergeJunk"; readonly value: unknown }
  | { readonly op: "counts" | "finish" | "records" };
const tallyOpArb: fc.Arbitrary<TallyOp> = fc.oneof(
  { weight: 4, arbitrary: recordArb.map((record) => ({ op: "add", record }) as const) },
  { weight: 2, arbitrary: feedArb(recordArb).filter((f) => f.kind !== "async").map((feed) => ({ op: "addAll", feed }) as const) },
  { weight: 2, arbitrary: columnsArb.map((columns) => ({ op: "addColumns", columns }) as const) },
  { weight: 1, arbitrary: fc.tuple(provinceArb, fc.array(recordArb, { maxLength: 3 })).map(([province, records]) => ({ op: "merge", province, records }) as const) },
  { weight: 1, arbitrary: junkArb.map((value) => ({ op: "mergeJunk", value }) as const) },
  { weight: 2, arbitrary: fc.constantFrom("counts", "finish", "records").map((op) => ({ op }) as const) },
);
async function runTally(args: readonly unknown[]): Promise<unknown[]> {
  const [province, options, ops, asyncFeedArg] = args as [unknown, unknown, readonly TallyOp[], Feed];
  const t = new OrderTally(province as never, options as never);
  const out: unknown[] = [];
  for (const o of ops) {
    // each operation may fail on its own (a bad record): the tally stays usable and consistent
    const r = await outcomeOf(async () => {
      switch (o.op) {
        case "add":
          return t.add(o.record as never).records;
        case "addAll":
          return t.addAll(materialise(o.feed) as never).records;
        case "addColumns":
          return t.addColumns(o.columns as never).records;
        case "merge": {
          const other = new OrderTally(o.province as never);
          for (const rec of o.records) {
            try {
              other.add(rec as never);
            } catch {
              // the bad records of the other tally are not under test here
            }
          }
          return t.merge(other).records;
        }
        case "mergeJunk":
          return t.merge(o.value as never).records;
        case "counts":
          return t.counts();
        case "finish":
          return t.finish();
        default:
          return t.records;
      }
    });
    out.push(r.ok ? r.value : r.error.code);
  }
  out.push((await t.addAllAsync(materialise(asyncFeedArg) as never).then(() => t.counts(), (e: unknown) => { if (api.isZhishangError(e)) return e.code; throw e; })));
  const c = t.counts();
  // the totals always agree with the rows
  expect(c.counted).toBe(c.rows.reduce((a, r) => a + r.counted, 0));
  expect(c.records).toBeGreaterThanOrEqual(c.counted);
  return out;
}

/** Rule-set files: the bundled ones written out, each with one field replaced by junk, or junk. */
const bundledFiles = api.bundledRuleSets().ids().map((id) => JSON.parse(JSON.stringify(api.ruleSetToFile(api.bundledRuleSets().byId(id)!))) as Record<string, unknown>);
const ruleSetFileArb = fc.oneof(
  fc.constantFrom(...bundledFiles),
  fc.tuple(fc.constantFrom(...bundledFiles), fc.constantFrom("id", "province", "validFrom", "params", "rules", "extends", "documents"), junkArb)
    .map(([f, k, v]) => ({ ...f, [k]: v })),
  junkArb,
);

const TABLE: Record<string, Entry> = {
  // errors
  isZhishangError: { args: fc.tuple(fc.oneof(junkArb, fc.constant(new ZhishangError("INVALID_INPUT", { zh: "错", en: "bad" })))) },
  ZhishangError: {
    // a constructor of the library's own error type: fuzzed over its typed domain (code, messages, path)
    args: fc.tuple(fc.constantFrom(...ERROR_CODES), fc.record({ zh: fc.string(), en: fc.string() }), fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.nat(99)), { maxLength: 4 }), fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.nat(9)), { maxLength: 3 })),
    call: ([code, messages, path, prefix]) => {
      const e = new ZhishangError(code as never, messages as never, path as never);
      const p = e.withPathPrefix(prefix as never);
      return { json: e.toJSON(), prefixed: p.toJSON(), name: e.name, isError: e instanceof Error && api.isZhishangError(p) };
    },
  },
  // citations
  renderCitation: { args: fc.tuple(citationArb) },
  citationId: { args: fc.tuple(citationArb) },
  // provinces
  getRuleSet: { args: fc.tuple(provinceArb, fc.oneof(fc.constant(undefined), dateOrJunk)) },
  isProvinceId: { args: fc.tuple(provinceArb) },
  parameterNames: { args: none, runs: 3 },
  // benefits
  computeDisabilityBenefits: { args: kindArgs("disability-benefits"), runs: 300 },
  computeDeathBenefits: { args: kindArgs("death-benefits"), runs: 300 },
  computeLivingGuarantee: { args: kindArgs("living-guarantee"), runs: 300 },
  qualifiesAsDependant: { args: kindInputArb("dependant-qualification").map((i) => [i] as const), runs: 300 },
  computeThirdPartyMedicalOffset: { args: kindArgs("third-party-medical-offset") },
  // calendar
  loadCalendar: {
    args: fc.tuple(fc.oneof(fc.constant(undefined), fc.array(calendarYearArb, { maxLength: 3 }), junkArb), fc.oneof(fc.constant(undefined), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }), junkArb)),
    call: ([extra, path]) => {
      const cal = api.loadCalendar(extra as never, path as never);
      return { years: cal.years(), sources: cal.sources() };
    },
  },
  isWorkingDay: { args: fc.tuple(dateOrJunk, calendarSpecArb), call: ([d, c]) => api.isWorkingDay(d as never, calendarOf(c as CalendarSpec) as never) },
  dayKind: { args: fc.tuple(dateOrJunk, calendarSpecArb), call: ([d, c]) => api.dayKind(d as never, calendarOf(c as CalendarSpec) as never) },
  nextWorkingDay: { args: fc.tuple(dateOrJunk, calendarSpecArb), call: ([d, c]) => api.nextWorkingDay(d as never, calendarOf(c as CalendarSpec) as never) },
  addWorkingDays: { args: fc.tuple(dateOrJunk, countArb(400), calendarSpecArb), call: ([d, n, c]) => api.addWorkingDays(d as never, n as never, calendarOf(c as CalendarSpec) as never) },
  countWorkingDays: { args: fc.tuple(dateOrJunk, dateOrJunk, calendarSpecArb), call: ([a, b, c]) => api.countWorkingDays(a as never, b as never, calendarOf(c as CalendarSpec) as never) },
  WorkingDayCalendar: {
    args: fc.tuple(calendarSpecArb.filter((s) => s.kind === "bundled" || s.kind === "loaded"), dateOrJunk, dayNumberArb, dayNumberArb, fc.oneof(fc.constant(undefined), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }), junkArb)),
    call: ([spec, date, a, b, path]) => {
      const cal = calendarOf(spec as CalendarSpec) as api.WorkingDayCalendar;
      const each = (f: () => unknown): unknown => {
        try {
          return f();
        } catch (e) {
          if (api.isZhishangError(e)) return e.code;
          throw e;
        }
      };
      return {
        years: cal.years(),
        covers: each(() => cal.covers(date as never)),
        sources: cal.sources(),
        between: each(() => cal.sourcesBetween(a as never, b as never)),
        kind: each(() => cal.kindOfDay(a as never, path as never)),
        working: each(() => cal.isWorkingDayNumber(b as never, path as never)),
      };
    },
  },
  bundledCalendarInputs: { args: none, runs: 3 },
  // periods
  calendarDayPeriod: { args: fc.tuple(dateOrJunk, countArb(400), periodOptionsArb) },
  monthPeriod: { args: fc.tuple(dateOrJunk, countArb(40), periodOptionsArb) },
  yearPeriod: { args: fc.tuple(dateOrJunk, countArb(5), periodOptionsArb) },
  workingDayPeriod: { args: fc.tuple(dateOrJunk, countArb(60), periodOptionsArb) },
  computePeriod: { args: fc.tuple(dateOrJunk, periodSpecArb, periodOptionsArb) },
  describePeriod: { args: fc.tuple(periodSpecArb) },
  // deadlines
  computeDeclarationDeadline: { args: kindArgs("declaration-deadline") },
  taxDeclarationDeadline: {
    args: fc.tuple(fc.oneof(fc.integer({ min: 2023, max: 2028 }), weirdNumberArb), fc.oneof(fc.integer({ min: 0, max: 13 }), weirdNumberArb), fc.oneof(fc.integer({ min: 0, max: 32 }), weirdNumberArb), calendarSpecArb, fc.oneof(fc.constant(undefined), junkArb)),
    call: ([y, m, d, c, p]) => api.taxDeclarationDeadline(y as never, m as never, d as never, (calendarOf(c as CalendarSpec) ?? BUNDLED_CALENDAR) as never, p as never),
  },
  computeClaimDeadlines: { args: kindArgs("claim-deadlines"), runs: 300 },
  claimTimelineEntries: { args: fc.tuple(claimSourceArb) },
  renderClaimTimeline: { args: fc.tuple(claimSourceArb, fc.oneof(fc.constant(undefined), fc.record({ lang: or(fc.constantFrom("zh", "en")) }, { requiredKeys: [] }), junkArb)) },
  timelineOf: { args: fc.tuple(timelineSourceArb, fc.oneof(fc.constant(undefined), fc.constant({ rules: "qinghai" }), fc.record({ rules: junkArb }), junkArb)) },
  scenarioTimeline: { args: fc.tuple(timelineScenarioArb, fc.oneof(fc.constant(undefined), fc.constant({ registry: api.bundledRuleSets() }), junkArb)), runs: 300 },
  renderTimeline: { args: fc.tuple(timelineArb, timelineRenderOptionsArb) },
  computeTimeLimit: { args: kindArgs("time-limit"), runs: 300 },
  timeLimitCatalogue: { args: provinceOnly },
  allTimeLimitCatalogues: { args: none, runs: 3 },
  // eligibility and liability
  assessEligibility: { args: kindArgs("eligibility"), runs: 300 },
  assessLiability: { args: kindArgs("liability"), runs: 300 },
  findResponsiblePlatform: {
    args: fc.oneof(
      fromSchema({ ...inputSchemaOf("liability"), properties: pick(inputSchemaOf("liability").properties ?? {}, ["accidentAt", "activity", "orders", "accidentRouteKey", "designatedBy"]) }),
      kindInputArb("liability"),
      junkArb,
    ).map((i) => [i] as const),
    runs: 300,
  },
  // premiums
  computeRatePerOrder: {
    args: fc.tuple(provinceArb, or(fc.record({ industry: or(fc.constantFrom(...INDUSTRIES), 8), month: fc.oneof(monthArb, junkArb), floatPercent: fc.oneof(fc.constantFrom(50, 90, 100, 110, 150, 200), weirdNumberArb), baseAmount: fc.oneof(fc.constantFrom("0.07", "0.25", "0.18", "0.01", "0.5"), badMoneyArb), monthsContributed: fc.oneof(fc.integer({ min: 0, max: 36 }), weirdNumberArb) }, { requiredKeys: ["industry", "month"] })), optionsArb),
    runs: 300,
  },
  computeRateReview: { args: kindArgs("rate-review"), runs: 300 },
  computeMonthlyPremium: { args: kindArgs("monthly-premium"), runs: 300 },
  computeMonthlyContributions: {
    args: fc.oneof(
      // coherent: the counts of one month of orders, priced for that month (valid rates or near misses)
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...PROVINCES), fc.constantFrom("2025-10", "2026-03", "2026-08", "2026-12", "2027-06", "2028-02"), fc.array(validRecordArb, { maxLength: 8 }), ratesArb, optionsArb)
          .map(([p, month, rs, rates, options]) => {
            const inMonth = rs.map((r) => (r.status === "in-progress" ? r : { ...r, endedAt: `${month}-15T12:00:00+08:00` }));
            return [p, countOrders(p, inMonth).value, { orderMonth: month, rates: rates.filter((_, k) => k % 2 === 0) }, options] as const;
          }),
      },
      { weight: 2, arbitrary: fc.tuple(provinceArb, countsArb, or(fc.record({ orderMonth: fc.oneof(monthArb, junkArb), rates: ratesArb }, { requiredKeys: ["orderMonth"] })), optionsArb) },
    ),
    runs: 300,
  },
  decideOrder: { args: fc.tuple(provinceArb, recordArb, optionsArb), runs: 300 },
  countOrders: { args: fc.tuple(provinceArb, feedArb(recordArb).filter((f) => f.kind !== "async"), optionsArb), call: ([p, f, o]) => api.countOrders(p as never, materialise(f as Feed) as never, o as never) },
  countOrdersAsync: {
    args: fc.tuple(provinceArb, feedArb(fc.oneof(recordArb, fc.array(recordArb, { maxLength: 3 }))), optionsArb),
    call: ([p, f, o]) => api.countOrdersAsync(p as never, materialise(f as Feed) as never, o as never),
  },
  countOrderColumns: {
    args: fc.tuple(provinceArb, fc.oneof(columnsArb, fc.array(columnsArb, { maxLength: 3 })), optionsArb),
  },
  mergeOrderCounts: { args: fc.array(countsArb, { maxLength: 4 }) },
  exclusionColumn: { args: fc.tuple(or(fc.constantFrom(...api.ORDER_EXCLUSIONS))), runs: 30 },
  orderCountsSql: {
    args: fc.tuple(provinceArb, fc.oneof(fc.constant(undefined), fc.record({ dialect: or(fc.constantFrom("duckdb", "postgres")), table: or(fc.constantFrom("orders", "t1", "bad name")) }, { requiredKeys: [] }), junkArb)),
    runs: 60,
  },
  orderCountsFromRows: {
    args: fc.tuple(provinceArb, fc.oneof(fc.array(fc.record({
      platform: or(fc.constantFrom("didi", "meituan")), industry: or(fc.constantFrom("ride-hailing", "instant-delivery")),
      month: or(fc.constantFrom("2026-08", null)), counted: or(fc.nat(1000)),
    }), { maxLength: 3 }), junkArb)),
    runs: 100,
  },
  scenarioKinds: { args: none, runs: 3 },
  OrderTally: {
    args: fc.tuple(provinceArb, optionsArb, fc.array(tallyOpArb, { maxLength: 8 }), feedArb(fc.oneof(recordArb, fc.array(recordArb, { maxLength: 3 })))),
    call: runTally,
    runs: 200,
  },
  // the fund
  computeServiceFee: { args: kindArgs("service-fee") },
  computePrepayment: {
    args: fc.tuple(provinceArb, or(fc.record({ firstYear: or(fc.boolean(), 8), annualFundingBudget: fc.oneof(moneyArb, badMoneyArb), monthlyBenefitSpend: fc.oneof(moneyArb, badMoneyArb), agencyBalance: fc.oneof(moneyArb, badMoneyArb), insurerBalance: fc.oneof(moneyArb, badMoneyArb) }, { requiredKeys: ["firstYear"] })), optionsArb),
    runs: 300,
  },
  computeGapSharing: { args: kindArgs("gap-sharing"), runs: 300 },
  // rule sets as data
  bundledRuleSets: { args: none, runs: 3 },
  loadRuleSet: { args: fc.tuple(ruleSetFileArb) },
  validateRuleSet: { args: fc.tuple(ruleSetFileArb), call: ([f]) => api.validateRuleSet(f).map((e) => e.toJSON()) },
  ruleSetToFile: { args: fc.tuple(fc.constantFrom(...api.bundledRuleSets().ids().map((id) => api.bundledRuleSets().byId(id)))) },
  ruleSetFileSchema: { args: none, runs: 3, call: () => typeof api.ruleSetFileSchema().safeParse },
  RuleSetRegistry: { args: fc.tuple(ruleSetFileArb), call: ([f]) => api.RuleSetRegistry.empty().load(f).ids() },
  // scenarios and rendering
  evaluateScenario: { args: fc.tuple(scenarioArb), runs: 400 },
  safeEvaluateScenario: {
    args: fc.tuple(scenarioArb),
    call: ([s]) => {
      const r = api.safeEvaluateScenario(s);
      return r.ok ? r.value : { error: r.error.toJSON() };
    },
  },
  runScenario: { args: fc.tuple(fc.oneof(scenarioArb, fc.constantFrom(...VALID_FIXTURES.map((f) => f.scenario)).chain((s) => fc.record({ ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, fc.constant(v)])), expect: fc.dictionary(fc.string({ maxLength: 12 }), junkArb, { maxKeys: 3 }) })))) },
  scenarioDefects: {
    args: fc.tuple(scenarioArb, fc.oneof(fc.constant(undefined), fc.constant({ registry: api.bundledRuleSets() }), junkArb)),
    call: ([s, o]) => api.scenarioDefects(s, o as never).map((e) => e.toJSON()),
  },
  formatReport: { args: fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.array(runArb, { maxLength: 4 }) }, { weight: 1, arbitrary: junkArb }), reportOptionsArb), runs: 300 },
  formatRun: { args: fc.tuple(runArb, fc.oneof(fc.constant(undefined), fc.record({ lang: or(fc.constantFrom("zh", "en")) }, { requiredKeys: [] }), junkArb)), runs: 300 },
  scenarioJsonSchema: { args: fc.tuple(or(fc.constantFrom(...kindNames()), 4)), runs: 60 },
  outputJsonSchema: { args: fc.tuple(or(fc.constantFrom(...kindNames()), 4)), runs: 60 },
  explanationJsonSchema: { args: none, runs: 3 },
  scenarioEnvelopeJsonSchema: { args: none, runs: 3 },
  kindNames: { args: none, runs: 3 },
  // batch evaluation (src/scenario/batch.ts)
  defaultProcessData: { args: none, runs: 3, call: () => api.defaultProcessData().calendars },
  loadProcessData: {
    args: fc.tuple(fc.oneof(
      fc.record({
        calendars: or(fc.array(fc.record({ file: fc.constantFrom("a.json", "b.json"), value: fc.oneof(fc.constantFrom({ year: 2027, off: [["2027-01-01", "2027-01-01"]], work: [] }, { year: 2028, off: [], work: [] }), junkArb) }), { maxLength: 2 })),
        statistics: or(fc.array(fc.record({ file: fc.constant("s.json"), value: fc.oneof(fc.record({ nationalUrbanDisposableIncome: fc.array(fc.record({ year: fc.integer({ min: 2020, max: 2030 }), value: fc.oneof(moneyArb, badMoneyArb) }), { maxLength: 3 }) }), junkArb) }), { maxLength: 2 })),
        ruleSets: or(fc.array(fc.record({ file: fc.constant("r.json"), value: ruleSetFileArb }), { maxLength: 1 })),
      }, { requiredKeys: [] }),
      junkArb,
    )),
    call: ([f]) => {
      const d = api.loadProcessData(f as never);
      return { ids: d.registry.ids(), calendars: d.calendars, statistics: d.statistics };
    },
    runs: 200,
  },
  evaluateDocument: {
    args: fc.tuple(fc.oneof(scenarioArb, junkArb), fc.constant(api.defaultProcessData()), fc.oneof(fc.record({ explain: fc.boolean() }), fc.record({ explain: junkArb }))),
    runs: 300,
  },
  statisticsJsonSchema: { args: none, runs: 3 },
  explain: { args: fc.tuple(fc.oneof(explanationArb, explanationArb.map((explanation) => ({ explanation })), junkArb), explainOptionsArb) },
  explanationToText: { args: fc.tuple(explanationArb, or(fc.constantFrom("zh", "en"))) },
};

function pick<T>(o: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k] as T]));
}

/** The exported functions (and classes), by name. */
const EXPORTED_FUNCTIONS = Object.entries(api)
  .filter(([, v]) => typeof v === "function")
  .map(([k]) => k)
  .sort();

/** What one call produced, for comparing two calls: the value (fingerprinted) or the error code and path. */
function fingerprintOutcome(o: Outcome): string {
  return o.ok ? `ok ${fingerprint(o.value)}` : `error ${o.error.code} ${JSON.stringify(o.error.path)}`;
}

describe("public API (property)", () => {
  test("every exported function has an entry in the table", () => {
    expect(EXPORTED_FUNCTIONS.filter((k) => !(k in TABLE)), "exports without arbitraries").toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !EXPORTED_FUNCTIONS.includes(k)), "entries without an export").toEqual([]);
    expect(EXPORTED_FUNCTIONS.length).toBeGreaterThanOrEqual(55);
  });

  test.each(Object.keys(TABLE).sort())("%s: a sound value or a typed error; input untouched; repeatable", async (name) => {
    const entry = TABLE[name] as Entry;
    const fn = (api as unknown as Record<string, Fn>)[name] as Fn;
    const call = entry.call ?? ((args: readonly unknown[]) => fn(...args));
    let values = 0;
    await fc.assert(
      fc.asyncProperty(entry.args, async (args) => {
        deepFreeze(args);
        const before = fingerprint(args);
        const first = await outcomeOf(() => call(args));
        expect(fingerprint(args), "the arguments were changed").toBe(before);
        if (first.ok) {
          values += 1;
          expectSound(first.value, `${name} value`);
        }
        const second = await outcomeOf(() => call(args));
        expect(fingerprintOutcome(second), "a second call gave another outcome").toBe(fingerprintOutcome(first));
      }),
      fcParams(entry.runs ?? 150),
    );
    // the arbitraries reach the rules, not only the validator (the constants-only functions always succeed)
    expect(values, `${name}: no call succeeded`).toBeGreaterThan(0);
  }, 120_000);

  test("the fuzzed functions really compute: a known case through the same path", () => {
    expect(computeDisabilityBenefits("qinghai", { grade: 4, avgMonthlyWage: "6000.00" }).value.benefitBase).toBe("3600.00");
    expect(TIME_LIMIT_IDS.length).toBeGreaterThan(10);
  });
});
