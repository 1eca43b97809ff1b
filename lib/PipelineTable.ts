// The pipeline table (DESIGN.md's single-table layout): PK/SK strings, on-demand, a stream for the controller.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { PIPELINE_TABLE_KEYS } from '../lambdas/adapters/dynamodb/table.js';

export interface PipelineTableProps {
  /** Customer managed key for the table; @default the AWS managed key (alias/aws/dynamodb) */
  readonly encryptionKey?: IKey;
  /** What happens to the table when the stack is deleted; @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

export class PipelineTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: PipelineTableProps = {}) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: PIPELINE_TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: PIPELINE_TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      ...(props.encryptionKey
        ? { encryption: TableEncryption.CUSTOMER_MANAGED, encryptionKey: props.encryptionKey }
        : { encryption: TableEncryption.AWS_MANAGED }),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }
}
