import type { Client } from 'pg';

/** Invoices whose parts disagree: total − allocations − credit notes − write-offs ≠ balance, a negative balance, or stale running sums. */
export async function invoicesThatDoNotAddUp(sql: Client): Promise<object[]> {
  const { rows } = await sql.query(`
    with allocated as (
      select invoice_id, sum(amount_minor) as amount from receivables.allocations group by invoice_id),
    adjusted as (
      select invoice_id,
             coalesce(sum(amount_minor) filter (where kind = 'credit_note'), 0) as credited,
             coalesce(sum(amount_minor) filter (where kind = 'write_off'), 0) as written_off
        from receivables.adjustments group by invoice_id),
    parts as (
      select i.*, coalesce(a.amount, 0) as allocated, coalesce(j.credited, 0) as credited,
             coalesce(j.written_off, 0) as written_off
        from receivables.invoices i
        left join allocated a on a.invoice_id = i.id
        left join adjusted j on j.invoice_id = i.id)
    select id, total_minor::text, balance_minor::text, paid_minor::text, credited_minor::text,
           written_off_minor::text, allocated::text, credited::text, written_off::text
      from parts
     where total_minor - allocated - credited - written_off <> balance_minor
        or balance_minor < 0
        or paid_minor <> allocated or credited_minor <> credited or written_off_minor <> written_off`);
  return rows;
}

/** Payments whose unapplied rest is not their amount minus their allocations, or is negative. */
export async function paymentsThatDoNotAddUp(sql: Client): Promise<object[]> {
  const { rows } = await sql.query(`
    select p.id, p.amount_minor::text, p.unapplied_minor::text, coalesce(sum(a.amount_minor), 0)::text as allocated
      from receivables.payments p
      left join receivables.allocations a on a.payment_id = p.id
     group by p.id
    having p.unapplied_minor <> p.amount_minor - coalesce(sum(a.amount_minor), 0) or p.unapplied_minor < 0`);
  return rows;
}

/** Money that crossed a line it must not: another tenant, another customer, another currency. */
export async function crossedLines(sql: Client): Promise<object[]> {
  const { rows } = await sql.query(`
    select 'allocation' as row, a.payment_id as id from receivables.allocations a
      join receivables.payments p on p.id = a.payment_id
      join receivables.invoices i on i.id = a.invoice_id
     where i.tenant_id <> p.tenant_id or i.customer_id <> p.customer_id or i.currency <> p.currency
    union all
    select 'adjustment', j.id from receivables.adjustments j
      join receivables.invoices i on i.id = j.invoice_id where i.tenant_id <> j.tenant_id
    union all
    select 'invoice', i.id from receivables.invoices i
      join receivables.customers c on c.id = i.customer_id where c.tenant_id <> i.tenant_id`);
  return rows;
}

/** How much the ledger holds, to show the storm filled it. */
export async function ledgerSize(sql: Client): Promise<Record<string, number>> {
  const { rows } = await sql.query(`
    select (select count(*) from receivables.tenants)::int as tenants,
           (select count(*) from receivables.customers)::int as customers,
           (select count(*) from receivables.invoices)::int as invoices,
           (select count(*) from receivables.payments)::int as payments,
           (select count(*) from receivables.allocations)::int as allocations,
           (select count(*) from receivables.adjustments where kind = 'credit_note')::int as credit_notes,
           (select count(*) from receivables.adjustments where kind = 'write_off')::int as write_offs,
           (select count(*) from receivables.invoices where balance_minor = 0)::int as invoices_settled`);
  return rows[0];
}
