import { Migration } from '@mikro-orm/migrations';

/** Test sends: a rule's reminder for a customer, rendered and sent to one address, deciding nothing. */
export class Migration20261122200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table scheduler.test_sends (
      id uuid primary key,
      tenant_id uuid not null,
      rule_id uuid not null references scheduler.rules (id),
      customer_id uuid not null,
      recipient text not null,
      invoice_ids uuid[] not null,
      created_at timestamptz not null)`);
  }
}
