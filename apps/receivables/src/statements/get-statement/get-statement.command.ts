import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const getStatementCommand = z.object({
  tenantId: z.string(),
  customerId: fields.id,
  asOf: fields.calendarDate,
});

export type GetStatementCommand = z.infer<typeof getStatementCommand>;
