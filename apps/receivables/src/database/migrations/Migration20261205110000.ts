import { Migration } from '@mikro-orm/migrations';

/**
 * Customer credit: a payment's unapplied rest is spent by the customer's later
 * invoices, each spending recorded as an allocation. Every allocation now says
 * how it came about (named by the payment, chosen oldest first, or a credit
 * spent) and when, so a balance can be explained line by line; the credits of
 * a customer are found through a small partial index.
 */
export class Migration20261205110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table receivables.allocations
      add column source text not null default 'given' check (source in ('given', 'oldest_first', 'credit')),
      add column applied_at timestamptz`);
    this.addSql(`update receivables.allocations a set applied_at = p.created_at
      from receivables.payments p where p.id = a.payment_id`);
    this.addSql(`alter table receivables.allocations
      alter column source drop default,
      alter column applied_at set not null`);
    this.addSql(`create index payments_with_credit on receivables.payments (tenant_id, customer_id)
      where unapplied_minor > 0`);
  }
}
