import { readBadRequest } from '@chasqui/grpc';
import type { FuzzRequest } from './requests';
import type { Outcome } from './send';

/** Counts by row and column, printed as a table. */
export class Histogram {
  private readonly counts = new Map<string, Map<string, number>>();

  add(row: string, column: string): void {
    const cells = this.counts.get(row) ?? new Map<string, number>();
    cells.set(column, (cells.get(column) ?? 0) + 1);
    this.counts.set(row, cells);
  }

  total(column?: string): number {
    let sum = 0;
    for (const cells of this.counts.values()) {
      for (const [c, n] of cells) if (column === undefined || c === column) sum += n;
    }
    return sum;
  }

  cell(row: string, column: string): number {
    return this.counts.get(row)?.get(column) ?? 0;
  }

  toString(): string {
    const rows = [...this.counts.keys()].sort();
    const columns = [...new Set(rows.flatMap((r) => [...this.counts.get(r)!.keys()]))].sort();
    const width = Math.max(...rows.map((r) => r.length), 5);
    const line = (label: string, cells: (string | number)[]) =>
      [label.padEnd(width), ...cells.map((c, i) => String(c).padStart(Math.max(columns[i]?.length ?? 5, 5)))].join(
        '  ',
      );
    return [
      line('', columns),
      ...rows.map((r) =>
        line(
          r,
          columns.map((c) => this.cell(r, c) || '.'),
        ),
      ),
      line(
        'total',
        columns.map((c) => this.total(c)),
      ),
    ].join('\n');
  }
}

/** A request as JSON a person can read: long strings cut, NaN and friends named. */
export function show(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (v === undefined) return '<undefined>';
    return v;
  });
}

export function describeFailure(fuzz: FuzzRequest, outcome: Outcome): string {
  const violations = outcome.error ? readBadRequest(outcome.error) : [];
  return [
    `#${fuzz.n} ${fuzz.rpc} (${fuzz.shape}${fuzz.what ? `; ${fuzz.what}` : ''}) → ${outcome.code}: ${outcome.error?.details}`,
    `  violations: ${show(violations)}`,
    `  request: ${show(fuzz.request)}`,
  ].join('\n');
}
