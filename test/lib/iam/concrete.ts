// CloudFormation values of a synthesized template made concrete for one test account and Region: Ref, Fn::GetAtt,
// Fn::Join, Fn::Select/Fn::Split and the pseudo parameters become the strings AWS would put there at deploy time.
import type { Template } from 'aws-cdk-lib/assertions';

export const ENV = { partition: 'aws', region: 'eu-west-1', account: '123456789012', urlSuffix: 'amazonaws.com' } as const;

const PSEUDO: Record<string, string> = {
  'AWS::Partition': ENV.partition,
  'AWS::Region': ENV.region,
  'AWS::AccountId': ENV.account,
  'AWS::URLSuffix': ENV.urlSuffix,
  'AWS::StackName': 'Test',
};

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

const arn = (service: string, resource: string, region: string = ENV.region) => `arn:${ENV.partition}:${service}:${region}:${ENV.account}:${resource}`;

export class Concrete {
  private readonly resources: Resources;

  constructor(template: Template) {
    this.resources = (template.toJSON() as { Resources: Resources }).Resources;
  }

  /** The physical name AWS would give the resource: its name property when literal, else its logical id. */
  name(id: string): string {
    const r = this.resource(id);
    const key = { 'AWS::Lambda::Function': 'FunctionName', 'AWS::IAM::Role': 'RoleName', 'AWS::DynamoDB::Table': 'TableName', 'AWS::SQS::Queue': 'QueueName', 'AWS::Logs::LogGroup': 'LogGroupName', 'AWS::Scheduler::ScheduleGroup': 'Name' }[r.Type];
    const v = key ? r.Properties?.[key] : undefined;
    return v === undefined ? id : this.value(v);
  }

  ref(id: string): string {
    if (PSEUDO[id]) return PSEUDO[id];
    const r = this.resource(id);
    if (r.Type === 'AWS::SQS::Queue') return `https://sqs.${ENV.region}.${ENV.urlSuffix}/${ENV.account}/${this.name(id)}`;
    if (r.Type === 'AWS::SNS::Topic' || r.Type === 'AWS::IAM::ManagedPolicy') return this.getAtt(id, 'Arn');
    if (r.Type === 'AWS::KMS::Key') return '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';
    return this.name(id);
  }

  getAtt(id: string, attr: string): string {
    const r = this.resource(id);
    const name = this.name(id);
    const table = arn('dynamodb', `table/${name}`);
    const byType: Record<string, Record<string, () => string>> = {
      'AWS::Lambda::Function': { Arn: () => arn('lambda', `function:${name}`) },
      'AWS::IAM::Role': { Arn: () => `arn:${ENV.partition}:iam::${ENV.account}:role/${name}` },
      'AWS::DynamoDB::Table': { Arn: () => table, StreamArn: () => `${table}/stream/2026-01-01T00:00:00.000` },
      'AWS::Logs::LogGroup': { Arn: () => arn('logs', `log-group:${name}:*`) },
      'AWS::SQS::Queue': { Arn: () => arn('sqs', name), QueueName: () => name },
      'AWS::KMS::Key': { Arn: () => arn('kms', `key/${this.ref(id)}`) },
      'AWS::SNS::Topic': { Arn: () => arn('sns', name), TopicArn: () => arn('sns', name) },
      'AWS::Scheduler::ScheduleGroup': { Arn: () => arn('scheduler', `schedule-group/${name}`) },
    };
    const v = byType[r.Type]?.[attr];
    if (v !== undefined) return v();
    if (r.Type.startsWith('Custom::')) return `b-1.${id.toLowerCase()}.example:9098,b-2.${id.toLowerCase()}.example:9098`;
    throw new Error(`concrete: no value for ${r.Type} ${id}.${attr}`);
  }

  /** Any CloudFormation value (string, intrinsic, list, object) with every intrinsic replaced by a string. */
  value(v: unknown): string {
    const out = this.deep(v);
    if (typeof out !== 'string') throw new Error(`concrete: ${JSON.stringify(v)} is not a string`);
    return out;
  }

  deep(v: unknown): unknown {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
    if (Array.isArray(v)) return v.map((x) => this.deep(x));
    const o = v as Record<string, unknown>;
    if ('Ref' in o) return this.ref(String(o['Ref']));
    if ('Fn::GetAtt' in o) {
      const [id, attr] = o['Fn::GetAtt'] as [string, string];
      return this.getAtt(id, attr);
    }
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map((p) => this.value(p)).join(sep);
    }
    if ('Fn::Select' in o) {
      const [i, list] = o['Fn::Select'] as [number | string, unknown];
      return (this.deep(list) as unknown[])[Number(i)];
    }
    if ('Fn::Split' in o) {
      const [sep, s] = o['Fn::Split'] as [string, unknown];
      return this.value(s).split(sep);
    }
    if (Object.keys(o).some((k) => k.startsWith('Fn::'))) throw new Error(`concrete: unsupported ${JSON.stringify(o)}`);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, this.deep(x)]));
  }

  private resource(id: string): { Type: string; Properties?: Record<string, unknown> } {
    const r = this.resources[id];
    if (!r) throw new Error(`concrete: no resource ${id}`);
    return r;
  }
}
