import { Migration } from '@mikro-orm/migrations';

/** Two tenant settings: late issue notices recorded missed or sent late, and whether new customers start enrolled. */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scheduler.tenant_settings
      add column late_issue_notices text not null default 'missed' check (late_issue_notices in ('missed', 'send_late')),
      add column new_customers_enrolled boolean not null default true`);
  }
}
