import { Migration } from '@mikro-orm/migrations';

/**
 * Everything that comes back (ARCHITECTURE §7): each inbound email kept raw
 * before it is read, the timeline of every message, the suppression list, and
 * who each tenant sends as. Messages keep the headers they went out with and
 * the customer's zone (where a reply's "el viernes 12" is read), and may end
 * `suppressed`.
 */
export class Migration20261203090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table delivery.messages
      add column time_zone text not null default '',
      add column headers jsonb not null default '{}'`);
    this.addSql(`alter table delivery.messages drop constraint messages_status_check`);
    this.addSql(`alter table delivery.messages add constraint messages_status_check
      check (status in ('sending', 'sent', 'deferred', 'failed', 'unknown', 'dead_lettered', 'suppressed'))`);
    this.addSql(`create index messages_message_id on delivery.messages (message_id)`);
    this.addSql(`create index messages_activity on delivery.messages (tenant_id, customer_id, created_at, id)`);

    this.addSql(`create table delivery.inbound_emails (
      id uuid primary key,
      received_at timestamptz not null,
      mail_from text not null,
      rcpt_to text[] not null,
      remote_address text not null,
      size integer not null,
      raw bytea not null,
      state text not null default 'received' check (state in ('received', 'classified', 'unmatched', 'failed')),
      kind text check (kind in ('bounce', 'complaint', 'auto_reply', 'human_reply', 'unsubscribe')),
      subject text not null default '',
      tenant_id uuid,
      message_id uuid,
      matched_by text,
      classification jsonb,
      problem text,
      attempts integer not null default 0,
      reading_until timestamptz,
      processed_at timestamptz,
      forwarded_at timestamptz
    )`);
    this.addSql(`create index inbound_emails_message on delivery.inbound_emails (tenant_id, message_id)`);
    this.addSql(
      `create index inbound_emails_pending on delivery.inbound_emails (received_at) where state = 'received'`,
    );

    this.addSql(`create table delivery.message_events (
      id uuid primary key,
      tenant_id uuid not null,
      message_id uuid not null,
      kind text not null,
      at timestamptz not null,
      recipient text not null default '',
      detail text not null default '',
      permanent boolean not null default false,
      promised_date text not null default '',
      inbound_id uuid
    )`);
    this.addSql(`create index message_events_message on delivery.message_events (message_id, at)`);
    this.addSql(`create index message_events_stats on delivery.message_events (tenant_id, kind, at)`);

    this.addSql(`create table delivery.suppressions (
      tenant_id uuid not null,
      address text not null,
      reason text not null check (reason in ('hard_bounce', 'complaint', 'unsubscribe')),
      detail text not null,
      message_id uuid,
      created_at timestamptz not null,
      primary key (tenant_id, address)
    )`);

    this.addSql(`create table delivery.sender_settings (
      tenant_id uuid primary key,
      from_name text not null,
      from_address text not null,
      reply_to text[] not null,
      dkim_domain text,
      dkim_selector text,
      dkim_key_sealed bytea,
      max_per_minute integer not null default 0,
      updated_at timestamptz not null
    )`);
  }
}
