// The dashboard (one widget per Sluice metric, one line per pipeline through SEARCH) and the alarms: task errors,
// dead-lettered records, the controller's failure queue, per-mapping offset lag and sink throttles, with an optional
// SNS topic (customer-managed key CloudWatch may use) for their actions. Every query comes from lib/metricQueries.ts.
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, type IMetric, MathExpression, TextWidget, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricStatistic, SINK_METRICS, SOURCE_METRICS } from '../lambdas/runtime/metricSchema.js';
import { AlarmTopic } from './AlarmTopic.js';
import { maxPerEsm, searchPerAlias, searchPerEsm, searchPerPipeline, sumOverPipelines } from './metricQueries.js';

export { SINK_METRICS, SOURCE_METRICS };

export interface MonitoringProps {
  readonly sinkFunction: IFunction;
  readonly sourceFunction: IFunction;
  readonly controllerFunction: IFunction;
  /** The controller's stream failure queue: a message there is a change the controller gave up on. */
  readonly controllerFailures: IQueue;
  /** Subscribe this address to the alarm topic. @default no subscription */
  readonly alarmEmail?: string;
  /** Create an SNS topic and make it every alarm's action. @default true when alarmEmail is set, else false */
  readonly alarmTopic?: boolean;
  /** OffsetLag (records behind) of one event source mapping that raises the lag alarm. @default 10000 */
  readonly offsetLagThreshold?: number;
  /** @default Duration.minutes(5) */
  readonly period?: Duration;
}

const expression = (text: string, label: string, period: Duration) => new MathExpression({ expression: text, usingMetrics: {}, label, period });

export class Monitoring extends Construct {
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  readonly topic?: AlarmTopic;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const period = props.period ?? Duration.minutes(5);
    const widget = (name: string) => new GraphWidget({ title: `${name} by pipeline`, left: [expression(searchPerPipeline(name, metricStatistic(name), period.toSeconds()), name, period)], width: 8 });
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    this.dashboard.addWidgets(new TextWidget({ markdown: '# Sluice sink pipelines', width: 24, height: 1 }));
    this.dashboard.addWidgets(...SINK_METRICS.map(widget));
    this.dashboard.addWidgets(new TextWidget({ markdown: '# Sluice source pipelines', width: 24, height: 1 }));
    this.dashboard.addWidgets(...SOURCE_METRICS.map(widget));
    const lagPerEsm = expression(searchPerEsm('OffsetLag', 'Maximum', period.toSeconds()), 'OffsetLag', period);
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Task errors', left: [props.sinkFunction.metricErrors({ period }), props.sourceFunction.metricErrors({ period }), props.controllerFunction.metricErrors({ period })], width: 12 }),
      new GraphWidget({ title: 'Offset lag per event source mapping, sink throttles', left: [lagPerEsm], right: [props.sinkFunction.metricThrottles({ period })], width: 12 }),
    );
    // Free, whatever each pipeline's sluice.metrics.level: Lambda's Duration and Invocations per pipeline alias.
    const perAlias = (name: string, stat: string) => expression(searchPerAlias(props.sinkFunction.functionName, name, stat, period.toSeconds()), name, period);
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Sink duration per pipeline alias (Lambda Duration, ms)', left: [perAlias('Duration', 'Average')], width: 12 }),
      new GraphWidget({ title: 'Sink invocations per pipeline alias', left: [perAlias('Invocations', 'Sum')], width: 12 }),
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
    alarm('ControllerGaveUp', props.controllerFailures.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }), 0, 'The controller gave up on pipeline changes after its retries: see the StreamFailures queue; the next resync retries them');
    alarm('DeadLettered', expression(sumOverPipelines('RecordsDeadLettered'), 'RecordsDeadLettered', period), 0, 'Records were sent to a dead letter queue topic (errors.tolerance=all)');
    alarm(
      'EsmOffsetLag',
      expression(maxPerEsm('OffsetLag'), 'OffsetLag', period),
      props.offsetLagThreshold ?? 10000,
      'An event source mapping is falling behind its topic (AWS/Lambda OffsetLag per EventSourceMappingUUID; GET /connectors/<name>/status lists each pipeline’s mapping UUIDs)',
    );
    alarm('SinkThrottles', props.sinkFunction.metricThrottles({ period }), 0, 'The sink task was throttled (concurrency limit)');

    if (props.alarmTopic ?? props.alarmEmail !== undefined) {
      this.topic = new AlarmTopic(this, 'AlarmTopic', props.alarmEmail ? { email: props.alarmEmail } : {});
      for (const a of this.alarms) a.addAlarmAction(new SnsAction(this.topic.topic));
    }
  }
}
