import type { delivery } from '@chasqui/contracts';
import { PermanentFailure, TransientFailure } from '@chasqui/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { AddressObject } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SenderSettingsRepository } from '../../senders/sender-settings.repository';
import { Mailer, type Outgoing } from '../../smtp/mailer';
import { SmtpConnectFailed } from '../../smtp/smtp-pool';
import type { HumanReply } from '../classification/classification';
import type { InboundEmail } from '../inbound-email.entity';
import { InboundRepository } from '../inbound.repository';

export interface ForwardSettings {
  /** Forwards come from the deployment's sender; their bounces to a token-less bounce address. */
  from: { name: string; address: string };
  bounceAddress: string;
  mailDomain: string;
}

/**
 * Passes a person's reply on to the tenant's reply-to list: the new text in
 * the body, the customer's whole email attached as it arrived, and Reply-To
 * set to the customer so the finance team answers them directly. It is
 * marked forwarded before its final dot (by one sender only) and unmarked if
 * the server then refuses or defers it: a lost answer is never resent.
 */
@Injectable()
export class ForwardReplyUseCase {
  constructor(
    private readonly inbound: InboundRepository,
    private readonly senders: SenderSettingsRepository,
    private readonly mailer: Mailer,
    @Inject('FORWARD_SETTINGS') private readonly settings: ForwardSettings,
  ) {}

  async execute(job: delivery.ForwardReply): Promise<void> {
    const email = await this.inbound.get(job.tenantId, job.inboundId);
    if (!email) throw new PermanentFailure(`no inbound email ${job.inboundId} of tenant ${job.tenantId}`);
    if (email.forwardedAt) return;
    const replyTo = (await this.senders.find(job.tenantId))?.replyTo ?? [];
    // No reply-to list: the reply stays in the activity log, where the tenant reads it.
    if (replyTo.length === 0) return;
    const lease = await this.mailer.lease().catch((error: unknown) => {
      if (error instanceof SmtpConnectFailed) throw new TransientFailure(error.message, 'smtp');
      throw error;
    });
    let gate: 'taken' | 'already' | { failed: unknown } | undefined;
    try {
      // Marked forwarded the moment before the final dot, only by one sender: never forwarded twice on purpose.
      const outcome = await lease.send(await this.forward(email, replyTo), async () => {
        const mine = await this.inbound.markForwarded(email.id, new Date()).catch((failed: unknown) => {
          gate = { failed };
          throw failed;
        });
        gate = mine ? 'taken' : 'already';
        if (!mine) throw new Error('forwarded by another sender');
      });
      if (gate === 'already') return;
      if (gate !== undefined && typeof gate === 'object') throw gate.failed;
      if (outcome.kind === 'accepted' || outcome.kind === 'unknown') return;
      if (gate === 'taken') await this.inbound.unmarkForwarded(email.id);
      if (outcome.kind === 'deferred') throw new TransientFailure(`SMTP deferred the forward: ${outcome.response}`);
      throw new PermanentFailure(`SMTP refused the forward: ${outcome.response}`);
    } finally {
      lease.release();
    }
  }

  private async forward(email: InboundEmail, to: string[]): Promise<Outgoing> {
    const original = await simpleParser(email.raw);
    const customer = (original.from as AddressObject | undefined)?.value[0];
    const text = (email.classification as HumanReply | null)?.text ?? original.text ?? '';
    const who = customer?.name ? `${customer.name} <${customer.address}>` : (customer?.address ?? email.mailFrom);
    return {
      from: this.settings.from,
      envelopeFrom: this.settings.bounceAddress,
      replyTo: { name: customer?.name ?? '', address: customer?.address ?? email.mailFrom },
      messageId: `<forward-${email.id}@${this.settings.mailDomain}>`,
      to,
      cc: [],
      bcc: [],
      subject: `Reply from ${who}: ${original.subject ?? ''}`.slice(0, 300),
      text: `${who} replied to a payment reminder:\n\n${text}\n\nTheir whole email is attached.`,
      html: '',
      attachments: [{ filename: 'reply.eml', contentType: 'message/rfc822', content: email.raw }],
      headers: { 'Auto-Submitted': 'auto-forwarded', 'X-Chasqui-Inbound': email.id },
      dkim: null,
    };
  }
}
