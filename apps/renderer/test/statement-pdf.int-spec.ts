import { ChromiumPool } from '../src/pdf/chromium-pool';
import { CHROMIUM } from './chromium-path';
import { renderReminder } from '../src/reminder/render-reminder';
import { aCustomer, aLine, aStatement, aTenant } from './factories/statement.factory';
import { pdfInfo, pdfText } from './pdf-text';

jest.setTimeout(60_000);

// A customer with 25 open invoices in two currencies: the statement a busy account gets.
const busy = aStatement({
  tenant: aTenant({ name: 'Distribuidora del Norte S.A. de C.V.' }),
  customer: aCustomer({ legalName: 'Comercial López S.A. de C.V.', taxId: 'CLO010203AB1' }),
  asOf: '2025-03-31',
  lines: Array.from({ length: 25 }, (_, i) =>
    aLine({
      invoiceId: `inv-${i + 1}`,
      number: `A-${2001 + i}`,
      currency: i % 5 === 4 ? 'USD' : 'MXN',
      totalMinor: String(1_000_000_00 + i * 1_234_56),
      balanceMinor: String(1_000_000_00 + i * 1_234_56 - (i % 3) * 50_000_00),
      daysOverdue: 60 - i * 3,
    }),
  ),
});

describe('the statement PDF', () => {
  const pool = new ChromiumPool({ executablePath: CHROMIUM, pages: 1 });
  beforeAll(() => pool.start());
  afterAll(() => pool.stop());

  it('fits 25 documents and the totals on one A4 page, all of them legible', async () => {
    const { statementHtml } = renderReminder({ statement: busy, invoiceIds: ['inv-1'], kind: 'overdue' });

    const pdf = await pool.renderPdf(statementHtml);

    expect(pdfInfo(pdf)).toEqual({ pages: 1, pageSize: expect.stringContaining('(A4)') });
    const text = pdfText(pdf);
    expect(text).toContain('Distribuidora del Norte S.A. de C.V.');
    expect(text).toContain('Comercial López S.A. de C.V.');
    expect(text).toContain('RFC: CLO010203AB1');
    expect(text).toContain('Al 31 mar 2025');
    for (let i = 0; i < 25; i++) expect(text).toContain(`A-${2001 + i}`);
    expect(text).toContain('$1,000,000.00'); // A-2001, MXN
    expect(text).toContain('USD 1,004,938.24'); // A-2005 total
    expect(text).toContain('Totales por moneda');
  });
});
