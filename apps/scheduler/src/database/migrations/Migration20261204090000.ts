import { Migration } from '@mikro-orm/migrations';

/**
 * A step is known by what it means, not by its number (issue 13):
 * - an invoice or statement step by the local day it fires on, so a due date
 *   moved later gives new days that are sent, and a day already decided is
 *   never decided again, whatever the step's number under the new due date;
 * - an account notice by its delinquency episode, known by the episode's
 *   first overdue day (it was the oldest overdue invoice's due date).
 * The episodes the cycles have seen are kept in `delinquencies`.
 */
export class Migration20261204090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.occurrence_steps add column day date`);
    this.addSql(`update scheduler.occurrence_steps s set day = o.local_date
      from scheduler.occurrences o where o.id = s.occurrence_id and s.target <> 'account'`);
    this.addSql(`update scheduler.occurrence_steps set day = date '1970-01-01' + step + 1 where target = 'account'`);
    this.addSql(`update scheduler.occurrence_steps set day = (fire_at at time zone 'UTC')::date where day is null`);
    // Two steps of one target on one day were one send: keep one claim of that day.
    this.addSql(`delete from scheduler.occurrence_steps a using scheduler.occurrence_steps b
      where a.rule_id = b.rule_id and a.customer_id = b.customer_id and a.target = b.target and a.day = b.day
        and a.step < b.step`);
    this.addSql(`alter table scheduler.occurrence_steps alter column day set not null`);
    this.addSql(`alter table scheduler.occurrence_steps drop constraint occurrence_steps_pkey`);
    this.addSql(`alter table scheduler.occurrence_steps add primary key (rule_id, customer_id, target, day)`);
    this.addSql(`create table scheduler.delinquencies (
      tenant_id uuid not null,
      customer_id uuid not null,
      since date not null,
      primary key (tenant_id, customer_id))`);
  }
}
