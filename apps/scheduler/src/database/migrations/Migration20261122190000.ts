import { Migration } from '@mikro-orm/migrations';

/**
 * Approval mode: a tenant that requires it has the reminders its cycles
 * decide to send wait in its open run until someone approves it.
 */
export class Migration20261122190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table scheduler.tenant_settings (
      tenant_id uuid primary key,
      approval_required boolean not null default false,
      updated_at timestamptz not null default now())`);
    this.addSql(`create table scheduler.runs (
      id uuid primary key,
      tenant_id uuid not null,
      status text not null check (status in ('awaiting_approval', 'approved')),
      opened_at timestamptz not null,
      approved_at timestamptz)`);
    // One open run per tenant: every cycle until the approval adds to it.
    this.addSql(`create unique index runs_one_open on scheduler.runs (tenant_id) where status = 'awaiting_approval'`);
    this.addSql(`alter table scheduler.occurrences add column run_id uuid references scheduler.runs (id)`);
    this.addSql(`create index occurrences_run on scheduler.occurrences (run_id) where run_id is not null`);
    this.addSql(`alter table scheduler.occurrences drop constraint occurrences_status_check`);
    this.addSql(`alter table scheduler.occurrences add constraint occurrences_status_check
      check (status in ('queued', 'missed', 'skipped', 'awaiting_approval'))`);
  }
}
