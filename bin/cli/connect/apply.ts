// `sluice connectors apply -f FILE|DIR`: make the server's connectors match the files. Idempotent (PUT config, and
// nothing is sent when nothing changed); --dry-run validates and reports what would change, creating nothing.
import { ApiError, type ConnectClient, seg } from './ConnectClient.js';
import { type ConfigChange, diffConfigs, maskConfig, renderChanges } from './configDiff.js';
import type { ConnectorFile } from './readConfigs.js';
import { type ConfigInfos, keyErrors, passwordKeys, validateConfig } from './validation.js';

export type ApplyAction = 'created' | 'updated' | 'unchanged' | 'would create' | 'would update';

export interface ApplyResult {
  readonly name: string;
  readonly action: ApplyAction;
  readonly changes: readonly ConfigChange[];
}

export interface ApplyOptions {
  readonly dryRun: boolean;
  /** Send the config even when no visible key changed (a new password the server only shows as [hidden]). */
  readonly force: boolean;
}

export async function applyOne(client: ConnectClient, file: ConnectorFile, options: ApplyOptions): Promise<ApplyResult> {
  const infos = await validation(client, file, options.dryRun);
  if (options.dryRun && infos !== undefined && infos.error_count > 0) {
    const lines = keyErrors(infos).map((e) => `  ${e.key}: ${e.error}`);
    throw new ApiError(`${file.name} (${file.source}) is not valid:\n${lines.join('\n')}`, 400);
  }
  const current = await client.find<Record<string, string>>(`/connectors/${seg(file.name)}/config`);
  const changes = diffConfigs(current, maskConfig(file.config, passwordKeys(infos)));
  if (changes.length === 0 && !options.force) return { name: file.name, action: 'unchanged', changes };
  if (options.dryRun) return { name: file.name, action: current === undefined ? 'would create' : 'would update', changes };
  await client.request('PUT', `/connectors/${seg(file.name)}/config`, file.config);
  return { name: file.name, action: current === undefined ? 'created' : 'updated', changes };
}

/**
 * The validate endpoint's answer: on a dry run its errors are the point (and its failure is the command's); on an
 * apply it only names the password-type keys to mask, and the PUT gives the server's own word on a bad config.
 */
async function validation(client: ConnectClient, file: ConnectorFile, dryRun: boolean): Promise<ConfigInfos | undefined> {
  if (file.config['connector.class'] === undefined && !dryRun) return undefined;
  try {
    return await validateConfig(client, file);
  } catch (e) {
    if (dryRun || !(e instanceof ApiError) || e.status === undefined) throw e;
    return undefined;
  }
}

export function renderResult(r: ApplyResult): string {
  return `connector ${r.name} ${r.action}\n${renderChanges(r.changes)}`;
}
