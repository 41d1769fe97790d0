/**
 * The OpenAPI 3.1 description of the HTTP service (`GET /openapi.json`): the service's own request and response
 * shapes written as zod schemas and converted with `z.toJSONSchema` (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1), each kind's scenario schema (the same zod schemas `scenarioJsonSchema` converts) and output
 * schema, and the explanation schema, under `components.schemas`.
 */
import { z } from "zod";
import { ERROR_CODES, explanationJsonSchema, kindNames, LIBRARY_VERSION, outputJsonSchema, scenarioJsonSchema } from "zhishang";
import { MAX_JSON_DEPTH, SERVICE_ERROR_CODES } from "./body.js";

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** The `error` of every refusal. */
export const errorSchema = z.object({
  code: z.enum([...ERROR_CODES, ...SERVICE_ERROR_CODES]).describe("the library's error code, or the service's for a refusal of the request itself"),
  message: z.string().describe("both languages: \"<en> / <zh>\""),
  messageZh: z.string(),
  messageEn: z.string(),
  path: z.array(z.union([z.string(), z.number()])).describe("where in the document the error lies, outermost first"),
});

/** `{ id?, error }`: a refused scenario, or a refused request (no id). */
export const errorBodySchema = z.object({ id: z.string().optional(), error: errorSchema });

/** A successful evaluation, `output` and `explanation` by reference (filled in by {@link openApiDocument}). */
const successShape = {
  id: z.string().optional().describe("the scenario's id, when it has one"),
  output: z.object({}).passthrough().describe("the kind's output: see the kind's output schema"),
  explanation: z.array(z.unknown()).optional().describe("the explanation steps; absent with ?explain=none"),
  ruleSet: z.string().describe("the id of the rule-set version used (\"+overrides\" when an override replaced a parameter)"),
  assumptions: z.array(z.object({ name: z.string(), reason: bilingual })).describe("the assumed parameters the result rests on"),
  version: z.string().describe("the library's version"),
};
const successSchema = z.object(successShape);

const kindsSchema = z.object({
  kinds: z.array(z.object({ kind: z.string(), title: bilingual, functionName: z.string(), schemas: z.string().describe("the path of the kind's schemas") })),
});

const schemasSchema = z.object({
  kind: z.string(),
  input: z.object({}).passthrough().describe("JSON Schema (2020-12) of the kind's scenario document"),
  output: z.object({}).passthrough().describe("JSON Schema (2020-12) of the kind's output"),
});

const versionSchema = z.object({ id: z.string(), name: bilingual, validFrom: z.string(), validTo: z.string().nullable(), extends: z.string().nullable() });
const ruleSetsSchema = z.object({ ruleSets: z.array(z.object({ province: z.string(), versions: z.array(versionSchema) })) });

const renderedCitationSchema = z.object({ id: z.string(), doc: z.string(), zh: z.string(), en: z.string() }).passthrough();
const ruleSetSchema = z.object({
  ruleSet: z.object({ id: z.string(), province: z.string() }).passthrough().describe("the rule set as a complete rule-set file (schemas/rule-set.json), which loads back unchanged"),
  extends: z.string().nullable().describe("the rule set it was built on, or null"),
  versions: z.array(z.string()).describe("the ids of the province's versions, oldest first"),
  parameters: z.array(z.object({
    name: z.string(),
    value: z.unknown(),
    provenance: z.object({ kind: z.enum(["seed", "national", "assumed", "caller"]), reason: bilingual.optional() }),
    citations: z.array(renderedCitationSchema),
  })).describe("every parameter the rule set defines, with its provenance and its citations rendered in both languages"),
});

const healthSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  inFlight: z.number().int().describe("evaluation requests in progress"),
  maxConcurrent: z.number().int(),
});

/** A zod schema as JSON Schema 2020-12 without `$schema` (an OpenAPI 3.1 schema object). */
function schemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

/** `schema` with `$schema` and `$id` dropped and each `#/$defs/X` pointing at `#/components/schemas/X`; its `$defs` into `defs`. */
function component(schema: Record<string, unknown>, defs: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _s, $id: _i, $defs, ...rest } = schema;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, unknown>)) defs[name] = def;
  return rest;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/") ? `#/components/schemas/${v.slice("#/$defs/".length)}` : rewriteRefs(v);
  }
  return out;
}

/** What of the running service its description states. */
export interface OpenApiContext {
  /** The provinces whose rule sets are loaded. */
  readonly provinces: readonly string[];
  readonly bodyLimit: number;
  readonly maxConcurrent: number;
}

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const pascal = (kind: string): string => kind.split("-").map((w) => `${w[0]?.toUpperCase() ?? ""}${w.slice(1)}`).join("");

/**
 * The OpenAPI 3.1 document of the service: every path, its parameters, request bodies and responses (each with
 * the `x-zhishang-version` header), the JSON Schemas of every kind's scenario and output.
 *
 * @example
 * ```ts
 * const doc = openApiDocument({ provinces: ["qinghai"], bodyLimit: 10485760, maxConcurrent: 64 });
 * doc.openapi; // "3.1.0"
 * Object.keys(doc.paths as object).includes("/v1/evaluate"); // true
 * ```
 */
export function openApiDocument(context: OpenApiContext): Record<string, unknown> {
  const KINDS = kindNames().map((kind) => ({ kind }));
  const defs: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const k of KINDS) {
    schemas[`${pascal(k.kind)}Scenario`] = component(scenarioJsonSchema(k.kind), defs);
    schemas[`${pascal(k.kind)}Output`] = component(outputJsonSchema(k.kind), defs);
  }
  schemas.Explanation = component(explanationJsonSchema(), defs);
  const anyScenario = { anyOf: KINDS.map((k) => ref(`${pascal(k.kind)}Scenario`)) };
  schemas.Scenario = { description: "a scenario document of any kind", ...anyScenario };
  const success = schemaOf(successSchema) as { properties: Record<string, unknown> };
  success.properties.output = { description: "the kind's output", anyOf: KINDS.map((k) => ref(`${pascal(k.kind)}Output`)) };
  success.properties.explanation = { ...ref("Explanation"), description: "the explanation steps; absent with ?explain=none" };
  schemas.EvaluationResult = success;
  schemas.ErrorBody = schemaOf(errorBodySchema);
  schemas.EvaluationLine = { anyOf: [ref("EvaluationResult"), ref("ErrorBody")] };
  schemas.Kinds = schemaOf(kindsSchema);
  schemas.KindSchemas = schemaOf(schemasSchema);
  schemas.RuleSets = schemaOf(ruleSetsSchema);
  schemas.RuleSetDetail = schemaOf(ruleSetSchema);
  schemas.Health = schemaOf(healthSchema);
  Object.assign(schemas, defs);

  const headers = { "x-zhishang-version": { description: "the library's version", schema: { type: "string" } } };
  const response = (description: string, schema: unknown, type = "application/json"): Record<string, unknown> => ({
    description,
    headers,
    content: { [type]: { schema } },
  });
  const error = (description: string): Record<string, unknown> => response(description, ref("ErrorBody"));
  const common = {
    "404": error("no such path, kind, province or version (NOT_FOUND, RULE_NOT_IN_FORCE)"),
    "405": error("the path does not take this method (METHOD_NOT_ALLOWED); the Allow header lists those it takes"),
  };
  const evaluating = {
    "408": error("the body did not arrive within the request timeout (REQUEST_TIMEOUT); the connection is closed"),
    "413": error(`the body is larger than the limit, ${context.bodyLimit} bytes (BODY_TOO_LARGE)`),
    "503": error(`${context.maxConcurrent} evaluation requests are in progress already (OVERLOADED); Retry-After: 1`),
  };
  const explain = {
    name: "explain",
    in: "query",
    required: false,
    description: "full (the default): each result with its explanation; none: the decision only",
    schema: { type: "string", enum: ["full", "none"], default: "full" },
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "zhishang",
      version: LIBRARY_VERSION,
      summary: "职伤 — China's occupational-injury protection for platform workers, as a service",
      description:
        "Evaluates scenarios (docs/scenarios.md) with the rule sets, holiday years and statistics the service was started with. " +
        `A request document may nest at most ${MAX_JSON_DEPTH} levels. Every response carries x-zhishang-version.`,
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths: {
      "/v1/evaluate": {
        post: {
          operationId: "evaluate",
          summary: "Evaluate one scenario",
          description:
            "The same JSON as `zhishang eval`. 400: the body is not a scenario envelope (not JSON or UTF-8, nested too deep, not an object, " +
            "an unknown or malformed envelope field, an unknown kind or province). 422: the evaluation refused the scenario (its input, " +
            "its own rule set, holiday years or overrides, or any evaluation error code).",
          parameters: [explain],
          requestBody: { required: true, content: { "application/json": { schema: ref("Scenario") } } },
          responses: {
            "200": response("the result", ref("EvaluationResult")),
            "400": error("the body is not a scenario envelope"),
            "422": error("the evaluation refused the scenario"),
            ...common,
            ...evaluating,
          },
        },
      },
      "/v1/batch": {
        post: {
          operationId: "batch",
          summary: "Evaluate many scenarios, results in order",
          description:
            "A JSON array of scenarios gives an array of results in the same order; NDJSON (content-type: application/x-ndjson, one " +
            "scenario a line, blank lines skipped) gives NDJSON back, one line per scenario line, each starting with `line` (1-based). " +
            "200 whatever the scenarios give; each refused one is an `{ id?, error }` item.",
          parameters: [explain],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { type: "array", items: ref("Scenario") } },
              "application/x-ndjson": { schema: { type: "string", description: "one scenario document per line" } },
            },
          },
          responses: {
            "200": {
              description: "one result per scenario, in order",
              headers,
              content: {
                "application/json": { schema: { type: "array", items: ref("EvaluationLine") } },
                "application/x-ndjson": { schema: { type: "string", description: "one JSON line per scenario line: { line, id?, … } with the fields of EvaluationLine" } },
              },
            },
            "400": error("the body is not a JSON array (or not UTF-8)"),
            ...common,
            ...evaluating,
          },
        },
      },
      "/v1/kinds": {
        get: { operationId: "kinds", summary: "The scenario kinds", responses: { "200": response("the kinds", ref("Kinds")), ...common } },
      },
      "/v1/schemas/{kind}": {
        get: {
          operationId: "kindSchemas",
          summary: "A kind's input and output JSON Schemas",
          parameters: [{ name: "kind", in: "path", required: true, schema: { type: "string", enum: KINDS.map((k) => k.kind) } }],
          responses: { "200": response("the schemas", ref("KindSchemas")), ...common },
        },
      },
      "/v1/rule-sets": {
        get: { operationId: "ruleSets", summary: "The rule sets loaded, by province", responses: { "200": response("the rule sets", ref("RuleSets")), ...common } },
      },
      "/v1/rule-sets/{province}": {
        get: {
          operationId: "ruleSet",
          summary: "One rule set with every parameter, its provenance and citations",
          parameters: [
            { name: "province", in: "path", required: true, schema: { type: "string", examples: [...context.provinces] } },
            { name: "asOf", in: "query", required: false, description: "the date whose version is wanted (default: the newest)", schema: { type: "string", format: "date" } },
          ],
          responses: { "200": response("the rule set", ref("RuleSetDetail")), "400": error("asOf is not a date YYYY-MM-DD"), ...common },
        },
      },
      "/healthz": {
        get: { operationId: "health", summary: "200 when ready", responses: { "200": response("ready", ref("Health")), ...common } },
      },
      "/openapi.json": {
        get: { operationId: "openApi", summary: "This description", responses: { "200": response("OpenAPI 3.1", { type: "object" }), ...common } },
      },
    },
    components: { schemas: rewriteRefs(schemas) },
  };
}
