import { changeTenant, type TenantChange, type TenantSettable } from './tenant-change';

const tenant: TenantSettable = {
  name: 'Ferretería La Paloma',
  locale: 'es-MX',
  timeZone: 'America/Mexico_City',
  taxId: 'ISD950921HE5',
  defaultPaymentTermDays: 30,
  centsToleranceMinor: '50',
  pastInvoicesStartDate: '2026-01-01',
  newInvoicesStartDate: null,
  requireAttachments: false,
  paymentAllocation: 'oldest_first',
};

describe('changeTenant', () => {
  it.each<[string, TenantChange, Partial<TenantSettable>, (keyof TenantSettable)[]]>([
    ['nothing asked', {}, {}, []],
    ['every field absent as null', { name: null, taxId: null, requireAttachments: null }, {}, []],
    ['the same values again', { name: tenant.name, defaultPaymentTermDays: 30, centsToleranceMinor: '050' }, {}, []],
    ['a new name', { name: 'La Paloma SA' }, { name: 'La Paloma SA' }, ['name']],
    [
      'a zero term (not absent)',
      { defaultPaymentTermDays: 0 },
      { defaultPaymentTermDays: 0 },
      ['defaultPaymentTermDays'],
    ],
    ['no tolerance', { centsToleranceMinor: '0' }, { centsToleranceMinor: '0' }, ['centsToleranceMinor']],
    [
      'attachments no longer required (false is not absent)',
      { requireAttachments: true },
      { requireAttachments: true },
      ['requireAttachments'],
    ],
    ['a start date cleared', { pastInvoicesStartDate: '' }, { pastInvoicesStartDate: null }, ['pastInvoicesStartDate']],
    [
      'a start date set',
      { newInvoicesStartDate: '2026-12-01' },
      { newInvoicesStartDate: '2026-12-01' },
      ['newInvoicesStartDate'],
    ],
    ['a cleared date cleared again', { newInvoicesStartDate: '' }, {}, []],
    ['the tax id cleared', { taxId: '' }, { taxId: '' }, ['taxId']],
    [
      'payments as the ERP gives them',
      { paymentAllocation: 'as_given' },
      { paymentAllocation: 'as_given' },
      ['paymentAllocation'],
    ],
    [
      'several at once',
      { locale: 'en', timeZone: 'America/Tijuana' },
      { locale: 'en', timeZone: 'America/Tijuana' },
      ['locale', 'timeZone'],
    ],
  ])('%s', (_, change, moved, changed) => {
    const result = changeTenant(tenant, change);
    expect(result.tenant).toEqual({ ...tenant, ...moved });
    expect(result.changed).toEqual(changed);
  });

  it('leaves the tenant it was given as it was', () => {
    const before = { ...tenant };
    changeTenant(tenant, { name: 'Otra', pastInvoicesStartDate: '' });
    expect(tenant).toEqual(before);
  });
});
