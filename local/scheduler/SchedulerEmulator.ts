// Standalone mode's EventBridge Scheduler, as the resources port sees them (LocalResources): put (create or update)
// and delete a schedule. An enabled schedule invokes the source handler with its input ({"pipeline": name}) every
// `intervalMs` (the pipeline's poll.interval.ms: no one-minute floor locally), each invocation with a short Lambda
// deadline so that a pause, a delete or a shutdown takes effect within seconds. Disabling waits for the invocation
// in flight, so a disabled schedule has nothing running.
import type { ObservedSchedule, ScheduleSpec } from '../../lambdas/runtime/lifecycle/plan.js';
import { rateExpression } from '../../lambdas/runtime/lifecycle/plan.js';
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';
import type { SourceEvent, SourceHandler } from '../../lambdas/source/createSourceHandler.js';
import { SAFETY_MARGIN_MS } from '../../lambdas/source/createSourceHandler.js';

export interface SchedulerEmulatorOptions {
  readonly invoke: SourceHandler;
  readonly logger: Logger;
  /** How long one invocation may keep polling before it returns. @default 2000 */
  readonly invocationMs?: number;
}

interface Schedule {
  spec: ScheduleSpec;
  enabled: boolean;
  /** The firing loop of an enabled schedule; undefined once it has finished. */
  loop: Promise<void> | undefined;
  stopped: boolean;
}

export class SchedulerEmulator {
  private readonly schedules = new Map<string, Schedule>();

  constructor(private readonly options: SchedulerEmulatorOptions) {}

  /** GetSchedule: undefined when there is none. */
  get(name: string): ObservedSchedule | undefined {
    const s = this.schedules.get(name);
    if (!s) return undefined;
    return { name, expression: rateExpression(s.spec.rateMinutes), input: s.spec.input, enabled: s.enabled, intervalMs: s.spec.intervalMs, active: s.loop !== undefined };
  }

  /** CreateSchedule / UpdateSchedule (a full replacement, as in Scheduler). */
  async put(spec: ScheduleSpec, enabled: boolean): Promise<void> {
    const current = this.schedules.get(spec.name);
    if (current) await this.halt(current);
    const schedule: Schedule = { spec, enabled, loop: undefined, stopped: false };
    this.schedules.set(spec.name, schedule);
    if (enabled) schedule.loop = this.run(schedule).finally(() => (schedule.loop = undefined));
  }

  async delete(name: string): Promise<void> {
    const s = this.schedules.get(name);
    if (!s) return;
    this.schedules.delete(name);
    await this.halt(s);
  }

  async stop(): Promise<void> {
    const all = [...this.schedules.values()];
    this.schedules.clear();
    await Promise.all(all.map((s) => this.halt(s)));
  }

  /** Names of the pipelines whose schedule is firing. */
  get active(): string[] {
    return [...this.schedules.values()].filter((s) => s.loop !== undefined).map((s) => pipelineOf(s.spec.input));
  }

  private async halt(s: Schedule): Promise<void> {
    s.stopped = true;
    s.enabled = false;
    await s.loop;
  }

  private async run(schedule: Schedule): Promise<void> {
    const invocationMs = this.options.invocationMs ?? 2000;
    const event = JSON.parse(schedule.spec.input) as SourceEvent;
    while (!schedule.stopped) {
      const started = Date.now();
      const end = started + invocationMs + SAFETY_MARGIN_MS;
      try {
        const result = await this.options.invoke(event, { getRemainingTimeInMillis: () => Math.max(0, end - Date.now()) });
        if (result.outcome === 'failed') this.options.logger.warn(`source pipeline ${event.pipeline} failed`, { trace: result.trace?.split('\n')[0] });
      } catch (e) {
        this.options.logger.error(`source invocation for ${event.pipeline} threw`, { error: String(e) });
      }
      const wait = Math.max(0, started + schedule.spec.intervalMs - Date.now());
      for (let waited = 0; waited < wait && !schedule.stopped; waited += 100) await new Promise((r) => setTimeout(r, Math.min(100, wait - waited)));
    }
  }
}

function pipelineOf(input: string): string {
  return (JSON.parse(input) as SourceEvent).pipeline;
}
