import { Migration } from '@mikro-orm/migrations';

/**
 * When each rule started: the instant of its first completed cycle. A step
 * that fired more than the grace period before it was never owed — neither
 * sent nor recorded as missed.
 */
export class Migration20261122180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.rules add column started_at timestamptz`);
    this.addSql(`update scheduler.rules set started_at = decided_through`);
  }
}
