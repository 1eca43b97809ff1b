// The stack's cleanup custom resource: on delete it runs before the sink function and the controller (schedule group)
// are deleted, knows its targets, and its role may do exactly the calls lambdas/cleanup makes.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, buildStack, statementsOf } from './testStack.js';

let template: Template;
beforeAll(() => {
  template = buildStack().template;
});

const logicalIdOf = (type: string, description: string): string => {
  const [id] = Object.entries(template.findResources(type)).find(([, r]) => String((r as { Properties: { Description?: string } }).Properties.Description).startsWith(description)) ?? [];
  if (!id) throw new Error(`no ${type} ${description}`);
  return id;
};

describe('Cleanup', () => {
  it('is a custom resource given the sink function ARN and the schedule group, deleted before both', () => {
    const sink = logicalIdOf('AWS::Lambda::Function', 'Sluice sink task');
    const group = Object.keys(template.findResources('AWS::Scheduler::ScheduleGroup'))[0] ?? '';
    const resources = template.findResources('Custom::SluiceRuntimeResources');
    expect(Object.keys(resources)).toHaveLength(1);
    const [cr] = Object.values(resources) as Array<{ Properties: Record<string, unknown>; DependsOn: string[] }>;
    expect(cr?.Properties).toMatchObject({ SinkFunctionArn: { 'Fn::GetAtt': [sink, 'Arn'] }, ScheduleGroup: { Ref: group } });
    // DependsOn: CloudFormation deletes the custom resource (running the cleanup) before what it depends on.
    expect(cr?.DependsOn).toEqual(expect.arrayContaining([sink, group]));
  });

  it('runs the Sluice cleanup function through the Provider framework', () => {
    const cleanup = logicalIdOf('AWS::Lambda::Function', 'Sluice cleanup');
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.handler', Description: Match.stringLikeRegexp('^Sluice cleanup') });
    const framework = Object.values(template.findResources('AWS::Lambda::Function')).find((f) =>
      JSON.stringify((f as { Properties: { Environment?: unknown } }).Properties.Environment ?? {}).includes(cleanup),
    );
    expect(framework, 'the Provider framework function names the cleanup function').toBeDefined();
  });

  it('lets the cleanup role list and delete aliases, ESMs of the sink function, and schedules of the group, nothing else', () => {
    const role = logicalIdOf('AWS::IAM::Role', 'Execution role: Sluice cleanup');
    const policy = Object.entries(template.findResources('AWS::IAM::Policy')).find(([, p]) => JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles).includes(role));
    if (!policy) throw new Error('no cleanup policy');
    const statements = statementsOf(template, policy[0]);
    expect(statements.flatMap(actionsOf).sort()).toEqual(
      ['lambda:DeleteAlias', 'lambda:DeleteEventSourceMapping', 'lambda:ListAliases', 'lambda:ListEventSourceMappings', 'logs:CreateLogStream', 'logs:PutLogEvents', 'scheduler:DeleteSchedule', 'scheduler:ListSchedules'].sort(),
    );
    const del = statements.find((s) => actionsOf(s).includes('lambda:DeleteEventSourceMapping'));
    const condition = (del?.Condition ?? {}) as { StringLike?: object };
    expect(Object.keys(condition.StringLike ?? {})).toEqual(['lambda:FunctionArn']);
  });
});
