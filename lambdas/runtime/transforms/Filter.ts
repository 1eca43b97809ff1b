// Kafka's Filter: drops every record; used with a predicate (e.g. drop tombstones).
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { transformPlugin } from './plugin.js';

export const filterConfigDef = new ConfigDef([]);

export function filter(): Transformation {
  return { apply: () => null };
}

export const filterPlugin = transformPlugin('Filter', filterConfigDef, filter);
