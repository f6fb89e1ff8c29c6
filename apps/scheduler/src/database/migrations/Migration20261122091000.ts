import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@chasqui/messaging';

/** Rules and occurrences: what was decided, once per (rule, customer, target, step). */
export class Migration20261122091000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table scheduler.rules (
      id uuid primary key,
      tenant_id uuid not null,
      name text not null,
      kind text not null,
      active boolean not null,
      send_hour int not null check (send_hour between 0 and 23),
      from_days int not null,
      until_days int,
      every_days int check (every_days > 0),
      created_at timestamptz not null)`);
    this.addSql(`create index rules_tenant on scheduler.rules (tenant_id) where active`);
    this.addSql(`create table scheduler.occurrences (
      id uuid primary key,
      tenant_id uuid not null,
      rule_id uuid not null references scheduler.rules (id),
      customer_id uuid not null,
      target text not null,
      step int not null,
      fire_at timestamptz not null,
      decided_at timestamptz not null,
      status text not null check (status in ('queued', 'missed', 'skipped')),
      reason text,
      invoice_ids uuid[] not null,
      unique (rule_id, customer_id, target, step))`);
    this.addSql(`create index occurrences_tenant_customer on scheduler.occurrences (tenant_id, customer_id)`);
    for (const sql of messagingTablesSql('scheduler')) this.addSql(sql);
  }
}
