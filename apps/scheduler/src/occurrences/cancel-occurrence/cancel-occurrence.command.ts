import { z } from 'zod';
import { policyFields } from '../../policy/policy-fields';

export const cancelOccurrenceCommand = z.object({ tenantId: z.string(), occurrenceId: policyFields.id });

export type CancelOccurrenceCommand = z.infer<typeof cancelOccurrenceCommand>;
