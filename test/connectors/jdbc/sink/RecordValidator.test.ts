// Which records the sink accepts (Kafka's RecordValidator), and the one deliberate deviation: schemaless objects.
import { describe, expect, it } from 'vitest';
import { Schemas } from '../../../../lambdas/connect-api/data/Schema.js';
import { RecordWriteError } from '../../../../lambdas/connectors/jdbc/sink/errors.js';
import { recordValidator } from '../../../../lambdas/connectors/jdbc/sink/RecordValidator.js';
import { order, sinkConfig, sinkRecord } from './fixtures.js';

const URL = 'jdbc:postgresql://localhost/db';

describe('recordValidator', () => {
  it('accepts Struct values and schemaless JSON objects', () => {
    // Prepare
    const validate = recordValidator(sinkConfig(URL));

    // Act / Assess
    expect(() => validate(order('t', 1, 'a'))).not.toThrow();
    expect(() => validate(sinkRecord({ value: { id: 1 } }))).not.toThrow();
  });

  it("rejects a tombstone without delete.enabled with Kafka's message, carrying the record", () => {
    // Prepare
    const validate = recordValidator(sinkConfig(URL, { 'pk.mode': 'kafka' }));
    const tombstone = sinkRecord({ topic: 't', offset: 42, keySchema: Schemas.STRING, key: 'k' });

    // Act
    let error: unknown;
    try {
      validate(tombstone);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(RecordWriteError);
    expect((error as RecordWriteError).record).toBe(tombstone);
    expect((error as RecordWriteError).message).toBe(
      "Sink connector 'test-sink' is configured with 'delete.enabled=false' and 'pk.mode=kafka' and therefore requires records with a non-null Struct value and non-null Struct schema, but found record at (topic='t',partition=0,offset=42,timestamp=1700000000000) with a null value and null value schema.",
    );
  });

  it('requires a non-null key with a schema for record_key and deletes', () => {
    // Prepare
    const validate = recordValidator(sinkConfig(URL, { 'pk.mode': 'record_key', 'delete.enabled': 'true' }));

    // Act / Assess
    expect(() => validate(sinkRecord({ topic: 't', offset: 1, key: { id: 1 }, value: null }))).toThrow(
      "Sink connector 'test-sink' is configured with 'delete.enabled=true' and 'pk.mode=record_key' and therefore requires records with a non-null key and non-null Struct or primitive key schema, but found record at (topic='t',partition=0,offset=1,timestamp=1700000000000) with a HashMap key and null key schema.",
    );
    expect(() => validate(sinkRecord({ keySchema: Schemas.INT32, key: 1, value: null }))).not.toThrow();
  });

  it('rejects schemaless values that are not objects', () => {
    // Prepare
    const validate = recordValidator(sinkConfig(URL));

    // Act / Assess
    expect(() => validate(sinkRecord({ value: [1, 2] }))).toThrow(/with a ArrayList value and null value schema\.$/);
    expect(() => validate(sinkRecord({ valueSchema: Schemas.STRING, value: 'x' }))).toThrow(/with a String value and STRING value schema\.$/);
  });
});
