import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerPoliciesRepository } from './customer-policies.repository';
import { unknownCustomer } from './unknown-customer';

export interface AnnouncedCustomer {
  legalName: string;
  taxId: string;
  deleted: boolean;
}

/**
 * The customer as receivables announced it to the scheduler (customer.changed);
 * NOT_FOUND naming `field` when it never did — an id of another tenant's is
 * one it never did — or when it deleted the customer, unless the caller reads
 * history (`deletedToo`).
 */
export async function knownCustomer(
  policies: CustomerPoliciesRepository,
  em: EntityManager,
  tenantId: string,
  customerId: string,
  { field = 'customer_id', deletedToo = false }: { field?: string; deletedToo?: boolean } = {},
): Promise<AnnouncedCustomer> {
  const customer = await policies.announced(em, tenantId, customerId);
  if (!customer || (customer.deleted && !deletedToo)) throw unknownCustomer(field, [customerId]);
  return customer;
}
