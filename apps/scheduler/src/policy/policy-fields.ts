import { Temporal } from '@js-temporal/polyfill';
import { z } from 'zod';

/** Field rules of the policy requests. */
export const policyFields = {
  id: z.uuid('must be a UUID').transform((id) => id.toLowerCase()),
  optionalId: z.union([z.literal(''), z.uuid('must be a UUID')]).transform((id) => id.toLowerCase() || null),
  calendarDate: z.string().refine((value) => {
    try {
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && Temporal.PlainDate.from(value, { overflow: 'reject' }).year >= 1900;
    } catch {
      return false;
    }
  }, 'must be a calendar date YYYY-MM-DD'),
};
