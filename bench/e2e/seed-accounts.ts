import type { Client } from 'pg';

/**
 * The ledger one cycle's reminders come from, written straight into
 * receivables' tables (what CreateCustomer and ImportInvoices would have
 * written; this benchmark is about the way out, not about loading):
 * `customers` customers with one contact each and `perCustomer` open invoices
 * all due on `dueDate`, entered thirty days before it. Ids are random UUIDs,
 * as the services make them: the renderer asks receivables for each
 * customer's statement by id.
 */
export async function seedAccounts(
  sql: Client,
  tenantId: string,
  options: { customers: number; perCustomer: number; dueDate: string },
): Promise<void> {
  await sql.query(
    `insert into receivables.customers (id, tenant_id, external_id, legal_name, tax_id, created_at)
     select gen_random_uuid(), $1, 'C' || n, 'Cliente ' || n, '', now() from generate_series(1, $2) n`,
    [tenantId, options.customers],
  );
  await sql.query(
    `insert into receivables.contacts (id, tenant_id, customer_id, name, email, role, receives_reminders)
     select gen_random_uuid(), $1, c.id, 'Cuentas por pagar', lower(c.external_id) || '@example.com', 'finanzas', true
       from receivables.customers c where c.tenant_id = $1`,
    [tenantId],
  );
  await sql.query(
    `insert into receivables.invoices (id, tenant_id, customer_id, series, folio, issue_date, due_date, currency,
                                       total_minor, balance_minor, created_at, updated_at)
     select gen_random_uuid(), $1, c.id, 'F', c.external_id || '-' || k, $3::date - 30, $3::date, 'MXN',
            100000 + (hashtext(c.external_id || k) & 1048575), 100000 + (hashtext(c.external_id || k) & 1048575),
            $3::date - 30, $3::date - 30
       from receivables.customers c cross join generate_series(1, $2) k where c.tenant_id = $1`,
    [tenantId, options.perCustomer, options.dueDate],
  );
  await sql.query('analyze receivables.customers, receivables.contacts, receivables.invoices');
}
