import { z } from 'zod';
import { tenantFields } from '../tenant-fields';

/** CreateTenant's rules for each field; an absent field is unchanged. */
export const updateTenantCommand = z.object({
  tenantId: z.string(),
  name: tenantFields.name.nullish(),
  locale: tenantFields.locale.nullish(),
  timeZone: tenantFields.timeZone.nullish(),
  defaultPaymentTermDays: tenantFields.defaultPaymentTermDays.nullish(),
  centsToleranceMinor: tenantFields.centsToleranceMinor.nullish(),
  pastInvoicesStartDate: tenantFields.startDate.nullish(),
  newInvoicesStartDate: tenantFields.startDate.nullish(),
  requireAttachments: tenantFields.requireAttachments.nullish(),
  taxId: tenantFields.taxId.nullish(),
  paymentAllocation: tenantFields.paymentAllocation,
});

export type UpdateTenantCommand = z.infer<typeof updateTenantCommand>;
