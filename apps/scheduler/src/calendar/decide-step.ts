import { Temporal } from '@js-temporal/polyfill';
import { fireInstant } from './fire-instant';
import { lastStepOnOrBefore, overdueFireDate, type OverdueSchedule } from './overdue-calendar';

export type StepDecision =
  | { step: number; fireAt: Temporal.Instant; localDate: Temporal.PlainDate; late: false | true; missed: false }
  | { step: number; fireAt: Temporal.Instant; localDate: Temporal.PlainDate; missed: true };

/**
 * Catch-up (ARCHITECTURE §5a): at instant `now`, only the latest step whose
 * fire instant has passed is considered. Within the grace period it is sent;
 * past it, it is recorded as missed. Earlier steps are never sent late, so a
 * scheduler that was down sends one step per target, never two.
 */
export function decideOverdueStep(input: {
  due: Temporal.PlainDate;
  schedule: OverdueSchedule;
  sendHour: number;
  zone: string;
  now: Temporal.Instant;
  graceHours: number;
}): StepDecision | undefined {
  const { due, schedule, sendHour, zone, now, graceHours } = input;
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  let step = lastStepOnOrBefore(due, schedule, today);
  if (step === undefined) return undefined;
  let localDate = overdueFireDate(due, schedule, step);
  let fireAt = fireInstant(localDate, sendHour, zone);
  if (Temporal.Instant.compare(fireAt, now) > 0) {
    // Today's step fires later today; the one before it is the latest that passed.
    if (step === 0 || !schedule.everyDays) return undefined;
    step -= 1;
    localDate = overdueFireDate(due, schedule, step);
    fireAt = fireInstant(localDate, sendHour, zone);
  }
  const lateBy = fireAt.until(now, { largestUnit: 'hours' }).total({ unit: 'hours' });
  if (lateBy > graceHours) return { step, fireAt, localDate, missed: true };
  return { step, fireAt, localDate, late: lateBy > 1, missed: false };
}
