import { outboxClaimsSql, outboxNotifyUnclaimedSql } from '@chasqui/messaging';
import { Migration } from '@mikro-orm/migrations';

/**
 * Outbox rows can be claimed by the writer that publishes them itself (a send job, right after its
 * rendition commits); only unclaimed rows wake the relays.
 */
export class Migration20261208090000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...outboxClaimsSql('renderer'), ...outboxNotifyUnclaimedSql('renderer')]) this.addSql(sql);
  }
}
