import { Migration } from '@mikro-orm/migrations';

/**
 * How far each rule has been decided: every step that fired by this instant
 * was decided by a completed cycle, so later cycles look only at newer steps
 * and at invoices that changed since.
 */
export class Migration20261122170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.rules add column decided_through timestamptz`);
  }
}
