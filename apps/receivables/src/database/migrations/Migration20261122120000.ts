import { Migration } from '@mikro-orm/migrations';

/** The invoice's own documents (CFDI / DTE XML, PDF), kept with their digest. */
export class Migration20261122120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table receivables.attachments (
      id uuid primary key,
      tenant_id uuid not null references receivables.tenants (id),
      invoice_id uuid not null references receivables.invoices (id),
      kind text not null check (kind in ('xml', 'pdf')),
      filename text not null,
      sha256 char(64) not null,
      size_bytes int not null check (size_bytes between 1 and 5242880),
      content bytea not null,
      created_at timestamptz not null,
      unique (invoice_id, kind, sha256))`);
    this.addSql(`alter table receivables.invoices
      add column has_xml boolean not null default false,
      add column has_pdf boolean not null default false`);
  }
}
