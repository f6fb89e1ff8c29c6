import { z } from 'zod';
import { fields } from '../../ledger/fields';
import { contactFields } from '../create-customer/create-customer.command';

export const addContactCommand = z.object({
  tenantId: z.string(),
  customerId: fields.id,
  contact: z.object(contactFields, { error: 'is required' }),
});

export const updateContactCommand = z.object({
  tenantId: z.string(),
  contactId: fields.id,
  name: contactFields.name.nullish(),
  email: contactFields.email.nullish(),
  role: contactFields.role.nullish(),
  receivesReminders: z.boolean().nullish(),
  undeliverable: z.boolean().nullish(),
});

export type AddContactCommand = z.infer<typeof addContactCommand>;
export type UpdateContactCommand = z.infer<typeof updateContactCommand>;
