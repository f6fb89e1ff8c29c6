import { z } from 'zod';
import { isCalendarDate, isTimeZone } from './calendar-date';
import { isCurrency } from './currency';

/** Field rules shared by the requests of this service. */
export const fields = {
  id: z.uuid('must be a UUID'),
  calendarDate: z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD'),
  currency: z.string().refine(isCurrency, 'must be an ISO 4217 currency code'),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone'),
  optionalTimeZone: z.string().refine((z) => z === '' || isTimeZone(z), 'must be an IANA time zone'),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale like es-MX'),
  optionalLocale: z.string().regex(/^([a-z]{2}(-[A-Z]{2})?)?$/, 'must be a locale like es-MX'),
  minorUnits: z
    .string()
    .regex(/^-?\d+$/, 'must be an integer amount in minor units')
    .refine((s) => BigInt(s) >= 0n, 'must not be negative')
    .refine((s) => BigInt(s) < 2n ** 62n, 'is too large'),
  text: (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`),
};
