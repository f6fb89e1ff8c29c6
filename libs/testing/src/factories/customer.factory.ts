import type { receivables } from '@chasqui/contracts';

/** A contact who receives reminders. */
export const aContact = (overrides: Partial<receivables.NewContact> = {}): receivables.NewContact => ({
  name: 'Cuentas por pagar',
  email: 'pagos@cliente.example',
  role: 'billing',
  receivesReminders: true,
  ...overrides,
});

/** A CreateCustomer request: named after its external id, in the tenant's zone and locale, no contacts unless given. */
export const aCustomer = (
  overrides: Partial<receivables.CreateCustomerRequest> & { externalId: string },
): receivables.CreateCustomerRequest => ({
  legalName: overrides.externalId,
  taxId: '',
  timeZone: '',
  locale: '',
  contacts: [],
  ...overrides,
});
