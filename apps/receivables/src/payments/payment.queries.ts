import type { EntityManager } from '@mikro-orm/postgresql';
import { SCHEMA } from '../database/orm-settings';

export interface PaymentView {
  id: string;
  externalId: string;
  customerId: string;
  date: string;
  currency: string;
  amountMinor: string;
  unappliedMinor: string;
  allocations: { invoiceId: string; amountMinor: string }[];
}

/** The tenant's payment with this external id, with its allocations. */
export async function findPayment(
  em: EntityManager,
  tenantId: string,
  externalId: string,
): Promise<PaymentView | undefined> {
  const [row] = await em.execute<PaymentRow[]>(
    `select id, external_id, customer_id, date::text as date, currency, amount_minor::text as amount_minor,
            unapplied_minor::text as unapplied_minor
       from ${SCHEMA}.payments where tenant_id = ? and external_id = ?`,
    [tenantId, externalId],
  );
  if (!row) return undefined;
  const allocations = await em.execute<{ invoice_id: string; amount_minor: string }[]>(
    `select invoice_id, amount_minor::text as amount_minor from ${SCHEMA}.allocations where payment_id = ?`,
    [row.id],
  );
  return {
    id: row.id,
    externalId: row.external_id,
    customerId: row.customer_id,
    date: row.date,
    currency: row.currency,
    amountMinor: row.amount_minor,
    unappliedMinor: row.unapplied_minor,
    allocations: allocations.map((a) => ({ invoiceId: a.invoice_id, amountMinor: a.amount_minor })),
  };
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
