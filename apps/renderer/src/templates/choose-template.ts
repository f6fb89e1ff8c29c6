import { Injectable } from '@nestjs/common';
import type { TemplateLocale } from '../reminder/resolve-locale';
import type { ReminderKind } from '../reminder/templates';
import type { ChosenTemplate } from './template';
import { TemplateRepository } from './template.repository';

/**
 * The template a reminder is rendered with: the rule's, when it names one of this
 * tenant's templates of its kind; else the tenant's active one for the kind and the
 * reader's locale; else the built-in default (no id).
 */
@Injectable()
export class ChooseTemplate {
  constructor(private readonly templates: TemplateRepository) {}

  async for(
    tenantId: string,
    kind: ReminderKind,
    locale: TemplateLocale,
    ruleTemplateId: string,
  ): Promise<ChosenTemplate> {
    const named = /^[0-9a-f-]{36}$/i.test(ruleTemplateId)
      ? await this.templates.find(tenantId, ruleTemplateId)
      : undefined;
    const chosen = named?.kind === kind ? named : await this.templates.active(tenantId, kind, locale);
    return chosen ? { templateId: chosen.id, version: chosen.version, content: chosen.content } : {};
  }
}
