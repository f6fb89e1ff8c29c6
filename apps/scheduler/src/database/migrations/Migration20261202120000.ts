import { deadLettersTableSql } from '@chasqui/messaging';
import { Migration } from '@mikro-orm/migrations';

/**
 * Where this service keeps the messages its consumers gave up on, until an
 * operator replays them; and what became of each queued occurrence downstream
 * (sent, unknown, or its render or send job dead-lettered, with the reason).
 */
export class Migration20261202120000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of deadLettersTableSql('scheduler')) this.addSql(sql);
    this.addSql(`alter table scheduler.occurrences
      add column outcome text check (outcome in ('sent', 'unknown', 'dead_lettered')),
      add column outcome_reason text,
      add column outcome_at timestamptz`);
  }
}
