import { Migration } from '@mikro-orm/migrations';

/**
 * Each company's voice: templates (every save a version; one active per kind and
 * locale), branding, payment instructions; renditions record the template version used.
 */
export class Migration20261203120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table renderer.templates (
      id uuid primary key,
      tenant_id uuid not null,
      kind text not null,
      locale text not null,
      name text not null,
      active boolean not null,
      version int not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now())`);
    this.addSql(
      `create unique index templates_one_active on renderer.templates (tenant_id, kind, locale) where active`,
    );
    this.addSql(`create index templates_by_tenant on renderer.templates (tenant_id, kind, locale)`);
    this.addSql(`create table renderer.template_versions (
      template_id uuid not null references renderer.templates (id),
      version int not null,
      subject text not null,
      from_name text not null,
      html text not null,
      text text not null,
      created_at timestamptz not null default now(),
      primary key (template_id, version))`);
    this.addSql(`alter table renderer.renditions add column template_id uuid, add column template_version int`);
    this.addSql(
      `create index renditions_by_template on renderer.renditions (template_id) where template_id is not null`,
    );
    this.addSql(`create table renderer.brandings (
      tenant_id uuid primary key,
      logo bytea,
      logo_content_type text not null default '',
      alignment text not null,
      primary_colour text not null,
      accent_colour text not null,
      address text not null,
      phone text not null,
      website text not null,
      tax_id text not null,
      paper text not null,
      updated_at timestamptz not null default now())`);
    this.addSql(`create table renderer.payment_instructions (
      tenant_id uuid primary key,
      accounts jsonb not null,
      note text not null,
      updated_at timestamptz not null default now())`);
  }
}
