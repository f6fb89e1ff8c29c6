import type { Rule } from '../../rules/rule.entity';

/** What a manual send needs to know of a collectible invoice. */
export interface OpenInvoice {
  invoiceId: string;
  dueDate: string;
  documentsReady: boolean;
}

/** The invoices a manual reminder is about, or why there are none (recorded as the skip's reason). */
export type ManualScope = { invoiceIds: string[] } | { skip: string };

/** Reminders that wait for the invoice's documents when the tenant requires them (a cycle defers them). */
const DOCUMENT_KINDS: Rule['kind'][] = ['overdue', 'due_soon', 'invoice_issued'];

/**
 * What a rule's reminder sent now is about, on the customer's `today`: the
 * invoices asked for (open ones of the customer's), else what the kind is
 * about — a statement its documents (all open, or the overdue ones), overdue
 * and account notices the overdue invoices, due-soon and issue notices those
 * not yet due — less those whose required documents have not arrived; pure.
 */
export function manualScope(
  rule: Pick<Rule, 'schedule'>,
  open: OpenInvoice[],
  today: string,
  asked: string[],
): ManualScope {
  if (open.length === 0) return { skip: 'nothing_to_collect' };
  const { kind } = rule.schedule;
  const chosen =
    asked.length > 0
      ? open.filter((invoice) => asked.includes(invoice.invoiceId))
      : kind === 'statement' && rule.schedule.documents === 'all_open'
        ? open
        : kind === 'due_soon' || kind === 'invoice_issued'
          ? open.filter((invoice) => invoice.dueDate >= today)
          : open.filter((invoice) => invoice.dueDate < today);
  if (chosen.length === 0) {
    return { skip: kind === 'due_soon' || kind === 'invoice_issued' ? 'no_documents_due' : 'no_overdue_documents' };
  }
  const ready = DOCUMENT_KINDS.includes(kind) ? chosen.filter((invoice) => invoice.documentsReady) : chosen;
  if (ready.length === 0) return { skip: 'documents_pending' };
  return { invoiceIds: ready.map((invoice) => invoice.invoiceId) };
}
