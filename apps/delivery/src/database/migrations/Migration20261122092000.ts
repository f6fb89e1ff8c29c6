import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@chasqui/messaging';

/** The communication log: one message per occurrence, whatever happens to it. */
export class Migration20261122092000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table delivery.messages (
      id uuid primary key,
      tenant_id uuid not null,
      occurrence_id uuid not null unique,
      message_id text not null,
      customer_id uuid not null,
      invoice_ids uuid[] not null,
      recipients text[] not null,
      subject text not null,
      status text not null check (status in ('sending', 'sent', 'deferred', 'failed', 'unknown')),
      smtp_response text,
      attempts int not null,
      created_at timestamptz not null,
      updated_at timestamptz not null)`);
    this.addSql(`create index messages_customer on delivery.messages (tenant_id, customer_id, created_at)`);
    for (const sql of messagingTablesSql('delivery')) this.addSql(sql);
  }
}
