import type { receivables } from '@chasqui/contracts';

/** Balances by days overdue, as receivables ages them: not yet due, 1–30, 31–60, 61–90, over 90. */
export interface AgingMinor {
  currency: string;
  current: bigint;
  days1to30: bigint;
  days31to60: bigint;
  days61to90: bigint;
  over90: bigint;
}

/** The open balance of each currency by age, currencies in the order the statement first shows them. */
export function ageBalances(lines: receivables.StatementLine[]): AgingMinor[] {
  const byCurrency = new Map<string, AgingMinor>();
  for (const line of lines) {
    const balance = /^-?\d+$/.test(line.balanceMinor) ? BigInt(line.balanceMinor) : 0n;
    if (balance <= 0n) continue;
    let aging = byCurrency.get(line.currency);
    if (!aging) {
      aging = { currency: line.currency, current: 0n, days1to30: 0n, days31to60: 0n, days61to90: 0n, over90: 0n };
      byCurrency.set(line.currency, aging);
    }
    aging[bucketOf(line.daysOverdue)] += balance;
  }
  return [...byCurrency.values()];
}

function bucketOf(daysOverdue: number): Exclude<keyof AgingMinor, 'currency'> {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return 'days1to30';
  if (daysOverdue <= 60) return 'days31to60';
  if (daysOverdue <= 90) return 'days61to90';
  return 'over90';
}
