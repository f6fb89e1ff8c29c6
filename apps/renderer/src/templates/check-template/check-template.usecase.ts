import { Injectable } from '@nestjs/common';
import type { ReminderKind } from '../../reminder/templates';
import { templateInvalid, templateNotFound } from '../template.errors';
import { TemplateRepository } from '../template.repository';

/** Whether a rule of `kind` may name this template: the tenant's own, for that kind. */
@Injectable()
export class CheckTemplateUseCase {
  constructor(private readonly templates: TemplateRepository) {}

  async execute({ tenantId, templateId, kind }: { tenantId: string; templateId: string; kind: ReminderKind }) {
    const template = /^[0-9a-f-]{36}$/i.test(templateId) ? await this.templates.find(tenantId, templateId) : undefined;
    if (!template) throw templateNotFound('template');
    if (template.kind !== kind) {
      throw templateInvalid([{ field: 'template', description: `is a ${template.kind} template, not ${kind}` }]);
    }
  }
}
