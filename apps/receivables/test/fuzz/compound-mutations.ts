import type { Rng } from './rng';
import type { MutationContext } from './mutations';
import * as bad from './values';
import { invoicesOf, type FuzzTenant } from './world';

/** An id that names nothing, or something else, or someone else's, or is no UUID. */
export function badId(ctx: MutationContext, of: 'customer' | 'invoice'): { what: string; value: unknown } {
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

/** Allocations that over-apply, repeat, cross customers, tenants or currencies, or are too many. */
export function badAllocations(ctx: MutationContext): { what: string; value: unknown } {
  const { rng, world, tenant, request } = ctx;
  const list = [...(request.allocations as { invoiceId: string; amountMinor: string }[])];
  if (list.length === 0) {
    // A payment naming no invoices: name one of its customer's, then spoil the list.
    const own = invoicesOf(tenant!).find(
      (i) => i.customerId === request.customerId && i.currency === request.currency,
    )!;
    list.push({ invoiceId: own.id, amountMinor: '1' });
  }
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

export function badContacts(rng: Rng): { what: string; value: unknown } {
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

export function badSettings(rng: Rng): { what: string; value: unknown } {
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
