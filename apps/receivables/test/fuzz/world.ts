import type { Metadata } from '@grpc/grpc-js';
import { call } from '../support/calls';
import type { ReceivablesServer } from '../support/receivables-server';
import type { ValidRequests } from './valid-requests';

/** What the fuzzer knows exists: the ledger it seeded before the storm, so every run draws from the same shape. */
export interface World {
  tenants: FuzzTenant[];
}

export interface FuzzTenant {
  id: string;
  auth: Metadata;
  country: string;
  currencies: string[];
  customers: FuzzCustomer[];
}

export interface FuzzCustomer {
  id: string;
  externalId: string;
  invoices: FuzzInvoice[];
}

export interface FuzzInvoice {
  id: string;
  customerId: string;
  series: string;
  folio: string;
  currency: string;
  totalMinor: number;
}

export const TENANT_PROFILES = [
  {
    request: {
      name: 'Ferretería La Paloma',
      country: 'MX',
      timeZone: 'America/Mexico_City',
      defaultCurrency: 'MXN',
      locale: 'es-MX',
    },
    currencies: ['MXN', 'USD'],
  },
  {
    request: {
      name: 'Austral SpA',
      country: 'CL',
      timeZone: 'America/Santiago',
      defaultCurrency: 'CLP',
      locale: 'es-CL',
    },
    currencies: ['CLP', 'USD'],
  },
  {
    request: { name: 'Andina SAS', country: 'CO', timeZone: 'America/Bogota', defaultCurrency: 'COP', locale: 'es-CO' },
    currencies: ['COP'],
  },
];

export const invoicesOf = (tenant: FuzzTenant): FuzzInvoice[] => tenant.customers.flatMap((c) => c.invoices);

/** One tenant per profile, each with customers and open invoices, created by valid requests. */
export async function seedWorld(
  server: ReceivablesServer,
  valid: ValidRequests,
  shape = { customers: 6, invoicesPerCustomer: 6 },
): Promise<World> {
  const world: World = { tenants: [] };
  for (const profile of TENANT_PROFILES) {
    const { id, auth } = await server.tenant(profile.request);
    const tenant: FuzzTenant = {
      id,
      auth,
      country: profile.request.country,
      currencies: profile.currencies,
      customers: [],
    };
    world.tenants.push(tenant);
    for (let c = 0; c < shape.customers; c++) {
      const request = valid.customer(tenant);
      const { customer } = await call(server.client.createCustomer(request, auth));
      const seeded: FuzzCustomer = { id: customer!.id, externalId: request.externalId, invoices: [] };
      tenant.customers.push(seeded);
      for (let i = 0; i < shape.invoicesPerCustomer; i++) {
        const { invoice } = await call(server.client.createInvoice(valid.invoice(tenant, seeded), auth));
        const { id: invoiceId, series, folio, currency, totalMinor } = invoice!;
        seeded.invoices.push({
          id: invoiceId,
          customerId: seeded.id,
          series,
          folio,
          currency,
          totalMinor: Number(totalMinor),
        });
      }
    }
  }
  return world;
}
