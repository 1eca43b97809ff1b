import { describe, expect, it } from 'vitest';
import { nearest } from '../../../bin/cli/nearest.js';

const OPTIONS = ['port', 'host', 'data-dir', 'in-memory', 'kafka-port', 'help'];

describe('nearest', () => {
  it('counts a swap of two adjacent letters as one edit: --prot is --port', () => {
    expect(nearest('prot', OPTIONS)).toBe('port');
  });

  it('finds close misspellings and the one option a prefix names', () => {
    expect(nearest('kafkaport', OPTIONS)).toBe('kafka-port');
    expect(nearest('inmemory', OPTIONS)).toBe('in-memory');
    expect(nearest('data', OPTIONS)).toBe('data-dir');
    expect(nearest('PORT', OPTIONS)).toBe('port');
  });

  it('suggests nothing when nothing is close', () => {
    expect(nearest('verbose', OPTIONS)).toBeUndefined();
    expect(nearest('x', OPTIONS)).toBeUndefined();
  });
});
