// The editor's pure part: parse the JSON a user typed into a config map, and line up the validate endpoint's answer
// with the keys.
import type { ConfigInfos } from './types.js';

export type Parsed = { ok: true; config: Record<string, string> } | { ok: false; error: string };

/** A JSON object of strings (numbers and booleans are accepted and sent as strings, as Kafka Connect stores them). */
export function parseConfig(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'The config must be a JSON object of keys and values.' };
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') config[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') config[k] = String(v);
    else return { ok: false, error: `The value of "${k}" must be a string.` };
  }
  return { ok: true, config };
}

export interface KeyReport {
  readonly key: string;
  readonly value: string | undefined;
  readonly errors: readonly string[];
  readonly documentation?: string;
}

/** One row per key the user set, then one per other key the validation found errors in (a required key left out). */
export function keyReports(config: Readonly<Record<string, string>>, infos: ConfigInfos | undefined): KeyReport[] {
  const byName = new Map((infos?.configs ?? []).map((c) => [c.value.name, c]));
  const rows: KeyReport[] = Object.keys(config).map((key) => {
    const info = byName.get(key);
    return { key, value: config[key], errors: info?.value.errors ?? [], ...(info?.definition?.documentation ? { documentation: info.definition.documentation } : {}) };
  });
  for (const [key, info] of byName) {
    if (key in config || info.value.errors.length === 0) continue;
    rows.push({ key, value: undefined, errors: info.value.errors, ...(info.definition?.documentation ? { documentation: info.definition.documentation } : {}) });
  }
  return rows;
}
