// Standalone mode runs the embedded schema registry next to the broker, keeps it in the data directory, and starts
// none when told to use another registry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStandalone } from '../../../local/standalone.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('standalone mode with the embedded schema registry', () => {
  it('serves the registry, keeps its schemas in the data directory across a restart, and uses an external one instead when given', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'p16reg-standalone-'));
    try {
      const first = await startStandalone({ restPort: 0, kafkaPort: 0, schemaRegistryPort: 0, dataDir, logger: quiet, pollIntervalMs: 3_600_000 });
      const url = first.schemaRegistryUrl ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const schema = JSON.stringify({ type: 'record', name: 'Kept', fields: [{ name: 'a', type: 'int' }] });
      const res = await fetch(`${url}/subjects/p16reg-standalone-value/versions`, { method: 'POST', headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' }, body: JSON.stringify({ schema }) });
      const { id } = (await res.json()) as { id: number };
      await first.stop();

      const second = await startStandalone({ restPort: 0, kafkaPort: 0, schemaRegistryPort: 0, dataDir, logger: quiet, pollIntervalMs: 3_600_000 });
      const kept = await fetch(`${second.schemaRegistryUrl ?? ''}/schemas/ids/${id}`);
      expect(await kept.json()).toEqual({ schema });
      await second.stop();

      const external = await startStandalone({ restPort: 0, kafkaPort: 0, schemaRegistryUrl: 'http://sr.example:8081', logger: quiet, pollIntervalMs: 3_600_000 });
      expect(external.schemaRegistryUrl).toBe('http://sr.example:8081');
      await external.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
