import { recipients } from '@chasqui/audience';
import { StatementLinkIssuer } from '@chasqui/statement-links';
import type { receivables, renderer, scheduler } from '@chasqui/contracts';
import { OutboxRelay, type MessageMeta } from '@chasqui/messaging';
import { Injectable } from '@nestjs/common';
import { ReceivablesClient } from '../../grpc/receivables.client';
import { PdfCache } from '../../pdf/pdf-cache';
import { BrandingRepository } from '../../branding/branding.repository';
import type { Brand } from '../../reminder/brand';
import { ReminderError } from '../../reminder/reminder.errors';
import { resolveLocale } from '../../reminder/resolve-locale';
import { ChooseTemplate } from '../../templates/choose-template';
import type { ChosenTemplate } from '../../templates/template';
import { RenditionRepository, type Rendition } from '../rendition.repository';
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
    private readonly renditions: RenditionRepository,
    private readonly receivables: ReceivablesClient,
    private readonly pdfs: PdfCache,
    private readonly outbox: OutboxRelay,
    private readonly links: StatementLinkIssuer,
    private readonly chooseTemplate: ChooseTemplate,
    private readonly brandings: BrandingRepository,
  ) {}

  async execute(job: scheduler.RenderJob, meta: MessageMeta): Promise<void> {
    try {
      await this.render(job, meta);
    } catch (error) {
      throw asRenderFailure(error);
    }
  }

  private async render(job: scheduler.RenderJob, meta: MessageMeta): Promise<void> {
    if (await this.renditions.exists(job.occurrenceId)) return;
    const statement = await this.receivables.statement(job.tenantId, job.customerId, job.asOf, meta.traceparent);
    const { to, cc, bcc } = recipients(statement.customer?.contacts ?? [], job.audience, job.testTo);
    const attach = job.attachStatementPdf && to.length > 0;
    const kind = reminderKinds[job.ruleKind] ?? 'overdue';
    const locale = resolveLocale(statement.customer?.locale, statement.tenant?.locale).templates;
    const [template, brand] = await Promise.all([
      this.chooseTemplate.for(job.tenantId, kind, locale, job.templateId),
      this.brandings.forRendering(job.tenantId),
    ]);
    const contactName = statement.customer?.contacts.find((c) => c.email === to[0])?.name ?? '';
    const email = this.email(statement, job, { attach, template, brand, contactName });
    if (!email) return this.record(job, { subject: '', to, pdf: undefined, outcome: 'settled', template });
    const pdf = attach ? await this.pdfs.pdf(email.statementHtml) : undefined;
    const inline = email.inlineImages.map((image) => ({
      filename: image.contentId.split('@')[0] ?? 'image',
      contentType: image.contentType,
      content: image.content,
      contentId: image.contentId,
    }));
    const statementPdf = pdf
      ? [{ filename: email.statementFilename, contentType: 'application/pdf', content: pdf, contentId: '' }]
      : [];
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
      attachments: [...inline, ...statementPdf],
      timeZone: statement.customer?.timeZone || statement.tenant?.timeZone || '',
      fromName: email.fromName,
    };
    const outcome = to.length > 0 ? 'rendered' : 'no_recipients';
    const rendition = { subject: email.subject, to, pdf, outcome, template } as const;
    await this.record(job, rendition, to.length > 0 ? sendJob : undefined, meta);
  }

  /** Nothing left to collect on these invoices (paid since the decision): no email. */
  private email(
    statement: receivables.Statement,
    job: scheduler.RenderJob,
    how: { attach: boolean; template: ChosenTemplate; brand: Brand; contactName: string },
  ): RenderedReminder | undefined {
    try {
      return renderReminder({
        statement,
        invoiceIds: job.invoiceIds,
        kind: reminderKinds[job.ruleKind] ?? 'overdue',
        template: how.template.content,
        brand: how.brand,
        contactName: how.contactName,
        attachStatement: how.attach,
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
    rendition: Pick<Rendition, 'subject' | 'pdf' | 'outcome' | 'template'> & { to: string[] },
    sendJob?: renderer.SendJob,
    meta?: MessageMeta,
  ): Promise<void> {
    const { to, ...rest } = rendition;
    const row = {
      ...rest,
      occurrenceId: job.occurrenceId,
      tenantId: job.tenantId,
      customerId: job.customerId,
      recipients: to,
    };
    if (await this.renditions.record(row, sendJob, meta?.traceparent)) this.outbox.nudge();
  }
}
