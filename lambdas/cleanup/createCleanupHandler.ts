// The Provider framework's onEvent contract: the event carries RequestType and the resource's properties; the answer
// names the physical resource. (aws-cdk-lib custom-resources, "Provider Framework": a handler that throws fails the
// stack operation with its message.)
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { type CleanupClients, cleanup } from './cleanup.js';

/** The custom resource's properties (lib/Cleanup.ts). */
export interface CleanupProperties {
  readonly SinkFunctionArn: string;
  readonly ScheduleGroup: string;
}

export const CLEANUP_PHYSICAL_ID = 'sluice-runtime-resources';

export function createCleanupHandler(clients: CleanupClients) {
  return async (event: CloudFormationCustomResourceEvent): Promise<{ PhysicalResourceId: string; Data?: Record<string, string> }> => {
    if (event.RequestType !== 'Delete') return { PhysicalResourceId: CLEANUP_PHYSICAL_ID };
    const props = event.ResourceProperties as unknown as CleanupProperties;
    const report = await cleanup(clients, { sinkFunctionArn: props.SinkFunctionArn, scheduleGroup: props.ScheduleGroup });
    console.log(JSON.stringify({ message: 'Sluice cleanup: deleted', ...report }));
    return { PhysicalResourceId: event.PhysicalResourceId };
  };
}
