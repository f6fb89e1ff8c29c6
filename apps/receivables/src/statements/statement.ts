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

export interface CurrencyTotal {
  currency: string;
  balanceMinor: string;
  overdueMinor: string;
}

/** What a customer owes as of a date: each open document and the totals per currency. */
export function buildStatement(
  documents: OpenDocument[],
  asOf: string,
): { lines: StatementLine[]; totals: CurrencyTotal[] } {
  const lines = documents.map((doc) => ({ ...doc, daysOverdue: daysBetween(doc.dueDate, asOf) }));
  const sums = new Map<string, { balance: bigint; overdue: bigint }>();
  for (const line of lines) {
    const sum = sums.get(line.currency) ?? { balance: 0n, overdue: 0n };
    sum.balance += BigInt(line.balanceMinor);
    if (line.daysOverdue > 0) sum.overdue += BigInt(line.balanceMinor);
    sums.set(line.currency, sum);
  }
  const totals = [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { balance, overdue }]) => ({
      currency,
      balanceMinor: balance.toString(),
      overdueMinor: overdue.toString(),
    }));
  return { lines, totals };
}
