import { z } from 'zod';
import { policyFields } from '../policy-fields';

export const setEnrollmentCommand = z.object({
  tenantId: z.string(),
  customerIds: z.array(policyFields.id).min(1, 'name at least one customer').max(10_000, 'at most 10,000 per call'),
  enrolled: z.boolean(),
});

export type SetEnrollmentCommand = z.infer<typeof setEnrollmentCommand>;
