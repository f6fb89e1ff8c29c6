import { z } from 'zod';
import { invoiceFields } from '../../invoices/create-invoice/create-invoice.command';
import { amountOf, fields } from '../../ledger/fields';

/**
 * One payment row of an import: RecordPayment's rules, the customer named by
 * the ERP's id and each invoice by series and folio.
 */
export const paymentRow = z
  .object({
    externalId: fields.text(100),
    customerExternalId: fields.text(100),
    date: fields.calendarDate,
    currency: fields.currency,
    amountMinor: fields.positiveMinorUnits,
    allocations: z
      .array(
        z.object({
          series: invoiceFields.series,
          folio: invoiceFields.folio,
          amountMinor: fields.positiveMinorUnits,
        }),
      )
      .max(1000, 'at most 1000 allocations')
      .refine(
        (list) => new Set(list.map((a) => `${a.series}\u0000${a.folio}`)).size === list.length,
        'names an invoice twice',
      ),
  })
  .refine((r) => r.allocations.reduce((sum, a) => sum + amountOf(a.amountMinor), 0n) <= amountOf(r.amountMinor), {
    path: ['allocations'],
    message: 'allocate more than the payment amount',
  });

export type PaymentRow = z.infer<typeof paymentRow>;
