import { EntitySchema } from '@mikro-orm/core';
import type { Classification } from './classification/classification';

/** received: stored, not yet read; classified: matched to a message; unmatched: read, matched nothing (or refused); failed: could not be read. */
export type InboundState = 'received' | 'classified' | 'unmatched' | 'failed';
export type InboundKind = Classification['kind'] | 'unsubscribe';
/** How an inbound email was tied to a message, strongest first. */
export type MatchedBy = 'bounce_token' | 'reply_token' | 'unsubscribe_token' | 'in_reply_to' | 'original_message_id';

/** An email that arrived at the inbound SMTP port, kept raw before anything reads it. */
export interface InboundEmail {
  id: string;
  receivedAt: Date;
  mailFrom: string;
  rcptTo: string[];
  remoteAddress: string;
  size: number;
  raw: Buffer;
  state: InboundState;
  kind: InboundKind | null;
  subject: string;
  tenantId: string | null;
  /** Our messages.id it was matched to. */
  messageId: string | null;
  matchedBy: MatchedBy | null;
  classification: Classification | null;
  /** Why it matched nothing, or could not be read. */
  problem: string | null;
  /** Readings begun (a crash mid-way leaves it `received` for the next); the current one's token. */
  attempts: number;
  /** While a reading runs: no other process takes it before this. */
  readingUntil: Date | null;
  processedAt: Date | null;
  forwardedAt: Date | null;
}

export const InboundEmailEntity = new EntitySchema<InboundEmail>({
  name: 'InboundEmail',
  tableName: 'inbound_emails',
  properties: {
    id: { type: 'uuid', primary: true },
    receivedAt: { type: 'datetime' },
    mailFrom: { type: 'string' },
    rcptTo: { type: 'string[]', columnType: 'text[]' },
    remoteAddress: { type: 'string' },
    size: { type: 'integer' },
    raw: { type: 'blob', lazy: true },
    state: { type: 'string' },
    kind: { type: 'string', nullable: true },
    subject: { type: 'string' },
    tenantId: { type: 'uuid', nullable: true },
    messageId: { type: 'uuid', nullable: true },
    matchedBy: { type: 'string', nullable: true },
    classification: { type: 'json', nullable: true },
    problem: { type: 'string', nullable: true },
    attempts: { type: 'integer' },
    readingUntil: { type: 'datetime', nullable: true },
    processedAt: { type: 'datetime', nullable: true },
    forwardedAt: { type: 'datetime', nullable: true },
  },
});
