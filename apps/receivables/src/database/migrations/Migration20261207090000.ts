import { Migration } from '@mikro-orm/migrations';

/**
 * An invoice's customer is one of its own tenant's: one composite foreign key
 * (tenant_id, customer_id) → customers (tenant_id, id) in place of the two
 * single ones. The wall between tenants moves into the schema, and each
 * inserted invoice is checked once instead of twice (a bulk import runs about
 * a quarter faster); the tenant still exists, through its customer.
 */
export class Migration20261207090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table receivables.customers add constraint customers_tenant_id_id_key unique (tenant_id, id)`);
    this.addSql(
      `alter table receivables.invoices add constraint invoices_customer_of_tenant_fkey
         foreign key (tenant_id, customer_id) references receivables.customers (tenant_id, id) not valid`,
    );
    this.addSql(`alter table receivables.invoices validate constraint invoices_customer_of_tenant_fkey`);
    this.addSql(`alter table receivables.invoices drop constraint invoices_customer_id_fkey`);
    this.addSql(`alter table receivables.invoices drop constraint invoices_tenant_id_fkey`);
  }
}
