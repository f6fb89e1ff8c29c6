import type { PaymentAllocation, Tenant } from './tenant.entity';

/** What UpdateTenant may change; country and default currency are fixed at creation. */
export type TenantSettable = Pick<
  Tenant,
  | 'name'
  | 'locale'
  | 'timeZone'
  | 'taxId'
  | 'defaultPaymentTermDays'
  | 'centsToleranceMinor'
  | 'pastInvoicesStartDate'
  | 'newInvoicesStartDate'
  | 'requireAttachments'
  | 'paymentAllocation'
>;

/** A requested change: an absent (null or undefined) field stays as it is; '' clears a start date. */
export interface TenantChange {
  name?: string | null;
  locale?: string | null;
  timeZone?: string | null;
  /** Already validated and normalised for the tenant's country. */
  taxId?: string | null;
  defaultPaymentTermDays?: number | null;
  centsToleranceMinor?: string | null;
  pastInvoicesStartDate?: string | null;
  newInvoicesStartDate?: string | null;
  requireAttachments?: boolean | null;
  paymentAllocation?: PaymentAllocation | null;
}

/** The tenant's settable fields after the change, and the names of those that moved. */
export function changeTenant(
  tenant: TenantSettable,
  change: TenantChange,
): { tenant: TenantSettable; changed: (keyof TenantSettable)[] } {
  const next: TenantSettable = {
    name: change.name ?? tenant.name,
    locale: change.locale ?? tenant.locale,
    timeZone: change.timeZone ?? tenant.timeZone,
    taxId: change.taxId ?? tenant.taxId,
    defaultPaymentTermDays: change.defaultPaymentTermDays ?? tenant.defaultPaymentTermDays,
    // One spelling of each amount ('050' is 50), so an unchanged tolerance never reads as a change.
    centsToleranceMinor: BigInt(change.centsToleranceMinor ?? tenant.centsToleranceMinor).toString(),
    pastInvoicesStartDate: dateOf(change.pastInvoicesStartDate, tenant.pastInvoicesStartDate),
    newInvoicesStartDate: dateOf(change.newInvoicesStartDate, tenant.newInvoicesStartDate),
    requireAttachments: change.requireAttachments ?? tenant.requireAttachments,
    paymentAllocation: change.paymentAllocation ?? tenant.paymentAllocation,
  };
  const changed = (Object.keys(next) as (keyof TenantSettable)[]).filter(
    (key) => String(next[key]) !== String(tenant[key]),
  );
  return { tenant: next, changed };
}

function dateOf(requested: string | null | undefined, current: string | null): string | null {
  if (requested == null) return current;
  return requested || null;
}
