import { receivables } from '@chasqui/contracts';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { withContext } from '../action';
import { PartialFailure } from '../cli-errors';
import type { Context } from '../context';
import { fileSize } from '../files';
import type { Codec } from '../grpc/service-client';
import { emit, table } from '../output/output';
import { integer } from '../output/values';
import type { ColumnSpec } from './csv-columns';
import { importCsv, rowReports, type RowReport } from './csv-import';
import { INVOICE_COLUMNS, toInvoiceRow } from './invoice-rows';
import { PAYMENT_COLUMNS, toPaymentRow } from './payment-rows';

interface ImportOptions {
  chunkSize: string;
  timeout: string;
}

/** One kind of import: its file's columns, its call, and how its answer counts rows. */
interface ImportKind<Row, Req, Res extends { errors: receivables.RowError[] }> {
  method: string;
  columns: ColumnSpec;
  toRow: (record: Record<string, string>) => Row;
  request: Codec<Req> & { chunk: (rows: Row[]) => Req };
  response: Codec<Res>;
  counts: (answer: Res) => Record<string, number>;
}

const INVOICES: ImportKind<
  receivables.InvoiceRow,
  receivables.ImportInvoicesRequest,
  receivables.ImportInvoicesResponse
> = {
  method: 'ImportInvoices',
  columns: INVOICE_COLUMNS,
  toRow: toInvoiceRow,
  request: { ...receivables.ImportInvoicesRequest, chunk: (rows) => ({ rows }) },
  response: receivables.ImportInvoicesResponse,
  counts: (answer) => ({ imported: Number(answer.imported), duplicates: Number(answer.duplicates) }),
};

const PAYMENTS: ImportKind<
  receivables.PaymentRow,
  receivables.ImportPaymentsRequest,
  receivables.ImportPaymentsResponse
> = {
  method: 'ImportPayments',
  columns: PAYMENT_COLUMNS,
  toRow: toPaymentRow,
  request: {
    ...receivables.ImportPaymentsRequest,
    chunk: (rows) => ({
      rows,
      externalId: '',
      customerExternalId: '',
      date: '',
      currency: '',
      amountMinor: '0',
      allocations: [],
    }),
  },
  response: receivables.ImportPaymentsResponse,
  counts: (answer) => ({ recorded: Number(answer.recorded), replays: Number(answer.replays) }),
};

export function importCommand(program: Command): void {
  const command = program.command('import').description('bulk load from an ERP export (CSV with a header row)');
  const kind = (name: string, description: string) =>
    command
      .command(`${name} <file>`)
      .description(description)
      .option('--chunk-size <rows>', 'rows per stream message', '500')
      .option('--timeout <ms>', 'deadline of the whole import in milliseconds', '600000');
  kind('invoices', 'import invoices; each refused row is reported with its line and field').action(
    withContext((context, file: string, options: ImportOptions) => runImport(context, file, options, INVOICES)),
  );
  kind('payments', 'import payments; each refused row is reported with its line and field').action(
    withContext((context, file: string, options: ImportOptions) => runImport(context, file, options, PAYMENTS)),
  );
}

async function runImport<Row, Req, Res extends { errors: receivables.RowError[] }>(
  context: Context,
  file: string,
  options: ImportOptions,
  kind: ImportKind<Row, Req, Res>,
): Promise<void> {
  const chunkSize = integer('--chunk-size', options.chunkSize, 1);
  const timeoutMs = integer('--timeout', options.timeout, 1);
  const size = fileSize(file);
  const client = context.tenantClient('receivables');
  const bar = progressBar(context.json, file, size);
  let result!: Awaited<ReturnType<typeof importCsv>>;
  let answer: Res;
  try {
    answer = await client.clientStream(kind.method, kind.request, kind.response, timeoutMs, async (write) => {
      result = await importCsv({
        file,
        columns: kind.columns,
        toRow: kind.toRow,
        chunkSize,
        send: (rows) => write(kind.request.chunk(rows)),
        onProgress: (bytes, rows) => bar?.update(bytes, { rows }),
      });
    });
  } finally {
    bar?.stop();
  }
  const errors = rowReports(answer.errors, result);
  const counts = kind.counts(answer);
  emit(context.json, { file, rows: result.rows, ...counts, refused: errors.length, errors }, () =>
    describeImport(result.rows, counts, errors),
  );
  if (errors.length > 0) throw new PartialFailure(`${errors.length} of ${result.rows} rows were not imported`);
}

/** On stderr, for a person watching (not with --json, nor when stderr is not a terminal). */
function progressBar(json: boolean, file: string, size: number): SingleBar | undefined {
  if (json || !process.stderr.isTTY) return undefined;
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${file} [{bar}] {percentage}% | {rows} rows`,
    hideCursor: true,
  });
  bar.start(size, 0, { rows: 0 });
  return bar;
}

function describeImport(rows: number, counts: Record<string, number>, errors: RowReport[]): string {
  const summary = [`${rows} rows`, ...Object.entries(counts).map(([k, v]) => `${v} ${k}`), `${errors.length} refused`];
  const lines = [summary.join(', ')];
  if (errors.length > 0) {
    lines.push(
      table(
        ['line', 'row', 'field', 'problem'],
        errors.map((e) => [e.line, e.row, e.field, e.message]),
      ),
    );
  }
  return lines.join('\n');
}
