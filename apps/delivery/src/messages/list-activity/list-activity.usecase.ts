import { Injectable } from '@nestjs/common';
import { TimelineRepository } from '../../timeline/timeline.repository';
import type { MessageEvent } from '../../timeline/message-event.entity';
import type { Message } from '../message.entity';
import { MessageRepository } from '../message.repository';
import { pageOf, pageToken } from '../page-token';

export interface ListActivityCommand {
  tenantId: string;
  customerId: string;
  invoiceId?: string;
  pageSize: number;
  pageToken: string;
}

/** The communication log of a customer (or of one invoice): each message with its timeline. */
@Injectable()
export class ListActivityUseCase {
  constructor(
    private readonly messages: MessageRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  async execute(
    command: ListActivityCommand,
  ): Promise<{ messages: { message: Message; events: MessageEvent[] }[]; nextPageToken: string }> {
    const { tenantId, customerId, invoiceId, pageSize } = command;
    const after = command.pageToken ? pageToken.read(command.pageToken) : undefined;
    const fetched = await this.messages.list(tenantId, { customerId, invoiceId }, pageSize + 1, after);
    const { messages, nextPageToken } = pageOf(fetched, pageSize);
    const events = await this.timeline.of(
      tenantId,
      messages.map((m) => m.id),
    );
    return { messages: messages.map((message) => ({ message, events: events.get(message.id) ?? [] })), nextPageToken };
  }
}
