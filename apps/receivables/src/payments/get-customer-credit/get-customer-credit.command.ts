import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const getCustomerCreditCommand = z.object({
  tenantId: z.string(),
  customerId: fields.id,
});

export type GetCustomerCreditCommand = z.infer<typeof getCustomerCreditCommand>;
