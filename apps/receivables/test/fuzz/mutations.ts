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

function badId(ctx: MutationContext, of: 'customer' | 'invoice'): { what: string; value: unknown } {
  const { rng, world, tenant } = ctx;
  const others = world.tenants.filter((t) => t !== tenant);
  const idsOf = (t: FuzzTenant) => (of === 'customer' ? t.customers.map((c) => c.id) : invoicesOf(t).map((i) => i.id));
  const own = rng.pick(idsOf(tenant!));
  const choices: [string, () => string][] = [
    ["another tenant's", () => rng.pick(idsOf(rng.pick(others)))],
    ['a UUID of nothing', () => rng.uuid()],
    [
      'the wrong kind of object',
      () => rng.pick<{ id: string }>(of === 'customer' ? invoicesOf(tenant!) : tenant!.customers).id,
    ],
    ['upper-case', () => own.toUpperCase()],
    ['in braces', () => `{${own}}`],
    ['with a space', () => ` ${own}`],
    ['nil UUID', () => '00000000-0000-0000-0000-000000000000'],
    ['not a UUID', () => rng.pick(['', 'not-a-uuid', own.slice(0, 35), `${own}0`, "' or 1=1 --"])],
  ];
  const [what, make] = rng.pick(choices);
  return { what: `${of} id: ${what}`, value: make() };
}

function badAllocations(ctx: MutationContext): { what: string; value: unknown } {
  const { rng, world, tenant, request } = ctx;
  const list = [...(request.allocations as { invoiceId: string; amountMinor: string }[])];
  const first = list[0];
  const invoice = invoicesOf(tenant!).find((i) => i.id === first.invoiceId)!;
  const raise = (extra: number) => (request.amountMinor = String(Number(request.amountMinor) + extra));
  const choices: [string, () => unknown[]][] = [
    [
      'more than the invoice total',
      () => (raise(invoice.totalMinor), [{ ...first, amountMinor: String(invoice.totalMinor + 1) }, ...list.slice(1)]),
    ],
    ['more than the payment', () => ((request.amountMinor = String(sum(list) - 1)), list)],
    ['the same invoice twice', () => (raise(Number(first.amountMinor)), [...list, first])],
    ['a zero or negative amount', () => [{ ...first, amountMinor: rng.pick(['0', '-5']) }, ...list.slice(1)]],
    [
      "another customer's invoice",
      () => [
        { ...first, invoiceId: rng.pick(invoicesOf(tenant!).filter((i) => i.customerId !== request.customerId)).id },
      ],
    ],
    [
      "another tenant's invoice",
      () => [{ ...first, invoiceId: rng.pick(invoicesOf(rng.pick(world.tenants.filter((t) => t !== tenant)))).id }],
    ],
    ['an invoice that does not exist', () => [...list, { invoiceId: rng.uuid(), amountMinor: '1' }]],
    ['an invoice id that is no UUID', () => [{ ...first, invoiceId: bad.nastyText(rng) }]],
    [
      '1001 allocations',
      () => (raise(1001), Array.from({ length: 1001 }, () => ({ invoiceId: rng.uuid(), amountMinor: '1' }))),
    ],
  ];
  const [what, make] = rng.pick(choices);
  return { what: `allocations: ${what}`, value: make() };
}

const sum = (list: { amountMinor: string }[]) => list.reduce((total, a) => total + Number(a.amountMinor), 0);

function badContacts(rng: Rng): { what: string; value: unknown } {
  const contact = { name: 'Cobranza', email: 'cobranza@example.com', role: 'billing', receivesReminders: true };
  const choices: [string, () => unknown[]][] = [
    ['bad email', () => [{ ...contact, email: rng.pick(bad.BAD_EMAILS) }]],
    ['nasty name', () => [{ ...contact, name: bad.nastyText(rng) }]],
    ['nasty role', () => [{ ...contact, role: bad.nastyText(rng) }]],
    ['51 contacts', () => Array.from({ length: 51 }, (_, i) => ({ ...contact, email: `c${i}@example.com` }))],
  ];
  const [what, make] = rng.pick(choices);
  return { what: `contacts: ${what}`, value: make() };
}

function badSettings(rng: Rng): { what: string; value: unknown } {
  const settings = {
    defaultPaymentTermDays: 30,
    centsToleranceMinor: '0',
    pastInvoicesStartDate: '',
    newInvoicesStartDate: '',
    requireAttachments: false,
  };
  const choices: [string, () => object][] = [
    ['payment term', () => ({ ...settings, defaultPaymentTermDays: rng.pick(bad.BAD_DAYS) })],
    ['tolerance', () => ({ ...settings, centsToleranceMinor: rng.pick(bad.BAD_AMOUNTS) })],
    ['past invoices start', () => ({ ...settings, pastInvoicesStartDate: rng.pick(bad.BAD_DATES) })],
    ['new invoices start', () => ({ ...settings, newInvoicesStartDate: rng.pick(bad.BAD_DATES) })],
  ];
  const [what, make] = rng.pick(choices);
  return { what: `settings: ${what}`, value: make() };
}
