import { z } from 'zod';
import { policyFields } from '../../policy/policy-fields';

export const approveRunCommand = z.object({ tenantId: z.string(), runId: policyFields.id });

export type ApproveRunCommand = z.infer<typeof approveRunCommand>;
