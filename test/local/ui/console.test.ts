// The web console in a real headless Chromium (Debian's package, driven by playwright-core) against a real standalone
// instance: a RUNNING pipeline and one that FAILED for real (its database does not exist), the failure's trace, a
// pause through the button and its confirmation, per-key validation errors in the editor, and charts drawn from the
// runtime's metrics history.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { CHROMIUM } from '../../setup/services.js';
import { uniqueName, withPg } from '../../helpers/pg.js';
import { upsertSinkConfig } from '../../helpers/upsertSinkConfig.js';
import { waitFor } from '../../helpers/waitFor.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const schema = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }] };
const OUTPUT = join(process.cwd(), 'test-output');
const PASSWORD = 'p18ui-console-secret';

let sluice: StandaloneHandle;
let browser: Browser;
let dataDir: string;
const running = uniqueName('p18ui_running');
const failing = uniqueName('p18ui_failing');
const runningTable = uniqueName('p18ui_console_tbl');
const tables = [runningTable];

interface Status {
  connector: { state: string };
  tasks: Array<{ id: number; state: string; trace?: string }>;
}

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${sluice.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await r.text();
  return { status: r.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const statusOf = async (name: string) => (await call('GET', `/connectors/${name}/status`)).body as Status;

async function produce(topic: string, ids: number[]): Promise<void> {
  const producer = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: ids.map((id) => ({ value: JSON.stringify({ schema, payload: { id } }) })) });
  } finally {
    await producer.disconnect();
  }
}

/** What the browser reported as an error (a script error, a CSP violation, a failed request) on each page. */
const browserErrors = new Map<Page, string[]>();

async function openConsole(hash = '', prepare: (page: Page) => Promise<unknown> = async () => undefined): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  browserErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await prepare(page);
  await page.goto(`${sluice.url}/ui${hash}`);
  return page;
}

/** Closes the page once it has reported no error. */
async function closeClean(page: Page): Promise<void> {
  const errors = browserErrors.get(page) ?? [];
  await page.close();
  expect(errors).toEqual([]);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sluice-console-'));
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, dataDir, logger: quiet, pollIntervalMs: 200 });
  // A healthy sink that has written records, with a password the console must never show.
  const runningTopic = uniqueName('p18ui_running_topic');
  await call('PUT', `/connectors/${running}/config`, upsertSinkConfig(runningTopic, runningTable, { 'connection.url': 'jdbc:postgresql://127.0.0.1:5432/test', 'connection.user': 'postgres', 'connection.password': PASSWORD }));
  // A sink whose database does not exist, with no tolerance: its first record fails the task.
  const failingTopic = uniqueName('p18ui_failing_topic');
  await call('PUT', `/connectors/${failing}/config`, upsertSinkConfig(failingTopic, uniqueName('p18ui_never'), { 'connection.url': 'jdbc:postgresql://127.0.0.1:5432/p18ui_no_such_database', 'connection.user': 'postgres' }, { 'errors.tolerance': 'none' }));
  await produce(runningTopic, [1, 2, 3]);
  await produce(failingTopic, [1]);
  await waitFor(async () => (await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "${runningTable}"`))).rows[0].n === 3, 30_000, 'the running sink never wrote its 3 rows');
  await waitFor(async () => (await statusOf(failing)).tasks[0]?.state === 'FAILED', 30_000, 'the failing sink never showed a FAILED task');
  browser = await chromium.launch({ executablePath: CHROMIUM });
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await sluice?.stop();
  await withPg(async (c) => {
    for (const t of tables) await c.query(`DROP TABLE IF EXISTS "${t}"`);
  });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the pipelines list', () => {
  it('shows a RUNNING and a FAILED pipeline with their states, and the failed one’s trace on demand', async () => {
    // Act
    const page = await openConsole();
    const runningRow = page.locator(`tr[data-pipeline="${running}"]`);
    const failingRow = page.locator(`tr[data-pipeline="${failing}"]`);
    await failingRow.locator('details.trace summary').click();
    await page.screenshot({ path: join(OUTPUT, 'console.png'), fullPage: true });
    // Assess
    await expect.poll(() => runningRow.getAttribute('data-state')).toBe('RUNNING');
    expect(await runningRow.locator('.badge').textContent()).toBe('RUNNING');
    expect(await runningRow.locator('td.endpoints').textContent()).toContain(runningTable);
    expect(await failingRow.getAttribute('data-state')).toBe('FAILED');
    expect(await failingRow.locator('.badge').textContent()).toBe('FAILED');
    expect(await failingRow.locator('details.trace summary').textContent()).toContain('database "p18ui_no_such_database" does not exist');
    const trace = failingRow.locator('details.trace pre');
    expect(await trace.isVisible()).toBe(true);
    expect(await trace.textContent()).toContain('Caused by:');
    // The browser's getComputedStyle (the suite compiles without the DOM's types)
    const colour = await page.locator('.badge.state-failed').evaluate((e) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(e).backgroundColor);
    expect(colour).toBe('rgb(185, 28, 28)');
    await closeClean(page);
  });
});

describe('the pipeline page', () => {
  it('shows the config with the password masked, and the tasks and offsets', async () => {
    // Act
    const page = await openConsole();
    await page.locator(`tr[data-pipeline="${running}"] a`).click();
    await page.locator('table.offsets').waitFor();
    const html = await page.content();
    // Assess
    expect(await page.locator('h1').textContent()).toBe(running);
    expect(await page.locator('table.config tr', { hasText: 'connection.password' }).locator('td').textContent()).toBe('[hidden]');
    expect(html).not.toContain(PASSWORD);
    expect(await page.locator('table.offsets').textContent()).toContain('"kafka_offset":3');
    await closeClean(page);
  });

  it('pauses the running pipeline through the button once the dialog is confirmed, and the API then reports PAUSED', async () => {
    // Prepare
    const page = await openConsole(`#/pipelines/${encodeURIComponent(running)}`);
    await expect.poll(() => page.locator('.page-head .badge').textContent(), { timeout: 10_000 }).toBe('RUNNING');
    // Act: the button only opens the dialog; Cancel leaves the pipeline alone
    await page.getByRole('button', { name: 'Pause' }).click();
    const dialog = page.getByRole('dialog');
    const question = await dialog.locator('h2').textContent();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const afterCancel = await statusOf(running);
    await page.getByRole('button', { name: 'Pause' }).click();
    await dialog.getByRole('button', { name: 'Pause' }).click();
    // Assess
    expect(question).toBe(`Pause ${running}?`);
    expect(afterCancel.connector.state).toBe('RUNNING');
    await waitFor(async () => (await statusOf(running)).connector.state === 'PAUSED', 10_000, 'the API never reported PAUSED');
    await expect.poll(() => page.locator('.page-head .badge').textContent(), { timeout: 10_000 }).toBe('PAUSED');
    await page.screenshot({ path: join(OUTPUT, 'console-pipeline.png'), fullPage: true });
    expect(await page.getByRole('button', { name: 'Resume' }).isEnabled()).toBe(true);
    await closeClean(page);
  });

  it('draws a chart per metric when the runtime reports a metrics history', async () => {
    // Prepare: the failing pipeline's real status, with the history a runtime that keeps one adds to it
    const t0 = Date.UTC(2026, 0, 1, 12, 0);
    const history = { period_seconds: 60, series: { RecordsReceived: [[t0, 600], [t0 + 60_000, 1200]], RecordsFailed: [[t0, 0], [t0 + 60_000, 60]], BatchLatency: [[t0, 40], [t0 + 60_000, 35]] } };
    const page = await openConsole(`#/pipelines/${encodeURIComponent(failing)}`, (p) =>
      p.route('**/status', async (route) => {
        const real = await route.fetch();
        const body = (await real.json()) as { runtime: Record<string, unknown> };
        await route.fulfill({ response: real, json: { ...body, runtime: { ...body.runtime, metrics_history: history } } });
      }),
    );
    // Act
    const received = page.locator('figure.chart[data-metric="RecordsReceived"]');
    await received.waitFor();
    // Assess: sums per 60 s period shown as records/s, the last one being 1200/60; a latency as reported
    await page.screenshot({ path: join(OUTPUT, 'console-charts.png'), fullPage: true });
    expect(await page.locator('figure.chart').count()).toBe(3);
    expect(await received.locator('figcaption').textContent()).toContain('20 /s');
    expect(await page.locator('figure.chart[data-metric="BatchLatency"] figcaption').textContent()).toContain('35 ms');
    expect(await received.locator('path.line').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/);
    await closeClean(page);
  });
});

describe('the editor', () => {
  it('creates a pipeline from JSON, then deletes it through the button and its dialog', async () => {
    // Prepare
    const name = uniqueName('p18ui_created');
    const table = uniqueName('p18ui_created_tbl');
    tables.push(table);
    const page = await openConsole('#/new');
    // Act: create
    await page.locator('#config-json').fill(JSON.stringify({ name, ...upsertSinkConfig(uniqueName('p18ui_created_topic'), table) }, null, 2));
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('h1', { hasText: name }).waitFor();
    const created = await call('GET', `/connectors/${name}/config`);
    // Act: delete
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.locator(`tr[data-pipeline="${failing}"]`).waitFor();
    // Assess
    expect(created.status).toBe(200);
    expect((created.body as Record<string, string>)['table.name.format']).toBe(table);
    await waitFor(async () => (await call('GET', `/connectors/${name}`)).status === 404, 10_000, 'the API still had the deleted pipeline');
    expect(await page.locator(`tr[data-pipeline="${name}"]`).count()).toBe(0);
    // Not closeClean: a refresh of the pipeline's page that was in flight when it was deleted may log its 404.
    await page.close();
  });

  it('shows the validate endpoint’s errors beside the keys they are about', async () => {
    // Prepare
    const page = await openConsole('#/new');
    const config = { name: uniqueName('p18ui_draft'), 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', topics: 'x', 'insert.mode': 'sideways' };
    // Act
    await page.locator('#config-json').fill(JSON.stringify(config, null, 2));
    await page.getByRole('button', { name: 'Validate' }).click();
    const insertMode = page.locator('tr[data-key="insert.mode"]');
    await insertMode.locator('.key-errors').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'console-editor.png'), fullPage: true });
    // Assess
    expect(await insertMode.getAttribute('class')).toBe('has-error');
    expect(await insertMode.locator('.key-errors').textContent()).toContain('sideways');
    expect(await page.locator('tr[data-key="connection.url"] .key-errors').count()).toBe(1);
    expect(await page.locator('tr[data-key="topics"] .key-errors').count()).toBe(0);
    expect((await call('GET', `/connectors/${config.name}`)).status).toBe(404);
    await closeClean(page);
  });
});
