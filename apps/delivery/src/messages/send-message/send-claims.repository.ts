import { renderer } from '@chasqui/contracts';
import { OutboxRelay, outboxInsert } from '@chasqui/messaging';
import { nativeQuery } from '@chasqui/persistence';
import { LockMode, MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { SCHEMA } from '../../database/orm-settings';
import { outcomeReason, type SmtpOutcome } from '../../smtp/smtp-outcome';
import type { Suppression } from '../../suppressions/suppression.entity';
import { SuppressionRepository } from '../../suppressions/suppression.repository';
import { TimelineRepository } from '../../timeline/timeline.repository';
import { decideClaim, type ClaimDecision } from '../claim-decision';
import { failedEvent, sentEvent, suppressedEvent, unknownEvent } from '../message-events';
import { MessageEntity, type Message } from '../message.entity';
import { newMessage } from '../new-message';
import { writeWithEvents, type Publish } from '../write-with-events';

export const UNKNOWN_REASON =
  'The connection to the mail server was lost after the message was handed over, before the server confirmed it. ' +
  'It may have been delivered: it is not resent automatically (ResolveUnknown).';

/**
 * A message on its way to SMTP: claimed (with a lease, only with a connection
 * in hand), its final dot marked, and what the server answered recorded with
 * the event it causes. The common case — a fresh message, then a 250 — in one
 * statement each.
 */
@Injectable()
export class SendClaimRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
    private readonly suppressions: SuppressionRepository,
    private readonly timeline: TimelineRepository,
    @Inject('MAIL_DOMAIN') private readonly mailDomain: string,
  ) {}

  find(occurrenceId: string): Promise<Message | null> {
    return this.orm.em.fork().findOne(MessageEntity, { occurrenceId });
  }

  /**
   * Under the row's lock, what this job does (ClaimDecision); on `send` the
   * message is claimed — status sending, leased for `leaseMs` — and returned
   * with the recipients to leave out (suppressed). When every To is
   * suppressed the message ends `suppressed` and nothing is sent.
   */
  claim(job: renderer.SendJob, leaseMs: number, maxPerMinute = 0): Promise<Claim> {
    return this.write(async (em, publish) => {
      const now = new Date();
      if (maxPerMinute > 0 && (await this.pastPace(em, job, maxPerMinute, now))) {
        return { decision: 'paced', suppressed: [] };
      }
      const existing = await em.findOne(
        MessageEntity,
        { occurrenceId: job.occurrenceId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const decision = decideClaim(existing ?? undefined, now);
      const leaseUntil = new Date(now.getTime() + leaseMs);
      if (decision === 'unknown') {
        Object.assign(existing!, unknownFields(job, now));
        await publish(unknownEvent(existing!));
        return { decision, suppressed: [] };
      }
      if (decision !== 'send') return { decision, suppressed: [] };
      const message = existing ?? em.create(MessageEntity, this.newMessage(job, now, leaseUntil));
      if (existing) {
        Object.assign(existing, {
          status: 'sending',
          attempts: existing.attempts + 1,
          leaseUntil,
          finalDotAt: null,
          updatedAt: now,
        });
      }
      const suppressed = await this.suppressions.among(em, job.tenantId, [...job.to, ...job.cc, ...job.bcc]);
      if (suppressed.length === 0) return { decision, message, suppressed };
      if (message.attempts === 1)
        this.timeline.add(
          em,
          suppressed.map((s) => leftOutEvent(message, s, now)),
        );
      const blocked = new Set(suppressed.map((s) => s.address));
      if (!job.to.every((address) => blocked.has(address.toLowerCase()))) return { decision, message, suppressed };
      Object.assign(message, {
        status: 'suppressed',
        leaseUntil: null,
        reason: `Not sent: every recipient is on the suppression list (${suppressed
          .map((s) => `${s.address}: ${s.reason.replace('_', ' ')}`)
          .join('; ')}).`,
      });
      await publish(suppressedEvent(message));
      return { decision: 'suppressed', message, suppressed };
    });
  }

  /**
   * The common case in one statement: a message never seen, none of whose
   * recipients is suppressed, is created claimed (`sending`, leased). Null
   * when that is not the case — then claim() decides, under the row's lock.
   */
  async claimFresh(job: renderer.SendJob, leaseMs: number): Promise<Message | null> {
    const now = new Date();
    const message = this.newMessage(job, now, new Date(now.getTime() + leaseMs));
    const list = (values: string[]) => JSON.stringify(values);
    const rows = await nativeQuery<{ inserted: number }>(
      this.orm.em.fork(),
      `with ins as (
         insert into ${SCHEMA}.messages
           (id, tenant_id, occurrence_id, message_id, customer_id, invoice_ids, recipients, cc, bcc, test, subject,
            status, attempts, lease_until, time_zone, headers, created_at, updated_at)
         select ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb))::uuid[],
                array(select jsonb_array_elements_text(?::jsonb)), array(select jsonb_array_elements_text(?::jsonb)),
                array(select jsonb_array_elements_text(?::jsonb)), ?, ?, 'sending', 1, ?, ?, '{}'::jsonb, ?, ?
          where not exists (
            select 1 from ${SCHEMA}.suppressions
             where tenant_id = ? and address in (select lower(a) from jsonb_array_elements_text(?::jsonb) a))
         on conflict (occurrence_id) do nothing
         returning 1)
       select count(*)::int as inserted from ins`,
      [
        message.id,
        message.tenantId,
        message.occurrenceId,
        message.messageId,
        message.customerId,
        list(message.invoiceIds),
        list(message.to),
        list(message.cc),
        list(message.bcc),
        message.test,
        message.subject,
        message.leaseUntil,
        message.timeZone,
        now,
        now,
        message.tenantId,
        list([...message.to, ...message.cc, ...message.bcc]),
      ],
    );
    return rows[0].inserted === 1 ? message : null;
  }

  /**
   * The final dot is about to go: from now on a lost connection means
   * `unknown`; the headers it went out with are kept. Fails if the claim is no
   * longer ours.
   */
  async markFinalDot(message: Message, headers: Record<string, string>): Promise<void> {
    const updated = await this.orm.em
      .fork()
      .nativeUpdate(
        MessageEntity,
        { id: message.id, status: 'sending', attempts: message.attempts },
        { finalDotAt: new Date(), headers },
      );
    if (updated !== 1) throw new Error(`the claim on message ${message.id} was lost before its final dot`);
  }

  /** The claim is still alive: push its lease on. False if the claim is no longer this one. */
  async renewLease(message: Message, leaseMs: number): Promise<boolean> {
    const updated = await this.orm.em
      .fork()
      .nativeUpdate(
        MessageEntity,
        { id: message.id, status: 'sending', attempts: message.attempts },
        { leaseUntil: new Date(Date.now() + leaseMs) },
      );
    return updated === 1;
  }

  /** What the SMTP server said, with the event it causes, in one transaction (a 250: one statement). */
  async record(message: Message, outcome: SmtpOutcome, job: renderer.SendJob): Promise<void> {
    if (outcome.kind === 'accepted') return this.recordSent(message, outcome);
    await this.write(async (em, publish) => {
      const row = await em.findOneOrFail(MessageEntity, { id: message.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Only this claim's outcome: a 250 also settles an `unknown` another process declared meanwhile.
      if (row.attempts !== message.attempts || !['sending', 'unknown'].includes(row.status)) return;
      const now = new Date();
      Object.assign(row, { smtpResponse: outcome.response, leaseUntil: null, updatedAt: now });
      switch (outcome.kind) {
        case 'unknown':
          Object.assign(row, unknownFields(job, now));
          return publish(unknownEvent(row));
        case 'deferred':
          Object.assign(row, {
            status: 'deferred',
            finalDotAt: null,
            reason: outcomeReason(outcome),
          });
          return;
        case 'rejected':
          Object.assign(row, { status: 'failed', finalDotAt: null, reason: outcomeReason(outcome) });
          return publish(failedEvent(row));
      }
    });
  }

  /**
   * A 250, recorded with its sent event in one statement: only this claim's
   * outcome (a 250 also settles an `unknown` another process declared meanwhile).
   */
  private async recordSent(message: Message, outcome: Extract<SmtpOutcome, { kind: 'accepted' }>): Promise<void> {
    const now = new Date();
    const sent: Message = {
      ...message,
      status: 'sent',
      smtpResponse: outcome.response,
      reason: refusedReason(outcome),
      leaseUntil: null,
      finalDotAt: null,
      resendJob: null,
      updatedAt: now,
    };
    const event = outboxInsert(SCHEMA, sentEvent(sent));
    await nativeQuery(
      this.orm.em.fork(),
      `with changed as (
         update ${SCHEMA}.messages
            set status = 'sent', smtp_response = ?, reason = ?, lease_until = null, final_dot_at = null,
                resend_job = null, updated_at = ?
          where id = ? and attempts = ? and status in ('sending', 'unknown')
          returning 1)
       ${event.into} ${event.select} from changed`,
      [sent.smtpResponse, sent.reason, now, message.id, message.attempts, ...event.params],
    );
    this.outbox.nudge();
  }

  /**
   * Whether a new message of the tenant would go past its messages a minute.
   * Under a per-tenant transaction lock, so that concurrent claims count one
   * another; a message already begun is never held back.
   */
  private async pastPace(em: EntityManager, job: renderer.SendJob, maxPerMinute: number, now: Date): Promise<boolean> {
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`delivery.pace:${job.tenantId}`]);
    if ((await em.count(MessageEntity, { occurrenceId: job.occurrenceId })) > 0) return false;
    const since = new Date(now.getTime() - 60_000);
    return (await em.count(MessageEntity, { tenantId: job.tenantId, createdAt: { $gt: since } })) >= maxPerMinute;
  }

  private write<T>(work: (em: EntityManager, publish: Publish) => Promise<T>): Promise<T> {
    return writeWithEvents(this.orm, this.outbox, work);
  }

  private newMessage(job: renderer.SendJob, now: Date, leaseUntil: Date): Message {
    return newMessage(job, this.mailDomain, now, leaseUntil);
  }
}

export interface Claim {
  /** `paced`: the tenant's messages a minute are reached; nothing was claimed. */
  decision: ClaimDecision | 'suppressed' | 'paced';
  message?: Message;
  /** Recipients on the suppression list: left out of the send. */
  suppressed: Suppression[];
}

function leftOutEvent(message: Message, suppression: Suppression, at: Date) {
  return {
    tenantId: message.tenantId,
    messageId: message.id,
    kind: 'suppressed' as const,
    at,
    recipient: suppression.address,
    detail: `Left out: ${suppression.reason.replace('_', ' ')} (${suppression.detail})`,
    inboundId: null,
  };
}

function unknownFields(job: renderer.SendJob, now: Date): Partial<Message> {
  return {
    status: 'unknown',
    reason: UNKNOWN_REASON,
    leaseUntil: null,
    resendJob: Buffer.from(renderer.SendJob.encode(job).finish()),
    updatedAt: now,
  };
}

function refusedReason(outcome: Extract<SmtpOutcome, { kind: 'accepted' }>): string | null {
  return outcome.rejected.length > 0 ? `Refused by the mail server for: ${outcome.rejected.join(', ')}` : null;
}
