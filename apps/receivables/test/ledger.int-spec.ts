import { status, type Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { readBadRequest, serviceMetadata } from '@chasqui/grpc';
import { concatMap, firstValueFrom, toArray } from 'rxjs';
import { waitFor } from '@chasqui/testing';
import { EventProbe } from './support/event-probe';
import { call, failure } from './support/calls';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(120_000);

const { InvoiceStatus, StatementScope } = receivables;
describe('the receivables ledger', () => {
  const server = new ReceivablesServer();
  let auth: Metadata;
  let customerId: string;
  let folio = 0;

  beforeAll(async () => {
    await server.start();
    ({ auth } = await server.tenant({
      settings: {
        defaultPaymentTermDays: 30,
        centsToleranceMinor: '50',
        pastInvoicesStartDate: '',
        newInvoicesStartDate: '',
        requireAttachments: false,
      },
    }));
    customerId = (await customer(auth, 'C-1')).id;
  });
  afterAll(() => server.stop());

  const customer = async (
    tenantAuth: Metadata,
    externalId: string,
    extra: Partial<receivables.CreateCustomerRequest> = {},
  ) =>
    (
      await call(
        server.client.createCustomer(
          {
            externalId,
            legalName: `Cliente ${externalId}`,
            taxId: 'XAXX010101000',
            timeZone: '',
            locale: '',
            contacts: [],
            ...extra,
          },
          tenantAuth,
        ),
      )
    ).customer!;

  const invoice = async (totalMinor: string, dueDate = '2026-10-01', owner = customerId, currency = 'MXN') =>
    (
      await call(
        server.client.createInvoice(
          {
            customerId: owner,
            series: 'A',
            folio: String(++folio),
            issueDate: '2026-01-01',
            dueDate,
            currency,
            totalMinor,
          },
          auth,
        ),
      )
    ).invoice!;

  const pay = (externalId: string, amountMinor: string, allocations: receivables.Allocation[], currency = 'MXN') =>
    server.client.recordPayment(
      { externalId, customerId, date: '2026-11-01', currency, amountMinor, allocations },
      auth,
    );

  const ledgerAddsUp = async () => {
    const { rows } = await server.sql.query(`
      select count(*)::int as broken from receivables.invoices i
       where i.balance_minor < 0
          or i.paid_minor <> coalesce((select sum(a.amount_minor) from receivables.allocations a where a.invoice_id = i.id), 0)
          or i.credited_minor + i.written_off_minor <>
             coalesce((select sum(j.amount_minor) from receivables.adjustments j where j.invoice_id = i.id), 0)`);
    return rows[0].broken === 0;
  };

  it('derives a missing due date from the customer credit days, else the tenant term', async () => {
    const withTerm = await call(
      server.client.createInvoice(
        {
          customerId,
          series: 'T',
          folio: '1',
          issueDate: '2026-11-01',
          dueDate: '',
          currency: 'MXN',
          totalMinor: '100',
        },
        auth,
      ),
    );
    expect(withTerm.invoice!.dueDate).toBe('2026-12-01');
    const fifteen = await customer(auth, 'C-15', { creditDays: 15 });
    const withCredit = await call(
      server.client.createInvoice(
        {
          customerId: fifteen.id,
          series: 'T',
          folio: '2',
          issueDate: '2026-11-01',
          dueDate: '',
          currency: 'MXN',
          totalMinor: '100',
        },
        auth,
      ),
    );
    expect(withCredit.invoice!.dueDate).toBe('2026-11-16');
  });

  it("validates the tax id by the tenant's country and stores it normalised", async () => {
    const error = await failure(
      server.client.createCustomer(
        { externalId: 'bad-rfc', legalName: 'X', taxId: 'CTO021307DZ8', timeZone: '', locale: '', contacts: [] },
        auth,
      ),
    );
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(readBadRequest(error).map((v) => v.field)).toEqual(['tax_id']);
    const chile = await server.tenant({
      name: 'Austral SpA',
      country: 'CL',
      timeZone: 'America/Santiago',
      defaultCurrency: 'CLP',
      locale: 'es-CL',
    });
    expect((await customer(chile.auth, 'CL-1', { taxId: '76.354.771-k' })).taxId).toBe('76354771-K');
    const wrongDigit = await failure(
      server.client.createCustomer(
        { externalId: 'CL-2', legalName: 'Y', taxId: '76354771-1', timeZone: '', locale: '', contacts: [] },
        chile.auth,
      ),
    );
    expect(readBadRequest(wrongDigit)[0]).toEqual({ field: 'tax_id', description: 'has a wrong check digit' });
  });

  it('applies a partial payment, then settles the rest', async () => {
    const inv = await invoice('100000');
    const partial = await call(pay('P-1', '40000', [{ invoiceId: inv.id, amountMinor: '40000' }]));
    expect(partial.invoices[0]).toMatchObject({
      balanceMinor: '60000',
      paidMinor: '40000',
      status: InvoiceStatus.INVOICE_STATUS_PARTIALLY_PAID,
    });
    const rest = await call(pay('P-2', '60000', [{ invoiceId: inv.id, amountMinor: '60000' }]));
    expect(rest.invoices[0]).toMatchObject({ balanceMinor: '0', status: InvoiceStatus.INVOICE_STATUS_PAID });
    expect(await ledgerAddsUp()).toBe(true);
  });

  it('announces the payment, every balance change and each invoice it settled', async () => {
    const probe = new EventProbe();
    await probe.start(server.amqpUrl);
    try {
      const a = await invoice('1000');
      const b = await invoice('2000');
      // Tolerance is 50: paying all but 30 cents settles a; b stays open.
      const { payment } = await call(
        pay('P-events', '2500', [
          { invoiceId: a.id, amountMinor: '970' },
          { invoiceId: b.id, amountMinor: '1530' },
        ]),
      );
      await waitFor(() => probe.of('receivables.invoice.changed').length === 2, 'two invoice.changed events');
      const recorded = probe.of('receivables.payment.recorded').map((m) => receivables.PaymentRecorded.decode(m.body));
      expect(recorded.map((r) => r.payment?.id)).toEqual([payment!.id]);
      const settled = probe.of('receivables.invoice.settled').map((m) => receivables.InvoiceSettled.decode(m.body));
      expect(settled.map((s) => [s.invoice?.id, s.invoice?.balanceMinor])).toEqual([[a.id, '30']]);
      expect(
        probe.of('receivables.invoice.issued').map((m) => receivables.InvoiceIssued.decode(m.body).invoice?.id),
      ).toEqual([a.id, b.id]);
    } finally {
      await probe.stop();
    }
  });

  it('spreads one payment over several invoices and keeps the unapplied rest', async () => {
    // A customer of its own: the rest is credit, which this customer's next invoices would spend.
    const own = (await customer(auth, 'C-unapplied')).id;
    const a = await invoice('3000', '2026-10-01', own);
    const b = await invoice('5000', '2026-10-01', own);
    const { payment, invoices } = await call(
      server.client.recordPayment(
        {
          externalId: 'P-multi',
          customerId: own,
          date: '2026-11-01',
          currency: 'MXN',
          amountMinor: '10000',
          allocations: [
            { invoiceId: a.id, amountMinor: '3000' },
            { invoiceId: b.id, amountMinor: '2000' },
          ],
        },
        auth,
      ),
    );
    expect(payment!.unappliedMinor).toBe('5000');
    expect(Object.fromEntries(invoices.map((i) => [i.id, i.balanceMinor]))).toEqual({ [a.id]: '0', [b.id]: '3000' });
  });

  it('records a payment once however often it is sent, and refuses a different one under the same id', async () => {
    const inv = await invoice('9000');
    const request = [{ invoiceId: inv.id, amountMinor: '1000' }];
    await call(pay('P-again', '1000', request));
    const replay = await call(pay('P-again', '1000', request));
    expect(replay.invoices[0].balanceMinor).toBe('8000');
    const conflict = await failure(pay('P-again', '2000', [{ invoiceId: inv.id, amountMinor: '2000' }]));
    expect(conflict.code).toBe(status.ALREADY_EXISTS);
    expect(readBadRequest(conflict)[0].field).toBe('external_id');
    const { rows } = await server.sql.query(
      `select count(*)::int as n from receivables.payments where external_id = 'P-again'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it.each([
    [
      'more than the balance',
      () => [{ invoiceId: '', amountMinor: '5001' }],
      '5001',
      'allocations[0].amount_minor',
      status.INVALID_ARGUMENT,
    ],
    [
      'more than the payment',
      () => [{ invoiceId: '', amountMinor: '100' }],
      '50',
      'allocations',
      status.INVALID_ARGUMENT,
    ],
    [
      'an unknown invoice',
      () => [{ invoiceId: '6f1c1d1e-0000-4000-8000-000000000000', amountMinor: '1' }],
      '1',
      'allocations[0].invoice_id',
      status.NOT_FOUND,
    ],
  ])(
    'refuses an allocation of %s, naming the field, and changes nothing',
    async (_, allocations, amount, field, code) => {
      const inv = await invoice('5000');
      const list = allocations().map((a) => ({ ...a, invoiceId: a.invoiceId || inv.id }));
      const error = await failure(pay(`P-bad-${field}-${folio}`, amount, list));
      expect(error.code).toBe(code);
      expect(readBadRequest(error).map((v) => v.field)).toContain(field);
      const { rows } = await server.sql.query(
        'select balance_minor::text as b from receivables.invoices where id = $1',
        [inv.id],
      );
      expect(rows[0].b).toBe('5000');
    },
  );

  it("refuses to apply a payment to another customer's invoice or in another currency", async () => {
    const other = await customer(auth, 'C-other');
    const theirs = await invoice('1000', '2026-10-01', other.id);
    expect(
      readBadRequest(await failure(pay('P-x1', '1000', [{ invoiceId: theirs.id, amountMinor: '1000' }])))[0],
    ).toMatchObject({
      field: 'allocations[0].invoice_id',
    });
    const dollars = await invoice('1000', '2026-10-01', customerId, 'USD');
    expect((await failure(pay('P-x2', '1000', [{ invoiceId: dollars.id, amountMinor: '1000' }]))).code).toBe(
      status.INVALID_ARGUMENT,
    );
  });

  it('takes a credit note, then writes off the rest: written off, and the ledger adds up', async () => {
    const inv = await invoice('20000');
    const credited = await call(
      server.client.recordCreditNote(
        { externalId: 'NC-1', invoiceId: inv.id, date: '2026-11-02', amountMinor: '5000', reason: 'devolución' },
        auth,
      ),
    );
    expect(credited.invoice).toMatchObject({ balanceMinor: '15000', creditedMinor: '5000' });
    const written = await call(
      server.client.writeOff({ externalId: 'WO-1', invoiceId: inv.id, date: '2026-11-03', reason: 'incobrable' }, auth),
    );
    expect(written.invoice).toMatchObject({
      balanceMinor: '0',
      writtenOffMinor: '15000',
      status: InvoiceStatus.INVOICE_STATUS_WRITTEN_OFF,
    });
    const again = await failure(
      server.client.recordCreditNote(
        { externalId: 'NC-2', invoiceId: inv.id, date: '2026-11-04', amountMinor: '1', reason: '' },
        auth,
      ),
    );
    expect(readBadRequest(again)[0].field).toBe('amount_minor');
    expect(await ledgerAddsUp()).toBe(true);
  });

  it('states what is owed by scope, with aging per currency', async () => {
    const aged = await customer(auth, 'C-aging');
    const on = (dueDate: string, totalMinor: string) => invoice(totalMinor, dueDate, aged.id);
    await on('2026-11-30', '100'); // current
    await on('2026-11-10', '200'); // 12 days
    await on('2026-09-15', '400'); // 68 days
    await on('2026-06-01', '800'); // 174 days
    const all = await call(
      server.client.getStatement(
        { customerId: aged.id, asOf: '2026-11-22', scope: StatementScope.STATEMENT_SCOPE_ALL_OPEN },
        auth,
      ),
    );
    expect(all.statement!.lines).toHaveLength(4);
    expect(all.statement!.totals[0]).toMatchObject({
      currency: 'MXN',
      balanceMinor: '1500',
      overdueMinor: '1400',
      aging: {
        currentMinor: '100',
        overdue1to30Minor: '200',
        overdue31to60Minor: '0',
        overdue61to90Minor: '400',
        overdueOver90Minor: '800',
      },
    });
    const overdue = await call(
      server.client.getStatement(
        { customerId: aged.id, asOf: '2026-11-22', scope: StatementScope.STATEMENT_SCOPE_OVERDUE_ONLY },
        auth,
      ),
    );
    expect(overdue.statement!.lines.map((l) => l.daysOverdue)).toEqual([174, 68, 12]);
  });

  it("reports the tenant's aging and its largest debtors, and another tenant sees none of it", async () => {
    const { auth: fresh } = await server.tenant({ name: 'Aging SA' });
    const make = async (externalId: string, rows: [string, string][]) => {
      const c = await customer(fresh, externalId);
      for (const [dueDate, totalMinor] of rows) {
        await call(
          server.client.createInvoice(
            {
              customerId: c.id,
              series: externalId,
              folio: dueDate,
              issueDate: '2026-01-01',
              dueDate,
              currency: 'MXN',
              totalMinor,
            },
            fresh,
          ),
        );
      }
      return c;
    };
    const small = await make('small', [['2026-11-10', '100']]);
    const big = await make('big', [
      ['2026-06-01', '5000'],
      ['2026-12-31', '700'],
    ]);
    const report = await call(server.client.getAgingReport({ asOf: '2026-11-22', topDebtors: 0 }, fresh));
    expect(report.totals).toEqual([
      {
        currency: 'MXN',
        balanceMinor: '5800',
        overdueMinor: '5100',
        aging: {
          currentMinor: '700',
          overdue1to30Minor: '100',
          overdue31to60Minor: '0',
          overdue61to90Minor: '0',
          overdueOver90Minor: '5000',
        },
      },
    ]);
    expect(report.topDebtors.map((d) => [d.customerId, d.overdueMinor, d.oldestDaysOverdue])).toEqual([
      [big.id, '5000', 174],
      [small.id, '100', 12],
    ]);
    const elsewhere = await call(server.client.getAgingReport({ asOf: '2026-11-22', topDebtors: 5 }, auth));
    expect(elsewhere.topDebtors.map((d) => d.customerId)).not.toContain(big.id);
  });

  it('moves a due date and takes a disputed invoice out of collection until the dispute is lifted', async () => {
    const { id: tenantId, auth: own } = await server.tenant({ name: 'Disputas SA' });
    const c = await customer(own, 'D-1');
    const create = (folio: string) =>
      call(
        server.client.createInvoice(
          {
            customerId: c.id,
            series: 'D',
            folio,
            issueDate: '2026-10-01',
            dueDate: '2026-10-31',
            currency: 'MXN',
            totalMinor: '900',
          },
          own,
        ),
      );
    const disputed = (await create('1')).invoice!;
    const moved = (await create('2')).invoice!;
    const collectible = async () =>
      (
        await firstValueFrom(
          server.client
            .listCollectibles(
              { dueFrom: '', dueTo: '2026-11-22', issuedFrom: '', customerId: '', changedSince: '', invoiceIds: [] },
              serviceMetadata('dev-service-token', tenantId),
            )
            .pipe(
              concatMap((page) => page.collectibles),
              toArray(),
            ),
        )
      ).map((item) => item.invoiceId);
    expect((await collectible()).sort()).toEqual([disputed.id, moved.id].sort());

    await call(server.client.updateInvoice({ invoiceId: disputed.id, inDispute: true }, own));
    const later = await call(server.client.updateInvoice({ invoiceId: moved.id, dueDate: '2026-12-15' }, own));
    expect(later.invoice).toMatchObject({ dueDate: '2026-12-15', inDispute: false });
    expect(await collectible()).toEqual([]);

    await call(server.client.updateInvoice({ invoiceId: disputed.id, inDispute: false }, own));
    expect(await collectible()).toEqual([disputed.id]);
    const early = await failure(server.client.updateInvoice({ invoiceId: moved.id, dueDate: '2026-09-01' }, own));
    expect(readBadRequest(early)[0].field).toBe('due_date');
  });

  it('lists only the invoices due on the dates asked for, and those changed since', async () => {
    const { id: tenantId, auth: own } = await server.tenant({ name: 'Ventanas SA' });
    const c = await customer(own, 'W-1');
    const byDue = new Map<string, string>();
    // Due every day from 1 to 14 November.
    for (let day = 1; day <= 14; day++) {
      const dueDate = `2026-11-${String(day).padStart(2, '0')}`;
      const { invoice } = await call(
        server.client.createInvoice(
          {
            customerId: c.id,
            series: 'W',
            folio: String(day),
            issueDate: '2026-10-01',
            dueDate,
            currency: 'MXN',
            totalMinor: '900',
          },
          own,
        ),
      );
      byDue.set(invoice!.id, dueDate);
    }
    const dues = async (request: Partial<receivables.ListCollectiblesRequest>) =>
      (
        await firstValueFrom(
          server.client
            .listCollectibles(
              { dueFrom: '', dueTo: '', issuedFrom: '', customerId: '', changedSince: '', invoiceIds: [], ...request },
              serviceMetadata('dev-service-token', tenantId),
            )
            .pipe(
              concatMap((page) => page.collectibles),
              toArray(),
            ),
        )
      ).map((item) => byDue.get(item.invoiceId)!.slice(8));
    const only = (...ranges: [string, string][]) => ({
      dueDates: { zones: [{ timeZone: '', ranges: ranges.map(([first, last]) => ({ first, last })) }] },
    });
    const days = (first: string, last: string): [string, string] => [`2026-11-${first}`, `2026-11-${last}`];
    // Exactly the due dates asked for: single days and ranges, overlapping ones once.
    expect(await dues(only(days('05', '06'), days('12', '13')))).toEqual(['05', '06', '12', '13']);
    expect(await dues(only(days('02', '04'), days('03', '05'), days('14', '30')))).toEqual([
      '02',
      '03',
      '04',
      '05',
      '14',
    ]);
    // None asked for: none listed (not every one).
    expect(await dues({ dueDates: { zones: [] } })).toEqual([]);
    expect(await dues(only())).toEqual([]);
    // With a due window (due on or after 8 November) both apply.
    expect(await dues({ ...only(days('01', '11')), dueFrom: '2026-11-08' })).toEqual(['08', '09', '10', '11']);
    const window = (fromDays: number) => (fromDays === 5 ? only() : only(days('05', '06'), days('12', '13')));

    // An invoice changed after the instant comes whatever its dates; the others only by the window.
    const before = new Date().toISOString();
    const paid = [...byDue].find(([, due]) => due === '2026-11-03')![0];
    await call(
      server.client.recordPayment(
        {
          externalId: 'W-P1',
          customerId: c.id,
          date: '2026-11-20',
          currency: 'MXN',
          amountMinor: '100',
          allocations: [{ invoiceId: paid, amountMinor: '100' }],
        },
        own,
      ),
    );
    expect(await dues({ ...window(5), changedSince: before })).toEqual(['03']);
    expect(await dues({ ...window(1), changedSince: before })).toEqual(['03', '05', '06', '12', '13']);
    expect(await dues({ ...window(1), changedSince: new Date().toISOString() })).toEqual(['05', '06', '12', '13']);

    // Only the invoices asked for (the scheduler re-checking the reminders an approval releases).
    const idOf = (day: string) => [...byDue].find(([, due]) => due === `2026-11-${day}`)![0];
    expect(await dues({ invoiceIds: [idOf('09'), idOf('05')] })).toEqual(['05', '09']);

    const bad = await failure(
      server.client.listCollectibles(
        {
          dueFrom: '',
          dueTo: '',
          issuedFrom: '',
          customerId: '',
          changedSince: '',
          invoiceIds: [],
          ...only(['2026-11-10', '2026-11-09']),
        },
        serviceMetadata('dev-service-token', tenantId),
      ),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
  });

  it('lists the due and issue dates asked for in each customer’s own zone', async () => {
    const { id: tenantId, auth: own } = await server.tenant({ name: 'Husos SA' });
    const zones = { mx: 'America/Mexico_City', ki: 'Pacific/Kiritimati' } as const;
    const dueOf = new Map<string, string>();
    for (const [key, timeZone] of Object.entries(zones)) {
      const c = await customer(own, `Z-${key}`, { timeZone });
      for (let day = 18; day <= 23; day++) {
        const dueDate = `2026-11-${day}`;
        const { invoice } = await call(
          server.client.createInvoice(
            {
              customerId: c.id,
              series: key,
              folio: String(day),
              issueDate: '2026-10-01',
              dueDate,
              currency: 'MXN',
              totalMinor: '900',
            },
            own,
          ),
        );
        dueOf.set(invoice!.id, `${key} ${day}`);
      }
    }
    const dues = async (request: Partial<receivables.ListCollectiblesRequest>) =>
      (
        await firstValueFrom(
          server.client
            .listCollectibles(
              { dueFrom: '', dueTo: '', issuedFrom: '', customerId: '', changedSince: '', invoiceIds: [], ...request },
              serviceMetadata('dev-service-token', tenantId),
            )
            .pipe(
              concatMap((page) => page.collectibles),
              toArray(),
            ),
        )
      )
        .map((item) => dueOf.get(item.invoiceId)!)
        .sort();
    const zone = (timeZone: string, ...ranges: [number, number][]) => ({
      timeZone,
      ranges: ranges.map(([first, last]) => ({ first: `2026-11-${first}`, last: `2026-11-${last}` })),
    });
    // Each zone's own dates; a zone not named gets none.
    expect(await dues({ dueDates: { zones: [zone(zones.mx, [20, 21]), zone(zones.ki, [22, 22])] } })).toEqual([
      'ki 22',
      'mx 20',
      'mx 21',
    ]);
    expect(await dues({ dueDates: { zones: [zone(zones.ki, [18, 19], [23, 30])] } })).toEqual([
      'ki 18',
      'ki 19',
      'ki 23',
    ]);
    // Dates for every zone join each zone's own.
    expect(await dues({ dueDates: { zones: [zone('', [18, 18]), zone(zones.mx, [23, 23])] } })).toEqual([
      'ki 18',
      'mx 18',
      'mx 23',
    ]);
    // Issue dates the same way: all were issued on 1 October.
    const issued = (timeZone: string) => ({
      issueDates: { zones: [{ timeZone, ranges: [{ first: '2026-10-01', last: '2026-10-01' }] }] },
    });
    expect(await dues(issued(zones.ki))).toEqual(['ki 18', 'ki 19', 'ki 20', 'ki 21', 'ki 22', 'ki 23']);
    // Wide spans are read as a range, not date by date: seventy-six years of dates, in Mexico City only.
    expect(
      await dues({
        dueDates: { zones: [{ timeZone: zones.mx, ranges: [{ first: '1950-01-01', last: '2026-11-20' }] }] },
      }),
    ).toEqual(['mx 18', 'mx 19', 'mx 20']);
    const bad = await failure(
      server.client.listCollectibles(
        {
          dueFrom: '',
          dueTo: '',
          issuedFrom: '',
          customerId: '',
          changedSince: '',
          invoiceIds: [],
          dueDates: { zones: [zone('Mars/Olympus_Mons', [18, 19])] },
        },
        serviceMetadata('dev-service-token', tenantId),
      ),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
  });

  it('tells the scheduler the zones, country and oldest open due date of the collectibles', async () => {
    const { id: tenantId, auth: own } = await server.tenant({ name: 'Alcance SA' });
    const scope = () =>
      firstValueFrom(server.client.getCollectibleScope({}, serviceMetadata('dev-service-token', tenantId)));
    const none = await scope();
    expect(none.oldestDueDate).toBe('');
    const c = await customer(own, 'S-1', { timeZone: 'Pacific/Kiritimati' });
    await customer(own, 'S-2');
    for (const [folio, dueDate] of [
      ['1', '2026-11-03'],
      ['2', '2026-10-28'],
    ]) {
      await call(
        server.client.createInvoice(
          {
            customerId: c.id,
            series: 'S',
            folio,
            issueDate: '2026-10-01',
            dueDate,
            currency: 'MXN',
            totalMinor: '900',
          },
          own,
        ),
      );
    }
    const { zones, oldestDueDate } = await scope();
    expect(oldestDueDate).toBe('2026-10-28');
    const tenantZone = none.zones.map((z) => z.timeZone);
    expect(tenantZone).toHaveLength(1);
    expect(zones.map((z) => z.timeZone).sort()).toEqual([...new Set(['Pacific/Kiritimati', ...tenantZone])].sort());
    expect(new Set(zones.map((z) => z.country)).size).toBe(1);
    const refused = await failure(server.client.getCollectibleScope({}, own));
    expect(refused.code).toBe(status.PERMISSION_DENIED);
  });

  it("refuses a tenant's key on the services-only ListCollectibles", async () => {
    const error = await failure(
      server.client.listCollectibles(
        { dueFrom: '', dueTo: '', issuedFrom: '', customerId: '', changedSince: '', invoiceIds: [] },
        auth,
      ),
    );
    expect(error.code).toBe(status.PERMISSION_DENIED);
  });

  it('lists the contacts of the customers asked for, to services only, within the tenant', async () => {
    const a = await server.tenant({ name: 'Contactos A' });
    const b = await server.tenant({ name: 'Contactos B' });
    const withContacts = await customer(a.auth, 'K-1', {
      contacts: [
        { name: 'Pagos', email: 'pagos@k1.mx', role: 'finanzas', receivesReminders: true },
        { name: 'Dirección', email: 'direccion@k1.mx', role: 'direccion', receivesReminders: false },
      ],
    });
    const none = await customer(a.auth, 'K-2');
    const elsewhere = await customer(b.auth, 'K-3', {
      contacts: [{ name: 'Pagos', email: 'pagos@k3.mx', role: 'finanzas', receivesReminders: true }],
    });
    const list = (tenantId: string, customerIds: string[]) =>
      call(server.client.listContacts({ customerIds }, serviceMetadata('dev-service-token', tenantId)));

    const { customers } = await list(a.id, [withContacts.id, none.id, elsewhere.id]);
    expect(customers).toEqual([
      {
        customerId: withContacts.id,
        contacts: [
          expect.objectContaining({ email: 'direccion@k1.mx', receivesReminders: false, undeliverable: false }),
          expect.objectContaining({ email: 'pagos@k1.mx', role: 'finanzas', receivesReminders: true }),
        ],
      },
    ]);
    expect((await list(b.id, [withContacts.id])).customers).toEqual([]);
    expect((await failure(server.client.listContacts({ customerIds: [none.id] }, a.auth))).code).toBe(
      status.PERMISSION_DENIED,
    );
    for (const customerIds of [[], ['K-1']]) {
      const bad = await failure(
        server.client.listContacts({ customerIds }, serviceMetadata('dev-service-token', a.id)),
      );
      expect([bad.code, readBadRequest(bad)[0].field]).toEqual([
        status.INVALID_ARGUMENT,
        expect.stringMatching(/^customer_ids/),
      ]);
    }
  });

  describe("tenant B's key against tenant A's data", () => {
    let other: Metadata;
    let invoiceId: string;
    beforeAll(async () => {
      other = (await server.tenant({ name: 'Otra' })).auth;
      invoiceId = (await invoice('700')).id;
    });

    it.each([
      [
        'GetStatement',
        () =>
          server.client.getStatement(
            { customerId, asOf: '2026-11-22', scope: StatementScope.STATEMENT_SCOPE_ALL_OPEN },
            other,
          ),
      ],
      [
        'CreateInvoice',
        () =>
          server.client.createInvoice(
            {
              customerId,
              series: 'Z',
              folio: '1',
              issueDate: '2026-11-01',
              dueDate: '',
              currency: 'MXN',
              totalMinor: '1',
            },
            other,
          ),
      ],
      [
        'RecordPayment',
        () =>
          server.client.recordPayment(
            { externalId: 'B-1', customerId, date: '2026-11-01', currency: 'MXN', amountMinor: '1', allocations: [] },
            other,
          ),
      ],
      [
        'RecordCreditNote',
        () =>
          server.client.recordCreditNote(
            { externalId: 'B-2', invoiceId, date: '2026-11-01', amountMinor: '1', reason: '' },
            other,
          ),
      ],
      ['UpdateInvoice', () => server.client.updateInvoice({ invoiceId, inDispute: true }, other)],
      [
        'WriteOff',
        () => server.client.writeOff({ externalId: 'B-3', invoiceId, date: '2026-11-01', reason: '' }, other),
      ],
    ])('%s answers NOT_FOUND and changes nothing', async (_, request) => {
      expect((await failure(request())).code).toBe(status.NOT_FOUND);
      const { rows } = await server.sql.query(
        'select balance_minor::text as b from receivables.invoices where id = $1',
        [invoiceId],
      );
      expect(rows[0].b).toBe('700');
    });
  });
});
