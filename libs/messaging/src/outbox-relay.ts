import type { Log } from '@chasqui/observability';
import { nativeQuery } from '@chasqui/persistence';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { AmqpConnection } from './amqp-connection';
import { publishOptions, type OutboxRow } from './amqp-properties';
import { ClaimCursor } from './claim-cursor';
import { tracePublish } from './message-tracing';
import { OutboxListener } from './outbox-listener';
import { qualified } from './messaging-tables';
import type { MessagingMetrics, OutboxState } from './metrics';
import { declareExchanges, JOBS_EXCHANGE } from './topology';

export interface OutboxRelayOptions {
  orm: MikroORM;
  schema: string;
  amqp: AmqpConnection;
  log: Log;
  batchSize?: number;
  idleMs?: number;
  /**
   * Batches in flight at once (1 by default). More lanes keep the broker busy
   * while other batches wait for their confirms, but publish out of order:
   * only for an outbox whose messages do not depend on each other's order
   * (jobs), never for events a consumer must see in sequence.
   */
  lanes?: number;
  metrics?: MessagingMetrics;
  /**
   * A PostgreSQL URL for a connection of the relay's own that LISTENs for
   * committed outbox inserts (the trigger of outboxNotifySql): the relay then
   * sleeps until one arrives instead of polling every `idleMs`, looking anyway
   * every LISTENING_IDLE_MS. Unset, or while that connection is down: it polls.
   */
  listenUrl?: string;
  /**
   * Woken by a commit after a batch that found rows (under load), the relay
   * waits this long before it looks, so the rows other commits add meanwhile
   * go in the same batch: one transaction (begin, select, delete, commit)
   * carries several messages instead of one each. Also how long dispatched
   * rows gather before their delete. Default GATHER_MS.
   */
  gatherMs?: number;
}

/** Bounds how long a batch holds its row locks while the broker is away. */
/** Routes by queue name: where replayed dead letters go. */
const DEFAULT_EXCHANGE = '';
const PUBLISH_TIMEOUT_MS = 10_000;
const ERROR_PAUSE_MS = 1_000;
/**
 * Listening, the relay's first lane still looks this often: a notification
 * lost with a connection that died without a word costs this much at most (a
 * connection that ends or errs sends the relay back to polling at once, and a
 * new one looks as it starts). The other lanes wake on notifications only:
 * an idle relay runs one empty transaction every 30 s, not one per lane
 * every few seconds.
 */
const LISTENING_IDLE_MS = 30_000;
const LISTENING_IDLE_OTHER_LANES_MS = 10 * LISTENING_IDLE_MS;
/** Well under what anyone waiting for an email notices; about a batch of rows at a few dozen commits a second. */
const GATHER_MS = 20;
/** At most one warning this often about failed dispatches (each says how many rows failed). */
const DISPATCH_WARN_EVERY_MS = 10_000;
/** After a dispatch failed, writers leave their rows to the relays this long. */
const DISPATCH_PAUSE_MS = 30_000;

/**
 * Publishes committed outbox rows. A batch is locked with SKIP LOCKED so
 * several relays (and lanes of one relay) share the work; rows are deleted in
 * the same transaction only after every publish is confirmed. A crash in
 * between leaves the rows to be published again: at least once, with the same
 * messageId.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly gatherMs: number;
  private readonly lanes: number;
  private channel?: ChannelWrapper;
  private loop?: Promise<unknown>;
  private stopping = false;
  /** Per lane: woken since it last looked. */
  private readonly nudged: boolean[];
  private readonly wake = new Map<number, () => void>();
  private unwatch?: () => void;
  /** Jobs the broker handed back: no queue is bound for them yet. */
  private readonly returned = new Set<string>();
  private readonly cursor = new ClaimCursor();
  private readonly listener?: OutboxListener;
  /** Rows their writers published (dispatch), to delete in the next gathered statement. */
  private readonly dispatched: string[] = [];
  private deleting?: Promise<void>;
  private readonly dispatching = new Set<Promise<void>>();
  /** Rows whose dispatch did not go out, to release in the next statement. */
  private readonly unclaimed: string[] = [];
  private releasing?: Promise<void>;
  /** Dispatches failed since the last warning, and when that was. */
  private dispatchFailures = 0;
  private dispatchWarnedAt = -Infinity;
  /** canDispatch() says no until then: a dispatch failed shortly before. */
  private dispatchPausedUntil = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 200;
    this.gatherMs = options.gatherMs ?? GATHER_MS;
    this.lanes = options.lanes ?? 1;
    this.nudged = Array.from({ length: this.lanes }, () => false);
    if (options.listenUrl) {
      this.listener = new OutboxListener(options.listenUrl, options.schema, () => this.nudge(), options.log);
    }
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
    this.loop = Promise.all(this.nudged.map((_, lane) => this.run(lane)));
    this.listener?.start();
    this.unwatch = this.options.metrics?.watchOutbox(this.options.schema, () => this.backlog());
  }

  /** Wake the relay now (after a commit that enqueued). */
  nudge(): void {
    this.nudged.fill(true);
    for (const wake of this.wake.values()) wake();
  }

  /**
   * Whether a writer should claim the rows it writes now, to publish them itself (dispatch): not
   * while the broker is away, nor for DISPATCH_PAUSE_MS after a dispatch failed (a broker that
   * takes messages but confirms none would hold each writer for the publish timeout) — its rows
   * are then left to the relays, unclaimed, and wait for nobody's claim to run out.
   */
  canDispatch(): boolean {
    return (
      this.channel !== undefined &&
      !this.stopping &&
      this.options.amqp.isConnected() &&
      Date.now() >= this.dispatchPausedUntil
    );
  }

  /**
   * Publishes a row its writer claimed (outboxInsert's `claimMs`) right after the writer's statement
   * committed, then deletes it with the others dispatched meanwhile: a message on the hot path goes
   * out without the relay's transaction reading it back. Never rejects: a row the broker returned
   * (no queue bound) or could not take (away, timed out) has its claim released before this
   * resolves, and a relay publishes it like any other row.
   */
  dispatch(row: OutboxRow): Promise<void> {
    if (!this.channel || this.stopping) return Promise.resolve(); // left to a relay when the claim runs out
    const sent = this.publish(row)
      .then(() => {
        if (this.returned.delete(row.id)) return this.release(row.id);
        this.dispatched.push(row.id);
        this.deleting ??= this.deleteDispatched();
      })
      .catch((error: unknown) => {
        this.dispatchFailed(error);
        return this.release(row.id);
      })
      .finally(() => this.dispatching.delete(sent));
    this.dispatching.add(sent);
    return sent;
  }

  /**
   * Gives a row its writer could not publish back to the relays at once, with the others of the
   * same moment in one statement. Should that fail, the claim runs out on its own.
   */
  private release(id: string): Promise<void> {
    this.unclaimed.push(id);
    this.releasing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.releaseClaims());
    return this.releasing;
  }

  private async releaseClaims(): Promise<void> {
    const ids = this.unclaimed.splice(0);
    this.releasing = undefined; // rows released from now on go in the next statement
    try {
      await nativeQuery(
        this.options.orm.em.fork(),
        `update ${qualified(this.options.schema, 'outbox')} set claimed_until = null where id = any(?::uuid[])`,
        [ids],
      );
      this.nudge();
    } catch (error) {
      this.options.log.warn('releasing the claims of undispatched outbox rows failed; they run out on their own', {
        schema: this.options.schema,
        rows: ids.length,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /**
   * While the broker is away every writer's dispatch fails (the renderer's, one per email): one
   * warning every DISPATCH_WARN_EVERY_MS says how many failed since the last, not one per row.
   */
  private dispatchFailed(error: unknown): void {
    const now = Date.now();
    this.dispatchPausedUntil = now + DISPATCH_PAUSE_MS;
    this.dispatchFailures++;
    if (now - this.dispatchWarnedAt < DISPATCH_WARN_EVERY_MS) return;
    this.options.log.warn('outbox dispatch failed; the rows are left to the relays', {
      schema: this.options.schema,
      rows: this.dispatchFailures,
      error: error instanceof Error ? error.message : String(error),
    });
    this.dispatchWarnedAt = now;
    this.dispatchFailures = 0;
  }

  /** Deletes the dispatched rows, gathered for `gatherMs`, one statement at a time. */
  private async deleteDispatched(): Promise<void> {
    if (!this.stopping) await new Promise((resolve) => setTimeout(resolve, this.gatherMs));
    const ids = this.dispatched.splice(0);
    try {
      await nativeQuery(
        this.options.orm.em.fork(),
        `delete from ${qualified(this.options.schema, 'outbox')} where id = any(?::uuid[])`,
        [ids],
      );
    } catch (error) {
      // Still claimed: published again by a relay once the claim runs out (at least once, same messageId).
      this.options.log.warn('deleting dispatched outbox rows failed', {
        schema: this.options.schema,
        rows: ids.length,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.deleting = this.dispatched.length > 0 ? this.deleteDispatched() : undefined;
    }
  }

  /** Finishes the batches in flight and the dispatched rows' deletes, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unwatch?.();
    await this.listener?.stop();
    for (const wake of this.wake.values()) wake();
    await Promise.allSettled([...this.dispatching]);
    while (this.deleting) await this.deleting;
    await this.loop;
    this.loop = undefined;
    await this.channel?.close();
    this.channel = undefined;
  }

  private async run(lane: number): Promise<void> {
    while (!this.stopping) {
      const listeningPause = lane === 0 ? LISTENING_IDLE_MS : LISTENING_IDLE_OTHER_LANES_MS;
      let pauseMs = this.listener?.listening ? listeningPause : this.idleMs;
      // Rows came in since the last look: more are likely coming, so the next wake gathers them.
      let busy = false;
      try {
        const { relayed, heldBack } = await this.relayBatch(lane);
        if (relayed === this.batchSize) continue;
        busy = relayed > 0;
        // Jobs with no queue yet stay at the head of the outbox: try again later, not at once.
        if (heldBack) pauseMs = ERROR_PAUSE_MS;
      } catch (error) {
        pauseMs = ERROR_PAUSE_MS;
        this.cursor.rewind();
        this.options.log.warn('outbox relay batch failed; will retry', {
          schema: this.options.schema,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      await this.pause(lane, pauseMs, busy ? this.gatherMs : 0);
    }
  }

  /** One batch: locked, published, confirmed, deleted. `heldBack`: some jobs had no queue to go to. */
  private relayBatch(lane: number): Promise<{ relayed: number; heldBack: boolean }> {
    this.nudged[lane] = false;
    const table = qualified(this.options.schema, 'outbox');
    return this.options.orm.em.fork().transactional(async (em: EntityManager) => {
      const rows = await nativeQuery<OutboxRow & { seq: string }>(
        em,
        `select id, seq, exchange, routing_key, type, body, tenant_id, idempotency_key, traceparent,
                extract(epoch from created_at)::float8 as enqueued_at
         from ${table} where seq > ? and (claimed_until is null or claimed_until < now())
         order by seq limit ? for update skip locked`,
        [this.cursor.next(), this.batchSize],
      );
      this.cursor.claimed(rows.length > 0 ? Number(rows[rows.length - 1].seq) : 0, rows.length === this.batchSize);
      if (rows.length === 0) return { relayed: 0, heldBack: false };
      await Promise.all(rows.map((row) => this.publish(row)));
      // A returned job arrives before its confirm, so by now the set is complete.
      const routed = rows.filter((row) => !this.returned.delete(row.id));
      if (routed.length > 0)
        await nativeQuery(em, `delete from ${table} where id = any(?::uuid[])`, [routed.map((row) => row.id)]);
      const heldBack = routed.length < rows.length;
      if (heldBack) {
        this.cursor.rewind();
        this.warnUnroutable(rows.filter((row) => !routed.includes(row)));
      }
      return { relayed: routed.length, heldBack };
    });
  }

  private async publish(row: OutboxRow): Promise<void> {
    // Traced, the message carries the publish span's traceparent (a child of the row's).
    await tracePublish(row, async (traced) => {
      await this.channel!.publish(traced.exchange, traced.routing_key, traced.body, {
        ...publishOptions(traced),
        // A job nobody can receive yet (its consumer never started) stays in the
        // outbox instead of being dropped; an event without subscribers is fine.
        // A replayed dead letter goes straight to its queue through the default
        // exchange, and must find it.
        mandatory: traced.exchange === JOBS_EXCHANGE || traced.exchange === DEFAULT_EXCHANGE,
        timeout: PUBLISH_TIMEOUT_MS,
      });
    });
    this.options.metrics?.published.inc({ exchange: row.exchange });
  }

  private warnUnroutable(rows: OutboxRow[]): void {
    this.options.log.warn('jobs have no queue bound yet; kept in the outbox', {
      schema: this.options.schema,
      routingKeys: [...new Set(rows.map((row) => row.routing_key))],
      count: rows.length,
    });
  }

  /** What waits in the outbox, read when Prometheus scrapes. */
  private async backlog(): Promise<OutboxState> {
    const [row] = await this.options.orm.em.fork().execute<{ n: string; oldest: number }[]>(
      `select count(*) as n, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest
         from ${qualified(this.options.schema, 'outbox')}`,
    );
    return { rows: Number(row.n), oldestSeconds: Math.max(0, row.oldest) };
  }

  /**
   * Until `ms` pass, or `gatherMs` after the lane is nudged (at once when stopping). A relay that
   * found rows last time gathers; one that found none looks at once, so a lone commit on an idle
   * outbox is published as fast as before.
   */
  private pause(lane: number, ms: number, gatherMs: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout;
      const done = (): void => {
        clearTimeout(timer);
        this.wake.delete(lane);
        resolve();
      };
      const gather = (): void => {
        if (this.stopping || gatherMs === 0) return done();
        clearTimeout(timer);
        this.wake.set(lane, () => (this.stopping ? done() : undefined));
        timer = setTimeout(done, gatherMs);
      };
      if (this.nudged[lane]) return gather();
      timer = setTimeout(done, ms);
      this.wake.set(lane, gather);
    });
  }
}
