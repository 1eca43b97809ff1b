import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopOnSignals } from '../../../bin/cli/stopOnSignals.js';

function harness(stop: () => Promise<void>) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  const lines: string[] = [];
  stopOnSignals(stop, {
    on: (signal, listener) => signals.on(signal, listener),
    exit: (code) => exits.push(code),
    log: (line) => lines.push(line),
    error: (e) => lines.push(`error: ${String(e)}`),
  });
  return { signals, exits, lines };
}

describe('stopping standalone mode on a signal', () => {
  it('stops gracefully on Ctrl-C and exits 0 once the stop is done', async () => {
    // Prepare
    let finish = (): void => undefined;
    const stopped = new Promise<void>((resolve) => (finish = resolve));
    const { signals, exits, lines } = harness(() => stopped);
    // Act
    signals.emit('SIGINT');
    const whileStopping = [...exits];
    finish();
    await stopped;
    await Promise.resolve();
    // Assess
    expect(whileStopping).toEqual([]);
    expect(exits).toEqual([0]);
    expect(lines[0]).toContain('SIGINT: stopping (finishing the batch in flight; Ctrl-C again forces)');
  });

  it('forces the exit on a second Ctrl-C while the graceful stop runs', () => {
    // Prepare
    let stops = 0;
    const { signals, exits, lines } = harness(() => {
      stops++;
      return new Promise<void>(() => undefined);
    });
    // Act
    signals.emit('SIGINT');
    signals.emit('SIGINT');
    // Assess
    expect(stops).toBe(1);
    expect(exits).toEqual([130]);
    expect(lines[1]).toBe('SIGINT again: forced stop (a batch in flight is delivered again on the next start)');
  });

  it('exits 1 with the error when the stop fails, and 143 on a second SIGTERM', async () => {
    const failing = harness(() => Promise.reject(new Error('broker would not close')));
    failing.signals.emit('SIGTERM');
    await new Promise((r) => setImmediate(r));
    expect(failing.exits).toEqual([1]);
    expect(failing.lines).toContain('error: Error: broker would not close');

    const hanging = harness(() => new Promise<void>(() => undefined));
    hanging.signals.emit('SIGTERM');
    hanging.signals.emit('SIGTERM');
    expect(hanging.exits).toEqual([143]);
  });
});
