import { minorDigits } from '../ledger/currency';

/**
 * A decimal amount as e-invoices write it ("4685.00", "6.9", "2996301") in
 * integer minor units of the currency, exactly: no floating point, and digits
 * the currency cannot hold (a third decimal of MXN that is not zero) refused.
 */
export function decimalToMinor(value: string, currency: string): string | undefined {
  const match = /^(\d{1,18})(?:\.(\d{1,6}))?$/.exec(value.trim());
  if (!match) return undefined;
  const digits = minorDigits(currency);
  const fraction = match[2] ?? '';
  if (/[1-9]/.test(fraction.slice(digits))) return undefined;
  return BigInt(match[1] + fraction.slice(0, digits).padEnd(digits, '0')).toString();
}
