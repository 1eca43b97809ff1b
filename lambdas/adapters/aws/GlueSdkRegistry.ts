// The Glue converter's registry port over @aws-sdk/client-glue: GetSchemaVersion to read a schema by its version id,
// GetSchemaByDefinition to find the version id of a schema being written, and with auto-registration
// RegisterSchemaVersion (or CreateSchema when the schema does not exist yet) — the calls the Glue SerDe makes. A
// version still PENDING (Glue checking its compatibility) is polled with GetSchemaVersion until it is AVAILABLE.
// Failures to reach Glue are RetriableErrors (the batch is retried); a definition Glue refuses (FAILURE status, an
// invalid definition) and a schema missing without auto-registration are DataErrors.
import {
  CreateSchemaCommand,
  GetSchemaByDefinitionCommand,
  GetSchemaVersionCommand,
  type GetSchemaVersionCommandOutput,
  GlueClient,
  RegisterSchemaVersionCommand,
} from '@aws-sdk/client-glue';
import { ConfigError, DataError, RetriableError } from '../../connect-api/errors.js';
import type { GlueClientSettings, GlueRegistryClient, GlueSchemaTarget, GlueSchemaVersion } from '../../runtime/converters/glue/GlueRegistryClient.js';
import { definitionProblem, MAX_DESCRIPTION, nameProblem, VERSION_ID_PATTERN } from '../../runtime/converters/glue/glueLimits.js';
import { isAwsError } from './awsErrors.js';

/** Errors that say the request itself is wrong, which retrying cannot fix. */
const INVALID = ['InvalidInputException', 'ValidationException', 'AccessDeniedException'];

export interface GlueSdkRegistryOptions {
  /** How many times a PENDING version is read again before the batch is retried instead. @default 10 */
  readonly pendingPolls?: number;
  /** Wait between those reads. @default 200 */
  readonly pendingDelayMs?: number;
}

export class GlueSdkRegistry implements GlueRegistryClient {
  private readonly pendingPolls: number;
  private readonly pendingDelayMs: number;

  constructor(
    private readonly glue: GlueClient,
    options: GlueSdkRegistryOptions = {},
  ) {
    this.pendingPolls = options.pendingPolls ?? 10;
    this.pendingDelayMs = options.pendingDelayMs ?? 200;
  }

  static create(settings: GlueClientSettings): GlueSdkRegistry {
    return new GlueSdkRegistry(new GlueClient({ ...(settings.region ? { region: settings.region } : {}), ...(settings.endpoint ? { endpoint: settings.endpoint } : {}) }));
  }

  async getSchemaVersion(schemaVersionId: string): Promise<GlueSchemaVersion> {
    if (!VERSION_ID_PATTERN.test(schemaVersionId)) throw new DataError(`'${schemaVersionId}' is not a Glue schema version id (36 characters of letters, digits and -)`);
    let out: GetSchemaVersionCommandOutput;
    try {
      out = await this.glue.send(new GetSchemaVersionCommand({ SchemaVersionId: schemaVersionId }));
    } catch (e) {
      throw new RetriableError(`Could not fetch Glue schema version ${schemaVersionId}: ${(e as Error).name}: ${(e as Error).message}`, { cause: e });
    }
    if (out.SchemaDefinition === undefined) throw new RetriableError(`Glue schema version ${schemaVersionId} came back without a definition (status ${out.Status ?? 'unknown'})`);
    return { schemaVersionId, dataFormat: out.DataFormat ?? 'AVRO', definition: out.SchemaDefinition };
  }

  async schemaVersionIdFor(target: GlueSchemaTarget): Promise<string> {
    const problem = nameProblem('registry.name', target.registryName) ?? nameProblem('schemaName', target.schemaName);
    if (problem) throw new ConfigError(problem);
    const definitionIssue = definitionProblem(target.definition);
    if (definitionIssue) throw new DataError(`Cannot register the record's schema in AWS Glue: ${definitionIssue}`);
    const SchemaId = { RegistryName: target.registryName, SchemaName: target.schemaName };
    try {
      const found = await this.glue.send(new GetSchemaByDefinitionCommand({ SchemaId, SchemaDefinition: target.definition }));
      if (found.SchemaVersionId) return await this.available(found.SchemaVersionId, found.Status);
    } catch (e) {
      if (!isAwsError(e, 'EntityNotFoundException')) throw this.failure(target, e);
    }
    if (!target.autoRegister) {
      throw new DataError(`Schema not found in AWS Glue registry ${target.registryName} schema ${target.schemaName}, and schemaAutoRegistrationEnabled is false`);
    }
    try {
      const registered = await this.glue.send(new RegisterSchemaVersionCommand({ SchemaId, SchemaDefinition: target.definition }));
      return await this.available(registered.SchemaVersionId ?? '', registered.Status);
    } catch (e) {
      if (!isAwsError(e, 'EntityNotFoundException')) throw this.failure(target, e);
    }
    try {
      const created = await this.glue.send(
        new CreateSchemaCommand({
          RegistryId: { RegistryName: target.registryName },
          SchemaName: target.schemaName,
          DataFormat: target.dataFormat,
          Compatibility: target.compatibility as never,
          SchemaDefinition: target.definition,
          ...(target.description ? { Description: target.description.slice(0, MAX_DESCRIPTION) } : {}),
        }),
      );
      return await this.available(created.SchemaVersionId ?? '', created.SchemaVersionStatus);
    } catch (e) {
      // Another writer created it first: its version is there now.
      if (isAwsError(e, 'AlreadyExistsException')) return this.schemaVersionIdFor(target);
      throw this.failure(target, e);
    }
  }

  private failure(target: GlueSchemaTarget, e: unknown): Error {
    if (e instanceof DataError || e instanceof RetriableError) return e;
    const message = `AWS Glue registry ${target.registryName} schema ${target.schemaName}: ${(e as Error).name}: ${(e as Error).message}`;
    return isAwsError(e, ...INVALID) ? new DataError(message, { cause: e }) : new RetriableError(message, { cause: e });
  }

  /** The version id once Glue has accepted it; polls while it is PENDING. */
  private async available(schemaVersionId: string, status: string | undefined): Promise<string> {
    let s = status;
    for (let i = 0; s === 'PENDING' && i < this.pendingPolls; i++) {
      await new Promise((resolve) => setTimeout(resolve, this.pendingDelayMs));
      s = (await this.glue.send(new GetSchemaVersionCommand({ SchemaVersionId: schemaVersionId }))).Status;
    }
    if (s === 'AVAILABLE' || s === undefined) {
      if (!VERSION_ID_PATTERN.test(schemaVersionId)) throw new RetriableError(`AWS Glue answered no schema version id (status ${s ?? 'unknown'})`);
      return schemaVersionId;
    }
    if (s === 'PENDING') throw new RetriableError(`AWS Glue schema version ${schemaVersionId} is still PENDING`);
    throw new DataError(`AWS Glue schema version ${schemaVersionId} is ${s}: the registry refused the schema (incompatible with the schema's compatibility setting?)`);
  }
}
