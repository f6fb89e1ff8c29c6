import { Migration } from '@mikro-orm/migrations';

/** E-invoice import: the company's own tax id (issuer check) and each invoice's fiscal id (CFDI UUID). */
export class Migration20261122130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table receivables.tenants add column tax_id text not null default ''`);
    this.addSql(`alter table receivables.invoices add column fiscal_id text`);
    this.addSql(`create unique index invoices_fiscal_id on receivables.invoices (tenant_id, fiscal_id)
      where fiscal_id is not null`);
  }
}
