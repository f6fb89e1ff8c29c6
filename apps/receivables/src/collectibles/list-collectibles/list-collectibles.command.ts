import { z } from 'zod';
import { fields } from '../../ledger/fields';

const bound = z.union([z.literal(''), fields.calendarDate]);

export const listCollectiblesCommand = z.object({
  tenantId: z.string(),
  dueFrom: bound,
  dueTo: bound,
  issuedFrom: bound,
  customerId: z.union([z.literal(''), fields.id]),
});

export type ListCollectiblesCommand = z.infer<typeof listCollectiblesCommand>;
