import { z } from 'zod';
import { TEMPLATE_LOCALES, type TemplateLocale } from '../../reminder/resolve-locale';
import { templateKindField } from '../template.proto';
import type { GetTemplateQuery } from './get-template.usecase';

/** By id, or by kind and locale (both then required). */
export const getTemplateCommand = z
  .object({
    tenantId: z.string(),
    templateId: z.union([z.literal(''), z.uuid('must be a template id')]),
    kind: templateKindField,
    locale: z.string(),
  })
  .superRefine((q, ctx) => {
    if (q.templateId) return;
    if (!q.kind) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'required without template_id' });
    if (!(TEMPLATE_LOCALES as readonly string[]).includes(q.locale)) {
      ctx.addIssue({ code: 'custom', path: ['locale'], message: `must be one of ${TEMPLATE_LOCALES.join(', ')}` });
    }
  })
  .transform((q): GetTemplateQuery =>
    q.templateId
      ? { tenantId: q.tenantId, templateId: q.templateId }
      : { tenantId: q.tenantId, kind: q.kind!, locale: q.locale as TemplateLocale },
  );
