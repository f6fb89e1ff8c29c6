import { Migration } from '@mikro-orm/migrations';

/**
 * Occurrences a person asked for (SendNow) beside those a cycle decided, and
 * the caller's key that makes SendNow safe to retry: one occurrence per key
 * and tenant. The index holds only keyed rows, so a cycle's inserts pay nothing.
 */
export class Migration20261205120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.occurrences
      add column origin text not null default 'cycle' check (origin in ('cycle', 'manual')),
      add column request_id text`);
    this.addSql(`create unique index occurrences_request on scheduler.occurrences (tenant_id, request_id)
      where request_id is not null`);
  }
}
