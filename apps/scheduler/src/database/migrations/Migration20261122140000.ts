import { Migration } from '@mikro-orm/migrations';

/** Every rule kind: the schedule becomes JSON by kind; rules gain template, audience, grouping, business days. */
export class Migration20261122140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.rules
      add column deleted boolean not null default false,
      add column template text not null default '',
      add column audience jsonb not null default '{"contactRoles":[],"extraRecipients":[],"cc":[],"bcc":[]}',
      add column grouping text not null default 'per_invoice' check (grouping in ('per_invoice', 'per_customer')),
      add column business_days_only boolean not null default false,
      add column schedule jsonb,
      add column updated_at timestamptz`);
    this.addSql(`update scheduler.rules set updated_at = created_at, schedule = jsonb_strip_nulls(jsonb_build_object(
      'kind', 'overdue', 'fromDays', from_days, 'untilDays', until_days, 'everyDays', every_days))`);
    this.addSql(`alter table scheduler.rules
      alter column schedule set not null,
      alter column updated_at set not null,
      add constraint rules_kind check (kind in
        ('overdue', 'invoice_issued', 'due_soon', 'statement', 'account_closing', 'account_closed')),
      add constraint rules_schedule_kind check (schedule ->> 'kind' = kind),
      drop column from_days,
      drop column until_days,
      drop column every_days`);
    this.addSql(`drop index scheduler.rules_tenant`);
    this.addSql(`create index rules_tenant on scheduler.rules (tenant_id) where active and not deleted`);
  }
}
