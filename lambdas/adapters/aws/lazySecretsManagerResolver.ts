// The task functions' secret resolver with @aws-sdk/client-secrets-manager imported on the first secret it resolves (a
// chunk of its own in the task bundles): only pipelines whose config names a ${secretsmanager:...} value, and SCRAM
// authentication, load the Secrets Manager client.
import type { SecretReference, SecretResolver } from '../../runtime/ports/SecretResolver.js';

export function lazySecretsManagerResolver(): SecretResolver {
  let resolver: Promise<SecretResolver> | undefined;
  const get = (): Promise<SecretResolver> => {
    resolver ??= Promise.all([import('@aws-sdk/client-secrets-manager'), import('./SecretsManagerResolver.js')])
      .then(([{ SecretsManagerClient }, { SecretsManagerResolver }]) => new SecretsManagerResolver(new SecretsManagerClient({})))
      .catch((e: unknown) => {
        // Tried again by the next secret.
        resolver = undefined;
        throw e;
      });
    return resolver;
  };
  return { resolve: async (ref: SecretReference) => (await get()).resolve(ref) };
}
