import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';

// kcat is librdkafka's command-line client; .ci/run installs it (apt-get install -y kcat).
function requireKcat(): void {
  const found = spawnSync('kcat', ['-V'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error('kcat is not installed: these interoperability tests need it (apt-get install -y kcat)');
  }
}

// Asynchronous on purpose: the broker runs in this process and must keep serving while kcat runs.
function kcat(args: string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`kcat ${args.join(' ')} exited ${code}: ${err}`))));
    child.stdin.end(input);
  });
}

describe('librdkafka (kcat) against the broker', () => {
  let broker: BrokerHandle;

  beforeAll(async () => {
    broker = await startBroker({ port: 0, numPartitions: 3 });
  });

  afterAll(async () => {
    await broker.stop();
  });

  it('round-trips keyed records with kcat -P and kcat -C', async () => {
    requireKcat();
    const lines = Array.from({ length: 50 }, (_, i) => `key-${i}:value-${i}`);
    await kcat(['-P', '-b', broker.bootstrap, '-t', 'kcat-rt', '-K:'], `${lines.join('\n')}\n`);
    const out = await kcat(['-C', '-b', broker.bootstrap, '-t', 'kcat-rt', '-o', 'beginning', '-e', '-q', '-f', '%k:%s\n']);
    expect(out.trim().split('\n').sort()).toEqual([...lines].sort());
  });

  it('reads gzip-compressed batches written by librdkafka back through kcat', async () => {
    requireKcat();
    await kcat(['-P', '-b', broker.bootstrap, '-t', 'kcat-gzip', '-z', 'gzip', '-p', '0'], 'one\ntwo\nthree\n');
    const out = await kcat(['-C', '-b', broker.bootstrap, '-t', 'kcat-gzip', '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o %s\n']);
    expect(out.trim().split('\n')).toEqual(['0 one', '1 two', '2 three']);
  });

  it('serves a librdkafka idempotent producer and a librdkafka consumer group that resumes from its commits', async () => {
    requireKcat();
    await kcat(['-P', '-b', broker.bootstrap, '-t', 'kcat-group', '-X', 'enable.idempotence=true'], 'a\nb\nc\nd\n');
    const group = ['-b', broker.bootstrap, '-G', 'kcat-group-1', 'kcat-group', '-e', '-q', '-f', '%s\n', '-X', 'auto.offset.reset=earliest'];
    expect((await kcat(group)).trim().split('\n').sort()).toEqual(['a', 'b', 'c', 'd']);
    await kcat(['-P', '-b', broker.bootstrap, '-t', 'kcat-group'], 'e\n');
    expect((await kcat(group)).trim()).toBe('e');
  });

  it('lists brokers and topics with kcat -L', async () => {
    requireKcat();
    const out = await kcat(['-L', '-b', broker.bootstrap]);
    expect(out).toContain(`broker 0 at ${broker.bootstrap} (controller)`);
    expect(out).toMatch(/topic "kcat-rt" with 3 partitions/);
  });
});
