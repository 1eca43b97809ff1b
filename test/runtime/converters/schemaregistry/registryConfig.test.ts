import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../lambdas/connect-api/errors.js';
import { maskConfig } from '../../../../lambdas/runtime/connector/masking.js';
import { registryConfigDef, registrySettings } from '../../../../lambdas/runtime/converters/schemaregistry/registryConfig.js';

describe('schema registry converter settings', () => {
  it('takes several URLs and Basic credentials from USER_INFO, or from the URL by default', () => {
    const fromUserInfo = registrySettings(registryConfigDef, { 'schema.registry.url': 'http://a:8081, http://b:8081/', 'basic.auth.credentials.source': 'USER_INFO', 'basic.auth.user.info': 'bob:pw' }, false);
    const fromUrl = registrySettings(registryConfigDef, { 'schema.registry.url': 'http://alice:s%40cret@reg:8081' }, false);

    expect(fromUserInfo.urls).toEqual(['http://a:8081', 'http://b:8081']);
    expect(fromUserInfo.userInfo).toBe('bob:pw');
    expect(fromUrl.urls).toEqual(['http://reg:8081']);
    expect(fromUrl.userInfo).toBe('alice:s@cret');
    expect(fromUrl.autoRegister).toBe(true);
    expect(fromUrl.useLatestVersion).toBe(false);
  });

  it('names subjects by the strategy for the converter’s role, by Confluent class name or simple name', () => {
    const props = {
      'schema.registry.url': 'http://reg:8081',
      'key.subject.name.strategy': 'io.confluent.kafka.serializers.subject.TopicRecordNameStrategy',
      'value.subject.name.strategy': 'RecordNameStrategy',
    };
    expect(registrySettings(registryConfigDef, props, true).strategy('orders', true, 'shop.Key')).toBe('orders-shop.Key');
    expect(registrySettings(registryConfigDef, props, false).strategy('orders', false, 'shop.Order')).toBe('shop.Order');
    expect(registrySettings(registryConfigDef, { 'schema.registry.url': 'http://reg:8081' }, false).strategy('orders', false, undefined)).toBe('orders-value');
  });

  it('rejects a missing URL and an unknown strategy with a ConfigError naming the key', () => {
    expect(() => registrySettings(registryConfigDef, {}, false)).toThrow(ConfigError);
    expect(() => registrySettings(registryConfigDef, { 'schema.registry.url': 'http://reg:8081', 'value.subject.name.strategy': 'com.example.Mine' }, false)).toThrow(/value.subject.name.strategy/);
  });

  it('declares basic.auth.user.info a password, and the API masks it and URL credentials under a converter prefix', () => {
    expect(registryConfigDef.isPassword('basic.auth.user.info')).toBe(true);
    const masked = maskConfig({ 'value.converter.basic.auth.user.info': 'bob:s3cret', 'value.converter.schema.registry.url': 'http://alice:pw123456@reg:8081' }, undefined);
    expect(masked['value.converter.basic.auth.user.info']).toBe('[hidden]');
    expect(masked['value.converter.schema.registry.url']).not.toContain('pw123456');
  });
});
