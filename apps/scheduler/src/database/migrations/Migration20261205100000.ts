import { Migration } from '@mikro-orm/migrations';

/** An occurrence withdrawn (CancelOccurrence) before its render job left the scheduler. */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.occurrences drop constraint occurrences_status_check`);
    this.addSql(`alter table scheduler.occurrences add constraint occurrences_status_check
      check (status in ('queued', 'missed', 'skipped', 'awaiting_approval', 'cancelled'))`);
  }
}
