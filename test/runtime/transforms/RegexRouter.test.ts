import { describe, expect, it } from 'vitest';
import { regexRouterPlugin } from '../../../lambdas/runtime/transforms/RegexRouter.js';
import { run, sinkRecord } from './records.js';

describe('RegexRouter', () => {
  it('rewrites the topic with Java group references when the regex matches the whole topic', () => {
    // Prepare
    const record = sinkRecord({ topic: 'db.public.orders' });
    // Act
    const out = run(regexRouterPlugin, { regex: '([^.]+)\\.([^.]+)\\.([^.]+)', replacement: '$3_from_$1' }, record);
    // Assess
    expect(out?.topic).toBe('orders_from_db');
  });

  it('leaves the topic unchanged when the regex only matches part of it', () => {
    // Prepare
    const record = sinkRecord({ topic: 'orders-v2' });
    // Act
    const out = run(regexRouterPlugin, { regex: 'orders', replacement: 'x' }, record);
    // Assess
    expect(out).toBe(record);
  });

  it('supports named groups, escaped dollars and leading inline flags', () => {
    // Prepare
    const record = sinkRecord({ topic: 'ORDERS' });
    // Act
    const out = run(regexRouterPlugin, { regex: '(?i)(?<name>orders)', replacement: '${name}\\$1' }, record);
    // Assess
    expect(out?.topic).toBe('ORDERS$1');
  });

  it('rejects an invalid regex and requires both keys', () => {
    // Prepare
    const bad = { regex: '(', replacement: 'x' };
    const missing = { regex: 'a' };
    // Act
    const actBad = () => regexRouterPlugin.create(bad);
    const actMissing = () => regexRouterPlugin.create(missing);
    // Assess
    expect(actBad).toThrow('Invalid value ( for configuration regex: Invalid regex:');
    expect(actMissing).toThrow('Missing required configuration "replacement" which has no default value.');
  });
});
