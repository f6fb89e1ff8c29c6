import { z } from 'zod';
import { amountOf, fields } from '../../ledger/fields';

export const recordPaymentCommand = z
  .object({
    tenantId: z.string(),
    externalId: fields.text(100),
    customerId: fields.id,
    date: fields.calendarDate,
    currency: fields.currency,
    amountMinor: fields.positiveMinorUnits,
    allocations: z
      .array(z.object({ invoiceId: fields.id, amountMinor: fields.positiveMinorUnits }))
      .max(1000, 'at most 1000 allocations')
      .refine((list) => new Set(list.map((a) => a.invoiceId)).size === list.length, 'names an invoice twice'),
  })
  .refine((c) => c.allocations.reduce((sum, a) => sum + amountOf(a.amountMinor), 0n) <= amountOf(c.amountMinor), {
    path: ['allocations'],
    message: 'allocate more than the payment amount',
  });

export type RecordPaymentCommand = z.infer<typeof recordPaymentCommand>;
