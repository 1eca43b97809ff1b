// The cleanup custom resource's handler (CDK Provider framework onEvent, lib/Cleanup.ts): on Delete, removes the ESMs,
// pipeline aliases and schedules the controller made at run time; Create and Update change nothing.
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { createCleanupHandler } from './createCleanupHandler.js';

export const handler = createCleanupHandler({ lambda: new LambdaClient({}), scheduler: new SchedulerClient({}) });
