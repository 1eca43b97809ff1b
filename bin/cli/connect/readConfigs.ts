// The connector configs `apply -f` and `validate -f` read: one JSON or YAML file, or every .json/.yaml/.yml file of a
// folder (not recursive, in name order). A document is Kafka Connect's create body `{name, config: {...}}` or a flat
// config map holding `name`; a YAML file may hold several documents (---). Scalars become the strings Connect expects.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { UsageError } from '../UsageError.js';

export interface ConnectorFile {
  readonly name: string;
  readonly config: Record<string, string>;
  /** Where it was read, for messages. */
  readonly source: string;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

export function readConfigs(path: string): ConnectorFile[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${path}: no such file or directory`);
  }
  const files = isDir
    ? readdirSync(path)
        .filter((f) => EXTENSIONS.includes(extname(f).toLowerCase()))
        .sort()
        .map((f) => join(path, f))
    : [path];
  if (files.length === 0) throw new UsageError(`${path}: no .json, .yaml or .yml file in this folder`);
  const out = files.flatMap(readFile);
  const seen = new Map<string, string>();
  for (const c of out) {
    const other = seen.get(c.name);
    if (other !== undefined) throw new UsageError(`connector ${c.name} is defined twice (${other} and ${c.source})`);
    seen.set(c.name, c.source);
  }
  return out;
}

function readFile(file: string): ConnectorFile[] {
  const text = readFileSync(file, 'utf8');
  const docs = extname(file).toLowerCase() === '.json' ? [parseJson(file, text)] : parseYaml(file, text);
  return docs.filter((d) => d !== null && d !== undefined).map((d, i) => toConnector(d, docs.length > 1 ? `${file} (document ${i + 1})` : file));
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
}

function parseYaml(file: string, text: string): unknown[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) if (d.errors.length > 0) throw new UsageError(`${file}: not valid YAML: ${d.errors[0]!.message}`);
  return list.map((d) => d.toJS() as unknown);
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toConnector(doc: unknown, source: string): ConnectorFile {
  if (!isMap(doc)) throw new UsageError(`${source}: expected a connector ({name, config} or a config map with name)`);
  const wrapped = isMap(doc['config']);
  const raw = wrapped ? (doc['config'] as Record<string, unknown>) : doc;
  const name = wrapped ? (doc['name'] ?? raw['name']) : raw['name'];
  if (typeof name !== 'string' || name === '') throw new UsageError(`${source}: the connector has no name`);
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (isMap(v) || Array.isArray(v)) throw new UsageError(`${source}: ${k} must be a string, number or boolean (a list is written "a,b")`);
    if (v !== null && v !== undefined) config[k] = String(v);
  }
  config['name'] = name;
  return { name, config, source };
}
