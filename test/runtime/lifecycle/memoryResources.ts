// An in-memory resources port for the lifecycle's table test. `lagging` makes disabled mappings and schedules keep
// polling for a while, as an AWS ESM does while Disabling, so that STOPPING can be observed; the real local
// implementation (local/LocalResources.ts) is exercised by the standalone tests.
import { ALIAS_VERSION, type Action, type Observed, type ObservedEsm, type ObservedSchedule, rateExpression } from '../../../lambdas/runtime/lifecycle/plan.js';
import type { ControllerResources, ObserveTarget } from '../../../lambdas/runtime/ports/PipelineResources.js';

export class MemoryResources implements ControllerResources {
  lagging = false;
  private readonly aliases = new Set<string>();
  private readonly esms = new Map<string, ObservedEsm & { alias: string }>();
  private readonly schedules = new Map<string, ObservedSchedule>();
  private next = 0;

  async observe(t: ObserveTarget): Promise<Observed> {
    const esms = [...this.esms.values()].filter((e) => e.alias === t.alias).map(({ alias: _alias, ...e }) => e);
    const schedule = this.schedules.get(t.scheduleName);
    return { ...(this.aliases.has(t.alias) ? { aliasVersion: ALIAS_VERSION } : {}), esms, ...(schedule ? { schedule } : {}) };
  }

  async apply(a: Action): Promise<void> {
    if (a.kind === 'createAlias' || a.kind === 'updateAlias') this.aliases.add(a.alias);
    else if (a.kind === 'deleteAlias') this.aliases.delete(a.alias);
    else if (a.kind === 'createEsm') this.esms.set(`u${++this.next}`, { ...a.esm, alias: a.alias, uuid: `u${this.next}`, enabled: a.enabled, active: a.enabled });
    else if (a.kind === 'updateEsm') {
      const e = this.esms.get(a.uuid)!;
      const enabled = a.changes.enabled ?? e.enabled;
      this.esms.set(a.uuid, { ...e, enabled, active: enabled || (this.lagging && e.active) });
    } else if (a.kind === 'deleteEsm') this.esms.delete(a.uuid);
    else if (a.kind === 'deleteSchedule') this.schedules.delete(a.name);
    else {
      const before = this.schedules.get(a.schedule.name);
      const active = a.enabled || (this.lagging && (before?.active ?? false));
      this.schedules.set(a.schedule.name, { name: a.schedule.name, expression: rateExpression(a.schedule.rateMinutes), input: a.schedule.input, enabled: a.enabled, intervalMs: a.schedule.intervalMs, active });
    }
  }

  /** Lets every lagging mapping and schedule finish disabling. */
  settle(): void {
    this.lagging = false;
    for (const [k, e] of this.esms) this.esms.set(k, { ...e, active: e.enabled });
    for (const [k, s] of this.schedules) this.schedules.set(k, { ...s, active: s.enabled });
  }

  describe(_t: ObserveTarget, observed: Observed): Record<string, string> {
    return Object.fromEntries(observed.esms.map((e) => [`esm:${e.topic}`, e.uuid]));
  }
}
