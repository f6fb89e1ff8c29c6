export type { OutgoingMessage, MessageMeta } from './message';
export { messagingTablesSql } from './messaging-tables';
export { enqueue, enqueueMany } from './outbox';
export { claimOnce } from './inbox';
export { AmqpConnection } from './amqp-connection';
export { declareExchanges } from './topology';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { Consumer, type ConsumerOptions } from './consumer';
export { MessagingMetrics } from './metrics';
