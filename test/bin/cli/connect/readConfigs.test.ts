// The files `apply -f` and `validate -f` read: the two document shapes, YAML scalars, multi-document YAML, folders,
// and the file mistakes that are usage errors (exit 2) naming the file.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfigs } from '../../../../bin/cli/connect/readConfigs.js';
import { UsageError } from '../../../../bin/cli/UsageError.js';
import { folder } from './cliHarness.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function dir(files: Record<string, string>): string {
  const d = folder(files);
  dirs.push(d);
  return d;
}

describe('readConfigs', () => {
  it('reads {name, config} and flat maps, turning YAML numbers and booleans into strings', () => {
    const d = dir({ 'b.yaml': 'name: b\nconfig:\n  tasks.max: 2\n  auto.create: true\n  empty: null\n', 'a.json': '{"name":"a","topics":"t"}' });
    expect(readConfigs(d)).toEqual([
      { name: 'a', config: { name: 'a', topics: 't' }, source: join(d, 'a.json') },
      { name: 'b', config: { 'tasks.max': '2', 'auto.create': 'true', name: 'b' }, source: join(d, 'b.yaml') },
    ]);
  });

  it('reads every document of a multi-document YAML file', () => {
    const d = dir({ 'all.yml': 'name: x\ntopics: a\n---\nname: y\ntopics: b\n' });
    expect(readConfigs(join(d, 'all.yml')).map((c) => c.name)).toEqual(['x', 'y']);
  });

  it.each([
    [{ 'c.yaml': 'config:\n  topics: t\n' }, /c\.yaml: the connector has no name/],
    [{ 'c.yaml': 'name: c\nconfig:\n  topics: [a, b]\n' }, /c\.yaml: topics must be a string, number or boolean/],
    [{ 'c.json': '{"name": ' }, /c\.json: not valid JSON/],
    [{ 'c.yaml': 'name: c\nname: d\n' }, /c\.yaml: not valid YAML/],
    [{ 'a.json': '{"name":"same"}', 'b.yaml': 'name: same\n' }, /connector same is defined twice/],
    [{ 'notes.txt': 'hello' }, /no \.json, \.yaml or \.yml file in this folder/],
  ])('refuses %o as a usage error', (files, message) => {
    const d = dir(files);
    expect(() => readConfigs(d)).toThrow(UsageError);
    expect(() => readConfigs(d)).toThrow(message);
  });
});
