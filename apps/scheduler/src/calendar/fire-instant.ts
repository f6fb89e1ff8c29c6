import { Temporal } from '@js-temporal/polyfill';

/**
 * The instant a rule fires on local date `date` at `hour` in `zone`. A wall time
 * in a DST gap moves forward by the gap; in an overlap the earlier instant wins
 * (Temporal's `compatible`, ARCHITECTURE §5a).
 */
export function fireInstant(date: Temporal.PlainDate, hour: number, zone: string): Temporal.Instant {
  return date.toPlainDateTime({ hour }).toZonedDateTime(zone, { disambiguation: 'compatible' }).toInstant();
}
