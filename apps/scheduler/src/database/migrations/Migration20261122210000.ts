import { Migration } from '@mikro-orm/migrations';

/** How long a customer's reminders pause after a person answers one (a tenant setting). */
export class Migration20261122210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.tenant_settings
      add column pause_days_after_reply int not null default 7 check (pause_days_after_reply between 0 and 365)`);
  }
}
