import { z } from 'zod';
import { fields } from '../../ledger/fields';

export type AdjustmentKind = 'credit_note' | 'write_off';

export const recordAdjustmentCommand = z.object({
  tenantId: z.string(),
  externalId: fields.text(100),
  invoiceId: fields.id,
  date: fields.calendarDate,
  /** Absent on a write-off: the whole balance. */
  amountMinor: fields.positiveMinorUnits.nullish(),
  reason: z.string().trim().max(500, 'must be at most 500 characters'),
});

export type RecordAdjustmentCommand = z.infer<typeof recordAdjustmentCommand> & { kind: AdjustmentKind };
