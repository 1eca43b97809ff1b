import { describe, expect, it } from 'vitest';
import {
  converterPlugins,
  createConverters,
  DEFAULT_HEADER_CONVERTER,
  DEFAULT_KEY_CONVERTER,
  DEFAULT_VALUE_CONVERTER,
  headerConverterPlugins,
} from '../../../lambdas/runtime/converters/index.js';
import { ConfigError } from '../../../lambdas/connect-api/errors.js';
import { PluginRegistry } from '../../../lambdas/runtime/plugins/PluginRegistry.js';

const registry = () => new PluginRegistry().register(...converterPlugins, ...headerConverterPlugins);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('createConverters', () => {
  it('uses Sluice defaults when the connector names no converter: String key, JSON value with schemas, simple headers', () => {
    // Act
    const set = createConverters({ 'connector.class': 'JdbcSink' }, registry());
    // Assess
    expect([set.key.className, set.value.className, set.header.className]).toEqual([
      DEFAULT_KEY_CONVERTER,
      DEFAULT_VALUE_CONVERTER,
      DEFAULT_HEADER_CONVERTER,
    ]);
    expect(DEFAULT_KEY_CONVERTER).toBe('org.apache.kafka.connect.storage.StringConverter');
    expect(DEFAULT_VALUE_CONVERTER).toBe('org.apache.kafka.connect.json.JsonConverter');
    expect(() => set.value.converter.toConnectData('t', [], utf8('{"id":1}'))).toThrow(/requires "schema" and "payload"/);
  });

  it('configures a converter the connector names only from its prefixed keys, resolving aliases', () => {
    // Prepare
    const props = { 'value.converter': 'JsonConverter', 'value.converter.schemas.enable': 'false' };
    // Act
    const set = createConverters(props, registry());
    // Assess
    expect(set.value.className).toBe('org.apache.kafka.connect.json.JsonConverter');
    expect(set.value.converter.toConnectData('t', [], utf8('{"id":1}')).value).toEqual({ id: 1 });
  });

  it('ignores value.converter.* when the connector does not name value.converter (as Kafka does)', () => {
    // Prepare
    const props = { 'value.converter.schemas.enable': 'false' };
    // Act
    const set = createConverters(props, registry());
    // Assess
    expect(() => set.value.converter.toConnectData('t', [], utf8('{"id":1}'))).toThrow(/schemas.enable/);
  });

  it('rejects an unknown converter class naming the key', () => {
    // Act
    let error: unknown;
    try {
      createConverters({ 'key.converter': 'com.example.Nope' }, registry());
    } catch (e) {
      error = e;
    }
    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe('key.converter');
    expect((error as Error).message).toBe('Invalid value com.example.Nope for configuration key.converter: Class com.example.Nope could not be found.');
  });

  it('registers every Kafka converter class also as a header converter, plus SimpleHeaderConverter; Confluent’s registry converters only as converters', () => {
    // Act
    const converters = converterPlugins.map((p) => p.className);
    const headers = headerConverterPlugins.map((p) => p.className);
    // Assess
    const registryConverters = ['io.confluent.connect.avro.AvroConverter', 'io.confluent.connect.protobuf.ProtobufConverter', 'io.confluent.connect.json.JsonSchemaConverter'];
    expect(converters).toEqual(expect.arrayContaining(registryConverters));
    expect(headers).toEqual([DEFAULT_HEADER_CONVERTER, ...converters.filter((c) => !registryConverters.includes(c))]);
    expect(converters).toContain('org.apache.kafka.connect.converters.ByteArrayConverter');
  });
});
