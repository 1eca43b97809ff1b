// The AWS Glue API's constraints on the parameters the converter sends (AWS Glue API reference: SchemaId,
// RegistryId, GetSchemaVersion, GetSchemaByDefinition, RegisterSchemaVersion, CreateSchema; e.g.
// https://docs.aws.amazon.com/glue/latest/webapi/API_GetSchemaByDefinition.html), checked before a request goes out
// so a name the API would refuse fails the pipeline's configuration instead of every batch.

/** RegistryName and SchemaName: 1 to 255 characters of [a-zA-Z0-9-_$#.]. */
export const NAME_PATTERN = /^[a-zA-Z0-9-_$#.]{1,255}$/;
/** SchemaDefinition: 1 to 170000 characters, not only whitespace. */
export const MAX_DEFINITION = 170_000;
/** SchemaVersionId: 36 characters of [a-zA-Z0-9-] (a UUID). */
export const VERSION_ID_PATTERN = /^[a-zA-Z0-9-]{36}$/;
/** Description (CreateSchema): at most 2048 characters. */
export const MAX_DESCRIPTION = 2048;
/** Compatibility (CreateSchema). */
export const COMPATIBILITIES = ['NONE', 'DISABLED', 'BACKWARD', 'BACKWARD_ALL', 'FORWARD', 'FORWARD_ALL', 'FULL', 'FULL_ALL'] as const;

export function nameProblem(what: string, name: string): string | undefined {
  return NAME_PATTERN.test(name) ? undefined : `${what} '${name}' is not a Glue name: 1 to 255 characters of letters, digits, -, _, $, # and .`;
}

export function definitionProblem(definition: string): string | undefined {
  if (definition.length > MAX_DEFINITION) return `the schema definition is ${definition.length} characters, more than the ${MAX_DEFINITION} AWS Glue accepts`;
  if (!/\S/.test(definition)) return 'the schema definition is empty';
  return undefined;
}
