import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../lambdas/runtime/converters/LruCache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry, repeated hits on the newest included', () => {
    // Prepare
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.get('a');
    // Act
    cache.set('c', 3);
    // Assess
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('moves an older entry to the front on a hit after another was newest', () => {
    // Prepare
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('b');
    cache.get('a');
    // Act
    cache.set('c', 3);
    // Assess
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
  });
});
