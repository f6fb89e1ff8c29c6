import { Temporal } from '@js-temporal/polyfill';

export interface RunCycleCommand {
  tenantId: string;
  /** The instant the cycle decides for; normally now. */
  asOf: Temporal.Instant;
}
