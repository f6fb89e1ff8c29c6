import { CsvError, parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { UsageError } from '../cli-errors';
import { checkHeader, RowProblem, type ColumnSpec } from './csv-columns';

/** Where a row is in the file: its line (as an editor numbers it) and its place among the data rows (from 1). */
export interface RowPlace {
  line: number;
  row: number;
}

/** A row that was not imported: where it is, which field, and why. */
export interface RowReport extends RowPlace {
  field: string;
  message: string;
}

export interface CsvImportOptions<Row> {
  file: string;
  columns: ColumnSpec;
  toRow: (record: Record<string, string>) => Row;
  chunkSize: number;
  /** Sends a chunk; awaiting it keeps the file's pace to the stream's. */
  send: (rows: Row[]) => Promise<void>;
  /** Bytes of the file read so far and rows read so far, after each chunk. */
  onProgress?: (bytes: number, rows: number) => void;
}

export interface CsvImportResult {
  /** Where each sent row is in the file, in the order sent (the service reports rows by this order). */
  sent: RowPlace[];
  /** The rows that could not be sent as they are. */
  problems: RowReport[];
  rows: number;
}

/** Reads the file as a stream, a row at a time, and sends its rows in chunks. */
export async function importCsv<Row>(options: CsvImportOptions<Row>): Promise<CsvImportResult> {
  const { file, columns, toRow, chunkSize, send, onProgress } = options;
  const sent: RowPlace[] = [];
  const problems: RowReport[] = [];
  let chunk: Row[] = [];
  let rows = 0;
  let bytes = 0;
  const input = createReadStream(file);
  input.on('data', (data) => (bytes += data.length));
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => checkHeader(file, header, columns),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  const flush = async () => {
    if (chunk.length === 0) return;
    const rowsToSend = chunk;
    chunk = [];
    await send(rowsToSend);
    onProgress?.(bytes, rows);
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; records: number };
    }>) {
      rows += 1;
      const place = { line: info.lines, row: info.records };
      try {
        chunk.push(toRow(record));
        sent.push(place);
      } catch (error) {
        if (!(error instanceof RowProblem)) throw error;
        problems.push({ ...place, field: error.field, message: error.message });
      }
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
  } catch (error) {
    input.destroy();
    throw fileError(file, error);
  }
  return { sent, problems, rows };
}

/** A file that cannot be read or parsed is the caller's to fix: a usage error naming the file and line. */
function fileError(file: string, error: unknown): unknown {
  if (error instanceof UsageError) return error;
  if (error instanceof CsvError) {
    return new UsageError(
      `${file}: ${error.message}; the import stopped there (rows sent before it may be imported: ` +
        'running it again once fixed is safe)',
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
    return new UsageError(`${file}: cannot read (${code})`);
  return error;
}

/** The service's reports (rows by their 0-based place in the stream) beside the file's own, in file order. */
export function rowReports(
  serviceErrors: { row: string; field: string; description: string }[],
  result: CsvImportResult,
): RowReport[] {
  const fromService = serviceErrors.map((error) => {
    const place = result.sent[Number(error.row)] ?? { line: 0, row: Number(error.row) + 1 };
    return { ...place, field: error.field, message: error.description };
  });
  return [...result.problems, ...fromService].sort((a, b) => a.line - b.line || a.row - b.row);
}
