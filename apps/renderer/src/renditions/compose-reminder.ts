import { recipients, type Recipients } from '@chasqui/audience';
import type { receivables, renderer, scheduler } from '@chasqui/contracts';
import { StatementLinkIssuer } from '@chasqui/statement-links';
import { Injectable } from '@nestjs/common';
import { BrandingRepository } from '../branding/branding.repository';
import { ReceivablesClient } from '../grpc/receivables.client';
import { PdfCache } from '../pdf/pdf-cache';
import { ReminderError } from '../reminder/reminder.errors';
import { renderReminder, type RenderedReminder } from '../reminder/render-reminder';
import { resolveLocale } from '../reminder/resolve-locale';
import type { ReminderKind } from '../reminder/templates';
import { ChooseTemplate } from '../templates/choose-template';
import type { ChosenTemplate } from '../templates/template';

/** What a reminder is for: who, as of when, which documents, in which words. */
export interface ReminderRequest {
  tenantId: string;
  customerId: string;
  /** The local date, YYYY-MM-DD. */
  asOf: string;
  kind: ReminderKind;
  /** The documents it is about; none given: those the kind speaks of (see `documentsFor`). */
  invoiceIds?: string[];
  /** The rule's template; '': the tenant's active one, else the default. */
  templateId: string;
  audience?: scheduler.Audience;
  /** A test send: only to this address, marked as a test. */
  testTo?: string;
  /** Print the statement PDF (when there is someone to send it to). */
  attachStatementPdf: boolean;
  traceparent?: string;
}

export interface ComposedReminder {
  statement: receivables.Statement;
  recipients: Recipients;
  template: ChosenTemplate;
  /** Undefined: nothing of it is still owed. */
  email?: RenderedReminder;
  pdf?: Buffer;
  /** The logo inline and the statement PDF, as the send job carries them. */
  attachments: renderer.Attachment[];
}

/**
 * One reminder from the statement as it is now (a payment made an hour ago is
 * never dunned), in the tenant's words and look, with its statement PDF. Records
 * nothing: a render job records it, a preview shows it.
 */
@Injectable()
export class ComposeReminder {
  constructor(
    private readonly receivables: ReceivablesClient,
    private readonly pdfs: PdfCache,
    private readonly links: StatementLinkIssuer,
    private readonly chooseTemplate: ChooseTemplate,
    private readonly brandings: BrandingRepository,
  ) {}

  async compose(request: ReminderRequest): Promise<ComposedReminder> {
    const { tenantId, customerId, asOf, kind } = request;
    const statement = await this.receivables.statement(tenantId, customerId, asOf, request.traceparent);
    const contacts = statement.customer?.contacts ?? [];
    const to = recipients(contacts, request.audience, request.testTo ?? '');
    const locale = resolveLocale(statement.customer?.locale, statement.tenant?.locale).templates;
    const [template, brand] = await Promise.all([
      this.chooseTemplate.for(tenantId, kind, locale, request.templateId),
      this.brandings.forRendering(tenantId),
    ]);
    const attach = request.attachStatementPdf && to.to.length > 0;
    let email: RenderedReminder;
    try {
      email = renderReminder({
        statement,
        invoiceIds: request.invoiceIds ?? documentsFor(kind, statement),
        kind,
        template: template.content,
        brand,
        contactName: contacts.find((c) => c.email === to.to[0])?.name ?? '',
        attachStatement: attach,
        test: Boolean(request.testTo),
        statementUrl: this.links.url({ tenantId, customerId, asOf }, new Date()),
      });
    } catch (error) {
      if (error instanceof ReminderError && error.code === 'REMINDER.NO_OPEN_INVOICES') {
        return { statement, recipients: to, template, attachments: [] };
      }
      throw error;
    }
    const pdf = attach ? await this.pdfs.pdf(email.statementHtml) : undefined;
    const attachments: renderer.Attachment[] = [
      ...email.inlineImages.map((image) => ({
        filename: image.contentId.split('@')[0] ?? 'image',
        contentType: image.contentType,
        content: image.content,
        contentId: image.contentId,
      })),
      ...(pdf
        ? [{ filename: email.statementFilename, contentType: 'application/pdf', content: pdf, contentId: '' }]
        : []),
    ];
    return { statement, recipients: to, template, email, pdf, attachments };
  }

  /** The statement PDF of a composed email (printed once per content: see PdfCache). */
  statementPdf(email: RenderedReminder): Promise<Buffer> {
    return this.pdfs.pdf(email.statementHtml);
  }
}

/**
 * The documents a reminder of a kind speaks of when no decision named them (a
 * preview): overdue and account notices the overdue ones, due-soon the ones not
 * yet due, issue notices and statements every open one — else every open one.
 */
export function documentsFor(kind: ReminderKind, statement: receivables.Statement): string[] {
  const open = statement.lines;
  const chosen = ((): receivables.StatementLine[] => {
    switch (kind) {
      case 'overdue':
      case 'account_closing':
      case 'account_closed':
        return open.filter((line) => line.daysOverdue > 0);
      case 'due_soon':
        return open.filter((line) => line.daysOverdue <= 0);
      case 'invoice_issued':
      case 'statement':
        return open;
    }
  })();
  return (chosen.length > 0 ? chosen : open).map((line) => line.invoiceId);
}
