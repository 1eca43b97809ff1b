// A Clock whose sleep advances time at once, so retry tests never wait.
import type { Clock } from '../../lambdas/runtime/ports/Clock.js';

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = 1_700_000_000_000) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
