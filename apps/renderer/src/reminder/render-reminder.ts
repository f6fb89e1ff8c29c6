import type { receivables } from '@chasqui/contracts';
import Mustache from 'mustache';
import { DEFAULT_BRAND, type Brand } from './brand';
import { brandView, LOGO_CID } from './brand-view';
import { buildReminderView } from './build-reminder-view';
import { resolveLocale, type TemplateLocale } from './resolve-locale';
import { DEFAULT_TEMPLATES, type EmailTemplates, type ReminderKind } from './templates';
import { emailLayoutHtml } from './templates/email-layout.html';

export interface RenderReminderInput {
  statement: receivables.Statement;
  invoiceIds: string[];
  kind: ReminderKind;
  /** Else the customer's, else the tenant's, else es-MX. */
  locale?: string;
  /** The tenant's template for this kind and locale, checked when saved; none: the default. */
  template?: EmailTemplates;
  /** The tenant's look, company details and payment instructions; none: the defaults. */
  brand?: Brand;
  /** Whether the email may say a statement PDF is attached. Default true. */
  attachStatement?: boolean;
  /** A test send: the subject says so. */
  test?: boolean;
  /** Where the customer opens the statement as it is then; the email links it when given. */
  statementUrl?: string;
  /** The person the email is addressed to, when known. */
  contactName?: string;
  /** Invoice documents too large to attach, as links after the body. */
  documentLinks?: Array<{ filename: string; url: string }>;
}

export interface InlineImage {
  contentId: string;
  contentType: string;
  content: Buffer;
}

export interface RenderedReminder {
  subject: string;
  /** The sender's display name the template asks for; '' leaves the tenant's. */
  fromName: string;
  html: string;
  text: string;
  /** Images the HTML shows by cid: (the logo): they travel in the email, nothing is fetched. */
  inlineImages: InlineImage[];
  /** The statement of account as a document, for the PDF. */
  statementHtml: string;
  statementFilename: string;
  /** What the templates were given (the catalogue's names and more). */
  view: Record<string, unknown>;
}

/** What a test's subject starts with, in the reader's language. */
const TEST_MARK: Record<TemplateLocale, string> = { 'es-MX': '[Prueba]', 'es-CL': '[Prueba]', en: '[Test]' };

// Subject and text are not HTML: values go in as they are ('Pérez & Hijos', not 'Pérez &amp; Hijos').
const asIs = { escape: (value: unknown) => String(value) };

/** A body that shows the payment instructions itself; any other gets them after it. */
const placesPayment = (body: string) => /\{\{\s*[#^]?\s*(paymentAccounts|hasPaymentInstructions)\b/.test(body);

/** One reminder email, and the statement that goes with it, from the statement as it is now. */
export function renderReminder(input: RenderReminderInput): RenderedReminder {
  const { statement } = input;
  const locale = resolveLocale(input.locale, statement.customer?.locale, statement.tenant?.locale);
  const defaults = DEFAULT_TEMPLATES[locale.templates];
  const template = input.template ?? defaults.emails[input.kind];
  const brand = input.brand ?? DEFAULT_BRAND;
  const fromName = (template.fromName ?? '').replace(/\s+/g, ' ').trim();
  const view = {
    ...buildReminderView(statement, input.invoiceIds, locale.format),
    ...brandView(brand, statement.tenant?.country ?? '', locale.templates),
    senderName: fromName || (statement.tenant?.name ?? ''),
    contactName: input.contactName ?? '',
    statementAttached: input.attachStatement ?? true,
    statementUrl: input.statementUrl ?? '',
  };
  const paymentHtml = placesPayment(template.html) ? '' : Mustache.render(defaults.payment.html, view);
  const links = { documentLinks: input.documentLinks ?? [], hasDocumentLinks: (input.documentLinks ?? []).length > 0 };
  const bodyHtml = Mustache.render(template.html, view) + paymentHtml + Mustache.render(defaults.documents.html, links);
  const paymentText =
    (placesPayment(template.text) ? '' : Mustache.render(defaults.payment.text, view, undefined, asIs)) +
    Mustache.render(defaults.documents.text, links, undefined, asIs);
  // One line: a legal name with a line break must not end the Subject header.
  const subject = Mustache.render(template.subject, view, undefined, asIs).replace(/\s+/g, ' ').trim();
  return {
    subject: input.test ? `${TEST_MARK[locale.templates]} ${subject}` : subject,
    fromName,
    html: Mustache.render(emailLayoutHtml(defaults.lang), { ...view, bodyHtml }),
    view,
    text: Mustache.render(template.text, view, undefined, asIs).trimEnd() + paymentText.trimEnd() + '\n',
    inlineImages: brand.logo ? [{ contentId: LOGO_CID, ...brand.logo }] : [],
    statementHtml: Mustache.render(defaults.statement.html, view),
    statementFilename: fileName(defaults.statement.filename, statement.customer?.legalName ?? '', statement.asOf),
  };
}

/** The statement of account alone, every open document on it: what a statement link opens. */
export function renderStatement(
  statement: receivables.Statement,
  brand: Brand = DEFAULT_BRAND,
): { html: string; filename: string } {
  const locale = resolveLocale(undefined, statement.customer?.locale, statement.tenant?.locale);
  const templates = DEFAULT_TEMPLATES[locale.templates];
  const view = {
    ...buildReminderView(
      statement,
      statement.lines.map((line) => line.invoiceId),
      locale.format,
    ),
    ...brandView(brand, statement.tenant?.country ?? '', locale.templates),
    statementAttached: true,
  };
  return {
    html: Mustache.render(templates.statement.html, view),
    filename: fileName(templates.statement.filename, statement.customer?.legalName ?? '', statement.asOf),
  };
}

/** 'estado-de-cuenta-comercial-lopez-sa-de-cv-2025-03-31.pdf': ASCII only, safe in any MIME header. */
function fileName(prefix: string, legalName: string, asOf: string): string {
  const slug = legalName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return [prefix, slug, asOf].filter(Boolean).join('-') + '.pdf';
}
