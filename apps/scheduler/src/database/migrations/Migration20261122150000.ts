import { Migration } from '@mikro-orm/migrations';

/**
 * An occurrence becomes one message (one email), and each step it covers is
 * its own row keyed (rule, customer, target, step): a grouped reminder lists
 * several invoices' steps, and each step is still decided once. Tenant leases
 * share the tick's work among replicas.
 */
export class Migration20261122150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table scheduler.occurrence_steps (
      rule_id uuid not null references scheduler.rules (id),
      customer_id uuid not null,
      target text not null,
      step int not null,
      tenant_id uuid not null,
      occurrence_id uuid not null references scheduler.occurrences (id) deferrable initially deferred,
      fire_at timestamptz not null,
      primary key (rule_id, customer_id, target, step))`);
    this
      .addSql(`insert into scheduler.occurrence_steps (rule_id, customer_id, target, step, tenant_id, occurrence_id, fire_at)
      select rule_id, customer_id, target, step, tenant_id, id, fire_at from scheduler.occurrences`);
    this.addSql(`create index occurrence_steps_occurrence on scheduler.occurrence_steps (occurrence_id)`);
    this.addSql(`alter table scheduler.occurrences add column local_date date, add column rule_kind text`);
    this.addSql(`update scheduler.occurrences o set rule_kind = r.kind,
      local_date = (o.fire_at at time zone 'UTC')::date from scheduler.rules r where r.id = o.rule_id`);
    this.addSql(`alter table scheduler.occurrences
      alter column local_date set not null,
      alter column rule_kind set not null,
      drop column target,
      drop column step`);
    this.addSql(`create index occurrences_tenant_decided on scheduler.occurrences (tenant_id, decided_at desc, id)`);
    // Which replica runs a tenant's cycle this tick.
    this.addSql(`create table scheduler.tenant_leases (
      tenant_id uuid primary key,
      holder uuid not null,
      until timestamptz not null)`);
  }
}
