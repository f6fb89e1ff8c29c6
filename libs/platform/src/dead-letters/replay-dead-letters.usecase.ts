import { DeadLetterStore, type StoredDeadLetter } from '@chasqui/messaging';
import type { Log } from '@chasqui/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { ReplayDeadLettersCommand } from './dead-letter-commands';

export const DEAD_LETTER_LOG = Symbol('DEAD_LETTER_LOG');

/** Sends matching pending letters back to their queues, once each; says what it replayed. */
@Injectable()
export class ReplayDeadLettersUseCase {
  constructor(
    private readonly store: DeadLetterStore,
    @Inject(DEAD_LETTER_LOG) private readonly log: Log,
  ) {}

  async execute(command: ReplayDeadLettersCommand): Promise<StoredDeadLetter[]> {
    const note = command.note || 'replayed by an operator';
    const replayed = await this.store.replay(command.filter, command.limit, note);
    this.log.info('dead letters replayed', {
      count: replayed.length,
      queues: [...new Set(replayed.map((l) => l.queue))],
      note,
    });
    return replayed;
  }
}
