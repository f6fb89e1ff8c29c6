import { renderer } from '@chasqui/contracts';
import { TransientFailure } from '@chasqui/messaging';
import { untilDatabaseAnswers } from '@chasqui/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { MailTokens } from '../../addresses/mail-tokens';
import { senderIdentity, type SenderIdentity } from '../../senders/sender-identity';
import { SenderSettingsRepository } from '../../senders/sender-settings.repository';
import { SecretBox } from '../../senders/secret-box';
import type { Suppression } from '../../suppressions/suppression.entity';
import { Mailer, type Outgoing, type SmtpLease } from '../../smtp/mailer';
import { SmtpConnectFailed } from '../../smtp/smtp-pool';
import type { SmtpOutcome } from '../../smtp/smtp-outcome';
import { decideClaim } from '../claim-decision';
import type { Message } from '../message.entity';
import { SendClaimRepository, type Claim } from './send-claims.repository';

/** How long a 250 already received waits for the database to come back before the process gives it up as unknown. */
const RECORD_PATIENCE_MS = 10 * 60_000;

export interface SendSettings {
  /**
   * How long a claim outlives its process: the sender renews it every third
   * of this while the transaction runs, so a crashed sender's message is
   * taken up again this long after the crash.
   */
  claimLeaseMs: number;
  /** The deployment's sender, for tenants without settings of their own. */
  defaultFrom: { name: string; address: string };
}

/**
 * Sends one rendered email, at most once per occurrence. The message is
 * claimed only with an SMTP connection in hand (so `sending` means on the
 * wire), the moment before the final dot is recorded (so a lost connection is
 * known to be safe to retry, or not), and what the server answered is
 * recorded even if the database blinks meanwhile.
 */
@Injectable()
export class SendMessageUseCase {
  private readonly outcomes: Counter<'status'>;

  constructor(
    private readonly messages: SendClaimRepository,
    private readonly mailer: Mailer,
    private readonly senders: SenderSettingsRepository,
    private readonly tokens: MailTokens,
    private readonly keys: SecretBox,
    @Inject('SEND_SETTINGS') private readonly settings: SendSettings,
    registry: Registry,
  ) {
    this.outcomes = new Counter({
      name: 'delivery_smtp_outcomes_total',
      help: 'SMTP transactions, by what came of them: sent, deferred, failed, unknown (and suppressed: none started)',
      labelNames: ['status'],
      registers: [registry],
    });
  }

  async execute(job: renderer.SendJob): Promise<void> {
    const known = await this.messages.find(job.occurrenceId);
    if (known && decideClaim(known, new Date()) === 'done') return;
    const sender = senderIdentity(await this.senders.forSending(job.tenantId), this.settings.defaultFrom, (sealed) =>
      this.keys.open(sealed),
    );
    const lease = await this.connection();
    try {
      const { decision, message, suppressed } = await this.claim(job, sender);
      if (decision === 'busy') throw new TransientFailure(`message for occurrence ${job.occurrenceId} is being sent`);
      // Past the tenant's own pace: waits in the delay tiers, transient with no dependency to blame.
      if (decision === 'paced') {
        throw new TransientFailure(`the tenant's limit of ${sender.maxPerMinute} messages a minute is reached`);
      }
      if (decision === 'unknown' || decision === 'suppressed') this.outcomes.inc({ status: decision });
      if (!message || decision === 'suppressed') return;
      const renewal = this.keepClaimed(message);
      try {
        await this.transact(lease, message, this.outgoing(message, job, sender, suppressed), job);
      } finally {
        clearInterval(renewal);
      }
    } finally {
      lease.release();
    }
  }

  private async transact(lease: SmtpLease, message: Message, mail: Outgoing, job: renderer.SendJob): Promise<void> {
    let unrecorded: unknown;
    const outcome = await lease.send(mail, () =>
      this.messages.markFinalDot(message, sentHeaders(mail)).catch((error: unknown) => {
        unrecorded = error;
        throw error;
      }),
    );
    // The server has answered: the connection is free for the next message while this one is recorded.
    lease.release();
    this.outcomes.inc({ status: statusOf(outcome) });
    if (outcome.kind === 'deferred') {
      // Best effort: a claim left `sending` without its dot is sent again once its lease ends.
      await this.messages.record(message, outcome, job).catch(() => undefined);
      if (unrecorded) throw unrecorded;
      throw new TransientFailure(`SMTP deferred: ${outcome.response}`, outcome.scope === 'server' ? 'smtp' : undefined);
    }
    // The server has spoken (or may have taken it): that must reach the log, whatever the database does meanwhile.
    await untilDatabaseAnswers(() => this.messages.record(message, outcome, job), RECORD_PATIENCE_MS);
  }

  /** Renews the claim while its transaction runs; a failed renewal only means the claim may lapse sooner. */
  private keepClaimed(message: Message): NodeJS.Timeout {
    const every = Math.max(1000, Math.floor(this.settings.claimLeaseMs / 3));
    return setInterval(() => {
      this.messages.renewLease(message, this.settings.claimLeaseMs).catch(() => undefined);
    }, every);
  }

  /** The one-statement claim of a fresh message when nothing needs deciding under a lock; else the full claim. */
  private async claim(job: renderer.SendJob, sender: SenderIdentity): Promise<Claim> {
    const { claimLeaseMs } = this.settings;
    const fresh = sender.maxPerMinute > 0 ? null : await this.messages.claimFresh(job, claimLeaseMs);
    if (fresh) return { decision: 'send', message: fresh, suppressed: [] };
    return this.messages.claim(job, claimLeaseMs, sender.maxPerMinute);
  }

  /** The email as it goes out: the tenant's From, answers and bounces to addresses naming this message. */
  private outgoing(message: Message, job: renderer.SendJob, sender: SenderIdentity, left: Suppression[]): Outgoing {
    const leftOut = new Set(left.map((s) => s.address));
    const kept = (addresses: string[]) => addresses.filter((a) => !leftOut.has(a.toLowerCase()));
    const back = this.tokens.returnAddresses(message.id, new Date());
    return {
      // The template's display name, if it sets one; the address stays the tenant's verified sender.
      from: job.fromName ? { ...sender.from, name: job.fromName } : sender.from,
      envelopeFrom: back.returnPath,
      replyTo: { name: sender.from.name, address: back.replyTo },
      messageId: message.messageId,
      to: kept(job.to),
      cc: kept(job.cc),
      bcc: kept(job.bcc),
      subject: job.subject,
      html: job.html,
      text: job.text,
      attachments: job.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content),
        contentId: a.contentId || undefined,
      })),
      headers: {
        'List-Unsubscribe': back.listUnsubscribe,
        'List-Unsubscribe-Post': back.listUnsubscribePost,
        'X-Chasqui-Occurrence': job.occurrenceId,
      },
      dkim: sender.dkim,
    };
  }

  private async connection(): Promise<SmtpLease> {
    try {
      return await this.mailer.lease();
    } catch (error) {
      if (error instanceof SmtpConnectFailed) throw new TransientFailure(error.message, 'smtp');
      throw error;
    }
  }
}

/** The headers that say who sent it and where answers go, as GetMessage shows them. */
function sentHeaders(mail: Outgoing): Record<string, string> {
  return {
    From: `${mail.from.name} <${mail.from.address}>`,
    'Return-Path': `<${mail.envelopeFrom}>`,
    'Reply-To': `${mail.replyTo.name} <${mail.replyTo.address}>`,
    'Message-ID': mail.messageId,
    ...mail.headers,
    ...(mail.dkim ? { 'DKIM-Signature': `d=${mail.dkim.domainName}; s=${mail.dkim.keySelector}` } : {}),
  };
}

function statusOf(outcome: SmtpOutcome): string {
  switch (outcome.kind) {
    case 'accepted':
      return 'sent';
    case 'rejected':
      return 'failed';
    case 'deferred':
    case 'unknown':
      return outcome.kind;
  }
}
