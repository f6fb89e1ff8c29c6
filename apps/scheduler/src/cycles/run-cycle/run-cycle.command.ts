import { Temporal } from '@js-temporal/polyfill';
import { z } from 'zod';
import { occurrenceFields } from '../../occurrences/occurrence-fields';

export interface RunCycleCommand {
  tenantId: string;
  /** The instant the cycle decides for; normally now. */
  asOf: Temporal.Instant;
  /**
   * Invoices just issued: only the issue-notice rules decide, and only for
   * them (an invoice.issued event), leaving the rules' last completed cycle
   * where it was. Absent: the whole cycle.
   */
  issued?: string[];
}

/** A RunCycle request: the instant to decide for, now when absent. */
export const runCycleRequest = z
  .object({ tenantId: z.string(), asOf: occurrenceFields.instant })
  .transform(({ tenantId, asOf }): RunCycleCommand => ({
    tenantId,
    asOf: asOf ? Temporal.Instant.fromEpochMilliseconds(asOf.getTime()) : Temporal.Now.instant(),
  }));
