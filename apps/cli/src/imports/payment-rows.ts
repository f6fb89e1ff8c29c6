import type { receivables } from '@chasqui/contracts';
import { minor, RowProblem, required, type ColumnSpec } from './csv-columns';

/** A payments file: one payment a row; `allocations` names invoices as SERIES/FOLIO=AMOUNT_MINOR;... */
export const PAYMENT_COLUMNS: ColumnSpec = {
  required: ['external_id', 'customer_external_id', 'date', 'currency', 'amount_minor'],
  optional: ['allocations'],
};

/** A row of the file as ImportPayments takes it. */
export function toPaymentRow(record: Record<string, string>): receivables.PaymentRow {
  return {
    externalId: required(record, 'external_id'),
    customerExternalId: required(record, 'customer_external_id'),
    date: required(record, 'date'),
    currency: required(record, 'currency').toUpperCase(),
    amountMinor: minor(record, 'amount_minor'),
    allocations: parseAllocations(record.allocations ?? ''),
  };
}

/**
 * "A/1001=50000;B/7=1200": invoice A-1001 gets 500.00 and B-7 gets 12.00; an
 * invoice without series is just its folio ("1001=50000"). Empty: none, and
 * the tenant's payment_allocation setting applies.
 */
export function parseAllocations(text: string): receivables.InvoiceAllocation[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(?:([^/=]*)\/)?([^/=]+)=(-?\d+)$/.exec(part);
      if (!match) {
        throw new RowProblem('allocations', `"${part}" is not SERIES/FOLIO=AMOUNT_MINOR (e.g. A/1001=50000)`);
      }
      return { series: (match[1] ?? '').trim(), folio: match[2].trim(), amountMinor: BigInt(match[3]).toString() };
    });
}
