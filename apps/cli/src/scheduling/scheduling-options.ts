import { scheduler } from '@chasqui/contracts';
import { UsageError } from '../cli-errors';
import { timestamp } from '../output/output';
import { calendarDate, instant, oneOf } from '../output/values';

const STATUSES = ['queued', 'skipped', 'missed', 'awaiting_approval', 'dead_lettered', 'cancelled'] as const;

export interface OccurrenceOptions {
  rule?: string;
  invoice?: string;
  status?: string;
  reason?: string;
  from?: string;
  to?: string;
}

/** ListOccurrences' filters from the command line (a page is asked for separately). */
export function occurrenceFilters(
  customerId: string | undefined,
  options: OccurrenceOptions,
): Omit<scheduler.ListOccurrencesRequest, 'pageSize' | 'pageToken'> {
  const status = options.status === undefined ? undefined : oneOf('--status', options.status, STATUSES);
  return {
    customerId: customerId ?? '',
    ruleId: options.rule ?? '',
    invoiceId: options.invoice,
    status: status && (`OCCURRENCE_STATUS_${status.toUpperCase()}` as scheduler.OccurrenceStatus),
    reason: options.reason,
    decidedFrom: options.from === undefined ? undefined : timestamp(instant('--from', options.from)),
    decidedTo: options.to === undefined ? undefined : timestamp(instant('--to', options.to)),
  };
}

const DAY_MS = 86_400_000;

/** Forecast's window: from today (or --from) to 30 days later (or --to), local dates of the customer's zone. */
export function forecastRequest(
  customerId: string,
  options: { invoice?: string; from?: string; to?: string },
  today: Date,
): scheduler.ForecastRequest {
  const fromDate = options.from === undefined ? today.toISOString().slice(0, 10) : calendarDate('--from', options.from);
  const toDate =
    options.to === undefined
      ? new Date(Date.parse(`${fromDate}T00:00:00Z`) + 30 * DAY_MS).toISOString().slice(0, 10)
      : calendarDate('--to', options.to);
  if (toDate < fromDate) throw new UsageError('--to: must not be before --from');
  return { customerId, invoiceId: options.invoice ?? '', fromDate, toDate };
}
