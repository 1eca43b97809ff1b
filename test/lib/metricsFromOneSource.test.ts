// Metrics and queries from one source: a real sink invocation prints its EMF (Powertools Metrics adds the `service`
// dimension), and every dashboard widget, alarm and status query that reads a Sluice metric is shown to select those
// data points: same namespace, exactly the same dimension set (CloudWatch user guide, "Metrics concepts / Dimensions":
// a metric is identified by its namespace, name and all its dimensions; SEARCH's {namespace,dims} schema and Metrics
// Insights' SCHEMA(...) match only metrics with exactly those dimensions).
import { readFileSync } from 'node:fs';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsRuntimeObserver } from '../../lambdas/adapters/aws/AwsRuntimeObserver.js';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { EmfMetricsSink } from '../../lambdas/adapters/metrics/EmfMetricsSink.js';
import { ConnectorService } from '../../lambdas/runtime/connector/ConnectorService.js';
import { aliasForPipeline } from '../../lambdas/runtime/pipelineAlias.js';
import { builtinPlugins } from '../../lambdas/runtime/builtins/builtins.js';
import type { MskEvent } from '../../lambdas/runtime/sink/mskEvent.js';
import { createSinkHandler } from '../../lambdas/sink/createSinkHandler.js';
import { SinkPipelines, type SinkRuntime } from '../../lambdas/sink/SinkPipelines.js';
import { Monitoring, SINK_METRICS } from '../../lib/Monitoring.js';
import { localContext } from '../../local/httpAdapter.js';
import { startTestDynamo, type TestDynamo } from '../helpers/dynamo.js';
import { FakeClock } from '../helpers/fakeClock.js';
import { ordersSinkConfig } from '../helpers/ordersSinkConfig.js';
import { uniqueName, withPg } from '../helpers/pg.js';
import { emfDataPoints } from './metrics/emf.js';
import { alarmSelections, dashboardSelections, type MetricSelection } from './metrics/queries.js';

const event = JSON.parse(readFileSync(new URL('../fixtures/msk/orders-envelope.json', import.meta.url), 'utf8')) as MskEvent;
const FN = 'arn:aws:lambda:eu-west-1:123456789012:function:sluice-sink';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const PIPELINE = 'orders-metrics';
const table = uniqueName('orders_metrics');
let dynamo: TestDynamo;
let printed: MetricSelection[];
let template: Template;

/** One sink invocation with the real EMF adapter; returns the lines it printed. */
async function sinkInvocationEmf(): Promise<string[]> {
  const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
  const registry = builtinPlugins();
  await new ConnectorService({ store, registry, clock: new FakeClock(), workerId: 'api' }).createConnector(PIPELINE, { ...ordersSinkConfig(table), 'sluice.metrics.level': 'detailed' });
  const runtime: SinkRuntime = { store, registry, metrics: new EmfMetricsSink('sink'), clock: new FakeClock(Date.now()), logger: quiet, producer: () => undefined };
  const pipelines = new SinkPipelines(runtime);
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await createSinkHandler(runtime, pipelines, 'lambda:sink')(event, localContext('sluice-sink', `${FN}:${aliasForPipeline(PIPELINE)}`));
  } finally {
    spy.mockRestore();
    await pipelines.close();
  }
  return lines;
}

function monitoringTemplate(): Template {
  const stack = new Stack(new App(), 'T');
  const fn = (name: string) => LambdaFunction.fromFunctionAttributes(stack, name, { functionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${name}`, sameEnvironment: true });
  const failures = Queue.fromQueueArn(stack, 'Failures', 'arn:aws:sqs:eu-west-1:123456789012:failures');
  new Monitoring(stack, 'Monitoring', { sinkFunction: fn('sink'), sourceFunction: fn('source'), controllerFunction: fn('controller'), controllerFailures: failures });
  return Template.fromStack(stack);
}

async function statusSelections(): Promise<MetricSelection[]> {
  const cloudwatch = mockClient(CloudWatchClient);
  cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
  await new AwsRuntimeObserver(new LambdaClient({ region: 'eu-west-1' }), new CloudWatchClient({ region: 'eu-west-1' })).observe(PIPELINE, 'sink', {});
  const queries = cloudwatch.commandCalls(GetMetricDataCommand).flatMap((c) => c.args[0].input.MetricDataQueries ?? []);
  cloudwatch.restore();
  return queries.map((q) => {
    const m = q.MetricStat?.Metric;
    const dims = m?.Dimensions ?? [];
    return { where: `status query ${q.Id}`, namespace: m?.Namespace ?? '', dimensions: dims.map((d) => d.Name ?? '').sort(), metricName: m?.MetricName ?? '', values: Object.fromEntries(dims.map((d) => [d.Name, d.Value])) };
  });
}

beforeAll(async () => {
  dynamo = await startTestDynamo();
  printed = emfDataPoints(await sinkInvocationEmf());
  template = monitoringTemplate();
}, 120_000);

afterAll(async () => {
  await dynamo.stop();
  await withPg((c) => c.query(`DROP TABLE IF EXISTS "${table}"`));
});

describe('metrics and the queries that read them', () => {
  it('a sink invocation prints EMF data points for its pipeline, every sink metric at sluice.metrics.level=detailed', () => {
    expect(new Set(printed.map((p) => p.metricName))).toEqual(new Set(SINK_METRICS));
    expect(new Set(printed.map((p) => p.values?.['Pipeline']))).toEqual(new Set([PIPELINE]));
  });

  it('every dashboard widget, alarm and status query on a Sluice metric selects exactly the printed namespace and dimensions', async () => {
    const status = await statusSelections();
    const queries = [...dashboardSelections(template), ...alarmSelections(template), ...status].filter((q) => q.namespace === printed[0]?.namespace || q.namespace === 'Sluice');
    expect(queries.length).toBeGreaterThan(10);
    const dimensionSets = new Set(printed.map((p) => p.dimensions.join(',')));
    expect(dimensionSets.size).toBe(1);
    const mismatched = queries.filter((q) => q.namespace !== printed[0]?.namespace || q.dimensions.join(',') !== [...dimensionSets][0]).map((q) => `${q.where}: ${q.namespace} [${q.dimensions.join(',')}] ${q.metricName}`);
    expect(mismatched).toEqual([]);
  });

  it('the status query names the dimension values the sink prints for the pipeline', async () => {
    const status = await statusSelections();
    const point = printed.find((p) => p.metricName === 'RecordsReceived');
    const query = status.find((q) => q.metricName === 'RecordsReceived');
    expect(query?.values).toEqual(point?.values);
  });

  it('every metric the sink printed has a dashboard widget that selects it', () => {
    const widgets = dashboardSelections(template);
    const unshown = [...new Set(printed.map((p) => p.metricName))].filter((name) => !widgets.some((w) => w.metricName === name && w.namespace === printed[0]?.namespace && w.dimensions.join(',') === printed[0]?.dimensions.join(',')));
    expect(unshown).toEqual([]);
  });
});
