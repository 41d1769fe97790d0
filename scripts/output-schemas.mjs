#!/usr/bin/env node
/**
 * The output contracts, generated from the TypeScript types (docs/scenarios.md, "Output and explanation schemas"):
 *
 * - src/scenario/output-schemas.ts: the JSON Schema (draft 2020-12) of every scenario kind's output and of the
 *   explanation, as data read by `outputJsonSchema(kind)` / `explanationJsonSchema()` (and by scripts/schemas.mjs,
 *   which writes them to schemas/<kind>.output.json and schemas/explanation.json);
 * - src/scenario/output-fields.ts: `OUTPUT_FIELDS`, the top-level fields of each kind's output.
 *
 * A kind's output type is read from src/scenario/kinds.ts: for `kindOf(fn)`, the `value` of what `fn` returns
 * (`defineRule<S, O>` → `Computation<O>`); for a kind declared inline, the return type of its `functionName`
 * (exported by src/index.ts). Descriptions are the TSDoc of the interfaces and their properties. What a string or a
 * number holds (money, a decimal, a date, a month, an integer…) TypeScript does not say: FIELD_FORMATS below says it
 * per property name, and a string or number property it does not name stops the generator (docs/decisions.md,
 * "Output schemas").
 *
 *   node scripts/output-schemas.mjs           write both files; run by `npm run build` before tsup
 *   node scripts/output-schemas.mjs --check   exit 1 when either differs from what would be written
 *
 * test/output-schemas.test.ts renders the same files and compares them with the committed ones.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The generated files, relative to the package root. */
export const OUTPUT_SCHEMAS_MODULE = "src/scenario/output-schemas.ts";
export const OUTPUT_FIELDS_MODULE = "src/scenario/output-fields.ts";

/** What the strings of the outputs hold: the JSON Schema keywords each adds. */
const STRING_FORMATS = {
  /** An amount of money in yuan, two decimal places (formatMoney). */
  money: { pattern: "^-?\\d+\\.\\d{2}$" },
  /** A decimal string, exact (a rate, a ratio, a percentage, an unrounded base). */
  decimal: { pattern: "^-?\\d+(\\.\\d+)?$" },
  date: { format: "date", pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$" },
  month: { pattern: "^\\d{4}-(0[1-9]|1[0-2])$" },
  /** An instant with its offset, e.g. 2026-03-01T08:00:00+08:00. */
  "date-time": { format: "date-time" },
  /** Any text: a name, an id, a rule id, a citation. */
  text: {},
};
const NUMBER_FORMATS = { integer: { type: "integer" }, number: { type: "number" } };

/**
 * What each string or number property of the outputs and the explanation holds, by property name; a key
 * `Type.property` wins over the bare name for that type. Every string and number property must be named here, and
 * every entry must be used: a new field is classified on purpose.
 */
const FIELD_FORMATS = {
  // money: two decimal places
  amount: "money", amountDue: "money", benefitBase: "money", dependantPensionTotal: "money", dependantPensions: "money",
  fixedPart: "money", floatingPart: "money", fundPays: "money", funeralSubsidy: "money", gap: "money",
  monthlyDisabilityAllowance: "money", monthlyNursingAllowance: "money", monthlyPensionTopUp: "money",
  offset: "money", oneTimeAllowance: "money", oneTimeDeathSubsidy: "money", oneTimeDisabilitySubsidy: "money",
  paidAmount: "money", periodicBenefitBase: "money", refundDue: "money", topUpDue: "money", total: "money",
  agencyPrepayment: "money", agencyTopUp: "money", insurerPrepayment: "money", insurerTopUp: "money",
  // decimal strings: exact, as many places as they have
  baseAmount: "decimal", benefitBaseExact: "decimal", floatingPercent: "decimal", payoutRatio: "decimal",
  periodicBenefitBaseExact: "decimal", ratePerOrder: "decimal", suggestedBaseAmount: "decimal",
  suggestedRatePerOrder: "decimal", "DeathBenefits.nationalUrbanDisposableIncome.value": "decimal",
  // dates
  applicationExtensionLimit: "date", benefitReviewDeadline: "date", confirmationDeadline: "date",
  confirmationDeliveryDeadline: "date", deadline: "date", declarationDeadline: "date", effectiveFrom: "date",
  from: "date", nominalDeadline: "date", paidFrom: "date", paidUntil: "date", payableUntil: "date",
  periodStart: "date", platformApplicationDeadline: "date", platformBearsCostsFrom: "date",
  platformBearsCostsUntil: "date", reassessmentRequestDeadline: "date", supplementDeadline: "date", to: "date",
  treatmentPeriodEnd: "date", treatmentPeriodMaxEnd: "date", until: "date", workerApplicationDeadline: "date",
  // months
  declarationMonth: "month", firstPaymentMonth: "month", month: "month", orderMonth: "month",
  // texts
  citation: "text", decision: "text", doc: "text", en: "text", excludedBenefits: "text", failedChecks: "text",
  id: "text", label: "text", name: "text", note: "text", ordersInProgress: "text", platformName: "text",
  responsibleOrderId: "text", responsiblePlatform: "text", responsiblePlatformName: "text", rounding: "text",
  rule: "text", section: "text", zh: "text",
  // numbers
  age: "integer", article: "integer", days: "integer", daysInMonth: "integer", daysInPeriod: "integer",
  holidayDaysInPeriod: "integer", item: "integer", orders: "integer", paragraph: "integer", reviewYear: "integer",
  step: "integer", year: "integer",
  floatPercent: "number", percent: "number", suggestedFloatPercent: "number",
};

function fail(message) {
  throw new Error(`scripts/output-schemas.mjs: ${message}`);
}

/** TSDoc text as a plain description: `{@link X}` → X, `{@link X | text}` → text, whitespace collapsed. */
function plain(parts) {
  const text = ts.displayPartsToString(parts);
  return text
    .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)\s*(?:\|\s*([^}]*))?\}/g, (_m, target, label) => (label ?? target).trim())
    .replace(/\s+/g, " ")
    .trim();
}

function program() {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), (p) => readFileSync(p, "utf8"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram([join(ROOT, "src", "index.ts")], { ...parsed.options, noEmit: true });
}

function stringLiteral(obj, name) {
  const p = obj.properties.find((q) => ts.isPropertyAssignment(q) && q.name.getText() === name);
  if (p === undefined || !ts.isStringLiteral(p.initializer)) return undefined;
  return p.initializer.text;
}

/** The kinds of src/scenario/kinds.ts in table order: name, function name and output type. */
function kindTypes(p, checker) {
  const file = p.getSourceFile(join(ROOT, "src", "scenario", "kinds.ts"));
  const index = p.getSourceFile(join(ROOT, "src", "index.ts"));
  if (file === undefined || index === undefined) fail("src/scenario/kinds.ts or src/index.ts not found");
  const exportsOf = checker.getExportsOfModule(checker.getSymbolAtLocation(index));
  let table;
  ts.forEachChild(file, function find(n) {
    if (ts.isVariableDeclaration(n) && n.name.getText() === "SCENARIO_KINDS" && n.initializer !== undefined && ts.isArrayLiteralExpression(n.initializer)) {
      table = n.initializer;
    } else ts.forEachChild(n, find);
  });
  if (table === undefined) fail("SCENARIO_KINDS is not an array literal in src/scenario/kinds.ts");
  const valueOf = (type, what) => {
    const sig = type.getCallSignatures()[0];
    if (sig === undefined) fail(`${what} is not a function`);
    const ret = sig.getReturnType();
    const value = ret.getProperty("value");
    // A computation (`Computation<O>`) carries its output in `value`, next to its explanation.
    return value !== undefined && ret.getProperty("explanation") !== undefined ? checker.getTypeOfSymbol(value) : ret;
  };
  return table.elements.map((e) => {
    if (ts.isCallExpression(e) && e.expression.getText() === "kindOf" && e.arguments.length === 1) {
      let sym = checker.getSymbolAtLocation(e.arguments[0]);
      if (sym !== undefined && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
      const decl = sym?.valueDeclaration;
      const call = decl !== undefined && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
      const spec = call !== undefined && ts.isCallExpression(call) ? call.arguments[0] : undefined;
      if (spec === undefined || !ts.isObjectLiteralExpression(spec)) fail(`${e.getText()}: not declared as defineRule({ … })`);
      const kind = stringLiteral(spec, "kind");
      const functionName = stringLiteral(spec, "functionName");
      if (kind === undefined || functionName === undefined) fail(`${e.getText()}: kind or functionName is not a string literal`);
      return { kind, functionName, type: valueOf(checker.getTypeOfSymbol(sym), functionName) };
    }
    if (ts.isObjectLiteralExpression(e)) {
      const kind = stringLiteral(e, "kind");
      const functionName = stringLiteral(e, "functionName");
      if (kind === undefined || functionName === undefined) fail("an inline kind without a literal kind and functionName");
      const exported = exportsOf.find((s) => s.name === functionName);
      if (exported === undefined) fail(`${kind}: ${functionName} is not exported by src/index.ts`);
      const sym = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      return { kind, functionName, type: valueOf(checker.getTypeOfSymbol(sym), functionName) };
    }
    return fail(`SCENARIO_KINDS: cannot read the element ${e.getText().slice(0, 60)}`);
  });
}

/** Converts TypeScript types to JSON Schema, collecting the named object types in `defs`. */
class Converter {
  constructor(checker) {
    this.checker = checker;
    /** name → { schema, type } */
    this.defs = new Map();
    this.used = new Set();
  }

  /** The project's own name of an object type (an interface, or an alias of an object type), else undefined. */
  nameOf(type) {
    const alias = type.aliasSymbol;
    if (alias !== undefined) {
      if ((type.aliasTypeArguments?.length ?? 0) > 0) return undefined;
      return this.isOwn(alias) ? alias.name : undefined;
    }
    const sym = type.symbol;
    if (sym === undefined || !(sym.flags & ts.SymbolFlags.Interface)) return undefined;
    // an instance of a generic interface (Param<T>) has no one name: inline
    if (type.objectFlags & ts.ObjectFlags.Reference && this.checker.getTypeArguments(type).length > 0) return undefined;
    return this.isOwn(sym) ? sym.name : undefined;
  }

  isOwn(sym) {
    const file = sym.declarations?.[0]?.getSourceFile().fileName;
    return file !== undefined && relative(ROOT, file).split(sep)[0] === "src";
  }

  isJson(type) {
    return type.aliasSymbol?.name === "Json" && this.isOwn(type.aliasSymbol);
  }

  /** The schema of `type` as the value of `owner.prop` (which says what a string or number holds). */
  convert(type, owner, prop) {
    if (this.isJson(type)) return {};
    const c = this.checker;
    if (type.isUnion()) return this.union(type, owner, prop);
    if (type.flags & ts.TypeFlags.StringLiteral) return { type: "string", const: type.value };
    if (type.flags & ts.TypeFlags.NumberLiteral) return { type: "number", const: type.value };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { type: "boolean", const: c.typeToString(type) === "true" };
    if (type.flags & ts.TypeFlags.Boolean) return { type: "boolean" };
    if (type.flags & ts.TypeFlags.String) return { type: "string", ...this.format(owner, prop, "string") };
    if (type.flags & ts.TypeFlags.Number) return this.format(owner, prop, "number");
    if (type.flags & ts.TypeFlags.Null) return { type: "null" };
    if (c.isTupleType(type)) {
      const items = c.getTypeArguments(type).map((t) => this.convert(t, owner, prop));
      return { type: "array", prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    if (c.isArrayType(type)) return { type: "array", items: this.convert(c.getTypeArguments(type)[0], owner, prop) };
    if (type.flags & ts.TypeFlags.Object) {
      const name = this.nameOf(type);
      // an anonymous object is named after where it is: Type.property
      if (name === undefined) return this.object(type, `${owner}.${prop}`);
      const known = this.defs.get(name);
      if (known === undefined) {
        this.defs.set(name, { type, schema: null });
        const schema = this.object(type, name);
        const doc = type.aliasSymbol ?? type.symbol;
        const description = plain(doc.getDocumentationComment(c));
        this.defs.set(name, { type, schema: description === "" ? schema : { description, ...schema } });
      } else if (known.type !== type) {
        fail(`two different types are named ${name}`);
      }
      return { $ref: `#/$defs/${name}` };
    }
    return fail(`${owner}.${prop}: cannot express ${c.typeToString(type)} in JSON Schema`);
  }

  union(type, owner, prop) {
    const members = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = members.filter((t) => !(t.flags & ts.TypeFlags.Null));
    const bools = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const others = rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
    if (bools.length === 2 && others.length === 0) return { type: nullable ? ["boolean", "null"] : "boolean" };
    if (rest.length > 0 && rest.every((t) => t.flags & ts.TypeFlags.StringLiteral)) {
      const values = rest.map((t) => t.value);
      return { type: nullable ? ["string", "null"] : "string", enum: nullable ? [...values, null] : values };
    }
    const schemas = rest.map((t) => this.convert(t, owner, prop));
    if (schemas.length === 1) {
      const only = schemas[0];
      if (!nullable) return only;
      if (typeof only.type === "string" && only.$ref === undefined && only.enum === undefined && only.const === undefined) {
        return { ...only, type: [only.type, "null"] };
      }
      return { anyOf: [only, { type: "null" }] };
    }
    return { anyOf: nullable ? [...schemas, { type: "null" }] : schemas };
  }

  format(owner, prop, primitive) {
    const key = FIELD_FORMATS[`${owner}.${prop}`] !== undefined ? `${owner}.${prop}` : prop;
    const f = FIELD_FORMATS[key];
    if (f === undefined) fail(`${owner}.${prop}: a ${primitive} that FIELD_FORMATS does not classify`);
    this.used.add(key);
    const table = primitive === "string" ? STRING_FORMATS : NUMBER_FORMATS;
    if (!(f in table)) fail(`${owner}.${prop}: "${f}" is not a ${primitive} format`);
    return table[f];
  }

  object(type, owner) {
    const c = this.checker;
    const properties = {};
    const required = [];
    for (const p of c.getPropertiesOfType(type)) {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      const t = decl === undefined ? c.getTypeOfSymbol(p) : c.getTypeOfSymbolAtLocation(p, decl);
      const schema = this.convert(t, owner, p.name);
      const description = plain(p.getDocumentationComment(c));
      properties[p.name] = description === "" ? schema : { description, ...schema };
      if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.name);
    }
    const index = c.getIndexInfoOfType(type, ts.IndexKind.String);
    if (index !== undefined) {
      if (Object.keys(properties).length > 0) fail(`${owner}: properties and an index signature together`);
      return { type: "object", additionalProperties: this.convert(index.type, owner, "[key]") };
    }
    return { type: "object", properties, required, additionalProperties: false };
  }

  /** The names of the definitions `schema` refers to, directly or through other definitions, sorted. */
  refsOf(schema, out = new Set()) {
    const walk = (v) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (k === "$ref" && typeof x === "string") {
            const name = x.replace("#/$defs/", "");
            if (!out.has(name)) {
              out.add(name);
              walk(this.defs.get(name).schema);
            }
          } else walk(x);
        }
      }
    };
    walk(schema);
    return [...out].sort();
  }
}

/**
 * The output contracts from the types: `kinds` (kind → { functionName, description, schema, defs, fields }),
 * `explanation` ({ description, schema, defs }) and `definitions` (name → schema, shared by all).
 */
export function buildOutputSchemas() {
  const p = program();
  const checker = p.getTypeChecker();
  const conv = new Converter(checker);
  const kinds = [];
  for (const { kind, functionName, type } of kindTypes(p, checker)) {
    const name = conv.nameOf(type);
    if (name === undefined) fail(`${kind}: the output of ${functionName} is not a named interface`);
    const schema = conv.object(type, name);
    const description = plain((type.aliasSymbol ?? type.symbol).getDocumentationComment(checker));
    kinds.push({ kind, functionName, description, schema, fields: Object.keys(schema.properties) });
  }
  const explain = p.getSourceFile(join(ROOT, "src", "core", "explain.ts"));
  const explanationSym = checker.getExportsOfModule(checker.getSymbolAtLocation(explain)).find((s) => s.name === "Explanation");
  if (explanationSym === undefined) fail("src/core/explain.ts does not export Explanation");
  const explanationType = checker.getDeclaredTypeOfSymbol(explanationSym);
  const explanation = {
    description: plain(explanationSym.getDocumentationComment(checker)),
    schema: conv.convert(explanationType, "Explanation", "steps"),
  };
  const unused = Object.keys(FIELD_FORMATS).filter((k) => !conv.used.has(k));
  if (unused.length > 0) fail(`FIELD_FORMATS names fields no output has: ${unused.join(", ")}`);
  for (const k of kinds) k.defs = conv.refsOf(k.schema);
  explanation.defs = conv.refsOf(explanation.schema);
  const definitions = Object.fromEntries([...conv.defs.keys()].sort().map((n) => [n, conv.defs.get(n).schema]));
  return { kinds, explanation, definitions };
}

const HEADER = (what) => `/**
 * Generated by scripts/output-schemas.mjs from the TypeScript types of the outputs and the explanation: do not
 * edit; \`npm run build\` regenerates it and test/output-schemas.test.ts checks that it is up to date.
 *
 * ${what}.
 */
`;

/** The text of src/scenario/output-fields.ts. */
export function renderOutputFields(built) {
  const lines = built.kinds.map((k) => `  ${JSON.stringify(k.kind)}: [${k.fields.map((f) => JSON.stringify(f)).join(", ")}],`);
  return `${HEADER("The properties of each kind's output interface")}
/**
 * The top-level fields of each scenario kind's output (\`evaluateScenario(s).output\`), by kind, in the order the
 * output interface declares them; an optional field is listed too (schemas/<kind>.output.json says which are
 * required).
 *
 * @example
 * \`\`\`ts
 * OUTPUT_FIELDS["service-fee"]; // ["fixedPart", "floatingPart", "total", "floatingPercent"]
 * \`\`\`
 */
export const OUTPUT_FIELDS: Readonly<Record<string, readonly string[]>> = {
${lines.join("\n")}
};
`;
}

/** The text of src/scenario/output-schemas.ts. */
export function renderOutputSchemasModule(built) {
  const kinds = Object.fromEntries(built.kinds.map((k) => [k.kind, {
    functionName: k.functionName, description: k.description, schema: k.schema, defs: k.defs,
  }]));
  return `${HEADER("The data of schemas/<kind>.output.json and schemas/explanation.json, assembled by src/scenario/schemas.ts")}
/** A JSON Schema as data. */
export type JsonSchemaObject = { readonly [keyword: string]: unknown };

/** An output schema before its \`$id\` and \`$defs\` are added: the function, its TSDoc, the schema and the definitions it uses. */
export interface OutputSchemaSource {
  readonly functionName: string;
  readonly description: string;
  readonly schema: JsonSchemaObject;
  readonly defs: readonly string[];
}

/** The definitions the output and explanation schemas share, by type name. */
export const OUTPUT_DEFINITIONS: Readonly<Record<string, JsonSchemaObject>> = ${JSON.stringify(built.definitions, null, 2)};

/** Each kind's output schema, by kind. */
export const OUTPUT_SCHEMA_SOURCES: Readonly<Record<string, OutputSchemaSource>> = ${JSON.stringify(kinds, null, 2)};

/** The explanation's schema. */
export const EXPLANATION_SCHEMA_SOURCE: Omit<OutputSchemaSource, "functionName"> = ${JSON.stringify(built.explanation, null, 2)};
`;
}

/** Both generated files, path → text. */
export function renderOutputModules(built = buildOutputSchemas()) {
  return new Map([
    [OUTPUT_SCHEMAS_MODULE, renderOutputSchemasModule(built)],
    [OUTPUT_FIELDS_MODULE, renderOutputFields(built)],
  ]);
}

function main(argv) {
  const files = renderOutputModules();
  const check = argv.includes("--check");
  let stale = 0;
  for (const [path, text] of files) {
    let old = null;
    try {
      old = readFileSync(join(ROOT, path), "utf8");
    } catch {
      // new file
    }
    if (old === text) continue;
    if (check) {
      process.stderr.write(`${path}: out of date\n`);
      stale += 1;
    } else writeFileSync(join(ROOT, path), text);
  }
  if (check && stale > 0) {
    process.stderr.write("run `node scripts/output-schemas.mjs` (or `npm run build`) to regenerate them\n");
    return 1;
  }
  if (!check) process.stdout.write(`${OUTPUT_SCHEMAS_MODULE}, ${OUTPUT_FIELDS_MODULE}: output schemas of the scenario kinds\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
