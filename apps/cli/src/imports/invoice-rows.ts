import type { receivables } from '@chasqui/contracts';
import { minor, required, type ColumnSpec } from './csv-columns';

/** An invoices file: one invoice a row, the customer named by the ERP's id. */
export const INVOICE_COLUMNS: ColumnSpec = {
  required: ['customer_external_id', 'folio', 'issue_date', 'currency', 'total_minor'],
  optional: ['series', 'due_date'],
};

/** A row of the file as ImportInvoices takes it; what only the service can judge (dates, currency) is its to judge. */
export function toInvoiceRow(record: Record<string, string>): receivables.InvoiceRow {
  return {
    customerExternalId: required(record, 'customer_external_id'),
    series: record.series ?? '',
    folio: required(record, 'folio'),
    issueDate: required(record, 'issue_date'),
    dueDate: record.due_date ?? '',
    currency: required(record, 'currency').toUpperCase(),
    totalMinor: minor(record, 'total_minor'),
  };
}
