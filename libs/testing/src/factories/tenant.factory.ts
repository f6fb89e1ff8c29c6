import type { receivables } from '@chasqui/contracts';

/** A CreateTenant request: a Mexican hardware store in Mexico City, in pesos, unless told otherwise. */
export const aTenant = (overrides: Partial<receivables.CreateTenantRequest> = {}): receivables.CreateTenantRequest => ({
  name: 'Ferretería La Paloma',
  country: 'MX',
  timeZone: 'America/Mexico_City',
  defaultCurrency: 'MXN',
  locale: 'es-MX',
  taxId: '',
  ...overrides,
});
