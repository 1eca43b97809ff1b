// Ctrl-C (SIGINT) or SIGTERM stops standalone mode gracefully: the batch in flight is committed only if it was
// written. The same signal again, while that runs, forces the exit: whatever was in flight is delivered again on the
// next start, since its offset was not committed.
import { constants } from 'node:os';

type StopSignal = 'SIGINT' | 'SIGTERM';

export interface SignalIo {
  on(signal: StopSignal, listener: () => void): unknown;
  exit(code: number): void;
  log(line: string): void;
  error(e: unknown): void;
}

export function stopOnSignals(stop: () => Promise<void>, io: SignalIo): void {
  let stopping = false;
  const onSignal = (signal: StopSignal) => {
    if (stopping) {
      io.log(`${signal} again: forced stop (a batch in flight is delivered again on the next start)`);
      io.exit(128 + constants.signals[signal]);
      return;
    }
    stopping = true;
    io.log(`\n${signal}: stopping (finishing the batch in flight; ${signal === 'SIGINT' ? 'Ctrl-C' : signal} again forces)`);
    stop().then(
      () => io.exit(0),
      (e: unknown) => {
        io.error(e);
        io.exit(1);
      },
    );
  };
  io.on('SIGINT', () => onSignal('SIGINT'));
  io.on('SIGTERM', () => onSignal('SIGTERM'));
}
