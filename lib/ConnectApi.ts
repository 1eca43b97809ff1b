// The Kafka Connect REST API: API Gateway (REST, AWS_IAM on every method) proxying to the api function.
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat, AuthorizationType, LambdaRestApi, LogGroupLogDestination, MethodLoggingLevel } from 'aws-cdk-lib/aws-apigateway';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecurityGroup, IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { KafkaAuthMode } from './stackInputs.js';
import { mskGroupAdminStatements, mskResourceArn, secretKeyStatement, vpcEniStatement } from './kafkaIam.js';
import { acknowledge, defaultPolicy, iam5 } from './nag.js';
import type { BundledPluginPackage } from './pluginBundle.js';
import { SluiceFunction } from './SluiceFunction.js';

/** How the API reaches Kafka for the sink offsets endpoints (consumer groups connect-*). */
export interface ConnectApiKafka {
  readonly network: { readonly vpc: IVpc; readonly subnets: SubnetSelection; readonly securityGroups: readonly ISecurityGroup[] };
  /** Bootstrap brokers, comma-separated (a token from BootstrapBrokers is fine). */
  readonly brokers: string;
  readonly auth: KafkaAuthMode;
  /** MSK only: scopes the kafka-cluster:* grants. */
  readonly clusterArn?: string;
  /** SASL/SCRAM credentials secret. */
  readonly secretArn?: string;
  /** The customer-managed KMS key of the SCRAM secret. */
  readonly secretKeyArn?: string;
}

export interface ConnectApiProps {
  readonly table: ITable;
  /** Kafka access for GET/PATCH/DELETE /connectors/{name}/offsets of sinks; without it those answer 500. @default none */
  readonly kafka?: ConnectApiKafka;
  /** Reported as the Kafka cluster id by GET /. @default 'unknown' */
  readonly kafkaClusterId?: string;
  /** @default 'lambdas/api/index.ts' */
  readonly entry?: string;
  /** Plugin-path packages: the API imports them at start, to validate and create their pipelines. @default none */
  readonly plugins?: readonly BundledPluginPackage[];
  /** Steady-state requests per second for the stage. @default 50 */
  readonly throttlingRateLimit?: number;
  /** @default 100 */
  readonly throttlingBurstLimit?: number;
  /** @default 'v1' */
  readonly stageName?: string;
  /**
   * Create the account-wide API Gateway CloudWatch Logs role setting (AWS::ApiGateway::Account, one per account and
   * Region, used by every REST API there), retained when the stack is deleted. When false, the account's existing
   * setting is used: it must be set before the first deploy, or the stage's logging cannot be enabled.
   * @default false
   */
  readonly apiGatewayAccount?: boolean;
}

export class ConnectApi extends Construct {
  readonly api: LambdaRestApi;
  readonly fn: LambdaFunction;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConnectApiProps) {
    super(scope, id);
    const fn = new SluiceFunction(this, 'Api', {
      entry: props.entry ?? 'lambdas/api/index.ts',
      description: 'Sluice Kafka Connect REST API',
      // API Gateway gives up after 29 s.
      timeout: Duration.seconds(29),
      environment: {
        SLUICE_TABLE_NAME: props.table.tableName,
        SLUICE_WORKER_ID: 'sluice-api',
        KAFKA_CLUSTER_ID: props.kafkaClusterId ?? 'unknown',
        ...(props.kafka ? kafkaEnvironment(props.kafka) : {}),
      },
      ...(props.kafka ? { vpc: props.kafka.network } : {}),
      ...(props.plugins ? { plugins: props.plugins } : {}),
    });
    this.fn = fn.fn;
    props.table.grantReadWriteData(fn.role);
    // GET /connectors/{name}/status reads the live event source mappings and recent metrics (AwsRuntimeObserver).
    const stack = Stack.of(this);
    const mappings = stack.formatArn({ service: 'lambda', resource: 'event-source-mapping', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    fn.role.addToPolicy(new PolicyStatement({ actions: ['lambda:GetEventSourceMapping'], resources: [mappings] }));
    fn.role.addToPolicy(new PolicyStatement({ actions: ['cloudwatch:GetMetricData'], resources: ['*'] }));
    const policy = defaultPolicy(fn.role);
    acknowledge(policy, iam5(policy, mappings), 'Mappings are created at run time by the controller; GetEventSourceMapping only reads them, by the UUIDs recorded in STATUS');
    acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', 'cloudwatch:GetMetricData has no resource-level permissions; it reads the Sluice namespace for statuses');
    if (props.kafka) this.grantKafka(fn, props.kafka);
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    this.api = new LambdaRestApi(this, 'RestApi', {
      handler: this.fn,
      proxy: true,
      description: 'Sluice: the Kafka Connect REST API (SigV4-signed requests only)',
      defaultMethodOptions: { authorizationType: AuthorizationType.IAM },
      // The CloudWatch role is an account-wide setting: taken over only when asked, and never removed with the stack.
      cloudWatchRole: props.apiGatewayAccount ?? false,
      ...(props.apiGatewayAccount ? { cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN } : {}),
      deployOptions: {
        stageName: props.stageName ?? 'v1',
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: MethodLoggingLevel.ERROR,
        throttlingRateLimit: props.throttlingRateLimit ?? 50,
        throttlingBurstLimit: props.throttlingBurstLimit ?? 100,
      },
    });
    acknowledge(this.api, 'AwsSolutions-APIG2', "Requests are validated in the function against each connector's ConfigDef (Kafka Connect's own validation and error messages); a proxy method has no model to validate against");
    acknowledge(this.api.deploymentStage, 'AwsSolutions-APIG3', 'An admin API that accepts only SigV4-signed requests; put a WAF web ACL in front if the account requires one');
    for (const m of this.api.methods) acknowledge(m, 'AwsSolutions-COG4', 'Callers authenticate with IAM (SigV4), as the Kafka Connect admin API is called by operators and CI, not end users');
    const cwRole = this.api.node.tryFindChild('CloudWatchRole');
    if (cwRole) acknowledge(cwRole, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]', 'The account-level role API Gateway needs to write execution logs; AWS maintains this policy for exactly that');
    this.url = this.api.url;
    new CfnOutput(this, 'Url', { value: this.api.url, description: 'Kafka Connect REST API URL (sign requests with SigV4, service execute-api)' });
  }

  /** The sink offsets endpoints run the kafkajs admin client in the cluster's VPC. */
  private grantKafka(fn: SluiceFunction, kafka: ConnectApiKafka): void {
    const stack = Stack.of(this);
    fn.role.addToPolicy(vpcEniStatement());
    if (kafka.clusterArn && kafka.auth === 'iam') for (const s of mskGroupAdminStatements(stack, kafka.clusterArn)) fn.role.addToPolicy(s);
    if (kafka.secretArn) fn.role.addToPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [kafka.secretArn] }));
    if (kafka.secretKeyArn) fn.role.addToPolicy(secretKeyStatement(stack, kafka.secretKeyArn));
    const policy = defaultPolicy(fn.role);
    if (kafka.clusterArn && kafka.auth === 'iam') {
      acknowledge(policy, iam5(policy, mskResourceArn(stack, kafka.clusterArn, 'topic')), 'Offsets name topics chosen at run time; the grant covers only topics of this one cluster, read-only');
      acknowledge(policy, iam5(policy, mskResourceArn(stack, kafka.clusterArn, 'group', 'connect-*')), 'Only the sink consumer groups connect-<pipeline> of this one cluster');
    }
  }
}

function kafkaEnvironment(kafka: ConnectApiKafka): Record<string, string> {
  return {
    KAFKA_BROKERS: kafka.brokers,
    KAFKA_AUTH: kafka.auth,
    KAFKA_SSL: kafka.auth === 'none' && !kafka.clusterArn ? 'false' : 'true',
    ...(kafka.secretArn ? { KAFKA_SASL_SECRET_ARN: kafka.secretArn } : {}),
  };
}
