// The emulators' reconcile loop: a tick that keeps failing the same way is logged once, its recovery once, and a new
// failure again; ticks go on meanwhile.
import { describe, expect, it } from 'vitest';
import { PollingLoop } from '../../local/PollingLoop.js';
import { waitFor } from '../helpers/waitFor.js';

describe('PollingLoop', () => {
  it('logs a failure that repeats once, then its recovery, then a new failure', async () => {
    // Prepare: fails 5 times with one error, succeeds twice, then fails with another
    const lines: string[] = [];
    const logger = { info: (m: string) => void lines.push(`info ${m}`), warn: (m: string) => void lines.push(`warn ${m}`), error: (m: string, f?: Record<string, unknown>) => void lines.push(`error ${m} ${String(f?.['error'])}`) };
    let ticks = 0;
    const loop = new PollingLoop(
      'reconcile',
      async () => {
        ticks++;
        if (ticks <= 5) throw new Error('store unreachable');
        if (ticks >= 8) throw new Error('another cause');
      },
      5,
      logger,
    );
    // Act
    loop.start();
    await waitFor(async () => ticks >= 10, 10_000, 'ten ticks');
    await loop.stop();
    // Assess
    expect(lines).toEqual([
      'error reconcile failed; retrying every 5 ms Error: store unreachable',
      'info reconcile works again',
      'error reconcile failed; retrying every 5 ms Error: another cause',
    ]);
  });
});
