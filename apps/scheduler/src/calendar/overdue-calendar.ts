import { Temporal } from '@js-temporal/polyfill';

export interface OverdueSchedule {
  fromDays: number;
  untilDays?: number;
  everyDays?: number;
}

/** overdue(D1, D2, K): d = due + D1 + k·K while d ≤ due + D2 (ARCHITECTURE §5a). */
export function overdueFireDate(due: Temporal.PlainDate, schedule: OverdueSchedule, step: number): Temporal.PlainDate {
  return due.add({ days: schedule.fromDays + step * (schedule.everyDays ?? 0) });
}

/** The last step whose local date is on or before `date`, if any. */
export function lastStepOnOrBefore(
  due: Temporal.PlainDate,
  schedule: OverdueSchedule,
  date: Temporal.PlainDate,
): number | undefined {
  const sinceFirst = due.add({ days: schedule.fromDays }).until(date, { largestUnit: 'days' }).days;
  if (sinceFirst < 0) return undefined;
  let step = schedule.everyDays ? Math.floor(sinceFirst / schedule.everyDays) : 0;
  if (schedule.untilDays !== undefined) {
    while (
      step >= 0 &&
      Temporal.PlainDate.compare(overdueFireDate(due, schedule, step), due.add({ days: schedule.untilDays })) > 0
    )
      step--;
  }
  return step >= 0 ? step : undefined;
}
