import type { FieldViolation } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import { checkEmailHtml } from '../check-email-html';
import { ChooseTemplate } from '../choose-template';
import { REMINDER_CATALOGUE } from '../reminder-catalogue';
import type { StoredTemplate } from '../template';
import { templateInvalid, templateNotFound } from '../template.errors';
import { TemplateRepository } from '../template.repository';
import { describeViolation, validateTemplate } from '../validate-template';
import type { UpsertTemplateCommand } from './upsert-template.command';

/**
 * Saves a template as a new version, once every part of it passes the template check
 * (what was sent before keeps the version it was rendered with).
 */
@Injectable()
export class UpsertTemplateUseCase {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly choices: ChooseTemplate,
  ) {}

  async execute(command: UpsertTemplateCommand): Promise<StoredTemplate> {
    const { tenantId, templateId, kind, locale, name, active, content } = command;
    const violations: FieldViolation[] = (['subject', 'html', 'text'] as const).flatMap((part) => {
      const found = validateTemplate(content[part], REMINDER_CATALOGUE);
      // The body's HTML is judged once its Mustache is sound (a broken tag would mislead the HTML reader).
      if (part === 'html' && found.length === 0) found.push(...checkEmailHtml(content.html));
      return found.map((violation) => ({ field: `content.${part}`, description: describeViolation(violation) }));
    });
    if (violations.length > 0) throw templateInvalid(violations);
    if (templateId) {
      const existing = await this.templates.find(tenantId, templateId);
      if (!existing) throw templateNotFound();
      // Rules name a template for their kind: a template does not change what it is for.
      if (existing.kind !== kind) throw templateInvalid([{ field: 'kind', description: `must stay ${existing.kind}` }]);
    }
    const saved = await this.templates.save({ id: templateId, tenantId, kind, locale, name, active, content });
    if (!saved) throw templateNotFound();
    this.choices.forget(tenantId);
    return saved;
  }
}
