import { z } from 'zod';
import { fields } from '../../ledger/fields';

/** A contact's fields, wherever a contact is written. */
export const contactFields = {
  name: z.string().trim().max(200, 'must be at most 200 characters'),
  email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
  role: z.string().trim().max(50, 'must be at most 50 characters'),
  receivesReminders: z.boolean(),
};

export const createCustomerCommand = z.object({
  tenantId: z.string(),
  externalId: fields.text(100),
  legalName: fields.text(300),
  taxId: z.string().trim().max(20, 'must be at most 20 characters'),
  timeZone: fields.optionalTimeZone,
  locale: fields.optionalLocale,
  creditDays: z.number().int().min(0, 'must not be negative').max(3650, 'must be at most 3650').nullish(),
  delinquencyLimitDays: z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650').nullish(),
  contacts: z.array(z.object(contactFields)).max(50, 'at most 50 contacts'),
});

export type CreateCustomerCommand = z.infer<typeof createCustomerCommand>;
