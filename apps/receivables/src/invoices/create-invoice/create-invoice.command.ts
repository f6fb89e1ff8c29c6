import { z } from 'zod';
import { fields } from '../../ledger/fields';

/** The fields every new invoice has, whether created one by one or imported. */
export const invoiceFields = {
  series: z.string().trim().max(25, 'must be at most 25 characters'),
  folio: fields.text(40),
  issueDate: fields.calendarDate,
  /** Empty: derived from the customer's credit days or the tenant's term. */
  dueDate: z.union([z.literal(''), fields.calendarDate]),
  currency: fields.currency,
  totalMinor: fields.minorUnits,
};

export const dueNotBeforeIssue = (c: { dueDate: string; issueDate: string }) =>
  c.dueDate === '' || c.dueDate >= c.issueDate;
export const dueNotBeforeIssueMessage = { path: ['dueDate'], message: 'must not be before issue_date' };

export const createInvoiceCommand = z
  .object({ tenantId: z.string(), customerId: fields.id, ...invoiceFields })
  .refine(dueNotBeforeIssue, dueNotBeforeIssueMessage);

export type CreateInvoiceCommand = z.infer<typeof createInvoiceCommand>;
