import { recipients } from '@chasqui/audience';
import { StatementLinkIssuer } from '@chasqui/statement-links';
import { Exchanges, MessageTypes, receivables, renderer, RoutingKeys, scheduler } from '@chasqui/contracts';
import { enqueue, OutboxRelay, type MessageMeta } from '@chasqui/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { SCHEMA } from '../../database/orm-settings';
import { ReceivablesClient } from '../../grpc/receivables.client';
import { PdfCache } from '../../pdf/pdf-cache';
import { ReminderError } from '../../reminder/reminder.errors';
import { asRenderFailure } from './render-failures';
import { renderReminder, type RenderedReminder } from '../../reminder/render-reminder';
import type { ReminderKind } from '../../reminder/templates';

/** The email a rule kind calls for (a job of an unknown kind, from a newer scheduler, reads as overdue). */
const reminderKinds: Record<scheduler.RuleKind, ReminderKind> = {
  RULE_KIND_UNSPECIFIED: 'overdue',
  RULE_KIND_OVERDUE: 'overdue',
  RULE_KIND_DUE_SOON: 'due_soon',
  RULE_KIND_INVOICE_ISSUED: 'invoice_issued',
  RULE_KIND_STATEMENT: 'statement',
  RULE_KIND_ACCOUNT_CLOSING: 'account_closing',
  RULE_KIND_ACCOUNT_CLOSED: 'account_closed',
};

/**
 * Renders one reminder from the statement as it is now (a payment made an hour
 * ago is never dunned), with the statement PDF, and queues it for sending.
 * Idempotent by occurrence id: the rendition row is written once, with its send
 * job, in one transaction.
 */
@Injectable()
export class RenderReminderUseCase {
  constructor(
    private readonly orm: MikroORM,
    private readonly receivables: ReceivablesClient,
    private readonly pdfs: PdfCache,
    private readonly outbox: OutboxRelay,
    private readonly links: StatementLinkIssuer,
  ) {}

  async execute(job: scheduler.RenderJob, meta: MessageMeta): Promise<void> {
    try {
      await this.render(job, meta);
    } catch (error) {
      throw asRenderFailure(error);
    }
  }

  private async render(job: scheduler.RenderJob, meta: MessageMeta): Promise<void> {
    if (await this.alreadyRendered(job.occurrenceId)) return;
    const statement = await this.receivables.statement(job.tenantId, job.customerId, job.asOf, meta.traceparent);
    const { to, cc, bcc } = recipients(statement.customer?.contacts ?? [], job.audience, job.testTo);
    const attach = job.attachStatementPdf && to.length > 0;
    const email = this.email(statement, job, attach);
    if (!email) return this.record(job, { subject: '', to, pdf: undefined, outcome: 'settled' });
    const pdf = attach ? await this.pdfs.pdf(email.statementHtml) : undefined;
    const sendJob: renderer.SendJob = {
      occurrenceId: job.occurrenceId,
      tenantId: job.tenantId,
      customerId: job.customerId,
      invoiceIds: job.invoiceIds,
      to,
      cc,
      bcc,
      test: job.testTo !== '',
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: pdf ? [{ filename: email.statementFilename, contentType: 'application/pdf', content: pdf }] : [],
      timeZone: statement.customer?.timeZone || statement.tenant?.timeZone || '',
    };
    const outcome = to.length > 0 ? 'rendered' : 'no_recipients';
    await this.record(job, { subject: email.subject, to, pdf, outcome }, to.length > 0 ? sendJob : undefined, meta);
  }

  /** Nothing left to collect on these invoices (paid since the decision): no email. */
  private email(
    statement: receivables.Statement,
    job: scheduler.RenderJob,
    attach: boolean,
  ): RenderedReminder | undefined {
    try {
      return renderReminder({
        statement,
        invoiceIds: job.invoiceIds,
        kind: reminderKinds[job.ruleKind] ?? 'overdue',
        attachStatement: attach,
        test: job.testTo !== '',
        statementUrl: this.links.url(
          { tenantId: job.tenantId, customerId: job.customerId, asOf: job.asOf },
          new Date(),
        ),
      });
    } catch (error) {
      if (error instanceof ReminderError && error.code === 'REMINDER.NO_OPEN_INVOICES') return undefined;
      throw error;
    }
  }

  /** The rendition row, once per occurrence, and its send job in the same transaction. */
  private async record(
    job: scheduler.RenderJob,
    rendition: {
      subject: string;
      to: string[];
      pdf: Buffer | undefined;
      outcome: 'rendered' | 'no_recipients' | 'settled';
    },
    sendJob?: renderer.SendJob,
    meta?: MessageMeta,
  ): Promise<void> {
    const { subject, to, pdf, outcome } = rendition;
    const queued = await this.orm.em.fork().transactional(async (em) => {
      const inserted: unknown[] = await em.execute(
        `insert into ${SCHEMA}.renditions
           (occurrence_id, tenant_id, customer_id, subject, recipients, pdf_sha256, pdf_bytes, outcome, created_at)
         values (?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, now())
         on conflict (occurrence_id) do nothing returning occurrence_id`,
        [
          job.occurrenceId,
          job.tenantId,
          job.customerId,
          subject,
          JSON.stringify(to),
          pdf ? createHash('sha256').update(pdf).digest('hex') : null,
          pdf?.length ?? null,
          outcome,
        ],
      );
      if (inserted.length === 0 || !sendJob) return false;
      await enqueue(em, SCHEMA, {
        exchange: Exchanges.jobs,
        routingKey: RoutingKeys.sendJob,
        type: MessageTypes.sendJob,
        body: renderer.SendJob.encode(sendJob).finish(),
        tenantId: job.tenantId,
        idempotencyKey: job.occurrenceId,
        traceparent: meta?.traceparent,
      });
      return true;
    });
    if (queued) this.outbox.nudge();
  }

  private async alreadyRendered(occurrenceId: string): Promise<boolean> {
    const rows: unknown[] = await this.orm.em
      .fork()
      .execute(`select 1 from ${SCHEMA}.renditions where occurrence_id = ?`, [occurrenceId]);
    return rows.length > 0;
  }
}
