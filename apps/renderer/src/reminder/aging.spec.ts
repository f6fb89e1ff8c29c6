import type { receivables } from '@chasqui/contracts';
import { ageBalances } from './aging';

const line = (currency: string, balanceMinor: string, daysOverdue: number): receivables.StatementLine => ({
  invoiceId: `${currency}-${daysOverdue}`,
  number: 'A-1',
  issueDate: '2025-01-01',
  dueDate: '2025-02-01',
  currency,
  totalMinor: balanceMinor,
  balanceMinor,
  daysOverdue,
});

describe('ageBalances', () => {
  it('puts each balance in its bucket by days overdue, at the edges too', () => {
    const [mxn] = ageBalances([
      line('MXN', '100', -5),
      line('MXN', '1', 0),
      line('MXN', '200', 1),
      line('MXN', '300', 30),
      line('MXN', '400', 31),
      line('MXN', '500', 60),
      line('MXN', '600', 61),
      line('MXN', '700', 90),
      line('MXN', '800', 91),
    ]);
    expect(mxn).toEqual({
      currency: 'MXN',
      current: 101n,
      days1to30: 500n,
      days31to60: 900n,
      days61to90: 1300n,
      over90: 800n,
    });
  });

  it('keeps currencies apart, in the order they first appear, and leaves settled lines out', () => {
    const aging = ageBalances([line('USD', '5', 10), line('MXN', '0', 10), line('MXN', '7', 100)]);
    expect(aging.map((a) => [a.currency, a.days1to30, a.over90])).toEqual([
      ['USD', 5n, 0n],
      ['MXN', 0n, 7n],
    ]);
  });

  it('adds amounts past 2^53 exactly', () => {
    const [clp] = ageBalances([line('CLP', '9007199254740993', 45), line('CLP', '1', 45)]);
    expect(clp?.days31to60).toBe(9007199254740994n);
  });
});
