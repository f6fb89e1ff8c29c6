import { z } from 'zod';
import { policyFields } from '../policy-fields';

export const pauseCustomerCommand = z.object({
  tenantId: z.string(),
  customerId: policyFields.id,
  until: policyFields.calendarDate,
  reason: z.string().trim().max(500, 'must be at most 500 characters'),
});

export const resumeCustomerCommand = z.object({ tenantId: z.string(), customerId: policyFields.id });

export type PauseCustomerCommand = z.infer<typeof pauseCustomerCommand>;
export type ResumeCustomerCommand = z.infer<typeof resumeCustomerCommand>;
