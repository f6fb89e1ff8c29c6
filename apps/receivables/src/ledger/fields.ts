import { z } from 'zod';
import { isCalendarDate, isTimeZone } from './calendar-date';
import { isCurrency } from './currency';

const MAX_MINOR = 2n ** 62n;

/** An integer amount in minor units, as a decimal string; one check, so a bad string never reaches BigInt. */
function minorUnits(min: bigint) {
  return z.string().superRefine((value, ctx) => {
    const message = !/^-?\d{1,25}$/.test(value)
      ? 'must be an integer amount in minor units'
      : BigInt(value) < min
        ? min > 0n
          ? 'must be positive'
          : 'must not be negative'
        : BigInt(value) >= MAX_MINOR
          ? 'is too large'
          : undefined;
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

/** A valid amount's value; zero for anything a field check already refused. */
export function amountOf(value: string): bigint {
  return /^\d{1,25}$/.test(value) ? BigInt(value) : 0n;
}

/** Field rules shared by the requests of this service. */
export const fields = {
  // PostgreSQL compares UUIDs in any case; the use cases compare strings: one case everywhere.
  id: z.uuid('must be a UUID').transform((id) => id.toLowerCase()),
  calendarDate: z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD from 1900 to 2999'),
  currency: z.string().refine(isCurrency, 'must be an ISO 4217 currency code'),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone'),
  optionalTimeZone: z.string().refine((z) => z === '' || isTimeZone(z), 'must be an IANA time zone'),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale like es-MX'),
  optionalLocale: z.string().regex(/^([a-z]{2}(-[A-Z]{2})?)?$/, 'must be a locale like es-MX'),
  minorUnits: minorUnits(0n),
  positiveMinorUnits: minorUnits(1n),
  text: (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`),
};
