// The keys Confluent's converters share (AbstractKafkaSchemaSerDeConfig), declared once for the Avro, Protobuf and
// JSON Schema converters, and parsed once per converter into a frozen settings object.
import { ConfigDef, type ConfigKey } from '../../../connect-api/config/ConfigDef.js';
import { oneOf, satisfies } from '../../../connect-api/config/validators.js';
import { ConfigError } from '../../../connect-api/errors.js';
import { converterTypeKey } from '../converterConfig.js';
import { type SubjectNameStrategy, strategyByName, STRATEGY_NAMES } from './subjectNames.js';

export const SCHEMA_REGISTRY_URL = 'schema.registry.url';
export const BASIC_AUTH_SOURCE = 'basic.auth.credentials.source';
export const BASIC_AUTH_USER_INFO = 'basic.auth.user.info';
export const AUTO_REGISTER = 'auto.register.schemas';
export const USE_LATEST = 'use.latest.version';
export const KEY_STRATEGY = 'key.subject.name.strategy';
export const VALUE_STRATEGY = 'value.subject.name.strategy';

const GROUP = 'Schema Registry';

const strategyValidator = satisfies(`one of ${STRATEGY_NAMES.join(', ')} (Confluent class names or simple names)`, (value) =>
  value === null || strategyByName(String(value)) !== undefined ? undefined : `Class ${String(value)} could not be found.`,
);

function strategyKey(name: string, order: number, role: string): ConfigKey {
  return {
    name,
    type: 'CLASS',
    default: 'io.confluent.kafka.serializers.subject.TopicNameStrategy',
    validator: strategyValidator,
    importance: 'MEDIUM',
    documentation: `How the subject a ${role} schema is registered under is named: TopicNameStrategy (<topic>-${role}), RecordNameStrategy (<record name>) or TopicRecordNameStrategy (<topic>-<record name>).`,
    group: GROUP,
    orderInGroup: order,
  };
}

export const registryKeys: readonly ConfigKey[] = [
  {
    name: SCHEMA_REGISTRY_URL,
    type: 'LIST',
    importance: 'HIGH',
    documentation:
      'Comma-separated list of URLs for Schema Registry instances that can be used to register or look up schemas. In standalone mode, http://127.0.0.1:8081 is the embedded registry.',
    group: GROUP,
    orderInGroup: 0,
  },
  {
    name: BASIC_AUTH_SOURCE,
    type: 'STRING',
    default: 'URL',
    validator: oneOf(['URL', 'USER_INFO']),
    importance: 'MEDIUM',
    documentation: 'Where the HTTP Basic credentials for the registry come from: URL (user:password@ in schema.registry.url) or USER_INFO (basic.auth.user.info).',
    group: GROUP,
    orderInGroup: 1,
  },
  {
    name: BASIC_AUTH_USER_INFO,
    type: 'PASSWORD',
    default: '',
    importance: 'MEDIUM',
    documentation: 'The registry credentials as <username>:<password>, used when basic.auth.credentials.source is USER_INFO.',
    group: GROUP,
    orderInGroup: 2,
  },
  {
    name: AUTO_REGISTER,
    type: 'BOOLEAN',
    default: true,
    importance: 'MEDIUM',
    documentation: 'Whether a source pipeline registers the schema of the records it writes, if not already registered (else it must be registered: it is looked up).',
    group: GROUP,
    orderInGroup: 3,
  },
  {
    name: USE_LATEST,
    type: 'BOOLEAN',
    default: false,
    importance: 'MEDIUM',
    documentation: "Whether a source pipeline writes with the subject's latest registered schema (fields matched by name) instead of registering its own. Set auto.register.schemas=false with it.",
    group: GROUP,
    orderInGroup: 4,
  },
  strategyKey(KEY_STRATEGY, 5, 'key'),
  strategyKey(VALUE_STRATEGY, 6, 'value'),
  converterTypeKey,
];

export const registryConfigDef = new ConfigDef(registryKeys);

export interface RegistrySettings {
  readonly urls: readonly string[];
  /** `user:password` for HTTP Basic auth, or undefined. */
  readonly userInfo: string | undefined;
  readonly autoRegister: boolean;
  readonly useLatestVersion: boolean;
  readonly strategy: SubjectNameStrategy;
}

function urlUserInfo(urls: readonly string[]): string | undefined {
  for (const u of urls) {
    try {
      const parsed = new URL(u);
      if (parsed.username !== '') return `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    } catch {
      // Reported by the URL check below.
    }
  }
  return undefined;
}

/** Parses a converter's props; `isKey` picks the key or value subject name strategy. */
export function registrySettings(configDef: ConfigDef, props: Readonly<Record<string, string>>, isKey: boolean): RegistrySettings {
  const config = configDef.parse(props);
  const raw = config.getList(SCHEMA_REGISTRY_URL).filter((u) => u !== '');
  if (raw.length === 0) throw new ConfigError(`Missing required configuration "${SCHEMA_REGISTRY_URL}" which has no default value.`, { key: SCHEMA_REGISTRY_URL });
  const urls = raw.map((u) => {
    try {
      const parsed = new URL(u);
      const userless = `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
      return userless;
    } catch {
      throw new ConfigError(`Invalid value for configuration ${SCHEMA_REGISTRY_URL}: not a URL`, { key: SCHEMA_REGISTRY_URL });
    }
  });
  const source = config.getString(BASIC_AUTH_SOURCE);
  const userInfo = source === 'USER_INFO' ? config.getPassword(BASIC_AUTH_USER_INFO) || undefined : urlUserInfo(raw);
  return Object.freeze({
    urls: Object.freeze(urls),
    userInfo,
    autoRegister: config.getBoolean(AUTO_REGISTER),
    useLatestVersion: config.getBoolean(USE_LATEST),
    strategy: strategyByName(config.getString(isKey ? KEY_STRATEGY : VALUE_STRATEGY)!)!,
  });
}
