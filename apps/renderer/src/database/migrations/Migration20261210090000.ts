import { outboxLz4Sql } from '@chasqui/messaging';
import { Migration } from '@mikro-orm/migrations';

/** Send jobs carry their statement PDF: their outbox bodies are compressed with lz4 (see outboxLz4Sql). */
export class Migration20261210090000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxLz4Sql('renderer')) this.addSql(sql);
  }
}
