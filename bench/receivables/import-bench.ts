import { credentials, Client as GrpcClient, type Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { since } from '../support/measure';
import { invoiceRow } from './invoice-rows';

const IMPORT = '/chasqui.receivables.v1.ReceivablesService/ImportInvoices';

/** Rows per message, as an ERP client would chunk a file. */
const CHUNK = 500;

/**
 * Streams `count` invoices over ImportInvoices, as an ERP would: one client
 * stream of chunks, writes paced by gRPC flow control (wait for 'drain').
 */
export async function importOverGrpc(
  url: string,
  auth: Metadata,
  count: number,
  customers: number,
): Promise<{ ms: number; result: receivables.ImportInvoicesResponse }> {
  const client = new GrpcClient(url, credentials.createInsecure());
  const start = process.hrtime.bigint();
  try {
    const result = await new Promise<receivables.ImportInvoicesResponse>((resolve, reject) => {
      const call = client.makeClientStreamRequest(
        IMPORT,
        (message: receivables.ImportInvoicesRequest) =>
          Buffer.from(receivables.ImportInvoicesRequest.encode(message).finish()),
        (bytes: Buffer) => receivables.ImportInvoicesResponse.decode(bytes),
        auth,
        (error, response) => (error ? reject(error) : resolve(response!)),
      );
      let i = 0;
      const write = () => {
        while (i < count) {
          const rows: receivables.InvoiceRow[] = [];
          for (const end = Math.min(count, i + CHUNK); i < end; i++) rows.push(invoiceRow(i, customers));
          if (!call.write({ rows })) return void call.once('drain', write);
        }
        call.end();
      };
      write();
    });
    return { ms: since(start), result };
  } finally {
    client.close();
  }
}

/**
 * The same rows into a table shaped like receivables.invoices (same columns,
 * types, checks and indexes; no foreign keys, no events) with one bare COPY:
 * the fastest PostgreSQL can take them on this machine.
 */
export async function copyIntoPostgres(
  sql: Client,
  tenantId: string,
  customerIds: string[],
  count: number,
): Promise<number> {
  await sql.query('drop table if exists public.bench_copy');
  await sql.query('create table public.bench_copy (like receivables.invoices including all)');
  const now = new Date().toISOString();
  function* lines() {
    for (let i = 0; i < count; i++) {
      const row = invoiceRow(i, customerIds.length);
      yield (
        `${randomUUID()}\t${tenantId}\t${customerIds[i % customerIds.length]}\t${row.series}\t${row.folio}\t` +
        `${row.issueDate}\t${row.dueDate}\t${row.currency}\t${row.totalMinor}\t${row.totalMinor}\t0\t0\t0\t${now}\n`
      );
    }
  }
  const start = process.hrtime.bigint();
  await pipeline(
    Readable.from(lines()),
    sql.query(
      copyFrom(
        `copy public.bench_copy (id, tenant_id, customer_id, series, folio, issue_date, due_date, currency,
           total_minor, balance_minor, paid_minor, credited_minor, written_off_minor, created_at) from stdin`,
      ),
    ),
  );
  const ms = since(start);
  await sql.query('drop table public.bench_copy');
  return ms;
}
