// Embedded Kafka-protocol broker for standalone mode and tests.
export type { BrokerHandle, BrokerOptions } from './Broker.js';
export { startBroker } from './Broker.js';
export type { BrokerLogger } from './handlers/context.js';
