import { aCustomer, aLine, aStatement, aTenant } from '../../test/factories/statement.factory';
import { renderReminder } from './render-reminder';

// Distribuidora del Norte reminds Comercial López of two overdue MXN invoices; a third is not yet due.
const lopez = aStatement({
  asOf: '2025-03-31',
  lines: [
    aLine({
      invoiceId: 'inv-1',
      number: 'A-1001',
      issueDate: '2025-01-15',
      dueDate: '2025-02-14',
      daysOverdue: 45,
      totalMinor: '250000',
      balanceMinor: '150000',
    }),
    aLine({
      invoiceId: 'inv-2',
      number: 'A-1002',
      issueDate: '2025-02-01',
      dueDate: '2025-03-03',
      daysOverdue: 28,
      totalMinor: '123456',
      balanceMinor: '123456',
    }),
    aLine({
      invoiceId: 'inv-3',
      number: 'A-1003',
      issueDate: '2025-03-20',
      dueDate: '2025-04-19',
      daysOverdue: -19,
      totalMinor: '99900',
      balanceMinor: '99900',
    }),
  ],
});
const overdue = (statement = lopez, invoiceIds = ['inv-1', 'inv-2']) =>
  renderReminder({ statement, invoiceIds, kind: 'overdue' });

/** What a reader sees of an HTML document: no tags, entities decoded. */
const visible = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x2F;/g, '/')
    .replace(/&#x60;/g, '`')
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ');

describe('renderReminder, overdue', () => {
  it('names the company in the subject, and counts the invoices', () => {
    expect(overdue().subject).toBe('Distribuidora del Norte S.A. de C.V.: 2 facturas vencidas');
    expect(overdue(lopez, ['inv-2']).subject).toBe(
      'Distribuidora del Norte S.A. de C.V.: la factura A-1002 está vencida',
    );
  });

  it('shows in the email only the invoices the reminder is about, with due date, days overdue and balance', () => {
    const { html, text } = overdue();
    for (const body of [visible(html), text]) {
      expect(body).toContain('A-1001');
      expect(body).toContain('14 feb 2025');
      expect(body).toContain('45');
      expect(body).toContain('$1,500.00');
      expect(body).toContain('A-1002');
      expect(body).toContain('$1,234.56');
      expect(body).not.toContain('A-1003');
      expect(body).not.toContain('$999.00');
    }
    expect(text).toContain('- Factura A-1001, vencimiento 14 feb 2025 (45 días de atraso): saldo $1,500.00');
  });

  it('greets the customer, signs as the company, totals what is overdue and says the statement is attached', () => {
    const { html, text } = overdue();
    for (const body of [visible(html), text]) {
      expect(body).toContain('Estimado cliente Comercial López S.A. de C.V.:');
      expect(body).toContain('Distribuidora del Norte S.A. de C.V.');
      expect(body).toMatch(/Total vencido:?\s+(- )?\$2,734\.56\b/);
      expect(body).toContain('Adjuntamos su estado de cuenta al 31 mar 2025 en PDF.');
    }
  });

  it('does not promise a PDF that is not attached', () => {
    const { html, text } = renderReminder({
      statement: lopez,
      invoiceIds: ['inv-1'],
      kind: 'overdue',
      attachStatement: false,
    });
    expect(html).not.toContain('Adjuntamos');
    expect(text).not.toContain('Adjuntamos');
  });

  it('links the statement as it is when opened, in the HTML and the text, only when there is a link', () => {
    const url = 'https://estados.example.com/statements/eyJhIjoxfQ.c2ln';
    for (const kind of ['overdue', 'statement', 'due_soon'] as const) {
      const { html, text } = renderReminder({ statement: lopez, invoiceIds: ['inv-1'], kind, statementUrl: url });
      expect(html).toMatch(/<a href="https:&#x2F;&#x2F;estados\.example\.com&#x2F;statements&#x2F;eyJhIjoxfQ\.c2ln"/);
      expect(visible(html)).toContain('Descargue su estado de cuenta actualizado');
      expect(text).toContain(`Descargue su estado de cuenta actualizado: ${url}`);
    }
    const { html, text } = overdue();
    expect(html).not.toContain('<a ');
    expect(text).not.toContain('Descargue');
  });

  it('puts every open document and the totals per currency in the statement', () => {
    const withUsd = aStatement({
      lines: [
        ...lopez.lines,
        aLine({
          invoiceId: 'inv-4',
          number: 'E-77',
          currency: 'USD',
          totalMinor: '50000',
          balanceMinor: '50000',
          daysOverdue: 3,
        }),
      ],
    });
    const statement = visible(overdue(withUsd, ['inv-1']).statementHtml);
    expect(statement).toContain('Estado de cuenta');
    expect(statement).toContain('Al 31 mar 2025');
    expect(statement).toContain('Comercial López S.A. de C.V.');
    expect(statement).toContain('RFC: CLO010203AB1');
    expect(statement).toContain('A-1003 20 mar 2025 19 abr 2025 — MXN $999.00 $999.00');
    expect(statement).toContain('A-1001 15 ene 2025 14 feb 2025 45 MXN $2,500.00 $1,500.00');
    expect(statement).toContain('E-77');
    expect(statement).toContain('MXN $3,733.56 $2,734.56');
    expect(statement).toContain('USD USD\u00a0500.00 USD\u00a0500.00');
  });

  it('names the PDF after the customer and the date, in ASCII', () => {
    expect(overdue().statementFilename).toBe('estado-de-cuenta-comercial-lopez-s-a-de-c-v-2025-03-31.pdf');
    const english = renderReminder({ statement: lopez, invoiceIds: ['inv-1'], kind: 'overdue', locale: 'en' });
    expect(english.statementFilename).toBe('statement-comercial-lopez-s-a-de-c-v-2025-03-31.pdf');
  });

  it('makes a responsive email with its styles inline', () => {
    const { html } = overdue();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('max-width:600px');
    expect(html).not.toMatch(/<style|<link/i);
    expect(html).not.toContain('{{');
  });
});

describe('renderReminder with hostile names', () => {
  const hostile = aStatement({
    tenant: aTenant({ name: '<img src=x onerror=alert(1)> & Co' }),
    customer: aCustomer({ legalName: '<script>alert(1)</script>', taxId: '"><b>x</b>' }),
    lines: [aLine({ number: '<i>A-1</i>' })],
  });

  it('escapes every value in the email and the statement', () => {
    const { html, statementHtml } = overdue(hostile, ['inv-1']);
    for (const doc of [html, statementHtml]) {
      expect(doc).not.toContain('<script>');
      expect(doc).not.toContain('<img');
      expect(doc).not.toContain('<b>x</b>');
      expect(doc).not.toContain('<i>A-1</i>');
      expect(doc).toContain('&lt;script&gt;alert(1)&lt;&#x2F;script&gt;');
      expect(visible(doc)).toContain('<script>alert(1)</script>');
      expect(visible(doc)).toContain('<img src=x onerror=alert(1)> & Co');
    }
  });

  it('writes names as they are in the plain text and the subject', () => {
    const { text, subject } = overdue(hostile, ['inv-1']);
    expect(text).toContain('Estimado cliente <script>alert(1)</script>:');
    expect(subject).toBe('<img src=x onerror=alert(1)> & Co: la factura <i>A-1</i> está vencida');
  });

  it('shows template tags inside data as text, never runs them', () => {
    const sneaky = aStatement({ customer: aCustomer({ legalName: '{{company}} {{{company}}}' }) });
    const { html, text } = overdue(sneaky, ['inv-1']);
    expect(text).toContain('Estimado cliente {{company}} {{{company}}}:');
    expect(visible(html)).toContain('Estimado cliente {{company}} {{{company}}}:');
  });

  it('keeps the subject on one line whatever the company name holds', () => {
    const crlf = aStatement({ tenant: aTenant({ name: 'Acme\r\nBcc: everyone@example.com' }) });
    const { subject } = overdue(crlf, ['inv-1']);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('Acme Bcc: everyone@example.com: la factura A-1001 está vencida');
  });
});

describe('renderReminder in the reader’s locale', () => {
  const chilean = aStatement({
    tenant: aTenant({ name: 'Frutícola Sur SpA', locale: 'es-CL', country: 'CL', defaultCurrency: 'CLP' }),
    customer: aCustomer({ legalName: 'Agrícola Los Robles Ltda.', taxId: '76.123.456-7' }),
    asOf: '2025-03-31',
    lines: [
      aLine({
        number: '4521',
        currency: 'CLP',
        totalMinor: '1234567',
        balanceMinor: '1234567',
        dueDate: '2025-03-01',
        daysOverdue: 30,
      }),
    ],
  });

  it.each([
    // job's locale, customer's, tenant's → what the reader sees
    [undefined, '', 'es-CL', 'Estimado(a) Agrícola Los Robles Ltda.:', '$1.234.567', '01-03-2025', 'RUT: 76.123.456-7'],
    ['en', '', 'es-CL', 'Dear Agrícola Los Robles Ltda.,', `CLP\u00a01,234,567`, 'Mar 1, 2025', 'Tax ID: 76.123.456-7'],
    [
      undefined,
      'en',
      'es-CL',
      'Dear Agrícola Los Robles Ltda.,',
      `CLP\u00a01,234,567`,
      'Mar 1, 2025',
      'Tax ID: 76.123.456-7',
    ],
    [
      undefined,
      'es-MX',
      'es-CL',
      'Estimado cliente Agrícola Los Robles Ltda.:',
      `CLP\u00a01,234,567`,
      '1 mar 2025',
      'RFC: 76.123.456-7',
    ],
    [
      undefined,
      'pt-BR',
      'es-CL',
      'Dear Agrícola Los Robles Ltda.,',
      `CLP\u00a01,234,567`,
      'Mar 1, 2025',
      'Tax ID: 76.123.456-7',
    ],
  ])(
    'job %p, customer %p, tenant %p: "%s", %s, %s',
    (locale, customerLocale, tenantLocale, greeting, money, date, taxId) => {
      const statement = {
        ...chilean,
        customer: aCustomer({ ...chilean.customer, locale: customerLocale }),
        tenant: aTenant({ ...chilean.tenant, locale: tenantLocale }),
      };
      const rendered = renderReminder({ statement, invoiceIds: ['inv-1'], kind: 'overdue', locale });
      for (const body of [visible(rendered.html), rendered.text]) {
        expect(body).toContain(greeting);
        expect(body).toContain(money);
        expect(body).toContain(date);
      }
      expect(visible(rendered.statementHtml)).toContain(taxId);
      expect(rendered.subject).toContain('Frutícola Sur SpA');
    },
  );

  it('writes the Chilean subject and days in Chilean Spanish', () => {
    const rendered = renderReminder({ statement: chilean, invoiceIds: ['inv-1'], kind: 'overdue' });
    expect(rendered.subject).toBe('Frutícola Sur SpA: factura N° 4521 vencida');
    expect(rendered.text).toContain('- Factura N° 4521, vencimiento 01-03-2025 (30 días de mora): saldo $1.234.567');
  });

  it('grows firmer once an invoice is more than 30 days past due, in every locale', () => {
    const days = (n: number) => aStatement({ lines: [aLine({ daysOverdue: n })] });
    for (const [locale, firm] of [
      ['es-MX', 'más de 30 días de vencimiento'],
      ['es-CL', 'más de 30 días de mora'],
      ['en', 'more than 30 days past due'],
    ] as const) {
      const gentle = renderReminder({ statement: days(30), invoiceIds: ['inv-1'], kind: 'overdue', locale });
      const firmer = renderReminder({ statement: days(31), invoiceIds: ['inv-1'], kind: 'overdue', locale });
      expect([gentle.text.includes(firm), visible(gentle.html).includes(firm)]).toEqual([false, false]);
      expect([firmer.text.includes(firm), visible(firmer.html).includes(firm)]).toEqual([true, true]);
    }
  });

  it('says "1 day", not "1 days"', () => {
    const oneDay = aStatement({ lines: [aLine({ daysOverdue: 1 })] });
    expect(renderReminder({ statement: oneDay, invoiceIds: ['inv-1'], kind: 'overdue', locale: 'en' }).text).toContain(
      '(1 day overdue)',
    );
    expect(renderReminder({ statement: oneDay, invoiceIds: ['inv-1'], kind: 'overdue' }).text).toContain(
      '(1 día de atraso)',
    );
  });
});

describe('renderReminder, every rule kind says what it is about', () => {
  const render = (kind: Parameters<typeof renderReminder>[0]['kind'], invoiceIds = ['inv-2'], locale?: string) =>
    renderReminder({ statement: lopez, invoiceIds, kind, locale });

  it.each([
    ['due_soon', 'Distribuidora del Norte S.A. de C.V.: la factura A-1002 vence pronto', 'vence próximamente'],
    [
      'invoice_issued',
      'Distribuidora del Norte S.A. de C.V.: factura A-1002',
      'Le hacemos llegar la siguiente factura',
    ],
    ['statement', 'Distribuidora del Norte S.A. de C.V.: estado de cuenta al', 'sus documentos pendientes'],
    [
      'account_closing',
      'Distribuidora del Norte S.A. de C.V.: su línea de crédito está por suspenderse',
      'límite de morosidad',
    ],
    ['account_closed', 'Distribuidora del Norte S.A. de C.V.: línea de crédito suspendida', 'queda suspendida'],
  ] as const)('%s: its own subject and opening line, never "vencida"', (kind, subject, opening) => {
    const email = render(kind);
    expect(email.subject.startsWith(subject)).toBe(true);
    expect(email.text).toContain(opening);
    expect(visible(email.html)).toContain(opening);
    expect(email.subject).not.toMatch(/vencida/);
  });

  it('speaks the customer’s language for every kind (Chile, English)', () => {
    expect(render('due_soon', ['inv-2'], 'es-CL').subject).toMatch(/próxima a vencer/);
    expect(render('account_closed', ['inv-2'], 'en').subject).toMatch(/credit line suspended/);
  });
});
