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
  for (const { invoice, balanceBefore } of changes) {
    await announceInvoiceChanged(em, tenantId, invoice, `balance:${invoice.balanceMinor}`);
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
