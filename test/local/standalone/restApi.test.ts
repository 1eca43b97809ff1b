// `npm start`'s REST server over real HTTP: Kafka Connect's curl flow, and pipelines that survive a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStandalone } from '../../../local/standalone.js';
import { SEED } from '../../helpers/apiHarness.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-standalone-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('standalone REST server', () => {
  it('serves the seed flow over HTTP and keeps pipelines across a restart', async () => {
    // Prepare
    const first = await startStandalone({ restPort: 0, kafkaPort: 0, dataDir, logger: quiet });
    // Act
    const created = await fetch(`${first.url}/connectors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(SEED) });
    const bad = await fetch(`${first.url}/connectors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'not json' });
    await first.stop();
    const second = await startStandalone({ restPort: 0, kafkaPort: 0, dataDir, logger: quiet });
    const config = await fetch(`${second.url}/connectors/${SEED.name}/config`);
    const names = await fetch(`${second.url}/connectors`);
    await second.stop();
    // Assess
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/connectors/${SEED.name}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error_code: 400, message: expect.stringMatching(/^Request body is not valid JSON/) });
    expect(await config.json()).toEqual({ ...SEED.config, name: SEED.name });
    expect(await names.json()).toEqual([SEED.name]);
  });

  it('keeps nothing on disk without a data directory', async () => {
    const a = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet });
    await fetch(`${a.url}/connectors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(SEED) });
    await a.stop();
    const b = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet });
    const names = await (await fetch(`${b.url}/connectors`)).json();
    await b.stop();
    expect(names).toEqual([]);
  });
});
