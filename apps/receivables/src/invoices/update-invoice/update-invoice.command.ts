import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const updateInvoiceCommand = z.object({
  tenantId: z.string(),
  invoiceId: fields.id,
  dueDate: fields.calendarDate.nullish(),
  inDispute: z.boolean().nullish(),
});

export type UpdateInvoiceCommand = z.infer<typeof updateInvoiceCommand>;
