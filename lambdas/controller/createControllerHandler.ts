// The controller's handler: DynamoDB stream batches (CONFIG and STATUS changes) and the periodic resync event, which
// re-expands topics.regex pipelines and repairs drift. Each pipeline is reconciled once per batch.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { maskSecrets } from '../connect-api/maskSecrets.js';
import type { PipelineStore } from '../runtime/ports/PipelineStore.js';
import type { PipelineReconciler } from '../runtime/lifecycle/PipelineReconciler.js';
import { type PipelineTouch, pipelinesOf } from './streamRecords.js';

/** The input of the controller's own schedule (lib/Controller.ts). */
export interface ResyncEvent {
  readonly sluice: 'resync';
}

export type ControllerEvent = DynamoDBStreamEvent | ResyncEvent;

function isResync(e: ControllerEvent): e is ResyncEvent {
  return (e as ResyncEvent).sluice === 'resync';
}

export function createControllerHandler(reconciler: PipelineReconciler, store: PipelineStore): (event: ControllerEvent) => Promise<void> {
  return async (event) => {
    const touched: PipelineTouch[] = isResync(event) ? (await store.list()).map((r) => ({ name: r.name })) : pipelinesOf(event.Records);
    const failures: string[] = [];
    for (const t of touched) {
      try {
        const { actions, pending } = await reconciler.reconcile(t.name, t.imageVersion === undefined ? {} : { imageVersion: t.imageVersion });
        if (actions.length > 0) console.log(JSON.stringify({ pipeline: t.name, actions: actions.map((a) => a.kind) }));
        // A stop is confirmed (STATUS STOPPED) only once the ESMs are Disabled: retrying the batch observes them again.
        if (pending) failures.push(t.name);
      } catch (e) {
        console.error(maskSecrets(JSON.stringify({ pipeline: t.name, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })));
        failures.push(t.name);
      }
    }
    // Throwing makes Lambda retry the batch (bisecting it); reconciling is idempotent, so pipelines that succeeded are unharmed.
    if (failures.length > 0 && !isResync(event)) throw new Error(`Reconciling failed for ${failures.join(', ')}`);
  };
}
