import { z } from 'zod';
import { fields } from '../../ledger/fields';

export const getStatementCommand = z.object({
  tenantId: z.string(),
  customerId: fields.id,
  asOf: fields.calendarDate,
  scope: z
    .enum(['STATEMENT_SCOPE_UNSPECIFIED', 'STATEMENT_SCOPE_ALL_OPEN', 'STATEMENT_SCOPE_OVERDUE_ONLY'])
    .default('STATEMENT_SCOPE_UNSPECIFIED')
    .transform((scope) => (scope === 'STATEMENT_SCOPE_OVERDUE_ONLY' ? 'overdue_only' : 'all_open')),
});

export type GetStatementCommand = z.infer<typeof getStatementCommand>;
