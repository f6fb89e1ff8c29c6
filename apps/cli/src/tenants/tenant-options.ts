import { receivables } from '@chasqui/contracts';
import { UsageError } from '../cli-errors';
import { calendarDate, integer, minorUnits, oneOf } from '../output/values';

/** `tenants create` and `tenants update` options as commander parses them. */
export interface TenantOptions {
  name?: string;
  country?: string;
  timeZone?: string;
  currency?: string;
  locale?: string;
  taxId?: string;
  paymentTermDays?: string;
  centsTolerance?: string;
  pastInvoicesStart?: string;
  newInvoicesStart?: string;
  requireAttachments?: boolean;
  paymentAllocation?: string;
}

const ALLOCATIONS = ['oldest_first', 'as_given'] as const;
const allocation = (text: string): receivables.PaymentAllocation =>
  oneOf('--payment-allocation', text, ALLOCATIONS) === 'as_given'
    ? receivables.PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN
    : receivables.PaymentAllocation.PAYMENT_ALLOCATION_OLDEST_FIRST;

/** An empty date clears it; else YYYY-MM-DD. */
const optionalDate = (flag: string, text: string) => (text === '' ? '' : calendarDate(flag, text));

/** UpdateTenant: only what was given changes. */
export function updateTenantRequest(options: TenantOptions): receivables.UpdateTenantRequest {
  if (options.country !== undefined || options.currency !== undefined) {
    throw new UsageError('--country and --currency are fixed when the tenant is created');
  }
  const request: receivables.UpdateTenantRequest = {
    name: options.name,
    locale: options.locale,
    timeZone: options.timeZone,
    taxId: options.taxId,
    defaultPaymentTermDays:
      options.paymentTermDays === undefined ? undefined : integer('--payment-term-days', options.paymentTermDays, 0),
    centsToleranceMinor:
      options.centsTolerance === undefined ? undefined : minorUnits('--cents-tolerance', options.centsTolerance),
    pastInvoicesStartDate:
      options.pastInvoicesStart === undefined
        ? undefined
        : optionalDate('--past-invoices-start', options.pastInvoicesStart),
    newInvoicesStartDate:
      options.newInvoicesStart === undefined
        ? undefined
        : optionalDate('--new-invoices-start', options.newInvoicesStart),
    requireAttachments: options.requireAttachments,
    paymentAllocation: options.paymentAllocation === undefined ? undefined : allocation(options.paymentAllocation),
  };
  if (Object.values(request).every((v) => v === undefined))
    throw new UsageError('nothing to update: give at least one option');
  return request;
}

/** CreateTenant: name, country, zone, currency and locale are required; settings default as the service says. */
export function createTenantRequest(options: TenantOptions): receivables.CreateTenantRequest {
  const required = {
    name: '--name',
    country: '--country',
    timeZone: '--time-zone',
    currency: '--currency',
    locale: '--locale',
  };
  const missing = Object.entries(required).filter(([key]) => !options[key as keyof TenantOptions]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map(([, flag]) => flag).join(', ')}`);
  return {
    name: options.name!,
    country: options.country!.toUpperCase(),
    timeZone: options.timeZone!,
    defaultCurrency: options.currency!.toUpperCase(),
    locale: options.locale!,
    taxId: options.taxId ?? '',
    settings: createSettings(options),
  };
}

const SETTINGS_OPTIONS = [
  'paymentTermDays',
  'centsTolerance',
  'pastInvoicesStart',
  'newInvoicesStart',
  'requireAttachments',
  'paymentAllocation',
] as const;

/** The settings given at creation; none given: absent, so the service's defaults apply. */
function createSettings(options: TenantOptions): receivables.TenantSettings | undefined {
  if (SETTINGS_OPTIONS.every((key) => options[key] === undefined)) return undefined;
  return {
    defaultPaymentTermDays:
      options.paymentTermDays === undefined ? 30 : integer('--payment-term-days', options.paymentTermDays, 0),
    centsToleranceMinor:
      options.centsTolerance === undefined ? '0' : minorUnits('--cents-tolerance', options.centsTolerance),
    pastInvoicesStartDate: optionalDate('--past-invoices-start', options.pastInvoicesStart ?? ''),
    newInvoicesStartDate: optionalDate('--new-invoices-start', options.newInvoicesStart ?? ''),
    requireAttachments: options.requireAttachments ?? false,
    paymentAllocation: options.paymentAllocation === undefined ? undefined : allocation(options.paymentAllocation),
  };
}
