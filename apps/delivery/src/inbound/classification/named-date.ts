import type { CalendarDay } from './calendar-day';

export type Lang = 'es' | 'en';

/** A date named in a sentence, read forward from `today`. */
export interface NamedDate {
  index: number;
  end: number;
  /** The day meant; null when the words cannot tell (en "12/5": May 12 or December 5). */
  day: CalendarDay | null;
  /** Certainly gone: yesterday, last Friday, an explicit past year. */
  past: boolean;
  /** The weekday fits only a day just gone: "viernes 27" said on Wednesday 2 December is Friday 27 November. */
  maybePast: boolean;
}
