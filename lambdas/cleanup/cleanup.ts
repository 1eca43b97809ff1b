// What `cdk destroy` must remove that CloudFormation does not own: the controller makes event source mappings, aliases
// and schedules at run time, so deleting the stack would leave ESMs polling the cluster for a deleted function and
// schedules invoking nothing. Called by the stack's cleanup custom resource on Delete (lambdas/cleanup/index.ts).
import { DeleteAliasCommand, DeleteEventSourceMappingCommand, type LambdaClient, ListAliasesCommand, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { DeleteScheduleCommand, ListSchedulesCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import { ignoring } from '../adapters/aws/awsErrors.js';
import { aliasArn, isPipelineAlias } from '../runtime/awsNames.js';

export interface CleanupTarget {
  /** The sink-task function (unqualified ARN): its pipeline aliases and every ESM targeting it or them. */
  readonly sinkFunctionArn: string;
  /** The schedule group holding one schedule per source pipeline. */
  readonly scheduleGroup: string;
}

export interface CleanupClients {
  readonly lambda: LambdaClient;
  readonly scheduler: SchedulerClient;
}

export interface CleanupReport {
  readonly eventSourceMappings: readonly string[];
  readonly aliases: readonly string[];
  readonly schedules: readonly string[];
}

const GONE = 'ResourceNotFoundException';

/** Every item of a paginated list call: `page(token)` returns the page's names and the next token, if any. */
async function all(page: (token: string | undefined) => Promise<{ items: readonly (string | undefined)[]; next: string | undefined }>): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const r = await page(token);
    for (const i of r.items) if (i) out.push(i);
    token = r.next;
  } while (token);
  return out;
}

/** The pipeline aliases Sluice made on the function (`p-…` / `h-…`); aliases CloudFormation owns are left alone. */
async function pipelineAliases(lambda: LambdaClient, functionArn: string): Promise<string[]> {
  const names = await all(async (Marker) => {
    const r = await lambda.send(new ListAliasesCommand({ FunctionName: functionArn, ...(Marker ? { Marker } : {}) }));
    return { items: (r.Aliases ?? []).map((a) => a.Name), next: r.NextMarker };
  });
  return names.filter(isPipelineAlias);
}

function esmsOf(lambda: LambdaClient, functionName: string): Promise<string[]> {
  return all(async (Marker) => {
    const r = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: functionName, ...(Marker ? { Marker } : {}) }));
    return { items: (r.EventSourceMappings ?? []).map((m) => m.UUID), next: r.NextMarker };
  });
}

function schedulesIn(scheduler: SchedulerClient, group: string): Promise<string[]> {
  return all(async (NextToken) => {
    const r = await scheduler.send(new ListSchedulesCommand({ GroupName: group, ...(NextToken ? { NextToken } : {}) }));
    return { items: (r.Schedules ?? []).map((x) => x.Name), next: r.NextToken };
  });
}

/**
 * Deletes every ESM targeting the sink function or one of its pipeline aliases, then those aliases, then every schedule
 * in the group. Idempotent: what is already gone counts as deleted, so a retried delete succeeds.
 */
export async function cleanup(clients: CleanupClients, target: CleanupTarget): Promise<CleanupReport> {
  const { lambda, scheduler } = clients;
  const aliases = await pipelineAliases(lambda, target.sinkFunctionArn);
  const targets = [target.sinkFunctionArn, ...aliases.map((a) => aliasArn(target.sinkFunctionArn, a))];
  const uuids = [...new Set((await Promise.all(targets.map((t) => esmsOf(lambda, t)))).flat())];
  for (const UUID of uuids) await ignoring(() => lambda.send(new DeleteEventSourceMappingCommand({ UUID })), GONE);
  for (const Name of aliases) await ignoring(() => lambda.send(new DeleteAliasCommand({ FunctionName: target.sinkFunctionArn, Name })), GONE);
  const schedules = await schedulesIn(scheduler, target.scheduleGroup);
  for (const Name of schedules) await ignoring(() => scheduler.send(new DeleteScheduleCommand({ Name, GroupName: target.scheduleGroup })), GONE);
  return { eventSourceMappings: uuids, aliases, schedules };
}
