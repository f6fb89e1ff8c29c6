import type { Log } from '@chasqui/observability';
import type { AmqpConnection } from './amqp-connection';
import type { MessageMeta } from './message';
import type { MessagingMetrics } from './metrics';

export interface ConsumerOptions<T> {
  amqp: AmqpConnection;
  log: Log;
  /** e.g. 'renderer.render-jobs' */
  queue: string;
  bindings: { exchange: string; routingKey: string }[];
  /** At most this many deliveries in flight, so handlers run with bounded concurrency. */
  prefetch: number;
  /** One retry tier per entry, e.g. [30000, 300000, 3600000]. */
  retryDelaysMs: number[];
  /** Throws on garbage: the message is dead-lettered at once, without retries. */
  decode: (body: Buffer) => T;
  /** Resolves after the handler's own transaction committed; then, and only then, the delivery is acked. */
  handle: (message: T, meta: MessageMeta) => Promise<void>;
  metrics?: MessagingMetrics;
}
