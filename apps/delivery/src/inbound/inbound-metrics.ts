import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { InboundEffects } from './inbound-effects';

/**
 * What came back, for the dashboards and the bounce and complaint rate
 * alerts: bounces by class, complaints, replies by kind, unsubscribes and
 * the suppressions they caused — counted once their effects are committed.
 */
@Injectable()
export class InboundMetrics {
  private readonly bounces: Counter<'class'>;
  private readonly complaints: Counter;
  private readonly replies: Counter<'kind'>;
  private readonly unsubscribes: Counter<'via'>;
  private readonly suppressions: Counter<'reason'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.bounces = new Counter({
      name: 'delivery_bounces_total',
      help: 'Bounced recipients of our messages, by class: hard (the address is suppressed) or soft',
      labelNames: ['class'],
      registers,
    });
    this.complaints = new Counter({
      name: 'delivery_complaints_total',
      help: 'Recipients who marked a message as spam (feedback-loop reports)',
      registers,
    });
    this.replies = new Counter({
      name: 'delivery_replies_total',
      help: 'Replies to our messages, by kind: human, auto_reply, promise_to_pay',
      labelNames: ['kind'],
      registers,
    });
    this.unsubscribes = new Counter({
      name: 'delivery_unsubscribes_total',
      help: 'Recipients who unsubscribed, by how: mailto or one-click',
      labelNames: ['via'],
      registers,
    });
    this.suppressions = new Counter({
      name: 'delivery_suppressions_total',
      help: 'Addresses suppressed for a tenant, by reason',
      labelNames: ['reason'],
      registers,
    });
  }

  /** Recipients unsubscribed by one click, each now suppressed. */
  unsubscribedByClick(recipients: number): void {
    if (recipients === 0) return;
    this.unsubscribes.inc({ via: 'one-click' }, recipients);
    this.suppressions.inc({ reason: 'unsubscribe' }, recipients);
  }

  /** Counts the effects of one inbound email, after they committed. */
  record(effects: InboundEffects): void {
    for (const bounce of effects.bounces) this.bounces.inc({ class: bounce.permanent ? 'hard' : 'soft' });
    if (effects.complaints.length > 0) this.complaints.inc(effects.complaints.length);
    if (effects.reply) this.replies.inc({ kind: effects.reply.kind });
    for (const unsubscribe of effects.unsubscribes) this.unsubscribes.inc({ via: unsubscribe.via });
    for (const suppression of effects.suppressions) this.suppressions.inc({ reason: suppression.reason });
  }
}
