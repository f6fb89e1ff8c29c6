import { z } from 'zod';
import { TEMPLATE_LOCALES } from '../../reminder/resolve-locale';
import { requiredTemplateKindField } from '../template.proto';

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line');

/** A template as a tenant sends it; its Mustache is checked by the use case, naming line and variable. */
export const upsertTemplateCommand = z.object({
  tenantId: z.string(),
  templateId: z.union([z.literal(''), z.uuid('must be a template id')]).transform((id) => id || undefined),
  kind: requiredTemplateKindField('must name a reminder kind'),
  locale: z.enum(TEMPLATE_LOCALES, `must be one of ${TEMPLATE_LOCALES.join(', ')}`),
  name: oneLine(100).pipe(z.string().min(1, 'required')),
  active: z.boolean(),
  content: z.object(
    {
      // A 1 MB body is refused here, before any parsing (the template check has its own, tighter, bound).
      subject: z.string().max(1_000, 'must be at most 1000 characters').min(1, 'required'),
      fromName: oneLine(100),
      html: z.string().max(200_000, 'must be at most 200000 characters').min(1, 'required'),
      text: z.string().max(200_000, 'must be at most 200000 characters').min(1, 'required'),
    },
    'required',
  ),
});

export type UpsertTemplateCommand = z.output<typeof upsertTemplateCommand>;
