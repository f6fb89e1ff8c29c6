import { EntitySchema } from '@mikro-orm/core';

/** What can happen to a message after it was queued; the send outcomes are the message's own status. */
export type MessageEventKind =
  'suppressed' | 'bounced' | 'delayed' | 'complained' | 'auto_replied' | 'replied' | 'unsubscribed';

/** One step of a message's timeline. */
export interface MessageEvent {
  id: string;
  tenantId: string;
  /** messages.id */
  messageId: string;
  kind: MessageEventKind;
  at: Date;
  recipient: string;
  /** The diagnostic, the reply's new text, the feedback type, the reason. */
  detail: string;
  /** A hard bounce. */
  permanent: boolean;
  /** A reply's promised date, YYYY-MM-DD, or ''. */
  promisedDate: string;
  inboundId: string | null;
}

export const MessageEventEntity = new EntitySchema<MessageEvent>({
  name: 'MessageEvent',
  tableName: 'message_events',
  properties: {
    id: { type: 'uuid', primary: true },
    tenantId: { type: 'uuid' },
    messageId: { type: 'uuid' },
    kind: { type: 'string' },
    at: { type: 'datetime' },
    recipient: { type: 'string' },
    detail: { type: 'text' },
    permanent: { type: 'boolean' },
    promisedDate: { type: 'string' },
    inboundId: { type: 'uuid', nullable: true },
  },
});
