import type { Channel } from 'amqplib';
import { deadQueueName, retryQueueName } from './retry-policy';

const DEAD_EXCHANGE = 'chasqui.dead';
export const JOBS_EXCHANGE = 'chasqui.jobs';

/** Redeliveries before the broker itself dead-letters a message (e.g. a handler that crashes the process). */
const DELIVERY_LIMIT = 10;

// Dead-lettering between quorum queues is at-most-once unless asked otherwise;
// at-least-once needs reject-publish overflow (RabbitMQ ≥ 3.10).
const AT_LEAST_ONCE = {
  'x-queue-type': 'quorum',
  'x-dead-letter-strategy': 'at-least-once',
  'x-overflow': 'reject-publish',
};

/** Declares the exchanges (durable): events topic, jobs direct, retry and dead direct. */
export async function declareExchanges(channel: Pick<Channel, 'assertExchange'>): Promise<void> {
  await channel.assertExchange('chasqui.events', 'topic', { durable: true });
  await channel.assertExchange(JOBS_EXCHANGE, 'direct', { durable: true });
  await channel.assertExchange('chasqui.retry', 'direct', { durable: true });
  await channel.assertExchange(DEAD_EXCHANGE, 'direct', { durable: true });
}

export interface ConsumerTopology {
  queue: string;
  bindings: { exchange: string; routingKey: string }[];
  retryDelaysMs: number[];
}

/**
 * Q (quorum, bound to its bindings), one queue per retry tier whose queue-level
 * TTL dead-letters back to Q through the default exchange, and Q.dead. Never a
 * per-message TTL in a shared queue: expiry only happens at the head, so a long
 * delay would hold up the short ones behind it (ARCHITECTURE §4).
 */
export async function declareConsumerTopology(channel: Channel, topology: ConsumerTopology): Promise<void> {
  const { queue, bindings, retryDelaysMs } = topology;
  await declareExchanges(channel);
  await channel.assertQueue(queue, {
    durable: true,
    arguments: {
      ...AT_LEAST_ONCE,
      'x-delivery-limit': DELIVERY_LIMIT,
      'x-dead-letter-exchange': DEAD_EXCHANGE,
      'x-dead-letter-routing-key': queue,
    },
  });
  for (const { exchange, routingKey } of bindings) await channel.bindQueue(queue, exchange, routingKey);
  for (const delayMs of new Set(retryDelaysMs)) {
    await channel.assertQueue(retryQueueName(queue, delayMs), {
      durable: true,
      arguments: {
        ...AT_LEAST_ONCE,
        'x-message-ttl': delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queue,
      },
    });
  }
  await channel.assertQueue(deadQueueName(queue), { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(deadQueueName(queue), DEAD_EXCHANGE, queue);
}
