import { Injectable } from '@nestjs/common';
import { MailTokens } from '../../addresses/mail-tokens';
import { inboundEffects } from '../../inbound/inbound-effects';
import { inboundEvents } from '../../inbound/inbound-events';
import { InboundMetrics } from '../../inbound/inbound-metrics';
import { InboundRepository } from '../../inbound/inbound.repository';
import { MessageRepository } from '../../messages/message.repository';

export type UnsubscribeResult = { unsubscribed: string[] } | { refused: 'invalid' | 'expired' };

/**
 * One-click unsubscribe (RFC 8058): the token in the link names a message;
 * its recipients are suppressed for its tenant and `.unsubscribed` published.
 * Idempotent: a second click changes nothing and says the same.
 */
@Injectable()
export class UnsubscribeUseCase {
  constructor(
    private readonly tokens: MailTokens,
    private readonly messages: MessageRepository,
    private readonly inbound: InboundRepository,
    private readonly metrics: InboundMetrics,
  ) {}

  /** Whether the link is one of ours and still honoured (a GET shows the button only then). */
  check(token: string, now: Date): 'ok' | 'invalid' | 'expired' {
    const opened = this.tokens.open('unsubscribe', token, now);
    return 'refused' in opened ? opened.refused : 'ok';
  }

  async execute(token: string, now: Date): Promise<UnsubscribeResult> {
    const opened = this.tokens.open('unsubscribe', token, now);
    if ('refused' in opened) return opened;
    const message = await this.messages.findById(opened.messageId);
    if (!message) return { refused: 'invalid' };
    const effects = inboundEffects(message, { kind: 'unsubscribe', via: 'one-click', from: null }, now, null);
    const addresses = effects.unsubscribes.map((u) => u.recipient);
    const added = await this.inbound.unsubscribe(effects, (fresh) =>
      inboundEvents(message, fresh, {
        key: `one-click:${message.id}:${fresh.unsubscribes.map((u) => u.recipient).join(',')}`,
        from: '',
        at: now,
        inboundId: null,
      }),
    );
    this.metrics.unsubscribedByClick(added.length);
    return { unsubscribed: addresses };
  }
}
