// The connector: its class name (what users put in `connector.class`), its configuration keys, multi-key checks, and
// the task factory. Written only against Sluice's public connector API, with type-only imports: at run time this
// package needs nothing of Sluice. (A plugin may also import ConfigDef and the validators from connect-api; a plain
// `{ keys }` table, as here, is made a ConfigDef by Sluice when it loads the plugin.)
import type { ConfigKey, SinkConnector } from '../../../lambdas/connect-api/index.js';
import { RedisSinkTask } from './RedisSinkTask.js';

export const REDIS_URL = 'redis.url';
export const REDIS_PASSWORD = 'redis.password';
export const REDIS_KEY_PREFIX = 'redis.key.prefix';

const KEYS: readonly ConfigKey[] = [
  { name: REDIS_URL, type: 'STRING', importance: 'HIGH', group: 'Redis', documentation: 'The Redis server, as redis://host:port[/db] (rediss:// for TLS).' },
  { name: REDIS_PASSWORD, type: 'PASSWORD', default: null, importance: 'HIGH', group: 'Redis', documentation: 'The password (Redis AUTH), if the server needs one. Masked in every response and log line.' },
  { name: REDIS_KEY_PREFIX, type: 'STRING', default: '', importance: 'MEDIUM', group: 'Redis', documentation: 'Put before every record key to form the Redis key.' },
];

/** A connector whose configDef is a plain table of keys (Sluice builds the ConfigDef). */
type PlainConfigDef<C> = Omit<C, 'configDef'> & { readonly configDef: { readonly keys: readonly ConfigKey[] } };

export const redisSinkConnector: PlainConfigDef<SinkConnector> = {
  type: 'sink',
  className: 'com.example.redis.RedisSinkConnector',
  configDef: { keys: KEYS },
  validate(props) {
    const errors = new Map<string, string[]>();
    const url = props[REDIS_URL];
    if (url !== undefined && !/^rediss?:\/\/[^/]+/.test(url)) errors.set(REDIS_URL, [`Invalid value ${url} for configuration ${REDIS_URL}: must start with redis:// or rediss://`]);
    return errors;
  },
  createTask(props, context) {
    return new RedisSinkTask(
      {
        url: props[REDIS_URL] ?? '',
        ...(props[REDIS_PASSWORD] ? { password: props[REDIS_PASSWORD] } : {}),
        keyPrefix: props[REDIS_KEY_PREFIX] ?? '',
      },
      context,
    );
  },
};
