import { status, type Metadata } from '@grpc/grpc-js';
import { receivables } from '@chasqui/contracts';
import { readBadRequest } from '@chasqui/grpc';
import { waitFor } from '@chasqui/testing';
import { from, firstValueFrom } from 'rxjs';
import { crossedLines, invoicesThatDoNotAddUp, paymentsThatDoNotAddUp } from './fuzz/ledger-audit';
import { call, failure } from './support/calls';
import { EventProbe } from './support/event-probe';
import { ReceivablesServer } from './support/receivables-server';

jest.setTimeout(120_000);

const { InvoiceStatus, PaymentAllocation } = receivables;

describe('payments that name no invoices, and the credit they leave', () => {
  const server = new ReceivablesServer();
  let folio = 0;
  let paymentNo = 0;
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const customer = async (auth: Metadata, externalId = `C-${++folio}`) =>
    (
      await call(
        server.client.createCustomer(
          { externalId, legalName: externalId, taxId: '', timeZone: '', locale: '', contacts: [] },
          auth,
        ),
      )
    ).customer!.id;

  const invoice = async (auth: Metadata, customerId: string, totalMinor: string, dueDate: string, currency = 'MXN') =>
    (
      await call(
        server.client.createInvoice(
          {
            customerId,
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

  const pay = (
    auth: Metadata,
    customerId: string,
    amountMinor: string,
    extra: Partial<receivables.RecordPaymentRequest> = {},
  ) =>
    server.client.recordPayment(
      {
        externalId: `P-${++paymentNo}`,
        customerId,
        date: '2026-11-01',
        currency: 'MXN',
        amountMinor,
        allocations: [],
        ...extra,
      },
      auth,
    );

  const credit = (auth: Metadata, customerId: string) =>
    call(server.client.getCustomerCredit({ customerId }, auth)).then((r) =>
      Object.fromEntries(r.credits.map((c) => [c.currency, c.creditMinor])),
    );

  const balances = async (ids: string[]) => {
    const { rows } = await server.sql.query<{ id: string; balance: string }>(
      `select id, balance_minor::text as balance from receivables.invoices where id = any($1::uuid[])`,
      [ids],
    );
    return ids.map((id) => rows.find((r) => r.id === id)!.balance);
  };

  const asGivenSettings = {
    defaultPaymentTermDays: 30,
    centsToleranceMinor: '0',
    pastInvoicesStartDate: '',
    newInvoicesStartDate: '',
    requireAttachments: false,
    paymentAllocation: PaymentAllocation.PAYMENT_ALLOCATION_AS_GIVEN,
  };

  it("applies it to the customer's open invoices in its currency, oldest due first, leaving disputed ones alone", async () => {
    const { auth } = await server.tenant();
    const c = await customer(auth);
    const late = await invoice(auth, c, '3000', '2026-12-01');
    const oldest = await invoice(auth, c, '1000', '2026-10-01');
    const middle = await invoice(auth, c, '2000', '2026-11-01');
    const dollars = await invoice(auth, c, '500', '2026-09-01', 'USD');
    const disputed = await invoice(auth, c, '700', '2026-08-01');
    await call(server.client.updateInvoice({ invoiceId: disputed.id, inDispute: true }, auth));

    const { payment, invoices } = await call(pay(auth, c, '3500'));
    expect(payment!.allocations).toEqual([
      { invoiceId: oldest.id, amountMinor: '1000' },
      { invoiceId: middle.id, amountMinor: '2000' },
      { invoiceId: late.id, amountMinor: '500' },
    ]);
    expect(payment!.unappliedMinor).toBe('0');
    expect(invoices.map((i) => [i.id, i.balanceMinor, i.status])).toEqual([
      [oldest.id, '0', InvoiceStatus.INVOICE_STATUS_PAID],
      [middle.id, '0', InvoiceStatus.INVOICE_STATUS_PAID],
      [late.id, '2500', InvoiceStatus.INVOICE_STATUS_PARTIALLY_PAID],
    ]);
    expect(await balances([dollars.id, disputed.id])).toEqual(['500', '700']);
    expect(await credit(auth, c)).toEqual({});
  });

  it('keeps what is paid beyond the open invoices as credit, which the next invoices spend, oldest credit first', async () => {
    const { auth } = await server.tenant();
    const c = await customer(auth);
    const open = await invoice(auth, c, '1000', '2026-10-01');
    const first = await call(pay(auth, c, '1600', { date: '2026-11-01' }));
    expect(first.payment).toMatchObject({
      unappliedMinor: '600',
      allocations: [{ invoiceId: open.id, amountMinor: '1000' }],
    });
    // Recorded later but dated earlier: the older credit.
    const second = await call(pay(auth, c, '300', { date: '2026-10-15' }));
    expect(second.payment).toMatchObject({ unappliedMinor: '300', allocations: [] });
    const dollars = await call(pay(auth, c, '50', { currency: 'USD' }));
    const answer = await call(server.client.getCustomerCredit({ customerId: c }, auth));
    expect(answer.credits.map((k) => [k.currency, k.creditMinor, k.payments.map((p) => p.id)])).toEqual([
      ['MXN', '900', [second.payment!.id, first.payment!.id]],
      ['USD', '50', [dollars.payment!.id]],
    ]);

    // 400 MXN: 300 from the older credit, 100 from the newer.
    const next = await invoice(auth, c, '400', '2026-12-01');
    expect(next).toMatchObject({ balanceMinor: '0', paidMinor: '400', status: InvoiceStatus.INVOICE_STATUS_PAID });
    expect(await credit(auth, c)).toEqual({ MXN: '500', USD: '50' });
    // 800 MXN: the 500 left, 300 still owed; the USD credit stays for USD invoices.
    const bigger = await invoice(auth, c, '800', '2026-12-15');
    expect(bigger).toMatchObject({ balanceMinor: '300', paidMinor: '500' });
    expect(await credit(auth, c)).toEqual({ USD: '50' });
    const usd = await invoice(auth, c, '20', '2026-12-15', 'USD');
    expect(usd).toMatchObject({ balanceMinor: '0' });
    expect(await credit(auth, c)).toEqual({ USD: '30' });

    // Each spending is an allocation of the payment that held the credit.
    const { rows } = await server.sql.query(
      `select p.external_id, i.id as invoice_id, a.amount_minor::text as amount, a.source
         from receivables.allocations a join receivables.payments p on p.id = a.payment_id
         join receivables.invoices i on i.id = a.invoice_id
        where p.customer_id = $1 order by a.applied_at, p.date`,
      [c],
    );
    expect(rows).toEqual([
      { external_id: first.payment!.externalId, invoice_id: open.id, amount: '1000', source: 'oldest_first' },
      { external_id: second.payment!.externalId, invoice_id: next.id, amount: '300', source: 'credit' },
      { external_id: first.payment!.externalId, invoice_id: next.id, amount: '100', source: 'credit' },
      { external_id: first.payment!.externalId, invoice_id: bigger.id, amount: '500', source: 'credit' },
      { external_id: dollars.payment!.externalId, invoice_id: usd.id, amount: '20', source: 'credit' },
    ]);
    expect(await invoicesThatDoNotAddUp(server.sql)).toEqual([]);
    expect(await paymentsThatDoNotAddUp(server.sql)).toEqual([]);
  });

  it('announces an invoice that credit settled as it is issued', async () => {
    const probe = new EventProbe();
    await probe.start(server.amqpUrl);
    try {
      const { auth } = await server.tenant();
      const c = await customer(auth);
      await call(pay(auth, c, '1000'));
      const settled = await invoice(auth, c, '1000', '2026-12-01');
      await waitFor(() => probe.of('receivables.invoice.settled').length === 1, 'invoice.settled');
      const issued = probe
        .of('receivables.invoice.issued')
        .map((m) => receivables.InvoiceIssued.decode(m.body).invoice);
      expect(issued.map((i) => [i?.id, i?.balanceMinor])).toEqual([[settled.id, '0']]);
      expect(receivables.InvoiceSettled.decode(probe.of('receivables.invoice.settled')[0].body).invoice?.id).toBe(
        settled.id,
      );
    } finally {
      await probe.stop();
    }
  });

  it('spends credit on invoices that arrive by ImportInvoices too', async () => {
    const { auth } = await server.tenant();
    const c = await customer(auth, 'ERP-credit');
    await call(pay(auth, c, '250'));
    const row = (folioNo: string, dueDate: string, totalMinor: string): receivables.InvoiceRow => ({
      customerExternalId: 'ERP-credit',
      series: 'IMP',
      folio: folioNo,
      issueDate: '2026-11-01',
      dueDate,
      currency: 'MXN',
      totalMinor,
    });
    const result = await firstValueFrom(
      server.client.importInvoices(
        from([{ rows: [row('2', '2026-12-20', '100'), row('1', '2026-12-10', '200')] }]),
        auth,
      ),
    );
    expect(result).toMatchObject({ imported: '2', errors: [] });
    const { rows } = await server.sql.query(
      `select folio, balance_minor::text as balance, paid_minor::text as paid from receivables.invoices
        where customer_id = $1 order by folio`,
      [c],
    );
    // The one due first takes 200, the other the 50 left.
    expect(rows).toEqual([
      { folio: '1', balance: '0', paid: '200' },
      { folio: '2', balance: '50', paid: '50' },
    ]);
    expect(await credit(auth, c)).toEqual({});
    expect(await paymentsThatDoNotAddUp(server.sql)).toEqual([]);
  });

  it('leaves a payment without allocations unapplied when the tenant takes payments as the ERP gives them', async () => {
    const { auth } = await server.tenant({ settings: asGivenSettings });
    const c = await customer(auth);
    const open = await invoice(auth, c, '1000', '2026-10-01');
    const { payment, invoices } = await call(pay(auth, c, '400'));
    expect(payment).toMatchObject({ unappliedMinor: '400', allocations: [] });
    expect(invoices).toEqual([]);
    expect(await balances([open.id])).toEqual(['1000']);
    expect(await credit(auth, c)).toEqual({ MXN: '400' });
    // Named allocations still apply; the rest joins the credit.
    const named = await call(pay(auth, c, '700', { allocations: [{ invoiceId: open.id, amountMinor: '600' }] }));
    expect(named.payment!.unappliedMinor).toBe('100');
    expect(await balances([open.id])).toEqual(['400']);
    // A later invoice spends it.
    expect(await invoice(auth, c, '450', '2026-12-01')).toMatchObject({ balanceMinor: '0' });
    expect(await credit(auth, c)).toEqual({ MXN: '50' });
  });

  it('keeps the leftover of named allocations as credit, without paying other invoices', async () => {
    const { auth } = await server.tenant();
    const c = await customer(auth);
    const named = await invoice(auth, c, '1000', '2026-11-01');
    const other = await invoice(auth, c, '1000', '2026-10-01');
    const { payment } = await call(
      pay(auth, c, '1500', { allocations: [{ invoiceId: named.id, amountMinor: '1000' }] }),
    );
    expect(payment!.unappliedMinor).toBe('500');
    expect(await balances([named.id, other.id])).toEqual(['0', '1000']);
    expect(await credit(auth, c)).toEqual({ MXN: '500' });
  });

  it('answers a payment sent again as a replay, even after its credit was spent, and refuses a different one', async () => {
    const { auth } = await server.tenant();
    const c = await customer(auth);
    const open = await invoice(auth, c, '100', '2026-10-01');
    const request = {
      externalId: 'SAME',
      customerId: c,
      date: '2026-11-01',
      currency: 'MXN',
      amountMinor: '300',
      allocations: [],
    };
    const first = await call(server.client.recordPayment(request, auth));
    await invoice(auth, c, '150', '2026-12-01'); // spends 150 of the 200 left
    const again = await call(server.client.recordPayment(request, auth));
    expect(again.payment).toMatchObject({ id: first.payment!.id, unappliedMinor: '50' });
    expect(again.invoices.map((i) => i.id)).toEqual([open.id]);
    const different = await failure(server.client.recordPayment({ ...request, amountMinor: '301' }, auth));
    expect([different.code, readBadRequest(different)[0].field]).toEqual([status.ALREADY_EXISTS, 'external_id']);
    const named = await failure(
      server.client.recordPayment({ ...request, allocations: [{ invoiceId: open.id, amountMinor: '100' }] }, auth),
    );
    expect(named.code).toBe(status.ALREADY_EXISTS);
    const { rows } = await server.sql.query(
      `select count(*)::int as n from receivables.payments where external_id = 'SAME' and customer_id = $1`,
      [c],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('never leaves a customer both credit and an open balance when a payment and an invoice race', async () => {
    const { auth } = await server.tenant();
    const customers = await Promise.all(Array.from({ length: 12 }, () => customer(auth)));
    await Promise.all(customers.flatMap((c) => [call(pay(auth, c, '1000')), invoice(auth, c, '1000', '2026-12-01')]));
    const { rows } = await server.sql.query(
      `select c.id,
              (select coalesce(sum(unapplied_minor), 0) from receivables.payments p where p.customer_id = c.id)::text as credit,
              (select coalesce(sum(balance_minor), 0) from receivables.invoices i where i.customer_id = c.id)::text as owed
         from receivables.customers c where c.id = any($1::uuid[])`,
      [customers],
    );
    expect(rows.map((r) => [r.credit, r.owed])).toEqual(customers.map(() => ['0', '0']));
    expect(await invoicesThatDoNotAddUp(server.sql)).toEqual([]);
    expect(await paymentsThatDoNotAddUp(server.sql)).toEqual([]);
  });

  it.each<[string, Partial<receivables.RecordPaymentRequest>, string]>([
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a zero amount', { amountMinor: '0' }, 'amount_minor'],
    ['a date that does not exist', { date: '2026-02-30' }, 'date'],
    ['a customer id that is not one', { customerId: 'C-1' }, 'customer_id'],
  ])('refuses a payment without allocations with %s, naming the field, and applies nothing', async (_, bad, field) => {
    const { auth } = await server.tenant();
    const c = await customer(auth);
    const open = await invoice(auth, c, '1000', '2026-10-01');
    const error = await failure(pay(auth, c, '100', bad));
    expect([error.code, readBadRequest(error).map((v) => v.field)]).toEqual([status.INVALID_ARGUMENT, [field]]);
    expect(await balances([open.id])).toEqual(['1000']);
    expect(await credit(auth, c)).toEqual({});
  });

  it('refuses a credit question without a valid customer id, naming the field', async () => {
    const { auth } = await server.tenant();
    const error = await failure(server.client.getCustomerCredit({ customerId: 'C-1' }, auth));
    expect([error.code, readBadRequest(error)]).toEqual([
      status.INVALID_ARGUMENT,
      [{ field: 'customer_id', description: 'must be a UUID' }],
    ]);
  });

  it("keeps another tenant's key away from this tenant's credit, invoices and payments", async () => {
    const a = await server.tenant({ name: 'A' });
    const b = await server.tenant({ name: 'B' });
    const ca = await customer(a.auth, 'same-external-id');
    const cb = await customer(b.auth, 'same-external-id');
    const open = await invoice(a.auth, ca, '1000', '2026-10-01');
    await call(pay(a.auth, ca, '1500')); // pays the invoice, 500 credit
    expect(await credit(a.auth, ca)).toEqual({ MXN: '500' });

    const seen = await failure(server.client.getCustomerCredit({ customerId: ca }, b.auth));
    expect([seen.code, readBadRequest(seen)[0].field]).toEqual([status.NOT_FOUND, 'customer_id']);
    const paid = await failure(pay(b.auth, ca, '100'));
    expect([paid.code, readBadRequest(paid)[0].field]).toEqual([status.NOT_FOUND, 'customer_id']);

    // B's own customer, own payment, own invoice: nothing of A's moves.
    await call(pay(b.auth, cb, '100'));
    expect(await credit(b.auth, cb)).toEqual({ MXN: '100' });
    expect(await invoice(b.auth, cb, '800', '2026-12-01')).toMatchObject({ balanceMinor: '700' });
    expect(await credit(a.auth, ca)).toEqual({ MXN: '500' });
    expect(await balances([open.id])).toEqual(['0']);
    expect(await crossedLines(server.sql)).toEqual([]);
  });
});
