import { outboxNotifySql } from '@chasqui/messaging';
import { Migration } from '@mikro-orm/migrations';

/** Every committed outbox insert notifies the relays listening on the outbox's channel: none polls while idle. */
export class Migration20261206090000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxNotifySql('renderer')) this.addSql(sql);
  }
}
