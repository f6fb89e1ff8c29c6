import type { Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import type { Client } from 'pg';
import { firstValueFrom } from 'rxjs';
import { since } from '../support/measure';

const WARMUP = 100;

/** GetStatement for one customer, one call at a time: each call's latency, after a warm-up. */
export async function statementLatencies(
  client: receivables.ReceivablesServiceClient,
  auth: Metadata,
  customerId: string,
  calls: number,
): Promise<number[]> {
  const request = {
    customerId,
    asOf: '2026-11-22',
    scope: receivables.StatementScope.STATEMENT_SCOPE_ALL_OPEN,
  };
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + calls; i++) {
    const start = process.hrtime.bigint();
    const { statement } = await firstValueFrom(client.getStatement(request, auth));
    if (i >= WARMUP) samples.push(since(start));
    if (i === 0 && statement?.lines.length !== 200)
      throw new Error(`expected 200 lines, got ${statement?.lines.length}`);
  }
  return samples;
}

/** The same reads as bare SQL on one connection: customer, tenant, contacts, open invoices in order. */
export async function bareSqlLatencies(sql: Client, tenantId: string, customerId: string, calls: number) {
  const queries = [
    {
      name: 'customer',
      text: 'select * from receivables.customers where id = $1 and tenant_id = $2',
      values: [customerId, tenantId],
    },
    { name: 'tenant', text: 'select * from receivables.tenants where id = $1', values: [tenantId] },
    {
      name: 'contacts',
      text: 'select * from receivables.contacts where tenant_id = $1 and customer_id = $2 order by name',
      values: [tenantId, customerId],
    },
    {
      name: 'invoices',
      text: `select * from receivables.invoices where tenant_id = $1 and customer_id = $2 and balance_minor > 0
              order by due_date, series, folio`,
      values: [tenantId, customerId],
    },
  ];
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + calls; i++) {
    const start = process.hrtime.bigint();
    for (const query of queries) await sql.query(query);
    if (i >= WARMUP) samples.push(since(start));
  }
  return samples;
}
