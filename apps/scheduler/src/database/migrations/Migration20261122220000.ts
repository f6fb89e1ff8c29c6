import { Migration } from '@mikro-orm/migrations';

/**
 * The cycle's hot tables without foreign keys: a cycle writes a step and an
 * occurrence per reminder (hundreds of thousands per cycle), and each key
 * cost a lookup per row — three per reminder. What they guarded holds by
 * construction: one function writes a step and its occurrence in the same
 * transaction, and rules are never deleted (DeleteRule retires them).
 */
export class Migration20261122220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.occurrence_steps
      drop constraint occurrence_steps_occurrence_id_fkey,
      drop constraint occurrence_steps_rule_id_fkey`);
    this.addSql(`alter table scheduler.occurrences drop constraint occurrences_rule_id_fkey`);
  }
}
