import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const getAgingReportCommand = z.object({
  tenantId: z.string(),
  asOf: fields.calendarDate,
  topDebtors: z
    .number()
    .int()
    .min(0, 'must not be negative')
    .max(1000, 'must be at most 1000')
    .transform((n) => n || 10),
});

export type GetAgingReportCommand = z.infer<typeof getAgingReportCommand>;
