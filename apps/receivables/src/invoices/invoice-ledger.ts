import { Exchanges, MessageTypes, receivables, RoutingKeys } from '@chasqui/contracts';
import { enqueue } from '@chasqui/messaging';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { SCHEMA } from '../database/orm-settings';
import { toInvoiceProto } from '../grpc/to-proto';
import { isSettled } from './balance';
import { InvoiceEntity, type Invoice } from './invoice.entity';

/**
 * The tenant's invoices with these ids, locked for the rest of the
 * transaction. Locked in id order, so two payments touching the same invoices
 * queue behind each other instead of deadlocking.
 */
export async function lockInvoices(em: EntityManager, tenantId: string, ids: string[]): Promise<Map<string, Invoice>> {
  const invoices = await em.find(
    InvoiceEntity,
    { tenantId, id: { $in: ids } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
  return new Map(invoices.map((invoice) => [invoice.id, invoice]));
}

/**
 * The customer's open invoices in a currency that a payment naming none may
 * pay, locked in id order: a disputed invoice is left alone (the customer
 * contests it; paying it must be said).
 */
export function lockOpenInvoices(
  em: EntityManager,
  tenantId: string,
  customerId: string,
  currency: string,
): Promise<Invoice[]> {
  return em.find(
    InvoiceEntity,
    { tenantId, customerId, currency, balanceMinor: { $gt: '0' }, inDispute: false },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
}

/** Writes the amounts of invoices changed outside the identity map (bulk paths). */
export async function writeInvoiceAmounts(em: EntityManager, invoices: Invoice[]): Promise<void> {
  if (invoices.length === 0) return;
  await em.execute(
    `update ${SCHEMA}.invoices i set balance_minor = v.balance_minor, paid_minor = v.paid_minor
       from jsonb_to_recordset(?::jsonb) as v(id uuid, balance_minor bigint, paid_minor bigint)
      where i.id = v.id`,
    [JSON.stringify(invoices.map((i) => ({ id: i.id, balance_minor: i.balanceMinor, paid_minor: i.paidMinor })))],
  );
}

/** The tenant's cents tolerance (read as SQL: the tenant may sit partly loaded in the caller's identity map). */
export async function toleranceOf(em: EntityManager, tenantId: string): Promise<string> {
  const [row] = await em.execute<{ tolerance: string }[]>(
    `select cents_tolerance_minor::text as tolerance from ${SCHEMA}.tenants where id = ?`,
    [tenantId],
  );
  return row.tolerance;
}

/** invoice.settled for each invoice settled now that was not before. */
export async function announceSettled(
  em: EntityManager,
  tenantId: string,
  changes: { invoice: Invoice; balanceBefore: string }[],
  toleranceMinor: string,
): Promise<void> {
  for (const { invoice, balanceBefore } of changes) {
    if (isSettled(invoice.balanceMinor, toleranceMinor) && !isSettled(balanceBefore, toleranceMinor)) {
      await enqueue(em, SCHEMA, {
        exchange: Exchanges.events,
        routingKey: RoutingKeys.invoiceSettled,
        type: MessageTypes.invoiceSettled,
        body: receivables.InvoiceSettled.encode({ tenantId, invoice: toInvoiceProto(invoice) }).finish(),
        tenantId,
        idempotencyKey: `invoice.settled:${invoice.id}`,
      });
    }
  }
}

/** invoice.changed for one invoice, in the transaction of the change. */
export function announceInvoiceChanged(
  em: EntityManager,
  tenantId: string,
  invoice: Invoice,
  change: string,
): Promise<void> {
  return enqueue(em, SCHEMA, {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.invoiceChanged,
    type: MessageTypes.invoiceChanged,
    body: receivables.InvoiceChanged.encode({ tenantId, invoice: toInvoiceProto(invoice) }).finish(),
    tenantId,
    idempotencyKey: `invoice.changed:${invoice.id}:${change}`,
  });
}

/** invoice.changed for every invoice whose balance moved, and invoice.settled for those it settled. */
export async function announceBalanceChanges(
  em: EntityManager,
  tenantId: string,
  changes: { invoice: Invoice; balanceBefore: string }[],
  toleranceMinor: string,
): Promise<void> {
  for (const { invoice } of changes) {
    await announceInvoiceChanged(em, tenantId, invoice, `balance:${invoice.balanceMinor}`);
  }
  await announceSettled(em, tenantId, changes, toleranceMinor);
}
