import { z } from 'zod';
import { normaliseName, normaliseTaxId } from '../policy-book';
import { policyFields } from '../policy-fields';

export const addExclusionCommand = z
  .object({
    tenantId: z.string(),
    ruleId: policyFields.optionalId,
    match: z.enum(['taxId', 'legalName'], { error: 'a tax_id or a legal_name is required' }),
    taxId: z.string().nullish(),
    legalName: z.string().nullish(),
  })
  .transform((c, ctx) => {
    const raw = (c.match === 'taxId' ? c.taxId : c.legalName) ?? '';
    const value = c.match === 'taxId' ? normaliseTaxId(raw) : normaliseName(raw);
    if (value === '' || value.length > 200) {
      ctx.addIssue({ code: 'custom', path: [c.match], message: 'must be 1 to 200 characters' });
      return z.NEVER;
    }
    return {
      tenantId: c.tenantId,
      ruleId: c.ruleId,
      match: c.match === 'taxId' ? ('tax_id' as const) : ('name' as const),
      value,
    };
  });

export const removeExclusionCommand = z.object({ tenantId: z.string(), exclusionId: policyFields.id });

export type AddExclusionCommand = z.output<typeof addExclusionCommand>;
export type RemoveExclusionCommand = z.output<typeof removeExclusionCommand>;
