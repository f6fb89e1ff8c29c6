import type { ConsumeMessage } from 'amqplib';
import { createHash } from 'node:crypto';
import { attemptOf } from '../retry-policy';

/** How a message came to die: the consumer's verdict (x-failure), or the broker's own dead-lettering. */
export type DeathKind = 'permanent' | 'transient' | 'poison' | 'broker';

/** A message from `<queue>.dead`, as the operator sees it and as it is kept. */
export interface DeadLetter {
  /** The queue whose consumer gave up on it (where a replay sends it back). */
  queue: string;
  /** The AMQP messageId; a hash of the body when the message had none. */
  messageId: string;
  type: string;
  tenantId: string;
  body: Buffer;
  headers: Record<string, unknown>;
  reason: string;
  death: DeathKind;
  /** Failed attempts counted against the poison budget. */
  attempts: number;
  /** When its producer enqueued it (the AMQP timestamp), if stamped. */
  enqueuedAt?: Date;
  deadLetteredAt: Date;
}

/** The x-death entry the broker adds when it dead-letters a message itself. */
interface XDeath {
  reason?: string;
  count?: number;
  queue?: string;
  time?: unknown;
}

/** Reads a delivery from `<queue>.dead` into a DeadLetter; never throws, whatever the headers hold. */
export function deadLetterOf(queue: string, message: ConsumeMessage, now: Date): DeadLetter {
  const properties = message.properties;
  const headers = { ...((properties.headers ?? {}) as Record<string, unknown>) };
  const brokerDeath = firstDeath(headers['x-death']);
  const failure = String(headers['x-failure'] ?? '');
  const lastError = headers['x-last-error'];
  const enqueuedAt = Number(properties.timestamp);
  return {
    queue,
    messageId: properties.messageId
      ? String(properties.messageId)
      : `sha256:${createHash('sha256').update(message.content).digest('hex')}`,
    type: String(properties.type ?? ''),
    tenantId: String(headers['tenant-id'] ?? ''),
    body: message.content,
    headers: jsonSafe(headers),
    reason:
      typeof lastError === 'string' && lastError
        ? lastError
        : brokerDeath
          ? brokerReason(brokerDeath)
          : 'dead-lettered without a reason',
    death: isDeathKind(failure) ? failure : 'broker',
    attempts: attemptOf(headers['x-attempt']),
    enqueuedAt: Number.isFinite(enqueuedAt) && enqueuedAt > 0 ? new Date(enqueuedAt * 1000) : undefined,
    deadLetteredAt: dateOf(headers['x-dead-lettered-at']) ?? dateOf(brokerDeath?.time) ?? now,
  };
}

function isDeathKind(value: string): value is Exclude<DeathKind, 'broker'> {
  return value === 'permanent' || value === 'transient' || value === 'poison';
}

function firstDeath(header: unknown): XDeath | undefined {
  return Array.isArray(header) && header.length > 0 && typeof header[0] === 'object'
    ? (header[0] as XDeath)
    : undefined;
}

function brokerReason(death: XDeath): string {
  if (death.reason === 'delivery_limit') {
    return `the broker gave up after ${death.count ?? 'too many'} deliveries from ${death.queue ?? 'its queue'} without an answer (a consumer crashed or stopped while holding it)`;
  }
  return `the broker dead-lettered it from ${death.queue ?? 'its queue'}: ${death.reason ?? 'no reason given'}`;
}

function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    // AMQP timestamps arrive as seconds; ISO strings as themselves.
    const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** Headers as JSON can keep them (dates as ISO strings, bigints as text). */
function jsonSafe(headers: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(headers, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
  ) as Record<string, unknown>;
}
