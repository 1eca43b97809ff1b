// Runs the embedded broker: tsx local/broker/cli.ts [--port 9092] [--host 127.0.0.1]
//   [--data-dir DIR] [--partitions N] [--no-auto-create]
// Prints what it started; stops on SIGINT or SIGTERM.
import { parseArgs } from 'node:util';
import { startBroker } from './Broker.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9092' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    partitions: { type: 'string', default: '1' },
    'no-auto-create': { type: 'boolean', default: false },
  },
});

const logger = {
  info: (m: string) => console.log(`[broker] ${m}`),
  warn: (m: string) => console.warn(`[broker] ${m}`),
  error: (m: string) => console.error(`[broker] ${m}`),
};

const handle = await startBroker({
  port: Number(values.port),
  host: values.host,
  dataDir: values['data-dir'],
  numPartitions: Number(values.partitions),
  autoCreateTopics: !values['no-auto-create'],
  logger,
});
console.log(
  `Kafka-protocol broker on ${handle.bootstrap} (${values['data-dir'] ? `data in ${values['data-dir']}` : 'in memory'}, ` +
    `${values.partitions} partition(s) per auto-created topic, auto-create ${values['no-auto-create'] ? 'off' : 'on'})`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping`);
    void handle.stop().then(() => process.exit(0));
  });
}
