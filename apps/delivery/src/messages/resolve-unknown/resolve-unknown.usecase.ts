import { FailedPrecondition, NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import type { Message } from '../message.entity';
import { MessageRepository } from '../message.repository';

export interface ResolveUnknownCommand {
  tenantId: string;
  id: string;
  resolution: 'mark_sent' | 'resend';
  note: string;
}

/** Settles an outcome SMTP left unknown, as the tenant's operator decides. */
@Injectable()
export class ResolveUnknownUseCase {
  constructor(private readonly messages: MessageRepository) {}

  async execute(command: ResolveUnknownCommand): Promise<Message> {
    const { tenantId, id, resolution, note } = command;
    const result = await this.messages.resolveUnknown(tenantId, id, resolution, note);
    if (result === 'not_found') throw new NotFound('MESSAGE.NOT_FOUND', 'id', `no message ${id}`);
    if (typeof result === 'string') {
      throw new FailedPrecondition(
        'MESSAGE.NOT_UNKNOWN',
        `message ${id} is ${result}; only an unknown outcome is resolved`,
      );
    }
    return result;
  }
}
