// A Lambda function bundled by lib/bundling.ts (split ESM: index.mjs plus chunks loaded on first dynamic import), with
// its own log group and its own role holding only inline statements (so Lambda attaches no managed policy: the VPC ENI
// permissions are written out where a function needs them).
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ISecurityGroup, IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Function as LambdaFunction, LoggingFormat } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_ARCHITECTURE, LAMBDA_HANDLER, LAMBDA_RUNTIME, lambdaCode } from './bundling.js';
import { acknowledge } from './nag.js';
import type { BundledPluginPackage } from './pluginBundle.js';

export interface SluiceFunctionProps {
  /** The handler's TypeScript entry (exporting `handler`), relative to the repository root or absolute. */
  readonly entry: string;
  readonly description: string;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  readonly environment?: Record<string, string>;
  /** Run in this VPC (subnets and security groups required with it); @default no VPC */
  readonly vpc?: { readonly vpc: IVpc; readonly subnets: SubnetSelection; readonly securityGroups: readonly ISecurityGroup[] };
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** Plugin-path packages bundled in, each its own chunk (lib/pluginBundle.ts). @default none */
  readonly plugins?: readonly BundledPluginPackage[];
}

export class SluiceFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: SluiceFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention ?? RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Execution role: ${props.description}` });
    this.role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    this.fn = new LambdaFunction(this, 'Function', {
      code: lambdaCode(props.entry, props.plugins),
      handler: LAMBDA_HANDLER,
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: props.memorySize ?? 512,
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      ...(props.vpc ? { vpc: props.vpc.vpc, vpcSubnets: props.vpc.subnets, securityGroups: [...props.vpc.securityGroups] } : {}),
    });
    acknowledge(this.fn, 'AwsSolutions-L1', 'Node.js 22 is the runtime Sluice is built and tested for (LTS); moving to 24 is a deliberate upgrade, not a synth default');
  }
}
