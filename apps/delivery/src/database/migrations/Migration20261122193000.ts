import { Migration } from '@mikro-orm/migrations';

/** Copies (a rule's cc and bcc) and test sends, kept with each message of the log. */
export class Migration20261122193000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table delivery.messages
      add column cc text[] not null default '{}',
      add column bcc text[] not null default '{}',
      add column test boolean not null default false`);
  }
}
