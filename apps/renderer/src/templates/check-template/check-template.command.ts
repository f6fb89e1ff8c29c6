import { z } from 'zod';
import { requiredTemplateKindField } from '../template.proto';

/** A template a rule of `kind` names; an id that is no template of the tenant's is the use case's NOT_FOUND. */
export const checkTemplateCommand = z.object({
  tenantId: z.string(),
  templateId: z.string(),
  kind: requiredTemplateKindField('required'),
});

export type CheckTemplateCommand = z.output<typeof checkTemplateCommand>;
