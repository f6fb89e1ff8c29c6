import { renderer } from '@chasqui/contracts';
import { OutboxRelay } from '@chasqui/messaging';
import { LockMode, MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { resendJob, sentEvent } from './message-events';
import { MessageEntity, type Message, type MessageStatus } from './message.entity';
import { newMessage } from './new-message';
import type { MessageCursor } from './page-token';
import { writeWithEvents, type Publish } from './write-with-events';

/** The communication log as the tenant and the operator see it: messages listed, read, settled, given up. */
@Injectable()
export class MessageRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
    @Inject('MAIL_DOMAIN') private readonly mailDomain: string,
  ) {}

  /** The tenant's messages matching `filter`, oldest first, after the cursor of the previous page. */
  list(
    tenantId: string,
    filter: { statuses?: MessageStatus[]; customerId?: string; invoiceId?: string },
    limit: number,
    after?: MessageCursor,
  ): Promise<Message[]> {
    const { statuses, customerId, invoiceId } = filter;
    const where = after
      ? {
          $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }],
        }
      : {};
    return this.orm.em.fork().find(
      MessageEntity,
      {
        tenantId,
        ...(statuses ? { status: { $in: statuses } } : {}),
        ...(customerId ? { customerId } : {}),
        ...(invoiceId ? { invoiceIds: { $contains: [invoiceId] } } : {}),
        ...where,
      },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit },
    );
  }

  /** A message by its id, whoever's it is: only for a signed token that names it. */
  findById(id: string): Promise<Message | null> {
    return this.orm.em.fork().findOne(MessageEntity, { id });
  }

  /** One of the tenant's messages, by its id; null when it is not the tenant's. */
  get(tenantId: string, id: string): Promise<Message | null> {
    return this.orm.em.fork().findOne(MessageEntity, { tenantId, id });
  }

  /**
   * An operator's decision on an unknown outcome, under the row's lock: `sent`
   * publishes the sent event; `resend` queues the kept job again, on purpose.
   */
  resolveUnknown(
    tenantId: string,
    id: string,
    resolution: 'mark_sent' | 'resend',
    note: string,
  ): Promise<Message | 'not_found' | MessageStatus> {
    return this.write(async (em, publish) => {
      const row = await em.findOne(
        MessageEntity,
        { id, tenantId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['resendJob'] },
      );
      if (!row) return 'not_found';
      if (row.status !== 'unknown') return row.status;
      const by = note ? `: ${note}` : '';
      if (resolution === 'mark_sent') {
        Object.assign(row, { status: 'sent', reason: `Marked sent by an operator${by}`, resendJob: null });
        await publish(sentEvent(row));
      } else {
        await publish(resendJob(row));
        Object.assign(row, { status: 'deferred', reason: `Resent on purpose by an operator${by}`, resendJob: null });
      }
      Object.assign(row, { finalDotAt: null, updatedAt: new Date() });
      return row;
    });
  }

  /**
   * The send job died (DeadLetterArchive, inside its transaction `em`): a
   * message not yet taken by any server says so, with the reason — or is
   * written now, if it never reached a connection. False when the message had
   * already ended (sent, failed, unknown): a late copy of its job died, not it.
   */
  async recordDeadLetter(em: EntityManager, job: renderer.SendJob, reason: string, now: Date): Promise<boolean> {
    const row = await em.findOne(
      MessageEntity,
      { occurrenceId: job.occurrenceId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const fields = {
      status: 'dead_lettered' as const,
      reason: `Given up: ${reason}`,
      leaseUntil: null,
      updatedAt: now,
    };
    if (!row) {
      em.create(MessageEntity, { ...this.newMessage(job, now, now), ...fields, attempts: 0 });
      return true;
    }
    const open =
      row.status === 'deferred' || row.status === 'dead_lettered' || (row.status === 'sending' && !row.finalDotAt);
    if (!open) return false;
    Object.assign(row, fields);
    return true;
  }

  private write<T>(work: (em: EntityManager, publish: Publish) => Promise<T>): Promise<T> {
    return writeWithEvents(this.orm, this.outbox, work);
  }

  private newMessage(job: renderer.SendJob, now: Date, leaseUntil: Date): Message {
    return newMessage(job, this.mailDomain, now, leaseUntil);
  }
}
