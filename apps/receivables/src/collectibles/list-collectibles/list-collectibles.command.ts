import { z } from 'zod';
import { isCalendarDate } from '../../ledger/calendar-date';
import { fields } from '../../ledger/fields';

const bound = z.union([z.literal(''), fields.calendarDate]);

const dateRange = z
  .object({ first: fields.calendarDate, last: fields.calendarDate })
  .refine(({ first, last }) => !isCalendarDate(first) || !isCalendarDate(last) || first <= last, {
    message: 'must not end before it starts',
    path: ['last'],
  });

/** Date ranges per zone (the customer's, else the tenant's); an empty zone: every zone. */
const datesByZone = z.object({
  zones: z.array(z.object({ timeZone: fields.optionalTimeZone, ranges: z.array(dateRange).max(100_000) })).max(1000),
});

export const listCollectiblesCommand = z.object({
  tenantId: z.string(),
  dueFrom: bound,
  dueTo: bound,
  issuedFrom: bound,
  customerId: z.union([z.literal(''), fields.id]),
  dueDates: datesByZone.nullish(),
  issueDates: datesByZone.nullish(),
  changedSince: z.union([z.literal(''), z.iso.datetime({ offset: true })]),
  invoiceIds: z.array(fields.id).max(1_000_000).default([]),
});

export type ListCollectiblesCommand = z.infer<typeof listCollectiblesCommand>;
export type DatesByZone = z.infer<typeof datesByZone>;
