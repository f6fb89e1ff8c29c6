import { z } from 'zod';

export const deleteRuleCommand = z.object({
  tenantId: z.string(),
  ruleId: z.uuid('must be a UUID').transform((id) => id.toLowerCase()),
});

export type DeleteRuleCommand = z.infer<typeof deleteRuleCommand>;
