import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@chasqui/messaging';

/** The ledger's first tables: tenants, customers and contacts, invoices. */
export class Migration20261122090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table receivables.tenants (
      id uuid primary key,
      name text not null,
      country char(2) not null,
      time_zone text not null,
      default_currency char(3) not null,
      locale text not null,
      api_key_hash text not null unique,
      created_at timestamptz not null)`);
    this.addSql(`create table receivables.customers (
      id uuid primary key,
      tenant_id uuid not null references receivables.tenants (id),
      external_id text not null,
      legal_name text not null,
      tax_id text not null,
      time_zone text,
      locale text,
      created_at timestamptz not null,
      unique (tenant_id, external_id))`);
    this.addSql(`create table receivables.contacts (
      id uuid primary key,
      tenant_id uuid not null references receivables.tenants (id),
      customer_id uuid not null references receivables.customers (id) on delete cascade,
      name text not null,
      email text not null,
      role text not null,
      receives_reminders boolean not null,
      undeliverable boolean not null default false)`);
    this.addSql(`create index contacts_customer on receivables.contacts (customer_id)`);
    this.addSql(`create table receivables.invoices (
      id uuid primary key,
      tenant_id uuid not null references receivables.tenants (id),
      customer_id uuid not null references receivables.customers (id),
      series text not null,
      folio text not null,
      issue_date date not null,
      due_date date not null check (due_date >= issue_date),
      currency char(3) not null,
      total_minor bigint not null check (total_minor >= 0),
      balance_minor bigint not null check (balance_minor >= 0 and balance_minor <= total_minor),
      created_at timestamptz not null,
      unique (tenant_id, series, folio))`);
    // The scheduler's question, "what is open and due in this window", stays an index scan.
    this.addSql(
      `create index invoices_open_by_due on receivables.invoices (tenant_id, due_date) where balance_minor > 0`,
    );
    this.addSql(
      `create index invoices_open_by_customer on receivables.invoices (tenant_id, customer_id) where balance_minor > 0`,
    );
    for (const sql of messagingTablesSql('receivables')) this.addSql(sql);
  }
}
