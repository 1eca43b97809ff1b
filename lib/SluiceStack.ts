// Sluice in one stack: the pipeline table, the REST API, the task functions, the controller and monitoring, on an
// existing Kafka cluster (MSK by ARN, or self-managed by bootstrap servers) in an existing VPC.
import { Annotations, Stack, type StackProps } from 'aws-cdk-lib';
import { SecurityGroup, Subnet, Vpc } from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { BootstrapBrokers } from './BootstrapBrokers.js';
import { Cleanup } from './Cleanup.js';
import { ConfigKey } from './ConfigKey.js';
import { ConnectApi } from './ConnectApi.js';
import { Controller } from './Controller.js';
import { Monitoring } from './Monitoring.js';
import { PipelineTable } from './PipelineTable.js';
import type { SluiceInputs } from './stackInputs.js';
import { TaskFunctions } from './TaskFunctions.js';

export interface SluiceEntries {
  /** @default 'lambdas/api/index.ts' */
  readonly api?: string;
  /** @default 'lambdas/controller/index.ts' */
  readonly controller?: string;
  /** @default 'lambdas/sink/index.ts' */
  readonly sink?: string;
  /** @default 'lambdas/source/index.ts' */
  readonly source?: string;
  /** @default 'lambdas/cleanup/index.ts' */
  readonly cleanup?: string;
}

export interface SluiceStackProps extends StackProps {
  readonly inputs: SluiceInputs;
  /** Handler entry files. @default the lambdas/<name>/index.ts files */
  readonly entries?: SluiceEntries;
}

export class SluiceStack extends Stack {
  readonly table: PipelineTable;
  readonly api: ConnectApi;
  readonly tasks: TaskFunctions;
  readonly controller: Controller;
  readonly monitoring: Monitoring;
  readonly cleanup: Cleanup;
  readonly configKey: ConfigKey;

  constructor(scope: Construct, id: string, props: SluiceStackProps) {
    super(scope, id, props);
    const { kafka, network } = props.inputs;
    const entries = props.entries ?? {};
    // fromVpcAttributes keeps synth offline (fromLookup needs credentials); subnets are given explicitly.
    const vpc = Vpc.fromVpcAttributes(this, 'Vpc', { vpcId: network.vpcId, availabilityZones: this.availabilityZones });
    const subnets = {
      subnets: network.subnetIds.map((id, i) => {
        const subnet = Subnet.fromSubnetId(this, `Subnet${i}`, id);
        Annotations.of(subnet).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId', 'Sluice places functions in the subnets and never reads their route tables');
        return subnet;
      }),
    };
    const securityGroups = network.securityGroupIds.map((id, i) => SecurityGroup.fromSecurityGroupId(this, `SecurityGroup${i}`, id, { mutable: false }));
    const brokers = kafka.clusterArn ? new BootstrapBrokers(this, 'Brokers', { clusterArn: kafka.clusterArn, auth: kafka.auth }).brokers : (kafka.bootstrapServers ?? []).join(',');

    this.table = new PipelineTable(this, 'Pipelines');
    const table = this.table.table;
    this.api = new ConnectApi(this, 'ConnectApi', {
      table,
      kafka: {
        network: { vpc, subnets, securityGroups },
        brokers,
        auth: kafka.auth,
        ...(kafka.clusterArn ? { clusterArn: kafka.clusterArn } : {}),
        ...(kafka.secretArn ? { secretArn: kafka.secretArn } : {}),
        ...(kafka.secretKeyArn ? { secretKeyArn: kafka.secretKeyArn } : {}),
      },
      ...(props.inputs.apiGatewayAccount ? { apiGatewayAccount: true } : {}),
      ...(kafka.clusterArn ? { kafkaClusterId: kafka.clusterArn.split('/').pop() ?? 'unknown' } : {}),
      ...(entries.api ? { entry: entries.api } : {}),
    });
    this.tasks = new TaskFunctions(this, 'Tasks', {
      table,
      kafka,
      brokers,
      vpc,
      subnets,
      securityGroups,
      secretPrefix: props.inputs.secretPrefix,
      ...(props.inputs.glueRegistries ? { glueRegistries: props.inputs.glueRegistries } : {}),
      ...(entries.sink ? { sinkEntry: entries.sink } : {}),
      ...(entries.source ? { sourceEntry: entries.source } : {}),
    });
    // Password-type config values are sealed with this key: the api encrypts, the tasks decrypt.
    this.configKey = new ConfigKey(this, 'ConfigKey');
    this.configKey.allowSeal(this.api.fn);
    this.configKey.allowOpen(this.tasks.sink);
    this.configKey.allowOpen(this.tasks.source);
    this.controller = new Controller(this, 'Controller', {
      table,
      sinkFunction: this.tasks.sink,
      sourceFunction: this.tasks.source,
      kafka,
      network,
      kafkaAccess: { brokers, vpc, subnets, securityGroups },
      ...(entries.controller ? { entry: entries.controller } : {}),
    });
    this.cleanup = new Cleanup(this, 'Cleanup', {
      sinkFunction: this.tasks.sink,
      scheduleGroupName: this.controller.scheduleGroupName,
      dependsOn: [this.controller],
      ...(entries.cleanup ? { entry: entries.cleanup } : {}),
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      sinkFunction: this.tasks.sink,
      sourceFunction: this.tasks.source,
      controllerFunction: this.controller.fn,
      controllerFailures: this.controller.failureQueue,
      ...(props.inputs.alarmEmail ? { alarmEmail: props.inputs.alarmEmail } : {}),
    });
  }
}
