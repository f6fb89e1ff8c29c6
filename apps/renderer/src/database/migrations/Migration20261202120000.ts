import { deadLettersTableSql } from '@chasqui/messaging';
import { Migration } from '@mikro-orm/migrations';

/** Where this service keeps the messages its consumers gave up on, until an operator replays them. */
export class Migration20261202120000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of deadLettersTableSql('renderer')) this.addSql(sql);
  }
}
