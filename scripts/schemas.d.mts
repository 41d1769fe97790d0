/** Types of scripts/schemas.mjs (the JSON Schema generator), for the tests. */
export interface SchemaSource {
  kindNames(): string[];
  scenarioJsonSchema(kind: string): Record<string, unknown>;
  outputJsonSchema(kind: string): Record<string, unknown>;
  explanationJsonSchema(): Record<string, unknown>;
  scenarioEnvelopeJsonSchema(): Record<string, unknown>;
  ruleSetFileSchema(): import("zod").ZodType;
  statisticsJsonSchema(): Record<string, unknown>;
}
export declare const SCHEMA_DIR: string;
export declare function ruleSetSchema(lib: SchemaSource): Record<string, unknown>;
export declare function renderSchemas(lib: SchemaSource): Map<string, string>;
