// Standalone mode's implementation of the reconciler's resources port: the pipeline aliases, the ESM emulator's
// mappings and the scheduler emulator's schedules, so that the lifecycle code that runs in AWS runs here unchanged.
import { ALIAS_VERSION, type Action, type Observed } from '../lambdas/runtime/lifecycle/plan.js';
import type { ControllerResources, ObserveTarget } from '../lambdas/runtime/ports/PipelineResources.js';
import type { EsmEmulator } from './esm/EsmEmulator.js';
import type { SchedulerEmulator } from './scheduler/SchedulerEmulator.js';

export class LocalResources implements ControllerResources {
  private readonly aliases = new Set<string>();

  constructor(
    private readonly esm: EsmEmulator,
    private readonly scheduler: SchedulerEmulator,
  ) {}

  async observe(target: ObserveTarget): Promise<Observed> {
    const schedule = this.scheduler.get(target.scheduleName);
    const alias = this.aliases.has(target.alias);
    return { ...(alias ? { aliasVersion: ALIAS_VERSION } : {}), esms: alias ? this.esm.list(target.alias) : [], ...(schedule ? { schedule } : {}) };
  }

  async apply(a: Action): Promise<void> {
    switch (a.kind) {
      case 'createAlias':
      case 'updateAlias':
        this.aliases.add(a.alias);
        return;
      case 'deleteAlias':
        this.aliases.delete(a.alias);
        return;
      case 'createEsm':
        await this.esm.create(a.alias, a.esm, a.enabled);
        return;
      case 'updateEsm':
        return this.esm.update(a.uuid, a.changes);
      case 'deleteEsm':
        return this.esm.delete(a.uuid);
      case 'createSchedule':
      case 'updateSchedule':
        return this.scheduler.put(a.schedule, a.enabled);
      case 'deleteSchedule':
        return this.scheduler.delete(a.name);
    }
  }

  /** The same keys as in AWS (alias, esm:<topic>, schedule), with local handles for values. */
  describe(target: ObserveTarget, observed: Observed): Record<string, string> {
    const ids: Record<string, string> = Object.fromEntries(observed.esms.map((e) => [`esm:${e.topic}`, e.uuid]));
    if (observed.aliasVersion !== undefined) ids['alias'] = `${this.esm.functionArn}:${target.alias}`;
    if (observed.schedule) ids['schedule'] = `local:schedule/${observed.schedule.name}`;
    return ids;
  }
}
