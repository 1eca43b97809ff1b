// io.confluent.connect.elasticsearch.ElasticsearchSinkConnector on Sluice: Confluent's Elasticsearch sink keys, for
// Elasticsearch 7 and OpenSearch (also Amazon OpenSearch Service with IAM, aws.sigv4.enabled). Written against the
// public connector API only. The task (and with it the OpenSearch client) is imported when a pipeline first starts
// it, so a function that only validates configs (the API) or runs other pipelines never loads the client.
import type { SinkConnector, SinkTask, TaskContext } from '../../connect-api/connector.js';
import { openSearchSinkConfigDef, validateOpenSearchSink } from './configDef.js';

function lazyTask(props: Readonly<Record<string, string>>, context: TaskContext): SinkTask {
  let task: Promise<SinkTask> | undefined;
  const get = () => {
    task ??= import('./OpenSearchSinkTask.js')
      .then((m) => new m.OpenSearchSinkTask(props, context))
      .catch((e: unknown) => {
        task = undefined;
        throw e;
      });
    return task;
  };
  return {
    start: async () => (await get()).start?.(),
    put: async (records) => (await get()).put(records),
    close: async () => {
      if (task) await (await task.catch(() => undefined))?.close();
    },
  };
}

export const openSearchSinkConnector: SinkConnector = {
  type: 'sink',
  className: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
  aliases: ['ElasticsearchSinkConnector', 'ElasticsearchSink', 'OpenSearchSinkConnector', 'OpenSearchSink'],
  version: '15.0.0-sluice',
  taskClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkTask',
  configDef: openSearchSinkConfigDef,
  validate: validateOpenSearchSink,
  createTask: lazyTask,
};
