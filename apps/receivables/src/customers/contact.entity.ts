import { EntitySchema } from '@mikro-orm/core';

export interface Contact {
  id: string;
  tenantId: string;
  customerId: string;
  name: string;
  email: string;
  role: string;
  receivesReminders: boolean;
  undeliverable: boolean;
  undeliverableReason: string | null;
}

export const ContactEntity = new EntitySchema<Contact>({
  name: 'Contact',
  tableName: 'contacts',
  properties: {
    id: { type: 'uuid', primary: true },
    tenantId: { type: 'uuid' },
    customerId: { type: 'uuid' },
    name: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    receivesReminders: { type: 'boolean' },
    undeliverable: { type: 'boolean' },
    undeliverableReason: { type: 'string', nullable: true },
  },
});
