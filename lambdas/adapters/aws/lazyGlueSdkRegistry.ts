// The Glue converter's registry factory for the task functions: GlueSdkRegistry (with @aws-sdk/client-glue) imported
// on the first request a converter sends, a chunk of its own in the task bundle. Every pipeline's function provides
// the factory at start; only the pipelines that use the AWS Glue converter load the Glue client.
import type { GlueClientSettings, GlueRegistryClient, GlueRegistryFactory } from '../../runtime/converters/glue/GlueRegistryClient.js';

export const lazyGlueSdkRegistry: GlueRegistryFactory = (settings: GlueClientSettings): GlueRegistryClient => {
  let client: Promise<GlueRegistryClient> | undefined;
  const get = (): Promise<GlueRegistryClient> => {
    client ??= import('./GlueSdkRegistry.js').then(
      (m) => m.GlueSdkRegistry.create(settings),
      (e: unknown) => {
        // A failed import is tried again by the next request.
        client = undefined;
        throw e;
      },
    );
    return client;
  };
  return {
    getSchemaVersion: async (schemaVersionId) => (await get()).getSchemaVersion(schemaVersionId),
    schemaVersionIdFor: async (target) => (await get()).schemaVersionIdFor(target),
  };
};
