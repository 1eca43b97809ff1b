import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lambdas/connect-api/errors.js';
import { PluginRegistry } from '../../../lambdas/runtime/plugins/PluginRegistry.js';
import { predicatePlugins } from '../../../lambdas/runtime/predicates/index.js';
import { TransformationChain, TransformError, transformationPlugins } from '../../../lambdas/runtime/transforms/index.js';
import { sinkRecord, thrownBy } from './records.js';

const registry = new PluginRegistry().register(...transformationPlugins, ...predicatePlugins);

const DROP_TOMBSTONES = {
  transforms: 'dropTombstones',
  'transforms.dropTombstones.type': 'org.apache.kafka.connect.transforms.Filter',
  'transforms.dropTombstones.predicate': 'isTombstone',
  predicates: 'isTombstone',
  'predicates.isTombstone.type': 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone',
};

describe('TransformationChain', () => {
  it('drops tombstones with Filter gated by RecordIsTombstone, and passes other records', () => {
    // Prepare
    const chain = TransformationChain.fromConfig(DROP_TOMBSTONES, registry);
    const tombstone = sinkRecord({ value: null });
    const live = sinkRecord({ value: { id: 1 } });
    // Act
    const results = [chain.apply(tombstone), chain.apply(live)];
    // Assess
    expect(results).toEqual([null, live]);
  });

  it('negates the predicate: the stage runs when the predicate is false', () => {
    // Prepare
    const chain = TransformationChain.fromConfig({ ...DROP_TOMBSTONES, 'transforms.dropTombstones.negate': 'true' }, registry);
    const tombstone = sinkRecord({ value: null });
    const live = sinkRecord({ value: { id: 1 } });
    // Act
    const results = [chain.apply(tombstone), chain.apply(live)];
    // Assess
    expect(results).toEqual([tombstone, null]);
  });

  it('applies stages in listed order, resolving aliases, with each stage keys under its prefix', () => {
    // Prepare
    const props = {
      transforms: 'route,hoist',
      'transforms.route.type': 'RegexRouter',
      'transforms.route.regex': '(.*)',
      'transforms.route.replacement': 'copy_$1',
      'transforms.hoist.type': 'HoistField$Value',
      'transforms.hoist.field': 'payload',
    };
    const chain = TransformationChain.fromConfig(props, registry);
    // Act
    const out = chain.apply(sinkRecord({ value: 5 }));
    // Assess
    expect(chain.stages.map((s) => s.className)).toEqual([
      'org.apache.kafka.connect.transforms.RegexRouter',
      'org.apache.kafka.connect.transforms.HoistField$Value',
    ]);
    expect(out?.topic).toBe('copy_orders');
    expect(out?.value).toEqual({ payload: 5 });
  });

  it('stops at the first stage that drops the record', () => {
    // Prepare
    const props = {
      transforms: 'drop,fail',
      'transforms.drop.type': 'Filter',
      'transforms.fail.type': 'org.apache.kafka.connect.transforms.ValueToKey',
      'transforms.fail.fields': 'id',
    };
    const chain = TransformationChain.fromConfig(props, registry);
    // Act
    const out = chain.apply(sinkRecord({ value: null }));
    // Assess
    expect(out).toBeNull();
  });

  it('wraps stage failures in TransformError naming the class and alias, with the original cause', () => {
    // Prepare
    const chain = TransformationChain.fromConfig({ transforms: 'k', 'transforms.k.type': 'ValueToKey', 'transforms.k.fields': 'id' }, registry);
    // Act
    const error = thrownBy(() => chain.apply(sinkRecord({ value: null })));
    // Assess
    expect(error).toBeInstanceOf(TransformError);
    const transformError = error as TransformError;
    expect(transformError.className).toBe('org.apache.kafka.connect.transforms.ValueToKey');
    expect(transformError.alias).toBe('k');
    expect(transformError.message).toBe('Only Map objects supported in absence of schema for [copying fields from value to key], found: null');
    expect(transformError.cause).toBeInstanceOf(Error);
  });

  it('is empty without transforms, passing records through', () => {
    // Prepare
    const chain = TransformationChain.fromConfig({}, registry);
    const record = sinkRecord();
    // Act
    const out = chain.apply(record);
    // Assess
    expect(chain.isEmpty).toBe(true);
    expect(out).toBe(record);
  });

  it('throws the first validation error as a ConfigError with its key', () => {
    // Prepare
    const props = { transforms: 'a', 'transforms.a.type': 'Cast$Value' };
    // Act
    const error = thrownBy(() => TransformationChain.fromConfig(props, registry));
    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe('transforms.a.spec');
    expect((error as ConfigError).message).toBe('Missing required configuration "transforms.a.spec" which has no default value.');
  });
});
