// `sluice connectors apply` and `sluice validate` against a real standalone instance: YAML and JSON files, a folder
// applied twice (the second apply changes nothing), the key-level diff with passwords masked, --dry-run creating
// nothing, and a config the server refuses (exit 1 with the server's own message).
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PG_URL } from '../../../helpers/pg.js';
import { cli, standaloneForTests, unique } from './cliHarness.js';

const sa = standaloneForTests();

const dir = (files: Record<string, string>) => sa.dir(files);

/** A sink connector as YAML, `tasks.max: 1` a number as people write it; `extra` adds or replaces keys. */
function yamlSink(name: string, table: string, extra: Record<string, string | number> = {}): string {
  const config = { 'connector.class': 'JdbcSink', 'connection.url': `${PG_URL}?user=postgres`, topics: table, 'table.name.format': table, 'tasks.max': 1, ...extra };
  return stringify({ name, config });
}

async function names(): Promise<string[]> {
  return (await (await fetch(`${sa.url}/connectors`)).json()) as string[];
}

describe('sluice connectors apply', () => {
  it('applies a folder of YAML and JSON files, and a second apply reports no change', async () => {
    // Prepare
    const a = unique('cli_apply_a');
    const b = unique('cli_apply_b');
    const path = dir({
      'a.yaml': yamlSink(a, a),
      'b.json': JSON.stringify({ name: b, 'connector.class': 'JdbcSink', 'connection.url': `${PG_URL}?user=postgres`, topics: b, 'table.name.format': b }),
      'notes.txt': 'not a connector',
    });
    // Act
    const first = await cli(['connectors', 'apply', '-f', path, '--url', sa.url]);
    const second = await cli(['connectors', 'apply', '-f', path, '--url', sa.url]);
    const asJson = await cli(['connectors', 'apply', '-f', path, '--url', sa.url, '-o', 'json']);
    // Assess
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`connector ${a} created\n`);
    expect(first.stdout).toContain(`  + table.name.format: ${a}\n  + tasks.max: 1\n`);
    expect(first.stdout).toContain(`connector ${b} created\n`);
    expect(second).toEqual({ code: 0, stdout: `connector ${a} unchanged\nconnector ${b} unchanged\n`, stderr: '' });
    expect(JSON.parse(asJson.stdout)).toEqual([
      { name: a, action: 'unchanged', changes: [] },
      { name: b, action: 'unchanged', changes: [] },
    ]);
    const config = await (await fetch(`${sa.url}/connectors/${a}/config`)).json();
    expect(config).toMatchObject({ 'tasks.max': '1', topics: a, name: a });
  });

  it('prints a key-level diff with the file and server passwords masked', async () => {
    // Prepare
    const name = unique('cli_diff');
    const secret = 'Pw-file-only-42';
    const next = 'Pw-rotated-77';
    const v1 = dir({ 'c.yaml': yamlSink(name, `${name}_v1`, { 'connection.password': secret, 'connection.url': `${PG_URL}?user=postgres&password=${secret}` }) });
    const v2 = dir({ 'c.yaml': yamlSink(name, `${name}_v2`, { 'connection.password': next, 'connection.url': `${PG_URL}?user=postgres&password=${next}`, 'batch.size': 100 }) });
    // Act
    const created = await cli(['connectors', 'apply', '-f', join(v1, 'c.yaml'), '--url', sa.url]);
    const again = await cli(['connectors', 'apply', '-f', join(v1, 'c.yaml'), '--url', sa.url]);
    const planned = await cli(['connectors', 'apply', '-f', join(v2, 'c.yaml'), '--url', sa.url, '--dry-run']);
    const unchangedByDryRun = await cli(['connectors', 'apply', '-f', join(v1, 'c.yaml'), '--url', sa.url]);
    const updated = await cli(['connectors', 'apply', '-f', join(v2, 'c.yaml'), '--url', sa.url]);
    const got = await cli(['connectors', 'get', name, '--url', sa.url]);
    // Assess
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('  + connection.password: [hidden]\n');
    expect(created.stdout).toContain(`  + connection.url: ${PG_URL}?user=postgres&password=[hidden]\n`);
    expect(again.stdout).toBe(`connector ${name} unchanged\n`);
    expect(planned.stdout).toBe(updated.stdout.replace(' updated\n', ' would update\n'));
    expect(unchangedByDryRun.stdout).toBe(`connector ${name} unchanged\n`);
    expect(updated.stdout).toBe(`connector ${name} updated\n  + batch.size: 100\n  ~ table.name.format: ${name}_v1 -> ${name}_v2\n  ~ topics: ${name}_v1 -> ${name}_v2\n`);
    for (const out of [created, again, planned, updated, got]) expect(out.stdout + out.stderr).not.toMatch(/Pw-/);
    expect(got.stdout).toMatch(/^connection\.password\s+\[hidden\]$/m);
    // The new password was sent with the update: the server keeps it (sealed) and the table shows it hidden.
    expect(got.stdout).toMatch(/^batch\.size\s+100$/m);
  });

  it('sends a config whose only change is a password with --force', async () => {
    const name = unique('cli_force');
    const path = dir({ 'c.yaml': yamlSink(name, name, { 'connection.password': 'first-secret' }) });
    expect((await cli(['connectors', 'apply', '-f', path, '--url', sa.url])).code).toBe(0);
    const rotated = dir({ 'c.yaml': yamlSink(name, name, { 'connection.password': 'second-secret' }) });
    const plain = await cli(['connectors', 'apply', '-f', rotated, '--url', sa.url]);
    const forced = await cli(['connectors', 'apply', '-f', rotated, '--url', sa.url, '--force']);
    expect(plain.stdout).toBe(`connector ${name} unchanged\n`);
    expect(forced).toEqual({ code: 0, stdout: `connector ${name} updated\n`, stderr: '' });
  });

  it('--dry-run validates and reports what would change, creating nothing', async () => {
    // Prepare
    const name = unique('cli_dry');
    const good = dir({ 'c.yaml': yamlSink(name, name, { 'connection.password': 'dry-secret' }) });
    const bad = dir({ 'c.yaml': yamlSink(name, name, { 'insert.mode': 'sideways' }) });
    // Act
    const ok = await cli(['connectors', 'apply', '-f', good, '--dry-run', '--url', sa.url]);
    const refused = await cli(['connectors', 'apply', '-f', bad, '--dry-run', '--url', sa.url]);
    // Assess
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`connector ${name} would create\n`);
    expect(ok.stdout).toContain('  + connection.password: [hidden]\n');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^sluice: ${name} \\(.*c\\.yaml\\) is not valid:\\n  insert\\.mode: .*sideways`));
    expect(await names()).not.toContain(name);
  });

  it('exits 1 with the server message when the server refuses the config', async () => {
    // Prepare: the same PUT sent directly, for the server's own words
    const name = unique('cli_bad');
    const path = dir({ 'c.yaml': yamlSink(name, name, { 'insert.mode': 'sideways' }) });
    // Act
    const run = await cli(['connectors', 'apply', '-f', path, '--url', sa.url]);
    const direct = await fetch(`${sa.url}/connectors/${name}/config`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ 'connector.class': 'JdbcSink', 'connection.url': `${PG_URL}?user=postgres`, topics: name, 'table.name.format': name, 'tasks.max': '1', 'insert.mode': 'sideways', name }),
    });
    // Assess
    expect(direct.status).toBe(400);
    const { message } = (await direct.json()) as { message: string };
    expect(run).toEqual({ code: 1, stdout: '', stderr: `sluice: ${message}\n` });
    expect(message).toContain('insert.mode');
    expect(await names()).not.toContain(name);
  });
});

describe('sluice validate', () => {
  it('reports a valid config (exit 0) and per-key errors (exit 1)', async () => {
    const name = unique('cli_validate');
    const good = dir({ 'c.json': JSON.stringify({ name, config: { 'connector.class': 'JdbcSink', 'connection.url': PG_URL, topics: name } }) });
    const bad = dir({ 'c.yaml': yamlSink(name, name, { 'pk.mode': 'nonsense' }) });
    const ok = await cli(['validate', '-f', good, '--url', sa.url]);
    const refused = await cli(['validate', '-f', bad, '--url', sa.url]);
    const asYaml = await cli(['validate', '-f', bad, '--url', sa.url, '-o', 'yaml']);
    expect(ok).toEqual({ code: 0, stdout: `connector ${name}: valid\n`, stderr: '' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^KEY\s+ERROR\npk\.mode\s+.*nonsense/m);
    expect(refused.stderr).toBe('sluice: 1 of 1 connector config(s) not valid\n');
    expect(asYaml.stdout).toMatch(/^error_count: 1$/m);
    expect(await names()).not.toContain(name);
  });
});
