import type { receivables } from '@chasqui/contracts';
import Mustache from 'mustache';
import { buildReminderView } from './build-reminder-view';
import { resolveLocale, type TemplateLocale } from './resolve-locale';
import { DEFAULT_TEMPLATES, type ReminderKind } from './templates';

export interface RenderReminderInput {
  statement: receivables.Statement;
  invoiceIds: string[];
  kind: ReminderKind;
  /** Else the customer's, else the tenant's, else es-MX. */
  locale?: string;
  /** Whether the email may say a statement PDF is attached. Default true. */
  attachStatement?: boolean;
  /** A test send: the subject says so. */
  test?: boolean;
  /** Where the customer opens the statement as it is then; the email links it when given. */
  statementUrl?: string;
}

export interface RenderedReminder {
  subject: string;
  html: string;
  text: string;
  /** The statement of account as a document, for the PDF. */
  statementHtml: string;
  statementFilename: string;
}

/** What a test's subject starts with, in the reader's language. */
const TEST_MARK: Record<TemplateLocale, string> = { 'es-MX': '[Prueba]', 'es-CL': '[Prueba]', en: '[Test]' };

// Subject and text are not HTML: values go in as they are ('Pérez & Hijos', not 'Pérez &amp; Hijos').
const asIs = { escape: (value: unknown) => String(value) };

/** One reminder email, and the statement that goes with it, from the statement as it is now. */
export function renderReminder(input: RenderReminderInput): RenderedReminder {
  const { statement } = input;
  const locale = resolveLocale(input.locale, statement.customer?.locale, statement.tenant?.locale);
  const templates = DEFAULT_TEMPLATES[locale.templates];
  const view = {
    ...buildReminderView(statement, input.invoiceIds, locale.format),
    statementAttached: input.attachStatement ?? true,
    statementUrl: input.statementUrl ?? '',
  };
  const email = templates.emails[input.kind];
  // One line: a legal name with a line break must not end the Subject header.
  const subject = Mustache.render(email.subject, view, undefined, asIs).replace(/\s+/g, ' ').trim();
  return {
    subject: input.test ? `${TEST_MARK[locale.templates]} ${subject}` : subject,
    html: Mustache.render(email.html, view),
    text: Mustache.render(email.text, view, undefined, asIs),
    statementHtml: Mustache.render(templates.statement.html, view),
    statementFilename: fileName(templates.statement.filename, statement.customer?.legalName ?? '', statement.asOf),
  };
}

/** The statement of account alone, every open document on it: what a statement link opens. */
export function renderStatement(statement: receivables.Statement): { html: string; filename: string } {
  const locale = resolveLocale(undefined, statement.customer?.locale, statement.tenant?.locale);
  const templates = DEFAULT_TEMPLATES[locale.templates];
  const view = buildReminderView(
    statement,
    statement.lines.map((line) => line.invoiceId),
    locale.format,
  );
  return {
    html: Mustache.render(templates.statement.html, { ...view, statementAttached: true }),
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
