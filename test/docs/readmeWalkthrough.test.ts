// The README's Quick start and curl walkthrough, run as written against `npm start`, so the README cannot drift
// from the product. The commands are taken from README.md itself (test/docs/walkthrough/extract.ts states the rules:
// ```sh blocks, the output block after each, and the `<!-- readme-test: ... -->` markers that start a server or skip
// a block for a stated reason); every command block must exit 0 and print what the README shows (match.ts).
//
// What is substituted, and only this: the ports (the README's 8083 and 9092 become free ones, through the
// SLUICE_REST_PORT / SLUICE_KAFKA_PORT variables for `npm start` and in the URLs of the other commands), the data
// directory (SLUICE_DATA_DIR, a temporary one, for the README's .sluice), and the PostgreSQL database (`test` becomes a
// database of this run's own, so the walkthrough's `orders` table meets no one else's).
// A block that shows output is run again until it succeeds and matches (at most 60 s, for a loaded machine):
// pipelines run asynchronously, and a reader who asks a second later sees what the README shows. Blocks that show
// output only read.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/freePort.js';
import { uniqueName, withPg } from '../helpers/pg.js';
import { waitFor } from '../helpers/waitFor.js';
import { type Step, walkthroughSteps } from './walkthrough/extract.js';
import { outputMismatch } from './walkthrough/match.js';
import { type Ran, runBlock, type Server, startServer } from './walkthrough/shell.js';

const root = new URL('../..', import.meta.url).pathname;
const SECTIONS = ['Quick start', 'Walkthrough with curl'];
const steps = walkthroughSteps(readFileSync(join(root, 'README.md'), 'utf8'), SECTIONS);

let restPort: number;
let kafkaPort: number;
let registryPort: number;
const database = uniqueName('readme');
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-readme-data-'));
const workDir = mkdtempSync(join(tmpdir(), 'sluice-readme-cwd-'));
let server: Server | undefined;

/** The README's ports, data directory and database, made this run's own. */
function localize(text: string): string {
  return text
    .replace(/(localhost|127\.0\.0\.1):8083\b/g, `$1:${restPort}`)
    .replace(/127\.0\.0\.1:9092\b/g, `127.0.0.1:${kafkaPort}`)
    .replace(/127\.0\.0\.1:8081\b/g, `127.0.0.1:${registryPort}`)
    .replace(/127\.0\.0\.1:5432\/test\b/g, `127.0.0.1:5432/${database}`)
    .replace(/(psql .*)-d test\b/g, `$1-d ${database}`)
    .replace(/(^|\s)\.sluice\b/g, `$1${dataDir}`);
}

function env(): NodeJS.ProcessEnv {
  const { KAFKA_BROKERS: _kafka, DATABASE_URL: _db, ...rest } = process.env;
  return { ...rest, SLUICE_REST_PORT: String(restPort), SLUICE_KAFKA_PORT: String(kafkaPort), SLUICE_SCHEMA_REGISTRY_PORT: String(registryPort), SLUICE_DATA_DIR: dataDir };
}

function where(step: Step): string {
  return `README.md line ${step.line} (${step.section}):\n${step.command}`;
}

function describeRun(ran: Ran): string {
  return `exit ${ran.code}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`;
}

async function runServer(step: Step): Promise<void> {
  server = startServer(step.command, { cwd: root, env: env() });
  const s = server;
  const expected = step.expected ? { ...step.expected, text: localize(step.expected.text) } : undefined;
  await waitFor(
    async () => {
      const out = s.output();
      if (out.code !== null) throw new Error(`it exited: ${describeRun(out)}`);
      return expected === undefined ? /Kafka Connect REST API/.test(out.stdout) : outputMismatch(expected, out.stdout) === undefined;
    },
    90_000,
    () => `${where(step)}\nnever printed what the README shows: ${expected ? outputMismatch(expected, s.output().stdout) : ''}\n${describeRun(s.output())}`,
  );
}

async function runStep(step: Step): Promise<void> {
  const command = localize(step.command);
  const expected = step.expected ? { ...step.expected, text: localize(step.expected.text) } : undefined;
  const first = await runBlock(command, { cwd: workDir, env: env() });
  if (expected === undefined) {
    expect(first.code, `${where(step)}\nfailed: ${describeRun(first)}`).toBe(0);
    return;
  }
  let last = first;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const mismatch = last.code === 0 ? outputMismatch(expected, last.stdout) : 'it failed';
    if (mismatch === undefined) return;
    if (Date.now() > deadline) {
      const tried = last === first ? '' : `\nthe first run: ${describeRun(first)}`;
      throw new Error(`${where(step)}\ndoes not print what the README shows: ${mismatch}\n${describeRun(last)}${tried}`);
    }
    await new Promise((r) => setTimeout(r, 500));
    last = await runBlock(command, { cwd: workDir, env: env() });
  }
}

beforeAll(async () => {
  restPort = await freePort();
  kafkaPort = await freePort();
  registryPort = await freePort();
  await withPg((c) => c.query(`CREATE DATABASE ${database}`));
});

afterAll(async () => {
  await server?.stop();
  await withPg((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

describe('README walkthrough', () => {
  it('finds the commands of the Quick start and the walkthrough, one server among them, every skip with its reason', () => {
    expect(new Set(steps.map((s) => s.section))).toEqual(new Set(SECTIONS));
    expect(steps.filter((s) => s.mode === 'server')).toHaveLength(1);
    expect(steps.filter((s) => s.mode === 'run').length).toBeGreaterThan(8);
    for (const s of steps.filter((x) => x.mode === 'skip')) expect(s.reason, where(s)).toMatch(/\w{3,}/);
  });

  it('runs them as written against npm start, each exiting 0 and printing what the README shows', async () => {
    const serverStep = steps.find((s) => s.mode === 'server')!;
    expect(steps.indexOf(serverStep), 'the server starts before any command that needs it').toBeLessThan(steps.findIndex((s) => s.mode === 'run'));
    for (const step of steps) {
      if (step.mode === 'skip') continue;
      if (step.mode === 'server') await runServer(step);
      else await runStep(step);
    }
  }, 300_000);
});
