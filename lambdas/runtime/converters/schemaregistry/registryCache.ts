// What a container knows of each schema registry, kept at module level so it outlives a Lambda invocation and is
// shared by every converter that names the same registry: schemas by id (immutable in a registry, so never expired),
// the ids of schemas registered or looked up per subject, the latest version per subject (use.latest.version) and the
// referenced schemas a Protobuf or JSON Schema imports. Concurrent requests for the same thing share one fetch.
import { RegistryClient, type RegisteredSchema, type SchemaReference } from './RegistryClient.js';
import type { RegistrySettings } from './registryConfig.js';

export class RegistryCache {
  private readonly byId = new Map<number, Promise<RegisteredSchema>>();
  private readonly byReference = new Map<string, Promise<RegisteredSchema>>();
  private readonly latest = new Map<string, Promise<RegisteredSchema>>();
  /** Parsed readers by format and id: `AVRO:12` -> the format's reader. */
  readonly readers = new Map<string, unknown>();
  /** `subject \0 schema text` -> id, for schemas this container registered or looked up. */
  readonly ids = new Map<string, number>();

  constructor(readonly client: RegistryClient) {}

  schemaById(id: number): Promise<RegisteredSchema> {
    return this.once(this.byId, id, () => this.client.schemaById(id));
  }

  latestVersion(subject: string): Promise<RegisteredSchema> {
    return this.once(this.latest, subject, () => this.client.version(subject, 'latest'));
  }

  /** The texts of every schema `references` names, transitively, by reference name (the import path or $ref). */
  async referencedSchemas(references: readonly SchemaReference[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const visit = async (refs: readonly SchemaReference[]): Promise<void> => {
      for (const ref of refs) {
        if (out.has(ref.name)) continue;
        const key = `${ref.subject}\0${ref.version}`;
        const schema = await this.once(this.byReference, key, () => this.client.version(ref.subject, ref.version));
        out.set(ref.name, schema.schema);
        await visit(schema.references);
      }
    };
    await visit(references);
    return out;
  }

  private once<K>(map: Map<K, Promise<RegisteredSchema>>, key: K, load: () => Promise<RegisteredSchema>): Promise<RegisteredSchema> {
    let pending = map.get(key);
    if (pending === undefined) {
      pending = load();
      map.set(key, pending);
      // A failed fetch is not remembered: the next batch asks again.
      pending.catch(() => map.delete(key));
    }
    return pending;
  }
}

const caches = new Map<string, RegistryCache>();

/** The container-wide cache for a registry (its URLs and credentials). */
export function registryCache(settings: RegistrySettings): RegistryCache {
  const key = `${settings.urls.join(',')}\0${settings.userInfo ?? ''}`;
  let cache = caches.get(key);
  if (cache === undefined) {
    cache = new RegistryCache(new RegistryClient(settings.urls, settings.userInfo));
    caches.set(key, cache);
  }
  return cache;
}
