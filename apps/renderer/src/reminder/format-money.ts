import { currencyDigits, moneyFormat } from './formatters';

/**
 * Digits of `currency`'s minor unit as the runtime's ICU knows them (CLP 0, MXN 2):
 * the rule receivables stores amounts by (apps/receivables/src/ledger/currency.ts).
 */
export function minorDigits(currency: string): number {
  return currencyDigits(currency);
}

/**
 * An amount in integer minor units, written as `locale` writes money:
 * ('123456', 'MXN', 'es-MX') → '$1,234.56'; ('1234567', 'CLP', 'es-CL') → '$1.234.567'.
 * Exact at any size: the decimal is built as a string, never a float.
 */
export function formatMoney(minor: string, currency: string, locale: string): string {
  if (!/^-?\d+$/.test(minor)) throw new RangeError(`Not an integer amount of minor units: "${minor}"`);
  const digits = minorDigits(currency);
  const value = BigInt(minor);
  const magnitude = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
  const units = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits > 0 ? `.${magnitude.slice(-digits)}` : '';
  const decimal = `${value < 0n ? '-' : ''}${units}${fraction}`;
  const format = moneyFormat(locale, currency);
  // Intl.NumberFormat formats a decimal string exactly (ES2023); this lib's typings stop at ES2022.
  return format.format(decimal as unknown as number);
}
