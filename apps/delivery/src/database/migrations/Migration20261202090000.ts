import { Migration } from '@mikro-orm/migrations';

/**
 * What a send claim means and how it ends: a claim is leased to the process
 * on the wire (lease_until), the moment the final dot was about to go is kept
 * (final_dot_at: after it, a lost connection leaves the outcome unknown), a
 * tenant-visible reason, the job kept while the outcome is unknown (for a
 * deliberate resend), and the dead_lettered status.
 */
export class Migration20261202090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table delivery.messages
      add column reason text,
      add column lease_until timestamptz,
      add column final_dot_at timestamptz,
      add column resend_job bytea`);
    this.addSql(`alter table delivery.messages drop constraint messages_status_check`);
    this.addSql(`alter table delivery.messages add constraint messages_status_check
      check (status in ('sending', 'sent', 'deferred', 'failed', 'unknown', 'dead_lettered'))`);
    this.addSql(`create index messages_status on delivery.messages (tenant_id, status, created_at)
      where status in ('unknown', 'dead_lettered', 'deferred', 'sending')`);
  }
}
