import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { SCHEMA } from '../database/orm-settings';
import type { Application, Credit } from './allocation';

/** How an allocation came about: named by the payment, chosen oldest first, or a credit spent by a later invoice. */
export type AllocationSource = 'given' | 'oldest_first' | 'credit';

export interface PaymentAllocationView {
  invoiceId: string;
  amountMinor: string;
  source: AllocationSource;
}

export interface PaymentView {
  id: string;
  externalId: string;
  customerId: string;
  date: string;
  currency: string;
  amountMinor: string;
  /** What is not applied to any invoice: the customer's credit, until later invoices spend it. */
  unappliedMinor: string;
  allocations: PaymentAllocationView[];
}

export interface NewPayment {
  tenantId: string;
  externalId: string;
  customerId: string;
  date: string;
  currency: string;
  amountMinor: string;
}

const paymentColumns = `id, external_id, customer_id, date::text as date, currency, amount_minor::text as amount_minor,
  unapplied_minor::text as unapplied_minor`;

/** The tenant's payment with this external id, with its allocations. */
export async function findPayment(
  em: EntityManager,
  tenantId: string,
  externalId: string,
): Promise<PaymentView | undefined> {
  const rows = await em.execute<PaymentRow[]>(
    `select ${paymentColumns} from ${SCHEMA}.payments where tenant_id = ? and external_id = ?`,
    [tenantId, externalId],
  );
  return (await withAllocations(em, rows))[0];
}

/** The customer's payments with credit left, oldest first (by date, then as recorded). */
export async function paymentsWithCredit(
  em: EntityManager,
  tenantId: string,
  customerId: string,
): Promise<PaymentView[]> {
  const rows = await em.execute<PaymentRow[]>(
    `select ${paymentColumns} from ${SCHEMA}.payments
      where tenant_id = ? and customer_id = ? and unapplied_minor > 0
      order by date, created_at, id`,
    [tenantId, customerId],
  );
  return withAllocations(em, rows);
}

/**
 * Locks these customers' rows (in id order) for the rest of the transaction:
 * the one lock every path that records a payment or issues an invoice takes,
 * so a payment leaving credit and an invoice that would spend it never pass
 * each other unseen.
 */
export async function lockCustomerAccounts(em: EntityManager, tenantId: string, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await em.execute(
    `select id from ${SCHEMA}.customers
      where tenant_id = ? and id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      order by id
        for no key update`,
    [tenantId, JSON.stringify(customerIds)],
  );
}

/** Records a payment with the allocations it was applied to now; the rest of its amount is unapplied. */
export async function insertPayment(
  em: EntityManager,
  payment: NewPayment,
  allocations: { invoiceId: string; amountMinor: string }[],
  source: Exclude<AllocationSource, 'credit'>,
): Promise<PaymentView> {
  const allocated = allocations.reduce((sum, a) => sum + BigInt(a.amountMinor), 0n);
  const view: PaymentView = {
    id: randomUUID(),
    externalId: payment.externalId,
    customerId: payment.customerId,
    date: payment.date,
    currency: payment.currency,
    amountMinor: payment.amountMinor,
    unappliedMinor: (BigInt(payment.amountMinor) - allocated).toString(),
    allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor, source })),
  };
  await em.execute(
    `insert into ${SCHEMA}.payments
       (id, tenant_id, customer_id, external_id, date, currency, amount_minor, unapplied_minor, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, now())`,
    [
      view.id,
      payment.tenantId,
      view.customerId,
      view.externalId,
      view.date,
      view.currency,
      view.amountMinor,
      view.unappliedMinor,
    ],
  );
  await insertAllocations(
    em,
    allocations.map((a) => ({ paymentId: view.id, ...a })),
    source,
  );
  return view;
}

/**
 * The credits of these customers (payments with an unapplied rest), locked
 * for the rest of the transaction in id order, so two invoices cannot spend
 * the same credit.
 */
export async function lockCredits(em: EntityManager, tenantId: string, customerIds: string[]): Promise<Credit[]> {
  if (customerIds.length === 0) return [];
  const rows = await em.execute<CreditRow[]>(
    `select id, customer_id, currency, date::text as date, unapplied_minor::text as unapplied_minor,
            to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as recorded_at
       from ${SCHEMA}.payments
      where tenant_id = ? and unapplied_minor > 0
        and customer_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      order by id
        for update`,
    [tenantId, JSON.stringify(customerIds)],
  );
  return rows.map((r) => ({
    paymentId: r.id,
    customerId: r.customer_id,
    currency: r.currency,
    date: r.date,
    recordedAt: r.recorded_at,
    unappliedMinor: r.unapplied_minor,
  }));
}

/** Spends credits on invoices: an allocation for each, and each payment's unapplied rest down by as much. */
export async function spendCredits(em: EntityManager, applications: Application[]): Promise<void> {
  if (applications.length === 0) return;
  await insertAllocations(em, applications, 'credit');
  await em.execute(
    `update ${SCHEMA}.payments p set unapplied_minor = p.unapplied_minor - s.amount
       from (select payment_id, sum(amount_minor) as amount
               from jsonb_to_recordset(?::jsonb) as a(payment_id uuid, amount_minor bigint)
              group by payment_id) s
      where p.id = s.payment_id`,
    [JSON.stringify(applications.map((a) => ({ payment_id: a.paymentId, amount_minor: a.amountMinor })))],
  );
}

async function insertAllocations(em: EntityManager, applications: Application[], source: AllocationSource) {
  if (applications.length === 0) return;
  await em.execute(
    `insert into ${SCHEMA}.allocations (payment_id, invoice_id, amount_minor, source, applied_at)
     select a.payment_id, a.invoice_id, a.amount_minor, ?, now()
       from jsonb_to_recordset(?::jsonb) as a(payment_id uuid, invoice_id uuid, amount_minor bigint)`,
    [
      source,
      JSON.stringify(
        applications.map((a) => ({ payment_id: a.paymentId, invoice_id: a.invoiceId, amount_minor: a.amountMinor })),
      ),
    ],
  );
}

async function withAllocations(em: EntityManager, rows: PaymentRow[]): Promise<PaymentView[]> {
  if (rows.length === 0) return [];
  const allocations = await em.execute<AllocationRow[]>(
    `select payment_id, invoice_id, amount_minor::text as amount_minor, source from ${SCHEMA}.allocations
      where payment_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      order by applied_at, invoice_id`,
    [JSON.stringify(rows.map((r) => r.id))],
  );
  return rows.map((row) => ({
    id: row.id,
    externalId: row.external_id,
    customerId: row.customer_id,
    date: row.date,
    currency: row.currency,
    amountMinor: row.amount_minor,
    unappliedMinor: row.unapplied_minor,
    allocations: allocations
      .filter((a) => a.payment_id === row.id)
      .map((a) => ({ invoiceId: a.invoice_id, amountMinor: a.amount_minor, source: a.source })),
  }));
}

interface PaymentRow {
  id: string;
  external_id: string;
  customer_id: string;
  date: string;
  currency: string;
  amount_minor: string;
  unapplied_minor: string;
}

interface AllocationRow {
  payment_id: string;
  invoice_id: string;
  amount_minor: string;
  source: AllocationSource;
}

interface CreditRow {
  id: string;
  customer_id: string;
  currency: string;
  date: string;
  unapplied_minor: string;
  recorded_at: string;
}
