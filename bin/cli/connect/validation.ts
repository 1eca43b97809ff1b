// The validate endpoint (PUT /connector-plugins/{class}/config/validate): per-key errors and password-type keys.
import { UsageError } from '../UsageError.js';
import { type ConnectClient, seg } from './ConnectClient.js';
import type { ConnectorFile } from './readConfigs.js';

export interface ConfigInfos {
  readonly name: string;
  readonly error_count: number;
  readonly configs: readonly {
    readonly definition: { readonly name: string; readonly type: string };
    readonly value: { readonly name: string; readonly errors: readonly string[] };
  }[];
}

export interface KeyError {
  readonly key: string;
  readonly error: string;
}

/** The plugin is the file's connector.class; a file without one cannot be validated (a usage error naming it). */
export async function validateConfig(client: ConnectClient, file: ConnectorFile): Promise<ConfigInfos> {
  const plugin = file.config['connector.class'];
  if (plugin === undefined || plugin === '') throw new UsageError(`${file.source}: connector ${file.name} has no connector.class`);
  const infos = await client.request<ConfigInfos>('PUT', `/connector-plugins/${seg(plugin)}/config/validate`, file.config);
  if (infos === undefined) throw new Error(`the validate endpoint of ${client.baseUrl} answered with no body`);
  return infos;
}

export function keyErrors(infos: ConfigInfos): KeyError[] {
  return infos.configs.flatMap((c) => c.value.errors.map((error) => ({ key: c.value.name, error })));
}

export function passwordKeys(infos: ConfigInfos | undefined): Set<string> {
  return new Set((infos?.configs ?? []).filter((c) => c.definition.type === 'PASSWORD').map((c) => c.definition.name));
}
