import { EntitySchema } from '@mikro-orm/core';

export interface Customer {
  id: string;
  tenantId: string;
  externalId: string;
  legalName: string;
  taxId: string;
  timeZone: string | null;
  locale: string | null;
  creditDays: number | null;
  delinquencyLimitDays: number | null;
  createdAt: Date;
}

export const CustomerEntity = new EntitySchema<Customer>({
  name: 'Customer',
  tableName: 'customers',
  properties: {
    id: { type: 'uuid', primary: true },
    tenantId: { type: 'uuid' },
    externalId: { type: 'string' },
    legalName: { type: 'string' },
    taxId: { type: 'string' },
    timeZone: { type: 'string', nullable: true },
    locale: { type: 'string', nullable: true },
    creditDays: { type: 'integer', nullable: true },
    delinquencyLimitDays: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
