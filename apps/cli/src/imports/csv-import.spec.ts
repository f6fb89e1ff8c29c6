import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../cli-errors';
import { importCsv, rowReports } from './csv-import';
import { INVOICE_COLUMNS, toInvoiceRow } from './invoice-rows';

const fileWith = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'csv-import-')), 'invoices.csv');
  writeFileSync(path, text);
  return path;
};

const HEADER = 'customer_external_id,folio,issue_date,currency,total_minor\n';

describe('importCsv', () => {
  it('sends the rows in chunks and keeps where each sent row is, the bad ones reported by line', async () => {
    const file = fileWith(
      `\uFEFF${HEADER}C1,1,2026-01-01,MXN,100\n\nC1,2,2026-01-01,MXN,1.5\nC1,3,2026-01-01,MXN,300\nC1,4,2026-01-01,MXN,400\n`,
    );
    const chunks: string[][] = [];
    const result = await importCsv({
      file,
      columns: INVOICE_COLUMNS,
      toRow: toInvoiceRow,
      chunkSize: 2,
      send: async (rows) => void chunks.push(rows.map((r) => r.folio)),
    });
    expect(chunks).toEqual([['1', '3'], ['4']]);
    expect(result.rows).toBe(4);
    expect(result.sent).toEqual([
      { line: 2, row: 1 },
      { line: 5, row: 3 },
      { line: 6, row: 4 },
    ]);
    expect(result.problems).toEqual([
      { line: 4, row: 2, field: 'total_minor', message: 'must be a whole number of minor units (got "1.5")' },
    ]);
  });

  it('refuses a file it cannot parse, naming the file and line', async () => {
    const file = fileWith(`${HEADER}C1,1,2026-01-01,MXN,100,extra\n`);
    const run = importCsv({ file, columns: INVOICE_COLUMNS, toRow: toInvoiceRow, chunkSize: 10, send: async () => {} });
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/invoices\.csv: .*line 2/);
  });
});

describe('rowReports', () => {
  it("places the service's errors (by position in the stream) at their lines, with the file's own, in file order", () => {
    const result = {
      rows: 4,
      sent: [
        { line: 2, row: 1 },
        { line: 5, row: 3 },
        { line: 6, row: 4 },
      ],
      problems: [{ line: 4, row: 2, field: 'total_minor', message: 'must be a whole number' }],
    };
    expect(rowReports([{ row: '1', field: 'issue_date', description: 'must be a date' }], result)).toEqual([
      { line: 4, row: 2, field: 'total_minor', message: 'must be a whole number' },
      { line: 5, row: 3, field: 'issue_date', message: 'must be a date' },
    ]);
  });
});
