import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MessageEventEntity, type MessageEvent } from './message-event.entity';

export type NewMessageEvent = Omit<MessageEvent, 'id' | 'recipient' | 'detail' | 'permanent' | 'promisedDate'> &
  Partial<Pick<MessageEvent, 'recipient' | 'detail' | 'permanent' | 'promisedDate'>>;

/** What happened to messages after they were queued, each step a row. */
@Injectable()
export class TimelineRepository {
  constructor(private readonly orm: MikroORM) {}

  add(em: EntityManager, events: NewMessageEvent[]): void {
    for (const event of events) {
      em.create(MessageEventEntity, {
        recipient: '',
        detail: '',
        permanent: false,
        promisedDate: '',
        ...event,
        id: randomUUID(),
      });
    }
  }

  /** The events of these messages (of one tenant), oldest first. */
  async of(tenantId: string, messageIds: string[]): Promise<Map<string, MessageEvent[]>> {
    const events =
      messageIds.length === 0
        ? []
        : await this.orm.em
            .fork()
            .find(
              MessageEventEntity,
              { tenantId, messageId: { $in: messageIds } },
              { orderBy: { at: 'asc', id: 'asc' } },
            );
    const byMessage = new Map<string, MessageEvent[]>();
    for (const event of events) byMessage.set(event.messageId, [...(byMessage.get(event.messageId) ?? []), event]);
    return byMessage;
  }
}
