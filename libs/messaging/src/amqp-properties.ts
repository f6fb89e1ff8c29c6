import { onwardTraceparent } from '@chasqui/observability';
import type { ConsumeMessage, Options } from 'amqplib';
import type { MessageMeta } from './message';
import { attemptOf } from './retry-policy';

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  exchange: string;
  routing_key: string;
  type: string;
  body: Buffer;
  tenant_id: string;
  idempotency_key: string;
  traceparent: string;
  /** Seconds since the epoch when the row was enqueued. */
  enqueued_at: number;
}

const LAST_ERROR_MAX = 500;

/** Persistent, with the outbox id as messageId so every republish carries the same id. */
export function publishOptions(row: OutboxRow): Options.Publish {
  return {
    persistent: true,
    contentType: 'application/x-protobuf',
    messageId: row.id,
    type: row.type,
    timestamp: Math.floor(row.enqueued_at),
    headers: { 'tenant-id': row.tenant_id, 'idempotency-key': row.idempotency_key, traceparent: row.traceparent },
  };
}

/**
 * The same message again, for a retry tier or the dead-letter queue. Picked
 * property by property: `expiration` would be a per-message TTL and `userId`
 * must match the publishing user, and the quorum queue's x-delivery-count
 * belongs to the queue the copy leaves.
 */
export function retryCopyOptions(
  message: ConsumeMessage,
  attempts: number,
  lastError: string,
  extra: Record<string, unknown> = {},
): Options.Publish {
  const p = message.properties;
  const { 'x-delivery-count': _deliveryCount, ...headers } = (p.headers ?? {}) as Record<string, unknown>;
  return {
    persistent: true,
    contentType: p.contentType,
    contentEncoding: p.contentEncoding,
    messageId: p.messageId,
    type: p.type,
    timestamp: p.timestamp,
    correlationId: p.correlationId,
    appId: p.appId,
    headers: { ...headers, 'x-attempt': attempts, 'x-last-error': lastError.slice(0, LAST_ERROR_MAX), ...extra },
  };
}

export function metaOf(message: ConsumeMessage): MessageMeta {
  const headers = message.properties.headers ?? {};
  return {
    messageId: String(message.properties.messageId ?? ''),
    type: String(message.properties.type ?? ''),
    tenantId: String(headers['tenant-id'] ?? ''),
    idempotencyKey: String(headers['idempotency-key'] ?? ''),
    // Traced, the delivery's span: what the handler enqueues or calls continues under it.
    traceparent: onwardTraceparent(String(headers['traceparent'] ?? '')),
    attempt: attemptOf(headers['x-attempt']),
    transientAttempt: attemptOf(headers['x-transient-attempt']),
    redelivered: message.fields.redelivered,
  };
}
