import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom, from } from 'rxjs';
import { fmt, machine, percentile, table } from '../support/measure';
import { copyIntoPostgres, importOverGrpc } from './import-bench';
import { invoiceRow } from './invoice-rows';
import { LedgerUnderTest } from './ledger-under-test';
import { bareSqlLatencies, statementLatencies } from './statement-bench';

/**
 * bench/receivables (ARCHITECTURE §10): ImportInvoices over a gRPC client
 * stream beside a bare COPY of the same rows, and GetStatement for a customer
 * with 200 open invoices beside the bare SQL that reads the same data — each
 * figure next to its primitive, measured in the same run.
 *
 *   npm run bench:receivables -- [--invoices 1000000] [--customers 1000] [--calls 2000]
 */
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main() {
  const invoices = option('invoices', 1_000_000);
  const customers = option('customers', 1_000);
  const calls = option('calls', 2_000);
  const ledger = new LedgerUnderTest();
  try {
    await ledger.start();
    const { rows } = await ledger.sql.query<{ server_version: string }>('show server_version');
    const host = machine(rows[0].server_version);
    const customerIds = await ledger.customers(customers);

    const copyMs = await copyIntoPostgres(ledger.sql, ledger.tenantId, customerIds, invoices);
    const imported = await importOverGrpc(ledger.url, ledger.auth, invoices, customers);
    if (Number(imported.result.imported) !== invoices) {
      throw new Error(
        `imported ${imported.result.imported} of ${invoices}: ${JSON.stringify(imported.result.errors.slice(0, 3))}`,
      );
    }
    const importRate = invoices / (imported.ms / 1000);
    const copyRate = invoices / (copyMs / 1000);

    // One customer with 200 open invoices, among everything imported above.
    const [statementCustomer] = await ledger.customers(1, 'S');
    const statementRows = Array.from({ length: 200 }, (_, i) => ({ ...invoiceRow(i, 1, 'S'), folio: `S-${i}` }));
    await importRows(ledger, statementRows);
    const project = await statementLatencies(ledger.client, ledger.auth, statementCustomer, calls);
    const bare = await bareSqlLatencies(ledger.sql, ledger.tenantId, statementCustomer, calls);

    const figures = {
      machine: host,
      import: {
        invoices,
        customers,
        grpcSeconds: imported.ms / 1000,
        grpcRowsPerSecond: importRate,
        copySeconds: copyMs / 1000,
        copyRowsPerSecond: copyRate,
        percentOfCopy: (100 * importRate) / copyRate,
      },
      statement: {
        openInvoices: 200,
        calls,
        grpcMs: { p50: percentile(project, 50), p95: percentile(project, 95), p99: percentile(project, 99) },
        bareSqlMs: { p50: percentile(bare, 50), p95: percentile(bare, 95), p99: percentile(bare, 99) },
        ratio: {
          p50: percentile(project, 50) / percentile(bare, 50),
          p99: percentile(project, 99) / percentile(bare, 99),
        },
      },
    };
    console.log(
      `machine: ${host.cpus} × ${host.cpu}, Node ${host.node}, PostgreSQL ${host.postgres}\n` +
        table(`import ${fmt(invoices)} invoices (${fmt(customers)} customers)`, [
          ['ImportInvoices (gRPC stream)', `${fmt(importRate)} rows/s  (${fmt(imported.ms / 1000, 1)} s)`],
          ['bare COPY, same rows', `${fmt(copyRate)} rows/s  (${fmt(copyMs / 1000, 1)} s)`],
          ['ImportInvoices / COPY', `${fmt(figures.import.percentOfCopy, 1)} %  (target ≥ 40 %)`],
        ]) +
        '\n' +
        table(`GetStatement, 200 open invoices, ${fmt(calls)} sequential calls`, [
          ['GetStatement p50 / p95 / p99', ms(figures.statement.grpcMs) + '  (target p99 < 20 ms)'],
          ['bare SQL p50 / p95 / p99', ms(figures.statement.bareSqlMs)],
          [
            'GetStatement / bare SQL',
            `${fmt(figures.statement.ratio.p50, 1)} × at p50, ${fmt(figures.statement.ratio.p99, 1)} × at p99  (target p99 ≤ 1.5 ×)`,
          ],
        ]),
    );
    const dir = join(__dirname, '..', '..', 'receivables', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(figures, null, 2) + '\n');
  } finally {
    await ledger.stop();
  }
}

const ms = (p: { p50: number; p95: number; p99: number }) =>
  `${fmt(p.p50, 2)} / ${fmt(p.p95, 2)} / ${fmt(p.p99, 2)} ms`;

async function importRows(ledger: LedgerUnderTest, rows: ReturnType<typeof invoiceRow>[]) {
  const result = await firstValueFrom(ledger.client.importInvoices(from([{ rows }]), ledger.auth));
  if (Number(result.imported) !== rows.length) throw new Error(`statement invoices: ${JSON.stringify(result.errors)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
