import { badAllocations, badContacts, badId, badSettings } from './compound-mutations';
import type { Rng } from './rng';
import { addDays } from './valid-requests';
import * as bad from './values';
import { invoicesOf, type FuzzTenant, type World } from './world';

export type Rpc =
  | 'CreateTenant'
  | 'CreateCustomer'
  | 'CreateInvoice'
  | 'RecordPayment'
  | 'RecordCreditNote'
  | 'WriteOff'
  | 'GetStatement';

type Kind =
  | 'text'
  | 'externalId'
  | 'folio'
  | 'taxId'
  | 'zone'
  | 'locale'
  | 'country'
  | 'contacts'
  | 'days'
  | 'settings'
  | 'customerId'
  | 'invoiceId'
  | 'date'
  | 'dueDate'
  | 'currency'
  | 'amount'
  | 'allocations'
  | 'scope';

/** Each request field and the kind of bad value it gets. */
export const FIELDS: Record<Rpc, Record<string, Kind>> = {
  CreateTenant: {
    name: 'text',
    country: 'country',
    timeZone: 'zone',
    defaultCurrency: 'currency',
    locale: 'locale',
    settings: 'settings',
  },
  CreateCustomer: {
    externalId: 'externalId',
    legalName: 'text',
    taxId: 'taxId',
    timeZone: 'zone',
    locale: 'locale',
    contacts: 'contacts',
    creditDays: 'days',
    delinquencyLimitDays: 'days',
  },
  CreateInvoice: {
    customerId: 'customerId',
    series: 'text',
    folio: 'folio',
    issueDate: 'date',
    dueDate: 'dueDate',
    currency: 'currency',
    totalMinor: 'amount',
  },
  RecordPayment: {
    externalId: 'externalId',
    customerId: 'customerId',
    date: 'date',
    currency: 'currency',
    amountMinor: 'amount',
    allocations: 'allocations',
  },
  RecordCreditNote: {
    externalId: 'externalId',
    invoiceId: 'invoiceId',
    date: 'date',
    amountMinor: 'amount',
    reason: 'text',
  },
  WriteOff: { externalId: 'externalId', invoiceId: 'invoiceId', date: 'date', amountMinor: 'amount', reason: 'text' },
  GetStatement: { customerId: 'customerId', asOf: 'date', scope: 'scope' },
};

export interface MutationContext {
  rng: Rng;
  world: World;
  /** The tenant the request is sent as; undefined for CreateTenant. */
  tenant?: FuzzTenant;
  request: Record<string, unknown>;
  /** External ids already sent for this RPC by this tenant: reused with different content. */
  takenExternalIds: string[];
}

/** A bad value for the field, or (for allocations) a bad list; returns what it did, for the report. */
export function mutate(kind: Kind, ctx: MutationContext): { what: string; value: unknown } {
  const { rng } = ctx;
  const value = (v: unknown, what = 'bad value') => ({ what, value: v });
  switch (kind) {
    case 'text':
      return value(bad.nastyText(rng), 'nasty text');
    case 'externalId':
      return ctx.takenExternalIds.length > 0 && rng.chance(0.6)
        ? value(rng.pick(ctx.takenExternalIds), 'taken external id, different content')
        : value(bad.nastyText(rng), 'nasty text');
    case 'folio': {
      const taken = rng.pick(invoicesOf(ctx.tenant!));
      if (rng.chance(0.5)) return value(bad.nastyText(rng), 'nasty text');
      ctx.request.series = taken.series;
      return value(taken.folio, 'taken series and folio');
    }
    case 'taxId':
      return value(rng.pick(bad.BAD_TAX_IDS));
    case 'zone':
      return value(rng.pick([...bad.BAD_ZONES, bad.nastyText(rng)]));
    case 'locale':
      return value(rng.pick([...bad.BAD_LOCALES, bad.nastyText(rng)]));
    case 'country':
      return value(rng.pick(bad.BAD_COUNTRIES));
    case 'days':
      return value(rng.pick(bad.BAD_DAYS));
    case 'contacts':
      return badContacts(rng);
    case 'settings':
      return badSettings(rng);
    case 'customerId':
      return badId(ctx, 'customer');
    case 'invoiceId':
      return badId(ctx, 'invoice');
    case 'date':
      return value(rng.pick(bad.BAD_DATES));
    case 'dueDate':
      return rng.chance(0.5)
        ? value(addDays(String(ctx.request.issueDate), -rng.int(1, 400)), 'due before issue')
        : value(rng.pick(bad.BAD_DATES));
    case 'currency':
      return rng.chance(0.3)
        ? value(rng.pick(bad.OTHER_CURRENCIES), 'another real currency')
        : value(rng.pick(bad.BAD_CURRENCIES));
    case 'amount':
      return value(rng.pick(bad.BAD_AMOUNTS));
    case 'allocations':
      return badAllocations(ctx);
    case 'scope':
      return value(rng.pick([7, -1, 'BOGUS']));
  }
}
