import { Temporal } from '@js-temporal/polyfill';
import { z } from 'zod';
import { policyFields } from '../policy/policy-fields';

export const forecastCommand = z
  .object({
    tenantId: z.string(),
    customerId: policyFields.id,
    invoiceId: policyFields.optionalId,
    fromDate: policyFields.calendarDate,
    toDate: policyFields.calendarDate,
  })
  .refine((c) => c.toDate >= c.fromDate, { path: ['toDate'], message: 'must not be before from_date' })
  .refine((c) => Temporal.PlainDate.from(c.fromDate).until(c.toDate).days <= 366, {
    path: ['toDate'],
    message: 'must be at most 366 days after from_date',
  });
