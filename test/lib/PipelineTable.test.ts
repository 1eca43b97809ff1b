import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { PipelineTable } from '../../lib/PipelineTable.js';

function synth(configure: (stack: Stack) => void): Template {
  const stack = new Stack(new App(), 'T');
  configure(stack);
  return Template.fromStack(stack);
}

describe('PipelineTable', () => {
  it('has string PK/SK, on-demand billing, a NEW_AND_OLD_IMAGES stream, PITR and AWS-managed encryption', () => {
    // Act
    const template = synth((s) => new PipelineTable(s, 'Pipelines'));
    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('is retained when the stack is deleted, unless told otherwise', () => {
    synth((s) => new PipelineTable(s, 'Pipelines')).hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    synth((s) => new PipelineTable(s, 'Pipelines', { removalPolicy: RemovalPolicy.DESTROY })).hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
  });

  it('encrypts with a customer managed key when given one', () => {
    const template = synth((s) => new PipelineTable(s, 'Pipelines', { encryptionKey: new Key(s, 'Key', { enableKeyRotation: true }) }));
    const table = Object.values(template.findResources('AWS::DynamoDB::Table'))[0] as { Properties: { SSESpecification: Record<string, unknown> } };
    expect(table.Properties.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: expect.anything() });
  });
});
