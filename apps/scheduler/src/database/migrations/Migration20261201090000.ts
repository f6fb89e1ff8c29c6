import { Migration } from '@mikro-orm/migrations';

/**
 * An occurrence carries the latest step it covers (its render job's step),
 * so nothing looks its steps up by occurrence any more: the index that
 * served that lookup cost every reminder an insertion and goes.
 */
export class Migration20261201090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.occurrences add column step int`);
    this.addSql(`update scheduler.occurrences o
      set step = (select max(s.step) from scheduler.occurrence_steps s where s.occurrence_id = o.id)`);
    this.addSql(`update scheduler.occurrences set step = 0 where step is null`);
    this.addSql(`alter table scheduler.occurrences alter column step set not null`);
    this.addSql(`drop index scheduler.occurrence_steps_occurrence`);
  }
}
