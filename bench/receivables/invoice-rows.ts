import type { receivables } from '@chasqui/contracts';

const DAY = 86_400_000;
const FIRST_ISSUE = Date.parse('2025-01-01T00:00:00Z');

/** Invoice i of the benchmark: spread over the customers and a year of issue dates, amounts varied. */
export function invoiceRow(i: number, customers: number, customerPrefix = 'C'): receivables.InvoiceRow {
  const issue = FIRST_ISSUE + (i % 365) * DAY;
  return {
    customerExternalId: `${customerPrefix}${i % customers}`,
    series: 'F',
    folio: String(i),
    issueDate: new Date(issue).toISOString().slice(0, 10),
    dueDate: new Date(issue + 30 * DAY).toISOString().slice(0, 10),
    currency: 'MXN',
    totalMinor: String(10_000 + ((i * 7919) % 9_990_000)),
  };
}
