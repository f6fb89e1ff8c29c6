/**
 * Intl number formatters built once per locale and options: building one costs far more
 * than formatting with it (a new formatter per value was 8 % of the renderer's CPU).
 * The keys are few (a handful of locales × currencies), so the caches stay small.
 */
const numbers = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numbers.get(key);
  if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}
