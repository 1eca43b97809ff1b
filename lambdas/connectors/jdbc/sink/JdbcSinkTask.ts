// The JDBC sink connector's task (connect-api SinkTask): each put is one transaction of the JDBC writer, with the
// driver its dialect needs. A record the writer cannot write is thrown as a RecordWriteError naming it, which the
// framework routes per errors.tolerance and puts the rest again.
import type { FailedRecord, SinkTask } from '../../../connect-api/connector.js';
import type { SinkRecord } from '../../../connect-api/data/ConnectRecord.js';
import { connectorFor } from '../drivers/index.js';
import type { SqlConnector } from '../drivers/SqlConnection.js';
import { JdbcDbWriter } from './JdbcDbWriter.js';
import type { JdbcSinkConfig } from './JdbcSinkConfig.js';

export class JdbcSinkTask implements SinkTask {
  readonly writer: JdbcDbWriter;

  constructor(config: JdbcSinkConfig, connector: SqlConnector = connectorFor(config.dialect)) {
    this.writer = new JdbcDbWriter(config, connector);
  }

  async put(records: readonly SinkRecord[]): Promise<readonly FailedRecord[] | undefined> {
    await this.writer.write(records);
    return undefined;
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
