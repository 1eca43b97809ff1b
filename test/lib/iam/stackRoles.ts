// The roles of a synthesized SluiceStack by caller, and the concrete ARNs of what their calls name (lib/awsCalls.ts).
import type { CfnElement } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { CallerRole, CallTargets, Deployment } from '../../../lib/awsCalls.js';
import type { SluiceInputs } from '../../../lib/stackInputs.js';
import type { SluiceFunction } from '../../../lib/SluiceFunction.js';
import type { SluiceStack } from '../../../lib/SluiceStack.js';
import { openSearchDomainArns } from '../../../lib/TaskFunctions.js';
import { type Concrete, ENV } from './concrete.js';

/** aws-cdk-lib's fixed id for the AwsCustomResource provider (a stack-wide singleton). */
const PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

/** The cleanup custom resource's Provider framework function (aws-cdk-lib custom-resources' fixed child id). */
const providerFunction = (stack: SluiceStack) => stack.cleanup.node.findChild('Provider').node.findChild('framework-onEvent') as IFunction;

/** Logical ids of the roles; `brokers` only when the stack reads MSK bootstrap brokers. */
export function roleIds(stack: SluiceStack): Partial<Record<CallerRole, string>> {
  const id = (role: IRole | undefined) => {
    if (!role) throw new Error('function without a role');
    return stack.getLogicalId(role.node.defaultChild as CfnElement);
  };
  return {
    api: id(stack.api.fn.role),
    controller: id(stack.controller.fn.role),
    sink: id(stack.tasks.sink.role),
    source: id(stack.tasks.source.role),
    scheduler: id(stack.controller.schedulerRole),
    resync: id(stack.controller.node.findChild('ResyncRole') as IRole),
    cleanup: id(stack.cleanup.fn.role),
    cleanupProvider: id(providerFunction(stack).role),
    ...(stack.node.tryFindChild(PROVIDER_ID) ? { brokers: id(stack.node.findChild(PROVIDER_ID).node.findChild('ServiceRole') as IRole) } : {}),
  };
}

export function deploymentOf(inputs: SluiceInputs): Deployment {
  return { kafka: inputs.kafka.clusterArn ? 'msk' : 'self-managed', auth: inputs.kafka.auth, secretKey: inputs.kafka.secretKeyArn !== undefined, openSearch: (inputs.openSearchDomains ?? []).length > 0 };
}

export function targetsOf(stack: SluiceStack, inputs: SluiceInputs, concrete: Concrete): CallTargets {
  const v = (token: string) => concrete.value(stack.resolve(token));
  const log = (fn: { logGroup: { logGroupArn: string } }) => v(fn.logGroup.logGroupArn);
  const { kafka } = inputs;
  return {
    ...ENV,
    table: v(stack.table.table.tableArn),
    tableStream: v(stack.table.table.tableStreamArn ?? ''),
    sinkFunction: v(stack.tasks.sink.functionArn),
    sourceFunction: v(stack.tasks.source.functionArn),
    controllerFunction: v(stack.controller.fn.functionArn),
    cleanupFunction: v(stack.cleanup.fn.functionArn),
    schedulerRole: v(stack.controller.schedulerRole.roleArn),
    scheduleGroup: v(stack.controller.scheduleGroupName),
    failureQueue: v(stack.controller.failureQueue.queueArn),
    secretPrefix: inputs.secretPrefix,
    configKey: v(stack.configKey.key.keyArn),
    logGroups: { api: log(stack.api.fn), controller: log(stack.controller.fn), sink: log(stack.tasks.sink), source: log(stack.tasks.source), cleanup: log((stack.cleanup.node.findChild('Cleanup') as SluiceFunction).fn) },
    ...(kafka.clusterArn ? { cluster: kafka.clusterArn } : {}),
    ...(kafka.secretArn ? { secret: kafka.secretArn } : {}),
    ...(kafka.secretKeyArn ? { secretKey: kafka.secretKeyArn } : {}),
    ...(inputs.openSearchDomains?.[0] ? { openSearchDomain: v(openSearchDomainArns(stack, inputs.openSearchDomains)[0]!) } : {}),
  };
}
