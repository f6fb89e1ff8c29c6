import { enqueue, OutboxRelay, type OutgoingMessage } from '@chasqui/messaging';
import { LockMode, MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';
import { MessageEntity, type Message } from '../messages/message.entity';
import { SuppressionRepository } from '../suppressions/suppression.repository';
import { TimelineRepository } from '../timeline/timeline.repository';
import type { Clue } from './correlation';
import type { InboundEffects } from './inbound-effects';
import { InboundEmailEntity, type InboundEmail, type InboundKind, type MatchedBy } from './inbound-email.entity';
import type { Classification } from './classification/classification';

/** Readings that may die on one email before it is set aside as failed (kept, with its raw bytes). */
const MAX_READINGS = 5;
/** How long one reading holds an email: past it, the reader is taken for dead. */
const READING_LEASE = '2 minutes';

export interface ArrivedEmail {
  mailFrom: string;
  rcptTo: string[];
  remoteAddress: string;
  raw: Buffer;
  receivedAt: Date;
}

/** How reading an email ended. */
export type Reading =
  | {
      state: 'classified';
      kind: InboundKind;
      subject: string;
      classification: Classification | null;
      message: Message;
      matchedBy: MatchedBy;
      effects: InboundEffects;
      events: OutgoingMessage[];
    }
  | {
      state: 'unmatched';
      kind: InboundKind | null;
      subject: string;
      classification: Classification | null;
      problem: string;
    }
  | { state: 'failed'; problem: string };

/** Inbound emails: kept raw on arrival, then read once, with everything the reading changes in one transaction. */
@Injectable()
export class InboundRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxRelay,
    private readonly suppressions: SuppressionRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  /** Kept before anything reads it: whatever the reading does, the email is not lost. */
  async store(email: ArrivedEmail): Promise<string> {
    const id = randomUUID();
    await this.orm.em.fork().insert(InboundEmailEntity, {
      ...email,
      id,
      size: email.raw.length,
      state: 'received',
      kind: null,
      subject: '',
      tenantId: null,
      messageId: null,
      matchedBy: null,
      classification: null,
      problem: null,
      attempts: 0,
      readingUntil: null,
      processedAt: null,
      forwardedAt: null,
    });
    return id;
  }

  /**
   * The email with its raw bytes, taken for one reading (its `attempts` is
   * the reading's token); null once it has been read, while another process
   * reads it, or when readings died on it MAX_READINGS times (set aside as failed).
   */
  async takeForReading(id: string): Promise<InboundEmail | null> {
    const em = this.orm.em.fork();
    const rows: { state: string }[] = await em.execute(
      `update ${SCHEMA}.inbound_emails
          set attempts = attempts + 1,
              reading_until = now() + interval '${READING_LEASE}',
              state = case when attempts >= ? then 'failed' else state end,
              problem = case when attempts >= ? then 'every reading of it died' else problem end
        where id = ? and state = 'received' and (reading_until is null or reading_until < now())
        returning state`,
      [MAX_READINGS, MAX_READINGS, id],
    );
    if (rows[0]?.state !== 'received') return null;
    return em.findOne(InboundEmailEntity, { id }, { populate: ['raw'] });
  }

  /** Emails left unread (the process died while reading), oldest first. */
  async unread(olderThan: Date, limit: number): Promise<string[]> {
    const rows = await this.orm.em.fork().find(
      InboundEmailEntity,
      {
        state: 'received',
        receivedAt: { $lt: olderThan },
        $or: [{ readingUntil: null }, { readingUntil: { $lt: new Date() } }],
      },
      { fields: ['id'], orderBy: { receivedAt: 'asc' }, limit },
    );
    return rows.map((row) => row.id);
  }

  /** The first clue that names one of our messages, and every message the clues name (to check they agree). */
  async resolve(clues: Clue[]): Promise<{ clue: Clue; message: Message }[]> {
    const em = this.orm.em.fork();
    const ids = clues.filter((c) => c.kind === 'message').map((c) => c.id);
    const messageIds = clues.filter((c) => c.kind === 'message_id').map((c) => c.id);
    if (ids.length === 0 && messageIds.length === 0) return [];
    const found = await em.find(MessageEntity, { $or: [{ id: { $in: ids } }, { messageId: { $in: messageIds } }] });
    return clues.flatMap((clue) => {
      const message = found.find((m) => (clue.kind === 'message' ? m.id === clue.id : m.messageId === clue.id));
      return message ? [{ clue, message }] : [];
    });
  }

  /**
   * Writes down how a reading ended, with its effects and events, at once —
   * only if it is still this reading's (`attempts` as taken): a reading that
   * outlived its lease changes nothing.
   */
  async settle(email: InboundEmail, reading: Reading, at: Date): Promise<void> {
    const published = await this.orm.em.fork().transactional(async (em) => {
      const row = await em.findOne(
        InboundEmailEntity,
        { id: email.id, state: 'received', attempts: email.attempts },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!row) return false;
      Object.assign(row, { state: reading.state, processedAt: at, readingUntil: null });
      if (reading.state === 'failed') {
        row.problem = reading.problem;
        return false;
      }
      Object.assign(row, { kind: reading.kind, subject: reading.subject.slice(0, 500) });
      row.classification = reading.classification;
      if (reading.state === 'unmatched') {
        row.problem = reading.problem;
        return false;
      }
      Object.assign(row, {
        tenantId: reading.message.tenantId,
        messageId: reading.message.id,
        matchedBy: reading.matchedBy,
      });
      await this.apply(em, reading.effects, reading.events);
      return reading.events.length > 0;
    });
    if (published) this.outbox.nudge();
  }

  /**
   * A one-click unsubscribe: no email behind it. Only the addresses this
   * call newly suppresses are recorded and published — a second click, even
   * at the same instant, changes nothing.
   */
  async unsubscribe(
    effects: InboundEffects,
    eventsOf: (effects: InboundEffects) => OutgoingMessage[],
  ): Promise<string[]> {
    const fresh = await this.orm.em.fork().transactional(async (em) => {
      const added = new Set<string>();
      for (const s of effects.suppressions) if (await this.suppressions.add(em, s)) added.add(s.address);
      const mine = {
        ...effects,
        events: effects.events.filter((e) => added.has(e.recipient ?? '')),
        suppressions: [],
        unsubscribes: effects.unsubscribes.filter((u) => added.has(u.recipient)),
      };
      const events = eventsOf(mine);
      await this.apply(em, mine, events);
      return { addresses: [...added], published: events.length > 0 };
    });
    if (fresh.published) this.outbox.nudge();
    return fresh.addresses;
  }

  /** Takes the forward for this process; false when it is already forwarded (or being). */
  async markForwarded(id: string, at: Date): Promise<boolean> {
    return (
      (await this.orm.em.fork().nativeUpdate(InboundEmailEntity, { id, forwardedAt: null }, { forwardedAt: at })) === 1
    );
  }

  /** The server did not take the forward after all: it may be tried again. */
  async unmarkForwarded(id: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(InboundEmailEntity, { id }, { forwardedAt: null });
  }

  /** One of a tenant's inbound emails with its raw bytes; null when it is not the tenant's. */
  get(tenantId: string, id: string): Promise<InboundEmail | null> {
    return this.orm.em.fork().findOne(InboundEmailEntity, { id, tenantId }, { populate: ['raw'] });
  }

  /** The inbound emails matched to one of a tenant's messages, oldest first. */
  ofMessage(tenantId: string, messageId: string): Promise<InboundEmail[]> {
    return this.orm.em
      .fork()
      .find(InboundEmailEntity, { tenantId, messageId }, { populate: ['raw'], orderBy: { receivedAt: 'asc' } });
  }

  private async apply(em: EntityManager, effects: InboundEffects, events: OutgoingMessage[]): Promise<void> {
    this.timeline.add(em, effects.events);
    for (const suppression of effects.suppressions) await this.suppressions.add(em, suppression);
    for (const event of events) await enqueue(em, SCHEMA, event);
  }
}
