import { NotFound } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import type { InboundEmail } from '../../inbound/inbound-email.entity';
import { InboundRepository } from '../../inbound/inbound.repository';
import type { MessageEvent } from '../../timeline/message-event.entity';
import { TimelineRepository } from '../../timeline/timeline.repository';
import type { Message } from '../message.entity';
import { MessageRepository } from '../message.repository';

/** One of the tenant's messages with its timeline and every email that came back about it. */
@Injectable()
export class GetMessageUseCase {
  constructor(
    private readonly messages: MessageRepository,
    private readonly timeline: TimelineRepository,
    private readonly inbound: InboundRepository,
  ) {}

  async execute({
    tenantId,
    id,
  }: {
    tenantId: string;
    id: string;
  }): Promise<{ message: Message; events: MessageEvent[]; inbound: InboundEmail[] }> {
    const message = await this.messages.get(tenantId, id);
    if (!message) throw new NotFound('MESSAGE.NOT_FOUND', 'id', 'no such message');
    const [events, inbound] = await Promise.all([
      this.timeline.of(tenantId, [id]),
      this.inbound.ofMessage(tenantId, id),
    ]);
    return { message, events: events.get(id) ?? [], inbound };
  }
}
