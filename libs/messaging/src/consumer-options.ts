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
  /**
   * How old (since first enqueued) a message may grow while transient failures
   * hold it back; past it, it is dead-lettered with the last reason. 24 h by default.
   */
  retryHorizonMs?: number;
  /** Throws on garbage: the message is dead-lettered at once, without retries. `meta.type` names the body's message. */
  decode: (body: Buffer, meta: MessageMeta) => T;
  /**
   * Resolves after the handler's own transaction committed; then, and only
   * then, the delivery is acked. Throws PermanentFailure for what no retry can
   * fix, TransientFailure when a dependency is down or the message must wait;
   * anything else counts against the poison budget of the retry tiers.
   */
  handle: (message: T, meta: MessageMeta) => Promise<void>;
  metrics?: MessagingMetrics;
}

/** What a service sets the same way for all its consumers (from its environment). */
export type ConsumerSettings = Pick<
  ConsumerOptions<unknown>,
  'prefetch' | 'retryDelaysMs' | 'retryHorizonMs' | 'metrics'
>;
