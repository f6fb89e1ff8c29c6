import { Migration } from '@mikro-orm/migrations';

/**
 * The ledger proper: tenant settings, customer terms, and payments, credit
 * notes and write-offs against invoices. An invoice's balance is kept beside
 * its parts and the database refuses any row where they disagree or go negative.
 */
export class Migration20261122100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table receivables.tenants
      add column default_payment_term_days int not null default 30 check (default_payment_term_days between 0 and 3650),
      add column cents_tolerance_minor bigint not null default 0 check (cents_tolerance_minor >= 0),
      add column past_invoices_start_date date,
      add column new_invoices_start_date date,
      add column require_attachments boolean not null default false`);
    this.addSql(`alter table receivables.customers
      add column credit_days int check (credit_days between 0 and 3650),
      add column delinquency_limit_days int check (delinquency_limit_days between 1 and 3650)`);
    this.addSql(`alter table receivables.contacts add column undeliverable_reason text`);
    this.addSql(`alter table receivables.invoices
      add column paid_minor bigint not null default 0 check (paid_minor >= 0),
      add column credited_minor bigint not null default 0 check (credited_minor >= 0),
      add column written_off_minor bigint not null default 0 check (written_off_minor >= 0),
      add constraint invoices_balance_adds_up
        check (balance_minor = total_minor - paid_minor - credited_minor - written_off_minor)`);
    this.addSql(`create table receivables.payments (
      id uuid primary key,
      tenant_id uuid not null references receivables.tenants (id),
      customer_id uuid not null references receivables.customers (id),
      external_id text not null,
      date date not null,
      currency char(3) not null,
      amount_minor bigint not null check (amount_minor > 0),
      unapplied_minor bigint not null check (unapplied_minor >= 0 and unapplied_minor <= amount_minor),
      created_at timestamptz not null,
      unique (tenant_id, external_id))`);
    this.addSql(`create table receivables.allocations (
      payment_id uuid not null references receivables.payments (id),
      invoice_id uuid not null references receivables.invoices (id),
      amount_minor bigint not null check (amount_minor > 0),
      primary key (payment_id, invoice_id))`);
    this.addSql(`create index allocations_invoice on receivables.allocations (invoice_id)`);
    this.addSql(`create table receivables.adjustments (
      id uuid primary key,
      tenant_id uuid not null references receivables.tenants (id),
      invoice_id uuid not null references receivables.invoices (id),
      kind text not null check (kind in ('credit_note', 'write_off')),
      external_id text not null,
      date date not null,
      amount_minor bigint not null check (amount_minor > 0),
      reason text not null,
      created_at timestamptz not null,
      unique (tenant_id, kind, external_id))`);
    this.addSql(`create index adjustments_invoice on receivables.adjustments (invoice_id)`);
  }
}
