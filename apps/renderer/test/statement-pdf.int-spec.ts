import { ChromiumPool } from '../src/pdf/chromium-pool';
import { CHROMIUM } from './chromium-path';
import { renderReminder } from '../src/reminder/render-reminder';
import { aCustomer, aLine, aStatement, aTenant } from './factories/statement.factory';
import { PNG } from 'pngjs';
import { DEFAULT_BRAND } from '../src/reminder/brand';
import { pdfImageCount, pdfInfo, pdfPages, pdfText } from './pdf-text';

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

  it('fits 25 documents and the totals on one Letter page (a Mexican company), all of them legible', async () => {
    const { statementHtml } = renderReminder({ statement: busy, invoiceIds: ['inv-1'], kind: 'overdue' });

    const pdf = await pool.renderPdf(statementHtml);

    expect(pdfInfo(pdf)).toEqual({ pages: 1, pageSize: expect.stringContaining('(letter)') });
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

  it('prints on A4 where the country does, or when the tenant chooses it', async () => {
    const argentine = aStatement({ ...busy, tenant: aTenant({ country: 'AR' }) });
    const chosen = { ...DEFAULT_BRAND, paper: 'a4' as const };
    for (const [statement, brand] of [
      [argentine, undefined],
      [busy, chosen],
    ] as const) {
      const { statementHtml } = renderReminder({ statement, invoiceIds: ['inv-1'], kind: 'overdue', brand });
      expect(pdfInfo(await pool.renderPdf(statementHtml)).pageSize).toContain('(A4)');
    }
  });

  it('prints 200 open invoices on numbered pages, each with the header and column heads, no row split', async () => {
    const lines = Array.from({ length: 200 }, (_, i) =>
      aLine({
        invoiceId: `inv-${i + 1}`,
        number: `F-${String(i + 1).padStart(4, '0')}`,
        balanceMinor: String(10_000_00 + i),
        totalMinor: String(10_000_00 + i),
        daysOverdue: (i % 120) - 10,
      }),
    );
    const { statementHtml } = renderReminder({
      statement: aStatement({ ...busy, lines }),
      invoiceIds: ['inv-1'],
      kind: 'statement',
    });

    const pages = pdfPages(await pool.renderPdf(statementHtml));

    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain('Distribuidora del Norte S.A. de C.V.');
      expect(page).toContain('Estado de cuenta · Comercial López S.A. de C.V.');
      expect(page).toMatch(/Factura\s+Emisión\s+Vencimiento/);
      expect(page).toContain(`Página ${i + 1} de ${pages.length}`);
    });
    for (const [i, line] of lines.entries()) {
      const holding = pages.filter((page) => page.includes(line.number));
      expect(holding).toHaveLength(1);
      // The row whole on its page: its number and its balance on one printed line.
      const row = holding[0]!.split('\n').find((text) => text.includes(line.number));
      expect(row).toContain(`$${(10_000 + i / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    }
    const last = pages.at(-1)!;
    expect(last).toContain('Antigüedad de saldos');
    expect(last).toMatch(/Por vencer\s+1–30 días\s+31–60 días\s+61–90 días\s+Más de 90/);
    expect(last).toContain('Totales por moneda');
  });

  it('embeds the logo and shows company details and payment instructions, fetching nothing', async () => {
    const png = new PNG({ width: 4, height: 2 });
    png.data.fill(200);
    const brand = {
      ...DEFAULT_BRAND,
      logo: { contentType: 'image/png', content: PNG.sync.write(png) },
      address: 'Av. Constitución 100, Monterrey',
      phone: '+52 81 5555 0000',
      accounts: [
        {
          bank: 'BBVA México',
          accountType: 'clabe' as const,
          number: '012180001234567897',
          holder: 'Distribuidora del Norte S.A. de C.V.',
          holderTaxId: 'DNO010101AAA',
          currency: 'MXN',
        },
      ],
      paymentNote: 'Envíe su comprobante a cobranza@dnorte.mx',
    };
    const { statementHtml } = renderReminder({ statement: busy, invoiceIds: ['inv-1'], kind: 'overdue', brand });

    const pdf = await pool.renderPdf(statementHtml);

    expect(pdfImageCount(pdf)).toBeGreaterThan(0);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Av. Constitución 100, Monterrey · +52 81 5555 0000');
    expect(text).toContain('BBVA México · CLABE 012180001234567897');
    expect(text).toContain('Envíe su comprobante a cobranza@dnorte.mx');
  });

  it('prints hostile names as text in the body and on every page header', async () => {
    const hostile = aStatement({
      ...busy,
      tenant: aTenant({ name: 'Norte "</style><img src=http://127.0.0.1:9/x>' }),
      customer: aCustomer({ legalName: `עברית ${'x'.repeat(10_000)}` }),
      lines: [aLine({ number: '{{company}}' })],
    });
    const { statementHtml } = renderReminder({ statement: hostile, invoiceIds: ['inv-1'], kind: 'overdue' });

    const pdf = await pool.renderPdf(statementHtml);

    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('Norte"</style><imgsrc=http://127.0.0.1:9/x>');
    expect(text).toContain('{{company}}');
    expect(text).toContain('עברית');
    expect(pdfImageCount(pdf)).toBe(0);
  });
});
