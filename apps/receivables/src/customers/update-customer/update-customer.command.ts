import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const updateCustomerCommand = z.object({
  tenantId: z.string(),
  customerId: fields.id,
  legalName: fields.text(300).nullish(),
  taxId: z.string().trim().max(20, 'must be at most 20 characters').nullish(),
  timeZone: fields.optionalTimeZone.nullish(),
  locale: fields.optionalLocale.nullish(),
  creditDays: z.number().int().min(0, 'must not be negative').max(3650, 'must be at most 3650').nullish(),
  delinquencyLimitDays: z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650').nullish(),
});

export type UpdateCustomerCommand = z.infer<typeof updateCustomerCommand>;
