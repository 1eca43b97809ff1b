import { describe, expect, it } from 'vitest';
import { PluginRegistry } from '../../../lambdas/runtime/plugins/PluginRegistry.js';
import { predicatePlugins } from '../../../lambdas/runtime/predicates/index.js';
import { transformationPlugins, validateTransforms } from '../../../lambdas/runtime/transforms/index.js';

const registry = new PluginRegistry().register(...transformationPlugins, ...predicatePlugins);

describe('validateTransforms', () => {
  it('returns no errors for a valid config', () => {
    // Prepare
    const props = {
      transforms: 'cast',
      'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
      'transforms.cast.spec': 'id:int64',
      'transforms.cast.predicate': 'onOrders',
      'transforms.cast.negate': 'false',
      predicates: 'onOrders',
      'predicates.onOrders.type': 'TopicNameMatches',
      'predicates.onOrders.pattern': 'orders.*',
    };
    // Act
    const errors = validateTransforms(props, registry);
    // Assess
    expect(errors.size).toBe(0);
  });

  it('reports duplicate aliases, missing types and unknown classes', () => {
    // Prepare
    const props = { transforms: 'a,b,a', 'transforms.b.type': 'com.example.Nope', predicates: 'p,p', 'predicates.p.type': 'RecordIsTombstone' };
    // Act
    const errors = validateTransforms(props, registry);
    // Assess
    expect(Object.fromEntries(errors)).toEqual({
      transforms: ['Invalid value [a, b, a] for configuration transforms: Duplicate alias provided.'],
      predicates: ['Invalid value [p, p] for configuration predicates: Duplicate alias provided.'],
      'transforms.a.type': ['Missing required configuration "transforms.a.type" which has no default value.'],
      'transforms.b.type': ['Invalid value com.example.Nope for configuration transforms.b.type: Class com.example.Nope could not be found.'],
    });
  });

  it('reports negate without predicate, a bad negate value and an undeclared predicate alias', () => {
    // Prepare
    const props = {
      transforms: 'a,b',
      'transforms.a.type': 'Filter',
      'transforms.a.negate': 'true',
      'transforms.b.type': 'Filter',
      'transforms.b.predicate': 'ghost',
      'transforms.b.negate': 'maybe',
    };
    // Act
    const errors = validateTransforms(props, registry);
    // Assess
    expect(errors.get('transforms.a.type')).toEqual([
      "Config 'transforms.a.negate' was provided but there is no config 'transforms.a.predicate' defining a predicate to be negated.",
    ]);
    expect(errors.get('transforms.b.negate')).toEqual(['Invalid value maybe for configuration transforms.b.negate: Expected value to be either true or false']);
    expect(errors.get('transforms.b.predicate')).toEqual(['Invalid value ghost for configuration transforms.b.predicate: Predicate ghost is not listed in predicates.']);
  });

  it('reports plugin config errors under their full prefixed key names', () => {
    // Prepare
    const props = {
      transforms: 'ts,mask,ins',
      'transforms.ts.type': 'TimestampConverter$Value',
      'transforms.ts.target.type': 'Weekday',
      'transforms.mask.type': 'MaskField$Key',
      'transforms.ins.type': 'InsertField$Value',
      'transforms.ins.static.field': 'env',
      predicates: 'p',
      'predicates.p.type': 'HasHeaderKey',
    };
    // Act
    const errors = validateTransforms(props, registry);
    // Assess
    expect(Object.fromEntries(errors)).toEqual({
      'transforms.ts.target.type': [
        'Invalid value Weekday for configuration transforms.ts.target.type: String must be one of: string, unix, Date, Time, Timestamp',
      ],
      'transforms.mask.fields': ['Missing required configuration "transforms.mask.fields" which has no default value.'],
      'transforms.ins.static.value': ['Invalid value null for configuration transforms.ins.static.value: No value specified for static field: env'],
      'predicates.p.name': ['Missing required configuration "predicates.p.name" which has no default value.'],
    });
  });
});
