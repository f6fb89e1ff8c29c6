import { receivables } from '@chasqui/contracts';
import { createTenantRequest, updateTenantRequest } from './tenant-options';

describe('tenant options', () => {
  it('update sends only what was given', () => {
    expect(updateTenantRequest({ paymentTermDays: '45', requireAttachments: false, pastInvoicesStart: '' })).toEqual({
      name: undefined,
      locale: undefined,
      timeZone: undefined,
      taxId: undefined,
      defaultPaymentTermDays: 45,
      centsToleranceMinor: undefined,
      pastInvoicesStartDate: '',
      newInvoicesStartDate: undefined,
      requireAttachments: false,
      paymentAllocation: undefined,
    });
  });

  it('update refuses nothing to do, fixed fields and bad values, naming the option', () => {
    expect(() => updateTenantRequest({})).toThrow('nothing to update');
    expect(() => updateTenantRequest({ country: 'CL' })).toThrow('--country and --currency are fixed');
    expect(() => updateTenantRequest({ paymentTermDays: '-1' })).toThrow('--payment-term-days: must be at least 0');
    expect(() => updateTenantRequest({ centsTolerance: '0.50' })).toThrow('--cents-tolerance: must be a whole number');
    expect(() => updateTenantRequest({ newInvoicesStart: '2026-02-30' })).toThrow(
      '--new-invoices-start: must be a date',
    );
    expect(() => updateTenantRequest({ paymentAllocation: 'newest' })).toThrow(
      '--payment-allocation: must be one of oldest_first, as_given',
    );
  });

  it("create names every missing field and leaves settings to the service's defaults", () => {
    expect(() => createTenantRequest({ name: 'X', locale: 'es-MX' })).toThrow(
      'missing --country, --time-zone, --currency',
    );
    expect(
      createTenantRequest({
        name: 'X',
        country: 'mx',
        timeZone: 'America/Mexico_City',
        currency: 'mxn',
        locale: 'es-MX',
      }),
    ).toEqual({
      name: 'X',
      country: 'MX',
      timeZone: 'America/Mexico_City',
      defaultCurrency: 'MXN',
      locale: 'es-MX',
      taxId: '',
      settings: undefined,
    });
  });

  it('create with one setting sends the defaults for the others', () => {
    const request = createTenantRequest({
      name: 'X',
      country: 'CL',
      timeZone: 'America/Santiago',
      currency: 'CLP',
      locale: 'es-CL',
      paymentAllocation: 'as_given',
    });
    expect(request.settings).toEqual({
      defaultPaymentTermDays: 30,
      centsToleranceMinor: '0',
      pastInvoicesStartDate: '',
      newInvoicesStartDate: '',
      requireAttachments: false,
      paymentAllocation: receivables.PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN,
    });
  });
});
