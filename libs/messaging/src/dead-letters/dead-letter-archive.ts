import type { Log } from '@chasqui/observability';
import { isConnectionLost, nativeQuery } from '@chasqui/persistence';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { v7 as timeOrderedUuid } from 'uuid';
import type { AmqpConnection } from '../amqp-connection';
import type { OutgoingMessage } from '../message';
import type { MessagingMetrics } from '../metrics';
import { enqueue } from '../outbox';
import type { OutboxRelay } from '../outbox-relay';
import { deadQueueName } from '../retry-policy';
import { deadLetterOf, type DeadLetter } from './dead-letter';
import { deadLettersTable } from './dead-letters-table';

/** Pause before a letter that could not be archived (the database is away) is offered again. */
const RETRY_PAUSE_MS = 2_000;

/**
 * What the owner of a queue does when one of its messages dies, in the
 * archive's transaction: e.g. delivery marks the message `dead_lettered` and
 * publishes that it was, so no status says `queued` forever.
 */
export type DeadLetterHook = (
  letter: DeadLetter,
  tx: { em: EntityManager; publish: (message: OutgoingMessage) => Promise<void> },
) => Promise<void>;

export interface DeadLetterArchiveOptions {
  amqp: AmqpConnection;
  orm: MikroORM;
  /** The service's schema: letters go to <schema>.dead_letters. */
  schema: string;
  log: Log;
  relay?: OutboxRelay;
  metrics?: MessagingMetrics;
  /** The service's consumer queues; the archive takes each one's `<queue>.dead`. */
  queues: { queue: string; onDeadLetter?: DeadLetterHook }[];
}

/**
 * Moves every dead letter of a service's queues from RabbitMQ into its
 * database, where an operator can list and replay it (DeadLetterStore): the
 * row commits first, then the delivery is acked, so a crash between the two
 * archives it twice into one row (one pending letter per queue and message id).
 */
export class DeadLetterArchive {
  private channel?: ChannelWrapper;
  private stopping = false;
  private readonly consumerTags: { channel: ConfirmChannel; tag: string }[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: DeadLetterArchiveOptions) {}

  async start(): Promise<void> {
    this.stopping = false;
    this.channel = this.options.amqp.createChannel('dead-letter archive');
    await this.channel.waitForConnect();
    await this.channel.addSetup((channel: ConfirmChannel) => this.setup(channel));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const { channel, tag } of this.consumerTags.splice(0)) {
      await Promise.resolve()
        .then(() => channel.cancel(tag))
        .catch(() => undefined);
    }
    await Promise.allSettled([...this.inFlight]);
    await this.channel?.close();
    this.channel = undefined;
  }

  private async setup(channel: ConfirmChannel): Promise<void> {
    this.consumerTags.length = 0;
    await channel.prefetch(10);
    for (const { queue, onDeadLetter } of this.options.queues) {
      const dead = deadQueueName(queue);
      // The same declaration as the consumer's topology, whichever starts first.
      await channel.assertQueue(dead, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      if (this.stopping) return;
      const { consumerTag } = await channel.consume(dead, (message) => {
        if (!message) return;
        const work = this.archive(channel, queue, message, onDeadLetter).finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      });
      this.consumerTags.push({ channel, tag: consumerTag });
    }
  }

  private async archive(
    channel: ConfirmChannel,
    queue: string,
    message: ConsumeMessage,
    onDeadLetter?: DeadLetterHook,
  ): Promise<void> {
    const letter = deadLetterOf(queue, message, new Date());
    try {
      await this.keep(letter, onDeadLetter).catch(async (error: unknown) => {
        if (!onDeadLetter || isConnectionLost(error)) throw error;
        // The owner could not apply it (e.g. its body does not decode): keep the letter all the same.
        this.options.log.error('dead letter hook failed; archiving the letter without it', {
          queue,
          messageId: letter.messageId,
          error: String(error),
        });
        await this.keep(letter);
      });
      this.options.metrics?.consumed.inc({ queue: deadQueueName(queue), outcome: 'ok' });
      settle(channel, message, 'ack');
    } catch (error) {
      this.options.log.warn('could not archive a dead letter; it stays in its queue', {
        queue,
        messageId: letter.messageId,
        error: String(error),
      });
      await new Promise((resolve) => setTimeout(resolve, this.stopping ? 0 : RETRY_PAUSE_MS));
      settle(channel, message, 'requeue');
    }
  }

  private async keep(letter: DeadLetter, onDeadLetter?: DeadLetterHook): Promise<void> {
    const { orm, schema, relay } = this.options;
    let published = false;
    await orm.em.fork().transactional(async (em) => {
      const inserted = await nativeQuery<{ id: string }>(
        em,
        `insert into ${deadLettersTable(schema)}
          (id, queue, message_id, type, tenant_id, body, headers, reason, death, attempts, enqueued_at, dead_lettered_at)
          values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
          on conflict (queue, message_id) where replayed_at is null do nothing returning id`,
        [
          timeOrderedUuid(),
          letter.queue,
          letter.messageId,
          letter.type,
          letter.tenantId,
          letter.body,
          JSON.stringify(letter.headers),
          letter.reason,
          letter.death,
          letter.attempts,
          letter.enqueuedAt ?? null,
          letter.deadLetteredAt,
        ],
      );
      // Already archived (a redelivery after a crash): its hook ran with it.
      if (inserted.length === 0 || !onDeadLetter) return;
      await onDeadLetter(letter, {
        em,
        publish: (message) => {
          published = true;
          return enqueue(em, schema, message);
        },
      });
    });
    if (published) relay?.nudge();
  }
}

function settle(channel: ConfirmChannel, message: ConsumeMessage, how: 'ack' | 'requeue'): void {
  try {
    if (how === 'ack') channel.ack(message);
    else channel.nack(message, false, true);
  } catch {
    // The channel is gone: the broker redelivers the letter anyway.
  }
}
