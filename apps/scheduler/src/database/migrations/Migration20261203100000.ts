import { Migration } from '@mikro-orm/migrations';

/** Two more ends delivery reports: refused for good (5xx), and not sent because every recipient is suppressed. */
export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.occurrences drop constraint occurrences_outcome_check`);
    this.addSql(`alter table scheduler.occurrences add constraint occurrences_outcome_check
      check (outcome in ('sent', 'unknown', 'dead_lettered', 'failed', 'suppressed'))`);
  }
}
