// What the REST service writes or refuses for the lifecycle's requests (lifecycle/transitions.ts): the RESTARTING
// marks of a restart, and the offsets refusal with Kafka Connect's message (or a 409 while the consumers still leave).
import { BadRequestError, ConflictError } from '../../connect-api/errors.js';
import { stateOf } from '../lifecycle/state.js';
import { transition } from '../lifecycle/transitions.js';
import type { PipelineRecord, PipelineStatus, StatusPatch } from '../ports/PipelineStore.js';

/** Marks what will restart; the reconciler sets RUNNING when it applies the new restartEpoch (the task gate, on records). */
export function restartingPatch(status: PipelineStatus | undefined, workerId: string, connector: boolean, tasks: readonly number[]): StatusPatch {
  const others = (status?.tasks ?? []).filter((t) => !tasks.includes(t.id));
  return {
    ...(connector ? { connector: { state: 'RESTARTING', workerId } } : {}),
    tasks: [...others, ...tasks.map((id) => ({ id, state: 'RESTARTING' as const, workerId }))].sort((a, b) => a.id - b.id),
  };
}

/** 400 before the stop (Kafka's message), 409 while the pipeline is STOPPING. */
export function assertOffsetsChangeable(r: PipelineRecord, status: PipelineStatus | undefined): void {
  const refused = transition(stateOf(r, status), 'offsets').refused;
  if (refused?.status === 409) throw new ConflictError(`Connector ${r.name} is stopping and its offsets cannot be modified yet: ${refused.reason}`);
  if (refused) {
    throw new BadRequestError(
      `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${r.name}/stop' endpoint`,
    );
  }
}
