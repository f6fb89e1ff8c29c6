import type { receivables } from '@chasqui/contracts';

/** A RecordPayment request paying `amountMinor` of one invoice, its external id made from both. */
export const aPaymentOf = (
  invoice: { customerId: string; invoiceId: string },
  amountMinor: string,
  date: string,
  overrides: Partial<receivables.RecordPaymentRequest> = {},
): receivables.RecordPaymentRequest => ({
  externalId: `pay-${invoice.invoiceId}-${amountMinor}`,
  customerId: invoice.customerId,
  date,
  currency: 'MXN',
  amountMinor,
  allocations: [{ invoiceId: invoice.invoiceId, amountMinor }],
  ...overrides,
});
