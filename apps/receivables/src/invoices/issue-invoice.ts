import { Exchanges, MessageTypes, receivables, RoutingKeys } from '@chasqui/contracts';
import { AlreadyExists } from '@chasqui/errors';
import { enqueue } from '@chasqui/messaging';
import { isUniqueViolation } from '@chasqui/persistence';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Customer } from '../customers/customer.entity';
import { SCHEMA } from '../database/orm-settings';
import { toInvoiceProto } from '../grpc/to-proto';
import { addDays } from '../ledger/calendar-date';
import { TenantEntity } from '../tenants/tenant.entity';
import { spendCreditOn } from '../payments/customer-credit';
import { announceSettled, toleranceOf } from './invoice-ledger';
import { InvoiceEntity, type Invoice } from './invoice.entity';

export interface NewInvoice {
  tenantId: string;
  series: string;
  folio: string;
  issueDate: string;
  /** Empty: issue date + the customer's credit days, else the tenant's term. */
  dueDate: string;
  currency: string;
  totalMinor: string;
  fiscalId?: string | null;
  /** The XML comes with it (filed by the caller in the same transaction). */
  hasXml?: boolean;
}

/**
 * Records a new open invoice and its invoice.issued event, in the caller's
 * transaction. The customer's credit in its currency (payments not yet
 * applied) is spent on it first: the event tells the balance that is left.
 */
export async function issueInvoice(em: EntityManager, customer: Customer, fields: NewInvoice): Promise<Invoice> {
  const invoice = em.create(InvoiceEntity, {
    id: randomUUID(),
    ...fields,
    customerId: customer.id,
    dueDate: fields.dueDate || addDays(fields.issueDate, await termDays(em, customer)),
    balanceMinor: fields.totalMinor,
    paidMinor: '0',
    creditedMinor: '0',
    writtenOffMinor: '0',
    inDispute: false,
    hasXml: fields.hasXml ?? false,
    hasPdf: false,
    fiscalId: fields.fiscalId || null,
    createdAt: new Date(),
  });
  await em.flush().catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    throw new AlreadyExists('INVOICE.NUMBER_TAKEN', 'folio', 'an invoice with this series and folio exists');
  });
  const balanceBefore = invoice.balanceMinor;
  const credited = (await spendCreditOn(em, fields.tenantId, [invoice])).length > 0;
  if (credited) await em.flush();
  await enqueue(em, SCHEMA, {
    exchange: Exchanges.events,
    routingKey: RoutingKeys.invoiceIssued,
    type: MessageTypes.invoiceIssued,
    body: receivables.InvoiceIssued.encode({ tenantId: fields.tenantId, invoice: toInvoiceProto(invoice) }).finish(),
    tenantId: fields.tenantId,
    idempotencyKey: `invoice.issued:${invoice.id}`,
  });
  if (credited) {
    const tolerance = await toleranceOf(em, fields.tenantId);
    await announceSettled(em, fields.tenantId, [{ invoice, balanceBefore }], tolerance);
  }
  return invoice;
}

/** The customer's credit days, else the tenant's payment term. */
async function termDays(em: EntityManager, customer: Customer): Promise<number> {
  if (customer.creditDays !== null) return customer.creditDays;
  const tenant = await em.findOneOrFail(
    TenantEntity,
    { id: customer.tenantId },
    { fields: ['defaultPaymentTermDays'] },
  );
  return tenant.defaultPaymentTermDays;
}
