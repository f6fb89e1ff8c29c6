import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChromiumPool } from '../src/pdf/chromium-pool';
import { DEFAULT_BRAND, type Brand } from '../src/reminder/brand';
import { renderReminder } from '../src/reminder/render-reminder';
import type { ReminderKind } from '../src/reminder/templates';
import { CHROMIUM } from './chromium-path';
import { aCustomer, aLine, aStatement, aTenant } from './factories/statement.factory';
import { pdfText } from './pdf-text';

jest.setTimeout(120_000);

const KINDS: ReminderKind[] = [
  'overdue',
  'due_soon',
  'invoice_issued',
  'statement',
  'account_closing',
  'account_closed',
];

/** What a reader sees of an HTML document: no tags, entities decoded, spaces collapsed. */
const visible = (html: string) =>
  html
    .replace(/<(style|head)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x2F;/g, '/')
    .replace(/&#x60;/g, '`')
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const squeezed = (text: string) => text.replace(/\s+/g, ' ');

const brand = (account: Brand['accounts'][number]): Brand => ({
  ...DEFAULT_BRAND,
  address: 'Oficina central',
  accounts: [account],
  paymentNote: 'Envíe su comprobante a cobranza@empresa.example',
});

// A Mexican company owed MXN and USD; a Chilean one owed CLP; the Mexican company writing to an English-reading customer.
const mexican = aStatement({
  tenant: aTenant({ name: 'Distribuidora del Norte S.A. de C.V.', country: 'MX', locale: 'es-MX' }),
  asOf: '2025-03-31',
  lines: [
    aLine({ invoiceId: 'mx-1', number: 'A-1001', dueDate: '2025-02-14', daysOverdue: 45, balanceMinor: '1234550' }),
    aLine({
      invoiceId: 'mx-2',
      number: 'E-77',
      currency: 'USD',
      dueDate: '2025-04-10',
      daysOverdue: -10,
      totalMinor: '100000',
      balanceMinor: '100000',
    }),
  ],
});
const chilean = aStatement({
  tenant: aTenant({ name: 'Frutícola Sur SpA', country: 'CL', locale: 'es-CL', timeZone: 'America/Santiago' }),
  customer: aCustomer({ legalName: 'Comercial Andes Ltda.', taxId: '76.123.456-7' }),
  asOf: '2025-03-31',
  lines: [
    aLine({
      invoiceId: 'cl-1',
      number: '4521',
      currency: 'CLP',
      dueDate: '2025-03-01',
      daysOverdue: 30,
      totalMinor: '1234567',
      balanceMinor: '1234567',
    }),
  ],
});
const english = aStatement({ ...mexican, customer: aCustomer({ locale: 'en' }) });

const cases = [
  {
    locale: 'es-MX',
    statement: mexican,
    ids: ['mx-1', 'mx-2'],
    account: { bank: 'Banamex', accountType: 'clabe', number: '002010077777777771', currency: 'MXN' },
    money: ['$12,345.50', 'USD 1,000.00'],
    dates: ['14 feb 2025', '10 abr 2025'],
  },
  {
    locale: 'es-CL',
    statement: chilean,
    ids: ['cl-1'],
    account: { bank: 'Banco de Chile', accountType: 'checking', number: '00-123-45678-09', currency: 'CLP' },
    money: ['$1.234.567'],
    dates: ['01-03-2025'],
  },
  {
    locale: 'en',
    statement: english,
    ids: ['mx-1', 'mx-2'],
    account: { bank: 'Banamex', accountType: 'clabe', number: '002010077777777771', currency: 'MXN' },
    // English (en-US) writes its own dollar bare and marks the peso.
    money: ['MX$12,345.50', '$1,000.00'],
    dates: ['Feb 14, 2025', 'Apr 10, 2025'],
  },
] as const;

describe('every default template, in every locale, through to the PDF', () => {
  const pool = new ChromiumPool({ executablePath: CHROMIUM, pages: 1 });
  beforeAll(() => pool.start());
  afterAll(() => pool.stop());

  describe.each(cases)('$locale', ({ statement, ids, account, money, dates }) => {
    const tenantBrand = brand({ ...account, holder: 'Tesorería', holderTaxId: '' });

    it.each(KINDS)('%s: amounts, dates and payment instructions in the HTML and the text', (kind) => {
      const email = renderReminder({ statement, invoiceIds: [...ids], kind, brand: tenantBrand });
      for (const body of [visible(email.html), squeezed(email.text)]) {
        for (const amount of money) expect(body).toContain(amount.replace(/\s/g, ' '));
        for (const date of dates) expect(body).toContain(date);
        expect(body).toContain(`${account.bank} · `);
        expect(body).toContain(account.number);
        expect(body).toContain('Envíe su comprobante a cobranza@empresa.example');
      }
      expect(email.subject).toContain(statement.tenant!.name);
    });

    it('prints the statement PDF with the same amounts, dates and payment instructions', async () => {
      const email = renderReminder({ statement, invoiceIds: [...ids], kind: 'overdue', brand: tenantBrand });
      const text = squeezed(pdfText(await pool.renderPdf(email.statementHtml)));
      for (const amount of money) expect(text).toContain(amount.replace(/\s/g, ' '));
      for (const date of dates) expect(text).toContain(date);
      expect(text).toContain(account.number);
    });
  });

  it('never prints CLP with decimals, nor MXN without them', () => {
    const clp = renderReminder({ statement: chilean, invoiceIds: ['cl-1'], kind: 'overdue' });
    expect(clp.text).not.toMatch(/1\.234\.567,\d/);
    const mxn = renderReminder({ statement: mexican, invoiceIds: ['mx-1'], kind: 'overdue' });
    expect(mxn.text).toContain('$12,345.50');
  });
});

describe('hostile values', () => {
  const pool = new ChromiumPool({ executablePath: CHROMIUM, pages: 1 });
  let server: Server;
  let requests = 0;
  let port = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => (requests++, res.end('x')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    await pool.start();
  });
  afterAll(async () => {
    await pool.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('appear as text in the HTML, the text and the PDF, and fetch nothing', async () => {
    const img = `<img src=http://127.0.0.1:${port}/pixel.png>`;
    const rtl = 'شركة التوزيع';
    const long = 'Ñ'.repeat(10_000);
    const statement = aStatement({
      tenant: aTenant({ name: 'Norte </style><style>* { display: none }</style>' }),
      customer: aCustomer({ legalName: `${img} ${rtl} ${long}` }),
      lines: [aLine({ number: '{{company}}' })],
    });

    const email = renderReminder({ statement, invoiceIds: ['inv-1'], kind: 'overdue' });
    const pdf = await pool.renderPdf(email.statementHtml);

    expect(email.html).not.toContain('<img src=http');
    expect(email.statementHtml).not.toContain('<img src=http');
    for (const body of [visible(email.html), email.text, visible(email.statementHtml)]) {
      expect(body).toContain(img);
      expect(body).toContain('{{company}}');
      expect(body).toContain('Norte </style><style>* { display: none }</style>');
      expect(body).toContain(rtl);
      expect(body).toContain(long);
    }
    const printed = pdfText(pdf).replace(/\s+/g, '');
    expect(printed).toContain(img.replace(/\s+/g, ''));
    expect(printed).toContain('{{company}}');
    expect(printed).toContain('Norte</style><style>*{display:none}</style>');
    expect(printed).toContain('Ñ'.repeat(1_000));
    expect(requests).toBe(0);
  });
});
