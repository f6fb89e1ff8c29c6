import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const listContactsCommand = z.object({
  tenantId: z.string(),
  customerIds: z.array(fields.id).min(1).max(1000),
});

export type ListContactsCommand = z.infer<typeof listContactsCommand>;
