import { z } from 'zod';
import { fields } from '../../ledger/fields';

const regions = new Intl.DisplayNames(['en'], { type: 'region' });

/** ICU names the regions it knows; anything else (or not even a code) is unknown. */
function isKnownRegion(code: string): boolean {
  try {
    return /^[A-Z]{2}$/.test(code) && regions.of(code) !== code;
  } catch {
    return false;
  }
}
const optionalDate = z.union([z.literal(''), fields.calendarDate]).default('');

export const tenantSettings = z.object({
  defaultPaymentTermDays: z.number().int().min(0, 'must not be negative').max(3650, 'must be at most 3650').default(30),
  centsToleranceMinor: fields.minorUnits.default('0'),
  pastInvoicesStartDate: optionalDate,
  newInvoicesStartDate: optionalDate,
  requireAttachments: z.boolean().default(false),
});

export const createTenantCommand = z.object({
  name: fields.text(200),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .refine(isKnownRegion, 'is not a known country'),
  timeZone: fields.timeZone,
  defaultCurrency: fields.currency,
  locale: fields.locale,
  /** Checked against the country in the use case. */
  taxId: z.string().default(''),
  settings: tenantSettings.nullish().transform((settings) => settings ?? tenantSettings.parse({})),
});

export type CreateTenantCommand = z.infer<typeof createTenantCommand>;
