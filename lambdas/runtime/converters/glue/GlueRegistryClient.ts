// The port the Glue converter reaches the AWS Glue Schema Registry through (lambdas/adapters/aws/GlueSdkRegistry.ts
// implements it with @aws-sdk/client-glue; the runtime imports no SDK). The Lambda entry points and standalone mode
// provide the factory once per process; a converter created without one fails its configuration.
import { ConfigError } from '../../../connect-api/errors.js';

export type GlueDataFormat = 'AVRO' | 'JSON';

export interface GlueSchemaVersion {
  readonly schemaVersionId: string;
  readonly dataFormat: GlueDataFormat | string;
  readonly definition: string;
}

/** Where a written record's schema is registered: the registry, the schema (Glue's name for a subject) and its format. */
export interface GlueSchemaTarget {
  readonly registryName: string;
  readonly schemaName: string;
  readonly dataFormat: GlueDataFormat;
  readonly definition: string;
  /** Register a new version (or create the schema) when the registry does not have this definition. */
  readonly autoRegister: boolean;
  /** The compatibility a schema created by auto-registration gets (the SerDe's `compatibility`). */
  readonly compatibility: string;
  /** The description a schema created by auto-registration gets. */
  readonly description?: string;
}

export interface GlueRegistryClient {
  /** GetSchemaVersion by SchemaVersionId; rejects with a RetriableError when it cannot be fetched. */
  getSchemaVersion(schemaVersionId: string): Promise<GlueSchemaVersion>;
  /**
   * The schema version id of `target.definition` under the schema (GetSchemaByDefinition), registering it when absent
   * and auto-registration is on (RegisterSchemaVersion, or CreateSchema when the schema itself does not exist).
   */
  schemaVersionIdFor(target: GlueSchemaTarget): Promise<string>;
}

export interface GlueClientSettings {
  readonly region?: string;
  /** Another endpoint than the Region's (the SerDe's `endpoint`, e.g. a VPC endpoint). */
  readonly endpoint?: string;
}

export type GlueRegistryFactory = (settings: GlueClientSettings) => GlueRegistryClient;

let factory: GlueRegistryFactory | undefined;
const clients = new Map<string, GlueRegistryClient>();

/** Called once per process by the code that may reach AWS (the sink and source entry points, standalone mode). */
export function provideGlueRegistry(f: GlueRegistryFactory | undefined): void {
  factory = f;
  clients.clear();
}

/** One client per Region and endpoint for the container's life (its caches with it). */
export function glueRegistryClient(settings: GlueClientSettings): GlueRegistryClient {
  if (!factory) throw new ConfigError('The AWS Glue Schema Registry converter has no AWS Glue client here: it runs in the sink and source functions and in standalone mode');
  const key = `${settings.region ?? ''}|${settings.endpoint ?? ''}`;
  let c = clients.get(key);
  if (!c) {
    c = factory(settings);
    clients.set(key, c);
  }
  return c;
}
