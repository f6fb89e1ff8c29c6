import { Migration } from '@mikro-orm/migrations';

/** Disputes: a disputed invoice stays in the ledger but out of collection. */
export class Migration20261122110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table receivables.invoices add column in_dispute boolean not null default false`);
    this.addSql(`drop index receivables.invoices_open_by_due`);
    this.addSql(`create index invoices_collectible_by_due on receivables.invoices (tenant_id, due_date, id)
                   where balance_minor > 0 and not in_dispute`);
  }
}
