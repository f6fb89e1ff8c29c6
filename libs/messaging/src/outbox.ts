import { newTraceparent } from '@chasqui/observability';
import { nativeQuery } from '@chasqui/persistence';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as timeOrderedUuid } from 'uuid';
import type { OutboxRow } from './amqp-properties';
import type { OutgoingMessage } from './message';
import { qualified } from './messaging-tables';

// Outbox ids are the messages' ids; time-ordered, each new row lands at the right edge of the
// primary key instead of on a random page of it.

/**
 * Writes the message into <schema>.outbox inside the caller's transaction, so it
 * is published if and only if the caller's change commits (ARCHITECTURE §4).
 */
export async function enqueue(em: EntityManager, schema: string, message: OutgoingMessage): Promise<void> {
  // Outside a transaction the row would commit on its own, whatever happens to the change.
  if (!em.isInTransaction()) throw new Error('messaging: enqueue() must run inside the transaction of the change');
  // MikroORM inlines parameters; it escapes a Buffer as bytea but not a bare Uint8Array.
  const body = Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength);
  await em.execute(
    `insert into ${qualified(schema, 'outbox')}
      (id, exchange, routing_key, type, body, tenant_id, idempotency_key, traceparent)
      values (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      message.messageId ?? timeOrderedUuid(),
      message.exchange,
      message.routingKey,
      message.type,
      body,
      message.tenantId,
      message.idempotencyKey,
      message.traceparent ?? newTraceparent(),
    ],
    'run',
  );
}

/**
 * Many messages in one statement, for bulk changes (an import of a million
 * invoices must not pay one round trip per event). Same transaction rule.
 */
export async function enqueueMany(em: EntityManager, schema: string, messages: OutgoingMessage[]): Promise<void> {
  if (!em.isInTransaction()) throw new Error('messaging: enqueueMany() must run inside the transaction of the change');
  if (messages.length === 0) return;
  const rows = messages.map((message) => ({
    id: message.messageId ?? timeOrderedUuid(),
    exchange: message.exchange,
    routing_key: message.routingKey,
    type: message.type,
    body: Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength).toString('base64'),
    tenant_id: message.tenantId,
    idempotency_key: message.idempotencyKey,
    traceparent: message.traceparent ?? newTraceparent(),
  }));
  await nativeQuery(
    em,
    `insert into ${qualified(schema, 'outbox')}
      (id, exchange, routing_key, type, body, tenant_id, idempotency_key, traceparent)
     select r.id, r.exchange, r.routing_key, r.type, decode(r.body, 'base64'), r.tenant_id, r.idempotency_key, r.traceparent
       from jsonb_to_recordset(?::jsonb) as r(id uuid, exchange text, routing_key text, type text, body text,
                                            tenant_id text, idempotency_key text, traceparent text)`,
    [JSON.stringify(rows)],
  );
}

/**
 * A message's outbox row as the tail of one statement, for hot paths: the
 * change and its event in a single round trip instead of a transaction's five,
 * e.g. `with changed as (update … returning 1) ${into} ${select} from changed`
 * — the row exists if and only if the change happened. Run it with
 * nativeQuery: the body (a statement PDF, on the renderer's path) then goes
 * to PostgreSQL as a binary parameter, neither escaped nor encoded.
 *
 * `claimMs`: the writer publishes the row itself once the statement commits
 * (OutboxRelay.dispatch with `row`); relays leave it alone for that long, and
 * publish it only if the writer did not (it crashed, the broker was away).
 */
export function outboxInsert(
  schema: string,
  message: OutgoingMessage,
  claimMs?: number,
): { into: string; select: string; params: unknown[]; row: OutboxRow } {
  const row: OutboxRow = {
    id: message.messageId ?? timeOrderedUuid(),
    exchange: message.exchange,
    routing_key: message.routingKey,
    type: message.type,
    body: Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength),
    tenant_id: message.tenantId,
    idempotency_key: message.idempotencyKey,
    traceparent: message.traceparent ?? newTraceparent(),
    enqueued_at: Date.now() / 1000,
  };
  return {
    into: `insert into ${qualified(schema, 'outbox')}
      (id, exchange, routing_key, type, body, tenant_id, idempotency_key, traceparent, claimed_until)`,
    select: `select ?::uuid, ?, ?, ?, ?::bytea, ?, ?, ?, now() + ?::float8 * interval '1 millisecond'`,
    params: [
      row.id,
      row.exchange,
      row.routing_key,
      row.type,
      row.body,
      row.tenant_id,
      row.idempotency_key,
      row.traceparent,
      claimMs ?? null,
    ],
    row,
  };
}
