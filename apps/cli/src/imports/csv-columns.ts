import { UsageError } from '../cli-errors';

/** The columns of an import file: those it must have and those it may have. */
export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

/** A field of a row that cannot be sent as it is (the service never sees the row). */
export class RowProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The header row, checked: every required column present, none unknown (a misspelt column would be lost). */
export function checkHeader(file: string, header: string[], spec: ColumnSpec): string[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const known = [...spec.required, ...spec.optional];
  const missing = spec.required.filter((name) => !names.includes(name));
  const unknown = names.filter((name) => !known.includes(name));
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  const problems = [
    missing.length > 0 ? `missing column(s) ${missing.join(', ')}` : '',
    unknown.length > 0 ? `unknown column(s) ${unknown.join(', ')}` : '',
    repeated.length > 0 ? `repeated column(s) ${repeated.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new UsageError(`${file}: ${problems.join('; ')} (columns: ${known.join(', ')})`);
  }
  return names;
}

/** A cell that must not be empty. */
export function required(record: Record<string, string>, field: string): string {
  const value = record[field] ?? '';
  if (value === '') throw new RowProblem(field, 'is required');
  return value;
}

/** Minor units of money: a whole number (int64 on the wire, a string of digits). */
export function minor(record: Record<string, string>, field: string): string {
  const value = required(record, field);
  if (!/^-?\d+$/.test(value)) throw new RowProblem(field, `must be a whole number of minor units (got "${value}")`);
  return BigInt(value).toString();
}
