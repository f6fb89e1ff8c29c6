import { delivery, Exchanges, MessageTypes, renderer, RoutingKeys } from '@chasqui/contracts';
import { enqueue, OutboxRelay } from '@chasqui/messaging';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter, Registry } from 'prom-client';
import { SCHEMA } from '../../database/orm-settings';
import { toMessageProto } from '../../grpc/to-proto';
import { Mailer } from '../../smtp/mailer';
import { MessageEntity, type Message } from '../message.entity';

export class RetryLater extends Error {}

/**
 * Sends one rendered email, at most once per occurrence: the message row is
 * claimed ('sending') and committed before SMTP is spoken, so a redelivered
 * job finds it and never sends blindly a second time.
 */
@Injectable()
export class SendMessageUseCase {
  private readonly outcomes: Counter<'status'>;

  constructor(
    private readonly orm: MikroORM,
    private readonly mailer: Mailer,
    private readonly outbox: OutboxRelay,
    @Inject('MAIL_DOMAIN') private readonly mailDomain: string,
    registry: Registry,
  ) {
    this.outcomes = new Counter({
      name: 'delivery_smtp_outcomes_total',
      help: 'Emails handed to SMTP, by what the server said: sent, deferred, failed, unknown',
      labelNames: ['status'],
      registers: [registry],
    });
  }

  async execute(job: renderer.SendJob): Promise<void> {
    const message = await this.claim(job);
    if (!message) return;
    const outcome = await this.mailer.send({
      messageId: message.messageId,
      to: job.to,
      cc: job.cc,
      bcc: job.bcc,
      subject: job.subject,
      html: job.html,
      text: job.text,
      attachments: job.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content),
      })),
      headers: { 'X-Chasqui-Occurrence': job.occurrenceId },
    });
    const status = outcome.kind === 'accepted' ? 'sent' : outcome.kind === 'rejected' ? 'failed' : outcome.kind;
    this.outcomes.inc({ status });
    await this.orm.em.fork().transactional(async (em) => {
      const row = await em.findOneOrFail(MessageEntity, { id: message.id });
      row.status = status;
      row.smtpResponse = outcome.response;
      row.updatedAt = new Date();
      if (status === 'sent') await enqueue(em, SCHEMA, sentEvent(row));
    });
    if (status === 'sent') this.outbox.nudge();
    if (status === 'deferred') throw new RetryLater(`SMTP deferred: ${outcome.response}`);
  }

  /** The message to send now, or undefined when this occurrence needs nothing more. */
  private claim(job: renderer.SendJob): Promise<Message | undefined> {
    return this.orm.em.fork().transactional(async (em) => {
      const now = new Date();
      const existing = await em.findOne(
        MessageEntity,
        { occurrenceId: job.occurrenceId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!existing) {
        return em.create(MessageEntity, {
          id: randomUUID(),
          tenantId: job.tenantId,
          occurrenceId: job.occurrenceId,
          messageId: `<${job.occurrenceId}@${this.mailDomain}>`,
          customerId: job.customerId,
          invoiceIds: job.invoiceIds,
          to: job.to,
          cc: job.cc,
          bcc: job.bcc,
          test: job.test,
          subject: job.subject,
          status: 'sending',
          smtpResponse: null,
          attempts: 1,
          createdAt: now,
          updatedAt: now,
        });
      }
      if (existing.status === 'sending') {
        // A previous attempt died while talking to SMTP: the outcome is unknown.
        existing.status = 'unknown';
        existing.updatedAt = now;
        return undefined;
      }
      if (existing.status !== 'deferred') return undefined;
      existing.status = 'sending';
      existing.attempts += 1;
      existing.updatedAt = now;
      return existing;
    });
  }
}

function sentEvent(message: Message) {
  return {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.messageSent,
    type: MessageTypes.messageSent,
    body: delivery.MessageSent.encode({ tenantId: message.tenantId, message: toMessageProto(message) }).finish(),
    tenantId: message.tenantId,
    idempotencyKey: `message.sent:${message.id}`,
  };
}
