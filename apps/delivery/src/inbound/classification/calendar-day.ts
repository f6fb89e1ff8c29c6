/** Calendar days as "YYYY-MM-DD": they compare as strings and carry no zone. */
export type CalendarDay = string;

/** The calendar day `now` falls on in `timeZone`. */
export function dayIn(now: Date, timeZone: string): CalendarDay {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day, or null when it does not exist (31 April, 29 February 2027). */
export function calendarDay(year: number, month: number, day: number): CalendarDay | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function parts(day: CalendarDay): { year: number; month: number; day: number } {
  const [year, month, date] = day.split('-').map(Number);
  return { year, month, day: date };
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: CalendarDay): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Days with this day of month around `today`: the last one before it, the next one from it on, and the one after. */
export function dayOfMonthAround(
  today: CalendarDay,
  dayOfMonth: number,
): { previous: CalendarDay | null; next: CalendarDay; after: CalendarDay | null } | null {
  const { year, month } = parts(today);
  const days: CalendarDay[] = [];
  for (let offset = -2; offset <= 4; offset++) {
    const index = month - 1 + offset;
    const day = calendarDay(year + Math.floor(index / 12), ((index + 12) % 12) + 1, dayOfMonth);
    if (day) days.push(day);
  }
  const next = days.findIndex((day) => day >= today);
  if (next < 0) return null;
  return { previous: days[next - 1] ?? null, next: days[next], after: days[next + 1] ?? null };
}

/** Month and day without a year: the nearest such day, as chrono reads them without forwardDate. */
export function nearestMonthDay(today: CalendarDay, month: number, day: number): CalendarDay | null {
  const { year } = parts(today);
  const distance = (d: CalendarDay) => Math.abs(Date.parse(d) - Date.parse(today));
  const options = [year - 1, year, year + 1].map((y) => calendarDay(y, month, day)).filter((d) => d !== null);
  return options.reduce<CalendarDay | null>((a, b) => (a === null || distance(b) < distance(a) ? b : a), null);
}
