import { Injectable } from '@nestjs/common';
import type { TemplateLocale } from '../../reminder/resolve-locale';
import type { ReminderKind } from '../../reminder/templates';
import type { StoredTemplate, TemplateUsage } from '../template';
import { TemplateRepository } from '../template.repository';

/** The tenant's templates, each with the emails it rendered and the customers it reached. */
@Injectable()
export class ListTemplatesUseCase {
  constructor(private readonly templates: TemplateRepository) {}

  async execute(query: {
    tenantId: string;
    kind?: ReminderKind;
    locale?: TemplateLocale;
  }): Promise<Array<{ template: StoredTemplate; usage: TemplateUsage }>> {
    const [templates, usage] = await Promise.all([
      this.templates.list(query.tenantId, query),
      this.templates.usage(query.tenantId),
    ]);
    const none: TemplateUsage = { emailsRendered: 0, customersReached: 0 };
    return templates.map((template) => ({ template, usage: usage.get(template.id) ?? none }));
  }
}
