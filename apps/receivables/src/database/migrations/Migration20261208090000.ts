import { outboxClaimsSql } from '@chasqui/messaging';
import { Migration } from '@mikro-orm/migrations';

/** Outbox rows can be claimed by a writer that publishes them itself; every relay reads the claim. */
export class Migration20261208090000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxClaimsSql('receivables')) this.addSql(sql);
  }
}
