import { EntitySchema } from '@mikro-orm/core';

export interface Tenant {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  defaultCurrency: string;
  locale: string;
  /** sha256 of the API key; the key itself is shown once and never stored. */
  apiKeyHash: string;
  createdAt: Date;
}

export const TenantEntity = new EntitySchema<Tenant>({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string' },
    country: { type: 'string', length: 2 },
    timeZone: { type: 'string' },
    defaultCurrency: { type: 'string', length: 3 },
    locale: { type: 'string' },
    apiKeyHash: { type: 'string', unique: true },
    createdAt: { type: 'datetime' },
  },
});
