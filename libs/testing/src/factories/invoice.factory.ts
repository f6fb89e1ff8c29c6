import type { receivables } from '@chasqui/contracts';

/** Series F, issued 2026-01-01, MXN 1,000.00. */
const DEFAULTS = { series: 'F', issueDate: '2026-01-01', currency: 'MXN', totalMinor: '100000' };

/** A CreateInvoice request with the defaults above unless told otherwise. */
export const anInvoice = (
  overrides: Partial<receivables.CreateInvoiceRequest> & { customerId: string; folio: string; dueDate: string },
): receivables.CreateInvoiceRequest => ({ ...DEFAULTS, ...overrides });

/** An ImportInvoices row with the same defaults. */
export const anInvoiceRow = (
  overrides: Partial<receivables.InvoiceRow> & { customerExternalId: string; folio: string; dueDate: string },
): receivables.InvoiceRow => ({ ...DEFAULTS, ...overrides });
