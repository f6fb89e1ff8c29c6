import { z } from 'zod';
import { fields } from '../../ledger/fields';

/** One row of an import; the same rules as CreateInvoice, the customer named by its external id. */
export const importRow = z
  .object({
    customerExternalId: fields.text(100),
    series: z.string().trim().max(25, 'must be at most 25 characters'),
    folio: fields.text(40),
    issueDate: fields.calendarDate,
    dueDate: z.union([z.literal(''), fields.calendarDate]),
    currency: fields.currency,
    totalMinor: fields.minorUnits,
  })
  .refine((c) => c.dueDate === '' || c.dueDate >= c.issueDate, {
    path: ['dueDate'],
    message: 'must not be before issue_date',
  });

export type ImportRow = z.infer<typeof importRow>;

export interface RowError {
  row: number;
  field: string;
  description: string;
}
