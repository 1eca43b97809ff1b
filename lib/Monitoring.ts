// The dashboard (one widget per Sluice metric, one line per pipeline through SEARCH) and the alarms: task errors,
// dead-lettered records, sink offset lag and throttles, with an optional SNS topic for their actions.
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, type IMetric, MathExpression, Metric, TextWidget, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export const METRIC_NAMESPACE = 'Sluice';
export const PIPELINE_DIMENSION = 'Pipeline';
export const SINK_METRICS = ['RecordsReceived', 'RecordsWritten', 'RecordsFailed', 'RecordsDeadLettered', 'BatchLatency', 'WriteLatency'] as const;
export const SOURCE_METRICS = ['RowsPolled', 'RecordsProduced', 'PollLatency'] as const;

export interface MonitoringProps {
  readonly sinkFunction: IFunction;
  readonly sourceFunction: IFunction;
  readonly controllerFunction: IFunction;
  /** Subscribe this address to the alarm topic. @default no subscription */
  readonly alarmEmail?: string;
  /** Create an SNS topic and make it every alarm's action. @default true when alarmEmail is set, else false */
  readonly alarmTopic?: boolean;
  /** Sink OffsetLag (records behind, per topic) that raises the lag alarm. @default 10000 */
  readonly offsetLagThreshold?: number;
  /** @default Duration.minutes(5) */
  readonly period?: Duration;
}

/** One line per pipeline: SEARCH over the Sluice namespace with the Pipeline dimension. */
export function perPipeline(metricName: string, stat: string, period: Duration): MathExpression {
  return new MathExpression({
    expression: `SEARCH('{${METRIC_NAMESPACE},${PIPELINE_DIMENSION}} MetricName="${metricName}"', '${stat}', ${period.toSeconds()})`,
    usingMetrics: {},
    label: metricName,
    period,
  });
}

export class Monitoring extends Construct {
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  readonly topic?: Topic;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const period = props.period ?? Duration.minutes(5);
    const stat = (name: string) => (name.endsWith('Latency') ? 'Average' : 'Sum');
    const widget = (name: string) => new GraphWidget({ title: `${name} by pipeline`, left: [perPipeline(name, stat(name), period)], width: 8 });
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    this.dashboard.addWidgets(new TextWidget({ markdown: '# Sluice sink pipelines', width: 24, height: 1 }));
    this.dashboard.addWidgets(...SINK_METRICS.map(widget));
    this.dashboard.addWidgets(new TextWidget({ markdown: '# Sluice source pipelines', width: 24, height: 1 }));
    this.dashboard.addWidgets(...SOURCE_METRICS.map(widget));
    const sinkLag = new Metric({ namespace: 'AWS/Lambda', metricName: 'OffsetLag', dimensionsMap: { FunctionName: props.sinkFunction.functionName }, statistic: 'Maximum', period });
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Task errors', left: [props.sinkFunction.metricErrors({ period }), props.sourceFunction.metricErrors({ period }), props.controllerFunction.metricErrors({ period })], width: 12 }),
      new GraphWidget({ title: 'Sink offset lag and throttles', left: [sinkLag], right: [props.sinkFunction.metricThrottles({ period })], width: 12 }),
    );

    const alarm = (id: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      this.alarms.push(a);
      return a;
    };
    alarm('SinkErrors', props.sinkFunction.metricErrors({ period }), 0, 'Sink task invocations failed (a batch is retried until it succeeds)');
    alarm('SourceErrors', props.sourceFunction.metricErrors({ period }), 0, 'Source task invocations failed');
    alarm('ControllerErrors', props.controllerFunction.metricErrors({ period }), 0, 'The controller failed to reconcile a pipeline');
    // Alarms cannot evaluate SEARCH; a Metrics Insights query sums the metric over every pipeline instead.
    const dlq = new MathExpression({ expression: `SELECT SUM(RecordsDeadLettered) FROM SCHEMA("${METRIC_NAMESPACE}", ${PIPELINE_DIMENSION})`, usingMetrics: {}, period, label: 'RecordsDeadLettered' });
    alarm('DeadLettered', dlq, 0, 'Records were sent to a dead letter queue topic (errors.tolerance=all)');
    alarm('SinkOffsetLag', sinkLag, props.offsetLagThreshold ?? 10000, 'A sink ESM is falling behind its topic (AWS/Lambda OffsetLag)');
    alarm('SinkThrottles', props.sinkFunction.metricThrottles({ period }), 0, 'The sink task was throttled (concurrency limit)');

    if (props.alarmTopic ?? props.alarmEmail !== undefined) {
      this.topic = new Topic(this, 'AlarmTopic', { enforceSSL: true, masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns') });
      if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
      for (const a of this.alarms) a.addAlarmAction(new SnsAction(this.topic));
    }
  }
}
