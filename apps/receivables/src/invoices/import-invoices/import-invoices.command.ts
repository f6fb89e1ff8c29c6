import { z } from 'zod';
import { dueNotBeforeIssue, dueNotBeforeIssueMessage, invoiceFields } from '../create-invoice/create-invoice.command';
import { fields } from '../../ledger/fields';

/** One row of an import; the same rules as CreateInvoice, the customer named by its external id. */
export const importRow = z
  .object({ customerExternalId: fields.text(100), ...invoiceFields })
  .refine(dueNotBeforeIssue, dueNotBeforeIssueMessage);

export type ImportRow = z.infer<typeof importRow>;

export interface RowError {
  row: number;
  field: string;
  description: string;
}
