import { agingBucket, buildStatement, type OpenDocument } from './statement';

const doc = (number: string, dueDate: string, currency: string, balanceMinor: string): OpenDocument => ({
  invoiceId: number,
  number,
  issueDate: '2026-10-01',
  dueDate,
  currency,
  totalMinor: balanceMinor,
  balanceMinor,
});

describe('a statement of account as of 2026-11-22', () => {
  const { lines, totals } = buildStatement(
    [
      doc('A-1', '2026-11-12', 'MXN', '1000050'),
      doc('A-2', '2026-11-22', 'MXN', '250'),
      doc('A-3', '2026-12-01', 'MXN', '100'),
      doc('B-1', '2026-10-01', 'CLP', '9007199254740993'),
    ],
    '2026-11-22',
  );

  it('counts days overdue from the due date, negative while not yet due', () => {
    expect(lines.map((l) => [l.number, l.daysOverdue])).toEqual([
      ['A-1', 10],
      ['A-2', 0],
      ['A-3', -9],
      ['B-1', 52],
    ]);
  });

  it('totals balances per currency, overdue only past the due date, exactly', () => {
    expect(
      totals.map(({ currency, balanceMinor, overdueMinor }) => ({ currency, balanceMinor, overdueMinor })),
    ).toEqual([
      { currency: 'CLP', balanceMinor: '9007199254740993', overdueMinor: '9007199254740993' },
      { currency: 'MXN', balanceMinor: '1000400', overdueMinor: '1000050' },
    ]);
  });

  it('ages each balance into its bucket', () => {
    expect(totals[0].aging).toMatchObject({ overdue31to60Minor: '9007199254740993', currentMinor: '0' });
    expect(totals[1].aging).toEqual({
      currentMinor: '350',
      overdue1to30Minor: '1000050',
      overdue31to60Minor: '0',
      overdue61to90Minor: '0',
      overdueOver90Minor: '0',
    });
  });

  it('shows only overdue documents when asked for the overdue-only scope', () => {
    const overdue = buildStatement(
      [doc('A-1', '2026-11-12', 'MXN', '100'), doc('A-2', '2026-11-22', 'MXN', '250')],
      '2026-11-22',
      'overdue_only',
    );
    expect(overdue.lines.map((l) => l.number)).toEqual(['A-1']);
    expect(overdue.totals[0].balanceMinor).toBe('100');
  });
});

describe('aging buckets', () => {
  it.each([
    [-5, 'currentMinor'],
    [0, 'currentMinor'],
    [1, 'overdue1to30Minor'],
    [30, 'overdue1to30Minor'],
    [31, 'overdue31to60Minor'],
    [60, 'overdue31to60Minor'],
    [61, 'overdue61to90Minor'],
    [90, 'overdue61to90Minor'],
    [91, 'overdueOver90Minor'],
  ] as const)('%d days overdue falls in %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });
});
