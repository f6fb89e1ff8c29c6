import type { Metadata } from '@grpc/grpc-js';
import { operations, type Timestamp } from '@chasqui/contracts';
import { AdminAuth, parseRequest } from '@chasqui/grpc';
import type { StoredDeadLetter } from '@chasqui/messaging';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { DEATH_KINDS } from './job-dead-lettered';
import { listDeadLettersCommand, replayDeadLettersCommand } from './dead-letter-commands';
import { ListDeadLettersUseCase } from './list-dead-letters.usecase';
import { ReplayDeadLettersUseCase } from './replay-dead-letters.usecase';

/** The operator's view of what this service's consumers gave up on (operations.v1.DeadLetterService). */
@Controller()
export class DeadLettersController {
  constructor(
    private readonly admin: AdminAuth,
    private readonly listDeadLetters: ListDeadLettersUseCase,
    private readonly replayDeadLetters: ReplayDeadLettersUseCase,
  ) {}

  @GrpcMethod('DeadLetterService', 'ListDeadLetters')
  async list(
    request: operations.ListDeadLettersRequest,
    metadata: Metadata,
  ): Promise<operations.ListDeadLettersResponse> {
    this.admin.require(metadata);
    const command = parseRequest(listDeadLettersCommand, request, 'DEAD_LETTER.INVALID');
    const { letters, nextPageToken } = await this.listDeadLetters.execute(command);
    return { deadLetters: letters.map(toDeadLetterProto), nextPageToken };
  }

  @GrpcMethod('DeadLetterService', 'ReplayDeadLetters')
  async replay(
    request: operations.ReplayDeadLettersRequest,
    metadata: Metadata,
  ): Promise<operations.ReplayDeadLettersResponse> {
    this.admin.require(metadata);
    const command = parseRequest(replayDeadLettersCommand, request, 'DEAD_LETTER.INVALID');
    const replayed = await this.replayDeadLetters.execute(command);
    return { replayed: replayed.map(toDeadLetterProto) };
  }
}

function toDeadLetterProto(letter: StoredDeadLetter): operations.DeadLetter {
  return {
    id: letter.id,
    queue: letter.queue,
    messageId: letter.messageId,
    type: letter.type,
    tenantId: letter.tenantId,
    reason: letter.reason,
    death: DEATH_KINDS[letter.death],
    attempts: letter.attempts,
    enqueuedAt: timestamp(letter.enqueuedAt),
    deadLetteredAt: timestamp(letter.deadLetteredAt),
    replayedAt: timestamp(letter.replayedAt),
    replayedBy: letter.replayedBy ?? '',
    bodyBytes: letter.bodyBytes,
  };
}

function timestamp(date: Date | null): Timestamp | undefined {
  if (!date) return undefined;
  const ms = date.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 };
}
