import { z } from 'zod';
import { policyFields } from '../../policy/policy-fields';

export const testSendCommand = z.object({
  tenantId: z.string(),
  ruleId: policyFields.id,
  customerId: policyFields.id,
  to: z.email('must be an email address').max(254, 'must be at most 254 characters'),
});
