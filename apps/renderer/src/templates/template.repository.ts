import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';
import type { ReminderKind } from '../reminder/templates';
import type { TemplateLocale } from '../reminder/resolve-locale';
import type { StoredTemplate, TemplateUsage } from './template';

interface TemplateRow {
  id: string;
  tenant_id: string;
  kind: ReminderKind;
  locale: TemplateLocale;
  name: string;
  active: boolean;
  version: number;
  subject: string;
  from_name: string;
  html: string;
  text: string;
  updated_at: Date;
}

const CURRENT = `select t.id, t.tenant_id, t.kind, t.locale, t.name, t.active, t.version, t.updated_at,
         v.subject, v.from_name, v.html, v.text
    from ${SCHEMA}.templates t
    join ${SCHEMA}.template_versions v on v.template_id = t.id and v.version = t.version`;

export type TemplateDraft = Omit<StoredTemplate, 'id' | 'version' | 'updatedAt'> & { id?: string };

/** Tenants' templates: every save a new version, the template row pointing at its current one. */
@Injectable()
export class TemplateRepository {
  constructor(private readonly orm: MikroORM) {}

  async find(tenantId: string, id: string): Promise<StoredTemplate | undefined> {
    const rows: TemplateRow[] = await this.orm.em
      .fork()
      .execute(`${CURRENT} where t.tenant_id = ? and t.id = ?`, [tenantId, id]);
    return rows[0] && fromRow(rows[0]);
  }

  async active(tenantId: string, kind: ReminderKind, locale: TemplateLocale): Promise<StoredTemplate | undefined> {
    const rows: TemplateRow[] = await this.orm.em
      .fork()
      .execute(`${CURRENT} where t.tenant_id = ? and t.kind = ? and t.locale = ? and t.active`, [
        tenantId,
        kind,
        locale,
      ]);
    return rows[0] && fromRow(rows[0]);
  }

  async list(tenantId: string, filter: { kind?: ReminderKind; locale?: TemplateLocale }): Promise<StoredTemplate[]> {
    const rows: TemplateRow[] = await this.orm.em.fork().execute(
      `${CURRENT} where t.tenant_id = ? and (?::text is null or t.kind = ?) and (?::text is null or t.locale = ?)
        order by t.kind, t.locale, t.active desc, t.name, t.id`,
      [tenantId, filter.kind ?? null, filter.kind ?? null, filter.locale ?? null, filter.locale ?? null],
    );
    return rows.map(fromRow);
  }

  /** Emails rendered and customers reached by each of the tenant's templates. */
  async usage(tenantId: string): Promise<Map<string, Omit<TemplateUsage, 'activeRules'>>> {
    const rows: Array<{ template_id: string; emails: string; customers: string }> = await this.orm.em.fork().execute(
      `select template_id, count(*) filter (where outcome = 'rendered') as emails,
              count(distinct customer_id) filter (where outcome = 'rendered') as customers
         from ${SCHEMA}.renditions where tenant_id = ? and template_id is not null group by template_id`,
      [tenantId],
    );
    return new Map(
      rows.map((r) => [r.template_id, { emailsRendered: Number(r.emails), customersReached: Number(r.customers) }]),
    );
  }

  /**
   * A new template, or a new version of one (undefined: no such template of this tenant).
   * Activating it retires the tenant's other active one of its kind and locale, in the same transaction.
   */
  async save(draft: TemplateDraft): Promise<StoredTemplate | undefined> {
    return this.orm.em.fork().transactional(async (em) => {
      const id = draft.id ?? randomUUID();
      if (draft.active) {
        await em.execute(
          `update ${SCHEMA}.templates set active = false, updated_at = now()
            where tenant_id = ? and kind = ? and locale = ? and active and id <> ?`,
          [draft.tenantId, draft.kind, draft.locale, id],
        );
      }
      const saved: Array<{ version: number }> = draft.id
        ? await em.execute(
            `update ${SCHEMA}.templates set name = ?, active = ?, version = version + 1, kind = ?, locale = ?, updated_at = now()
              where tenant_id = ? and id = ? returning version`,
            [draft.name, draft.active, draft.kind, draft.locale, draft.tenantId, id],
          )
        : await em.execute(
            `insert into ${SCHEMA}.templates (id, tenant_id, kind, locale, name, active, version)
             values (?, ?, ?, ?, ?, ?, 1) returning version`,
            [id, draft.tenantId, draft.kind, draft.locale, draft.name, draft.active],
          );
      const [{ version } = { version: 0 }] = saved;
      if (!version) return undefined;
      const { subject, fromName, html, text } = draft.content;
      await em.execute(
        `insert into ${SCHEMA}.template_versions (template_id, version, subject, from_name, html, text)
         values (?, ?, ?, ?, ?, ?)`,
        [id, version, subject, fromName, html, text],
      );
      const rows: TemplateRow[] = await em.execute(`${CURRENT} where t.id = ?`, [id]);
      return fromRow(rows[0]!);
    });
  }
}

function fromRow(row: TemplateRow): StoredTemplate {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    locale: row.locale,
    name: row.name,
    active: row.active,
    version: row.version,
    content: { subject: row.subject, fromName: row.from_name, html: row.html, text: row.text },
    updatedAt: new Date(row.updated_at),
  };
}
