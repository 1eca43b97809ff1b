// `cdk destroy` removes what the controller made at run time: a custom resource (CDK Provider framework) whose Delete
// runs lambdas/cleanup, deleting every ESM that targets the sink function or its pipeline aliases, those aliases, and
// every schedule in the pipelines' schedule group. It depends on the sink function and the schedule group, so
// CloudFormation deletes it (running the cleanup) before either of them.
import { ArnFormat, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct, type IDependable } from 'constructs';
import type { CleanupProperties } from '../lambdas/cleanup/createCleanupHandler.js';
import { acknowledge, defaultPolicy, iam5, qualifiedArnFinding } from './nag.js';
import { SluiceFunction } from './SluiceFunction.js';

export interface CleanupProps {
  readonly sinkFunction: IFunction;
  readonly scheduleGroupName: string;
  /** What the cleanup must run before on delete (e.g. the schedule group resource). */
  readonly dependsOn?: readonly IDependable[];
  /** @default 'lambdas/cleanup/index.ts' */
  readonly entry?: string;
}

/** The AWS calls the cleanup function makes, each on its resource (for IAM and for the IAM call table). */
export function cleanupStatements(stack: Stack, p: { readonly sinkFunctionArn: string; readonly scheduleGroupName: string }): PolicyStatement[] {
  const esmArn = stack.formatArn({ service: 'lambda', resource: 'event-source-mapping', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const schedules = stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${p.scheduleGroupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  return [
    new PolicyStatement({ sid: 'Aliases', actions: ['lambda:ListAliases', 'lambda:DeleteAlias'], resources: [p.sinkFunctionArn, `${p.sinkFunctionArn}:*`] }),
    // ListEventSourceMappings has no resource type and no condition key in the Service Authorization Reference.
    new PolicyStatement({ sid: 'ListEsms', actions: ['lambda:ListEventSourceMappings'], resources: ['*'] }),
    new PolicyStatement({ sid: 'DeleteEsms', actions: ['lambda:DeleteEventSourceMapping'], resources: [esmArn], conditions: { StringLike: { 'lambda:FunctionArn': `${p.sinkFunctionArn}*` } } }),
    // ListSchedules has no resource-level permission.
    new PolicyStatement({ sid: 'ListSchedules', actions: ['scheduler:ListSchedules'], resources: ['*'] }),
    new PolicyStatement({ sid: 'DeleteSchedules', actions: ['scheduler:DeleteSchedule'], resources: [schedules] }),
  ];
}

export class Cleanup extends Construct {
  readonly fn: IFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: CleanupProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const fn = new SluiceFunction(this, 'Cleanup', {
      entry: props.entry ?? 'lambdas/cleanup/index.ts',
      description: 'Sluice cleanup: on stack delete, removes the ESMs, aliases and schedules the controller made',
      timeout: Duration.minutes(5),
      memorySize: 256,
    });
    this.fn = fn.fn;
    const target = { sinkFunctionArn: props.sinkFunction.functionArn, scheduleGroupName: props.scheduleGroupName };
    for (const s of cleanupStatements(stack, target)) fn.role.addToPolicy(s);
    const provider = new Provider(this, 'Provider', { onEventHandler: fn.fn });
    const properties: CleanupProperties = { SinkFunctionArn: props.sinkFunction.functionArn, ScheduleGroup: props.scheduleGroupName };
    this.resource = new CustomResource(this, 'RuntimeResources', { serviceToken: provider.serviceToken, properties, resourceType: 'Custom::SluiceRuntimeResources' });
    this.resource.node.addDependency(props.sinkFunction, ...(props.dependsOn ?? []));

    const policy = defaultPolicy(fn.role);
    acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', 'ListEventSourceMappings and scheduler:ListSchedules have no resource-level permissions');
    acknowledge(policy, qualifiedArnFinding(props.sinkFunction), 'The controller names pipeline aliases at run time; the cleanup lists and deletes them');
    acknowledge(policy, iam5(policy, stack.formatArn({ service: 'lambda', resource: 'event-source-mapping', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME })), 'ESM UUIDs are assigned at run time; the lambda:FunctionArn condition limits deletes to ESMs of the sink function');
    acknowledge(policy, iam5(policy, stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${props.scheduleGroupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME })), 'Schedules are named at run time, only in the stack\'s own group');
    const framework = provider.node.tryFindChild('framework-onEvent');
    if (framework) {
      acknowledge(framework, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', "aws-cdk-lib's Provider framework function; it only writes its own logs");
      acknowledge(framework, 'AwsSolutions-L1', "aws-cdk-lib's Provider framework function; its runtime is chosen by aws-cdk-lib");
      acknowledge(framework, qualifiedArnFinding(fn.fn), 'The Provider framework invokes the cleanup function (grantInvoke covers its versions)');
    }
  }
}
