import { Temporal } from '@js-temporal/polyfill';
import type { BusinessDays } from './business-days';
import { fireInstant } from './fire-instant';
import type { StepSeries } from './schedule';

export interface Step {
  step: number;
  /** The local date it fires on, after any business-day shift. */
  localDate: Temporal.PlainDate;
  fireAt: Temporal.Instant;
}

/**
 * One target's steps as they really fire: in the customer's zone at the send
 * hour, moved to the next business day when the rule says so. Steps that land
 * on the same day collapse into the latest of them (ARCHITECTURE §5a).
 */
export class StepCalendar {
  constructor(
    private readonly series: StepSeries,
    private readonly sendHour: number,
    private readonly zone: string,
    private readonly businessDays?: BusinessDays,
  ) {}

  at(step: number): Step {
    const nominal = this.series.dateOf(step);
    const localDate = this.businessDays ? this.businessDays.onOrAfter(nominal) : nominal;
    return { step, localDate, fireAt: fireInstant(localDate, this.sendHour, this.zone) };
  }

  /**
   * The latest step that has fired by `now`. A shift only moves a date
   * forward, so every step after the last nominal date on or before today
   * fires later; walking back from it finds the latest that fired, which is
   * also the one a same-day collapse keeps.
   */
  latestFiredBy(now: Temporal.Instant): Step | undefined {
    let step = this.series.lastOnOrBefore(now.toZonedDateTimeISO(this.zone).toPlainDate());
    while (step !== undefined && step >= this.series.first) {
      const candidate = this.at(step);
      if (Temporal.Instant.compare(candidate.fireAt, now) <= 0) return candidate;
      step -= 1;
    }
    return undefined;
  }

  /** The sends between two instants (from exclusive, to inclusive), collapsed by day: what a forecast shows. */
  between(from: Temporal.Instant, to: Temporal.Instant): Step[] {
    const steps: Step[] = [];
    let latest = this.latestFiredBy(to);
    while (latest && Temporal.Instant.compare(latest.fireAt, from) > 0) {
      if (!steps.length || !steps[steps.length - 1].localDate.equals(latest.localDate)) steps.push(latest);
      latest = latest.step > this.series.first ? this.at(latest.step - 1) : undefined;
    }
    return steps.reverse();
  }
}
