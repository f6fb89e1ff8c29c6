import { FIELDS, mutate, type Rpc } from './mutations';
import type { Rng } from './rng';
import type { ValidRequests } from './valid-requests';
import { wildValue } from './values';
import type { FuzzTenant, World } from './world';

export type { Rpc };
export type Shape = 'valid' | 'mutated' | 'wild';

export interface FuzzRequest {
  n: number;
  rpc: Rpc;
  shape: Shape;
  /** Which field was spoiled, and how. */
  what: string;
  /** The tenant it is sent as; undefined: the operator (CreateTenant). */
  tenant?: FuzzTenant;
  request: Record<string, unknown>;
}

const RPC_WEIGHTS: Record<Rpc, number> = {
  CreateTenant: 2,
  CreateCustomer: 10,
  CreateInvoice: 16,
  RecordPayment: 34,
  RecordCreditNote: 13,
  WriteOff: 9,
  GetStatement: 16,
};
const SHAPE_WEIGHTS: Record<Shape, number> = { valid: 45, mutated: 42, wild: 13 };
const REPLAYED = new Set<Rpc>(['RecordPayment', 'RecordCreditNote', 'WriteOff']);

/**
 * `count` requests drawn from the seed alone (the world's ids aside): valid
 * ones, ones with one field spoiled, and ones whose fields are of the wrong kind.
 */
export function generateRequests(rng: Rng, world: World, valid: ValidRequests, count: number): FuzzRequest[] {
  // Valid requests by RPC and tenant: their external ids get reused, their content replayed.
  const sent = new Map<string, Record<string, unknown>[]>();
  const sentAs = (rpc: Rpc, tenant?: FuzzTenant) => {
    const key = `${rpc}:${tenant?.id}`;
    if (!sent.has(key)) sent.set(key, []);
    return sent.get(key)!;
  };
  for (const tenant of world.tenants) {
    sentAs('CreateCustomer', tenant).push(...tenant.customers.map((c) => ({ externalId: c.externalId })));
  }

  return Array.from({ length: count }, (_, n) => {
    const rpc = rng.weighted(RPC_WEIGHTS);
    const shape = rng.weighted(SHAPE_WEIGHTS);
    const tenant = rpc === 'CreateTenant' ? undefined : rng.pick(world.tenants);
    const earlier = sentAs(rpc, tenant);
    if (shape === 'valid' && REPLAYED.has(rpc) && earlier.length > 0 && rng.chance(0.05)) {
      return { n, rpc, shape, what: 'exact replay', tenant, request: rng.pick(earlier) };
    }
    const request: Record<string, unknown> = { ...validRequest(rpc, valid, rng, tenant) };
    let what = '';
    if (shape === 'mutated') {
      const field = rng.pick(Object.keys(FIELDS[rpc]));
      const takenExternalIds = earlier.map((r) => String(r.externalId));
      const mutation = mutate(FIELDS[rpc][field], { rng, world, tenant, request, takenExternalIds });
      request[field] = mutation.value;
      what = `${field}: ${mutation.what}`;
    } else if (shape === 'wild') {
      const all = Object.keys(FIELDS[rpc]);
      const fields = all.filter(() => rng.chance(0.4));
      if (fields.length === 0) fields.push(rng.pick(all));
      for (const field of fields) request[field] = wildValue(rng);
      what = `wild ${fields.join(', ')}`;
    } else {
      earlier.push(request);
    }
    return { n, rpc, shape, what, tenant, request };
  });
}

function validRequest(rpc: Rpc, valid: ValidRequests, rng: Rng, tenant?: FuzzTenant): object {
  switch (rpc) {
    case 'CreateTenant':
      return valid.tenant();
    case 'CreateCustomer':
      return valid.customer(tenant!);
    case 'CreateInvoice':
      return valid.invoice(tenant!, valid.customerOf(tenant!));
    case 'RecordPayment':
      return valid.payment(valid.customerOf(tenant!));
    case 'RecordCreditNote':
      return valid.creditNote(rng.pick(valid.customerOf(tenant!).invoices));
    case 'WriteOff':
      return valid.writeOff(rng.pick(valid.customerOf(tenant!).invoices));
    case 'GetStatement':
      return valid.statement(valid.customerOf(tenant!));
  }
}
