import type { OrmSettings } from '@chasqui/persistence';
import { ContactEntity } from '../customers/contact.entity';
import { CustomerEntity } from '../customers/customer.entity';
import { InvoiceEntity } from '../invoices/invoice.entity';
import { TenantEntity } from '../tenants/tenant.entity';
import { migrations } from './migrations';

export const SCHEMA = 'receivables';

export function ormSettings(databaseUrl: string): OrmSettings {
  return {
    clientUrl: databaseUrl,
    schema: SCHEMA,
    entities: [TenantEntity, CustomerEntity, ContactEntity, InvoiceEntity],
    migrations,
  };
}
