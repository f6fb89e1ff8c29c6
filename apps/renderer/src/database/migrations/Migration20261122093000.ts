import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@chasqui/messaging';

/** Renditions: what was rendered for each occurrence, once. */
export class Migration20261122093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table renderer.renditions (
      occurrence_id uuid primary key,
      tenant_id uuid not null,
      customer_id uuid not null,
      subject text not null,
      recipients text[] not null,
      pdf_sha256 text,
      pdf_bytes int,
      outcome text not null check (outcome in ('rendered', 'no_recipients', 'settled')),
      created_at timestamptz not null)`);
    for (const sql of messagingTablesSql('renderer')) this.addSql(sql);
  }
}
