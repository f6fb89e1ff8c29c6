import { EntitySchema } from '@mikro-orm/core';

export type MessageStatus = 'sending' | 'sent' | 'deferred' | 'failed' | 'unknown';

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
  attempts: number;
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
    attempts: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
