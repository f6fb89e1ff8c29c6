import { z } from 'zod';
import { fields } from '../../ledger/fields';
import { tenantFields } from '../tenant-fields';

const regions = new Intl.DisplayNames(['en'], { type: 'region' });

/** ICU names the regions it knows; anything else (or not even a code) is unknown. */
function isKnownRegion(code: string): boolean {
  try {
    return /^[A-Z]{2}$/.test(code) && regions.of(code) !== code;
  } catch {
    return false;
  }
}

export const tenantSettings = z.object({
  defaultPaymentTermDays: tenantFields.defaultPaymentTermDays.default(30),
  centsToleranceMinor: tenantFields.centsToleranceMinor.default('0'),
  pastInvoicesStartDate: tenantFields.startDate.default(''),
  newInvoicesStartDate: tenantFields.startDate.default(''),
  requireAttachments: tenantFields.requireAttachments.default(false),
  paymentAllocation: tenantFields.paymentAllocation.transform((allocation) => allocation ?? 'oldest_first'),
});

export const createTenantCommand = z.object({
  name: tenantFields.name,
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .refine(isKnownRegion, 'is not a known country'),
  timeZone: tenantFields.timeZone,
  defaultCurrency: fields.currency,
  locale: tenantFields.locale,
  taxId: tenantFields.taxId.default(''),
  settings: tenantSettings.nullish().transform((settings) => settings ?? tenantSettings.parse({})),
});

export type CreateTenantCommand = z.infer<typeof createTenantCommand>;
