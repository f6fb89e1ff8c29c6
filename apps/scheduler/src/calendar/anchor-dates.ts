import { Temporal } from '@js-temporal/polyfill';
import type { BusinessDays } from './business-days';
import { fireInstant } from './fire-instant';
import { anchorOffsets, type AnchoredSchedule } from './schedule';

/** Inclusive. */
export type DateRange = [first: Temporal.PlainDate, last: Temporal.PlainDate];

/** Where and when a rule fires: its send hour in one zone, business days of one country or every day. */
export interface FiringPlace {
  sendHour: number;
  zone: string;
  businessDays?: BusinessDays;
}

/**
 * The anchor dates (due dates; issue dates for issue notices) on or after
 * `floor` whose calendar — StepCalendar over stepSeries, in `place` — has a
 * step firing after `after` and by `by`, as sorted disjoint ranges. Exact,
 * not a bound: the inverse of the calendar, step by step. A fire instant
 * grows with its local date, so the days that fire in the window are one
 * run [d1, d2]; a business-day shift only moves a date forward to the next
 * business day, so the nominal dates landing on those days are one run too,
 * [n1, n2]; and step k is n = anchor + offset + k·every.
 */
export function anchorDates(
  schedule: AnchoredSchedule,
  place: FiringPlace,
  window: { after: Temporal.Instant; by: Temporal.Instant },
  floor: Temporal.PlainDate,
): DateRange[] {
  const days = firingDays(place, window.after, window.by);
  if (!days) return [];
  const nominal = nominalDates(days, place.businessDays);
  if (!nominal) return [];
  const { offset, every, last } = anchorOffsets(schedule);
  const ranges: DateRange[] = [];
  // From the latest anchors (k = 0) back to the floor; each step k's anchors lie k·every days before.
  for (let k = 0; last === undefined || k <= last; k++) {
    const back = offset + k * every;
    const first = laterOf(nominal[0].subtract({ days: back }), floor);
    const lastAnchor = nominal[1].subtract({ days: back });
    if (Temporal.PlainDate.compare(lastAnchor, floor) < 0) break;
    ranges.push([first, lastAnchor]);
    if (every === 0) break;
  }
  return mergeRanges(ranges);
}

/** The local dates whose send hour falls after `after` and by `by`: one run of days, or none. */
export function firingDays(
  { sendHour, zone }: FiringPlace,
  after: Temporal.Instant,
  by: Temporal.Instant,
): DateRange | undefined {
  const fires = (day: Temporal.PlainDate) => fireInstant(day, sendHour, zone);
  // The first day firing after `after`: from a day that fired before it, forward.
  let first = after.toZonedDateTimeISO(zone).toPlainDate();
  while (Temporal.Instant.compare(fires(first), after) > 0) first = first.subtract({ days: 1 });
  while (Temporal.Instant.compare(fires(first), after) <= 0) first = first.add({ days: 1 });
  // The last day firing by `by`: from a day that fires after it, back.
  let last = by.toZonedDateTimeISO(zone).toPlainDate();
  while (Temporal.Instant.compare(fires(last), by) <= 0) last = last.add({ days: 1 });
  while (Temporal.Instant.compare(fires(last), by) > 0) last = last.subtract({ days: 1 });
  return Temporal.PlainDate.compare(first, last) <= 0 ? [first, last] : undefined;
}

/**
 * The nominal dates a business-day shift lands on [d1, d2]: a date lands
 * on or before d2 when a business day lies between it and d2, and on or
 * after d1 when none lies between it and the day before d1.
 */
function nominalDates(days: DateRange, businessDays?: BusinessDays): DateRange | undefined {
  if (!businessDays) return days;
  const first = businessDays.onOrBefore(days[0].subtract({ days: 1 })).add({ days: 1 });
  const last = businessDays.onOrBefore(days[1]);
  return Temporal.PlainDate.compare(first, last) <= 0 ? [first, last] : undefined;
}

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => Temporal.PlainDate.compare(a[0], b[0]));
  const merged: DateRange[] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && Temporal.PlainDate.compare(first, previous[1].add({ days: 1 })) <= 0) {
      if (Temporal.PlainDate.compare(last, previous[1]) > 0) previous[1] = last;
    } else merged.push([first, last]);
  }
  return merged;
}

const laterOf = (a: Temporal.PlainDate, b: Temporal.PlainDate) => (Temporal.PlainDate.compare(a, b) >= 0 ? a : b);
