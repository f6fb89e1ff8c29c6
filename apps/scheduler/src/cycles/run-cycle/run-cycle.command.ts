import { Temporal } from '@js-temporal/polyfill';

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
