import { Migration } from '@mikro-orm/migrations';

/** How a tenant's payments that name no invoices are applied: oldest due first, or left as the customer's credit. */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table receivables.tenants add column payment_allocation text not null default 'oldest_first'
      check (payment_allocation in ('oldest_first', 'as_given'))`);
  }
}
