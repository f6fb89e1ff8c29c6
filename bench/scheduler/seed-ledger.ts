import type { Client } from 'pg';

/**
 * The ledger a cycle runs over, written straight into receivables' tables
 * (what CreateCustomer and ImportInvoices would have written; the benchmark
 * is about the cycle, not about loading): customers with one contact each,
 * invoices spread over them with due dates over the `spreadDays` before
 * `lastDue`, entered on their issue dates (the simulated past, as the
 * cycles' instants are: an invoice entered "now" would count as changed
 * since every cycle).
 */
export async function seedLedger(
  sql: Client,
  tenantId: string,
  options: { customers: number; invoices: number; lastDue: string; spreadDays: number },
): Promise<void> {
  await sql.query(
    `insert into receivables.customers (id, tenant_id, external_id, legal_name, tax_id, created_at)
     select md5('c' || n)::uuid, $1, 'C' || n, 'Cliente ' || n, '', now() from generate_series(0, $2 - 1) n`,
    [tenantId, options.customers],
  );
  await sql.query(
    `insert into receivables.contacts (id, tenant_id, customer_id, name, email, role, receives_reminders)
     select md5('k' || n)::uuid, $1, md5('c' || n)::uuid, 'Cuentas por pagar', 'cxp' || n || '@example.com', 'finanzas', true
       from generate_series(0, $2 - 1) n`,
    [tenantId, options.customers],
  );
  await sql.query(
    `insert into receivables.invoices (id, tenant_id, customer_id, series, folio, issue_date, due_date, currency,
                                       total_minor, balance_minor, created_at, updated_at)
     select md5('i' || n)::uuid, $1, md5('c' || (n % $3))::uuid, 'F', n::text,
            $4::date - (n % $5) - 30, $4::date - (n % $5), 'MXN', 100000 + n % 9000000, 100000 + n % 9000000,
            $4::date - (n % $5) - 30, $4::date - (n % $5) - 30
       from generate_series(0, $2 - 1) n`,
    [tenantId, options.invoices, options.customers, options.lastDue, options.spreadDays],
  );
  await sql.query('analyze receivables.customers, receivables.contacts, receivables.invoices');
}
