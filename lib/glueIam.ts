// The task roles' AWS Glue Schema Registry grants, for pipelines with the Glue converter
// (com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter): reading a schema version by its id
// (GetSchemaVersion names no registry or schema, so, as in AWS's own IAM example for the SerDe's deserializer, its
// resource is `*`), and finding and registering written schemas (GetSchemaByDefinition, RegisterSchemaVersion,
// CreateSchema) in the registries the stack input glueRegistries names (every registry of the stack's account and
// Region by default).
import type { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

export const GLUE_READ_ACTIONS = ['glue:GetSchemaVersion'];
export const GLUE_WRITE_ACTIONS = ['glue:GetSchemaByDefinition', 'glue:RegisterSchemaVersion', 'glue:CreateSchema'];

/** The registry and schema ARNs of the named registries (`*`: all of them). */
export function glueResourceArns(stack: Stack, registries: readonly string[]): string[] {
  return registries.flatMap((r) => [
    stack.formatArn({ service: 'glue', resource: 'registry', resourceName: r }),
    stack.formatArn({ service: 'glue', resource: 'schema', resourceName: `${r}/*` }),
  ]);
}

export function glueSchemaStatements(stack: Stack, registries: readonly string[]): PolicyStatement[] {
  return [
    new PolicyStatement({ actions: GLUE_READ_ACTIONS, resources: ['*'] }),
    new PolicyStatement({ actions: GLUE_WRITE_ACTIONS, resources: glueResourceArns(stack, registries) }),
  ];
}
