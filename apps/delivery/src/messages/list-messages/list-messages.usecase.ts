import { Injectable } from '@nestjs/common';
import type { Message, MessageStatus } from '../message.entity';
import { MessageRepository } from '../message.repository';

type Cursor = { createdAt: Date; id: string };

/** Page tokens: the last message's (created_at, id), opaque to callers. */
export const pageToken = {
  write: (message: Message): string =>
    Buffer.from(JSON.stringify([message.createdAt.toISOString(), message.id])).toString('base64url'),
  read: (token: string): Cursor | undefined => {
    try {
      const [at, id] = JSON.parse(Buffer.from(token, 'base64url').toString()) as [string, string];
      const createdAt = new Date(at);
      return typeof id === 'string' && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : undefined;
    } catch {
      return undefined;
    }
  },
};

@Injectable()
export class ListMessagesUseCase {
  constructor(private readonly messages: MessageRepository) {}

  async execute(command: {
    tenantId: string;
    statuses: MessageStatus[];
    pageSize: number;
    pageToken: string;
  }): Promise<{ messages: Message[]; nextPageToken: string }> {
    const after = command.pageToken ? pageToken.read(command.pageToken) : undefined;
    const messages = await this.messages.list(command.tenantId, command.statuses, command.pageSize + 1, after);
    const page = messages.slice(0, command.pageSize);
    return {
      messages: page,
      nextPageToken: messages.length > page.length ? pageToken.write(page[page.length - 1]) : '',
    };
  }
}
