/**
 * The JSON Schemas (draft 2020-12) a caller in another language needs beside each kind's input schema
 * ({@link scenarioJsonSchema}): the envelope every scenario shares, each kind's output and the explanation. The
 * package ships them as files too: schemas/scenario.json, schemas/<kind>.output.json, schemas/explanation.json
 * (docs/scenarios.md, "Output and explanation schemas").
 */
import { EXPLANATION_SCHEMA_SOURCE, OUTPUT_DEFINITIONS, OUTPUT_SCHEMA_SOURCES, type JsonSchemaObject } from "./output-schemas.js";
import { kindNames, scenarioJsonSchema, unknownKind } from "./scenario.js";

const BASE = "https://zhishang.dev/schemas/";
const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** A fresh copy of `schema` with the definitions it uses, so that a caller may change what it is given. */
function withDefinitions(head: Record<string, unknown>, schema: JsonSchemaObject, defs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...head, $schema: DRAFT, ...structuredClone(schema) };
  if (defs.length > 0) out.$defs = Object.fromEntries(defs.map((d) => [d, structuredClone(OUTPUT_DEFINITIONS[d])]));
  return out;
}

/**
 * JSON Schema (draft 2020-12) of a scenario kind's output: the `output` of {@link evaluateScenario}, the `value`
 * of the kind's function. Generated from the TypeScript output interface and its TSDoc (descriptions, `required`,
 * `null` where allowed, `enum`s); money is a string with two decimal places, a decimal a string, a date
 * `YYYY-MM-DD` (`format: "date"`), a month `YYYY-MM`. Shipped as `schemas/<kind>.output.json`; an unknown kind is
 * `INVALID_INPUT`.
 *
 * @example
 * ```ts
 * const schema = outputJsonSchema("service-fee");
 * schema.$id; // "https://zhishang.dev/schemas/service-fee.output.json"
 * schema.required; // ["fixedPart", "floatingPart", "total", "floatingPercent"]
 * (schema.properties as { total: { pattern: string } }).total.pattern; // "^-?\\d+\\.\\d{2}$"
 * outputJsonSchema("no-such-kind"); // throws INVALID_INPUT
 * ```
 */
export function outputJsonSchema(kind: string): Record<string, unknown> {
  const source = Object.hasOwn(OUTPUT_SCHEMA_SOURCES, kind) ? OUTPUT_SCHEMA_SOURCES[kind] : undefined;
  if (source === undefined) throw unknownKind(kind);
  const about = `The output of a "${kind}" scenario: what ${source.functionName} computes.`;
  return withDefinitions({
    $id: `${BASE}${kind}.output.json`,
    title: `zhishang output: ${kind}`,
    description: source.description === "" ? about : `${source.description} ${about}`,
  }, source.schema, source.defs);
}

/**
 * JSON Schema (draft 2020-12) of an explanation: the ordered steps every computation and scenario returns
 * (`explanation`), each with its rule, citations, inputs, parameters (value and provenance) and result. Shipped
 * as `schemas/explanation.json`.
 *
 * @example
 * ```ts
 * const schema = explanationJsonSchema();
 * schema.$id; // "https://zhishang.dev/schemas/explanation.json"
 * schema.type; // "array"
 * (schema.$defs as { ExplanationStep: { required: string[] } }).ExplanationStep.required;
 * // ["step", "rule", "title", "citations", "inputs", "parameters", "result"]
 * ```
 */
export function explanationJsonSchema(): Record<string, unknown> {
  const source = EXPLANATION_SCHEMA_SOURCE;
  return withDefinitions({
    $id: `${BASE}explanation.json`,
    title: "zhishang explanation",
    description: `${source.description} The \`explanation\` of every scenario, next to its \`output\`.`,
  }, source.schema, source.defs);
}

/**
 * JSON Schema (draft 2020-12) of the envelope every scenario shares (schemas/scenario.json): the properties of
 * every kind's schema, `kind` one of {@link kindNames}, `input` left to the kind's own schema
 * ({@link scenarioJsonSchema}), never `expect` together with `expectError`, and a `province` or a `ruleSet`.
 *
 * @example
 * ```ts
 * const schema = scenarioEnvelopeJsonSchema();
 * schema.$id; // "https://zhishang.dev/schemas/scenario.json"
 * schema.required; // ["id", "kind", "input"]
 * (schema.properties as { kind: { enum: string[] } }).kind.enum.includes("disability-benefits"); // true
 * ```
 */
export function scenarioEnvelopeJsonSchema(): Record<string, unknown> {
  const kinds = kindNames();
  // Every kind's schema states the same envelope (the same zod shape); only `kind` and `input` differ.
  const { $id: _id, title: _title, $schema, type, properties, required, additionalProperties, ...rest } = scenarioJsonSchema(kinds[0] as string);
  const shared: Record<string, unknown> = { ...(properties as Record<string, unknown>) };
  delete shared.kind;
  delete shared.input;
  return {
    $id: `${BASE}scenario.json`,
    title: "zhishang scenario (any kind)",
    description:
      "The envelope shared by every scenario kind. `input` is checked by the kind's own schema, " +
      `${BASE}<kind>.json (schemas/<kind>.json in the package).`,
    $schema,
    type,
    properties: {
      ...shared,
      kind: { type: "string", enum: kinds },
      input: { description: "The kind's input: see schemas/<kind>.json." },
    },
    required,
    additionalProperties,
    ...rest,
    not: { required: ["expect", "expectError"] },
    anyOf: [{ required: ["province"] }, { required: ["ruleSet"] }],
  };
}
