import { Temporal } from '@js-temporal/polyfill';

/**
 * When each kind of rule fires, as nominal local dates (before any business-day
 * shift), numbered by step k (ARCHITECTURE §5a). Invoice schedules count from
 * an anchor (the due date, or the issue date); statement schedules are the
 * customer's own calendar and need none.
 */
export type Schedule =
  | { kind: 'invoice_issued' }
  | { kind: 'due_soon'; daysBefore: number }
  | { kind: 'overdue'; fromDays: number; untilDays?: number; everyDays?: number }
  | { kind: 'statement_weekly'; weekday: number }
  | { kind: 'statement_monthly'; day: number }
  /** Every N days from a start date; "every 15 days" is N = 15. */
  | { kind: 'statement_interval'; start: Temporal.PlainDate; everyDays: number };

/** The steps of one schedule for one target: their dates, and which is the latest by a date. */
export interface StepSeries {
  dateOf(step: number): Temporal.PlainDate;
  /** The last step whose date is on or before `date`; undefined when none is. */
  lastOnOrBefore(date: Temporal.PlainDate): number | undefined;
  first: number;
  /** Undefined: the series never ends (statements, open-ended overdue rules). */
  last?: number;
}

// ISO weekday of 1970-01-05 is 1 (Monday): week k starts on that Monday + 7k.
const EPOCH_MONDAY = Temporal.PlainDate.from('1970-01-05');

/** A schedule counted from an anchor date (the due date, or the issue date). */
export type AnchoredSchedule = Extract<Schedule, { kind: 'invoice_issued' | 'due_soon' | 'overdue' }>;

/**
 * An anchored schedule's steps as days from the anchor: step k is on
 * anchor + offset + k·every, for k from 0 to `last` (undefined: no end).
 */
export interface AnchorOffsets {
  offset: number;
  /** 0: one step only. */
  every: number;
  /** -1: no steps at all. */
  last?: number;
}

/** overdue(D1, D2, K): d = due + D1 + k·K while d ≤ due + D2; no K: once; no D2: no end. */
export function anchorOffsets(schedule: AnchoredSchedule): AnchorOffsets {
  switch (schedule.kind) {
    case 'invoice_issued':
      return { offset: 0, every: 0, last: 0 };
    case 'due_soon':
      return { offset: -schedule.daysBefore, every: 0, last: 0 };
    case 'overdue':
      if (!schedule.everyDays) return { offset: schedule.fromDays, every: 0, last: 0 };
      return {
        offset: schedule.fromDays,
        every: schedule.everyDays,
        // D2 before D1 (refused when a rule is written) leaves last = -1: no steps.
        last:
          schedule.untilDays === undefined
            ? undefined
            : Math.floor((schedule.untilDays - schedule.fromDays) / schedule.everyDays),
      };
  }
}

export function stepSeries(schedule: Schedule, anchor: Temporal.PlainDate): StepSeries {
  switch (schedule.kind) {
    case 'invoice_issued':
    case 'due_soon':
    case 'overdue': {
      const { offset, every, last } = anchorOffsets(schedule);
      const start = anchor.add({ days: offset });
      return every === 0 ? single(start) : arithmetic(start, every, last);
    }
    case 'statement_weekly':
      return arithmetic(EPOCH_MONDAY.add({ days: schedule.weekday - 1 }), 7);
    case 'statement_interval':
      return arithmetic(schedule.start, schedule.everyDays);
    case 'statement_monthly':
      return monthly(schedule.day);
  }
}

function single(date: Temporal.PlainDate): StepSeries {
  return {
    dateOf: () => date,
    lastOnOrBefore: (d) => (Temporal.PlainDate.compare(date, d) <= 0 ? 0 : undefined),
    first: 0,
    last: 0,
  };
}

/** d = start + k·every, k ≥ 0. */
function arithmetic(start: Temporal.PlainDate, every: number, last?: number): StepSeries {
  return {
    dateOf: (k) => start.add({ days: k * every }),
    lastOnOrBefore: (d) => {
      const days = start.until(d, { largestUnit: 'days' }).days;
      if (days < 0) return undefined;
      const k = last === undefined ? Math.floor(days / every) : Math.min(Math.floor(days / every), last);
      return k >= 0 ? k : undefined;
    },
    first: 0,
    last,
  };
}

/** Day M of each month, or its last day when the month is shorter; step = months since year 0. */
function monthly(day: number): StepSeries {
  const dateOf = (k: number) => {
    const month = Temporal.PlainYearMonth.from({ year: Math.floor(k / 12), month: (k % 12) + 1 });
    return month.toPlainDate({ day: Math.min(day, month.daysInMonth) });
  };
  return {
    dateOf,
    lastOnOrBefore: (d) => {
      const k = d.year * 12 + d.month - 1;
      return Temporal.PlainDate.compare(dateOf(k), d) <= 0 ? k : k - 1;
    },
    first: 0,
  };
}
