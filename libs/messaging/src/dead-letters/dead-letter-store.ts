import { nativeQuery } from '@chasqui/persistence';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { enqueue } from '../outbox';
import type { OutboxRelay } from '../outbox-relay';
import type { DeathKind } from './dead-letter';
import { deadLettersTable } from './dead-letters-table';

/** Which letters an operator means; every field narrows, none means all pending ones. */
export interface DeadLetterFilter {
  queue?: string;
  /** Words the reason contains (case-insensitive). */
  reasonContains?: string;
  tenantId?: string;
  /** Dead-lettered at or before this instant (e.g. older than an hour). */
  deadBefore?: Date;
  /** Dead-lettered at or after this instant. */
  deadAfter?: Date;
  /** Also the letters already replayed (the history); pending ones only by default. */
  includeReplayed?: boolean;
  /** Exactly these letters (their ids). */
  ids?: string[];
}

/** A kept dead letter as listed. */
export interface StoredDeadLetter {
  id: string;
  queue: string;
  messageId: string;
  type: string;
  tenantId: string;
  reason: string;
  death: DeathKind;
  attempts: number;
  enqueuedAt: Date | null;
  deadLetteredAt: Date;
  replayedAt: Date | null;
  replayedBy: string | null;
  headers: Record<string, unknown>;
  bodyBytes: number;
}

/** Where listing resumes: after this letter in (dead_lettered_at, id) order. */
export interface DeadLetterCursor {
  deadLetteredAt: Date;
  id: string;
}

interface Row {
  id: string;
  queue: string;
  message_id: string;
  type: string;
  tenant_id: string;
  reason: string;
  death: DeathKind;
  attempts: number;
  enqueued_at: Date | null;
  dead_lettered_at: Date;
  replayed_at: Date | null;
  replayed_by: string | null;
  headers: Record<string, unknown>;
  body_bytes: number;
  body?: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dead letters a service kept (DeadLetterArchive): listed by queue,
 * reason, tenant and age, and replayed — each back onto its queue through the
 * outbox, in the transaction that marks it replayed, so a replay is published
 * once and never lost; with its original messageId and without its attempt
 * counts, so it starts afresh.
 */
export class DeadLetterStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly schema: string,
    private readonly relay?: OutboxRelay,
  ) {}

  async list(filter: DeadLetterFilter, limit: number, after?: DeadLetterCursor): Promise<StoredDeadLetter[]> {
    const { where, params } = this.where(filter, after);
    const rows = await nativeQuery<Row>(
      this.orm.em.fork(),
      `select ${COLUMNS} from ${deadLettersTable(this.schema)} where ${where}
        order by dead_lettered_at, id limit ?`,
      [...params, limit],
    );
    return rows.map(toStored);
  }

  /** Replays up to `limit` pending letters that match; returns them (now marked replayed). */
  async replay(filter: DeadLetterFilter, limit: number, replayedBy: string): Promise<StoredDeadLetter[]> {
    const { where, params } = this.where({ ...filter, includeReplayed: false });
    const replayed = await this.orm.em.fork().transactional(async (em: EntityManager) => {
      const rows = await nativeQuery<Row>(
        em,
        `select ${COLUMNS}, body from ${deadLettersTable(this.schema)} where ${where}
          order by dead_lettered_at, id limit ? for update skip locked`,
        [...params, limit],
      );
      for (const row of rows) {
        await enqueue(em, this.schema, {
          exchange: '',
          routingKey: row.queue,
          type: row.type,
          body: row.body!,
          tenantId: row.tenant_id,
          idempotencyKey: String(row.headers['idempotency-key'] ?? row.message_id),
          traceparent: typeof row.headers.traceparent === 'string' ? row.headers.traceparent : undefined,
          messageId: UUID.test(row.message_id) ? row.message_id : undefined,
        });
      }
      if (rows.length === 0) return [];
      return nativeQuery<Row>(
        em,
        `update ${deadLettersTable(this.schema)} set replayed_at = now(), replayed_by = ?
          where id = any(?::uuid[]) returning ${COLUMNS}`,
        [replayedBy, rows.map((row) => row.id)],
      );
    });
    if (replayed.length > 0) this.relay?.nudge();
    return replayed.map(toStored).sort(byDeathThenId);
  }

  private where(filter: DeadLetterFilter, after?: DeadLetterCursor): { where: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      clauses.push(clause);
      params.push(...values);
    };
    if (!filter.includeReplayed) add('replayed_at is null');
    if (filter.queue) add('queue = ?', filter.queue);
    if (filter.tenantId) add('tenant_id = ?', filter.tenantId);
    if (filter.reasonContains) add(`reason ilike ? escape '\\'`, `%${escapeLike(filter.reasonContains)}%`);
    if (filter.deadBefore) add('dead_lettered_at <= ?', filter.deadBefore);
    if (filter.deadAfter) add('dead_lettered_at >= ?', filter.deadAfter);
    if (filter.ids) add('id = any(?::uuid[])', filter.ids);
    if (after) add('(dead_lettered_at, id) > (?, ?)', after.deadLetteredAt, after.id);
    return { where: clauses.length > 0 ? clauses.join(' and ') : 'true', params };
  }
}

const COLUMNS = `id, queue, message_id, type, tenant_id, reason, death, attempts, enqueued_at, dead_lettered_at,
  replayed_at, replayed_by, headers, octet_length(body) as body_bytes`;

function toStored(row: Row): StoredDeadLetter {
  return {
    id: row.id,
    queue: row.queue,
    messageId: row.message_id,
    type: row.type,
    tenantId: row.tenant_id,
    reason: row.reason,
    death: row.death,
    attempts: row.attempts,
    // The driver may hand timestamps over as text.
    enqueuedAt: row.enqueued_at === null ? null : new Date(row.enqueued_at),
    deadLetteredAt: new Date(row.dead_lettered_at),
    replayedAt: row.replayed_at === null ? null : new Date(row.replayed_at),
    replayedBy: row.replayed_by,
    headers: row.headers,
    bodyBytes: Number(row.body_bytes),
  };
}

function byDeathThenId(a: StoredDeadLetter, b: StoredDeadLetter): number {
  return a.deadLetteredAt.getTime() - b.deadLetteredAt.getTime() || a.id.localeCompare(b.id);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
