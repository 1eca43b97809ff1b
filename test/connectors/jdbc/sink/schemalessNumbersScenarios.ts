// Schemaless JSON (Sluice's deviation: Confluent's sink rejects records without a schema) whose numbers start as
// integers and later carry fractions: with auto.evolve the integer column is widened to an exact decimal, keeping every
// value it held; without, the record is refused rather than rounded (MySQL would round it silently). Modelled on
// Confluent's DbStructureTest / auto.evolve doc ("auto.evolve ... issue an ALTER"), which never narrows or loses data.
import { expect, it } from 'vitest';
import { RecordWriteError } from '../../../../lambdas/connectors/jdbc/sink/errors.js';
import { sinkRecord } from './fixtures.js';
import type { LiveHarness } from './liveWriter.js';

export function schemalessNumbersScenarios(h: LiveHarness): void {
  it('widens a schemaless integer column to an exact decimal when a later batch has a fraction (auto.evolve)', async () => {
    // Prepare
    const table = h.table('widen');
    const writer = h.writer({ 'auto.create': 'true', 'auto.evolve': 'true' });
    await writer.write([sinkRecord({ topic: table, value: { id: 1, amount: 9_007_199_254_740_993n } })]);

    // Act
    await writer.write([sinkRecord({ topic: table, value: { id: 2, amount: 2.5 } })]);

    // Assess
    const rows = await h.rows(table, 'id, amount');
    expect(rows.map(([id, amount]) => [id, amount!.replace(/\.?0+$/, '')])).toEqual([
      ['1', '9007199254740993'],
      ['2', '2.5'],
    ]);
  });

  it('refuses, without rounding, a fraction for a schemaless integer column when auto.evolve is off', async () => {
    // Prepare
    const table = h.table('narrow');
    await h.writer({ 'auto.create': 'true' }).write([sinkRecord({ topic: table, value: { id: 1, amount: 5 } })]);
    const writer = h.writer();
    const fraction = sinkRecord({ topic: table, value: { id: 2, amount: 2.5 } });

    // Act
    const failure = await writer.write([sinkRecord({ topic: table, value: { id: 3, amount: 7 } }), fraction]).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(RecordWriteError);
    expect((failure as RecordWriteError).record).toBe(fraction);
    expect((failure as RecordWriteError).message).toMatch(/Column amount of table .* is an integer column \(bigint(\(20\))?\) and the value has a fraction/);
    expect(await h.rows(table, 'id, amount')).toEqual([['1', '5']]);
  });
}
