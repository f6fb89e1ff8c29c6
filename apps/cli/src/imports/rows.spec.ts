import { UsageError } from '../cli-errors';
import { checkHeader, RowProblem } from './csv-columns';
import { INVOICE_COLUMNS, toInvoiceRow } from './invoice-rows';
import { parseAllocations, PAYMENT_COLUMNS, toPaymentRow } from './payment-rows';

const problemOf = (fn: () => unknown): { field: string; message: string } => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RowProblem) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('no problem found');
};

describe('invoice rows', () => {
  const row = {
    customer_external_id: 'C-100',
    series: 'A',
    folio: '1001',
    issue_date: '2026-01-15',
    due_date: '',
    currency: 'mxn',
    total_minor: '0125050',
  };

  it('become InvoiceRows: money as a string of minor units, currency in capitals, empty due date left to the service', () => {
    expect(toInvoiceRow(row)).toEqual({
      customerExternalId: 'C-100',
      series: 'A',
      folio: '1001',
      issueDate: '2026-01-15',
      dueDate: '',
      currency: 'MXN',
      totalMinor: '125050',
    });
  });

  it('name the field that cannot be sent', () => {
    expect(problemOf(() => toInvoiceRow({ ...row, total_minor: '1250.50' }))).toEqual({
      field: 'total_minor',
      message: 'must be a whole number of minor units (got "1250.50")',
    });
    expect(problemOf(() => toInvoiceRow({ ...row, folio: '' }))).toEqual({ field: 'folio', message: 'is required' });
  });

  it('optional columns may be left out of the file', () => {
    const { series: _series, due_date: _due, ...minimal } = row;
    expect(toInvoiceRow(minimal)).toMatchObject({ series: '', dueDate: '' });
  });
});

describe('payment rows', () => {
  it('carry their allocations by series and folio', () => {
    expect(
      toPaymentRow({
        external_id: 'P-1',
        customer_external_id: 'C-100',
        date: '2026-02-01',
        currency: 'MXN',
        amount_minor: '51200',
        allocations: 'A/1001=50000; 7=1200',
      }),
    ).toEqual({
      externalId: 'P-1',
      customerExternalId: 'C-100',
      date: '2026-02-01',
      currency: 'MXN',
      amountMinor: '51200',
      allocations: [
        { series: 'A', folio: '1001', amountMinor: '50000' },
        { series: '', folio: '7', amountMinor: '1200' },
      ],
    });
  });

  it('without allocations leave them to the tenant; a malformed one names the field', () => {
    expect(parseAllocations('')).toEqual([]);
    expect(problemOf(() => parseAllocations('A/1001:500'))).toEqual({
      field: 'allocations',
      message: '"A/1001:500" is not SERIES/FOLIO=AMOUNT_MINOR (e.g. A/1001=50000)',
    });
  });
});

describe('checkHeader', () => {
  it('takes the columns in any order and case', () => {
    expect(
      checkHeader('f.csv', ['Total_Minor', 'folio', 'currency', 'issue_date', 'customer_external_id'], INVOICE_COLUMNS),
    ).toEqual(['total_minor', 'folio', 'currency', 'issue_date', 'customer_external_id']);
  });

  it('names missing, unknown and repeated columns', () => {
    expect(() =>
      checkHeader(
        'p.csv',
        ['external_id', 'customer_external_id', 'date', 'date', 'currency', 'amount'],
        PAYMENT_COLUMNS,
      ),
    ).toThrow(
      new UsageError(
        'p.csv: missing column(s) amount_minor; unknown column(s) amount; repeated column(s) date ' +
          '(columns: external_id, customer_external_id, date, currency, amount_minor, allocations)',
      ),
    );
  });
});
