import { Migration } from '@mikro-orm/migrations';

/**
 * Who is chased: each customer's enrolment, pause and per-rule switches (with
 * its name and tax id as receivables announces them), and exclusions by name
 * or tax id, for the whole policy or one rule.
 */
export class Migration20261122160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table scheduler.customer_policies (
      tenant_id uuid not null,
      customer_id uuid not null,
      legal_name text not null default '',
      tax_id text not null default '',
      known boolean not null default false,
      deleted boolean not null default false,
      enrolled boolean not null default true,
      paused_until date,
      pause_reason text,
      rule_switches jsonb not null default '{}',
      updated_at timestamptz not null default now(),
      primary key (tenant_id, customer_id))`);
    this.addSql(`create table scheduler.exclusions (
      id uuid primary key,
      tenant_id uuid not null,
      rule_id uuid references scheduler.rules (id),
      match text not null check (match in ('tax_id', 'name')),
      value text not null,
      created_at timestamptz not null,
      unique nulls not distinct (tenant_id, rule_id, match, value))`);
  }
}
