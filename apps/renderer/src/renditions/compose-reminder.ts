import { recipients, type Recipients } from '@chasqui/audience';
import type { receivables, renderer, scheduler } from '@chasqui/contracts';
import { StatementLinkIssuer } from '@chasqui/statement-links';
import { Inject, Injectable } from '@nestjs/common';
import { BrandingRepository } from '../branding/branding.repository';
import { documentType } from '../grpc/document-type';
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

/** Reminders that carry the invoices themselves (their XML and PDF as filed in receivables). */
const CARRY_DOCUMENTS = new Set<ReminderKind>(['invoice_issued', 'due_soon']);

/** Whether a kind of reminder carries its invoices' documents (and not the statement PDF). */
export const carriesDocuments = (kind: ReminderKind) => CARRY_DOCUMENTS.has(kind);

/** How many bytes of invoice documents an email carries; the rest go as links. */
export const ATTACHMENTS_MAX_BYTES = Symbol('ATTACHMENTS_MAX_BYTES');

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
    @Inject(ATTACHMENTS_MAX_BYTES) private readonly attachmentsMaxBytes: number,
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
    // The statement PDF goes with overdue, statement and account notices; an issue notice or a
    // due-soon reminder carries the invoices' own documents instead.
    const attach = request.attachStatementPdf && to.to.length > 0 && !CARRY_DOCUMENTS.has(kind);
    const invoiceIds = request.invoiceIds ?? documentsFor(kind, statement);
    const documents = await this.documents(request, statement, invoiceIds);
    let email: RenderedReminder;
    try {
      email = renderReminder({
        statement,
        invoiceIds,
        documentLinks: documents.links,
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
      ...documents.attached,
      ...(pdf
        ? [{ filename: email.statementFilename, contentType: 'application/pdf', content: pdf, contentId: '' }]
        : []),
    ];
    return { statement, recipients: to, template, email, pdf, attachments };
  }

  /**
   * An issue notice's or due-soon reminder's invoice documents (those still owed): attached
   * while they fit in ATTACHMENTS_MAX_BYTES, the rest as signed download links.
   */
  private async documents(
    request: ReminderRequest,
    statement: receivables.Statement,
    invoiceIds: string[],
  ): Promise<{ attached: renderer.Attachment[]; links: Array<{ filename: string; url: string }> }> {
    if (!CARRY_DOCUMENTS.has(request.kind)) return { attached: [], links: [] };
    const owed = new Set(statement.lines.filter((l) => /^[1-9]\d*$/.test(l.balanceMinor)).map((l) => l.invoiceId));
    const ids = invoiceIds.filter((id) => owed.has(id));
    const { documents, leftOut } = await this.receivables.documents(
      request.tenantId,
      ids,
      this.attachmentsMaxBytes,
      request.traceparent,
    );
    const now = new Date();
    return {
      attached: documents.map(({ attachment, content }) => ({
        filename: attachment!.filename,
        contentType: documentType(attachment?.kind),
        content: Buffer.from(content),
        contentId: '',
      })),
      links: leftOut.map((a) => ({ filename: a.filename, url: this.links.documentUrl(request.tenantId, a.id, now) })),
    };
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
