import { Migration } from '@mikro-orm/migrations';

/**
 * When each invoice last changed (any column, by any path: a trigger), so the
 * scheduler can tell an invoice it has already judged from one that changed
 * since (documents arrived, due date moved, imported late).
 */
export class Migration20261122170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table receivables.invoices add column updated_at timestamptz`);
    this.addSql(`update receivables.invoices set updated_at = created_at`);
    this.addSql(`alter table receivables.invoices alter column updated_at set not null,
      alter column updated_at set default now()`);
    this.addSql(`create function receivables.touch_updated_at() returns trigger language plpgsql as $$
      begin new.updated_at := now(); return new; end $$`);
    this.addSql(`create trigger invoices_touch before update on receivables.invoices
      for each row execute function receivables.touch_updated_at()`);
  }
}
