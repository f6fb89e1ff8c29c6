import { EntitySchema } from '@mikro-orm/core';

/**
 * sending: on an SMTP connection now (leased until lease_until); sent: the
 * server answered 250; deferred: to be tried again; failed: 5xx; unknown: the
 * connection was lost after the final dot; dead_lettered: given up on;
 * suppressed: every recipient is on the suppression list, nothing was sent.
 */
export type MessageStatus = 'sending' | 'sent' | 'deferred' | 'failed' | 'unknown' | 'dead_lettered' | 'suppressed';

/** One email for one occurrence: the communication log's row. */
export interface Message {
  id: string;
  tenantId: string;
  occurrenceId: string;
  /** RFC 5322 Message-ID, derived from the occurrence. */
  messageId: string;
  customerId: string;
  invoiceIds: string[];
  to: string[];
  cc: string[];
  bcc: string[];
  /** A test send (TestSend), not a reminder to the customer. */
  test: boolean;
  subject: string;
  status: MessageStatus;
  smtpResponse: string | null;
  /** Why the message is in its status, for the tenant. */
  reason: string | null;
  attempts: number;
  /** While sending: until when the claim belongs to the process holding it. */
  leaseUntil: Date | null;
  /** While sending: the final dot was about to go out at this instant. */
  finalDotAt: Date | null;
  /** While unknown: the send job, for a deliberate resend. */
  resendJob: Buffer | null;
  /** The customer's IANA zone, else the tenant's: where a reply's dates are read. */
  timeZone: string;
  /** The headers that identify it (From, Return-Path, Reply-To, List-Unsubscribe…), as last sent. */
  headers: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

export const MessageEntity = new EntitySchema<Message>({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: { type: 'uuid', primary: true },
    tenantId: { type: 'uuid' },
    occurrenceId: { type: 'uuid', unique: true },
    messageId: { type: 'string' },
    customerId: { type: 'uuid' },
    invoiceIds: { type: 'string[]', columnType: 'uuid[]' },
    to: { type: 'string[]', fieldName: 'recipients', columnType: 'text[]' },
    cc: { type: 'string[]', columnType: 'text[]' },
    bcc: { type: 'string[]', columnType: 'text[]' },
    test: { type: 'boolean' },
    subject: { type: 'string' },
    status: { type: 'string' },
    smtpResponse: { type: 'string', nullable: true },
    reason: { type: 'string', nullable: true },
    attempts: { type: 'integer' },
    leaseUntil: { type: 'datetime', nullable: true },
    finalDotAt: { type: 'datetime', nullable: true },
    resendJob: { type: 'blob', nullable: true, lazy: true },
    timeZone: { type: 'string' },
    headers: { type: 'json' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
