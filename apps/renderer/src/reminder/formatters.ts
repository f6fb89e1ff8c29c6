/**
 * Intl number formatters built once each: building one costs far more than
 * formatting with it (a new formatter per value was 8 % of the renderer's CPU).
 * Keyed by plain strings, not by serialised options: the lookup runs for every
 * amount. The keys are few (a handful of locales × currencies).
 */
const plain = new Map<string, Intl.NumberFormat>();
const money = new Map<string, Intl.NumberFormat>();
const digits = new Map<string, number>();

/** Integers (counts, days) as `locale` writes them. */
export function integerFormat(locale: string): Intl.NumberFormat {
  let format = plain.get(locale);
  if (!format) plain.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

/** Digits of `currency`'s minor unit as the runtime's ICU knows them (CLP 0, MXN 2). */
export function currencyDigits(currency: string): number {
  let known = digits.get(currency);
  if (known === undefined) {
    const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
    digits.set(currency, (known = options.maximumFractionDigits ?? 2));
  }
  return known;
}

/** Money in `currency` as `locale` writes it, with exactly the currency's minor digits. */
export function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = money.get(key);
  if (!format) {
    const fractionDigits = currencyDigits(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    money.set(key, format);
  }
  return format;
}
