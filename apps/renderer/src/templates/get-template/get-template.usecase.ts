import { Injectable } from '@nestjs/common';
import type { TemplateLocale } from '../../reminder/resolve-locale';
import { DEFAULT_TEMPLATES, type ReminderKind } from '../../reminder/templates';
import type { StoredTemplate } from '../template';
import { templateNotFound } from '../template.errors';
import { TemplateRepository } from '../template.repository';

export type GetTemplateQuery =
  { tenantId: string; templateId: string } | { tenantId: string; kind: ReminderKind; locale: TemplateLocale };

/**
 * A template by id, or the one a reminder of a kind and locale would use now: the
 * tenant's active one, else the built-in default (no id, version 0) to start from.
 */
@Injectable()
export class GetTemplateUseCase {
  constructor(private readonly templates: TemplateRepository) {}

  async execute(query: GetTemplateQuery): Promise<StoredTemplate> {
    if ('templateId' in query) {
      const found = await this.templates.find(query.tenantId, query.templateId);
      if (!found) throw templateNotFound();
      return found;
    }
    const { tenantId, kind, locale } = query;
    const active = await this.templates.active(tenantId, kind, locale);
    if (active) return active;
    const builtIn = DEFAULT_TEMPLATES[locale].emails[kind];
    return {
      id: '',
      tenantId,
      kind,
      locale,
      name: 'Default',
      active: false,
      version: 0,
      content: { ...builtIn, fromName: builtIn.fromName ?? '' },
      updatedAt: new Date(0),
    };
  }
}
