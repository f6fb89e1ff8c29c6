import { z } from 'zod';

export const deleteCustomerCommand = z.object({ tenantId: z.string(), customerId: z.uuid('must be a UUID') });

export type DeleteCustomerCommand = z.infer<typeof deleteCustomerCommand>;
