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
