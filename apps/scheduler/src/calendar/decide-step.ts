import type { Temporal } from '@js-temporal/polyfill';
import type { Step, StepCalendar } from './step-calendar';

export type StepDecision = Step & ({ missed: false; late: boolean } | { missed: true });

/**
 * Catch-up (ARCHITECTURE §5a): at instant `now`, only the latest step whose
 * fire instant has passed is considered. Within the grace period it is sent;
 * past it, it is recorded as missed. Earlier steps are never sent late, so a
 * scheduler that was down sends one step per target, never two.
 */
export function decideStep(
  calendar: StepCalendar,
  now: Temporal.Instant,
  graceHours: number,
): StepDecision | undefined {
  const step = calendar.latestFiredBy(now);
  if (!step) return undefined;
  const lateBy = step.fireAt.until(now, { largestUnit: 'hours' }).total({ unit: 'hours' });
  if (lateBy > graceHours) return { ...step, missed: true };
  return { ...step, missed: false, late: lateBy > 1 };
}

/**
 * The steps before `latest` that fired after `since` (the rule's last
 * completed cycle), one per day: what a late cycle records as missed. Steps
 * that collapsed into `latest`'s day are not separate sends.
 */
export function missedSince(calendar: StepCalendar, since: Temporal.Instant, latest: Step): StepDecision[] {
  return calendar
    .between(since, latest.fireAt.subtract({ nanoseconds: 1 }))
    .filter((step) => !step.localDate.equals(latest.localDate))
    .map((step) => ({ ...step, missed: true }));
}
