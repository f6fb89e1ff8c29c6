import { buildStatement, type OpenDocument } from './statement';

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
    expect(totals).toEqual([
      { currency: 'CLP', balanceMinor: '9007199254740993', overdueMinor: '9007199254740993' },
      { currency: 'MXN', balanceMinor: '1000400', overdueMinor: '1000050' },
    ]);
  });
});
