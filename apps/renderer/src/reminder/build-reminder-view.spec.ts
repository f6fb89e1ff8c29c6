import { aLine, aStatement } from '../../test/factories/statement.factory';
import { buildReminderView } from './build-reminder-view';
import { ReminderError } from './reminder.errors';

describe('buildReminderView', () => {
  const statement = aStatement({
    lines: [
      aLine({ invoiceId: 'inv-1', number: 'A-1001', daysOverdue: 1, balanceMinor: '10000' }),
      aLine({ invoiceId: 'inv-2', number: 'A-1002', daysOverdue: 45, balanceMinor: '25050' }),
      aLine({ invoiceId: 'inv-3', number: 'A-1003', daysOverdue: -5, dueDate: '2025-04-05', balanceMinor: '99900' }),
      aLine({ invoiceId: 'inv-4', number: 'U-7', currency: 'USD', daysOverdue: 0, balanceMinor: '5000' }),
    ],
  });

  it('lists the requested invoices in statement order, and the whole statement', () => {
    const view = buildReminderView(statement, ['inv-2', 'inv-1'], 'es-MX');
    expect(view.invoices.map((i) => i.number)).toEqual(['A-1001', 'A-1002']);
    expect(view.statementLines.map((i) => i.number)).toEqual(['A-1001', 'A-1002', 'A-1003', 'U-7']);
    expect(view).toMatchObject({ invoiceCount: '2', single: false, firstInvoiceNumber: 'A-1001' });
  });

  it.each([
    [1, '1', true, true],
    [45, '45', true, false],
    [1234, '1,234', true, false],
    [0, '—', false, false],
    [-5, '—', false, false],
  ])('shows %i days overdue as "%s"', (days, shown, isOverdue, oneDay) => {
    const view = buildReminderView(aStatement({ lines: [aLine({ daysOverdue: days })] }), ['inv-1'], 'es-MX');
    expect(view.invoices[0]).toMatchObject({ daysOverdue: shown, isOverdue, oneDay });
  });

  it('totals what is overdue per currency, leaving out currencies with nothing overdue', () => {
    const view = buildReminderView(statement, ['inv-1'], 'es-MX');
    expect(view.overdueTotals).toEqual([{ currency: 'MXN', amount: '$350.50' }]);
    expect(view.statementTotals).toEqual([
      { currency: 'MXN', balance: '$1,349.50', overdue: '$350.50' },
      { currency: 'USD', balance: 'USD\u00a050.00', overdue: 'USD\u00a00.00' },
    ]);
  });

  it('leaves out a requested invoice that is paid or no longer on the statement', () => {
    const withPaid = aStatement({ lines: [aLine(), aLine({ invoiceId: 'inv-9', number: 'A-9', balanceMinor: '0' })] });
    const view = buildReminderView(withPaid, ['inv-1', 'inv-9', 'inv-gone'], 'es-MX');
    expect(view.invoices.map((i) => i.number)).toEqual(['A-1001']);
    expect(view.single).toBe(true);
  });

  it('refuses a reminder none of whose invoices is still owed', () => {
    const paid = aStatement({ lines: [aLine({ balanceMinor: '0' })] });
    const error = thrown(() => buildReminderView(paid, ['inv-1'], 'es-MX'));
    expect(error).toBeInstanceOf(ReminderError);
    expect(error).toHaveProperty('code', 'REMINDER.NO_OPEN_INVOICES');
  });

  it.each([
    ['tenant', aStatement({ tenant: undefined })],
    ['customer', aStatement({ customer: undefined })],
  ])('refuses a statement without its %s', (_, incomplete) => {
    const error = thrown(() => buildReminderView(incomplete, ['inv-1'], 'es-MX'));
    expect(error).toBeInstanceOf(ReminderError);
    expect(error).toHaveProperty('code', 'REMINDER.INCOMPLETE_STATEMENT');
  });
});

function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}
