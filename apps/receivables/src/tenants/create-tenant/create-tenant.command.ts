import { z } from 'zod';
import { fields } from '../../ledger/fields';

const regions = new Intl.DisplayNames(['en'], { type: 'region' });

export const createTenantCommand = z.object({
  name: fields.text(200),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .refine((code) => regions.of(code) !== code, 'is not a known country'),
  timeZone: fields.timeZone,
  defaultCurrency: fields.currency,
  locale: fields.locale,
});

export type CreateTenantCommand = z.infer<typeof createTenantCommand>;
