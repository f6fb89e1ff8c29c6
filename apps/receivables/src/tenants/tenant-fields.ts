import { z } from 'zod';
import { fields } from '../ledger/fields';
import type { PaymentAllocation } from './tenant.entity';

const allocationOf: Record<string, PaymentAllocation | undefined> = {
  PAYMENT_ALLOCATION_UNSPECIFIED: undefined,
  PAYMENT_ALLOCATION_OLDEST_FIRST: 'oldest_first',
  PAYMENT_ALLOCATION_AS_GIVEN: 'as_given',
};

/**
 * The rules of each field of a tenant, wherever it is written (CreateTenant,
 * UpdateTenant), without defaults: each request says what an absent field means.
 */
export const tenantFields = {
  name: fields.text(200),
  timeZone: fields.timeZone,
  locale: fields.locale,
  /** Checked against the country in the use case. */
  taxId: z.string(),
  defaultPaymentTermDays: z.number().int().min(0, 'must not be negative').max(3650, 'must be at most 3650'),
  centsToleranceMinor: fields.minorUnits,
  /** A calendar date, or '' for none. */
  startDate: z.union([z.literal(''), fields.calendarDate]),
  requireAttachments: z.boolean(),
  /** The proto enum's name; unspecified (or absent) reads as undefined. */
  paymentAllocation: z
    .enum(Object.keys(allocationOf), {
      error: 'must be PAYMENT_ALLOCATION_OLDEST_FIRST or PAYMENT_ALLOCATION_AS_GIVEN',
    })
    .nullish()
    .transform((name) => (name ? allocationOf[name] : undefined)),
};
