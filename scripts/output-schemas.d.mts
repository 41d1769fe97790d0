/** Types of scripts/output-schemas.mjs (the output-schema generator), for the tests. */
type Schema = Record<string, unknown>;
export interface BuiltKind {
  readonly kind: string;
  readonly functionName: string;
  readonly description: string;
  readonly schema: Schema;
  readonly fields: string[];
  readonly defs: string[];
}
export interface BuiltOutputSchemas {
  readonly kinds: BuiltKind[];
  readonly explanation: { readonly description: string; readonly schema: Schema; readonly defs: string[] };
  readonly definitions: Record<string, Schema>;
}
export declare const OUTPUT_SCHEMAS_MODULE: string;
export declare const OUTPUT_FIELDS_MODULE: string;
export declare function buildOutputSchemas(): BuiltOutputSchemas;
export declare function renderOutputFields(built: BuiltOutputSchemas): string;
export declare function renderOutputSchemasModule(built: BuiltOutputSchemas): string;
export declare function renderOutputModules(built?: BuiltOutputSchemas): Map<string, string>;
