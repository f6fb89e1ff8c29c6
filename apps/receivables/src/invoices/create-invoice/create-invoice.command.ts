import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const createInvoiceCommand = z
  .object({
    tenantId: z.string(),
    customerId: fields.id,
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

export type CreateInvoiceCommand = z.infer<typeof createInvoiceCommand>;
