import { z } from 'zod';
import { templateKindField } from '../../templates/template.proto';

const uuid = z.uuid('must be an id');
const optionalId = z.union([z.literal(''), uuid]);

/** Exactly one of rule, template or kind says what to preview. */
export const previewReminderCommand = z
  .object({
    tenantId: z.string(),
    customerId: uuid,
    asOf: z.iso.date('must be a date, YYYY-MM-DD'),
    ruleId: optionalId,
    templateId: optionalId,
    kind: templateKindField,
    invoiceIds: z.array(uuid).max(1000, 'at most 1000'),
  })
  .superRefine((command, ctx) => {
    const given = [command.ruleId, command.templateId, command.kind].filter(Boolean).length;
    if (given !== 1) {
      ctx.addIssue({ code: 'custom', path: ['rule_id'], message: 'give exactly one of rule_id, template_id or kind' });
    }
  });

export type PreviewReminderCommand = z.output<typeof previewReminderCommand>;
