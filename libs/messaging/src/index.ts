export type { OutgoingMessage, MessageMeta } from './message';
export {
  messagingTablesSql,
  outboxChannel,
  outboxClaimsSql,
  outboxLz4Sql,
  outboxNotifySql,
  outboxNotifyUnclaimedSql,
} from './messaging-tables';
export { enqueue, enqueueMany, outboxInsert } from './outbox';
export { claimOnce } from './inbox';
export { AmqpConnection } from './amqp-connection';
export { declareExchanges } from './topology';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export type { OutboxRow } from './amqp-properties';
export { Consumer } from './consumer';
export type { ConsumerOptions, ConsumerSettings } from './consumer-options';
export { MessagingMetrics } from './metrics';
export { PermanentFailure, TransientFailure, classify, type FailureKind } from './failures';
export { deadLettersTableSql } from './dead-letters/dead-letters-table';
export { deadLetterOf, type DeadLetter, type DeathKind } from './dead-letters/dead-letter';
export {
  DeadLetterArchive,
  type DeadLetterHook,
  type DeadLetterArchiveOptions,
} from './dead-letters/dead-letter-archive';
export {
  DeadLetterStore,
  type DeadLetterFilter,
  type StoredDeadLetter,
  type DeadLetterCursor,
} from './dead-letters/dead-letter-store';
