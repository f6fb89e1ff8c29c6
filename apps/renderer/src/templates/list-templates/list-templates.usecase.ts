import { Injectable } from '@nestjs/common';
import type { TemplateLocale } from '../../reminder/resolve-locale';
import type { ReminderKind } from '../../reminder/templates';
import type { StoredTemplate, TemplateUsage } from '../template';
import { SchedulerClient } from '../../grpc/scheduler.client';
import { TemplateRepository } from '../template.repository';

/** The tenant's templates, each with the emails it rendered and the customers it reached. */
@Injectable()
export class ListTemplatesUseCase {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly scheduler: SchedulerClient,
  ) {}

  async execute(query: {
    tenantId: string;
    kind?: ReminderKind;
    locale?: TemplateLocale;
  }): Promise<Array<{ template: StoredTemplate; usage: TemplateUsage }>> {
    const [templates, usage, rules] = await Promise.all([
      this.templates.list(query.tenantId, query),
      this.templates.usage(query.tenantId),
      this.scheduler.rules(query.tenantId),
    ]);
    const activeRules = (id: string) => rules.filter((rule) => rule.active && rule.template === id).length;
    return templates.map((template) => ({
      template,
      usage: {
        emailsRendered: 0,
        customersReached: 0,
        ...usage.get(template.id),
        activeRules: activeRules(template.id),
      },
    }));
  }
}
