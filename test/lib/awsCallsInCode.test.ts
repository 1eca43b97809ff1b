// The table of AWS calls (lib/awsCalls.ts) matches the code: the SDK commands each function's module graph sends are
// exactly the table's `sdk` rows for that function's role, so a new call without a table row (and so without a
// simulated permission) fails here.
import { describe, expect, it } from 'vitest';
import { AWS_CALLS, type CallerRole } from '../../lib/awsCalls.js';
import { entryActions, sdkActions } from './iam/sdkCommands.js';

const ENTRIES: Partial<Record<CallerRole, string>> = {
  api: 'lambdas/api/index.ts',
  controller: 'lambdas/controller/index.ts',
  sink: 'lambdas/sink/index.ts',
  source: 'lambdas/source/index.ts',
  cleanup: 'lambdas/cleanup/index.ts',
};

describe('the table of AWS calls against the code', () => {
  it.each(Object.entries(ENTRIES))('lists exactly the SDK calls the %s function can send', (role, entry) => {
    const table = [...new Set(AWS_CALLS.filter((c) => c.role === role && c.via === 'sdk').map((c) => c.action))].sort();
    expect(entryActions(entry)).toEqual(table);
  });

  it('lists iam:PassRole for the role that creates schedules (they name the scheduler role)', () => {
    const passes = AWS_CALLS.filter((c) => c.via === 'passrole').map((c) => c.role);
    const schedules = [...new Set(AWS_CALLS.filter((c) => c.action === 'scheduler:CreateSchedule' || c.action === 'scheduler:UpdateSchedule').map((c) => c.role))];
    expect(passes).toEqual(schedules);
  });

  it('finds the commands of a file and maps document commands to DynamoDB operations', () => {
    expect(sdkActions(['lambdas/adapters/aws/MskCluster.ts'])).toEqual(['kafka:DescribeClusterV2', 'kafka:ListTopics']);
    expect(sdkActions(['lambdas/adapters/dynamodb/DynamoPipelineStore.ts'])).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:UpdateItem']);
    // The api seals (Encrypt only), the tasks open (Decrypt only): one command per file, so no bundle can send the other.
    expect(sdkActions(['lambdas/adapters/aws/KmsConfigSealer.ts'])).toEqual(['kms:Encrypt']);
    expect(sdkActions(['lambdas/adapters/aws/KmsConfigOpener.ts'])).toEqual(['kms:Decrypt']);
  });
});
