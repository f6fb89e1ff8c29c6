import type { Log } from '@chasqui/observability';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { AmqpConnection } from './amqp-connection';
import { publishOptions, type OutboxRow } from './amqp-properties';
import { qualified } from './messaging-tables';
import type { MessagingMetrics } from './metrics';
import { declareExchanges, JOBS_EXCHANGE } from './topology';

export interface OutboxRelayOptions {
  orm: MikroORM;
  schema: string;
  amqp: AmqpConnection;
  log: Log;
  batchSize?: number;
  idleMs?: number;
  metrics?: MessagingMetrics;
}

/** Bounds how long a batch holds its row locks while the broker is away. */
const PUBLISH_TIMEOUT_MS = 10_000;
const ERROR_PAUSE_MS = 1_000;
const BACKLOG_EVERY_MS = 5_000;

/**
 * Publishes committed outbox rows. A batch is locked with SKIP LOCKED so
 * several relays share the work; rows are deleted in the same transaction only
 * after every publish is confirmed. A crash in between leaves the rows to be
 * published again: at least once, with the same messageId.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private channel?: ChannelWrapper;
  private loop?: Promise<void>;
  private stopping = false;
  private nudged = false;
  private wake?: () => void;
  private backlogAt = 0;
  /** Jobs the broker handed back: no queue is bound for them yet. */
  private readonly returned = new Set<string>();
  private heldBack = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 200;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.channel = this.options.amqp.createChannel(`outbox-relay ${this.options.schema}`, async (channel) => {
      await declareExchanges(channel);
      channel.on('return', (message: { properties: { messageId?: string } }) => {
        if (message.properties.messageId) this.returned.add(message.properties.messageId);
      });
    });
    this.loop = this.run();
  }

  /** Wake the relay now (after a commit that enqueued). */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    await this.channel?.close();
    this.channel = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let pauseMs = this.idleMs;
      try {
        const relayed = await this.relayBatch();
        await this.reportBacklog();
        if (relayed === this.batchSize) continue;
        // Jobs with no queue yet stay at the head of the outbox: try again later, not at once.
        if (this.heldBack) pauseMs = ERROR_PAUSE_MS;
        this.heldBack = false;
      } catch (error) {
        pauseMs = ERROR_PAUSE_MS;
        this.options.log.warn('outbox relay batch failed; will retry', {
          schema: this.options.schema,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      await this.pause(pauseMs);
    }
  }

  private relayBatch(): Promise<number> {
    this.nudged = false;
    const table = qualified(this.options.schema, 'outbox');
    return this.options.orm.em.fork().transactional(async (em: EntityManager) => {
      const rows = await em.execute<OutboxRow[]>(
        `select id, exchange, routing_key, type, body, tenant_id, idempotency_key, traceparent,
                extract(epoch from created_at)::float8 as enqueued_at
         from ${table} order by seq limit ? for update skip locked`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      await Promise.all(rows.map((row) => this.publish(row)));
      // A returned job arrives before its confirm, so by now the set is complete.
      const routed = rows.filter((row) => !this.returned.delete(row.id));
      if (routed.length > 0)
        await em.execute(`delete from ${table} where id in (?)`, [routed.map((row) => row.id)], 'run');
      if (routed.length < rows.length) this.warnUnroutable(rows.filter((row) => !routed.includes(row)));
      return routed.length;
    });
  }

  private async publish(row: OutboxRow): Promise<void> {
    await this.channel!.publish(row.exchange, row.routing_key, row.body, {
      ...publishOptions(row),
      // A job nobody can receive yet (its consumer never started) stays in the
      // outbox instead of being dropped; an event without subscribers is fine.
      mandatory: row.exchange === JOBS_EXCHANGE,
      timeout: PUBLISH_TIMEOUT_MS,
    });
    this.options.metrics?.published.inc({ exchange: row.exchange });
  }

  private warnUnroutable(rows: OutboxRow[]): void {
    this.heldBack = true;
    this.options.log.warn('jobs have no queue bound yet; kept in the outbox', {
      schema: this.options.schema,
      routingKeys: [...new Set(rows.map((row) => row.routing_key))],
      count: rows.length,
    });
  }

  /** Counting is cheap on a drained outbox, but not on every tick. */
  private async reportBacklog(): Promise<void> {
    const { metrics, orm, schema } = this.options;
    if (!metrics || Date.now() - this.backlogAt < BACKLOG_EVERY_MS) return;
    this.backlogAt = Date.now();
    const [row] = await orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from ${qualified(schema, 'outbox')}`);
    metrics.outboxBacklog.set({ schema }, Number(row.n));
  }

  private pause(ms: number): Promise<void> {
    if (this.nudged || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
