import { describe, expect, it } from 'vitest';
import { jsonDocuments, jsonMismatch, outputMismatch, textMismatch } from './match.js';

describe('matching a command output with the README', () => {
  it('splits JSON documents printed back to back, as curl prints them', () => {
    expect(jsonDocuments('{"a":"}{"}{"b":[1]}\n[2]')).toEqual([{ a: '}{' }, { b: [1] }, [2]]);
    expect(() => jsonDocuments('{"a":1} oops')).toThrow(/not JSON at offset 8/);
  });

  it('fails on a field the README does not show, or one it shows that is gone', () => {
    expect(jsonMismatch({ name: 'p', tasks: [] }, { name: 'p', tasks: [], runtime: {} })).toBe('$: not shown in the README: runtime={}');
    expect(jsonMismatch({ name: 'p', type: 'sink' }, { name: 'p' })).toBe('$: missing type');
    expect(jsonMismatch({ tasks: [{ id: 0 }] }, { tasks: [] })).toBe('$.tasks: expected 1 element(s), got 0: []');
    expect(jsonMismatch({ state: 'RUNNING' }, { state: 'FAILED' })).toBe('$.state: expected "RUNNING", got "FAILED"');
  });

  it('lets a string ending in " ..." stand for a longer one that starts the same', () => {
    expect(jsonMismatch({ trace: 'Error: boom\n    at f ...' }, { trace: 'Error: boom\n    at f (x.ts:1)' })).toBeUndefined();
    expect(jsonMismatch({ trace: 'Error: boom ...' }, { trace: 'Error: bang and more' })).toMatch(/^\$\.trace: expected/);
  });

  it('lets runtime metric figures differ, but not the metric names or other numbers', () => {
    const shown = { runtime: { metrics: { RecordsReceived: 3 }, metrics_window_minutes: 1 }, offset: 3 };
    expect(jsonMismatch(shown, { runtime: { metrics: { RecordsReceived: 5 }, metrics_window_minutes: 2 }, offset: 3 })).toBeUndefined();
    expect(jsonMismatch(shown, { runtime: { metrics: { RecordsWritten: 3 }, metrics_window_minutes: 1 }, offset: 3 })).toMatch(/missing RecordsReceived/);
    expect(jsonMismatch(shown, { runtime: { metrics: { RecordsReceived: 3 }, metrics_window_minutes: 1 }, offset: 4 })).toBe('$.offset: expected 3, got 4');
    const history = { runtime: { metrics_history: { period_seconds: 10, series: { RecordsReceived: [[1_764_504_000_000, 3]] } } } };
    expect(jsonMismatch(history, { runtime: { metrics_history: { period_seconds: 10, series: { RecordsReceived: [[1_764_504_010_000, 1], [1_764_504_020_000, 2]] } } } })).toBeUndefined();
    expect(jsonMismatch(history, { runtime: { metrics_history: { period_seconds: 10, series: { RecordsWritten: [[1_764_504_010_000, 1]] } } } })).toMatch(/missing RecordsReceived/);
    expect(jsonMismatch(history, { runtime: { metrics_history: { period_seconds: 60, series: { RecordsReceived: [[1_764_504_000_000, 3]] } } } })).toBe('$.runtime.metrics_history.period_seconds: expected 10, got 60');
    expect(jsonMismatch(history, { runtime: { metrics_history: { period_seconds: 10, series: { RecordsReceived: [[1_764_504_000_000, '3']] } } } })).toMatch(/^\$\.runtime\.metrics_history\.series\.RecordsReceived\[0\]\[1\]/);
  });

  it('finds the text lines shown, in order, ignoring trailing spaces', () => {
    expect(textMismatch(' id | qty \n----\n(2 rows)', 'NOTICE\n id | qty\n----\n  1 | 3\n(2 rows)\n')).toBeUndefined();
    expect(textMismatch('(2 rows)\n id | qty', ' id | qty\n(2 rows)')).toBe('line not found (in order): " id | qty"');
  });

  it('compares one README line per JSON document', () => {
    expect(outputMismatch({ kind: 'json', text: '{"a":1}\n{"b":2}' }, '{"a":1}{"b":2}')).toBeUndefined();
    expect(outputMismatch({ kind: 'json', text: '{"a":1}\n{"b":2}' }, '{"a":1}')).toBe('expected 2 JSON document(s), got 1');
  });
});
