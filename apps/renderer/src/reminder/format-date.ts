/**
 * A calendar date 'YYYY-MM-DD' as `locale` writes it ('2025-01-05' → '5 ene 2025'
 * in es-MX). Formatted in UTC, where it was built, so no time zone moves the day.
 */
export function formatCalendarDate(date: string, locale: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  }
  return formatterFor(locale).format(utc);
}

// One formatter per locale: building one costs far more than formatting with it. Kept
// here, not in ./formatters, so this file stays self-contained (its spec runs it alone under other TZs).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string): Intl.DateTimeFormat {
  let format = formatters.get(locale);
  if (!format)
    formatters.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format;
}
