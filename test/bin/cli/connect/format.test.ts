// The aligned table the commands print by default, and the diff lines of `apply`.
import { describe, expect, it } from 'vitest';
import { diffConfigs, maskConfig, renderChanges } from '../../../../bin/cli/connect/configDiff.js';
import { renderTable } from '../../../../bin/cli/connect/format.js';
import { listTable, statusTable } from '../../../../bin/cli/connect/views.js';

describe('renderTable', () => {
  it('pads each column to its widest cell and trims the last', () => {
    expect(renderTable({ headers: ['NAME', 'STATE'], rows: [['a-long-name', 'RUNNING'], ['b', 'FAILED']] })).toBe('NAME          STATE\na-long-name   RUNNING\nb             FAILED\n');
  });
});

describe('the apply diff', () => {
  it('masks password-type keys, secret key names and URL passwords, but not secret references', () => {
    const masked = maskConfig(
      { 'my.token': 't0k3n', 'ssl.key.password': 'k', 'connection.url': 'postgres://u:pw@h/db', 'db.password': '${secretsmanager:arn:k}', topics: 't' },
      new Set(['my.token']),
    );
    expect(masked).toEqual({ 'my.token': '[hidden]', 'ssl.key.password': '[hidden]', 'connection.url': 'postgres://u:[hidden]@h/db', 'db.password': '${secretsmanager:arn:k}', topics: 't' });
  });

  it('lists added, changed and removed keys in key order', () => {
    const changes = diffConfigs({ a: '1', b: '2', c: '3' }, { a: '1', b: '20', d: '4' });
    expect(renderChanges(changes)).toBe('  ~ b: 2 -> 20\n  - c: 3\n  + d: 4\n');
    expect(diffConfigs(undefined, { a: '1' })).toEqual([{ key: 'a', op: 'add', to: '1' }]);
  });
});

describe('the status and list tables', () => {
  it('show a FAILED task with the first line of its trace, and running tasks out of all', () => {
    const status = {
      name: 'orders',
      connector: { state: 'RUNNING', worker_id: 'w:1' },
      tasks: [{ id: 0, state: 'FAILED', worker_id: 'w:1', trace: 'org.apache.kafka.connect.errors.ConnectException: connection refused\n\tat x.y(Z.java:1)' }],
      type: 'sink',
    };
    expect(renderTable(statusTable(status))).toBe(
      'WHAT        STATE     WORKER   TRACE\nconnector   RUNNING   w:1\ntask 0      FAILED    w:1      org.apache.kafka.connect.errors.ConnectException: connection refused\n',
    );
    expect(listTable({ orders: { status, info: { name: 'orders', config: { 'connector.class': 'JdbcSink' }, tasks: [], type: 'sink' } } }).rows).toEqual([['orders', 'sink', 'RUNNING', '0/1', 'JdbcSink']]);
  });
});
