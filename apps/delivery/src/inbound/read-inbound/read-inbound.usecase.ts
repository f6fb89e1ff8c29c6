import { JsonLogger } from '@chasqui/observability';
import { isConnectionLost } from '@chasqui/persistence';
import { Injectable } from '@nestjs/common';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { Counter, Registry } from 'prom-client';
import { MailTokens } from '../../addresses/mail-tokens';
import type { Classification, InboundMail } from '../classification/classification';
import { readAnswer, readReport } from '../classification/classify';
import { cluesOf } from '../correlation';
import { inboundEffects, type Unsubscribe } from '../inbound-effects';
import type { InboundEmail } from '../inbound-email.entity';
import { inboundEvents } from '../inbound-events';
import { InboundMetrics } from '../inbound-metrics';
import { InboundRepository, type Reading } from '../inbound.repository';

/**
 * Reads one stored inbound email: classifies it (§7's order), ties it to the
 * message it is about (tokens, then In-Reply-To / References, then the
 * original a report quotes), and records what it changes. An email that
 * matches nothing, or names messages of two tenants, is kept as unmatched;
 * one that cannot be parsed, as failed — never dropped, never a crash.
 */
@Injectable()
export class ReadInboundUseCase {
  private readonly read_: Counter<'kind' | 'state'>;

  constructor(
    private readonly inbound: InboundRepository,
    private readonly tokens: MailTokens,
    private readonly log: JsonLogger,
    private readonly metrics: InboundMetrics,
    registry: Registry,
  ) {
    this.read_ = new Counter({
      name: 'delivery_inbound_emails_total',
      help: 'Inbound emails read, by kind (bounce, complaint, auto_reply, human_reply, unsubscribe) and state (classified, unmatched, failed)',
      labelNames: ['kind', 'state'],
      registers: [registry],
    });
  }

  async execute(id: string): Promise<void> {
    const email = await this.inbound.takeForReading(id);
    if (!email) return;
    const now = new Date();
    const reading = await this.read(email, now).catch((error: unknown): Reading => {
      // The database went away: the email stays `received`, for the next reading.
      if (isConnectionLost(error)) throw error;
      return { state: 'failed', problem: error instanceof Error ? error.message : String(error) };
    });
    await this.inbound.settle(email, reading, now);
    this.read_.inc({
      kind: reading.state === 'failed' ? 'unreadable' : (reading.kind ?? 'unknown'),
      state: reading.state,
    });
    if (reading.state === 'classified') this.metrics.record(reading.effects);
    if (reading.state !== 'classified') this.log.warn('inbound email not matched', { id, problem: reading.problem });
  }

  private async read(email: InboundEmail, now: Date): Promise<Reading> {
    const mail: InboundMail = Object.assign(await simpleParser(email.raw, { skipTextLinks: true }), { raw: email.raw });
    const subject = withoutNul(mail.subject ?? '');
    const report = withoutNul(readReport(mail));
    const clues = cluesOf(
      {
        rcptTo: email.rcptTo,
        inReplyTo: mail.inReplyTo ? [mail.inReplyTo] : [],
        references: typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []),
        quotedMessageIds: report?.originalMessageIds ?? [],
      },
      this.tokens.domains,
      (purpose, token) => this.tokens.open(purpose, token, now),
    );
    const unmatched = (classification: Classification | null, problem: string): Reading => ({
      state: 'unmatched',
      kind: classification?.kind ?? null,
      subject,
      classification,
      problem,
    });
    if ('refused' in clues) return unmatched(report, clues.refused);
    const found = await this.inbound.resolve(clues.clues);
    const classification = report ?? withoutNul(readAnswer(mail, now, found[0]?.message.timeZone || 'UTC'));
    if (found.length === 0) return unmatched(classification, 'it names none of our messages');
    const { clue, message } = found[0];
    if (found.some((f) => f.message.tenantId !== message.tenantId)) {
      return unmatched(classification, 'it names messages of more than one tenant');
    }
    const what: Classification | Unsubscribe =
      clues.unsubscribe && !report ? { kind: 'unsubscribe', via: 'mailto', from: senderOf(mail) } : classification;
    const effects = inboundEffects(message, what, now, email.id);
    const events = inboundEvents(message, effects, {
      key: email.id,
      from: senderOf(mail) ?? '',
      at: now,
      inboundId: email.id,
    });
    return {
      state: 'classified',
      kind: what.kind,
      subject,
      classification,
      message,
      matchedBy: clue.by,
      effects,
      events,
    };
  }
}

function senderOf(mail: ParsedMail): string | null {
  const from = mail.from as AddressObject | undefined;
  const address = from?.value[0]?.address?.toLowerCase();
  return address ? withoutNul(address) : null;
}

/** PostgreSQL text and jsonb cannot hold NUL: an email may; what is read from it is stored without. */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\u0000/g, '') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}
