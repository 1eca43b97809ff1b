// Standalone mode's RuntimeObserver: the ESM emulator's mappings, the in-process metrics since start and their recent
// history per period.
import type { InMemoryMetricsSink } from '../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import type { ConnectorType } from '../lambdas/runtime/ports/PipelineStore.js';
import type { ObservedRuntime, RuntimeObserver } from '../lambdas/runtime/ports/RuntimeObserver.js';

export class LocalRuntimeObserver implements RuntimeObserver {
  private readonly started = Date.now();

  constructor(
    private readonly metrics: InMemoryMetricsSink,
    private readonly mappingsOf: (name: string) => ReadonlyArray<{ topic: string; uuid: string; state: string; lastProcessingResult?: string }>,
  ) {}

  async observe(name: string, type: ConnectorType): Promise<ObservedRuntime> {
    const snapshot = this.metrics.snapshot(name);
    const mappings = type === 'sink' ? this.mappingsOf(name).map((m) => ({ topic: m.topic, uuid: m.uuid, state: m.state, ...(m.lastProcessingResult ? { lastProcessingResult: m.lastProcessingResult } : {}) })) : [];
    return { mappings, metrics: { ...snapshot.counts }, windowMinutes: Math.max(1, Math.ceil((Date.now() - this.started) / 60_000)), history: this.metrics.history(name) };
  }
}
