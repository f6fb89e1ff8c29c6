import { Temporal } from '@js-temporal/polyfill';
import type { receivables } from '@chasqui/contracts';
import { anchorDates, mergeRanges, type DateRange } from '../calendar/anchor-dates';
import { BusinessDays } from '../calendar/business-days';
import type { InvoiceRule } from './invoice-steps';

/**
 * What a cycle asks receivables for under an invoice rule: the invoices
 * whose due date (issue date, for issue notices) has a step of the rule
 * firing in each zone after `since` — the rule's last completed cycle, else
 * the start of the grace period, a first cycle deciding nothing older — and
 * by `asOf`, and those changed since that cycle. The dates are exact per
 * zone (and the tenant's country when the rule keeps to business days);
 * open-ended rules reach back to the oldest open due date.
 */
export function collectibleWindow(
  rule: InvoiceRule,
  scope: receivables.GetCollectibleScopeResponse,
  asOf: Temporal.Instant,
  graceHours: number,
): Partial<receivables.ListCollectiblesRequest> {
  const since = rule.decidedThrough;
  // Without a last cycle, the steps not yet past the grace period: fired at or after asOf − grace.
  const after = since
    ? Temporal.Instant.fromEpochMilliseconds(since.getTime())
    : asOf.subtract({ hours: graceHours, nanoseconds: 1 });
  const floor = anchorFloor(rule, scope, asOf);
  const byZone = new Map<string, DateRange[]>();
  for (const { timeZone, country } of scope.zones) {
    const place = {
      sendHour: rule.sendHour,
      zone: timeZone,
      businessDays: rule.businessDaysOnly ? BusinessDays.of(country) : undefined,
    };
    const ranges = anchorDates(rule.schedule, place, { after, by: asOf }, floor);
    byZone.set(timeZone, mergeRanges([...(byZone.get(timeZone) ?? []), ...ranges]));
  }
  const dates: receivables.DatesByZone = {
    zones: [...byZone].map(([timeZone, ranges]) => ({
      timeZone,
      ranges: ranges.map(([first, last]) => ({ first: first.toString(), last: last.toString() })),
    })),
  };
  const changedSince = since ? since.toISOString() : '';
  if (rule.schedule.kind !== 'invoice_issued') return { dueDates: dates, changedSince };
  // issued_from also keeps the tenant's "new invoices" start date: the earliest issue date asked for.
  const firsts = dates.zones.flatMap((zone) => zone.ranges.map((range) => range.first)).sort();
  const issuedFrom = firsts[0] ?? after.toZonedDateTimeISO('UTC').toPlainDate().toString();
  return { issueDates: dates, issuedFrom, changedSince };
}

/**
 * How far back a rule's anchor dates can lie: an open due date is no older
 * than the oldest one, which stops an open-ended rule's steps. Issue dates
 * have no such bound (an invoice is issued before it falls due, the oldest
 * due date may be a month ahead of it), and an issue notice is one step.
 */
function anchorFloor(
  rule: InvoiceRule,
  scope: receivables.GetCollectibleScopeResponse,
  asOf: Temporal.Instant,
): Temporal.PlainDate {
  if (rule.schedule.kind === 'invoice_issued') return EVERY_DATE;
  if (scope.oldestDueDate) return Temporal.PlainDate.from(scope.oldestDueDate);
  return asOf.toZonedDateTimeISO('UTC').toPlainDate();
}

const EVERY_DATE = Temporal.PlainDate.from('0001-01-01');
