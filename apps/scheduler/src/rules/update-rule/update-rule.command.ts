import { z } from 'zod';
import { ruleDefinition } from '../rule-definition';

export const updateRuleCommand = z.object({
  tenantId: z.string(),
  ruleId: z.uuid('must be a UUID').transform((id) => id.toLowerCase()),
  rule: ruleDefinition,
});

export type UpdateRuleCommand = z.infer<typeof updateRuleCommand>;
