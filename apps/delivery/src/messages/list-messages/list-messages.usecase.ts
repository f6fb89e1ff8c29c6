import { Injectable } from '@nestjs/common';
import type { Message, MessageStatus } from '../message.entity';
import { MessageRepository } from '../message.repository';
import { pageOf, pageToken } from '../page-token';

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
    const { tenantId, statuses, pageSize } = command;
    return pageOf(await this.messages.list(tenantId, { statuses }, pageSize + 1, after), pageSize);
  }
}
