// Start-up failures a user can fix come out as typed errors the CLI can explain, and leave nothing running behind.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError } from '../../../local/dataDirLock.js';
import { PortUnavailableError } from '../../../local/listen.js';
import { startStandalone } from '../../../local/standalone.js';
import { freePort } from '../../helpers/freePort.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-startup-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function listening(port = 0): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
const portOf = (s: Server) => (s.address() as { port: number }).port;
const close = (s: Server) => new Promise((r) => s.close(r));

describe('standalone start-up failures', () => {
  it('rejects a taken REST port with PortUnavailableError(rest) before opening the data directory', async () => {
    const taken = await listening();
    const port = portOf(taken);
    const error = await startStandalone({ restPort: port, kafkaPort: 0, dataDir: join(dataDir, 'rest'), logger: quiet }).catch((e: unknown) => e);
    await close(taken);
    expect(error).toBeInstanceOf(PortUnavailableError);
    expect(error).toMatchObject({ listener: 'rest', port, code: 'EADDRINUSE' });
    expect(existsSync(join(dataDir, 'rest'))).toBe(false);
  });

  it('rejects a taken Kafka port with PortUnavailableError(kafka) and releases the REST port and the directory', async () => {
    // Prepare: a REST port known to be free, and a taken Kafka port
    const restPort = await freePort();
    const taken = await listening();
    const kafkaPort = portOf(taken);
    // Act
    const error = await startStandalone({ restPort, kafkaPort, dataDir: join(dataDir, 'kafka'), logger: quiet }).catch((e: unknown) => e);
    await close(taken);
    // Assess
    expect(error).toBeInstanceOf(PortUnavailableError);
    expect(error).toMatchObject({ listener: 'kafka', port: kafkaPort });
    await close(await listening(restPort));
    const again = await startStandalone({ restPort: 0, kafkaPort: 0, dataDir: join(dataDir, 'kafka'), logger: quiet });
    await again.stop();
  });

  it('refuses a data directory a running instance holds, and that instance keeps serving', async () => {
    // Prepare
    const first = await startStandalone({ restPort: 0, kafkaPort: 0, dataDir: join(dataDir, 'shared'), logger: quiet });
    // Act
    const error = await startStandalone({ restPort: 0, kafkaPort: 0, dataDir: join(dataDir, 'shared'), logger: quiet }).catch((e: unknown) => e);
    const served = await fetch(`${first.url}/connectors`);
    await first.stop();
    // Assess
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect(served.status).toBe(200);
  });
});
