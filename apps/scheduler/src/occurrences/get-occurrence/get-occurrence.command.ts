import { z } from 'zod';
import { policyFields } from '../../policy/policy-fields';

export const getOccurrenceCommand = z.object({ tenantId: z.string(), occurrenceId: policyFields.id });

export type GetOccurrenceCommand = z.infer<typeof getOccurrenceCommand>;
