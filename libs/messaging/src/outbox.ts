import { newTraceparent } from '@chasqui/observability';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from './message';
import { qualified } from './messaging-tables';

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
      randomUUID(),
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
