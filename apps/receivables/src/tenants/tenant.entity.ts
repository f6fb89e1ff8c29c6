import { EntitySchema } from '@mikro-orm/core';

/** How a payment that names no invoices is applied (see allocatePayment). */
export type PaymentAllocation = 'oldest_first' | 'as_given';

export interface Tenant {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  defaultCurrency: string;
  locale: string;
  /** The company's own RFC / RUT, normalised; '' when not given. */
  taxId: string;
  /** sha256 of the API key; the key itself is shown once and never stored. */
  apiKeyHash: string;
  defaultPaymentTermDays: number;
  centsToleranceMinor: string;
  pastInvoicesStartDate: string | null;
  newInvoicesStartDate: string | null;
  requireAttachments: boolean;
  paymentAllocation: PaymentAllocation;
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
    taxId: { type: 'string' },
    apiKeyHash: { type: 'string', unique: true },
    defaultPaymentTermDays: { type: 'integer' },
    centsToleranceMinor: { type: 'bigint' },
    pastInvoicesStartDate: { type: 'date', nullable: true },
    newInvoicesStartDate: { type: 'date', nullable: true },
    requireAttachments: { type: 'boolean' },
    paymentAllocation: { type: 'string' },
    createdAt: { type: 'datetime' },
  },
});
