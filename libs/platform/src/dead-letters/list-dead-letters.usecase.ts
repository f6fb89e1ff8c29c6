import { DeadLetterStore, type StoredDeadLetter } from '@chasqui/messaging';
import { Injectable } from '@nestjs/common';
import { deadLetterPageToken, type ListDeadLettersCommand } from './dead-letter-commands';

/** One page of the service's dead letters, oldest first. */
@Injectable()
export class ListDeadLettersUseCase {
  constructor(private readonly store: DeadLetterStore) {}

  async execute(command: ListDeadLettersCommand): Promise<{ letters: StoredDeadLetter[]; nextPageToken: string }> {
    const { filter, includeReplayed, pageSize, pageToken } = command;
    const letters = await this.store.list({ ...filter, includeReplayed }, pageSize + 1, pageToken);
    const page = letters.slice(0, pageSize);
    return {
      letters: page,
      nextPageToken: letters.length > page.length ? deadLetterPageToken.write(page[page.length - 1]) : '',
    };
  }
}
