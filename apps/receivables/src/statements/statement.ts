import { daysBetween } from '../ledger/calendar-date';

export interface OpenDocument {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  totalMinor: string;
  balanceMinor: string;
}

export interface StatementLine extends OpenDocument {
  daysOverdue: number;
}

export interface AgingBuckets {
  currentMinor: string;
  overdue1to30Minor: string;
  overdue31to60Minor: string;
  overdue61to90Minor: string;
  overdueOver90Minor: string;
}

export interface CurrencyTotal {
  currency: string;
  balanceMinor: string;
  overdueMinor: string;
  aging: AgingBuckets;
}

export type StatementScope = 'all_open' | 'overdue_only';

/** The aging bucket of a balance by its days overdue: current, 1–30, 31–60, 61–90, over 90. */
export function agingBucket(daysOverdue: number): keyof AgingBuckets {
  if (daysOverdue <= 0) return 'currentMinor';
  if (daysOverdue <= 30) return 'overdue1to30Minor';
  if (daysOverdue <= 60) return 'overdue31to60Minor';
  if (daysOverdue <= 90) return 'overdue61to90Minor';
  return 'overdueOver90Minor';
}

/**
 * What a customer owes as of a date: each open document in scope, and the
 * totals and aging per currency, added exactly (bigint, never floats).
 */
export function buildStatement(
  documents: OpenDocument[],
  asOf: string,
  scope: StatementScope = 'all_open',
): { lines: StatementLine[]; totals: CurrencyTotal[] } {
  const lines = documents
    .map((doc) => ({ ...doc, daysOverdue: daysBetween(doc.dueDate, asOf) }))
    .filter((line) => scope === 'all_open' || line.daysOverdue > 0);
  return { lines, totals: totalsByCurrency(lines) };
}

type Sums = Record<keyof AgingBuckets, bigint>;
const zero = (): Sums => ({
  currentMinor: 0n,
  overdue1to30Minor: 0n,
  overdue31to60Minor: 0n,
  overdue61to90Minor: 0n,
  overdueOver90Minor: 0n,
});

export function totalsByCurrency(
  lines: { currency: string; balanceMinor: string; daysOverdue: number }[],
): CurrencyTotal[] {
  const sums = new Map<string, Sums>();
  for (const line of lines) {
    const sum = sums.get(line.currency) ?? zero();
    sum[agingBucket(line.daysOverdue)] += BigInt(line.balanceMinor);
    sums.set(line.currency, sum);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => {
      const overdue = sum.overdue1to30Minor + sum.overdue31to60Minor + sum.overdue61to90Minor + sum.overdueOver90Minor;
      const aging = Object.fromEntries(
        Object.entries(sum).map(([k, v]) => [k, v.toString()]),
      ) as unknown as AgingBuckets;
      return {
        currency,
        balanceMinor: (sum.currentMinor + overdue).toString(),
        overdueMinor: overdue.toString(),
        aging,
      };
    });
}
